package dev.cairn.abi.internal;

import java.util.List;
import java.util.Objects;

/**
 * One parameter as written in a JSON ABI or a human-readable fragment, before its type is resolved:
 * the declared type ({@code "uint256"}, {@code "tuple[2][]"}), the components of a tuple type, the
 * parameter name, the compiler's {@code internalType} and the {@code indexed} flag of event inputs.
 *
 * <p>{@link #canonicalType()} spells the resolved type the way {@code AbiTypes.parse} reads it:
 * tuples become {@code (c1,c2)} followed by the array suffix of {@code type}.
 */
public final class ParamSpec {
  private final String name;
  private final String type;
  private final List<ParamSpec> components;
  private final String internalType;
  private final boolean indexed;
  private String canonical;

  /**
   * @param name parameter name, {@code ""} when absent
   * @param type declared type; for tuples {@code "tuple"} plus an optional array suffix
   * @param components tuple components, {@code null} for non-tuple types
   * @param internalType compiler internal type, {@code null} when absent
   * @param indexed the event {@code indexed} flag
   */
  public ParamSpec(
      String name, String type, List<ParamSpec> components, String internalType, boolean indexed) {
    this.name = name == null ? "" : name;
    this.type = Objects.requireNonNull(type, "type");
    this.components = components == null ? null : List.copyOf(components);
    this.internalType = internalType;
    this.indexed = indexed;
  }

  public String name() {
    return name;
  }

  public String type() {
    return type;
  }

  /** Tuple components or {@code null}. */
  public List<ParamSpec> components() {
    return components;
  }

  public String internalType() {
    return internalType;
  }

  public boolean indexed() {
    return indexed;
  }

  /** True when the type is a tuple or an array (of any depth) of tuples. */
  public boolean isTuple() {
    return components != null;
  }

  /** The array suffix of a tuple type ({@code "[2][]"} for {@code "tuple[2][]"}), else "". */
  public String tupleSuffix() {
    return components == null ? "" : type.substring(5);
  }

  /** The canonical type string: {@code uint256}, {@code (uint256,(bool,string)[])[2]}. */
  public String canonicalType() {
    String c = canonical;
    if (c == null) {
      if (components == null) {
        c = type;
      } else {
        StringBuilder sb = new StringBuilder(16 * components.size() + 8);
        appendCanonical(sb);
        c = sb.toString();
      }
      canonical = c;
    }
    return c;
  }

  void appendCanonical(StringBuilder sb) {
    if (components == null) {
      sb.append(type);
      return;
    }
    if (canonical != null) {
      sb.append(canonical);
      return;
    }
    sb.append('(');
    for (int i = 0; i < components.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      components.get(i).appendCanonical(sb);
    }
    sb.append(')').append(type, 5, type.length());
  }

  /** Returns a copy with a different indexed flag. */
  public ParamSpec withIndexed(boolean newIndexed) {
    return newIndexed == indexed ? this : new ParamSpec(name, type, components, internalType, newIndexed);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ParamSpec)) {
      return false;
    }
    ParamSpec p = (ParamSpec) o;
    return indexed == p.indexed
        && name.equals(p.name)
        && type.equals(p.type)
        && Objects.equals(components, p.components)
        && Objects.equals(internalType, p.internalType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, components, internalType, indexed);
  }

  @Override
  public String toString() {
    return canonicalType() + (indexed ? " indexed" : "") + (name.isEmpty() ? "" : " " + name);
  }
}
