package dev.cairn.abi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named parameter of an ABI fragment: its resolved {@link AbiType}, its name ({@code ""} when
 * unnamed), the {@code indexed} flag of event inputs, the compiler's {@code internalType} when the
 * JSON ABI carried one (e.g. {@code struct Pool.Key[]}, {@code contract IERC20}, {@code enum
 * Side}), and for tuple types (and arrays of tuples) the named components. Immutable.
 */
public final class Param {
  private final String name;
  private final AbiType<?> type;
  private final String internalType;
  private final boolean indexed;
  private final List<Param> components;

  Param(String name, AbiType<?> type, String internalType, boolean indexed, List<Param> components) {
    this.name = name == null ? "" : name;
    this.type = type;
    this.internalType = internalType;
    this.indexed = indexed;
    this.components = components;
  }

  /**
   * A parameter of the given type, e.g. {@code Param.of("to", "address")} or {@code Param.of("p",
   * "(uint256 a, bool b)[]")} (components may be named, as in human-readable fragments).
   *
   * @throws AbiException for an invalid type
   */
  public static Param of(String name, String type) {
    return Fragments.param(name, type, false);
  }

  /** An indexed event parameter of the given type. */
  public static Param indexed(String name, String type) {
    return Fragments.param(name, type, true);
  }

  /** The parameter name, {@code ""} when unnamed. */
  public String name() {
    return name;
  }

  /** The resolved type. */
  public AbiType<?> type() {
    return type;
  }

  /** The canonical type string, e.g. {@code (uint256,bool)[]}. */
  public String canonicalType() {
    return type.canonicalType();
  }

  /** The compiler's {@code internalType}, when the source had one. */
  public Optional<String> internalType() {
    return Optional.ofNullable(internalType);
  }

  /**
   * The struct name from {@link #internalType()}: {@code Pool.Key} for {@code struct Pool.Key[]},
   * empty when the parameter is not a struct or the source had no internal type.
   */
  public Optional<String> structName() {
    if (internalType == null || !internalType.startsWith("struct ")) {
      return Optional.empty();
    }
    int end = internalType.indexOf('[');
    return Optional.of(internalType.substring(7, end < 0 ? internalType.length() : end));
  }

  /** Whether this is an indexed event parameter. */
  public boolean isIndexed() {
    return indexed;
  }

  /** The named components of a tuple type or array of tuples; empty for other types. */
  public List<Param> components() {
    return components;
  }

  /** Parameters are equal when name, type, flags, internal types and components are. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Param)) {
      return false;
    }
    Param p = (Param) o;
    return indexed == p.indexed
        && name.equals(p.name)
        && type.equals(p.type)
        && Objects.equals(internalType, p.internalType)
        && components.equals(p.components);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, internalType, indexed, components);
  }

  /** Human-readable form, e.g. {@code address indexed from}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    Fragments.formatParam(sb, this);
    return sb.toString();
  }
}
