package dev.cairn.core.crypto;

import dev.cairn.core.encoding.Hex;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 public key: 32 bytes, the RFC 8032 encoding of a curve point. Immutable.
 *
 * <p>Verification follows RFC 8032 as BouncyCastle implements it: non-canonical encodings of R, of
 * the key and s &gt;= L are rejected.
 */
public final class Ed25519PublicKey {
  private final byte[] key;

  private Ed25519PublicKey(byte[] key) {
    this.key = key;
  }

  static Ed25519PublicKey trusted(byte[] key) {
    return new Ed25519PublicKey(key);
  }

  /**
   * A public key from its 32-byte encoding (copied).
   *
   * @param publicKey 32 bytes that decode to a curve point
   * @return the key
   * @throws CryptoException if the length is wrong or the bytes are not a valid point encoding
   */
  public static Ed25519PublicKey of(byte[] publicKey) {
    if (publicKey == null) {
      throw new CryptoException("publicKey: null");
    }
    if (publicKey.length != Ed25519.PUBLIC_KEY_SIZE) {
      throw new CryptoException("publicKey: must be 32 bytes, got " + publicKey.length);
    }
    if (!Ed25519.validatePublicKeyPartial(publicKey, 0)) {
      throw new CryptoException("publicKey: not a valid Ed25519 point encoding");
    }
    return new Ed25519PublicKey(publicKey.clone());
  }

  /** A copy of the 32-byte encoding. */
  public byte[] bytes() {
    return key.clone();
  }

  /**
   * Verifies a signature (RFC 8032 section 5.1.7).
   *
   * @param message the message
   * @param signature the signature; anything other than 64 bytes is invalid
   * @return whether it is valid
   * @throws CryptoException if message or signature is null
   */
  public boolean verify(byte[] message, byte[] signature) {
    if (message == null) {
      throw new CryptoException("message: null");
    }
    if (signature == null) {
      throw new CryptoException("signature: null");
    }
    if (signature.length != Ed25519.SIGNATURE_SIZE) {
      return false;
    }
    return Ed25519.verify(signature, 0, key, 0, message, 0, message.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519PublicKey && Arrays.equals(key, ((Ed25519PublicKey) o).key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return "Ed25519PublicKey{" + Hex.encode(key) + "}";
  }
}
