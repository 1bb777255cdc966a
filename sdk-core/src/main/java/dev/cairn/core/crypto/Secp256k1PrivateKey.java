package dev.cairn.core.crypto;

import dev.cairn.core.crypto.internal.Scalars;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * A secp256k1 private key: 32 bytes, big-endian, in [1, n-1].
 *
 * <p>The key holds its own copy of the bytes; {@link #destroy()} zeroes it, after which every
 * method except {@link #isDestroyed()} and {@link #toString()} throws
 * {@link KeyDestroyedException} (an {@link IllegalStateException}). {@code toString()} never shows the key. Instances are safe to use
 * from several threads, but destroying a key while another thread signs with it is a race the
 * caller must avoid.
 */
public final class Secp256k1PrivateKey implements Destroyable {
  private final byte[] key;
  private volatile boolean destroyed;
  private volatile Secp256k1PublicKey publicKey;

  private Secp256k1PrivateKey(byte[] key) {
    this.key = key;
  }

  /**
   * A private key from its 32 bytes (copied).
   *
   * @param privateKey 32 bytes, big-endian, in [1, n-1]
   * @return the key
   * @throws CryptoException if the length or the value is invalid
   */
  public static Secp256k1PrivateKey of(byte[] privateKey) {
    if (privateKey == null) {
      throw new CryptoException("privateKey: null");
    }
    if (privateKey.length != 32) {
      throw new CryptoException("privateKey: must be 32 bytes, got " + privateKey.length);
    }
    if (!Scalars.isValidScalar(privateKey, 0)) {
      throw new CryptoException("privateKey: not in [1, n-1]");
    }
    return new Secp256k1PrivateKey(privateKey.clone());
  }

  /**
   * A new random private key.
   *
   * @param random the source of randomness
   * @return the key
   */
  public static Secp256k1PrivateKey generate(SecureRandom random) {
    if (random == null) {
      throw new CryptoException("random: null");
    }
    byte[] b = new byte[32];
    do {
      random.nextBytes(b);
    } while (!Scalars.isValidScalar(b, 0));
    return new Secp256k1PrivateKey(b);
  }

  /** A copy of the 32 key bytes; the caller should zero it when done. */
  public byte[] bytes() {
    checkLive();
    return key.clone();
  }

  /** The public key {@code k·G} (computed once, then cached). */
  public Secp256k1PublicKey publicKey() {
    checkLive();
    Secp256k1PublicKey p = publicKey;
    if (p == null) {
      p = Secp256k1PublicKey.trusted(Secp256k1.backend().publicKey(key, false));
      publicKey = p;
    }
    return p;
  }

  /**
   * Signs a 32-byte digest: deterministic (RFC 6979, HMAC-SHA256), low s, with the recovery id.
   *
   * @param digest exactly 32 bytes (the caller hashes the message)
   * @return the signature
   * @throws CryptoException if the digest is not 32 bytes
   */
  public EcdsaSignature sign(byte[] digest) {
    Secp256k1PublicKey.checkDigest(digest);
    checkLive();
    byte[] out = Secp256k1.backend().signRecoverable(digest, key);
    int recId = out[64];
    return EcdsaSignature.trusted(Arrays.copyOf(out, 64), recId);
  }

  /**
   * {@code (k + t) mod n} (BIP-32 private derivation).
   *
   * @param tweak 32 bytes, big-endian, less than n
   * @return the new key
   * @throws CryptoException if the tweak is not 32 bytes, is at least n, or the result is zero
   */
  public Secp256k1PrivateKey tweakAdd(byte[] tweak) {
    if (tweak == null) {
      throw new CryptoException("tweak: null");
    }
    if (tweak.length != 32) {
      throw new CryptoException("tweak: must be 32 bytes, got " + tweak.length);
    }
    if (!Scalars.lessThanOrder(tweak, 0)) {
      throw new CryptoException("tweak: not less than n");
    }
    checkLive();
    byte[] sum = Scalars.addModOrder(key, tweak);
    if (Scalars.isZero(sum, 0)) {
      throw new CryptoException("tweak: result is zero");
    }
    return new Secp256k1PrivateKey(sum);
  }

  /** Zeroes the key bytes. Idempotent. */
  @Override
  public void destroy() {
    destroyed = true;
    Arrays.fill(key, (byte) 0);
    publicKey = null;
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  private void checkLive() {
    if (destroyed) {
      throw new KeyDestroyedException("secp256k1 private key");
    }
  }

  @Override
  public String toString() {
    return destroyed ? "Secp256k1PrivateKey[destroyed]" : "Secp256k1PrivateKey[redacted]";
  }
}
