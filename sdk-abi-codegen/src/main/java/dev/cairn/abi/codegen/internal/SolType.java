package dev.cairn.abi.codegen.internal;

import dev.cairn.abi.codegen.CodegenException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Solidity ABI type resolved from the JSON {@code type}/{@code components}/{@code internalType}
 * fields, with the information the generator needs: canonical form, dynamic-ness and, for tuples,
 * the struct name from {@code internalType}.
 */
public final class SolType {
  /** Type kinds. */
  public enum Kind {
    /** intN / uintN. */
    INT,
    /** address. */
    ADDRESS,
    /** bool. */
    BOOL,
    /** bytesN. */
    FIXED_BYTES,
    /** bytes. */
    BYTES,
    /** string. */
    STRING,
    /** function (24 bytes). */
    FUNCTION,
    /** T[k] or T[]. */
    ARRAY,
    /** tuple. */
    TUPLE
  }

  /** A named tuple component. */
  public record Component(String name, SolType type) {}

  private final Kind kind;
  private final boolean signed;
  private final int size; // bits for INT, bytes for FIXED_BYTES, length for ARRAY (-1 dynamic)
  private final SolType element;
  private final List<Component> components;
  private final String structName; // qualified struct name from internalType (e.g. "Foo.Bar"), or null
  private final String canonical;

  private SolType(
      Kind kind,
      boolean signed,
      int size,
      SolType element,
      List<Component> components,
      String structName,
      String canonical) {
    this.kind = kind;
    this.signed = signed;
    this.size = size;
    this.element = element;
    this.components = components;
    this.structName = structName;
    this.canonical = canonical;
  }

  /** The kind. */
  public Kind kind() {
    return kind;
  }

  /** For INT: whether signed. */
  public boolean signed() {
    return signed;
  }

  /** For INT: the bit width. */
  public int bits() {
    return size;
  }

  /** For FIXED_BYTES: the byte length; for ARRAY: the fixed length or -1. */
  public int length() {
    return size;
  }

  /** For ARRAY: the element type. */
  public SolType element() {
    return element;
  }

  /** For TUPLE: the components. */
  public List<Component> components() {
    return components;
  }

  /** For TUPLE: the qualified struct name from internalType (e.g. {@code Foo.Bar}), or null. */
  public String structName() {
    return structName;
  }

  /** The canonical type string, e.g. {@code (uint256,address)[]}. */
  public String canonical() {
    return canonical;
  }

  /** Whether the type is dynamic in the ABI encoding. */
  public boolean isDynamic() {
    switch (kind) {
      case BYTES:
      case STRING:
        return true;
      case ARRAY:
        return size < 0 || element.isDynamic();
      case TUPLE:
        for (Component c : components) {
          if (c.type().isDynamic()) {
            return true;
          }
        }
        return false;
      default:
        return false;
    }
  }

  /** Whether a tuple occurs in this type (itself or inside arrays). */
  public boolean containsTuple() {
    return kind == Kind.TUPLE || (kind == Kind.ARRAY && element.containsTuple());
  }

  /** Whether a fixed-size array occurs in this type (itself or nested in arrays, not tuples). */
  public boolean containsFixedArray() {
    return kind == Kind.ARRAY && (size >= 0 || element.containsFixedArray());
  }

  /**
   * Resolves a JSON parameter.
   *
   * @param p the parameter
   * @param where description for error messages (file, entry, parameter)
   */
  public static SolType resolve(AbiParam p, String where) {
    return resolve(p.type(), p.internalType(), p.components(), where);
  }

