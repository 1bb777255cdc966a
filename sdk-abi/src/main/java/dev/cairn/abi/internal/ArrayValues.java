package dev.cairn.abi.internal;

import java.util.AbstractList;
import java.util.RandomAccess;

/** An immutable list view over a decoder-owned array (no copy); equality is deep (byte arrays by content). */
public final class ArrayValues extends AbstractList<Object> implements RandomAccess {
  private final Object[] values;

  /** Wraps {@code values}, which the caller gives up. */
  public ArrayValues(Object[] values) {
    this.values = values;
  }

  @Override
  public Object get(int index) {
    return values[index];
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public Object[] toArray() {
    return values.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o == this || ((o instanceof java.util.List || o instanceof Object[]) && Values.deepEquals(this, o));
  }

  @Override
  public int hashCode() {
    return Values.deepHashCode(this);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    Values.append(sb, this);
    return sb.toString();
  }
}
