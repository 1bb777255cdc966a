package dev.cairn.abi.type;

import dev.cairn.abi.AbiException;
import dev.cairn.abi.AbiType;
import dev.cairn.abi.internal.ArrayValues;
import dev.cairn.abi.DecodeContext;
import dev.cairn.abi.internal.Dispatch;
import dev.cairn.abi.internal.PathException;
import dev.cairn.abi.internal.Words;
import java.util.List;
import java.util.RandomAccess;

/**
 * {@code T[k]} (fixed length) and {@code T[]} (dynamic length). Values are {@link List}s; encoders
 * also accept {@code Object[]}. Decoded lists are immutable.
 *
 * <p>Limits (so that hostile type strings cannot exhaust memory): a fixed length is in
 * 1..{@value #MAX_FIXED_LENGTH}, and a static type's encoding is at most {@value
 * #MAX_STATIC_SIZE} bytes. Element types whose encoding is empty (e.g. {@code ()}) are rejected,
 * because an array of them could claim any length without data.
 */
@SuppressWarnings("rawtypes")
public final class ArrayType extends AbiType<List> {
  /** Largest fixed array length accepted. */
  public static final int MAX_FIXED_LENGTH = 1_000_000;

  /** Largest encoded size of a static type, in bytes (32 MiB). */
  public static final int MAX_STATIC_SIZE = 1 << 25;

  /** Upper bound of {@link #minEncodedLength()}: larger than any input, small enough not to overflow. */
  public static final long SATURATED = 1L << 48;

  /** Length of a dynamic array. */
  public static final int DYNAMIC = -1;

  private final AbiType<?> element;
  private final int length;
  private final int elemHead;
  private final boolean elemDynamic;
  private final long minEncoded;

  private ArrayType(AbiType<?> element, int length, String canonical, boolean dynamic, int head, long min) {
    super(canonical, dynamic, head, List.class);
    this.element = element;
    this.length = length;
    this.elemHead = element.headLength();
    this.elemDynamic = element.isDynamic();
    this.minEncoded = min;
  }

  /**
   * {@code element[length]}, or {@code element[]} for {@code length == }{@link #DYNAMIC}.
   *
   * @throws AbiException (INVALID_TYPE) for a length outside 1..{@value #MAX_FIXED_LENGTH}, an
   *     element type with an empty encoding, or a static size beyond {@value #MAX_STATIC_SIZE}
   */
  public static ArrayType of(AbiType<?> element, int length) {
    String canonical = element.canonicalType() + (length == DYNAMIC ? "[]" : "[" + length + "]");
    if (length != DYNAMIC && (length < 1 || length > MAX_FIXED_LENGTH)) {
      throw new AbiException(
          AbiException.Reason.INVALID_TYPE,
          canonical + ": a fixed array length must be in 1.." + MAX_FIXED_LENGTH);
    }
    if (!element.isDynamic() && element.headLength() == 0) {
      throw new AbiException(
          AbiException.Reason.INVALID_TYPE, canonical + ": arrays of empty tuples are not supported");
    }
    long slot = element.isDynamic() ? 32 + element.minEncodedLength() : element.headLength();
    if (length == DYNAMIC) {
      return new ArrayType(element, length, canonical, true, 32, 32);
    }
    // saturating: minimum sizes of deeply nested dynamic arrays can exceed any real input
    long min = slot > SATURATED / length ? SATURATED : slot * length;
    if (element.isDynamic()) {
      return new ArrayType(element, length, canonical, true, 32, min);
    }
    if (min > MAX_STATIC_SIZE) {
      throw new AbiException(
          AbiException.Reason.INVALID_TYPE,
          canonical + ": static size " + min + " exceeds the limit of " + MAX_STATIC_SIZE + " bytes");
    }
    return new ArrayType(element, length, canonical, false, (int) min, min);
  }

  /** The element type. */
  public AbiType<?> elementType() {
    return element;
  }

  /** The fixed length, or {@link #DYNAMIC}. */
  public int length() {
    return length;
  }

  @Override
  public long minEncodedLength() {
    return minEncoded;
  }

  // JDK lists known to be RandomAccess: recognising them by exact class avoids instanceof checks
  // against two interfaces on one class, which thrash HotSpot's secondary-supers cache
  private static final Class<?> LIST12 = List.of(1).getClass();
  private static final Class<?> LISTN = List.of(1, 2, 3).getClass();
  private static final Class<?> ARRAYS_LIST = java.util.Arrays.asList(1).getClass();
  private static final Class<?> UNMODIFIABLE_RA =
      java.util.Collections.unmodifiableList(new java.util.ArrayList<>()).getClass();

  private static boolean knownRandomAccess(Class<?> c) {
    return c == java.util.ArrayList.class
        || c == ArrayValues.class
        || c == LIST12
        || c == LISTN
        || c == ARRAYS_LIST
        || c == UNMODIFIABLE_RA;
  }

  /** The elements as an array, or null if {@code value} is a random-access list to read in place. */
  private static Object[] asArray(Object value) {
    if (value instanceof Object[]) {
      return (Object[]) value;
    }
    if (value != null && knownRandomAccess(value.getClass())) {
      return null;
    }
    if (value instanceof List) {
      List<?> l = (List<?>) value;
      return l instanceof RandomAccess ? null : l.toArray();
    }
    throw PathException.value(
        "expected a List or Object[], got " + (value == null ? "null" : value.getClass().getSimpleName()));
  }

