package dev.cairn.abi.internal;

import dev.cairn.abi.AbiException;
import dev.cairn.abi.AbiType;
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
 * Parser for type strings and human-readable parameter lists. Hand-written (no regex); nesting
 * of tuples and array suffixes together is bounded by {@link #MAX_DEPTH}.
 *
 * <p>In human-readable mode, whitespace is allowed between tokens, and each parameter may carry
 * a data location ({@code memory}, {@code calldata}, {@code storage}, ignored), an {@code indexed}
 * flag (if allowed) and a name.
 */
public final class TypeParser {
  /** Maximum nesting depth (tuples plus array dimensions). */
  public static final int MAX_DEPTH = 64;

  private final String s;
  private final boolean human;
  private int pos;

  private TypeParser(String s, boolean human) {
    this.s = s;
    this.human = human;
  }

  /** A parameter list: types, names (null entries when unnamed) and indexed flags. */
  public static final class Params {
    /** Parameter types. */
    public final List<AbiType<?>> types = new ArrayList<>();
    /** Parameter names (null when unnamed). */
    public final List<String> names = new ArrayList<>();
    /** Indexed flags (events). */
    public final List<Boolean> indexed = new ArrayList<>();

    /** The parameters as a tuple type with names. */
    public TupleType toTuple() {
      return TupleType.of(types, names);
    }
  }

  /** Parses a canonical type string (no whitespace). */
  public static AbiType<?> parseType(String s) {
    if (s == null) {
      throw new AbiException(AbiException.Reason.PARSE, "type: null");
    }
    TypeParser p = new TypeParser(s, false);
    AbiType<?> t = p.type(0);
    if (p.pos != s.length()) {
      throw p.error("unexpected character '" + s.charAt(p.pos) + "'");
    }
    return t;
  }

  /**
   * A parser positioned at {@code pos} of a human-readable string; used by {@code Function.parse}
   * and the JSON/human-readable ABI parsers.
   */
  public static TypeParser human(String s, int pos) {
    TypeParser p = new TypeParser(s, true);
    p.pos = pos;
    return p;
  }

  /** Current position. */
  public int pos() {
    return pos;
  }

  /** True at the end of the input (after skipping whitespace). */
  public boolean atEnd() {
    skipWs();
    return pos >= s.length();
  }

  /** Skips whitespace, then consumes {@code c} if it is next. */
  public boolean accept(char c) {
    skipWs();
    if (pos < s.length() && s.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  /** Skips whitespace and consumes {@code c}, or throws PARSE. */
  public void expect(char c) {
    if (!accept(c)) {
      throw error("expected '" + c + "'");
    }
  }

  /** Skips whitespace and returns the next identifier ({@code [A-Za-z_$][A-Za-z0-9_$]*}) or null. */
  public String identifier() {
    skipWs();
    int start = pos;
    while (pos < s.length() && isIdent(s.charAt(pos), pos == start)) {
      pos++;
    }
    return pos == start ? null : s.substring(start, pos);
  }

  /** Looks at the next identifier without consuming it. */
  public String peekIdentifier() {
    int save = pos;
    String id = identifier();
    pos = save;
    return id;
  }

  /** A PARSE exception at the current position. */
  public AbiException error(String problem) {
    return new AbiException(AbiException.Reason.PARSE, problem + " in \"" + clip() + "\"", pos);
  }

  private String clip() {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }

  private static boolean isIdent(char c, boolean first) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || (!first && c >= '0' && c <= '9');
  }

  private void skipWs() {
    if (human) {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }
  }

  /**
   * Parses {@code ( param, ... )} in human-readable mode.
   *
   * @param allowIndexed whether the {@code indexed} keyword is allowed (events)
   */
  public Params params(boolean allowIndexed) {
    return paramList(0, allowIndexed);
  }

  private Params paramList(int depth, boolean allowIndexed) {
    expect('(');
    Params ps = new Params();
    if (accept(')')) {
      return ps;
    }
    do {
      AbiType<?> t = type(depth + 1);
      boolean indexed = false;
      String name = null;
      String id = identifier();
      while (id != null) {
        if (allowIndexed && id.equals("indexed") && !indexed && name == null) {
          indexed = true;
        } else if ((id.equals("memory") || id.equals("calldata") || id.equals("storage")) && name == null) {
          // data location: irrelevant to the ABI
        } else if (name == null) {
          name = id;
        } else {
          pos -= id.length();
          throw error("unexpected word '" + id + "'");
        }
        id = identifier();
      }
      ps.types.add(t);
      ps.names.add(name);
      ps.indexed.add(indexed);
    } while (accept(','));
    expect(')');
    return ps;
  }

  private AbiType<?> type(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH);
    }
    skipWs();
    int start = pos;
    AbiType<?> t;
    if (pos < s.length() && s.charAt(pos) == '(') {
      t = tuple(depth);
    } else if (s.startsWith("tuple(", pos) || (human && s.startsWith("tuple", pos) && nextNonWs(pos + 5) == '(')) {
      pos += 5;
      t = tuple(depth);
    } else {
      t = elementary(start);
    }
    int dims = 0;
    while (true) {
      skipWsIfArray();
      if (pos >= s.length() || s.charAt(pos) != '[') {
        break;
      }
      if (depth + ++dims > MAX_DEPTH) {
        throw error("nesting deeper than " + MAX_DEPTH);
      }
      int at = pos;
      pos++;
      skipWs();
      int len = ArrayType.DYNAMIC;
      if (pos < s.length() && s.charAt(pos) != ']') {
        len = number("array length");
        skipWs();
      }
      if (pos >= s.length() || s.charAt(pos) != ']') {
        throw error("expected ']'");
      }
      pos++;
      try {
        t = ArrayType.of(t, len);
      } catch (AbiException e) {
        throw new AbiException(e.reason(), e.getMessage(), at);
      }
    }
    return t;
  }

  private void skipWsIfArray() {
    if (human) {
      int p = pos;
      while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
        p++;
      }
      if (p < s.length() && s.charAt(p) == '[') {
        pos = p;
      }
    }
  }

  private char nextNonWs(int p) {
    while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
      p++;
    }
    return p < s.length() ? s.charAt(p) : 0;
  }

  private AbiType<?> tuple(int depth) {
    if (human) {
      Params ps = paramList(depth, false);
      return ps.toTuple();
    }
    pos++; // '('
    List<AbiType<?>> cs = new ArrayList<>();
    if (pos < s.length() && s.charAt(pos) == ')') {
      pos++;
      return TupleType.EMPTY;
    }
    while (true) {
      cs.add(type(depth + 1));
      if (pos >= s.length()) {
        throw error("unterminated tuple, expected ')'");
      }
      char c = s.charAt(pos);
      if (c == ')') {
        pos++;
        break;
      }
      if (c != ',') {
        throw error("expected ',' or ')' but found '" + c + "'");
      }
      pos++;
    }
    try {
      return TupleType.of(cs, null);
    } catch (AbiException e) {
      throw new AbiException(e.reason(), e.getMessage(), pos);
    }
  }

  /** Digits without a leading zero, at most 7 of them; leaves pos after the digits. */
  private int number(String what) {
    int start = pos;
    while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
      pos++;
    }
    int n = pos - start;
    if (n == 0) {
      throw error("expected a number (" + what + ")");
    }
    if (s.charAt(start) == '0' && n > 1 || n > 7) {
      pos = start;
      throw error("malformed " + what);
    }
    return Integer.parseInt(s, start, pos, 10);
  }

  private AbiType<?> elementary(int start) {
    int p = pos;
    while (p < s.length() && ((s.charAt(p) >= 'a' && s.charAt(p) <= 'z') || (s.charAt(p) >= 'A' && s.charAt(p) <= 'Z'))) {
      p++;
    }
    if (p == start) {
      throw error(pos < s.length() ? "expected a type but found '" + s.charAt(pos) + "'" : "expected a type");
    }
    String base = s.substring(start, p);
    pos = p;
    boolean hasDigits = pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9';
    switch (base) {
      case "address":
      case "bool":
      case "string":
      case "function":
        if (hasDigits) {
          throw error("unknown type '" + base + "' followed by digits");
        }
        return base.equals("address")
            ? AddressType.INSTANCE
            : base.equals("bool") ? BoolType.INSTANCE : base.equals("string") ? StringType.INSTANCE : FunctionType.INSTANCE;
      case "bytes":
        if (!hasDigits) {
          return BytesType.INSTANCE;
        }
        return sized(start, "bytes", 1, 32, false);
      case "uint":
      case "int":
        if (!hasDigits) {
          return IntType.of(256, base.equals("int"));
        }
        return sized(start, base, 8, 256, true);
      case "fixed":
      case "ufixed":
        pos = start;
        throw new AbiException(
            AbiException.Reason.UNSUPPORTED,
            "fixed-point types (fixed/ufixed) are not supported by the Cairn ABI codec in \"" + clip() + "\"",
            start);
      default:
        pos = start;
        throw error("unknown type '" + base + "'");
    }
  }

  private AbiType<?> sized(int start, String base, int min, int max, boolean isInt) {
    int n = number(base + " size");
    if (n < min || n > max || (isInt && (n & 7) != 0)) {
      pos = start;
      throw error("invalid type " + base + n + (isInt ? " (N must be a multiple of 8 in 8..256)" : " (N must be in 1..32)"));
    }
    if (!isInt) {
      return FixedBytesType.of(n);
    }
    return IntType.of(n, base.equals("int"));
  }
}
