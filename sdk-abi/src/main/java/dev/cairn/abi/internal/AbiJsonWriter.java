package dev.cairn.abi.internal;

import java.util.List;

/** Writes fragment specs as a Solidity JSON ABI (compact, with sdk-core's JSON string escaping). */
public final class AbiJsonWriter {
  private AbiJsonWriter() {}

  /** The JSON ABI array of the given entries, in solc's member order. */
  public static String write(List<FragmentSpec> specs) {
    StringBuilder g = new StringBuilder(256 * specs.size() + 2);
    g.append('[');
    for (int i = 0; i < specs.size(); i++) {
      if (i > 0) {
        g.append(',');
      }
      entry(g, specs.get(i));
    }
    return g.append(']').toString();
  }

  private static void entry(StringBuilder g, FragmentSpec s) {
    g.append('{');
    switch (s.kind()) {
      case EVENT:
        bool(g, "anonymous", s.anonymous()).append(',');
        params(g, "inputs", s.inputs(), true).append(',');
        string(g, "name", s.name());
        break;
      case ERROR:
        params(g, "inputs", s.inputs(), false).append(',');
        string(g, "name", s.name());
        break;
      case FUNCTION:
        params(g, "inputs", s.inputs(), false).append(',');
        string(g, "name", s.name()).append(',');
        params(g, "outputs", s.outputs(), false).append(',');
        string(g, "stateMutability", s.stateMutability());
        break;
      case CONSTRUCTOR:
        params(g, "inputs", s.inputs(), false).append(',');
        string(g, "stateMutability", s.stateMutability());
        break;
      default:
        string(g, "stateMutability", s.stateMutability());
        break;
    }
    g.append(',');
    string(g, "type", s.kind().json());
    g.append('}');
  }

  private static StringBuilder params(
      StringBuilder g, String field, List<ParamSpec> ps, boolean event) {
    g.append('"').append(field).append("\":[");
    for (int i = 0; i < ps.size(); i++) {
      ParamSpec p = ps.get(i);
      if (i > 0) {
        g.append(',');
      }
      g.append('{');
      if (p.isTuple()) {
        params(g, "components", p.components(), false).append(',');
      }
      if (event) {
        bool(g, "indexed", p.indexed()).append(',');
      }
      if (p.internalType() != null) {
        string(g, "internalType", p.internalType()).append(',');
      }
      string(g, "name", p.name()).append(',');
      string(g, "type", p.type());
      g.append('}');
    }
    return g.append(']');
  }

  private static StringBuilder bool(StringBuilder g, String field, boolean v) {
    return g.append('"').append(field).append("\":").append(v);
  }

  private static StringBuilder string(StringBuilder g, String field, String v) {
    return g.append('"').append(field).append("\":").append(dev.cairn.core.json.Json.quote(v));
  }
}
