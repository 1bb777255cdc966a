package dev.cairn.core.encoding;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An immutable RLP item: either a byte string or a list of items. Build one with the static
 * factories, encode it with {@link Rlp#encode(RlpItem)}, or obtain one from {@link
 * Rlp#decode(byte[])}.
 *
 * <p>Every item knows its encoded length (computed once at construction), so encoding writes a
 * nested tree straight into one exactly sized array. Items from the decoder remember their offset
 * in the input, which accessor exceptions quote.
 */
public final class RlpItem {
  private static final String FIELD = "rlp";
  /** Largest encoding an item may have, so that it fits one Java array. */
  static final int MAX_ENCODED = Integer.MAX_VALUE - 16;

  private final byte[] bytes; // null for a list
  private final List<RlpItem> items; // null for a string
  private final int encodedLength;
  private final int payloadLength;
  private final long offset;

  private RlpItem(byte[] bytes, List<RlpItem> items, int payloadLength, long offset) {
    this.bytes = bytes;
    this.items = items;
    this.payloadLength = payloadLength;
    this.offset = offset;
    long enc =
        (bytes != null && bytes.length == 1 && (bytes[0] & 0xff) < 0x80)
            ? 1
            : (long) Rlp.headerLength(payloadLength) + payloadLength;
    if (enc > MAX_ENCODED) {
      throw new IllegalArgumentException("RLP item too large to encode (" + enc + " bytes)");
    }
    this.encodedLength = (int) enc;
  }

  /** A byte string item (the bytes are copied). */
  public static RlpItem of(byte[] bytes) {
    return new RlpItem(bytes.clone(), null, bytes.length, -1);
  }

  /**
   * The minimal big-endian string for a non-negative integer (zero is the empty string).
   *
   * @throws IllegalArgumentException if {@code value < 0}
   */
  public static RlpItem ofLong(long value) {
    byte[] b = Rlp.minimalBytes(value);
    return new RlpItem(b, null, b.length, -1);
  }

  /**
   * The minimal big-endian string for a non-negative integer (zero is the empty string).
   *
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public static RlpItem ofBigInteger(BigInteger value) {
    byte[] b = Rlp.minimalBytes(value);
    return new RlpItem(b, null, b.length, -1);
  }

  /** A list of the given items. */
  public static RlpItem ofList(RlpItem... items) {
    return ofList(Arrays.asList(items));
  }

  /**
   * A list of the given items (the list is copied).
   *
   * @throws IllegalArgumentException if the encoding would exceed the largest Java array
   */
  public static RlpItem ofList(List<RlpItem> items) {
    List<RlpItem> copy = List.copyOf(items);
    long payload = 0;
    for (RlpItem it : copy) {
      payload += it.encodedLength;
    }
    if (payload > MAX_ENCODED) {
      throw new IllegalArgumentException("RLP list too large to encode");
    }
    return new RlpItem(null, copy, (int) payload, -1);
  }

  /** Decoder entry: takes ownership of {@code bytes}. */
  static RlpItem decodedString(byte[] bytes, long offset) {
    return new RlpItem(bytes, null, bytes.length, offset);
  }

  /** Decoder entry: takes ownership of {@code items}. */
  static RlpItem decodedList(ArrayList<RlpItem> items, int payloadLength, long offset) {
    return new RlpItem(null, Collections.unmodifiableList(items), payloadLength, offset);
  }

  /** True for a list, false for a byte string. */
  public boolean isList() {
    return items != null;
  }

  /**
   * A copy of the string's bytes.
   *
   * @throws DecodingException if this item is a list
   */
  public byte[] bytes() {
    return string().clone();
  }

  /**
   * The list's elements (unmodifiable).
   *
   * @throws DecodingException if this item is a string
   */
  public List<RlpItem> items() {
    if (items == null) {
      throw new DecodingException(FIELD, offset, "expected a list, found a string");
    }
    return items;
  }

  /**
   * The string as a non-negative integer below 2^63.
   *
   * @throws DecodingException if this is a list, has a leading zero byte, or overflows
   */
  public long asLong() {
    byte[] b = string();
    return RlpReader.toLong(b, 0, b.length, offset);
  }

  /**
   * The string as a non-negative integer below 2^31.
   *
   * @throws DecodingException if this is a list, has a leading zero byte, or overflows
   */
  public int asInt() {
    byte[] b = string();
    return RlpReader.toInt(b, 0, b.length, offset);
  }

  /**
   * The string as a non-negative big integer.
   *
   * @throws DecodingException if this is a list or has a leading zero byte
   */
  public BigInteger asBigInteger() {
    byte[] b = string();
    return RlpReader.toBigInteger(b, 0, b.length, offset);
  }

  /** The length of this item's RLP encoding in bytes. */
  public int encodedLength() {
    return encodedLength;
  }

  /** Offset of this item in the decoded input, or -1 for an item built by a factory. */
  public long offset() {
    return offset;
  }

  int payloadLength() {
    return payloadLength;
  }

  byte[] rawBytes() {
    return bytes;
  }

  List<RlpItem> rawItems() {
    return items;
  }

  private byte[] string() {
    if (bytes == null) {
      throw new DecodingException(FIELD, offset, "expected a string, found a list");
    }
    return bytes;
  }

  /** Structural equality (the offset is ignored). */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RlpItem)) {
      return false;
    }
    RlpItem other = (RlpItem) o;
    return items == null
        ? other.items == null && Arrays.equals(bytes, other.bytes)
        : items.equals(other.items);
  }

  @Override
  public int hashCode() {
    return items == null ? Arrays.hashCode(bytes) : 31 + items.hashCode();
  }

  /** Strings as {@code 0x...} hex, lists in brackets. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    append(sb);
    return sb.toString();
  }

  private void append(StringBuilder sb) {
    if (items == null) {
      sb.append(Hex.encodePrefixed(bytes));
      return;
    }
    sb.append('[');
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      items.get(i).append(sb);
    }
    sb.append(']');
  }
}
