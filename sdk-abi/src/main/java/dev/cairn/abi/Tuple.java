package dev.cairn.abi;

import dev.cairn.abi.internal.Values;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * An ordered, fixed-size group of ABI values: the Java value of a tuple type (function arguments,
 * return values, structs). Elements are never null.
 *
 * <p>A tuple is immutable as a container. Byte arrays handed to {@link #of(Object...)} or returned
 * by {@link #get(int)} are not copied (to keep the codec fast) and must not be modified; {@link
 * #getBytes(int)} returns a copy. Equality is deep: byte arrays, lists (and {@code Object[]}) and
 * nested tuples compare by content, and integers by value ({@code 1}, {@code 1L} and {@code
 * BigInteger.ONE} are equal).
 */
public final class Tuple {
  /** The empty tuple. */
  public static final Tuple EMPTY = new Tuple(new Object[0]);

  private final Object[] values;

  private Tuple(Object[] values) {
    this.values = values;
  }

  /**
   * A tuple of the given values (the array is copied; elements are not).
   *
   * @throws AbiException (INVALID_VALUE) if an element is null
   */
  public static Tuple of(Object... values) {
    if (values == null) {
      throw new AbiException(AbiException.Reason.INVALID_VALUE, "tuple: null values");
    }
    Object[] copy = values.clone();
    for (int i = 0; i < copy.length; i++) {
      if (copy[i] == null) {
        throw new AbiException(AbiException.Reason.INVALID_VALUE, "tuple[" + i + "]: null");
      }
    }
    return new Tuple(copy);
  }

  /** The backing array, for the codec (never exposed). */
  Object[] values() {
    return values;
  }

  /** Wraps {@code values} without copying; for the codec, which never exposes the array. */
  static Tuple wrap(Object[] values) {
    return new Tuple(values);
  }

  /** Number of elements. */
  public int size() {
    return values.length;
  }

  /**
   * Element {@code i} as stored.
   *
   * @throws AbiException (INVALID_VALUE) if {@code i} is out of range
   */
  public Object get(int i) {
    if (i < 0 || i >= values.length) {
      throw new AbiException(
          AbiException.Reason.INVALID_VALUE, "tuple: index " + i + " out of range (size " + values.length + ")");
    }
    return values[i];
  }

  private <T> T as(int i, Class<T> cls, String what) {
    Object v = get(i);
    if (!cls.isInstance(v)) {
      throw new AbiException(
          AbiException.Reason.INVALID_VALUE,
          "tuple[" + i + "]: expected " + what + ", got " + v.getClass().getSimpleName());
    }
    return cls.cast(v);
  }

  /** Element {@code i}, an integer, as a BigInteger. */
  public BigInteger getBigInteger(int i) {
    Object v = get(i);
    if (v instanceof BigInteger) {
      return (BigInteger) v;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return BigInteger.valueOf(((Number) v).longValue());
    }
    throw new AbiException(
        AbiException.Reason.INVALID_VALUE,
        "tuple[" + i + "]: expected an integer, got " + v.getClass().getSimpleName());
  }

  /**
   * Element {@code i}, an integer, as a long.
   *
   * @throws AbiException (INVALID_VALUE) if it is not an integer or does not fit a long
   */
  public long getLong(int i) {
    Object v = get(i);
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigInteger && ((BigInteger) v).bitLength() <= 63) {
      return ((BigInteger) v).longValue();
    }
    throw new AbiException(
        AbiException.Reason.INVALID_VALUE, "tuple[" + i + "]: " + v + " is not an integer that fits a long");
  }

  /**
   * Element {@code i}, an integer, as an int.
   *
   * @throws AbiException (INVALID_VALUE) if it is not an integer or does not fit an int
   */
  public int getInt(int i) {
    long v = getLong(i);
    if (v != (int) v) {
      throw new AbiException(AbiException.Reason.INVALID_VALUE, "tuple[" + i + "]: " + v + " does not fit an int");
    }
    return (int) v;
  }

  /** Element {@code i}, a bool. */
  public boolean getBoolean(int i) {
    return as(i, Boolean.class, "a Boolean");
  }

  /** Element {@code i}, an address. */
  public Address getAddress(int i) {
    return as(i, Address.class, "an Address");
  }

  /** Element {@code i}, a byte array (bytes, bytesN, function), copied. */
  public byte[] getBytes(int i) {
    return as(i, byte[].class, "a byte[]").clone();
  }

  /** Element {@code i}, a string. */
  public String getString(int i) {
    return as(i, String.class, "a String");
  }

  /** Element {@code i}, an array value, as a list (an {@code Object[]} element is wrapped read-only). */
  public List<?> getList(int i) {
    Object v = get(i);
    if (v instanceof Object[]) {
      return java.util.Collections.unmodifiableList(Arrays.asList((Object[]) v));
    }
    return as(i, List.class, "a List");
  }

  /** Element {@code i}, a nested tuple. */
  public Tuple getTuple(int i) {
    return as(i, Tuple.class, "a Tuple");
  }

  /** A copy of the elements. */
  public Object[] toArray() {
    return values.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tuple && Values.deepEquals(values, ((Tuple) o).values);
  }

  @Override
  public int hashCode() {
    return Values.deepHashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    Values.append(sb, values);
    return sb.toString();
  }
}