  private int checkSize(Object value, Object[] arr) {
    int n = arr != null ? arr.length : ((List<?>) value).size();
    if (length != DYNAMIC && n != length) {
      throw PathException.value("expected " + length + " elements for " + canonicalType() + ", got " + n);
    }
    return n;
  }

  @Override
  public int encodedLength(Object value) {
    Object[] arr = asArray(value);
    int n = checkSize(value, arr);
    List<?> list = arr == null ? (List<?>) value : null;
    long total = length == DYNAMIC ? 32 : 0;
    if (elemDynamic) {
      total += 32L * n;
    }
    for (int i = 0; i < n; i++) {
      Object v = arr != null ? arr[i] : list.get(i);
      try {
        total += Dispatch.encodedLength(element, v);
      } catch (PathException e) {
        throw e.at(i);
      }
    }
    if (total > Integer.MAX_VALUE - 64) {
      throw PathException.value("encoding too large (" + total + " bytes)");
    }
    return (int) total;
  }

  @Override
  public int encodeTo(Object value, byte[] out, int off) {
    Object[] arr = asArray(value);
    List<?> list = arr == null ? (List<?>) value : null;
    int n = arr != null ? arr.length : list.size();
    int base = off;
    if (length == DYNAMIC) {
      Words.putIntWord(out, off, n);
      base += 32;
    }
    AbiType<?> t = element;
    if (!elemDynamic) {
      int p = base;
      for (int i = 0; i < n; i++) {
        p = Dispatch.encodeTo(t, arr != null ? arr[i] : list.get(i), out, p);
      }
      return p;
    }
    int head = base;
    int tail = base + 32 * n;
    for (int i = 0; i < n; i++) {
      Words.putIntWord(out, head, tail - base);
      head += 32;
      tail = Dispatch.encodeTo(t, arr != null ? arr[i] : list.get(i), out, tail);
    }
    return tail;
  }

  @Override
  public List<?> decodeAt(DecodeContext ctx, int off) {
    byte[] d = ctx.data;
    int n = length;
    int base = off;
    if (n == DYNAMIC) {
      if (off > ctx.limit - 32) {
        throw PathException.decoding(off, "truncated: " + canonicalType() + " needs a 32-byte length");
      }
      n = Words.getIntWord(d, off);
      base = off + 32;
      long slot = elemDynamic ? 32 + element.minEncodedLength() : elemHead;
      long space = (long) ctx.limit - base;
      if (n < 0 || (n > 0 && space / n < slot)) {
        throw PathException.decoding(
            off,
            "array length " + (n < 0 ? "beyond 2^31" : String.valueOf(n)) + " needs more than the remaining "
                + space + " bytes");
      }
    } else {
      long need = elemDynamic ? 32L * n : (long) elemHead * n;
      if (need > (long) ctx.limit - base) {
        throw PathException.decoding(off, "truncated: " + canonicalType() + " needs " + need + " bytes");
      }
    }
    Object[] values = new Object[n];
    AbiType<?> t = element;
    if (!elemDynamic) {
      int p = base;
      for (int i = 0; i < n; i++) {
        try {
          values[i] = Dispatch.decodeAt(t, ctx, p);
        } catch (PathException e) {
          throw e.at(i);
        }
        p += elemHead;
      }
      ctx.end = p;
    } else {
      int head = base;
      int tail = base + 32 * n;
      for (int i = 0; i < n; i++) {
        try {
          checkOffset(d, head, base, tail, ctx.limit);
          values[i] = Dispatch.decodeAt(t, ctx, tail);
        } catch (PathException e) {
          throw e.at(i);
        }
        tail = ctx.end;
        head += 32;
      }
      ctx.end = tail;
    }
    return new ArrayValues(values);
  }

  /**
   * Strict offsets: the offset word at {@code head} must point exactly at {@code tail} (relative to
   * {@code base}), i.e. dynamic parts follow each other in order without gaps or overlaps.
   */
  public static void checkOffset(byte[] d, int head, int base, int tail, int limit) {
    int o = Words.getIntWord(d, head);
    if (o != tail - base) {
      if (o < 0 || (long) base + o >= limit) {
        throw PathException.decoding(head, "offset points outside the data");
      }
      throw PathException.decoding(
          head,
          "non-canonical offset " + o + " (expected " + (tail - base)
              + ": dynamic parts must follow each other in order)");
    }
  }

  @Override
  public int packedLength(Object value, boolean inArray) {
    if (element instanceof BytesType || element instanceof StringType) {
      throw PathException.unsupported(canonicalType() + " cannot be packed (arrays of dynamic elements)");
    }
    Object[] arr = asArray(value);
    int n = checkSize(value, arr);
    List<?> list = arr == null ? (List<?>) value : null;
    long total = 0;
    for (int i = 0; i < n; i++) {
      try {
        total += element.packedLength(arr != null ? arr[i] : list.get(i), true);
      } catch (PathException e) {
        throw e.at(i);
      }
    }
    if (total > Integer.MAX_VALUE - 64) {
      throw PathException.value("encoding too large (" + total + " bytes)");
    }
    return (int) total;
  }

  @Override
  public int encodePackedTo(Object value, byte[] out, int off, boolean inArray) {
    Object[] arr = asArray(value);
    List<?> list = arr == null ? (List<?>) value : null;
    int n = arr != null ? arr.length : list.size();
    int p = off;
    for (int i = 0; i < n; i++) {
      p = element.encodePackedTo(arr != null ? arr[i] : list.get(i), out, p, true);
    }
    return p;
  }
}
