package dev.cairn.abi.type;

import dev.cairn.abi.AbiType;
import dev.cairn.abi.DecodeContext;
import dev.cairn.abi.internal.PathException;
import dev.cairn.abi.internal.Words;

/** {@code bool}: a {@link Boolean}, encoded as the word 0 or 1; strict decoding rejects other words. */
public final class BoolType extends AbiType<Boolean> {
  /** The single instance. */
  public static final BoolType INSTANCE = new BoolType();

  private BoolType() {
    super("bool", false, 32, Boolean.class);
  }

  @Override
  public long minEncodedLength() {
    return 32;
  }

  private static void check(Object value) {
    if (!(value instanceof Boolean)) {
      throw PathException.value(
          "expected a Boolean, got " + (value == null ? "null" : value.getClass().getSimpleName()));
    }
  }

  @Override
  public int encodedLength(Object value) {
    check(value);
    return 32;
  }

  @Override
  public int encodeTo(Object value, byte[] out, int off) {
    if ((Boolean) value) {
      out[off + 31] = 1;
    }
    return off + 32;
  }

  @Override
  public Boolean decodeAt(DecodeContext ctx, int off) {
    byte[] d = ctx.data;
    if (off > ctx.limit - 32) {
      throw PathException.decoding(off, "truncated: bool needs 32 bytes");
    }
    long low = Words.getLong(d, off + 24);
    if (Words.getLong(d, off) != 0
        || Words.getLong(d, off + 8) != 0
        || Words.getLong(d, off + 16) != 0
        || (low & ~1L) != 0) {
      throw PathException.decoding(off, "bool must be 0 or 1");
    }
    ctx.end = off + 32;
    return low != 0 ? Boolean.TRUE : Boolean.FALSE;
  }

  @Override
  public int packedLength(Object value, boolean inArray) {
    check(value);
    return inArray ? 32 : 1;
  }

  @Override
  public int encodePackedTo(Object value, byte[] out, int off, boolean inArray) {
    if (inArray) {
      return encodeTo(value, out, off);
    }
    out[off] = (byte) ((Boolean) value ? 1 : 0);
    return off + 1;
  }
}
