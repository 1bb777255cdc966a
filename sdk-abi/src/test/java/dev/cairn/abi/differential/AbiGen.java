package dev.cairn.abi.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cairn.abi.Address;
import dev.cairn.abi.Tuple;
import dev.cairn.core.encoding.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Random ABI types with matching values, as Java values (the codec's value classes) and as the
 * oracle's JSON (integers as decimal strings, bytes as 0x hex, tuples and arrays as JSON arrays).
 */
final class AbiGen {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** A value in both forms. */
  record Value(Object java, JsonNode json) {}

  /** A type tree node. */
  static final class Spec {
    enum Kind { UINT, INT, ADDRESS, BOOL, FIXED_BYTES, BYTES, STRING, ARRAY, TUPLE }

    final Kind kind;
    final int size; // bits, byte length, array length (-1 dynamic)
    final List<Spec> children;

    Spec(Kind kind, int size, List<Spec> children) {
      this.kind = kind;
      this.size = size;
      this.children = children;
    }

    String canonical() {
      switch (kind) {
        case UINT:
          return "uint" + size;
        case INT:
          return "int" + size;
        case ADDRESS:
          return "address";
        case BOOL:
          return "bool";
        case FIXED_BYTES:
          return "bytes" + size;
        case BYTES:
          return "bytes";
        case STRING:
          return "string";
        case ARRAY:
          return children.get(0).canonical() + (size < 0 ? "[]" : "[" + size + "]");
        default:
          StringBuilder sb = new StringBuilder("(");
          for (int i = 0; i < children.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(children.get(i).canonical());
          }
          return sb.append(')').toString();
      }
    }

    boolean isStaticElementary() {
      return kind == Kind.UINT || kind == Kind.INT || kind == Kind.ADDRESS || kind == Kind.BOOL
          || kind == Kind.FIXED_BYTES;
    }

    Value value(Random r) {
      switch (kind) {
        case UINT:
        case INT: {
          boolean signed = kind == Kind.INT;
          BigInteger v = Rnd.integer(r, signed, size);
          boolean fitsLong = signed ? size <= 64 : size <= 56;
          return new Value(fitsLong ? (Object) v.longValueExact() : v, F.textNode(v.toString()));
        }
        case ADDRESS: {
          String s = Rnd.address(r);
          return new Value(Address.parse(s), F.textNode(s));
        }
        case BOOL: {
          boolean b = r.nextBoolean();
          return new Value(b, F.booleanNode(b));
        }
        case FIXED_BYTES:
        case BYTES: {
          byte[] b = Rnd.bytes(r, kind == Kind.BYTES ? Rnd.dynamicLength(r) : size);
          return new Value(b, F.textNode(Hex.encodePrefixed(b)));
        }
        case STRING: {
          String s = Rnd.string(r);
          return new Value(s, F.textNode(s));
        }
        case ARRAY: {
          int n = size >= 0 ? size : r.nextInt(4);
          List<Object> list = new ArrayList<>(n);
          ArrayNode json = F.arrayNode();
          for (int i = 0; i < n; i++) {
            Value v = children.get(0).value(r);
            list.add(v.java());
            json.add(v.json());
          }
          return new Value(list, json);
        }
        default: {
          Object[] items = new Object[children.size()];
          ArrayNode json = F.arrayNode();
          for (int i = 0; i < items.length; i++) {
            Value v = children.get(i).value(r);
            items[i] = v.java();
            json.add(v.json());
          }
          return new Value(Tuple.of(items), json);
        }
      }
    }

    /** The JSON form with addresses lower-cased and hex lower-cased, for comparisons. */
    JsonNode normalize(JsonNode n) {
      switch (kind) {
        case ADDRESS:
        case FIXED_BYTES:
        case BYTES:
          return F.textNode(n.asText().toLowerCase(Locale.ROOT));
        case ARRAY: {
          ArrayNode a = F.arrayNode();
          n.forEach(e -> a.add(children.get(0).normalize(e)));
          return a;
        }
        case TUPLE: {
          ArrayNode a = F.arrayNode();
          for (int i = 0; i < children.size(); i++) {
            a.add(children.get(i).normalize(n.get(i)));
          }
          return a;
        }
        default:
          return n;
      }
    }
  }

  /** A list of top-level parameters with values. */
  record Case(List<Spec> types, Tuple java, ArrayNode json) {
    String[] typeStrings() {
      return types.stream().map(Spec::canonical).toArray(String[]::new);
    }

    ArrayNode typesJson() {
      ArrayNode a = F.arrayNode();
      types.forEach(t -> a.add(t.canonical()));
      return a;
    }

    ArrayNode normalizedJson() {
      ArrayNode a = F.arrayNode();
      for (int i = 0; i < types.size(); i++) {
        a.add(types.get(i).normalize(json.get(i)));
      }
      return a;
    }
  }

  private AbiGen() {}

  static Spec elementary(Random r) {
    switch (r.nextInt(7)) {
      case 0:
        return new Spec(Spec.Kind.UINT, 8 * (1 + r.nextInt(32)), List.of());
      case 1:
        return new Spec(Spec.Kind.INT, 8 * (1 + r.nextInt(32)), List.of());
      case 2:
        return new Spec(Spec.Kind.ADDRESS, 0, List.of());
      case 3:
        return new Spec(Spec.Kind.BOOL, 0, List.of());
      case 4:
        return new Spec(Spec.Kind.FIXED_BYTES, 1 + r.nextInt(32), List.of());
      case 5:
        return new Spec(Spec.Kind.BYTES, 0, List.of());
      default:
        return new Spec(Spec.Kind.STRING, 0, List.of());
    }
  }

  static Spec staticElementary(Random r) {
    Spec s;
    do {
      s = elementary(r);
    } while (!s.isStaticElementary());
    return s;
  }

  /** Any type, nested up to {@code depth} levels of arrays and tuples. */
  static Spec any(Random r, int depth) {
    int pick = depth <= 0 ? 0 : r.nextInt(10);
    if (pick < 5) {
      return elementary(r);
    }
    if (pick < 8) {
      int len = r.nextBoolean() ? -1 : 1 + r.nextInt(3);
      return new Spec(Spec.Kind.ARRAY, len, List.of(any(r, depth - 1)));
    }
    int n = 1 + r.nextInt(4);
    List<Spec> c = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      c.add(any(r, depth - 1));
    }
    return new Spec(Spec.Kind.TUPLE, 0, c);
  }

  /** Types that viem's encodePacked takes: elementary, or arrays (up to 2-D) of static elementary. */
  static Spec packable(Random r) {
    if (r.nextInt(3) != 0) {
      return elementary(r);
    }
    Spec s = staticElementary(r);
    int dims = 1 + (r.nextInt(4) == 0 ? 1 : 0);
    for (int d = 0; d < dims; d++) {
      s = new Spec(Spec.Kind.ARRAY, r.nextBoolean() ? -1 : 1 + r.nextInt(3), List.of(s));
    }
    return s;
  }

  static Case caseOf(Random r, List<Spec> types) {
    Object[] java = new Object[types.size()];
    ArrayNode json = F.arrayNode();
    for (int i = 0; i < java.length; i++) {
      Value v = types.get(i).value(r);
      java[i] = v.java();
      json.add(v.json());
    }
    return new Case(types, Tuple.of(java), json);
  }

  /** 1 to 5 parameters of any type, nested up to 3 levels. */
  static Arbitrary<Case> cases() {
    return Arbitraries.randomValue(
        r -> {
          int n = 1 + r.nextInt(5);
          List<Spec> types = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            types.add(any(r, 3));
          }
          return caseOf(r, types);
        });
  }

  /** 1 to 6 parameters viem's encodePacked takes. */
  static Arbitrary<Case> packedCases() {
    return Arbitraries.randomValue(
        r -> {
          int n = 1 + r.nextInt(6);
          List<Spec> types = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            types.add(packable(r));
          }
          return caseOf(r, types);
        });
  }

  /** A random identifier for function and event names. */
  static String identifier(Random r) {
    String start = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$";
    String rest = start + "0123456789";
    StringBuilder sb = new StringBuilder();
    sb.append(start.charAt(r.nextInt(start.length())));
    int len = r.nextInt(12);
    for (int i = 0; i < len; i++) {
      sb.append(rest.charAt(r.nextInt(rest.length())));
    }
    // never a keyword of the human-readable syntax
    return sb.append('9').toString();
  }
}
