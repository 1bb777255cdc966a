package dev.cairn.core.signer.internal;

import dev.cairn.core.crypto.Ed25519PrivateKey;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.SignerException;
import dev.cairn.core.signer.SoftwareSigner;
import java.util.concurrent.CompletableFuture;

/** In-memory Ed25519 signer; see {@link dev.cairn.core.signer.Signers#software(Ed25519PrivateKey)}. */
public final class SoftwareEd25519Signer implements SoftwareSigner {
  private final Ed25519PrivateKey key;
  private final byte[] publicKey;

  /** Wraps {@code key}, taking ownership of it. */
  public SoftwareEd25519Signer(Ed25519PrivateKey key) {
    if (key == null) {
      throw new SignerException(SignerException.Reason.INVALID_REQUEST, "key", "is null");
    }
    if (key.isDestroyed()) {
      throw SoftwareSupport.destroyed();
    }
    this.key = key;
    this.publicKey = key.publicKey().bytes();
  }

  @Override
  public KeyType keyType() {
    return KeyType.ED25519;
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public boolean supports(SignRequest.Kind kind) {
    return kind != null && kind.appliesTo(KeyType.ED25519);
  }

  @Override
  public CompletableFuture<Signature> signAsync(SignRequest request) {
    try {
      if (request == null) {
        throw new SignerException(SignerException.Reason.INVALID_REQUEST, "request", "is null");
      }
      if (!supports(request.kind())) {
        throw SoftwareSupport.unsupported(KeyType.ED25519, request.kind());
      }
      if (key.isDestroyed()) {
        throw SoftwareSupport.destroyed();
      }
      return CompletableFuture.completedFuture(Signature.ed25519(key.sign(request.payload())));
    } catch (IllegalStateException e) {
      return SoftwareSupport.failed(SoftwareSupport.destroyed());
    } catch (RuntimeException e) {
      return SoftwareSupport.failed(SoftwareSupport.wrap(e));
    }
  }

  @Override
  public void destroy() {
    key.destroy();
  }

  @Override
  public boolean isDestroyed() {
    return key.isDestroyed();
  }

  @Override
  public String toString() {
    return SoftwareSupport.describe("ed25519", publicKey, key.isDestroyed());
  }
}
