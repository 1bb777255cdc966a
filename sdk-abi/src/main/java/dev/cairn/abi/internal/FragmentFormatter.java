package dev.cairn.abi.internal;

import java.util.List;

/**
 * Formats a {@link FragmentSpec} as a human-readable fragment that {@link FragmentParser} reads
 * back to an equal spec (internal types are not part of the human-readable form).
 */
public final class FragmentFormatter {
  private FragmentFormatter() {}

  /** The full human-readable form, e.g. {@code function f(uint256 a) view returns (bool)}. */
  public static String format(FragmentSpec f) {
    StringBuilder sb = new StringBuilder(64);
    switch (f.kind()) {
      case FUNCTION:
        sb.append("function ").append(f.name());
        params(sb, f.inputs(), true);
        if (!f.stateMutability().equals("nonpayable")) {
          sb.append(' ').append(f.stateMutability());
        }
        if (!f.outputs().isEmpty()) {
          sb.append(" returns ");
          params(sb, f.outputs(), true);
        }
        break;
      case EVENT:
        sb.append("event ").append(f.name());
        params(sb, f.inputs(), true);
        if (f.anonymous()) {
          sb.append(" anonymous");
        }
        break;
      case ERROR:
        sb.append("error ").append(f.name());
        params(sb, f.inputs(), true);
        break;
      case CONSTRUCTOR:
        sb.append("constructor");
        params(sb, f.inputs(), true);
        if (f.stateMutability().equals("payable")) {
          sb.append(" payable");
        }
        break;
      case FALLBACK:
        sb.append("fallback() external");
        if (f.stateMutability().equals("payable")) {
          sb.append(" payable");
        }
        break;
      case RECEIVE:
        sb.append("receive() external payable");
        break;
      default:
        throw new IllegalStateException(f.kind().toString());
    }
    return sb.toString();
  }

  /** A parameter list with names and indexed flags, in parentheses. */
  public static void params(StringBuilder sb, List<ParamSpec> params, boolean names) {
    sb.append('(');
    for (int i = 0; i < params.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      param(sb, params.get(i), names);
    }
    sb.append(')');
  }

  /** One parameter: {@code type [indexed] [name]}. */
  public static void param(StringBuilder sb, ParamSpec p, boolean names) {
    if (p.isTuple()) {
      params(sb, p.components(), names);
      sb.append(p.tupleSuffix());
    } else {
      sb.append(p.type());
    }
    if (p.indexed()) {
      sb.append(" indexed");
    }
    if (names && !p.name().isEmpty()) {
      sb.append(' ').append(p.name());
    }
  }
}
