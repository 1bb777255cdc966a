package dev.cairn.core.hash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/**
 * The hash functions wallets need: SHA-256, double SHA-256, SHA-512, RIPEMD-160, HASH160,
 * HMAC-SHA256, HMAC-SHA512 and PBKDF2-HMAC-SHA512.
 *
 * <p>SHA-2 uses the JDK's {@link MessageDigest} (which the JVM accelerates with CPU intrinsics);
 * the provider is looked up once and each call clones a prototype. HMAC and PBKDF2 are built on
 * those digests; RIPEMD-160 comes from BouncyCastle. All methods are thread-safe and return fresh
 * arrays.
 *
 * <p>Programmer errors (a {@code null} array, an offset/length outside the array, a non-positive
 * iteration count or key length) throw {@link NullPointerException}, {@link
 * IndexOutOfBoundsException} or {@link IllegalArgumentException}.
 */
public final class Hashes {
  private static final MessageDigest SHA256 = prototype("SHA-256");
  private static final MessageDigest SHA512 = prototype("SHA-512");

  private Hashes() {}

  private static MessageDigest prototype(String name) {
    try {
      MessageDigest md = MessageDigest.getInstance(name);
      md.clone(); // fail early if the provider cannot clone
      return md;
    } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  static MessageDigest sha256Digest() {
    return copy(SHA256);
  }

  static MessageDigest sha512Digest() {
    return copy(SHA512);
  }

  private static MessageDigest copy(MessageDigest proto) {
    try {
      return (MessageDigest) proto.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SHA-256 of {@code data}. */
  public static byte[] sha256(byte[] data) {
    Objects.requireNonNull(data, "data");
    return sha256Digest().digest(data);
  }

  /** SHA-256 of {@code data[off, off+len)}. */
  public static byte[] sha256(byte[] data, int off, int len) {
    Objects.requireNonNull(data, "data");
    Objects.checkFromIndexSize(off, len, data.length);
    MessageDigest md = sha256Digest();
    md.update(data, off, len);
    return md.digest();
  }

  /** SHA-256(SHA-256(data)), as used by Bitcoin checksums and transaction ids. */
  public static byte[] doubleSha256(byte[] data) {
    Objects.requireNonNull(data, "data");
    MessageDigest md = sha256Digest();
    byte[] first = md.digest(data);
    return md.digest(first);
  }

  /** SHA-512 of {@code data}. */
  public static byte[] sha512(byte[] data) {
    Objects.requireNonNull(data, "data");
    return sha512Digest().digest(data);
  }

  /** RIPEMD-160 of {@code data}. */
  public static byte[] ripemd160(byte[] data) {
    Objects.requireNonNull(data, "data");
    RIPEMD160Digest d = new RIPEMD160Digest();
    d.update(data, 0, data.length);
    byte[] out = new byte[20];
    d.doFinal(out, 0);
    return out;
  }

  /** RIPEMD-160(SHA-256(data)), Bitcoin's HASH160. */
  public static byte[] hash160(byte[] data) {
    return ripemd160(sha256(data));
  }

  /** HMAC-SHA256 (RFC 2104) of {@code data} under {@code key}. */
  public static byte[] hmacSha256(byte[] key, byte[] data) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(data, "data");
    return hmac(sha256Digest(), 64, key, data);
  }

  /** HMAC-SHA512 (RFC 2104) of {@code data} under {@code key}. */
  public static byte[] hmacSha512(byte[] key, byte[] data) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(data, "data");
    return hmac(sha512Digest(), 128, key, data);
  }

  private static byte[] hmac(MessageDigest md, int blockSize, byte[] key, byte[] data) {
    byte[] k = key.length > blockSize ? md.digest(key) : key;
    byte[] pad = new byte[blockSize];
    for (int i = 0; i < blockSize; i++) {
      pad[i] = (byte) ((i < k.length ? k[i] : 0) ^ 0x36);
    }
    md.update(pad);
    md.update(data);
    byte[] inner = md.digest();
    for (int i = 0; i < blockSize; i++) {
      pad[i] = (byte) ((i < k.length ? k[i] : 0) ^ 0x5c);
    }
    md.update(pad);
    md.update(inner);
    byte[] out = md.digest();
    Arrays.fill(pad, (byte) 0);
    if (k != key) {
      Arrays.fill(k, (byte) 0);
    }
    return out;
  }

  /**
   * PBKDF2 (RFC 8018) with HMAC-SHA512, e.g. BIP-39 seeds (2048 iterations, 64 bytes).
   *
   * <p>Runs on the JDK's SHA-512 with the HMAC inner and outer key blocks hashed once and cloned
   * per iteration, which measured about twice as fast as BouncyCastle's generator. Intermediate
   * buffers are zeroed before returning.
   *
   * @param password the password bytes (BIP-39: the NFKD UTF-8 mnemonic); not retained
   * @param salt the salt bytes (may be empty)
   * @param iterations at least 1
   * @param keyLength output length in bytes, at least 1
   * @throws IllegalArgumentException if {@code iterations < 1} or {@code keyLength < 1}
   * @throws NullPointerException if {@code password} or {@code salt} is null
   */
  public static byte[] pbkdf2HmacSha512(byte[] password, byte[] salt, int iterations, int keyLength) {
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(salt, "salt");
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
    }
    if (keyLength < 1) {
      throw new IllegalArgumentException("keyLength must be at least 1, got " + keyLength);
    }
    final int block = 128;
    final int hLen = 64;
    MessageDigest md = sha512Digest();
    byte[] key = password.length > block ? md.digest(password) : password;
    byte[] pad = new byte[block];
    for (int i = 0; i < block; i++) {
      pad[i] = (byte) ((i < key.length ? key[i] : 0) ^ 0x36);
    }
    MessageDigest inner = copy(md);
    inner.update(pad);
    for (int i = 0; i < block; i++) {
      pad[i] = (byte) ((i < key.length ? key[i] : 0) ^ 0x5c);
    }
    MessageDigest outer = copy(md);
    outer.update(pad);
    Arrays.fill(pad, (byte) 0);
    if (key != password) {
      Arrays.fill(key, (byte) 0);
    }
    byte[] out = new byte[keyLength];
    byte[] u = new byte[hLen];
    byte[] t = new byte[hLen];
    try {
      for (int blockIndex = 1, off = 0; off < keyLength; blockIndex++, off += hLen) {
        MessageDigest h = copy(inner);
        h.update(salt);
        h.update((byte) (blockIndex >>> 24));
        h.update((byte) (blockIndex >>> 16));
        h.update((byte) (blockIndex >>> 8));
        h.update((byte) blockIndex);
        h.digest(u, 0, hLen);
        h = copy(outer);
        h.update(u);
        h.digest(u, 0, hLen);
        System.arraycopy(u, 0, t, 0, hLen);
        for (int j = 1; j < iterations; j++) {
          h = copy(inner);
          h.update(u);
          h.digest(u, 0, hLen);
          h = copy(outer);
          h.update(u);
          h.digest(u, 0, hLen);
          for (int k = 0; k < hLen; k++) {
            t[k] ^= u[k];
          }
        }
        System.arraycopy(t, 0, out, off, Math.min(hLen, keyLength - off));
      }
    } catch (java.security.DigestException e) {
      throw new IllegalStateException(e); // cannot happen: the buffers are large enough
    } finally {
      Arrays.fill(u, (byte) 0);
      Arrays.fill(t, (byte) 0);
      inner.reset();
      outer.reset();
    }
    return out;
  }
}
