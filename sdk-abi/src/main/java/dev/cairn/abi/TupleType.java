package dev.cairn.abi;

import dev.cairn.abi.internal.Dispatch;
import dev.cairn.abi.internal.PathException;
import dev.cairn.abi.internal.Words;
import dev.cairn.abi.type.ArrayType;
import dev.cairn.core.encoding.DecodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A tuple type {@code (T1,...,Tn)}: function parameter and return lists, structs, and the unit of
 * {@code abi.encode}/{@code abi.decode}. Components may carry names (ignored by equality and the
 * canonical type). Values are {@link Tuple}s.
 *
 * <p>Decoding is strict: see {@link #decode(byte[], int, int)}.
 */
public final class TupleType extends AbiType<Tuple> {
  /** The empty tuple type {@code ()}. */
  public static final TupleType EMPTY = new TupleType(new AbiType<?>[0], null);

  private final AbiType<?>[] components;
  private final String[] names;
  private final long minEncoded;
  private final int headSize;

  private TupleType(AbiType<?>[] components, String[] names) {
    super(canonical(components), anyDynamic(components), headSizeOrOffset(components), Tuple.class);
    this.components = components;
    this.names = names;
    long min = 0;
    for (AbiType<?> c : components) {
      min = Math.min(ArrayType.SATURATED, min + (c.isDynamic() ? 32 + c.minEncodedLength() : c.headLength()));
    }
    this.minEncoded = min;
    long h = 0;
    for (AbiType<?> c : components) {
      h += c.headLength();
    }
    if (h > ArrayType.MAX_STATIC_SIZE) {
      throw new AbiException(
          AbiException.Reason.INVALID_TYPE,
          "tuple head of " + h + " bytes exceeds the limit of " + ArrayType.MAX_STATIC_SIZE + " bytes");
    }
    this.headSize = (int) h;
  }

  private static String canonical(AbiType<?>[] components) {
    StringBuilder sb = new StringBuilder(components.length * 8 + 2).append('(');
    for (int i = 0; i < components.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(components[i].canonicalType());
    }
    return sb.append(')').toString();
  }

  private static boolean anyDynamic(AbiType<?>[] components) {
    for (AbiType<?> c : components) {
      if (c.isDynamic()) {
        return true;
      }
    }
    return false;
  }

  private static int headSizeOrOffset(AbiType<?>[] components) {
    if (anyDynamic(components)) {
      return 32;
    }
    long sum = 0;
    for (AbiType<?> c : components) {
      sum += c.headLength();
    }
    if (sum > ArrayType.MAX_STATIC_SIZE) {
      throw new AbiException(
          AbiException.Reason.INVALID_TYPE,
          canonical(components) + ": static size " + sum + " exceeds the limit of " + ArrayType.MAX_STATIC_SIZE
              + " bytes");
    }
    return (int) sum;
  }

  /**
   * A tuple of the given component types, without names.
   *
   * @throws AbiException (INVALID_TYPE) if a component is null or the static size is too large
   */
  public static TupleType of(AbiType<?>... components) {
    return of(Arrays.asList(components), null);
  }

  /**
   * A tuple of component types with optional names ({@code names} may be null, or contain null or
   * empty entries for unnamed components).
   *
   * @throws AbiException (INVALID_TYPE) if a component is null or the lists differ in size
   */
  public static TupleType of(List<? extends AbiType<?>> components, List<String> names) {
    AbiType<?>[] arr = components.toArray(new AbiType<?>[0]);
    for (int i = 0; i < arr.length; i++) {
      if (arr[i] == null) {
        throw new AbiException(AbiException.Reason.INVALID_TYPE, "tuple component " + i + ": null");
      }
    }
    String[] n = null;
    if (names != null) {
      if (names.size() != arr.length) {
        throw new AbiException(
            AbiException.Reason.INVALID_TYPE,
            "tuple: " + names.size() + " names for " + arr.length + " components");
      }
      boolean any = false;
      n = new String[arr.length];
      for (int i = 0; i < arr.length; i++) {
        String s = names.get(i);
        n[i] = s == null || s.isEmpty() ? null : s;
        any |= n[i] != null;
      }
      if (!any) {
        n = null;
      }
    }
    if (arr.length == 0 && n == null) {
      return EMPTY;
    }
    return new TupleType(arr, n);
  }

  /** Number of components. */
  public int size() {
    return components.length;
  }

  /** Component type {@code i}. */
  public AbiType<?> get(int i) {
    return components[i];
  }

  /** The component types. */
  public List<AbiType<?>> components() {
    return Collections.unmodifiableList(Arrays.asList(components));
  }

  /** Name of component {@code i}, or null if it has none. */
  public String name(int i) {
    return names == null ? null : names[i];
  }

  /** Component names (null entries for unnamed components). */
  public List<String> names() {
    List<String> l = new ArrayList<>(components.length);
    for (int i = 0; i < components.length; i++) {
      l.add(name(i));
    }
    return Collections.unmodifiableList(l);
  }

  /** This type with component names (same canonical type). */
  public TupleType withNames(List<String> names) {
    return of(Arrays.asList(components), names);
  }

  @Override
  public long minEncodedLength() {
    return minEncoded;
  }

  // ---------------------------------------------------------------- encoding

  /**
   * The ABI encoding of {@code values} as a parameter list ({@code abi.encode(v1, ..., vn)}), e.g.
   * constructor arguments or return values.
   *
   * @throws AbiException (INVALID_VALUE) naming the value path, e.g. {@code args[1][0]}
   */
  public byte[] encode(Tuple values) {
    int len = lengthOrThrow(values);
    byte[] out = new byte[len];
    encodeTo(values, out, 0);
    return out;
  }

  /** Same as {@link #encode(Tuple)} with {@code Tuple.of(values)}. */
  public byte[] encodeValues(Object... values) {
    return encode(Tuple.of(values));
  }

  /** Validates and measures; converts path problems to {@link AbiException}. */
  int lengthOrThrow(Tuple values) {
    try {
      return encodedLength(values);
    } catch (PathException e) {
      throw (AbiException) e.toPublic("args");
    }
  }

  @Override
  public int encodedLength(Object value) {
    if (!(value instanceof Tuple)) {
      throw PathException.value(
          "expected a Tuple for " + canonicalType() + ", got "
              + (value == null ? "null" : value.getClass().getSimpleName()));
    }
    Object[] vs = ((Tuple) value).values();
    AbiType<?>[] cs = components;
    if (vs.length != cs.length) {
      throw PathException.value("expected " + cs.length + " values for " + canonicalType() + ", got " + vs.length);
    }
    long total = 0;
    for (int i = 0; i < cs.length; i++) {
      AbiType<?> c = cs[i];
      try {
        int l = Dispatch.encodedLength(c, vs[i]);
        total += c.isDynamic() ? 32 + l : l;
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
    Object[] vs = ((Tuple) value).values();
    AbiType<?>[] cs = components;
    int head = off;
    int tail = off + headSize;
    for (int i = 0; i < cs.length; i++) {
      AbiType<?> c = cs[i];
      if (c.isDynamic()) {
        Words.putIntWord(out, head, tail - off);
        tail = Dispatch.encodeTo(c, vs[i], out, tail);
        head += 32;
      } else {
        head = Dispatch.encodeTo(c, vs[i], out, head);
      }
    }
    return tail;
  }

  /**
   * Solidity's {@code abi.encodePacked(v1, ..., vn)} as viem's {@code encodePacked} does it:
   * elementary values unpadded and without length, array elements padded to 32 bytes (nested
   * arrays flattened). Nested tuples, and arrays of {@code bytes}/{@code string}, are {@link
   * AbiException.Reason#UNSUPPORTED} (Solidity rejects them).
   */
  public byte[] encodePacked(Tuple values) {
    try {
      if (values == null || values.size() != components.length) {
        throw PathException.value(
            "expected " + components.length + " values, got " + (values == null ? "null" : values.size()));
      }
      long total = 0;
      for (int i = 0; i < components.length; i++) {
        try {
          total += components[i].packedLength(values.get(i), false);
        } catch (PathException e) {
          throw e.at(i);
        }
      }
      if (total > Integer.MAX_VALUE - 64) {
        throw PathException.value("encoding too large");
      }
      byte[] out = new byte[(int) total];
      int p = 0;
      for (int i = 0; i < components.length; i++) {
        p = components[i].encodePackedTo(values.get(i), out, p, false);
      }
      return out;
    } catch (PathException e) {
      throw (AbiException) e.toPublic("args");
    }
  }

  @Override
  public int packedLength(Object value, boolean inArray) {
    throw PathException.unsupported("tuples cannot be packed (Solidity and viem reject them)");
  }

  @Override
  public int encodePackedTo(Object value, byte[] out, int off, boolean inArray) {
    throw PathException.unsupported("tuples cannot be packed");
  }

  // ---------------------------------------------------------------- decoding

  /** Same as {@link #decode(byte[], int, int)} over the whole array. */
  public Tuple decode(byte[] data) {
    return decode(data, 0, data == null ? 0 : data.length);
  }

  /**
   * Strictly decodes the parameter-list encoding in {@code data[off, off+len)} (the array is not
   * copied). Rejected with a {@link DecodingException} naming the value path (e.g. {@code abi[2][0]})
   * and the absolute byte offset: truncated data; offsets or lengths pointing outside the data;
   * offsets other than the canonical ones (each dynamic part must start exactly where the previous
   * one ended, the first right after the head); non-zero padding; integers out of range for their
   * type; bools other than 0/1; ill-formed UTF-8; array lengths whose minimum encoding exceeds the
   * remaining data (checked before allocating); and trailing bytes after the tuple.
   *
   * @throws DecodingException on malformed data
   */
  public Tuple decode(byte[] data, int off, int len) {
    if (data == null) {
      throw new DecodingException("abi", -1, "missing data");
    }
    if (off < 0 || len < 0 || off > data.length - len) {
      throw new DecodingException("abi", off, "range [" + off + ", +" + len + ") outside the array");
    }
    DecodeContext ctx = new DecodeContext(data, off + len);
    Tuple t;
    try {
      t = decodeAt(ctx, off);
    } catch (PathException e) {
      throw (DecodingException) e.toPublic("abi");
    }
    if (ctx.end != off + len) {
      throw new DecodingException("abi", ctx.end, (off + len - ctx.end) + " trailing bytes after the encoding");
    }
    return t;
  }

  @Override
  public Tuple decodeAt(DecodeContext ctx, int off) {
    AbiType<?>[] cs = components;
    byte[] d = ctx.data;
    int headSize = this.headSize;
    if (headSize > ctx.limit - off) {
      throw PathException.decoding(
          off, "truncated: " + canonicalType() + " needs " + headSize + " bytes, " + (ctx.limit - off) + " left");
    }
    Object[] values = new Object[cs.length];
    int head = off;
    int tail = off + headSize;
    for (int i = 0; i < cs.length; i++) {
      AbiType<?> c = cs[i];
      try {
        if (c.isDynamic()) {
          ArrayType.checkOffset(d, head, off, tail, ctx.limit);
          values[i] = Dispatch.decodeAt(c, ctx, tail);
          tail = ctx.end;
          head += 32;
        } else {
          values[i] = Dispatch.decodeAt(c, ctx, head);
          head += c.headLength();
        }
      } catch (PathException e) {
        throw e.at(i);
      }
    }
    ctx.end = tail;
    return Tuple.wrap(values);
  }
}
