package dev.cairn.core.encoding;

/**
 * Strict hexadecimal: lowercase output, input of either case with an optional {@code 0x} prefix,
 * an even number of digits. No regex, no intermediate strings.
 */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();
  private static final byte[] VALUES = new byte[128];

  static {
    java.util.Arrays.fill(VALUES, (byte) -1);
    for (int i = 0; i < 10; i++) {
      VALUES['0' + i] = (byte) i;
    }
    for (int i = 0; i < 6; i++) {
      VALUES['a' + i] = (byte) (10 + i);
      VALUES['A' + i] = (byte) (10 + i);
    }
  }

  private Hex() {}

  /** Lowercase hex without prefix. */
  public static String encode(byte[] bytes) {
    return encode(bytes, 0, bytes.length);
  }

  /** Lowercase hex without prefix of {@code bytes[offset, offset+length)}. */
  public static String encode(byte[] bytes, int offset, int length) {
    java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
    char[] out = new char[length * 2];
    encodeInto(bytes, offset, length, out, 0);
    return new String(out);
  }

  /** Lowercase hex with a {@code 0x} prefix. */
  public static String encodePrefixed(byte[] bytes) {
    char[] out = new char[2 + bytes.length * 2];
    out[0] = '0';
    out[1] = 'x';
    encodeInto(bytes, 0, bytes.length, out, 2);
    return new String(out);
  }

  private static void encodeInto(byte[] bytes, int offset, int length, char[] out, int outOff) {
    for (int i = 0; i < length; i++) {
      int b = bytes[offset + i] & 0xff;
      out[outOff + 2 * i] = DIGITS[b >>> 4];
      out[outOff + 2 * i + 1] = DIGITS[b & 0x0f];
    }
  }

  /** Decodes hex with or without a {@code 0x}/{@code 0X} prefix; the digit count must be even. */
  public static byte[] decode(CharSequence hex) {
    return decode("hex", hex);
  }

  /**
   * Like {@link #decode(CharSequence)}, naming {@code field} in the exception message.
   *
   * @throws DecodingException on an odd length or a non-hex character (offset into {@code hex})
   */
  public static byte[] decode(String field, CharSequence hex) {
    if (hex == null) {
      throw new DecodingException(field, -1, "missing hex string");
    }
    int start = hasPrefix(hex) ? 2 : 0;
    int digits = hex.length() - start;
    if ((digits & 1) != 0) {
      throw new DecodingException(field, -1, "odd number of hex digits (" + digits + ")");
    }
    byte[] out = new byte[digits >>> 1];
    for (int i = 0; i < out.length; i++) {
      int p = start + 2 * i;
      int hi = value(field, hex, p);
      int lo = value(field, hex, p + 1);
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  /** Decodes and checks that exactly {@code length} bytes result. */
  public static byte[] decodeFixed(String field, CharSequence hex, int length) {
    byte[] out = decode(field, hex);
    if (out.length != length) {
      throw new DecodingException(field, -1, "expected " + length + " bytes, got " + out.length);
    }
    return out;
  }

  /** True if {@code s} starts with {@code 0x} or {@code 0X}. */
  public static boolean hasPrefix(CharSequence s) {
    return s.length() >= 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X');
  }

  private static int value(String field, CharSequence hex, int p) {
    char c = hex.charAt(p);
    int v = c < 128 ? VALUES[c] : -1;
    if (v < 0) {
      throw new DecodingException(field, p, "not a hex digit (U+" + String.format("%04X", (int) c) + ")");
    }
    return v;
  }
}
