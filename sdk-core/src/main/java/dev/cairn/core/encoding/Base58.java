package dev.cairn.core.encoding;

import dev.cairn.core.hash.Hashes;
import java.util.Arrays;
import java.util.Objects;

/**
 * Base58 with the Bitcoin alphabet, and Base58Check (payload followed by the first four bytes of
 * its double SHA-256).
 *
 * <p>Decoding is strict: only the 58 alphabet characters are accepted (no whitespace, no
 * separators), each leading {@code '1'} stands for one leading zero byte, and the encoding is
 * bijective, so {@code encode(decode(s)).equals(s)} for every accepted {@code s}. Base58 conversion
 * takes time quadratic in the length, so decoding rejects strings longer than {@link
 * #MAX_ENCODED_LENGTH} characters before doing any work. Exception messages never quote the input
 * (Base58Check also carries WIF private keys), only offsets and the offending character's code.
 */
public final class Base58 {
  /** The longest string {@link #decode(String)} accepts. */
  public static final int MAX_ENCODED_LENGTH = 1024;

  private static final char[] ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
  private static final byte[] DIGITS = new byte[128];
  private static final int CHECKSUM_LENGTH = 4;

  static {
    Arrays.fill(DIGITS, (byte) -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      DIGITS[ALPHABET[i]] = (byte) i;
    }
  }

  private Base58() {}

  /**
   * Encodes {@code data} (any length; the time is quadratic in it).
   *
   * @throws NullPointerException if {@code data} is null
   */
  public static String encode(byte[] data) {
    Objects.requireNonNull(data, "data");
    int zeros = 0;
    while (zeros < data.length && data[zeros] == 0) {
      zeros++;
    }
    // log(256) / log(58) < 1.38
    int size = (int) (((long) (data.length - zeros) * 138) / 100) + 1;
    byte[] b58 = new byte[size];
    int used = 0; // significant digits at the end of b58
    for (int i = zeros; i < data.length; i++) {
      int carry = data[i] & 0xff;
      int j = 0;
      for (int k = size - 1; (carry != 0 || j < used) && k >= 0; k--, j++) {
        carry += 256 * (b58[k] & 0xff);
        b58[k] = (byte) (carry % 58);
        carry /= 58;
      }
      used = j;
    }
    char[] out = new char[zeros + used];
    Arrays.fill(out, 0, zeros, '1');
    for (int i = 0; i < used; i++) {
      out[zeros + i] = ALPHABET[b58[size - used + i]];
    }
    return new String(out);
  }

  /** Decodes {@code s}; see {@link #decode(String, String)}. */
  public static byte[] decode(String s) {
    return decode("base58", s);
  }

  /**
   * Decodes {@code s}, naming {@code field} in exception messages.
   *
   * @throws DecodingException if {@code s} is null, longer than {@link #MAX_ENCODED_LENGTH}, or
   *     holds a character outside the alphabet (the offset is that character's index)
   */
  public static byte[] decode(String field, String s) {
    if (s == null) {
      throw new DecodingException(field, -1, "missing Base58 string");
    }
    int len = s.length();
    if (len > MAX_ENCODED_LENGTH) {
      throw new DecodingException(
          field, -1, "Base58 string too long (" + len + " > " + MAX_ENCODED_LENGTH + " characters)");
    }
    int zeros = 0;
    while (zeros < len && s.charAt(zeros) == '1') {
      zeros++;
    }
    // log(58) / log(256) < 0.733
    int size = (len - zeros) * 733 / 1000 + 1;
    byte[] b256 = new byte[size];
    int used = 0;
    for (int i = zeros; i < len; i++) {
      char c = s.charAt(i);
      int digit = c < 128 ? DIGITS[c] : -1;
      if (digit < 0) {
        throw new DecodingException(
            field, i, "not a Base58 character (U+" + String.format("%04X", (int) c) + ")");
      }
      int carry = digit;
      int j = 0;
      for (int k = size - 1; (carry != 0 || j < used) && k >= 0; k--, j++) {
        carry += 58 * (b256[k] & 0xff);
        b256[k] = (byte) carry;
        carry >>>= 8;
      }
      used = j;
    }
    byte[] out = new byte[zeros + used];
    System.arraycopy(b256, size - used, out, zeros, used);
    return out;
  }

  /** Base58Check: encodes {@code payload} followed by its 4-byte double-SHA-256 checksum. */
  public static String encodeChecked(byte[] payload) {
    Objects.requireNonNull(payload, "payload");
    byte[] buf = Arrays.copyOf(payload, payload.length + CHECKSUM_LENGTH);
    byte[] check = Hashes.doubleSha256(payload);
    System.arraycopy(check, 0, buf, payload.length, CHECKSUM_LENGTH);
    String s = encode(buf);
    Arrays.fill(buf, (byte) 0);
    return s;
  }

  /** Base58Check decoding; see {@link #decodeChecked(String, String)}. */
  public static byte[] decodeChecked(String s) {
    return decodeChecked("base58check", s);
  }

  /**
   * Decodes Base58Check and returns the payload without the checksum.
   *
   * @throws DecodingException on anything {@link #decode(String, String)} rejects, fewer than four
   *     decoded bytes, or a checksum mismatch
   */
  public static byte[] decodeChecked(String field, String s) {
    byte[] all = decode(field, s);
    if (all.length < CHECKSUM_LENGTH) {
      throw new DecodingException(
          field, -1, "too short for a Base58Check checksum (" + all.length + " bytes)");
    }
    int n = all.length - CHECKSUM_LENGTH;
    byte[] payload = Arrays.copyOf(all, n);
    byte[] check = Hashes.doubleSha256(payload);
    int diff = 0;
    for (int i = 0; i < CHECKSUM_LENGTH; i++) {
      diff |= check[i] ^ all[n + i];
    }
    Arrays.fill(all, (byte) 0);
    if (diff != 0) {
      Arrays.fill(payload, (byte) 0);
      throw new DecodingException(field, -1, "Base58Check checksum mismatch");
    }
    return payload;
  }
}
