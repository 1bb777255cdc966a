package dev.cairn.abi.type;

import dev.cairn.abi.AbiType;
import dev.cairn.abi.DecodeContext;
import dev.cairn.abi.internal.PathException;
import dev.cairn.abi.internal.Utf8;
import dev.cairn.abi.internal.Words;

/**
 * {@code string}: a {@link String} encoded as UTF-8 like {@code bytes}. Encoding rejects unpaired
 * surrogates; strict decoding rejects ill-formed UTF-8 (no replacement characters).
 */
public final class StringType extends AbiType<String> {
  /** The single instance. */
  public static final StringType INSTANCE = new StringType();

  private StringType() {
    super("string", true, 32, String.class);
  }

  @Override
  public long minEncodedLength() {
    return 32;
  }

  private static int utf8Length(Object value) {
    if (!(value instanceof String)) {
      throw PathException.value(
          "expected a String, got " + (value == null ? "null" : value.getClass().getSimpleName()));
    }
    int n = Utf8.length((String) value);
    if (n < 0) {
      throw PathException.value("string contains an unpaired surrogate");
    }
    if (n > Integer.MAX_VALUE - 64) {
      throw PathException.value("string too long to encode");
    }
    return n;
  }

  @Override
  public int encodedLength(Object value) {
    return 32 + BytesType.padded(utf8Length(value));
  }

  @Override
  public int encodeTo(Object value, byte[] out, int off) {
    int end = Utf8.encode((String) value, out, off + 32);
    int n = end - off - 32;
    Words.putIntWord(out, off, n);
    return off + 32 + BytesType.padded(n);
  }

  @Override
  public String decodeAt(DecodeContext ctx, int off) {
    int n = BytesType.readTail(ctx, off, "string");
    if (Utf8.isAscii(ctx.data, off + 32, n)) {
      return new String(ctx.data, off + 32, n, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
    int bad = Utf8.firstInvalid(ctx.data, off + 32, n);
    if (bad >= 0) {
      throw PathException.decoding(bad, "string is not valid UTF-8");
    }
    return Utf8.decode(ctx.data, off + 32, n);
  }

  @Override
  public int packedLength(Object value, boolean inArray) {
    int n = utf8Length(value);
    if (inArray) {
      throw PathException.unsupported("string inside an array cannot be packed (Solidity rejects it)");
    }
    return n;
  }

  @Override
  public int encodePackedTo(Object value, byte[] out, int off, boolean inArray) {
    return Utf8.encode((String) value, out, off);
  }
}
