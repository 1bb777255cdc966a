package dev.cairn.core.signer.internal;

import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.SignerException;

/** In-memory secp256k1 signer; see {@link dev.cairn.core.signer.Signers#software(Secp256k1PrivateKey)}. */
public final class SoftwareSecp256k1Signer extends SoftwareSignerBase {
  private final Secp256k1PrivateKey key;

  /** Wraps {@code key}, taking ownership of it. */
  public SoftwareSecp256k1Signer(Secp256k1PrivateKey key) {
    super(KeyType.SECP256K1, checkKey(key).publicKey().compressed());
    this.key = key;
  }

  @Override
  public boolean supports(SignRequest.Kind kind) {
    return kind != null && kind.appliesTo(KeyType.SECP256K1) && kind.digestRequired();
  }

  @Override
  Signature signSupported(SignRequest request) {
    byte[] digest = request.digest().orElseThrow(() -> new SignerException(
        SignerException.Reason.INVALID_REQUEST, "digest", "is missing"));
    return Signature.secp256k1(key.sign(digest));
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
