package dev.cairn.abi.type;

import dev.cairn.abi.AbiType;
import dev.cairn.abi.DecodeContext;
import dev.cairn.abi.internal.PathException;
import dev.cairn.abi.internal.Words;

/**
 * {@code bytes}: a {@code byte[]} of any length, encoded as its length word followed by the bytes
 * right-padded with zeros to a multiple of 32; strict decoding rejects non-zero padding.
 */
public final class BytesType extends AbiType<byte[]> {
  /** The single instance. */
  public static final BytesType INSTANCE = new BytesType();

  private BytesType() {
    super("bytes", true, 32, byte[].class);
  }

  @Override
  public long minEncodedLength() {
    return 32;
  }

  private static byte[] check(Object value) {
    if (value instanceof byte[]) {
      return (byte[]) value;
    }
    throw PathException.value(
        "expected a byte[] for bytes, got " + (value == null ? "null" : value.getClass().getSimpleName()));
  }

  static int padded(int n) {
    return (n + 31) & ~31;
  }

  @Override
  public int encodedLength(Object value) {
    byte[] b = check(value);
    if (b.length > Integer.MAX_VALUE - 64) {
      throw PathException.value("too long to encode (" + b.length + " bytes)");
    }
    return 32 + padded(b.length);
  }

  @Override
  public int encodeTo(Object value, byte[] out, int off) {
    byte[] b = (byte[]) value;
    Words.putIntWord(out, off, b.length);
    System.arraycopy(b, 0, out, off + 32, b.length);
    return off + 32 + padded(b.length);
  }

  /**
   * Checks the length word and padding of a bytes/string tail at {@code off}; returns the length
   * and sets {@code ctx.end}.
   */
  static int readTail(DecodeContext ctx, int off, String type) {
    byte[] d = ctx.data;
    if (off > ctx.limit - 32) {
      throw PathException.decoding(off, "truncated: " + type + " needs a 32-byte length");
    }
    int n = Words.getIntWord(d, off);
    long space = (long) ctx.limit - off - 32;
    if (n < 0 || (((long) n + 31) & ~31L) > space) {
      throw PathException.decoding(
          off, "length " + (n < 0 ? "beyond 2^31" : String.valueOf(n)) + " exceeds the remaining " + space + " bytes");
    }
    int start = off + 32;
    int p = padded(n);
    if (!Words.isZero(d, start + n, p - n)) {
      throw PathException.decoding(Words.firstNonZero(d, start + n, p - n), "non-zero padding after " + type);
    }
    ctx.end = start + p;
    return n;
  }

  @Override
  public byte[] decodeAt(DecodeContext ctx, int off) {
    int n = readTail(ctx, off, "bytes");
    byte[] v = new byte[n];
    System.arraycopy(ctx.data, off + 32, v, 0, n);
    return v;
  }

  @Override
  public int packedLength(Object value, boolean inArray) {
    byte[] b = check(value);
    if (inArray) {
      throw PathException.unsupported("bytes inside an array cannot be packed (Solidity rejects it)");
    }
    return b.length;
  }

  @Override
  public int encodePackedTo(Object value, byte[] out, int off, boolean inArray) {
    byte[] b = (byte[]) value;
    System.arraycopy(b, 0, out, off, b.length);
    return off + b.length;
  }
}
