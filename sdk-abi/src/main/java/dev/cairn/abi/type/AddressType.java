package dev.cairn.abi.type;

import dev.cairn.abi.AbiType;
import dev.cairn.abi.Address;
import dev.cairn.abi.DecodeContext;
import dev.cairn.abi.internal.PathException;
import dev.cairn.abi.internal.Words;

/** {@code address}: an {@link Address}, left-padded to 32 bytes; strict decoding rejects non-zero padding. */
public final class AddressType extends AbiType<Address> {
  /** The single instance. */
  public static final AddressType INSTANCE = new AddressType();

  private AddressType() {
    super("address", false, 32, Address.class);
  }

  @Override
  public long minEncodedLength() {
    return 32;
  }

  private static Address check(Object value) {
    if (value instanceof Address) {
      return (Address) value;
    }
    throw PathException.value(
        "expected an Address, got " + (value == null ? "null" : value.getClass().getSimpleName()));
  }

  @Override
  public int encodedLength(Object value) {
    check(value);
    return 32;
  }

  @Override
  public int encodeTo(Object value, byte[] out, int off) {
    ((Address) value).copyTo(out, off + 12);
    return off + 32;
  }

  @Override
  public Address decodeAt(DecodeContext ctx, int off) {
    byte[] d = ctx.data;
    if (off > ctx.limit - 32) {
      throw PathException.decoding(off, "truncated: address needs 32 bytes");
    }
    if (Words.getLong(d, off) != 0 || (int) (Words.getLong(d, off + 4) & 0xffffffffL) != 0) {
      throw PathException.decoding(off, "non-zero padding before an address");
    }
    ctx.end = off + 32;
    return Address.of(d, off + 12);
  }

  @Override
  public int packedLength(Object value, boolean inArray) {
    check(value);
    return inArray ? 32 : 20;
  }

  @Override
  public int encodePackedTo(Object value, byte[] out, int off, boolean inArray) {
    if (inArray) {
      return encodeTo(value, out, off);
    }
    ((Address) value).copyTo(out, off);
    return off + 20;
  }
}
