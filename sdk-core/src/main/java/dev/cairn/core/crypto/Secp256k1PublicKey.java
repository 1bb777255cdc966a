package dev.cairn.core.crypto;

import dev.cairn.core.encoding.Hex;
import java.util.Arrays;

/**
 * A secp256k1 public key: a point on the curve other than infinity. Immutable; equal keys are equal
 * whatever encoding they were parsed from.
 */
public final class Secp256k1PublicKey {
  /** SEC1 uncompressed: 0x04 || x || y. */
  private final byte[] uncompressed;

  private Secp256k1PublicKey(byte[] uncompressed) {
    this.uncompressed = uncompressed;
  }

  /** Wraps a 65-byte uncompressed point known to be valid; takes ownership. */
  static Secp256k1PublicKey trusted(byte[] uncompressed) {
    return new Secp256k1PublicKey(uncompressed);
  }

  /**
   * Parses a SEC1 public key: 33 bytes (0x02/0x03 || x) or 65 bytes (0x04 || x || y).
   *
   * @param publicKey the encoding
   * @return the key
   * @throws CryptoException if the length or prefix is wrong, x or y is not below p, or the point
   *     is not on the curve
   */
  public static Secp256k1PublicKey fromBytes(byte[] publicKey) {
    if (publicKey == null) {
      throw new CryptoException("publicKey: null");
    }
    int len = publicKey.length;
    if (len == 33) {
      if (publicKey[0] != 0x02 && publicKey[0] != 0x03) {
        throw new CryptoException(
            "publicKey: a 33-byte key must start with 0x02 or 0x03, got 0x"
                + Hex.encode(publicKey, 0, 1));
      }
    } else if (len == 65) {
      if (publicKey[0] != 0x04) {
        throw new CryptoException(
            "publicKey: a 65-byte key must start with 0x04, got 0x" + Hex.encode(publicKey, 0, 1));
      }
    } else {
      throw new CryptoException("publicKey: must be 33 or 65 bytes, got " + len);
    }
    byte[] u = Secp256k1.backend().parsePublicKey(publicKey, false);
    if (u == null) {
      throw new CryptoException("publicKey: not a point on the curve");
    }
    return new Secp256k1PublicKey(u);
  }

  /**
   * Recovers the public key that made a signature.
   *
   * @param digest the 32-byte digest that was signed
   * @param signature a signature with a known recovery id
   * @return the public key
   * @throws CryptoException if the digest is not 32 bytes, the recovery id is unknown, or no key
   *     fits
   */
  public static Secp256k1PublicKey recover(byte[] digest, EcdsaSignature signature) {
    checkDigest(digest);
    if (signature == null) {
      throw new CryptoException("signature: null");
    }
    if (signature.recoveryId() < 0) {
      throw new CryptoException("signature.recoveryId: unknown, cannot recover the public key");
    }
    byte[] u = Secp256k1.backend().recover(digest, signature.rsUnsafe(), signature.recoveryId(), false);
    if (u == null) {
      throw new CryptoException("signature: no public key can be recovered from it");
    }
    return new Secp256k1PublicKey(u);
  }

  /** SEC1 compressed form, 33 bytes. */
  public byte[] compressed() {
    byte[] c = new byte[33];
    c[0] = (byte) (0x02 | (uncompressed[64] & 1));
    System.arraycopy(uncompressed, 1, c, 1, 32);
    return c;
  }

  /** SEC1 uncompressed form, 65 bytes (0x04 || x || y). */
  public byte[] uncompressed() {
    return uncompressed.clone();
  }

  /**
   * Verifies an ECDSA signature over a 32-byte digest. Accepts high s (see
   * {@link #verifyStrict(byte[], EcdsaSignature)}). The recovery id is ignored.
   *
   * @param digest exactly 32 bytes
   * @param signature the signature
   * @return whether it is valid for this key
   * @throws CryptoException if the digest is not 32 bytes or the signature is null
   */
  public boolean verify(byte[] digest, EcdsaSignature signature) {
    checkDigest(digest);
    if (signature == null) {
      throw new CryptoException("signature: null");
    }
    return Secp256k1.backend().verify(digest, signature.rsUnsafe(), uncompressed);
  }

  /**
   * As {@link #verify(byte[], EcdsaSignature)}, but a signature with high s ({@code s > n/2}) is
   * rejected (Bitcoin's and Ethereum's malleability rule).
   *
   * @param digest exactly 32 bytes
   * @param signature the signature
   * @return whether it is valid for this key and low-s
   */
  public boolean verifyStrict(byte[] digest, EcdsaSignature signature) {
    checkDigest(digest);
    if (signature == null) {
      throw new CryptoException("signature: null");
    }
    return signature.isLowS() && verify(digest, signature);
  }

  /**
   * {@code P + t·G} (BIP-32 public derivation).
   *
   * @param tweak 32 bytes, big-endian, less than n
   * @return the new key
   * @throws CryptoException if the tweak is not 32 bytes or not below n, or the result is infinity
   */
  public Secp256k1PublicKey tweakAdd(byte[] tweak) {
    if (tweak == null) {
      throw new CryptoException("tweak: null");
    }
    if (tweak.length != 32) {
      throw new CryptoException("tweak: must be 32 bytes, got " + tweak.length);
    }
    if (!dev.cairn.core.crypto.internal.Scalars.lessThanOrder(tweak, 0)) {
      throw new CryptoException("tweak: not less than n");
    }
    byte[] u = Secp256k1.backend().publicKeyTweakAdd(uncompressed, tweak, false);
    if (u == null) {
      throw new CryptoException("tweak: result is the point at infinity");
    }
    return new Secp256k1PublicKey(u);
  }

  static void checkDigest(byte[] digest) {
    if (digest == null) {
      throw new CryptoException("digest: null");
    }
    if (digest.length != 32) {
      throw new CryptoException("digest: must be 32 bytes, got " + digest.length);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secp256k1PublicKey
        && Arrays.equals(uncompressed, ((Secp256k1PublicKey) o).uncompressed);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(uncompressed);
  }

  @Override
  public String toString() {
    return "Secp256k1PublicKey{" + Hex.encode(compressed()) + "}";
  }
}
