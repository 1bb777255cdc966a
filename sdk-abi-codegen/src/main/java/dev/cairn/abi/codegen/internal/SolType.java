package dev.cairn.abi.codegen.internal;

import dev.cairn.abi.AbiType;
import dev.cairn.abi.Param;
import dev.cairn.abi.TupleType;
import dev.cairn.abi.type.AddressType;
import dev.cairn.abi.type.ArrayType;
import dev.cairn.abi.type.BoolType;
import dev.cairn.abi.type.BytesType;
import dev.cairn.abi.type.FixedBytesType;
import dev.cairn.abi.type.FunctionType;
import dev.cairn.abi.type.IntType;
import dev.cairn.abi.type.StringType;
import java.util.ArrayList;
import java.util.List;

/**
 * A parameter type as the generator sees it, built from an sdk-abi {@link Param}: kind, canonical
 * form, dynamic-ness and, for tuples, the named components and the struct name from {@code
 * internalType}.
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
   * The generator's view of a parsed parameter: its resolved type, with the component names and
   * the struct names ({@link Param#structName()}) of tuples, also inside arrays.
   *
   * @param p a parameter of a {@link dev.cairn.abi.ContractAbi}
   */
  public static SolType of(Param p) {
    return of(p.type(), p.structName().orElse(null), p.components());
  }

  /** {@code bytes32}: what an indexed dynamic event parameter leaves in its topic. */
  public static SolType bytes32() {
    return new SolType(Kind.FIXED_BYTES, false, 32, null, List.of(), null, "bytes32");
  }

  private static SolType of(AbiType<?> type, String structName, List<Param> components) {
    if (type instanceof ArrayType) {
      ArrayType a = (ArrayType) type;
      SolType inner = of(a.elementType(), structName, components);
      int length = a.length() == ArrayType.DYNAMIC ? -1 : a.length();
      return new SolType(Kind.ARRAY, false, length, inner, List.of(), null, a.canonicalType());
    }
    if (type instanceof TupleType) {
      List<Component> comps = new ArrayList<>(components.size());
      for (Param c : components) {
        comps.add(new Component(c.name(), of(c)));
      }
      String struct = structName == null || structName.isBlank() ? null : structName.trim();
      return new SolType(Kind.TUPLE, false, 0, null, List.copyOf(comps), struct, type.canonicalType());
    }
    if (type instanceof IntType) {
      IntType<?> i = (IntType<?>) type;
      return integer(i.isSigned(), i.bits());
    }
    if (type instanceof FixedBytesType) {
      return new SolType(
          Kind.FIXED_BYTES, false, ((FixedBytesType) type).length(), null, List.of(), null, type.canonicalType());
    }
    if (type instanceof AddressType) {
      return simple(Kind.ADDRESS, 0, "address");
    }
    if (type instanceof BoolType) {
      return simple(Kind.BOOL, 0, "bool");
    }
    if (type instanceof StringType) {
      return simple(Kind.STRING, 0, "string");
    }
    if (type instanceof BytesType) {
      return simple(Kind.BYTES, 0, "bytes");
    }
    if (type instanceof FunctionType) {
      return simple(Kind.FUNCTION, 24, "function");
    }
    throw new IllegalStateException("unexpected ABI type " + type.canonicalType());
  }

  private static SolType simple(Kind kind, int size, String canonical) {
    return new SolType(kind, false, size, null, List.of(), null, canonical);
  }

  private static SolType integer(boolean signed, int bits) {
    return new SolType(Kind.INT, signed, bits, null, List.of(), null, (signed ? "int" : "uint") + bits);
  }
}
