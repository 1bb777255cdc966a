package dev.cairn.abi.internal;

import java.util.List;
import java.util.Objects;

/**
 * One ABI entry as read from JSON or a human-readable fragment, before its types are resolved.
 * {@code stateMutability} is one of {@code pure view nonpayable payable} ({@code nonpayable} when
 * the source said nothing).
 */
public final class FragmentSpec {

  /** Entry kinds of the Solidity JSON ABI. */
  public enum Kind {
    FUNCTION("function"),
    CONSTRUCTOR("constructor"),
    FALLBACK("fallback"),
    RECEIVE("receive"),
    EVENT("event"),
    ERROR("error");

    private static final Kind[] ALL = values();

    private final String json;

    Kind(String json) {
      this.json = json;
    }

    /** The JSON {@code type} value. */
    public String json() {
      return json;
    }

    /** The kind whose JSON {@code type} value is {@code json}, or {@code null} if none is. */
    public static Kind fromJson(String json) {
      for (Kind k : ALL) {
        if (k.json.equals(json)) {
          return k;
        }
      }
      return null;
    }
  }

  private final Kind kind;
  private final String name;
  private final List<ParamSpec> inputs;
  private final List<ParamSpec> outputs;
  private final String stateMutability;
  private final boolean anonymous;

  public FragmentSpec(
      Kind kind,
      String name,
      List<ParamSpec> inputs,
      List<ParamSpec> outputs,
      String stateMutability,
      boolean anonymous) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.name = name == null ? "" : name;
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
    this.stateMutability = stateMutability == null ? "nonpayable" : stateMutability;
    this.anonymous = anonymous;
  }

  public Kind kind() {
    return kind;
  }

  public String name() {
    return name;
  }

  public List<ParamSpec> inputs() {
    return inputs;
  }

  public List<ParamSpec> outputs() {
    return outputs;
  }

  public String stateMutability() {
    return stateMutability;
  }

  public boolean anonymous() {
    return anonymous;
  }

  /** {@code name(t1,t2)} with canonical types. */
  public String signature() {
    StringBuilder sb = new StringBuilder(name.length() + 16 * inputs.size() + 2);
    sb.append(name).append('(');
    for (int i = 0; i < inputs.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      inputs.get(i).appendCanonical(sb);
    }
    return sb.append(')').toString();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof FragmentSpec)) {
      return false;
    }
    FragmentSpec f = (FragmentSpec) o;
    return kind == f.kind
        && anonymous == f.anonymous
        && name.equals(f.name)
        && inputs.equals(f.inputs)
        && outputs.equals(f.outputs)
        && stateMutability.equals(f.stateMutability);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, name, inputs, outputs, stateMutability, anonymous);
  }

  @Override
  public String toString() {
    return FragmentFormatter.format(this);
  }
}
