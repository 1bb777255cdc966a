package dev.cairn.abi.internal;

import java.nio.charset.StandardCharsets;

/** Strict UTF-8 without charset encoder objects: length, encoding into an array, validation. */
public final class Utf8 {
  private Utf8() {}

  /**
   * The UTF-8 length of {@code s}, or -1 if it contains an unpaired surrogate.
   */
  public static int length(String s) {
    int n = s.length();
    int len = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        continue;
      }
      if (c < 0x800) {
        len += 1;
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          len += 2; // 4 bytes for 2 chars
          i++;
        } else {
          return -1;
        }
      } else {
        len += 2;
      }
    }
    return len;
  }

  /** Writes {@code s} (validated by {@link #length}) as UTF-8 at {@code off}; returns the end. */
  public static int encode(String s, byte[] out, int off) {
    int n = s.length();
    int p = off;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        out[p++] = (byte) c;
      } else if (c < 0x800) {
        out[p++] = (byte) (0xc0 | (c >> 6));
        out[p++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c)) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        out[p++] = (byte) (0xf0 | (cp >> 18));
        out[p++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        out[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        out[p++] = (byte) (0x80 | (cp & 0x3f));
      } else {
        out[p++] = (byte) (0xe0 | (c >> 12));
        out[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        out[p++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    return p;
  }

  /**
   * Returns the offset of the first byte of an ill-formed UTF-8 sequence in {@code b[off, off+len)}
   * (overlong forms, surrogates, code points above U+10FFFF, truncated sequences), or -1 if the
   * range is well-formed.
   */
  public static int firstInvalid(byte[] b, int off, int len) {
    int end = off + len;
    int i = off;
    while (i < end) {
      int c = b[i];
      if (c >= 0) {
        i++;
        continue;
      }
      c &= 0xff;
      int need;
      int min;
      if (c >= 0xc2 && c <= 0xdf) {
        need = 1;
        min = 0x80;
      } else if (c >= 0xe0 && c <= 0xef) {
        need = 2;
        min = 0x800;
      } else if (c >= 0xf0 && c <= 0xf4) {
        need = 3;
        min = 0x10000;
      } else {
        return i;
      }
      if (i + need >= end) {
        return i;
      }
      int cp = c & (0x3f >> need);
      for (int k = 1; k <= need; k++) {
        int cc = b[i + k] & 0xff;
        if ((cc & 0xc0) != 0x80) {
          return i;
        }
        cp = (cp << 6) | (cc & 0x3f);
      }
      if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        return i;
      }
      i += need + 1;
    }
    return -1;
  }

  /** True if {@code b[off, off+len)} is all ASCII (checked 8 bytes at a time). */
  public static boolean isAscii(byte[] b, int off, int len) {
    int i = 0;
    for (; i + 8 <= len; i += 8) {
      if ((Words.getLong(b, off + i) & 0x8080808080808080L) != 0) {
        return false;
      }
    }
    for (; i < len; i++) {
      if (b[off + i] < 0) {
        return false;
      }
    }
    return true;
  }

  /** Decodes well-formed UTF-8 (checked with {@link #firstInvalid}). */
  public static String decode(byte[] b, int off, int len) {
    return new String(b, off, len, StandardCharsets.UTF_8);
  }
}
