package dev.cairn.abi.internal;

/**
 * Recognises elementary Solidity type names without regular expressions and spells them
 * canonically ({@code uint} becomes {@code uint256}, {@code int} becomes {@code int256}). Fixed
 * point types are not supported by the codec and are not recognised.
 */
public final class ElementaryTypes {
  private ElementaryTypes() {}

  /**
   * The canonical spelling of the elementary type {@code s[from, to)}, or {@code null} when it is
   * not an elementary type name.
   */
  public static String canonical(String s, int from, int to) {
    int len = to - from;
    switch (len) {
      case 3:
        if (s.startsWith("int", from)) {
          return "int256";
        }
        break;
      case 4:
        if (s.startsWith("uint", from)) {
          return "uint256";
        }
        if (s.startsWith("bool", from)) {
          return "bool";
        }
        break;
      case 5:
        if (s.startsWith("bytes", from)) {
          return "bytes";
        }
        break;
      case 6:
        if (s.startsWith("string", from)) {
          return "string";
        }
        break;
      case 7:
        if (s.startsWith("address", from)) {
          return "address";
        }
        break;
      case 8:
        if (s.startsWith("function", from)) {
          return "function";
        }
        break;
      default:
        break;
    }
    if (s.startsWith("uint", from)) {
      return bits(s, from + 4, to) ? s.substring(from, to) : null;
    }
    if (s.startsWith("int", from)) {
      return bits(s, from + 3, to) ? s.substring(from, to) : null;
    }
    if (s.startsWith("bytes", from)) {
      int n = number(s, from + 5, to);
      return n >= 1 && n <= 32 ? s.substring(from, to) : null;
    }
    return null;
  }

  /** The canonical spelling of {@code s}, or {@code null}. */
  public static String canonical(String s) {
    return canonical(s, 0, s.length());
  }

  private static boolean bits(String s, int from, int to) {
    int n = number(s, from, to);
    return n >= 8 && n <= 256 && n % 8 == 0;
  }

  /** A decimal number without leading zeros in s[from, to), at most 3 digits; -1 otherwise. */
  private static int number(String s, int from, int to) {
    int len = to - from;
    if (len < 1 || len > 3 || s.charAt(from) == '0') {
      return -1;
    }
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
