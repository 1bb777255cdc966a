package dev.cairn.abi;

import dev.cairn.abi.internal.FragmentFormatter;
import dev.cairn.abi.internal.FragmentParser;
import dev.cairn.abi.internal.ParamSpec;
import java.util.ArrayList;
import java.util.List;

/** Resolution of parsed parameter specs into {@link Param}s and back. */
final class Fragments {
  private Fragments() {}

  static Param param(String name, String type, boolean indexed) {
    if (type == null) {
      throw new AbiException(AbiException.Reason.PARSE, "type is null", 0);
    }
    List<ParamSpec> specs = FragmentParser.parseParams(type);
    if (specs.size() != 1) {
      throw new AbiException(
          AbiException.Reason.PARSE, "expected one type but found " + specs.size(), 0);
    }
    ParamSpec s = specs.get(0);
    if (name != null && !name.isEmpty()) {
      s = new ParamSpec(name, s.type(), s.components(), s.internalType(), indexed);
    } else {
      s = s.withIndexed(indexed);
    }
    return resolve(s);
  }

  /** Resolves a spec; types come from the {@link AbiTypes} cache. */
  static Param resolve(ParamSpec s) {
    AbiType<?> type = AbiTypes.parse(s.canonicalType());
    List<Param> components;
    if (s.isTuple()) {
      List<ParamSpec> cs = s.components();
      List<Param> out = new ArrayList<>(cs.size());
      for (ParamSpec c : cs) {
        out.add(resolve(c));
      }
      components = List.copyOf(out);
    } else {
      components = List.of();
    }
    return new Param(s.name(), type, s.internalType(), s.indexed(), components);
  }

  static List<Param> resolveAll(List<ParamSpec> specs) {
    return resolveAll(specs, "inputs");
  }

  /**
   * Resolves a parameter list; a type the codec rejects (e.g. an array of empty tuples) is
   * reported as {@code <listName>[i]: problem}.
   */
  static List<Param> resolveAll(List<ParamSpec> specs, String listName) {
    if (specs.isEmpty()) {
      return List.of();
    }
    Param[] out = new Param[specs.size()];
    for (int i = 0; i < out.length; i++) {
      try {
        out[i] = resolve(specs.get(i));
      } catch (AbiException e) {
        throw new AbiException(e.reason(), listName + "[" + i + "]: " + withoutPosition(e));
      }
    }
    return List.of(out);
  }

  /** The message without the {@code (at position N)} suffix, for re-wrapping. */
  static String withoutPosition(AbiException e) {
    String msg = e.getMessage();
    int cut = e.position() >= 0 ? msg.lastIndexOf(" (at position ") : -1;
    return cut >= 0 ? msg.substring(0, cut) : msg;
  }

  /** The spec of a parameter (for formatting and JSON output). */
  static ParamSpec spec(Param p) {
    List<ParamSpec> cs = null;
    String type = p.canonicalType();
    if (!p.components().isEmpty() || type.startsWith("(")) {
      cs = new ArrayList<>(p.components().size());
      for (Param c : p.components()) {
        cs.add(spec(c));
      }
      // the array suffix after the closing parenthesis of the tuple
      type = "tuple" + type.substring(closingParen(type) + 1);
    }
    return new ParamSpec(p.name(), type, cs, p.internalType().orElse(null), p.isIndexed());
  }

  static List<ParamSpec> specs(List<Param> ps) {
    List<ParamSpec> out = new ArrayList<>(ps.size());
    for (Param p : ps) {
      out.add(spec(p));
    }
    return out;
  }

  private static int closingParen(String type) {
    int depth = 0;
    for (int i = 0; i < type.length(); i++) {
      char c = type.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalStateException("unbalanced " + type);
  }

  /** Equal names, types, indexed flags and component names; internal types are ignored. */
  static boolean sameParams(List<Param> a, List<Param> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      Param x = a.get(i);
      Param y = b.get(i);
      if (x.isIndexed() != y.isIndexed()
          || !x.name().equals(y.name())
          || !x.type().equals(y.type())
          || !sameParams(x.components(), y.components())) {
        return false;
      }
    }
    return true;
  }

  static void formatParam(StringBuilder sb, Param p) {
    FragmentFormatter.param(sb, spec(p), true);
  }

  /** A tuple type of the parameters' types with their names. */
  static TupleType tupleOf(List<Param> params) {
    List<AbiType<?>> types = new ArrayList<>(params.size());
    List<String> names = new ArrayList<>(params.size());
    for (Param p : params) {
      types.add(p.type());
      names.add(p.name());
    }
    return TupleType.of(types, names);
  }
}
