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
 * takes time quadratic in the length (here in steps of four bytes against five digits, not one
 * byte at a time), so decoding rejects strings longer than {@link
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
  private static final int DIGITS_PER_LIMB = 5;
  private static final long LIMB_BASE = 58L * 58 * 58 * 58 * 58; // 656,356,768 < 2^30
  private static final long[] POWERS_OF_58 = {
    1, 58, 58 * 58, 58 * 58 * 58, 58L * 58 * 58 * 58, LIMB_BASE
  };

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
   * @throws IllegalArgumentException if the result would not fit in a string
   */
  public static String encode(byte[] data) {
    Objects.requireNonNull(data, "data");
    int zeros = 0;
    while (zeros < data.length && data[zeros] == 0) {
      zeros++;
    }
    int n = data.length - zeros;
    // log(256) / log(58) < 1.38 digits per byte
    long estimate = ((long) n * 138) / 100 + 1;
    if (estimate + zeros > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("input too large to encode");
    }
    if (n == 0) {
      return "1".repeat(zeros);
    }
    // The number is read in 32-bit limbs (the first one takes the n % 4 leading bytes) and kept
    // as little-endian limbs of base 58^5, so each step handles four bytes against five digits.
    int[] limbs = new int[(int) (estimate / DIGITS_PER_LIMB) + 2];
    int used = 0;
    int first = n % 4 == 0 ? 4 : n % 4;
    int i = zeros;
    for (int take = first; i < data.length; take = 4) {
      long carry = 0;
      for (int end = i + take; i < end; i++) {
        carry = (carry << 8) | (data[i] & 0xff);
      }
      int shift = 8 * take;
      for (int k = 0; k < used; k++) {
        long t = ((long) limbs[k] << shift) + carry;
        carry = t / LIMB_BASE;
        limbs[k] = (int) (t - carry * LIMB_BASE);
      }
      while (carry != 0) {
        long q = carry / LIMB_BASE;
        limbs[used++] = (int) (carry - q * LIMB_BASE);
        carry = q;
      }
    }
    // the top limb without its leading zero digits, every other limb as five digits
    int top = limbs[used - 1];
    int topDigits = 1;
    for (int v = top / 58; v != 0; v /= 58) {
      topDigits++;
    }
    char[] out = new char[zeros + topDigits + (used - 1) * DIGITS_PER_LIMB];
    Arrays.fill(out, 0, zeros, '1');
    int pos = zeros + topDigits;
    for (int v = top, p = pos - 1; p >= zeros; p--, v /= 58) {
      out[p] = ALPHABET[v % 58];
    }
    for (int k = used - 2; k >= 0; k--) {
      int v = limbs[k];
      for (int p = pos + DIGITS_PER_LIMB - 1; p >= pos; p--, v /= 58) {
        out[p] = ALPHABET[v % 58];
      }
      pos += DIGITS_PER_LIMB;
    }
    Arrays.fill(limbs, 0);
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
    int m = len - zeros;
    if (m == 0) {
      return new byte[zeros];
    }
    // log(58) / log(256) < 0.733 bytes per digit; little-endian 32-bit limbs, five digits a step
    int[] limbs = new int[(m * 733 / 1000 + 1) / 4 + 2];
    int used = 0;
    int first = m % DIGITS_PER_LIMB == 0 ? DIGITS_PER_LIMB : m % DIGITS_PER_LIMB;
    int i = zeros;
    for (int take = first; i < len; take = DIGITS_PER_LIMB) {
      long carry = 0;
      for (int end = i + take; i < end; i++) {
        char c = s.charAt(i);
        int digit = c < 128 ? DIGITS[c] : -1;
        if (digit < 0) {
          Arrays.fill(limbs, 0);
          throw new DecodingException(
              field, i, "not a Base58 character (U+" + String.format("%04X", (int) c) + ")");
        }
        carry = carry * 58 + digit;
      }
      long factor = POWERS_OF_58[take];
      for (int k = 0; k < used; k++) {
        long t = (limbs[k] & 0xffffffffL) * factor + carry;
        limbs[k] = (int) t;
        carry = t >>> 32;
      }
      if (carry != 0) {
        limbs[used++] = (int) carry;
      }
    }
    // the top limb without its leading zero bytes, every other limb as four bytes
    int top = limbs[used - 1];
    int topBytes = 4 - Integer.numberOfLeadingZeros(top) / 8;
    byte[] out = new byte[zeros + topBytes + (used - 1) * 4];
    int pos = zeros;
    for (int b = topBytes - 1; b >= 0; b--) {
      out[pos++] = (byte) (top >>> (8 * b));
    }
    for (int k = used - 2; k >= 0; k--) {
      int v = limbs[k];
      out[pos++] = (byte) (v >>> 24);
      out[pos++] = (byte) (v >>> 16);
      out[pos++] = (byte) (v >>> 8);
      out[pos++] = (byte) v;
    }
    Arrays.fill(limbs, 0);
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
