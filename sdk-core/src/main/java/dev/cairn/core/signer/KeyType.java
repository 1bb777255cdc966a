package dev.cairn.core.signer;

/**
 * The signature schemes a {@link Signer} can hold a key for. EVM and Cosmos accounts use
 * secp256k1 (ECDSA); Solana accounts use Ed25519.
 */
public enum KeyType {
  /** ECDSA over secp256k1: 33-byte compressed public keys, 64-byte r||s signatures. */
  SECP256K1(33, 64),
  /** EdDSA over edwards25519 (RFC 8032): 32-byte public keys, 64-byte signatures. */
  ED25519(32, 64);

  private final int publicKeyLength;
  private final int signatureLength;

  KeyType(int publicKeyLength, int signatureLength) {
    this.publicKeyLength = publicKeyLength;
    this.signatureLength = signatureLength;
  }

  /** Length of {@link Signer#publicKey()} for this key type (33 for secp256k1, 32 for Ed25519). */
  public int publicKeyLength() {
    return publicKeyLength;
  }

  /** Length of {@link Signature#bytes()} for this key type (64 for both). */
  public int signatureLength() {
    return signatureLength;
  }
}
