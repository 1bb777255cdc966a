package dev.cairn.cli.abi;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a canonical ABI type string (as {@code AbiType.canonicalType()} returns it), for
 * converting between JSON and the codec's Java values. The codec has already validated the type;
 * this only walks its structure.
 */
final class TypeShape {

  enum Kind {
    INT,
    ADDRESS,
    BOOL,
    STRING,
    BYTES,
    FIXED_BYTES,
    FUNCTION,
    ARRAY,
    TUPLE
  }

  final Kind kind;
  final String canonical;
  /** INT: bit width; FIXED_BYTES: byte length; ARRAY: element count or -1 for T[]. */
  final int size;
  /** INT: whether signed. */
  final boolean signed;
  /** ARRAY: the element type. */
  final TypeShape element;
  /** TUPLE: the components. */
  final List<TypeShape> components;

  private TypeShape(Kind kind, String canonical, int size, boolean signed, TypeShape element,
      List<TypeShape> components) {
    this.kind = kind;
    this.canonical = canonical;
    this.size = size;
    this.signed = signed;
    this.element = element;
    this.components = components;
  }

  /**
   * Parses a canonical type string.
   *
   * @throws IllegalArgumentException if it is not one (a bug: the codec hands out canonical types)
   */
  static TypeShape parse(String t) {
    if (t.endsWith("]")) {
      int open = t.lastIndexOf('[');
      if (open <= 0) {
        throw new IllegalArgumentException("not a canonical ABI type: " + t);
      }
      String len = t.substring(open + 1, t.length() - 1);
      int size = len.isEmpty() ? -1 : Integer.parseInt(len);
      return new TypeShape(Kind.ARRAY, t, size, false, parse(t.substring(0, open)), null);
    }
    if (t.startsWith("(")) {
      if (!t.endsWith(")")) {
        throw new IllegalArgumentException("not a canonical ABI type: " + t);
      }
      List<TypeShape> comps = new ArrayList<>();
      String inner = t.substring(1, t.length() - 1);
      int depth = 0;
      int start = 0;
      for (int i = 0; i < inner.length(); i++) {
        char c = inner.charAt(i);
        if (c == '(') {
          depth++;
        } else if (c == ')') {
          depth--;
        } else if (c == ',' && depth == 0) {
          comps.add(parse(inner.substring(start, i)));
          start = i + 1;
        }
      }
      if (!inner.isEmpty()) {
        comps.add(parse(inner.substring(start)));
      }
      return new TypeShape(Kind.TUPLE, t, comps.size(), false, null, List.copyOf(comps));
    }
    switch (t) {
      case "address":
        return new TypeShape(Kind.ADDRESS, t, 20, false, null, null);
      case "bool":
        return new TypeShape(Kind.BOOL, t, 0, false, null, null);
      case "string":
        return new TypeShape(Kind.STRING, t, -1, false, null, null);
      case "bytes":
        return new TypeShape(Kind.BYTES, t, -1, false, null, null);
      case "function":
        return new TypeShape(Kind.FUNCTION, t, 24, false, null, null);
      default:
        break;
    }
    if (t.startsWith("bytes")) {
      return new TypeShape(Kind.FIXED_BYTES, t, Integer.parseInt(t.substring(5)), false, null,
          null);
    }
    if (t.startsWith("uint")) {
      return new TypeShape(Kind.INT, t, Integer.parseInt(t.substring(4)), false, null, null);
    }
    if (t.startsWith("int")) {
      return new TypeShape(Kind.INT, t, Integer.parseInt(t.substring(3)), true, null, null);
    }
    throw new IllegalArgumentException("not a canonical ABI type: " + t);
  }
}
