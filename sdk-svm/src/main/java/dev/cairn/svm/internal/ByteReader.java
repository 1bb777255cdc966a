package dev.cairn.svm.internal;

import dev.cairn.core.encoding.DecodingException;

/**
 * A bounds-checked reader over a byte array; every failure is a {@link DecodingException} naming
 * the field and the offset. Not thread-safe.
 */
public final class ByteReader {
  private final byte[] buf;
  private final String what;
  private int pos;

  public ByteReader(byte[] buf, String what) {
    this.buf = buf;
    this.what = what;
  }

  /** What is being read, the prefix of every field name ({@code "transaction"}, {@code "message"}). */
  public String what() {
    return what;
  }

  public int position() {
    return pos;
  }

  public int remaining() {
    return buf.length - pos;
  }

  public DecodingException error(String field, String problem) {
    return new DecodingException(what + "." + field, pos, problem);
  }

  public DecodingException error(String field, int offset, String problem) {
    return new DecodingException(what + "." + field, offset, problem);
  }

  private void need(String field, int n) {
    if (n > buf.length - pos) {
      throw error(field, "needs " + n + " bytes, " + (buf.length - pos) + " left");
    }
  }

  public int u8(String field) {
    need(field, 1);
    return buf[pos++] & 0xff;
  }

  public int peekU8(String field) {
    need(field, 1);
    return buf[pos] & 0xff;
  }

  public byte[] bytes(String field, int n) {
    need(field, n);
    byte[] out = new byte[n];
    System.arraycopy(buf, pos, out, 0, n);
    pos += n;
    return out;
  }

  /**
   * A compact-u16: 1 to 3 bytes, 7 bits each, little-endian groups; rejects non-canonical
   * (trailing zero group) and overlong encodings and values above 65535.
   */
  public int compactU16(String field) {
    int start = pos;
    int value = 0;
    for (int i = 0; i < 3; i++) {
      if (pos >= buf.length) {
        throw error(field, start, "truncated compact-u16");
      }
      int b = buf[pos++] & 0xff;
      if (i == 2 && b > 0x03) {
        throw error(field, start, "compact-u16 exceeds 65535");
      }
      value |= (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        if (i > 0 && b == 0) {
          throw error(field, start, "non-canonical compact-u16 (trailing zero byte)");
        }
        return value;
      }
    }
    throw error(field, start, "compact-u16 longer than 3 bytes");
  }

  /** A compact-u16 count, checked against the bytes left given {@code minBytesEach} per item. */
  public int count(String field, int minBytesEach) {
    int start = pos;
    int n = compactU16(field);
    if ((long) n * minBytesEach > buf.length - pos) {
      throw error(field, start, "count " + n + " exceeds the " + (buf.length - pos) + " bytes left");
    }
    return n;
  }

  public void expectEnd() {
    if (pos != buf.length) {
      throw error("end", (buf.length - pos) + " trailing bytes");
    }
  }
}
