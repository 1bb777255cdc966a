package dev.cairn.svm.borsh;

import dev.cairn.core.CairnException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.json.JsonArray;
import dev.cairn.core.json.JsonBoolean;
import dev.cairn.core.json.JsonNull;
import dev.cairn.core.json.JsonNumber;
import dev.cairn.core.json.JsonObject;
import dev.cairn.core.json.JsonString;
import dev.cairn.core.json.JsonValue;
import dev.cairn.svm.Pubkey;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The node classes of {@link BorshType}. */
final class Types {
  private Types() {}

  static BorshError err(String problem) {
    return new BorshError(problem, -1);
  }

  static String kindOf(Object v) {
    return v == null ? "null" : v.getClass().getSimpleName();
  }

  /** Checks that {@code key} has an order (for map keys and set elements). */
  static BorshType orderedKey(BorshType key) {
    if (key instanceof Int || key instanceof Bool || key instanceof Str || key instanceof Key || key instanceof Bytes
        || (key instanceof Seq && ((Seq) key).length >= 0 && ((Seq) key).element == BorshType.U8)) {
      return key;
    }
    throw BorshType.invalid("map key", key + " has no supported sort order (use integers, bool, string, pubkey, bytes or [u8; N])");
  }

  // ------------------------------------------------------------------ leaves

  static final class Int extends BorshType {
    final String name;
    final int bytes;
    final boolean signed;
    /** 0: Integer, 1: Long, 2: BigInteger. */
    final int repr;
    final BigInteger min;
    final BigInteger max;

    Int(String name, int bytes, boolean signed) {
      this.name = name;
      this.bytes = bytes;
      this.signed = signed;
      this.repr = bytes <= 2 || (signed && bytes == 4) ? 0 : (bytes == 4 || (signed && bytes == 8)) ? 1 : 2;
      BigInteger span = BigInteger.ONE.shiftLeft(bytes * 8 - (signed ? 1 : 0));
      this.min = signed ? span.negate() : BigInteger.ZERO;
      this.max = span.subtract(BigInteger.ONE);
    }

    /** The value as a BigInteger, range-checked. */
    BigInteger big(Object v) {
      BigInteger b;
      if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
        b = BigInteger.valueOf(((Number) v).longValue());
      } else if (v instanceof BigInteger) {
        b = (BigInteger) v;
      } else if (v instanceof BigDecimal) {
        try {
          b = ((BigDecimal) v).toBigIntegerExact();
        } catch (ArithmeticException e) {
          throw err(name + " expected, got the non-integer " + v);
        }
      } else {
        throw err(name + " expected, got " + kindOf(v));
      }
      if (b.compareTo(min) < 0 || b.compareTo(max) > 0) {
        throw err(b + " is outside the " + name + " range " + min + ".." + max);
      }
      return b;
    }

    Object canonical(BigInteger b) {
      return repr == 0 ? (Object) b.intValue() : repr == 1 ? (Object) b.longValue() : b;
    }

    @Override
    public int minSize() {
      return bytes;
    }

    @Override
    void write(BorshWriter w, Object v) {
      if (bytes <= 8 && (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte)) {
        long l = ((Number) v).longValue();
        if (bytes == 8 && !signed ? l < 0 : (l < min.longValue() || l > max.longValue())) {
          throw err(l + " is outside the " + name + " range " + min + ".." + max);
        }
        w.le(l, bytes);
        return;
      }
      BigInteger b = big(v);
      if (bytes <= 8) {
        w.le(b.longValue(), bytes);
      } else if (signed) {
        w.sint(b, bytes);
      } else {
        w.uint(b, bytes);
      }
    }

    @Override
    Object read(BorshReader r) {
      if (bytes <= 8) {
        long l = r.readLe(bytes, signed);
        if (repr == 0) {
          return (int) l;
        }
        if (repr == 1) {
          return l;
        }
        return l >= 0 ? BigInteger.valueOf(l) : new BigInteger(Long.toUnsignedString(l));
      }
      return r.readBig(bytes, signed);
    }

    @Override
    Object json(JsonValue j) {
      BigInteger b;
      if (j instanceof JsonNumber) {
        try {
          b = ((JsonNumber) j).bigIntegerValue();
        } catch (CairnException e) {
          throw err(name + " expected, got " + ((JsonNumber) j).literal());
        }
      } else if (j instanceof JsonString) {
        String s = ((JsonString) j).value();
        if (s.isEmpty() || s.length() > 100) {
          throw err(name + " expected, got a string of length " + s.length());
        }
        try {
          b = new BigInteger(s);
        } catch (NumberFormatException e) {
          throw err(name + " expected, got \"" + s + "\"");
        }
      } else {
        throw err(name + " expected, got " + j.kind());
      }
      return canonical(big(b));
    }

