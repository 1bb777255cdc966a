package dev.cairn.abi;

import dev.cairn.abi.internal.PathException;

/**
 * A Solidity ABI type that encodes and decodes its own values. Instances are immutable, thread-safe
 * and obtained from {@link AbiTypes#parse(String)} (parsed once and cached) or the factories of
 * {@link AbiTypes} and {@link TupleType}; concrete classes live in {@code dev.cairn.abi.type}.
 *
 * <p>Java values: {@code intN/uintN} whose every value fits a long ({@code int8..int64},
 * {@code uint8..uint56}) decode to {@link Long}, wider ones to {@link java.math.BigInteger};
 * encoders accept any {@link Byte}, {@link Short}, {@link Integer}, {@link Long} or {@code
 * BigInteger} in range. {@code address} is {@link Address}, {@code bool} {@link Boolean}, {@code
 * bytesN/bytes/function} {@code byte[]}, {@code string} {@link String}, arrays {@link java.util.List}
 * (encoders also accept {@code Object[]}), tuples {@link Tuple}.
 *
 * <p>The {@code encodedLength}/{@code encodeTo}/{@code decodeAt}/{@code packed*} methods are the
 * low-level codec used by {@link TupleType}, {@link Function} and generated code; applications use
 * {@link TupleType#encode(Tuple)} and {@link TupleType#decode(byte[])}. This class is not meant to
 * be extended outside the SDK.
 *
 * @param <J> the Java class of this type's values
 */
public abstract class AbiType<J> {
  private final String canonicalType;
  private final boolean dynamic;
  private final int headLength;
  private final Class<J> valueClass;

  /**
   * For subclasses in the SDK.
   *
   * @param canonicalType canonical type string
   * @param dynamic whether the encoding is dynamic
   * @param headLength bytes the type takes in the head of an enclosing tuple
   * @param valueClass Java class of the values
   */
  protected AbiType(String canonicalType, boolean dynamic, int headLength, Class<J> valueClass) {
    this.canonicalType = canonicalType;
    this.dynamic = dynamic;
    this.headLength = headLength;
    this.valueClass = valueClass;
  }

  /** The canonical type string, e.g. {@code uint256} or {@code (address,bytes)[]}. */
  public final String canonicalType() {
    return canonicalType;
  }

  /** True for {@code bytes}, {@code string}, {@code T[]} and types containing them. */
  public final boolean isDynamic() {
    return dynamic;
  }

  /**
   * Bytes this type takes in the head of an enclosing tuple: 32 for a dynamic type (its offset),
   * else its whole encoding.
   */
  public final int headLength() {
    return headLength;
  }

  /** The Java class of this type's values. */
  public final Class<J> valueClass() {
    return valueClass;
  }

  /**
   * Low-level: validates {@code value} and returns the length of its encoding (for a static type
   * {@link #headLength()}, for a dynamic type the length of its tail).
   *
   * @throws PathException (a {@link dev.cairn.core.CairnException}) if the value does not fit
   */
  public abstract int encodedLength(Object value);

  /**
   * Low-level: writes the encoding of a value that {@link #encodedLength(Object)} accepted into
   * {@code out} at {@code off}, which must be zero-filled; returns the end position.
   */
  public abstract int encodeTo(Object value, byte[] out, int off);

  /**
   * Low-level: decodes the value whose encoding starts at {@code off} (for a dynamic type, the
   * start of its tail) and sets {@code ctx.end} to where it ends.
   *
   * @throws PathException (a {@link dev.cairn.core.CairnException}) on malformed data
   */
  public abstract J decodeAt(DecodeContext ctx, int off);

  /**
   * Low-level: the minimum number of bytes any encoding of this type takes (its head plus, for a
   * dynamic type, the smallest tail), saturated at {@link dev.cairn.abi.type.ArrayType#SATURATED}.
   * Used to reject array lengths before allocating.
   */
  public abstract long minEncodedLength();

  /**
   * Low-level: validates {@code value} and returns the length of its {@code abi.encodePacked}
   * encoding; {@code inArray} means it is an array element (padded to 32 bytes).
   */
  public abstract int packedLength(Object value, boolean inArray);

  /** Low-level: writes the packed encoding; returns the end position. */
  public abstract int encodePackedTo(Object value, byte[] out, int off, boolean inArray);

  /**
   * Checks that {@code value} is a valid value of this type.
   *
   * @throws AbiException (INVALID_VALUE) naming the path below {@code value}
   */
  public final void validate(Object value) {
    try {
      encodedLength(value);
    } catch (PathException e) {
      throw (AbiException) e.toPublic("value");
    }
  }

  /** The canonical type string. */
  @Override
  public final String toString() {
    return canonicalType;
  }

  /** Types are equal when their canonical type strings are (component names are ignored). */
  @Override
  public final boolean equals(Object o) {
    return o instanceof AbiType && canonicalType.equals(((AbiType<?>) o).canonicalType);
  }

  @Override
  public final int hashCode() {
    return canonicalType.hashCode();
  }
}
