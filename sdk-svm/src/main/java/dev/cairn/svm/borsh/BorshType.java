package dev.cairn.svm.borsh;

import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.json.JsonValue;
import dev.cairn.svm.SvmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A Borsh type: a tree built once (from the factories, or parsed from a Rust-like type string with
 * {@link #parse}), whose nodes encode and decode themselves. Immutable and thread-safe.
 *
 * <h2>Java values</h2>
 *
 * <table>
 *   <caption>Borsh type to Java value</caption>
 *   <tr><th>type</th><th>decoded as</th><th>accepted when encoding</th></tr>
 *   <tr><td>bool</td><td>Boolean</td><td>Boolean</td></tr>
 *   <tr><td>u8, i8, u16, i16, i32</td><td>Integer</td><td>any integral Number in range</td></tr>
 *   <tr><td>u32, i64</td><td>Long</td><td>any integral Number in range</td></tr>
 *   <tr><td>u64, u128, i128, u256, i256</td><td>BigInteger</td><td>any integral Number in range</td></tr>
 *   <tr><td>f32, f64</td><td>Float, Double</td><td>Number (NaN refused, as by Rust's borsh)</td></tr>
 *   <tr><td>string</td><td>String</td><td>String</td></tr>
 *   <tr><td>bytes ({@code Vec<u8>} as a blob)</td><td>byte[]</td><td>byte[]</td></tr>
 *   <tr><td>pubkey</td><td>{@link dev.cairn.svm.Pubkey}</td><td>Pubkey</td></tr>
 *   <tr><td>()</td><td>empty List</td><td>null or empty List</td></tr>
 *   <tr><td>Option&lt;T&gt;</td><td>{@link java.util.Optional}</td><td>Optional, null (None) or a T (Some)</td></tr>
 *   <tr><td>Vec&lt;T&gt;, [T; N], tuple</td><td>unmodifiable List</td><td>List, Object[] (byte[] for u8 elements)</td></tr>
 *   <tr><td>HashMap, BTreeMap</td><td>unmodifiable Map in key order</td><td>Map (written in key order)</td></tr>
 *   <tr><td>HashSet, BTreeSet</td><td>unmodifiable Set in order</td><td>Collection (written in order)</td></tr>
 *   <tr><td>struct</td><td>unmodifiable Map field → value, in field order</td><td>Map</td></tr>
 *   <tr><td>tuple struct</td><td>unmodifiable List</td><td>List</td></tr>
 *   <tr><td>enum</td><td>{@link BorshEnum}</td><td>BorshEnum</td></tr>
 * </table>
 *
 * <p>u64 is a BigInteger (not a long) so that a decoded value never reads as negative; hand-written
 * codecs that want a {@code long} use {@link BorshReader#u64}. Maps and sets are written with their
 * keys in ascending order (Rust's {@code Ord}, as borsh-rs writes both HashMap and BTreeMap); keys
 * must be integers, bools, strings, pubkeys, bytes or {@code [u8; N]}.
 *
 * <h2>Strictness</h2>
 *
 * {@link #decode(byte[])} rejects truncated input, trailing bytes, a bool byte other than 0/1, an
 * option tag other than 0/1, an unknown enum variant, invalid UTF-8, NaN floats, map keys out of
 * order or repeated, and any length prefix whose minimum size exceeds the bytes left (checked
 * before allocating) — each as a {@link DecodingException} whose field is the value's path (e.g.
 * {@code borsh.orders[2].price}) and whose offset is where the problem is. Encoding a value that does
 * not fit its type throws {@link SvmException} INVALID_INPUT naming the path.
 *
 * <pre>{@code
 * BorshType order = BorshType.struct("Order", List.of(
 *     BorshType.Field.of("id", BorshType.U64),
 *     BorshType.Field.of("tags", BorshType.parse("Vec<String>"))));
 * byte[] bytes = order.encode(Map.of("id", BigInteger.ONE, "tags", List.of("a")));
 * Object back = order.decode(bytes);
 * }</pre>
 */
public abstract class BorshType {
  /** u8. */
  public static final BorshType U8 = new Types.Int("u8", 1, false);
  /** u16. */
  public static final BorshType U16 = new Types.Int("u16", 2, false);
  /** u32. */
  public static final BorshType U32 = new Types.Int("u32", 4, false);
  /** u64. */
  public static final BorshType U64 = new Types.Int("u64", 8, false);
  /** u128. */
  public static final BorshType U128 = new Types.Int("u128", 16, false);
  /** u256. */
  public static final BorshType U256 = new Types.Int("u256", 32, false);
  /** i8. */
  public static final BorshType I8 = new Types.Int("i8", 1, true);
  /** i16. */
  public static final BorshType I16 = new Types.Int("i16", 2, true);
  /** i32. */
  public static final BorshType I32 = new Types.Int("i32", 4, true);
  /** i64. */
  public static final BorshType I64 = new Types.Int("i64", 8, true);
  /** i128. */
  public static final BorshType I128 = new Types.Int("i128", 16, true);
  /** i256. */
  public static final BorshType I256 = new Types.Int("i256", 32, true);
  /** f32. */
  public static final BorshType F32 = new Types.Float32();
  /** f64. */
  public static final BorshType F64 = new Types.Float64();
  /** bool. */
  public static final BorshType BOOL = new Types.Bool();
  /** String: u32 byte length and UTF-8. */
  public static final BorshType STRING = new Types.Str();
  /** A byte blob: u32 length and the bytes (the wire form of {@code Vec<u8>}, as byte[]). */
  public static final BorshType BYTES = new Types.Bytes();
  /** A Solana public key: 32 bytes. */
  public static final BorshType PUBKEY = new Types.Key();
  /** The unit type {@code ()}: no bytes. */
  public static final BorshType UNIT = new Types.Tuple(Collections.<BorshType>emptyList());

  BorshType() {}

  // ------------------------------------------------------------------ factories

  /** {@code Vec<element>}: u32 length, then the elements. */
  public static BorshType vec(BorshType element) {
    return new Types.Seq(nonZeroSized("vec element", element), -1);
  }

  /** {@code [element; length]}: the elements, no length. */
  public static BorshType array(BorshType element, int length) {
    if (length < 0) {
      throw invalid("array length", "negative: " + length);
    }
    return new Types.Seq(length == 0 ? req("array element", element) : nonZeroSized("array element", element), length);
  }

  /** {@code Option<inner>}: a 0 byte, or a 1 byte and the value. */
  public static BorshType option(BorshType inner) {
    return new Types.Opt(req("option", inner));
  }

  /** {@code HashMap<K, V>} (written like BTreeMap, keys ascending). */
  public static BorshType hashMap(BorshType key, BorshType value) {
    return new Types.MapType("HashMap", Types.orderedKey(req("map key", key)), nonZeroSized("map value", value), false);
  }

  /** {@code BTreeMap<K, V>}. */
  public static BorshType btreeMap(BorshType key, BorshType value) {
    return new Types.MapType("BTreeMap", Types.orderedKey(req("map key", key)), nonZeroSized("map value", value), false);
  }

  /** {@code HashSet<T>} (written like BTreeSet, ascending). */
  public static BorshType hashSet(BorshType element) {
    return new Types.MapType("HashSet", Types.orderedKey(req("set element", element)), null, true);
  }

  /** {@code BTreeSet<T>}. */
  public static BorshType btreeSet(BorshType element) {
    return new Types.MapType("BTreeSet", Types.orderedKey(req("set element", element)), null, true);
  }

  /** An anonymous tuple {@code (A, B, ...)}; the empty tuple is {@link #UNIT}. */
  public static BorshType tuple(List<BorshType> elements) {
    return new Types.Tuple(copy("tuple", elements));
  }

  /** A struct with named fields, in order. */
  public static BorshType struct(String name, List<Field> fields) {
    List<Field> f = copy("struct fields", fields);
    for (int i = 0; i < f.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (f.get(j).name.equals(f.get(i).name)) {
          throw invalid("struct " + name, "duplicate field " + f.get(i).name);
        }
      }
    }
    return new Types.Struct(req("struct name", name), f);
  }

  /** A tuple struct {@code Name(A, B, ...)}: decoded as a List. */
  public static BorshType tupleStruct(String name, List<BorshType> elements) {
    return new Types.NamedTuple(req("struct name", name), copy("tuple struct", elements));
  }

  /** An enum: a u8 variant index, then the variant's fields. At most 256 variants. */
  public static BorshType enumeration(String name, List<Variant> variants) {
    List<Variant> v = copy("enum variants", variants);
    if (v.isEmpty() || v.size() > 256) {
      throw invalid("enum " + name, "needs 1 to 256 variants, has " + v.size());
    }
    for (int i = 0; i < v.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (v.get(j).name.equals(v.get(i).name)) {
          throw invalid("enum " + name, "duplicate variant " + v.get(i).name);
        }
      }
    }
    return new Types.Enum(req("enum name", name), v);
  }

  /**
   * Parses a Rust-like type: {@code u8}..{@code u256}, {@code i8}..{@code i256}, {@code f32},
   * {@code f64}, {@code bool}, {@code String}/{@code string}, {@code Pubkey}/{@code pubkey}, {@code
   * bytes}, {@code ()}, {@code Vec<T>}, {@code Option<T>}, {@code [T; N]}, {@code HashMap<K, V>},
   * {@code BTreeMap<K, V>}, {@code HashSet<T>}, {@code BTreeSet<T>}, {@code (A, B)}.
   *
   * @throws SvmException INVALID_INPUT naming the offset of the problem
   */
  public static BorshType parse(String type) {
    return new TypeParser(req("type", type)).parseAll();
  }

  static SvmException invalid(String field, String problem) {
    return new SvmException(SvmException.Reason.INVALID_INPUT, field + ": " + problem);
  }

  static <T> T req(String field, T v) {
    if (v == null) {
      throw invalid(field, "is null");
    }
    return v;
  }

  private static BorshType nonZeroSized(String field, BorshType t) {
    req(field, t);
    if (t.minSize() == 0) {
      throw invalid(field, "a collection of the zero-sized type " + t + " is not allowed (as in borsh-rs)");
    }
    return t;
  }

  private static <T> List<T> copy(String field, List<T> list) {
    req(field, list);
    List<T> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      out.add(req(field + "[" + i + "]", list.get(i)));
    }
    return Collections.unmodifiableList(out);
  }

  // ------------------------------------------------------------------ encoding and decoding

  /** The Borsh bytes of {@code value}; throws SvmException INVALID_INPUT naming the path when it does not fit. */
  public final byte[] encode(Object value) {
    BorshWriter w = new BorshWriter(Math.max(16, minSize()));
    encode(w, value);
    return w.toByteArray();
  }

  /** Appends the Borsh bytes of {@code value} to {@code writer}. */
  public final void encode(BorshWriter writer, Object value) {
    int start = writer.size();
    try {
      write(writer, value);
    } catch (BorshError e) {
      throw e.encoding("borsh");
    } catch (ClassCastException | IllegalArgumentException e) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "borsh (at byte " + (writer.size() - start) + "): " + e.getMessage());
    }
  }

  /** Decodes exactly one value filling all of {@code data}. */
  public final Object decode(byte[] data) {
    BorshReader r = new BorshReader(req("data", data));
    try {
      Object v = read(r);
      r.checkEnd();
      return v;
    } catch (BorshError e) {
      throw e.decoding("borsh");
    }
  }

  /** Decodes one value at the reader's position (more bytes may follow). */
  public final Object decode(BorshReader reader) {
    try {
      return read(reader);
    } catch (BorshError e) {
      throw e.decoding("borsh");
    }
  }

  /**
   * This type's value from JSON: integers as numbers or decimal strings, pubkeys in base58, bytes
   * as an array of numbers or a {@code 0x} hex string, options as null or the value, structs as
   * objects, tuples as arrays (or objects keyed "0", "1", ... as Anchor writes them), enums as
   * {@code {"Variant": fields}} or the bare variant name for a unit variant, maps as arrays of
   * {@code [key, value]} pairs (or objects, for string keys). JSON null is None, so {@code
   * Some(None)} of a nested option cannot be written in JSON (as in Anchor's JSON). Throws
   * SvmException naming the JSON path.
   */
  public final Object fromJson(JsonValue json) {
    try {
      return json(req("json", json));
    } catch (BorshError e) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, e.path("json") + ": " + e.getMessage());
    }
  }

  /** The JSON form of a value of this type, as {@link #fromJson} reads it (maps as pair arrays, bytes as number arrays, u64+ as strings). */
  public final JsonValue toJson(Object value) {
    try {
      return jsonOf(value);
    } catch (BorshError e) {
      throw e.encoding("value");
    } catch (ClassCastException | IllegalArgumentException e) {
      throw new SvmException(SvmException.Reason.INVALID_INPUT, "value: " + e.getMessage());
    }
  }

  /** Whether this is a struct with named fields (decoded as a Map). */
  public boolean isStruct() {
    return this instanceof Types.Struct;
  }

  /** A struct's fields by name, in order; empty for any other type. */
  public java.util.Map<String, BorshType> fields() {
    if (!(this instanceof Types.Struct)) {
      return Collections.emptyMap();
    }
    java.util.Map<String, BorshType> out = new java.util.LinkedHashMap<>();
    for (Field f : ((Types.Struct) this).fields) {
      out.put(f.name, f.type);
    }
    return Collections.unmodifiableMap(out);
  }

  /** The fewest bytes a value of this type takes (0 for unit). */
  public abstract int minSize();

  /** The type in the syntax {@link #parse} reads (structs and enums by name). */
  @Override
  public abstract String toString();

  abstract void write(BorshWriter w, Object v);

  abstract Object read(BorshReader r);

  abstract Object json(JsonValue j);

  abstract JsonValue jsonOf(Object v);

  /** A named struct field. */
  public static final class Field {
    final String name;
    final BorshType type;

    private Field(String name, BorshType type) {
      this.name = name;
      this.type = type;
    }

    /** Field {@code name} of {@code type}. */
    public static Field of(String name, BorshType type) {
      return new Field(req("field name", name), req("field " + name, type));
    }

    /** The name. */
    public String name() {
      return name;
    }

    /** The type. */
    public BorshType type() {
      return type;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Field && ((Field) o).name.equals(name) && ((Field) o).type.equals(type);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, type);
    }

    @Override
    public String toString() {
      return name + ": " + type;
    }
  }

  /** An enum variant: unit, with named fields, or with tuple fields. */
  public static final class Variant {
    final String name;
    final List<Field> named;
    final List<BorshType> tuple;

    private Variant(String name, List<Field> named, List<BorshType> tuple) {
      this.name = name;
      this.named = named;
      this.tuple = tuple;
    }

    /** A variant with no fields. */
    public static Variant unit(String name) {
      return new Variant(req("variant name", name), null, null);
    }

    /** A variant with named fields. */
    public static Variant named(String name, List<Field> fields) {
      return new Variant(req("variant name", name), copy("variant " + name, fields), null);
    }

    /** A variant with tuple fields. */
    public static Variant tuple(String name, List<BorshType> fields) {
      return new Variant(req("variant name", name), null, copy("variant " + name, fields));
    }

    /** The name. */
    public String name() {
      return name;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Variant)) {
        return false;
      }
      Variant v = (Variant) o;
      return v.name.equals(name) && Objects.equals(v.named, named) && Objects.equals(v.tuple, tuple);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, named, tuple);
    }

    @Override
    public String toString() {
      return name + (named != null ? named : tuple != null ? tuple : "");
    }
  }
}