    @Override
    JsonValue jsonOf(Object v) {
      BigInteger b = big(v);
      return bytes >= 8 ? JsonString.of(b.toString()) : JsonNumber.of(b.longValue());
    }

    int compare(Object a, Object b) {
      return big(a).compareTo(big(b));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static final class Float32 extends BorshType {
    @Override
    public int minSize() {
      return 4;
    }

    @Override
    void write(BorshWriter w, Object v) {
      if (!(v instanceof Number)) {
        throw err("f32 expected, got " + kindOf(v));
      }
      float f = ((Number) v).floatValue();
      if (Float.isNaN(f)) {
        throw err("f32 NaN is not allowed in Borsh");
      }
      w.f32(f);
    }

    @Override
    Object read(BorshReader r) {
      return r.readF32();
    }

    @Override
    Object json(JsonValue j) {
      return (float) floatJson(j, "f32");
    }

    @Override
    JsonValue jsonOf(Object v) {
      return floatOut(((Number) v).floatValue());
    }

    @Override
    public String toString() {
      return "f32";
    }
  }

  static final class Float64 extends BorshType {
    @Override
    public int minSize() {
      return 8;
    }

    @Override
    void write(BorshWriter w, Object v) {
      if (!(v instanceof Number)) {
        throw err("f64 expected, got " + kindOf(v));
      }
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d)) {
        throw err("f64 NaN is not allowed in Borsh");
      }
      w.f64(d);
    }

    @Override
    Object read(BorshReader r) {
      return r.readF64();
    }

    @Override
    Object json(JsonValue j) {
      return floatJson(j, "f64");
    }

    @Override
    JsonValue jsonOf(Object v) {
      return floatOut(((Number) v).doubleValue());
    }

