package dev.cairn.core.hd;

import dev.cairn.core.crypto.Ed25519PrivateKey;
import dev.cairn.core.crypto.Ed25519PublicKey;
import dev.cairn.core.hash.Hashes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * SLIP-0010 key derivation for Ed25519 and secp256k1.
 *
 * <ul>
 *   <li>{@link #ed25519(byte[])}: master key from HMAC-SHA512 with key {@code "ed25519 seed"};
 *       only hardened children exist (Ed25519 has no public derivation), so a non-hardened path
 *       component is an {@link HdWalletException}. This is how Solana wallets derive
 *       {@code m/44'/501'/0'/0'}.
 *   <li>{@link #secp256k1(byte[])}: the same as BIP-32 ({@link Bip32Key#fromSeed(byte[])}, key
 *       {@code "Bitcoin seed"}). SLIP-0010 retries with a re-hashed value where BIP-32 would reject
 *       an invalid master or child key; the two differ only with probability below
 *       2<sup>-127</sup>, and this SDK follows BIP-32 and reports such a case with an exception.
 * </ul>
 *
 * NIST P-256 and Curve25519 derivation are not supported.
 */
public final class Slip10 {
  private static final byte[] ED25519_SEED = "ed25519 seed".getBytes(StandardCharsets.US_ASCII);

  private Slip10() {}

  /**
   * The SLIP-0010 Ed25519 master key of {@code seed} (16 to 64 bytes, not retained).
   *
   * @throws HdWalletException if the seed length is out of range
   */
  public static Ed25519Key ed25519(byte[] seed) {
    Bip32Key.checkSeed(seed);
    byte[] i = Hashes.hmacSha512(ED25519_SEED, seed);
    try {
      return new Ed25519Key(0, 0, 0, Arrays.copyOf(i, 32), Arrays.copyOfRange(i, 32, 64));
    } finally {
      Arrays.fill(i, (byte) 0);
    }
  }

  /**
   * The SLIP-0010 secp256k1 master key of {@code seed}, identical to
   * {@link Bip32Key#fromSeed(byte[])}.
   */
  public static Bip32Key secp256k1(byte[] seed) {
    return Bip32Key.fromSeed(seed);
  }

  /**
   * A node of the SLIP-0010 Ed25519 tree: a 32-byte private key (the RFC 8032 seed of an Ed25519
   * key) and a chain code. A secret: {@link #destroy()} zeroes both; {@link #toString()} is
   * redacted.
   */
  public static final class Ed25519Key implements Destroyable {
    private final int depth;
    private final int parentFingerprint;
    private final int childNumber;
    private final byte[] key;
    private final byte[] chainCode;
    private final Ed25519PublicKey publicKey;
    private volatile boolean destroyed;

    private Ed25519Key(int depth, int parentFingerprint, int childNumber, byte[] key,
        byte[] chainCode) {
      this.depth = depth;
      this.parentFingerprint = parentFingerprint;
      this.childNumber = childNumber;
      this.key = key;
      this.chainCode = chainCode;
      Ed25519PrivateKey k = Ed25519PrivateKey.fromSeed(key);
      this.publicKey = k.publicKey();
      k.destroy();
    }

    /**
     * Derives the key at {@code path} below this key (every component must be hardened).
     * Intermediate keys are destroyed.
     *
     * @throws HdWalletException on a non-hardened component or a depth above 255
     */
    public Ed25519Key derive(DerivationPath path) {
      Objects.requireNonNull(path, "path");
      checkLive();
      if (depth + path.depth() > DerivationPath.MAX_DEPTH) {
        throw new HdWalletException("derived key would be deeper than " + DerivationPath.MAX_DEPTH);
      }
      for (int level = 0; level < path.depth(); level++) {
        if (!DerivationPath.isHardened(path.get(level))) {
          throw new HdWalletException("Ed25519 supports only hardened derivation; level "
              + (level + 1) + " of " + path + " is not hardened");
        }
      }
      Ed25519Key k = this;
      for (int level = 0; level < path.depth(); level++) {
        Ed25519Key next = k.deriveChild(path.get(level));
        if (k != this) {
          k.destroy();
        }
        k = next;
      }
      return k == this
          ? new Ed25519Key(depth, parentFingerprint, childNumber, key.clone(), chainCode.clone())
          : k;
    }

    /**
     * Derives the hardened child with raw child number {@code childNumber} (bit 31 must be set).
     *
     * @throws HdWalletException if the child is not hardened or this key is at depth 255
     */
    public Ed25519Key deriveChild(int childNumber) {
      checkLive();
      if (!DerivationPath.isHardened(childNumber)) {
        throw new HdWalletException("Ed25519 supports only hardened derivation, not child "
            + DerivationPath.formatIndex(childNumber));
      }
      if (depth == DerivationPath.MAX_DEPTH) {
        throw new HdWalletException("key is at the maximum depth " + DerivationPath.MAX_DEPTH);
      }
      byte[] data = new byte[37];
      System.arraycopy(key, 0, data, 1, 32);
      data[33] = (byte) (childNumber >>> 24);
      data[34] = (byte) (childNumber >>> 16);
      data[35] = (byte) (childNumber >>> 8);
      data[36] = (byte) childNumber;
      byte[] i = Hashes.hmacSha512(chainCode, data);
      Arrays.fill(data, (byte) 0);
      try {
        return new Ed25519Key(depth + 1, fingerprint(), childNumber, Arrays.copyOf(i, 32),
            Arrays.copyOfRange(i, 32, 64));
      } finally {
        Arrays.fill(i, (byte) 0);
      }
    }

    /** Depth in the tree: 0 for the master key. */
    public int depth() {
      return depth;
    }

    /** The parent's {@link #fingerprint()}; 0 for the master key. */
    public int parentFingerprint() {
      return parentFingerprint;
    }

    /** Raw child number (hardened bit included); 0 for the master key. */
    public int childNumber() {
      return childNumber;
    }

    /**
     * First 4 bytes (big-endian) of HASH160 of {@code 0x00 || publicKey}, as in the SLIP-0010
     * test vectors.
     */
    public int fingerprint() {
      checkLive();
      byte[] p = new byte[33];
      System.arraycopy(publicKey.bytes(), 0, p, 1, 32);
      return Bip32Key.getInt(Hashes.hash160(p), 0);
    }

    /** The 32-byte private key (a copy; zero it when done). */
    public byte[] privateKeyBytes() {
      checkLive();
      return key.clone();
    }

    /** The Ed25519 signing key (an independent copy; destroy it when done). */
    public Ed25519PrivateKey privateKey() {
      checkLive();
      return Ed25519PrivateKey.fromSeed(key);
    }

    /** The Ed25519 public key. */
    public Ed25519PublicKey publicKey() {
      checkLive();
      return publicKey;
    }

    /** The 32-byte chain code (a copy; zero it when done). */
    public byte[] chainCode() {
      checkLive();
      return chainCode.clone();
    }

    private void checkLive() {
      if (destroyed) {
        throw new HdWalletException("Ed25519 key has been destroyed");
      }
    }

    /** Zeroes the private key and chain code. Idempotent. */
    @Override
    public void destroy() {
      destroyed = true;
      Arrays.fill(key, (byte) 0);
      Arrays.fill(chainCode, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
      return destroyed;
    }

    /** Redacted: position only. */
    @Override
    public String toString() {
      return destroyed ? "Slip10.Ed25519Key[destroyed]"
          : "Slip10.Ed25519Key[depth=" + depth + ", redacted]";
    }
  }
}
