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
 * Parser for canonical type strings ({@code uint256}, {@code (address,bytes32[2])[]}, {@code
 * tuple(bool)}). Hand-written (no regex); nesting of tuples and array suffixes together is bounded
 * by {@link #MAX_DEPTH}. Human-readable fragments and parameter lists (whitespace, names, data
 * locations, {@code indexed}) are read by {@link FragmentParser}, which resolves the canonical type
 * strings it produces through this parser.
 */
public final class TypeParser {
  /** Maximum nesting depth (tuples plus array dimensions). */
  public static final int MAX_DEPTH = 64;

  private final String s;
  private int pos;

  private TypeParser(String s) {
    this.s = s;
  }

  /** Parses a canonical type string (no whitespace). */
  public static AbiType<?> parseType(String s) {
    if (s == null) {
      throw new AbiException(AbiException.Reason.PARSE, "type: null");
    }
    TypeParser p = new TypeParser(s);
    AbiType<?> t = p.type(0);
    if (p.pos != s.length()) {
      throw p.error("unexpected character '" + s.charAt(p.pos) + "'");
    }
    return t;
  }

  private AbiException error(String problem) {
    return new AbiException(AbiException.Reason.PARSE, problem + " in \"" + clip() + "\"", pos);
  }

  private String clip() {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }

  private AbiType<?> type(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH);
    }
    int start = pos;
    AbiType<?> t;
    if (pos < s.length() && s.charAt(pos) == '(') {
      t = tuple(depth);
    } else if (s.startsWith("tuple(", pos)) {
      pos += 5;
      t = tuple(depth);
    } else {
      t = elementary(start);
    }
    int dims = 0;
    while (true) {
      if (pos >= s.length() || s.charAt(pos) != '[') {
        break;
      }
      if (depth + ++dims > MAX_DEPTH) {
        throw error("nesting deeper than " + MAX_DEPTH);
      }
      int at = pos;
      pos++;
      int len = ArrayType.DYNAMIC;
      if (pos < s.length() && s.charAt(pos) != ']') {
        len = number("array length");
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

  private AbiType<?> tuple(int depth) {
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
