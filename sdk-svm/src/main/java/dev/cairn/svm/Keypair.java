package dev.cairn.svm;

import dev.cairn.core.crypto.Ed25519PrivateKey;
import dev.cairn.core.encoding.DecodingException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * A Solana keypair: an Ed25519 private key and its address. Reads and writes the 64-byte secret-key
 * form ({@code seed || publicKey}) and the Solana CLI keypair file (a JSON array of those 64
 * numbers).
 *
 * <p>{@link #destroy()} zeroes the seed. {@code toString()} never shows secret material, and no
 * exception message quotes it.
 *
 * <pre>{@code
 * Keypair kp = Keypair.fromJson(Files.readString(Path.of("id.json")));
 * byte[] sig = kp.sign(message.serialize());
 * }</pre>
 */
public final class Keypair implements Destroyable {
  /** Length of the secret-key form. */
  public static final int SECRET_KEY_LENGTH = 64;

  private final Ed25519PrivateKey key;
  private final Pubkey publicKey;

  private Keypair(Ed25519PrivateKey key) {
    this.key = key;
    this.publicKey = Pubkey.of(key.publicKey());
  }

  /** A keypair around an existing private key (not copied: destroying either destroys both). */
  public static Keypair of(Ed25519PrivateKey key) {
    if (key == null) {
      throw SvmException.invalid("privateKey", "is null");
    }
    return new Keypair(key);
  }

  /** A keypair from its 32-byte Ed25519 seed (copied). */
  public static Keypair fromSeed(byte[] seed32) {
    if (seed32 == null || seed32.length != 32) {
      throw SvmException.invalid("seed", "must be 32 bytes, got " + (seed32 == null ? "null" : seed32.length));
    }
    return new Keypair(Ed25519PrivateKey.fromSeed(seed32));
  }

  /** A new random keypair. */
  public static Keypair generate(SecureRandom random) {
    return new Keypair(Ed25519PrivateKey.generate(random));
  }

  /**
   * A keypair from the 64-byte secret-key form {@code seed || publicKey}.
   *
   * @throws SvmException (INVALID_INPUT) naming {@code secretKey} if the length is wrong or the
   *     last 32 bytes are not the seed's public key
   */
  public static Keypair fromSecretKey(byte[] secretKey) {
    if (secretKey == null || secretKey.length != SECRET_KEY_LENGTH) {
      throw SvmException.invalid(
          "secretKey", "must be 64 bytes, got " + (secretKey == null ? "null" : secretKey.length));
    }
    byte[] seed = Arrays.copyOf(secretKey, 32);
    try {
      Keypair kp = new Keypair(Ed25519PrivateKey.fromSeed(seed));
      byte[] pub = kp.publicKey.bytes();
      if (!Arrays.equals(pub, Arrays.copyOfRange(secretKey, 32, 64))) { // ranged Arrays.equals is API 33 on Android
        kp.destroy();
        throw SvmException.invalid("secretKey", "bytes 32..63 are not the public key of bytes 0..31");
      }
      return kp;
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /**
   * Reads a Solana CLI keypair file: a JSON array of exactly 64 integers 0..255, whitespace allowed
   * between tokens.
   *
   * @throws DecodingException naming {@code keypair} and the offset for malformed JSON (never
   *     quoting the numbers)
   * @throws SvmException if the public half does not match
   */
  public static Keypair fromJson(CharSequence json) {
    if (json == null) {
      throw new DecodingException("keypair", -1, "is null");
    }
    byte[] secret = new byte[SECRET_KEY_LENGTH];
    try {
      int n = json.length();
      int i = skipWs(json, 0);
      if (i >= n || json.charAt(i) != '[') {
        throw new DecodingException("keypair", i, "expected '['");
      }
      i = skipWs(json, i + 1);
      int count = 0;
      while (true) {
        if (count == SECRET_KEY_LENGTH) {
          throw new DecodingException("keypair", i, "more than 64 numbers");
        }
        int start = i;
        int v = 0;
        while (i < n && json.charAt(i) >= '0' && json.charAt(i) <= '9') {
          if (i - start >= 3) {
            throw new DecodingException("keypair", start, "number out of range 0..255");
          }
          v = v * 10 + (json.charAt(i) - '0');
          i++;
        }
        if (i == start) {
          throw new DecodingException("keypair", i, "expected a number");
        }
        if (v > 255 || (i - start > 1 && json.charAt(start) == '0')) {
          throw new DecodingException("keypair", start, "number out of range 0..255 or with a leading zero");
        }
        secret[count++] = (byte) v;
        i = skipWs(json, i);
        if (i < n && json.charAt(i) == ',') {
          i = skipWs(json, i + 1);
          continue;
        }
        if (i < n && json.charAt(i) == ']') {
          i = skipWs(json, i + 1);
          break;
        }
        throw new DecodingException("keypair", i, "expected ',' or ']'");
      }
      if (i != n) {
        throw new DecodingException("keypair", i, "trailing characters after ']'");
      }
      if (count != SECRET_KEY_LENGTH) {
        throw new DecodingException("keypair", -1, "expected 64 numbers, got " + count);
      }
      return fromSecretKey(secret);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  private static int skipWs(CharSequence s, int i) {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        break;
      }
      i++;
    }
    return i;
  }

  /** The address (public key). */
  public Pubkey publicKey() {
    return publicKey;
  }

  /** The underlying Ed25519 private key (shared, not copied). */
  public Ed25519PrivateKey privateKey() {
    return key;
  }

  /** A copy of the 64-byte secret-key form; the caller should zero it when done. */
  public byte[] secretKey() {
    byte[] seed = key.seed();
    byte[] out = new byte[SECRET_KEY_LENGTH];
    System.arraycopy(seed, 0, out, 0, 32);
    publicKey.copyTo(out, 32);
    Arrays.fill(seed, (byte) 0);
    return out;
  }

  /**
   * The Solana CLI keypair file content ({@code [n,n,...]}, 64 numbers). Returned as a char array
   * so the caller can zero it.
   */
  public char[] toJson() {
    byte[] secret = secretKey();
    StringBuilder sb = new StringBuilder(64 * 4 + 2);
    sb.append('[');
    for (int i = 0; i < secret.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(secret[i] & 0xff);
    }
    sb.append(']');
    Arrays.fill(secret, (byte) 0);
    char[] out = new char[sb.length()];
    sb.getChars(0, sb.length(), out, 0);
    for (int i = 0; i < sb.length(); i++) {
      sb.setCharAt(i, '0');
    }
    return out;
  }

  /** Signs {@code message} (pure Ed25519): the 64-byte signature. */
  public byte[] sign(byte[] message) {
    return key.sign(message);
  }

  @Override
  public void destroy() {
    key.destroy();
  }

  @Override
  public boolean isDestroyed() {
    return key.isDestroyed();
  }

  @Override
  public String toString() {
    return "Keypair{" + publicKey + "}";
  }
}