  private static SolType resolve(
      String type, String internalType, List<AbiParam> componentParams, String where) {
    if (type.endsWith("]")) {
      int open = type.lastIndexOf('[');
      if (open <= 0) {
        throw new CodegenException(where + ": malformed type \"" + type + "\"");
      }
      String dim = type.substring(open + 1, type.length() - 1);
      int length = -1;
      if (!dim.isEmpty()) {
        length = parseDecimal(dim, where, type);
      }
      String innerInternal = internalType;
      if (innerInternal != null && innerInternal.endsWith("]")) {
        int io = innerInternal.lastIndexOf('[');
        innerInternal = io > 0 ? innerInternal.substring(0, io) : null;
      }
      SolType inner = resolve(type.substring(0, open), innerInternal, componentParams, where);
      String canon = inner.canonical + "[" + (length < 0 ? "" : Integer.toString(length)) + "]";
      return new SolType(Kind.ARRAY, false, length, inner, List.of(), null, canon);
    }
    switch (type) {
      case "address":
        return simple(Kind.ADDRESS, 0, "address");
      case "bool":
        return simple(Kind.BOOL, 0, "bool");
      case "string":
        return simple(Kind.STRING, 0, "string");
      case "bytes":
        return simple(Kind.BYTES, 0, "bytes");
      case "function":
        return simple(Kind.FUNCTION, 24, "function");
      case "uint":
        return integer(false, 256);
      case "int":
        return integer(true, 256);
      case "tuple":
        return tuple(internalType, componentParams, where);
      default:
        break;
    }
    if (type.startsWith("uint") || type.startsWith("int")) {
      boolean signed = type.startsWith("int");
      int bits = parseDecimal(type.substring(signed ? 3 : 4), where, type);
      if (bits < 8 || bits > 256 || bits % 8 != 0) {
        throw new CodegenException(where + ": invalid integer type \"" + type + "\"");
      }
      return integer(signed, bits);
    }
    if (type.startsWith("bytes")) {
      int n = parseDecimal(type.substring(5), where, type);
      if (n < 1 || n > 32) {
        throw new CodegenException(where + ": invalid type \"" + type + "\"");
      }
      return new SolType(Kind.FIXED_BYTES, false, n, null, List.of(), null, type);
    }
    if (type.startsWith("fixed") || type.startsWith("ufixed")) {
      throw new CodegenException(
          where + ": fixed-point type \"" + type + "\" is not supported (no Solidity compiler emits it)");
    }
    throw new CodegenException(where + ": unknown type \"" + type + "\"");
  }

  private static SolType tuple(String internalType, List<AbiParam> componentParams, String where) {
    List<Component> comps = new ArrayList<>();
    StringBuilder canon = new StringBuilder("(");
    for (int i = 0; i < componentParams.size(); i++) {
      AbiParam c = componentParams.get(i);
      String cname = c.name();
      SolType ct = resolve(c, where + "." + (cname.isEmpty() ? Integer.toString(i) : cname));
      comps.add(new Component(cname, ct));
      if (i > 0) {
        canon.append(',');
      }
      canon.append(ct.canonical);
    }
    canon.append(')');
    String struct = null;
    if (internalType != null && internalType.startsWith("struct ")) {
      struct = internalType.substring("struct ".length()).trim();
      if (struct.isEmpty()) {
        struct = null;
      }
    }
    return new SolType(Kind.TUPLE, false, 0, null, List.copyOf(comps), struct, canon.toString());
  }

  private static SolType simple(Kind kind, int size, String canonical) {
    return new SolType(kind, false, size, null, List.of(), null, canonical);
  }

  private static SolType integer(boolean signed, int bits) {
    return new SolType(Kind.INT, signed, bits, null, List.of(), null, (signed ? "int" : "uint") + bits);
  }

  private static int parseDecimal(String s, String where, String type) {
    if (s.isEmpty() || s.length() > 6) {
      throw new CodegenException(where + ": malformed type \"" + type + "\"");
    }
    int v = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9' || (i == 0 && ch == '0' && s.length() > 1)) {
        throw new CodegenException(where + ": malformed type \"" + type + "\"");
      }
      v = v * 10 + (ch - '0');
    }
    return v;
  }
}
