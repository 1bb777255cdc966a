package dev.cairn.core.signer.internal;

import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.SignerException;
import dev.cairn.core.signer.SoftwareSigner;
import java.util.concurrent.CompletableFuture;

/** In-memory secp256k1 signer; see {@link dev.cairn.core.signer.Signers#software(Secp256k1PrivateKey)}. */
public final class SoftwareSecp256k1Signer implements SoftwareSigner {
  private final Secp256k1PrivateKey key;
  private final byte[] publicKey;

  /** Wraps {@code key}, taking ownership of it. */
  public SoftwareSecp256k1Signer(Secp256k1PrivateKey key) {
    if (key == null) {
      throw new SignerException(SignerException.Reason.INVALID_REQUEST, "key", "is null");
    }
    if (key.isDestroyed()) {
      throw SoftwareSupport.destroyed();
    }
    this.key = key;
    this.publicKey = key.publicKey().compressed();
  }

  @Override
  public KeyType keyType() {
    return KeyType.SECP256K1;
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public boolean supports(SignRequest.Kind kind) {
    return kind != null && kind.appliesTo(KeyType.SECP256K1) && kind.digestRequired();
  }

  @Override
  public CompletableFuture<Signature> signAsync(SignRequest request) {
    try {
      if (request == null) {
        throw new SignerException(SignerException.Reason.INVALID_REQUEST, "request", "is null");
      }
      if (!supports(request.kind())) {
        throw SoftwareSupport.unsupported(KeyType.SECP256K1, request.kind());
      }
      byte[] digest = request.digest().orElseThrow(() -> new SignerException(
          SignerException.Reason.INVALID_REQUEST, "digest", "is missing"));
      if (key.isDestroyed()) {
        throw SoftwareSupport.destroyed();
      }
      return CompletableFuture.completedFuture(Signature.secp256k1(key.sign(digest)));
    } catch (IllegalStateException e) {
      // the key was destroyed between the check and the signature
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
    return SoftwareSupport.describe("secp256k1", publicKey, key.isDestroyed());
  }
}
