package dev.cairn.core.hash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The hash functions wallets need: SHA-256, double SHA-256, SHA-512, RIPEMD-160, HASH160,
 * HMAC-SHA256, HMAC-SHA512 and PBKDF2-HMAC-SHA512.
 *
 * <p>SHA-2 uses the JDK's {@link MessageDigest} (which the JVM accelerates with CPU intrinsics);
 * the provider is looked up once and each call clones a prototype. RIPEMD-160 and PBKDF2 come from
 * BouncyCastle. All methods are thread-safe and return fresh arrays.
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
    java.util.Arrays.fill(pad, (byte) 0);
    if (k != key) {
      java.util.Arrays.fill(k, (byte) 0);
    }
    return out;
  }

  /**
   * PBKDF2 (RFC 8018) with HMAC-SHA512, e.g. BIP-39 seeds (2048 iterations, 64 bytes).
   *
   * @param password the password bytes (BIP-39: the NFKD UTF-8 mnemonic); not retained
   * @param salt the salt bytes
   * @param iterations at least 1
   * @param keyLength output length in bytes, at least 1
   * @throws IllegalArgumentException if {@code iterations < 1} or {@code keyLength < 1}
   */
  public static byte[] pbkdf2HmacSha512(byte[] password, byte[] salt, int iterations, int keyLength) {
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(salt, "salt");
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
    }
    if (keyLength < 1 || keyLength > Integer.MAX_VALUE / 8) {
      throw new IllegalArgumentException("keyLength out of range: " + keyLength);
    }
    PKCS5S2ParametersGenerator gen = new PKCS5S2ParametersGenerator(new SHA512Digest());
    gen.init(password, salt, iterations);
    return ((KeyParameter) gen.generateDerivedMacParameters(keyLength * 8)).getKey();
  }
}
