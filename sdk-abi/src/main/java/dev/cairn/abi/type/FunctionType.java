package dev.cairn.abi.type;

import dev.cairn.abi.AbiType;
import dev.cairn.abi.DecodeContext;

/**
 * {@code function}: an external function reference, a {@code byte[24]} (20-byte address followed
 * by a 4-byte selector), encoded like {@code bytes24}.
 */
public final class FunctionType extends AbiType<byte[]> {
  /** The single instance. */
  public static final FunctionType INSTANCE = new FunctionType();

  private FunctionType() {
    super("function", false, 32, byte[].class);
  }

  @Override
  public long minEncodedLength() {
    return 32;
  }

  @Override
  public int encodedLength(Object value) {
    FixedBytesType.checkBytes(value, 24, "function");
    return 32;
  }

  @Override
  public int encodeTo(Object value, byte[] out, int off) {
    System.arraycopy((byte[]) value, 0, out, off, 24);
    return off + 32;
  }

  @Override
  public byte[] decodeAt(DecodeContext ctx, int off) {
    return FixedBytesType.decodeFixed(ctx, off, 24, "function");
  }

  @Override
  public int packedLength(Object value, boolean inArray) {
    FixedBytesType.checkBytes(value, 24, "function");
    return inArray ? 32 : 24;
  }

  @Override
  public int encodePackedTo(Object value, byte[] out, int off, boolean inArray) {
    System.arraycopy((byte[]) value, 0, out, off, 24);
    return off + (inArray ? 32 : 24);
  }
}
