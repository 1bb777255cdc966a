package dev.cairn.core.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import javax.security.auth.Destroyable;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 private key: the 32-byte seed of RFC 8032. Signatures are deterministic (pure Ed25519,
 * no context, no prehash).
 *
 * <p>{@link #destroy()} zeroes the seed; afterwards every method except {@link #isDestroyed()} and
 * {@link #toString()} throws {@link KeyDestroyedException} (an {@link IllegalStateException}). {@code toString()} never shows the seed.
 */
public final class Ed25519PrivateKey implements Destroyable {
  private final byte[] seed;
  private final byte[] publicKey;
  private volatile boolean destroyed;

  private Ed25519PrivateKey(byte[] seed) {
    this.seed = seed;
    this.publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
    Ed25519.generatePublicKey(seed, 0, publicKey, 0);
  }

  /**
   * A key from its 32-byte seed (copied).
   *
   * @param seed 32 bytes
   * @return the key
   * @throws CryptoException if the seed is not 32 bytes
   */
  public static Ed25519PrivateKey fromSeed(byte[] seed) {
    if (seed == null) {
      throw new CryptoException("seed: null");
    }
    if (seed.length != Ed25519.SECRET_KEY_SIZE) {
      throw new CryptoException("seed: must be 32 bytes, got " + seed.length);
    }
    return new Ed25519PrivateKey(seed.clone());
  }

  /**
   * A new random key.
   *
   * @param random the source of randomness
   * @return the key
   */
  public static Ed25519PrivateKey generate(SecureRandom random) {
    if (random == null) {
      throw new CryptoException("random: null");
    }
    byte[] seed = new byte[Ed25519.SECRET_KEY_SIZE];
    random.nextBytes(seed);
    return new Ed25519PrivateKey(seed);
  }

  /** A copy of the 32-byte seed; the caller should zero it when done. */
  public byte[] seed() {
    checkLive();
    return seed.clone();
  }

  /** The public key. */
  public Ed25519PublicKey publicKey() {
    checkLive();
    return Ed25519PublicKey.trusted(publicKey.clone());
  }

  /**
   * Signs a message (pure Ed25519, RFC 8032 section 5.1.6).
   *
   * @param message the message, any length
   * @return the 64-byte signature
   */
  public byte[] sign(byte[] message) {
    if (message == null) {
      throw new CryptoException("message: null");
    }
    checkLive();
    byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
    Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, sig, 0);
    return sig;
  }

  /** Zeroes the seed. Idempotent. */
  @Override
  public void destroy() {
    destroyed = true;
    Arrays.fill(seed, (byte) 0);
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  private void checkLive() {
    if (destroyed) {
      throw new KeyDestroyedException("Ed25519 private key");
    }
  }

  @Override
  public String toString() {
    return destroyed ? "Ed25519PrivateKey[destroyed]" : "Ed25519PrivateKey[redacted]";
  }
}
