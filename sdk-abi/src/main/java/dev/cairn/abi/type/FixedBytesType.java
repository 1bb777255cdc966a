package dev.cairn.abi.type;

import dev.cairn.abi.AbiException;
import dev.cairn.abi.AbiType;
import dev.cairn.abi.DecodeContext;
import dev.cairn.abi.internal.PathException;
import dev.cairn.abi.internal.Words;

/**
 * {@code bytes1..bytes32}: a {@code byte[]} of exactly N bytes, right-padded with zeros to 32;
 * strict decoding rejects non-zero padding.
 */
public final class FixedBytesType extends AbiType<byte[]> {
  private static final FixedBytesType[] TYPES = new FixedBytesType[33];

  static {
    for (int i = 1; i <= 32; i++) {
      TYPES[i] = new FixedBytesType(i);
    }
  }

  private final int length;

  private FixedBytesType(int length) {
    super("bytes" + length, false, 32, byte[].class);
    this.length = length;
  }

  /**
   * The type {@code bytesN}.
   *
   * @throws AbiException (INVALID_TYPE) unless 1 &lt;= n &lt;= 32
   */
  public static FixedBytesType of(int n) {
    if (n < 1 || n > 32) {
      throw new AbiException(AbiException.Reason.INVALID_TYPE, "bytes" + n + ": N must be in 1..32");
    }
    return TYPES[n];
  }

  /** N. */
  public int length() {
    return length;
  }

  @Override
  public long minEncodedLength() {
    return 32;
  }

  static void checkBytes(Object value, int length, String type) {
    if (!(value instanceof byte[])) {
      throw PathException.value(
          "expected a byte[] for " + type + ", got " + (value == null ? "null" : value.getClass().getSimpleName()));
    }
    if (((byte[]) value).length != length) {
      throw PathException.value(
          "expected " + length + " bytes for " + type + ", got " + ((byte[]) value).length);
    }
  }

  @Override
  public int encodedLength(Object value) {
    checkBytes(value, length, canonicalType());
    return 32;
  }

  @Override
  public int encodeTo(Object value, byte[] out, int off) {
    System.arraycopy((byte[]) value, 0, out, off, length);
    return off + 32;
  }

  static byte[] decodeFixed(DecodeContext ctx, int off, int length, String type) {
    byte[] d = ctx.data;
    if (off > ctx.limit - 32) {
      throw PathException.decoding(off, "truncated: " + type + " needs 32 bytes");
    }
    if (!Words.isZero(d, off + length, 32 - length)) {
      throw PathException.decoding(Words.firstNonZero(d, off + length, 32 - length), "non-zero padding after " + type);
    }
    ctx.end = off + 32;
    byte[] v = new byte[length];
    System.arraycopy(d, off, v, 0, length);
    return v;
  }

  @Override
  public byte[] decodeAt(DecodeContext ctx, int off) {
    return decodeFixed(ctx, off, length, canonicalType());
  }

  @Override
  public int packedLength(Object value, boolean inArray) {
    checkBytes(value, length, canonicalType());
    return inArray ? 32 : length;
  }

  @Override
  public int encodePackedTo(Object value, byte[] out, int off, boolean inArray) {
    System.arraycopy((byte[]) value, 0, out, off, length);
    return off + (inArray ? 32 : length);
  }
}
