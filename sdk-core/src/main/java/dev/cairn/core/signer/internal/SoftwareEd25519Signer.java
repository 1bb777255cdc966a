package dev.cairn.core.signer.internal;

import dev.cairn.core.crypto.Ed25519PrivateKey;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;

/** In-memory Ed25519 signer; see {@link dev.cairn.core.signer.Signers#software(Ed25519PrivateKey)}. */
public final class SoftwareEd25519Signer extends SoftwareSignerBase {
  private final Ed25519PrivateKey key;

  /** Wraps {@code key}, taking ownership of it. */
  public SoftwareEd25519Signer(Ed25519PrivateKey key) {
    super(KeyType.ED25519, checkKey(key).publicKey().bytes());
    this.key = key;
  }

  @Override
  public boolean supports(SignRequest.Kind kind) {
    return kind != null && kind.appliesTo(KeyType.ED25519);
  }

  @Override
  Signature signSupported(SignRequest request) {
    return Signature.ed25519(key.sign(request.payload()));
  }

  @Override
  public void destroy() {
    key.destroy();
  }

  @Override
  public boolean isDestroyed() {
    return key.isDestroyed();
  }
}
