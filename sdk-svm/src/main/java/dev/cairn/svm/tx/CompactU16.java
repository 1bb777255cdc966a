package dev.cairn.svm.tx;

import dev.cairn.core.encoding.DecodingException;
import dev.cairn.svm.SvmException;
import dev.cairn.svm.internal.ByteReader;
import dev.cairn.svm.internal.ByteWriter;

/**
 * Solana's "shortvec" length prefix: an unsigned 16-bit value in 1 to 3 bytes, 7 bits per byte,
 * least significant group first, the high bit set on every byte but the last. Decoding is strict:
 * it rejects truncated, non-canonical (a trailing zero group) and overlong encodings and values
 * above 65535, as the Solana runtime does.
 */
public final class CompactU16 {
  /** The largest encodable value. */
  public static final int MAX_VALUE = 0xffff;

  private CompactU16() {}

  /**
   * Encodes {@code value}.
   *
   * @throws SvmException (INVALID_INPUT) if it is outside 0..65535
   */
  public static byte[] encode(int value) {
    check("value", value);
    return new ByteWriter(3).compactU16(value).toByteArray();
  }

  /** How many bytes {@code value} takes (1, 2 or 3). */
  public static int encodedLength(int value) {
    check("value", value);
    return value < 0x80 ? 1 : value < 0x4000 ? 2 : 3;
  }

  /**
   * Decodes the value at {@code offset}.
   *
   * @throws DecodingException naming {@code compactU16} and the offset if it is truncated,
   *     non-canonical or too large
   */
  public static int decode(byte[] bytes, int offset) {
    if (bytes == null) {
      throw new DecodingException("compactU16", -1, "is null");
    }
    if (offset < 0 || offset > bytes.length) {
      throw new DecodingException("compactU16", offset, "offset outside the input");
    }
    ByteReader r = new ByteReader(bytes, "compactU16");
    if (offset > 0) {
      r.bytes("skip", offset);
    }
    return r.compactU16("value");
  }

  static void check(String field, int value) {
    if (value < 0 || value > MAX_VALUE) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, field + ": " + value + " does not fit a compact-u16 (0..65535)");
    }
  }
}
