package dev.cairn.core.encoding;

/**
 * Base64 (RFC 4648) with the standard alphabet (section 4) and the URL- and filename-safe alphabet
 * (section 5), encoding with {@code =} padding. It behaves like {@code java.util.Base64}'s basic
 * and URL encoders and decoders, which Android lacks before API 26: decoding accepts input with or
 * without padding, rejects characters outside the alphabet (line breaks included), misplaced or
 * incomplete padding, a lone final character and anything after the padding, and, like the JDK,
 * ignores the unused low bits of the last character.
 *
 * <pre>{@code
 * String b64 = Base64.encode(bytes);        // "3q2+7w=="
 * byte[] back = Base64.decode("data", b64); // DecodingException names "data" and the offset
 * }</pre>
 */
public final class Base64 {
  private Base64() {}

  private static final char[] STD =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
  private static final char[] URL =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
  private static final byte[] STD_VALUES = values(STD);
  private static final byte[] URL_VALUES = values(URL);

  private static byte[] values(char[] alphabet) {
    byte[] v = new byte[128];
    java.util.Arrays.fill(v, (byte) -1);
    for (int i = 0; i < alphabet.length; i++) {
      v[alphabet[i]] = (byte) i;
    }
    return v;
  }

  /** Encodes {@code bytes} with the standard alphabet and padding. */
  public static String encode(byte[] bytes) {
    return encode(bytes, STD);
  }

  /** Encodes {@code bytes} with the URL- and filename-safe alphabet ({@code -_}) and padding. */
  public static String encodeUrl(byte[] bytes) {
    return encode(bytes, URL);
  }

  /** Decodes standard-alphabet Base64; padding is optional. */
  public static byte[] decode(CharSequence base64) {
    return decode("base64", base64);
  }

  /**
   * Like {@link #decode(CharSequence)}, naming {@code field} in the exception message.
   *
   * @throws DecodingException on a character outside the alphabet, bad padding or a lone final
   *     character (offset into {@code base64})
   */
  public static byte[] decode(String field, CharSequence base64) {
    return decode(field, base64, STD_VALUES);
  }

  /** Decodes URL-safe-alphabet Base64 ({@code -_}); padding is optional. */
  public static byte[] decodeUrl(String field, CharSequence base64) {
    return decode(field, base64, URL_VALUES);
  }

  private static String encode(byte[] in, char[] alphabet) {
    if (in == null) {
      throw new IllegalArgumentException("bytes: null");
    }
    int n = in.length;
    char[] out = new char[((n + 2) / 3) * 4];
    int i = 0;
    int o = 0;
    for (int full = n - n % 3; i < full; i += 3) {
      int v = (in[i] & 0xff) << 16 | (in[i + 1] & 0xff) << 8 | (in[i + 2] & 0xff);
      out[o++] = alphabet[v >>> 18];
      out[o++] = alphabet[(v >>> 12) & 0x3f];
      out[o++] = alphabet[(v >>> 6) & 0x3f];
      out[o++] = alphabet[v & 0x3f];
    }
    int rest = n - i;
    if (rest == 1) {
      int v = (in[i] & 0xff) << 16;
      out[o++] = alphabet[v >>> 18];
      out[o++] = alphabet[(v >>> 12) & 0x3f];
      out[o++] = '=';
      out[o] = '=';
    } else if (rest == 2) {
      int v = (in[i] & 0xff) << 16 | (in[i + 1] & 0xff) << 8;
      out[o++] = alphabet[v >>> 18];
      out[o++] = alphabet[(v >>> 12) & 0x3f];
      out[o++] = alphabet[(v >>> 6) & 0x3f];
      out[o] = '=';
    }
    return new String(out);
  }

  private static byte[] decode(String field, CharSequence s, byte[] values) {
    if (s == null) {
      throw new DecodingException(field, -1, "missing base64 string");
    }
    int len = s.length();
    // the data characters: everything before the first '=' (padding is checked below)
    int data = 0;
    while (data < len && s.charAt(data) != '=') {
      data++;
    }
    int pad = len - data;
    int tail = data & 3;
    if (tail == 1) {
      throw new DecodingException(field, data - 1, "a lone final base64 character (it carries no whole byte)");
    }
    if (pad > 0) {
      // padding completes the last 4-character unit and nothing follows it
      if (tail == 0 || pad != 4 - tail) {
        throw new DecodingException(field, data, "bad base64 padding");
      }
      for (int i = data; i < len; i++) {
        if (s.charAt(i) != '=') {
          throw new DecodingException(field, i, "a character after the base64 padding");
        }
      }
    }
    byte[] out = new byte[(data / 4) * 3 + (tail == 0 ? 0 : tail - 1)];
    int o = 0;
    int i = 0;
    for (int full = data - tail; i < full; i += 4) {
      int v = value(field, s, i, values) << 18
          | value(field, s, i + 1, values) << 12
          | value(field, s, i + 2, values) << 6
          | value(field, s, i + 3, values);
      out[o++] = (byte) (v >>> 16);
      out[o++] = (byte) (v >>> 8);
      out[o++] = (byte) v;
    }
    if (tail == 2) {
      int v = value(field, s, i, values) << 18 | value(field, s, i + 1, values) << 12;
      out[o] = (byte) (v >>> 16);
    } else if (tail == 3) {
      int v = value(field, s, i, values) << 18
          | value(field, s, i + 1, values) << 12
          | value(field, s, i + 2, values) << 6;
      out[o++] = (byte) (v >>> 16);
      out[o] = (byte) (v >>> 8);
    }
    return out;
  }

  private static int value(String field, CharSequence s, int at, byte[] values) {
    char c = s.charAt(at);
    int v = c < 128 ? values[c] : -1;
    if (v < 0) {
      // the character itself is not echoed: base64 input may be key material
      throw new DecodingException(field, at, "not a base64 character");
    }
    return v;
  }
}
