package dev.cairn.cosmos.msg;

import dev.cairn.core.encoding.Hex;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.internal.Wire;
import java.util.Arrays;

/**
 * A {@code google.protobuf.Any}: a type URL and the protobuf bytes of a message of that type.
 * Immutable; the value array is copied in and out.
 */
public final class Any {
  private final String typeUrl;
  private final byte[] value;

  private Any(String typeUrl, byte[] value) {
    this.typeUrl = typeUrl;
    this.value = value;
  }

  /**
   * An Any.
   *
   * @throws CosmosException (INVALID_INPUT) naming {@code any.typeUrl} when it is empty or not a
   *     {@code /package.Type} URL
   */
  public static Any of(String typeUrl, byte[] value) {
    if (typeUrl == null || typeUrl.isEmpty() || typeUrl.length() > 256) {
      throw CosmosException.invalid("any.typeUrl", "must be 1 to 256 characters");
    }
    if (value == null) {
      throw CosmosException.invalid("any.value", "is null");
    }
    return new Any(typeUrl, value.clone());
  }

  /**
   * Decodes an encoded Any.
   *
   * @throws dev.cairn.core.encoding.DecodingException naming the field and offset (including a
   *     missing, empty or over-long {@code type_url}, which {@link #of} refuses too)
   */
  public static Any decode(byte[] encoded) {
    return readBody(ProtoReader.of(encoded, "Any"));
  }

  static Any read(ProtoReader parent, byte[] b) {
    return readBody(parent.nested(b, "Any", parent.payloadOffset(b)));
  }

  private static Any readBody(ProtoReader r) {
    String url = "";
    long urlAt = r.start();
    byte[] value = new byte[0];
    while (r.next()) {
      switch (r.field()) {
        case 1:
          urlAt = r.offset();
          url = r.string("type_url");
          break;
        case 2:
          value = r.bytes("value");
          break;
        default:
          r.skip();
      }
    }
    // the same bounds as of(...): a decoded Any can always be rebuilt and re-encoded
    if (url.isEmpty() || url.length() > 256) {
      throw r.error("type_url", urlAt, url.isEmpty() ? "is missing or empty" : url.length() + " characters, limit 256");
    }
    return new Any(url, value);
  }

  /** The type URL, e.g. {@code /cosmos.bank.v1beta1.MsgSend}. */
  public String typeUrl() {
    return typeUrl;
  }

  /** A copy of the value bytes. */
  public byte[] value() {
    return value.clone();
  }

  /** The protobuf encoding of this Any. */
  public byte[] encode() {
    return Wire.any(typeUrl, value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Any && ((Any) o).typeUrl.equals(typeUrl) && Arrays.equals(((Any) o).value, value);
  }

  @Override
  public int hashCode() {
    return typeUrl.hashCode() * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "Any{" + typeUrl + ", " + (value.length > 64 ? value.length + " bytes" : Hex.encode(value)) + "}";
  }
}