    @Override
    public String toString() {
      return "f64";
    }
  }

  static double floatJson(JsonValue j, String name) {
    if (j instanceof JsonNumber) {
      try {
        double d = ((JsonNumber) j).bigDecimalValue().doubleValue();
        // BigDecimal has no negative zero
        return d == 0 && ((JsonNumber) j).literal().startsWith("-") ? -0.0 : d;
      } catch (CairnException e) {
        throw err(name + " out of range");
      }
    }
    if (j instanceof JsonString) {
      String s = ((JsonString) j).value();
      if (s.equals("Infinity")) {
        return Double.POSITIVE_INFINITY;
      }
      if (s.equals("-Infinity")) {
        return Double.NEGATIVE_INFINITY;
      }
      if (s.length() <= 40) {
        try {
          double d = new BigDecimal(s).doubleValue();
          return d == 0 && s.startsWith("-") ? -0.0 : d;
        } catch (NumberFormatException e) {
          throw err(name + " expected, got \"" + s + "\"");
        }
      }
    }
    throw err(name + " expected, got " + j.kind());
  }

  static JsonValue floatOut(double d) {
    if (Double.isInfinite(d)) {
      return JsonString.of(d > 0 ? "Infinity" : "-Infinity");
    }
    if (Double.isNaN(d)) {
      throw err("NaN is not allowed in Borsh");
    }
    if (d == 0 && 1 / d < 0) {
      return JsonNumber.of("-0.0");
    }
    return JsonNumber.of(new BigDecimal(d).toString());
  }

  static final class Bool extends BorshType {
    @Override
    public int minSize() {
      return 1;
    }

    @Override
    void write(BorshWriter w, Object v) {
      if (!(v instanceof Boolean)) {
        throw err("bool expected, got " + kindOf(v));
      }
      w.bool((Boolean) v);
    }

    @Override
    Object read(BorshReader r) {
      return r.readBool();
    }

    @Override
    Object json(JsonValue j) {
      if (!(j instanceof JsonBoolean)) {
        throw err("bool expected, got " + j.kind());
      }
      return ((JsonBoolean) j).value();
    }

    @Override
    JsonValue jsonOf(Object v) {
      return JsonBoolean.of((Boolean) v);
    }

    @Override
    public String toString() {
      return "bool";
    }
  }

  static final class Str extends BorshType {
    @Override
    public int minSize() {
      return 4;
    }

    @Override
    void write(BorshWriter w, Object v) {
      if (!(v instanceof String)) {
        throw err("string expected, got " + kindOf(v));
      }
      String s = (String) v;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) ? (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(++i))) : Character.isLowSurrogate(c)) {
          throw err("string has an unpaired surrogate at index " + i + " (not valid UTF-8)");
        }
      }
      w.string(s);
    }

    @Override
    Object read(BorshReader r) {
      return r.readString();
    }

    @Override
    Object json(JsonValue j) {
      if (!(j instanceof JsonString)) {
        throw err("string expected, got " + j.kind());
      }
      return ((JsonString) j).value();
    }

    @Override
    JsonValue jsonOf(Object v) {
      return JsonString.of((String) v);
    }

    int compare(Object a, Object b) {
      String x = (String) a;
      String y = (String) b;
      // Rust's str order is byte order of the UTF-8, which is code point order
      int i = 0;
      int k = 0;
      while (i < x.length() && k < y.length()) {
        int cx = x.codePointAt(i);
        int cy = y.codePointAt(k);
        if (cx != cy) {
          return Integer.compare(cx, cy);
        }
        i += Character.charCount(cx);
        k += Character.charCount(cy);
      }
      return Integer.compare(x.length() - i, y.length() - k);
    }

    @Override
    public String toString() {
      return "string";
    }
  }

  static final class Bytes extends BorshType {
    @Override
    public int minSize() {
      return 4;
    }

    @Override
    void write(BorshWriter w, Object v) {
      if (!(v instanceof byte[])) {
        throw err("bytes expected, got " + kindOf(v));
      }
      w.bytes((byte[]) v);
    }

    @Override
    Object read(BorshReader r) {
      return r.readBytes();
    }

    @Override
    Object json(JsonValue j) {
      return bytesJson(j, -1);
    }

    @Override
    JsonValue jsonOf(Object v) {
      byte[] b = (byte[]) v;
      List<JsonValue> out = new ArrayList<>(b.length);
      for (byte x : b) {
        out.add(JsonNumber.of(x & 0xff));
      }
      return JsonArray.of(out);
    }

    @Override
    public String toString() {
      return "bytes";
    }
  }

  static byte[] bytesJson(JsonValue j, int length) {
    byte[] out;
    if (j instanceof JsonString) {
      String s = ((JsonString) j).value();
      try {
        out = Hex.decode("bytes", s);
      } catch (CairnException e) {
        throw err("bytes expected as an array of numbers or hex: " + e.getMessage());
      }
    } else if (j instanceof JsonArray) {
      List<JsonValue> a = ((JsonArray) j).elements();
      out = new byte[a.size()];
      for (int i = 0; i < out.length; i++) {
        JsonValue e = a.get(i);
        int b;
        try {
          b = e instanceof JsonNumber ? ((JsonNumber) e).intValue() : -1;
        } catch (CairnException x) {
          b = -1;
        }
        if (b < 0 || b > 255) {
          throw err("byte 0..255 expected").at(i);
        }
        out[i] = (byte) b;
      }
    } else {
      throw err("bytes expected, got " + j.kind());
    }
    if (length >= 0 && out.length != length) {
      throw err(length + " bytes expected, got " + out.length);
    }
    return out;
  }

  static final class Key extends BorshType {
    @Override
    public int minSize() {
      return 32;
    }

    @Override
    void write(BorshWriter w, Object v) {
      if (!(v instanceof Pubkey)) {
        throw err("pubkey expected, got " + kindOf(v));
      }
      w.pubkey((Pubkey) v);
    }

    @Override
    Object read(BorshReader r) {
      return r.readPubkey();
    }

    @Override
    Object json(JsonValue j) {
      if (!(j instanceof JsonString)) {
        throw err("pubkey (base58) expected, got " + j.kind());
      }
      try {
        return Pubkey.fromBase58("pubkey", ((JsonString) j).value());
      } catch (CairnException e) {
        throw err(e.getMessage());
      }
    }

    @Override
    JsonValue jsonOf(Object v) {
      return JsonString.of(((Pubkey) v).toBase58());
    }

    @Override
    public String toString() {
      return "pubkey";
    }
  }

  // ------------------------------------------------------------------ containers

  static List<?> listOf(Object v, String what) {
    if (v instanceof List) {
      return (List<?>) v;
    }
    if (v instanceof Object[]) {
      return Arrays.asList((Object[]) v);
    }
    throw err(what + " expected as a List, got " + kindOf(v));
  }

  /** Vec (length -1) or fixed array. */
  static final class Seq extends BorshType {
    final BorshType element;
    final int length;

    final int elementMin;

    Seq(BorshType element, int length) {
      this.element = element;
      this.length = length;
      this.elementMin = element.minSize();
    }

    @Override
    public int minSize() {
      return length < 0 ? 4 : (int) Math.min(Integer.MAX_VALUE, (long) length * elementMin);
    }

    @Override
    void write(BorshWriter w, Object v) {
      if (v instanceof byte[] && element == BorshType.U8) {
        byte[] b = (byte[]) v;
        if (length >= 0 && b.length != length) {
          throw err(length + " elements expected, got " + b.length);
        }
        if (length < 0) {
          w.u32(b.length);
        }
        w.raw(b);
        return;
      }
      List<?> l = listOf(v, toString());
      if (length >= 0 && l.size() != length) {
        throw err(length + " elements expected, got " + l.size());
      }
      if (length < 0) {
        w.u32(l.size());
      }
      for (int i = 0; i < l.size(); i++) {
        try {
          element.write(w, l.get(i));
        } catch (BorshError e) {
          throw e.at(i);
        }
      }
    }

    @Override
    Object read(BorshReader r) {
      int n = length >= 0 ? length : r.readLength(elementMin);
      if (length >= 0 && (long) n * elementMin > r.remaining()) {
        throw new BorshError("array of " + n + " needs at least " + ((long) n * elementMin) + " bytes, " + r.remaining() + " left", r.position());
      }
      List<Object> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        try {
          out.add(element.read(r));
        } catch (BorshError e) {
          throw e.at(i);
        }
      }
      return Collections.unmodifiableList(out);
    }

    @Override
    Object json(JsonValue j) {
      if (element == BorshType.U8 && j instanceof JsonString) {
        byte[] b = bytesJson(j, length);
        List<Object> out = new ArrayList<>(b.length);
        for (byte x : b) {
          out.add(x & 0xff);
        }
        return Collections.unmodifiableList(out);
      }
      if (!(j instanceof JsonArray)) {
        throw err(this + " expected as an array, got " + j.kind());
      }
      List<JsonValue> a = ((JsonArray) j).elements();
      if (length >= 0 && a.size() != length) {
        throw err(length + " elements expected, got " + a.size());
      }
      List<Object> out = new ArrayList<>(a.size());
      for (int i = 0; i < a.size(); i++) {
        try {
          out.add(element.json(a.get(i)));
        } catch (BorshError e) {
          throw e.at(i);
        }
      }
      return Collections.unmodifiableList(out);
    }

    @Override
    JsonValue jsonOf(Object v) {
      List<?> l = v instanceof byte[] ? toList((byte[]) v) : listOf(v, toString());
      List<JsonValue> out = new ArrayList<>(l.size());
      for (int i = 0; i < l.size(); i++) {
        try {
          out.add(element.jsonOf(l.get(i)));
        } catch (BorshError e) {
          throw e.at(i);
        }
      }
      return JsonArray.of(out);
    }

    int compareBytes(Object a, Object b) {
      byte[] x = bytesOf(a);
      byte[] y = bytesOf(b);
      return Types.compareUnsignedBytes(x, y);
    }

    byte[] bytesOf(Object v) {
      if (v instanceof byte[]) {
        return (byte[]) v;
      }
      List<?> l = listOf(v, toString());
      byte[] out = new byte[l.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = (byte) ((Int) BorshType.U8).big(l.get(i)).intValue();
      }
      return out;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Seq && ((Seq) o).length == length && ((Seq) o).element.equals(element);
    }

    @Override
    public int hashCode() {
      return element.hashCode() * 31 + length;
    }

    @Override
    public String toString() {
      return length < 0 ? "Vec<" + element + ">" : "[" + element + "; " + length + "]";
    }
  }

  static List<Object> toList(byte[] b) {
    List<Object> out = new ArrayList<>(b.length);
    for (byte x : b) {
      out.add(x & 0xff);
    }
    return out;
  }

  static final class Opt extends BorshType {
    final BorshType inner;

    Opt(BorshType inner) {
      this.inner = inner;
    }

    @Override
    public int minSize() {
      return 1;
    }

    @Override
    void write(BorshWriter w, Object v) {
      Object x = v;
      if (v instanceof Optional) {
        x = ((Optional<?>) v).orElse(null);
        if (x == null) {
          w.u8(0);
          return;
        }
      } else if (v == null) {
        w.u8(0);
        return;
      }
      w.u8(1);
      inner.write(w, x);
    }

    @Override
    Object read(BorshReader r) {
      int at = r.position();
      int tag = r.readU8();
      if (tag == 0) {
        return Optional.empty();
      }
      if (tag != 1) {
        throw new BorshError("option tag must be 0 or 1, got " + tag, at);
      }
      return Optional.of(inner.read(r));
    }

    @Override
    Object json(JsonValue j) {
      return j.isNull() ? Optional.empty() : Optional.of(inner.json(j));
    }

    @Override
    JsonValue jsonOf(Object v) {
      Object x = v instanceof Optional ? ((Optional<?>) v).orElse(null) : v;
      return x == null ? JsonNull.INSTANCE : inner.jsonOf(x);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Opt && ((Opt) o).inner.equals(inner);
    }

    @Override
    public int hashCode() {
      return inner.hashCode() + 7;
    }

    @Override
    public String toString() {
      return "Option<" + inner + ">";
    }
  }

  static int compareKeys(BorshType t, Object a, Object b) {
    if (t instanceof Int) {
      return ((Int) t).compare(a, b);
    }
    if (t instanceof Str) {
      return ((Str) t).compare(a, b);
    }
    if (t instanceof Bool) {
      return Boolean.compare((Boolean) a, (Boolean) b);
    }
    if (t instanceof Key) {
      return ((Pubkey) a).compareTo((Pubkey) b);
    }
    if (t instanceof Bytes) {
      return Types.compareUnsignedBytes((byte[]) a, (byte[]) b);
    }
    return ((Seq) t).compareBytes(a, b);
  }

  /** Maps and sets (value == null). */
  static final class MapType extends BorshType {
    final String name;
    final BorshType key;
    final BorshType value;
    final boolean set;

    MapType(String name, BorshType key, BorshType value, boolean set) {
      this.name = name;
      this.key = key;
      this.value = value;
      this.set = set;
    }

    @Override
    public int minSize() {
      return 4;
    }

    private int entrySize() {
      return key.minSize() + (set ? 0 : value.minSize());
    }

    /** Entries sorted by key, keys checked and made canonical; duplicate keys rejected. */
    private List<Object[]> sorted(Object v) {
      List<Object[]> entries = new ArrayList<>();
      if (set) {
        if (!(v instanceof Collection)) {
          throw err(name + " expected as a Collection, got " + kindOf(v));
        }
        for (Object k : (Collection<?>) v) {
          entries.add(new Object[] {k, null});
        }
      } else {
        if (!(v instanceof Map)) {
          throw err(name + " expected as a Map, got " + kindOf(v));
        }
        for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
          entries.add(new Object[] {e.getKey(), e.getValue()});
        }
      }
      return sortEntries(entries);
    }

    private List<Object[]> sortEntries(List<Object[]> entries) {
      for (Object[] e : entries) {
        if (e[0] == null) {
          throw err("null key");
        }
        if (key instanceof Int) {
          e[0] = ((Int) key).canonical(((Int) key).big(e[0]));
        }
      }
      try {
        entries.sort((x, y) -> compareKeys(key, x[0], y[0]));
      } catch (ClassCastException e) {
        throw err("key of the wrong type for " + key + ": " + e.getMessage());
      }
      for (int i = 1; i < entries.size(); i++) {
        if (compareKeys(key, entries.get(i - 1)[0], entries.get(i)[0]) == 0) {
          throw err("duplicate key " + entries.get(i)[0]);
        }
      }
      return entries;
    }

    @Override
    void write(BorshWriter w, Object v) {
      List<Object[]> entries = sorted(v);
      w.u32(entries.size());
      for (int i = 0; i < entries.size(); i++) {
        Object[] e = entries.get(i);
        try {
          key.write(w, e[0]);
          if (!set) {
            value.write(w, e[1]);
          }
        } catch (BorshError x) {
          throw x.at(i);
        }
      }
    }

    @Override
    Object read(BorshReader r) {
      int n = r.readLength(entrySize());
      Map<Object, Object> map = set ? null : new LinkedHashMap<>(Math.max(4, n * 2));
      LinkedHashSet<Object> s = set ? new LinkedHashSet<>(Math.max(4, n * 2)) : null;
      Object prev = null;
      for (int i = 0; i < n; i++) {
        try {
          int at = r.position();
          Object k = key.read(r);
          if (i > 0 && compareKeys(key, prev, k) >= 0) {
            throw new BorshError("keys must be strictly ascending (duplicate or out of order)", at);
          }
          prev = k;
          if (set) {
            s.add(k);
          } else {
            map.put(k, value.read(r));
          }
        } catch (BorshError e) {
          throw e.at(i);
        }
      }
      return set ? Collections.unmodifiableSet(s) : Collections.unmodifiableMap(map);
    }

    @Override
    Object json(JsonValue j) {
      List<Object[]> entries = new ArrayList<>();
      if (j instanceof JsonObject && !set && key instanceof Str) {
        for (Map.Entry<String, JsonValue> e : ((JsonObject) j).members().entrySet()) {
          try {
            entries.add(new Object[] {e.getKey(), value.json(e.getValue())});
          } catch (BorshError x) {
            throw x.at(e.getKey());
          }
        }
      } else if (j instanceof JsonArray) {
        List<JsonValue> a = ((JsonArray) j).elements();
        for (int i = 0; i < a.size(); i++) {
          try {
            if (set) {
              entries.add(new Object[] {key.json(a.get(i)), null});
            } else {
              JsonValue p = a.get(i);
              if (!(p instanceof JsonArray) || ((JsonArray) p).size() != 2) {
                throw err("[key, value] pair expected");
              }
              entries.add(new Object[] {key.json(((JsonArray) p).get(0)), value.json(((JsonArray) p).get(1))});
            }
          } catch (BorshError x) {
            throw x.at(i);
          }
        }
      } else {
        throw err(this + " expected as an array, got " + j.kind());
      }
      List<Object[]> s = sortEntries(entries);
      if (set) {
        LinkedHashSet<Object> out = new LinkedHashSet<>();
        for (Object[] e : s) {
          out.add(e[0]);
        }
        return Collections.unmodifiableSet(out);
      }
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Object[] e : s) {
        out.put(e[0], e[1]);
      }
      return Collections.unmodifiableMap(out);
    }

    @Override
    JsonValue jsonOf(Object v) {
      List<Object[]> entries = sorted(v);
      List<JsonValue> out = new ArrayList<>(entries.size());
      for (int i = 0; i < entries.size(); i++) {
        Object[] e = entries.get(i);
        try {
          out.add(set ? key.jsonOf(e[0]) : JsonArray.of(key.jsonOf(e[0]), value.jsonOf(e[1])));
        } catch (BorshError x) {
          throw x.at(i);
        }
      }
      return JsonArray.of(out);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof MapType && ((MapType) o).name.equals(name) && ((MapType) o).key.equals(key)
          && java.util.Objects.equals(((MapType) o).value, value);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(name, key, value);
    }

    @Override
    public String toString() {
      return name + "<" + key + (set ? "" : ", " + value) + ">";
    }
  }

  static int sum(List<BorshType> types) {
    long s = 0;
    for (BorshType t : types) {
      s += t.minSize();
    }
    return (int) Math.min(Integer.MAX_VALUE, s);
  }

  static void writeTuple(List<BorshType> types, BorshWriter w, Object v, String what) {
    if (v == null && types.isEmpty()) {
      return;
    }
    List<?> l = listOf(v, what);
    if (l.size() != types.size()) {
      throw err(what + " has " + types.size() + " elements, got " + l.size());
    }
    for (int i = 0; i < types.size(); i++) {
      try {
        types.get(i).write(w, l.get(i));
      } catch (BorshError e) {
        throw e.at(i);
      }
    }
  }

  static List<Object> readTuple(List<BorshType> types, BorshReader r) {
    if (types.isEmpty()) {
      return Collections.emptyList();
    }
    List<Object> out = new ArrayList<>(types.size());
    for (int i = 0; i < types.size(); i++) {
      try {
        out.add(types.get(i).read(r));
      } catch (BorshError e) {
        throw e.at(i);
      }
    }
    return Collections.unmodifiableList(out);
  }

  static List<Object> tupleJson(List<BorshType> types, JsonValue j, String what) {
    List<JsonValue> a;
    if (j instanceof JsonArray) {
      a = ((JsonArray) j).elements();
    } else if (j instanceof JsonObject) {
      // Anchor's form: {"0": ..., "1": ...}
      JsonObject o = (JsonObject) j;
      a = new ArrayList<>();
      for (int i = 0; i < o.size(); i++) {
        JsonValue e = o.get(Integer.toString(i));
        if (e == null) {
          throw err(what + " expected members \"0\"..\"" + (o.size() - 1) + "\"");
        }
        a.add(e);
      }
    } else if (j.isNull() && types.isEmpty()) {
      return Collections.emptyList();
    } else {
      throw err(what + " expected as an array, got " + j.kind());
    }
    if (a.size() != types.size()) {
      throw err(what + " has " + types.size() + " elements, got " + a.size());
    }
    List<Object> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      try {
        out.add(types.get(i).json(a.get(i)));
      } catch (BorshError e) {
        throw e.at(i);
      }
    }
    return Collections.unmodifiableList(out);
  }

  static JsonValue tupleOut(List<BorshType> types, Object v, String what) {
    if (v == null && types.isEmpty()) {
      return JsonArray.of(Collections.<JsonValue>emptyList());
    }
    List<?> l = listOf(v, what);
    if (l.size() != types.size()) {
      throw err(what + " has " + types.size() + " elements, got " + l.size());
    }
    List<JsonValue> out = new ArrayList<>(l.size());
    for (int i = 0; i < l.size(); i++) {
      try {
        out.add(types.get(i).jsonOf(l.get(i)));
      } catch (BorshError e) {
        throw e.at(i);
      }
    }
    return JsonArray.of(out);
  }

  static final class Tuple extends BorshType {
    final List<BorshType> elements;

    final int min;

    Tuple(List<BorshType> elements) {
      this.elements = elements;
      this.min = sum(elements);
    }

    @Override
    public int minSize() {
      return min;
    }

    @Override
    void write(BorshWriter w, Object v) {
      writeTuple(elements, w, v, toString());
    }

    @Override
    Object read(BorshReader r) {
      return readTuple(elements, r);
    }

    @Override
    Object json(JsonValue j) {
      return tupleJson(elements, j, toString());
    }

    @Override
    JsonValue jsonOf(Object v) {
      return tupleOut(elements, v, toString());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Tuple && ((Tuple) o).elements.equals(elements);
    }

    @Override
    public int hashCode() {
      return elements.hashCode();
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("(");
      for (int i = 0; i < elements.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(elements.get(i));
      }
      return sb.append(')').toString();
    }
  }

  static final class NamedTuple extends BorshType {
    final String name;
    final List<BorshType> elements;

    final int min;

    NamedTuple(String name, List<BorshType> elements) {
      this.name = name;
      this.elements = elements;
      this.min = sum(elements);
    }

    @Override
    public int minSize() {
      return min;
    }

    @Override
    void write(BorshWriter w, Object v) {
      writeTuple(elements, w, v, name);
    }

    @Override
    Object read(BorshReader r) {
      return readTuple(elements, r);
    }

    @Override
    Object json(JsonValue j) {
      return tupleJson(elements, j, name);
    }

    @Override
    JsonValue jsonOf(Object v) {
      return tupleOut(elements, v, name);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof NamedTuple && ((NamedTuple) o).name.equals(name) && ((NamedTuple) o).elements.equals(elements);
    }

    @Override
    public int hashCode() {
      return name.hashCode() * 31 + elements.hashCode();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static void writeFields(List<BorshType.Field> fields, BorshWriter w, Object v, String what) {
    if (!(v instanceof Map)) {
      throw err(what + " expected as a Map of fields, got " + kindOf(v));
    }
    Map<?, ?> m = (Map<?, ?>) v;
    for (BorshType.Field f : fields) {
      Object x = m.get(f.name);
      if (x == null && !m.containsKey(f.name) && !(f.type instanceof Opt) && f.type.minSize() > 0) {
        throw err("missing field").at(f.name);
      }
      try {
        f.type.write(w, x);
      } catch (BorshError e) {
        throw e.at(f.name);
      }
    }
    if (m.size() > fields.size()) {
      for (Object k : m.keySet()) {
        boolean known = false;
        for (BorshType.Field f : fields) {
          known |= f.name.equals(k);
        }
        if (!known) {
          throw err(what + " has no field " + k);
        }
      }
    }
  }

  static Map<String, Object> readFields(List<BorshType.Field> fields, BorshReader r) {
    Map<String, Object> out = new LinkedHashMap<>(Math.max(4, fields.size() * 2));
    for (BorshType.Field f : fields) {
      try {
        out.put(f.name, f.type.read(r));
      } catch (BorshError e) {
        throw e.at(f.name);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  static Map<String, Object> fieldsJson(List<BorshType.Field> fields, JsonValue j, String what) {
    if (!(j instanceof JsonObject)) {
      throw err(what + " expected as an object, got " + j.kind());
    }
    JsonObject o = (JsonObject) j;
    Map<String, Object> out = new LinkedHashMap<>();
    for (BorshType.Field f : fields) {
      JsonValue x = o.get(f.name);
      if (x == null) {
        if (f.type instanceof Opt) {
          out.put(f.name, Optional.empty());
          continue;
        }
        throw err("missing field").at(f.name);
      }
      try {
        out.put(f.name, f.type.json(x));
      } catch (BorshError e) {
        throw e.at(f.name);
      }
    }
    for (String k : o.members().keySet()) {
      if (!out.containsKey(k)) {
        throw err(what + " has no field " + k);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  static JsonValue fieldsOut(List<BorshType.Field> fields, Object v, String what) {
    if (!(v instanceof Map)) {
      throw err(what + " expected as a Map of fields, got " + kindOf(v));
    }
    Map<?, ?> m = (Map<?, ?>) v;
    JsonObject.Builder b = JsonObject.builder();
    for (BorshType.Field f : fields) {
      try {
        b.put(f.name, f.type.jsonOf(m.get(f.name)));
      } catch (BorshError e) {
        throw e.at(f.name);
      }
    }
    return b.build();
  }

  static final class Struct extends BorshType {
    final String name;
    final List<BorshType.Field> fields;

    final int min;

    Struct(String name, List<BorshType.Field> fields) {
      this.name = name;
      this.fields = fields;
      long s = 0;
      for (BorshType.Field f : fields) {
        s += f.type.minSize();
      }
      this.min = (int) Math.min(Integer.MAX_VALUE, s);
    }

    @Override
    public int minSize() {
      return min;
    }

    @Override
    void write(BorshWriter w, Object v) {
      writeFields(fields, w, v, name);
    }

    @Override
    Object read(BorshReader r) {
      return readFields(fields, r);
    }

    @Override
    Object json(JsonValue j) {
      return fieldsJson(fields, j, name);
    }

    @Override
    JsonValue jsonOf(Object v) {
      return fieldsOut(fields, v, name);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Struct && ((Struct) o).name.equals(name) && ((Struct) o).fields.equals(fields);
    }

    @Override
    public int hashCode() {
      return name.hashCode() * 31 + fields.hashCode();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static final class Enum extends BorshType {
    final String name;
    final List<BorshType.Variant> variants;
    final Map<String, Integer> index = new LinkedHashMap<>();

    Enum(String name, List<BorshType.Variant> variants) {
      this.name = name;
      this.variants = variants;
      for (int i = 0; i < variants.size(); i++) {
        index.put(variants.get(i).name, i);
      }
    }

    @Override
    public int minSize() {
      return 1;
    }

    private int indexOf(String variant) {
      Integer i = index.get(variant);
      if (i == null) {
        throw err(name + " has no variant " + variant);
      }
      return i;
    }

    @Override
    void write(BorshWriter w, Object v) {
      if (!(v instanceof BorshEnum)) {
        throw err(name + " expected as a BorshEnum, got " + kindOf(v));
      }
      BorshEnum e = (BorshEnum) v;
      int i = indexOf(e.variant());
      BorshType.Variant var = variants.get(i);
      w.u8(i);
      try {
        if (var.named != null) {
          writeFields(var.named, w, e.rawFields() == null ? Collections.emptyMap() : e.rawFields(), e.variant());
        } else if (var.tuple != null) {
          writeTuple(var.tuple, w, e.rawFields() == null ? Collections.emptyList() : e.rawFields(), e.variant());
        } else if (e.rawFields() != null && !(e.rawFields() instanceof Map && ((Map<?, ?>) e.rawFields()).isEmpty())
            && !(e.rawFields() instanceof List && ((List<?>) e.rawFields()).isEmpty())) {
          throw err("unit variant " + e.variant() + " takes no fields");
        }
      } catch (BorshError x) {
        throw x.at(e.variant());
      }
    }

    @Override
    Object read(BorshReader r) {
      int at = r.position();
      int i = r.readU8();
      if (i >= variants.size()) {
        throw new BorshError(name + " has " + variants.size() + " variants, got index " + i, at);
      }
      BorshType.Variant var = variants.get(i);
      try {
        if (var.named != null) {
          return BorshEnum.of(var.name, readFields(var.named, r));
        }
        if (var.tuple != null) {
          return BorshEnum.ofTuple(var.name, readTuple(var.tuple, r));
        }
        return BorshEnum.of(var.name);
      } catch (BorshError x) {
        throw x.at(var.name);
      }
    }

    @Override
    Object json(JsonValue j) {
      String v;
      JsonValue fields;
      if (j instanceof JsonString) {
        v = ((JsonString) j).value();
        fields = null;
      } else if (j instanceof JsonObject && ((JsonObject) j).size() == 1) {
        Map.Entry<String, JsonValue> e = ((JsonObject) j).members().entrySet().iterator().next();
        v = e.getKey();
        fields = e.getValue();
      } else {
        throw err(name + " expected as {\"Variant\": fields} or \"Variant\"");
      }
      BorshType.Variant var = variants.get(indexOf(v));
      try {
        if (var.named != null) {
          return BorshEnum.of(v, fieldsJson(var.named, fields == null ? JsonObject.builder().build() : fields, v));
        }
        if (var.tuple != null) {
          return BorshEnum.ofTuple(v, tupleJson(var.tuple, fields == null ? JsonArray.of() : fields, v));
        }
        if (fields != null && !fields.isNull() && !(fields instanceof JsonObject && ((JsonObject) fields).size() == 0)) {
          throw err("unit variant takes no fields");
        }
        return BorshEnum.of(v);
      } catch (BorshError x) {
        throw x.at(v);
      }
    }

    @Override
    JsonValue jsonOf(Object v) {
      BorshEnum e = (BorshEnum) v;
      BorshType.Variant var = variants.get(indexOf(e.variant()));
      JsonValue f;
      if (var.named != null) {
        f = fieldsOut(var.named, e.rawFields(), e.variant());
      } else if (var.tuple != null) {
        f = tupleOut(var.tuple, e.rawFields(), e.variant());
      } else {
        f = JsonObject.builder().build();
      }
      return JsonObject.builder().put(e.variant(), f).build();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Enum && ((Enum) o).name.equals(name) && ((Enum) o).variants.equals(variants);
    }

    @Override
    public int hashCode() {
      return name.hashCode() * 31 + variants.hashCode();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * {@code Arrays.compareUnsigned(a, b)} for non-null arrays, as a loop: Android before API 33 lacks
   * it. Lexicographic over unsigned bytes, a proper prefix first.
   */
  static int compareUnsignedBytes(byte[] a, byte[] b) {
    int n = Math.min(a.length, b.length);
    for (int i = 0; i < n; i++) {
      if (a[i] != b[i]) {
        return (a[i] & 0xff) - (b[i] & 0xff);
      }
    }
    return a.length - b.length;
  }
}
