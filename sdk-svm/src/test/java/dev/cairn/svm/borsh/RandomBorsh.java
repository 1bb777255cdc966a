package dev.cairn.svm.borsh;

import dev.cairn.core.json.Json;
import dev.cairn.svm.Pubkey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/** Random values of any {@link BorshType} (test support, also used by the IDL tests). */
public final class RandomBorsh {
  private RandomBorsh() {}

  /** A random value of {@code t}; collections have at most {@code maxLen} elements. */
  public static Object value(BorshType t, SplittableRandom r, int maxLen) {
    if (t instanceof Types.Int) {
      Types.Int i = (Types.Int) t;
      BigInteger v;
      switch (r.nextInt(4)) {
        case 0: v = i.min; break;
        case 1: v = i.max; break;
        case 2: v = BigInteger.valueOf(r.nextInt(256)).min(i.max); break;
        default:
          v = new BigInteger(i.bytes * 8, new java.util.Random(r.nextLong()));
          if (i.signed) {
            v = v.subtract(BigInteger.ONE.shiftLeft(i.bytes * 8 - 1));
          }
      }
      return i.canonical(v);
    }
    if (t == BorshType.F32) {
      switch (r.nextInt(6)) {
        case 0: return Float.POSITIVE_INFINITY;
        case 1: return -0.0f;
        case 2: return (float) r.nextInt(1000);
        default:
          float f = Float.intBitsToFloat(r.nextInt());
          return Float.isNaN(f) ? 1.5f : f;
      }
    }
    if (t == BorshType.F64) {
      switch (r.nextInt(6)) {
        case 0: return Double.NEGATIVE_INFINITY;
        case 1: return 0.1;
        case 2: return (double) r.nextInt(1000);
        default:
          double d = Double.longBitsToDouble(r.nextLong());
          return Double.isNaN(d) ? -2.25 : d;
      }
    }
    if (t == BorshType.BOOL) {
      return r.nextBoolean();
    }
    if (t == BorshType.STRING) {
      String[] parts = {"a", "é", "日本", "\uD83D\uDE00", "Z", " ", "0", "\u0000"};
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(maxLen * 2 + 1);
      for (int i = 0; i < n; i++) {
        sb.append(parts[r.nextInt(parts.length)]);
      }
      return sb.toString();
    }
    if (t == BorshType.BYTES) {
      byte[] b = new byte[r.nextInt(maxLen * 3 + 1)];
      r.nextBytes(b);
      return b;
    }
    if (t == BorshType.PUBKEY) {
      byte[] b = new byte[32];
      r.nextBytes(b);
      return Pubkey.of(b);
    }
    if (t instanceof Types.Opt) {
      return r.nextInt(3) == 0 ? Optional.empty() : Optional.of(value(((Types.Opt) t).inner, r, maxLen));
    }
    if (t instanceof Types.Seq) {
      Types.Seq s = (Types.Seq) t;
      int n = s.length >= 0 ? s.length : r.nextInt(maxLen + 1);
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        out.add(value(s.element, r, maxLen));
      }
      return out;
    }
    if (t instanceof Types.MapType) {
      Types.MapType m = (Types.MapType) t;
      int n = r.nextInt(maxLen + 1);
      if (m.set) {
        Set<Object> out = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
          out.add(value(m.key, r, maxLen));
        }
        return dedupe(m, out);
      }
      Map<Object, Object> out = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        out.put(value(m.key, r, maxLen), value(m.value, r, maxLen));
      }
      return dedupe(m, out);
    }
    if (t instanceof Types.Tuple) {
      List<Object> out = new ArrayList<>();
      for (BorshType e : ((Types.Tuple) t).elements) {
        out.add(value(e, r, maxLen));
      }
      return out;
    }
    if (t instanceof Types.NamedTuple) {
      List<Object> out = new ArrayList<>();
      for (BorshType e : ((Types.NamedTuple) t).elements) {
        out.add(value(e, r, maxLen));
      }
      return out;
    }
    if (t instanceof Types.Struct) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (BorshType.Field f : ((Types.Struct) t).fields) {
        out.put(f.name, value(f.type, r, maxLen));
      }
      return out;
    }
    if (t instanceof Types.Enum) {
      Types.Enum e = (Types.Enum) t;
      BorshType.Variant v = e.variants.get(r.nextInt(e.variants.size()));
      if (v.named != null) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (BorshType.Field f : v.named) {
          out.put(f.name, value(f.type, r, maxLen));
        }
        return BorshEnum.of(v.name, out);
      }
      if (v.tuple != null) {
        List<Object> out = new ArrayList<>();
        for (BorshType x : v.tuple) {
          out.add(value(x, r, maxLen));
        }
        return BorshEnum.ofTuple(v.name, out);
      }
      return BorshEnum.of(v.name);
    }
    throw new IllegalArgumentException("no generator for " + t);
  }

  /** Removes keys equal under the type's order (e.g. byte arrays with the same content). */
  private static Object dedupe(Types.MapType m, Object coll) {
    if (m.set) {
      List<Object> kept = new ArrayList<>();
      for (Object k : (Set<?>) coll) {
        boolean dup = false;
        for (Object x : kept) {
          dup |= Types.compareKeys(m.key, x, k) == 0;
        }
        if (!dup) {
          kept.add(k);
        }
      }
      return new LinkedHashSet<>(kept);
    }
    Map<Object, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : ((Map<?, ?>) coll).entrySet()) {
      boolean dup = false;
      for (Object x : kept.keySet()) {
        dup |= Types.compareKeys(m.key, x, e.getKey()) == 0;
      }
      if (!dup) {
        kept.put(e.getKey(), e.getValue());
      }
    }
    return kept;
  }

  /** The canonical JSON text of a value (for comparisons: byte[] and Optional compare by content). */
  public static String canonical(BorshType t, Object v) {
    return Json.write(t.toJson(v));
  }
}
