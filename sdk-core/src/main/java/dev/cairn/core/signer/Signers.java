package dev.cairn.core.signer;

import dev.cairn.core.crypto.Ed25519PrivateKey;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.signer.internal.SoftwareEd25519Signer;
import dev.cairn.core.signer.internal.SoftwareSecp256k1Signer;

/** Factories for the signers that ship with sdk-core. Hardware and remote signers live in sdk-hsm. */
public final class Signers {
  private Signers() {}

  /**
   * A signer over an in-memory secp256k1 key. It signs every request kind that carries a digest
   * ({@link SignRequest.Kind#DIGEST}, the EVM and Cosmos kinds) by signing that digest: RFC 6979,
   * low s, with the recovery id.
   *
   * <p>The signer takes ownership of the key: destroying or closing the signer destroys the key.
   *
   * @throws SignerException (INVALID_REQUEST) if the key is null, (DEVICE_UNAVAILABLE) if it is
   *     already destroyed
   */
  public static SoftwareSigner software(Secp256k1PrivateKey key) {
    return new SoftwareSecp256k1Signer(key);
  }

  /**
   * A signer over an in-memory Ed25519 key. It signs {@link SignRequest.Kind#MESSAGE} and {@link
   * SignRequest.Kind#SOLANA_MESSAGE} payloads (pure Ed25519, RFC 8032).
   *
   * <p>The signer takes ownership of the key: destroying or closing the signer destroys the key.
   *
   * @throws SignerException (INVALID_REQUEST) if the key is null, (DEVICE_UNAVAILABLE) if it is
   *     already destroyed
   */
  public static SoftwareSigner software(Ed25519PrivateKey key) {
    return new SoftwareEd25519Signer(key);
  }
}
