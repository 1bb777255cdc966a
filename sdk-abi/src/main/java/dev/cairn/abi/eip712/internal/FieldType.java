package dev.cairn.abi.eip712.internal;

import dev.cairn.abi.AbiException;
import java.util.Set;

/**
 * A parsed EIP-712 member type: an atomic type ({@code uintN}, {@code intN}, {@code bool},
 * {@code address}, {@code bytesN}), a dynamic type ({@code bytes}, {@code string}), a reference to
 * a struct type, or an array ({@code T[]} or {@code T[k]}) of any of these.
 */
public final class FieldType {
  /** What a type is. */
  public enum Kind {
    /** {@code uint8} .. {@code uint256}; {@link #size()} is the bit width. */
    UINT,
    /** {@code int8} .. {@code int256}; {@link #size()} is the bit width. */
    INT,
    /** {@code bool}. */
    BOOL,
    /** {@code address}. */
    ADDRESS,
    /** {@code bytes1} .. {@code bytes32}; {@link #size()} is the byte length. */
    FIXED_BYTES,
    /** {@code bytes} (hashed). */
    BYTES,
    /** {@code string} (UTF-8, hashed). */
    STRING,
    /** A struct declared in the typed data; {@link #structName()} names it. */
    STRUCT,
    /** {@code T[]} ({@link #size()} is -1) or {@code T[k]} ({@link #size()} is k). */
    ARRAY
  }

  private final Kind kind;
  private final int size;
  private final String structName;
  private final FieldType element;

  private FieldType(Kind kind, int size, String structName, FieldType element) {
    this.kind = kind;
    this.size = size;
    this.structName = structName;
    this.element = element;
  }

  /** The kind of type. */
  public Kind kind() {
    return kind;
  }

  /** Bit width (integers), byte length (bytesN), array length (-1 for dynamic arrays), else 0. */
  public int size() {
    return size;
  }

  /** The struct's name for {@link Kind#STRUCT}, else null. */
  public String structName() {
    return structName;
  }

  /** The element type for {@link Kind#ARRAY}, else null. */
  public FieldType element() {
    return element;
  }

  /**
   * Parses a member type string.
   *
   * @param type the type as written in the typed data
   * @param structs the names of the declared struct types
   * @param where the path named in error messages ({@code types.Mail.from})
   * @throws AbiException INVALID_TYPE for an undeclared or malformed type
   */
  public static FieldType parse(String type, Set<String> structs, String where) {
    if (type == null || type.isEmpty()) {
      throw new AbiException(AbiException.Reason.INVALID_TYPE, where + ": missing type");
    }
    int end = type.length();
    if (type.charAt(end - 1) == ']') {
      int open = type.lastIndexOf('[');
      if (open <= 0) {
        throw new AbiException(
            AbiException.Reason.INVALID_TYPE, where + ": malformed array type '" + type + "'");
      }
      int length = arrayLength(type, open + 1, end - 1, where);
      FieldType elem = parse(type.substring(0, open), structs, where);
      return new FieldType(Kind.ARRAY, length, null, elem);
    }
    if (structs.contains(type)) {
      return new FieldType(Kind.STRUCT, 0, type, null);
    }
    switch (type) {
      case "bool":
        return new FieldType(Kind.BOOL, 0, null, null);
      case "address":
        return new FieldType(Kind.ADDRESS, 0, null, null);
      case "bytes":
        return new FieldType(Kind.BYTES, 0, null, null);
      case "string":
        return new FieldType(Kind.STRING, 0, null, null);
      default:
        break;
    }
    if (type.startsWith("uint")) {
      return new FieldType(Kind.UINT, intBits(type, 4, where), null, null);
    }
    if (type.startsWith("int")) {
      return new FieldType(Kind.INT, intBits(type, 3, where), null, null);
    }
    if (type.startsWith("bytes")) {
      int n = digits(type, 5, type.length());
      if (n < 1 || n > 32) {
        throw undeclared(type, where);
      }
      return new FieldType(Kind.FIXED_BYTES, n, null, null);
    }
    throw undeclared(type, where);
  }

  /**
   * Whether {@code name} is usable as a struct type name: letters, digits, {@code _}, {@code $}
   * and {@code :} only, and not the name of a Solidity elementary type (so that it cannot shadow
   * one: {@code uint7}, {@code bytes33} and {@code int} are rejected as struct names too).
   */
  public static boolean isValidStructName(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '$'
              || c == ':';
      if (!ok) {
        return false;
      }
    }
    if (name.equals("address") || name.equals("bool") || name.equals("string")) {
      return false;
    }
    int prefix =
        name.startsWith("uint") ? 4 : name.startsWith("int") ? 3 : name.startsWith("bytes") ? 5 : -1;
    if (prefix < 0) {
      return true;
    }
    for (int i = prefix; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9') {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code name} is usable as a member name: letters, digits, {@code _} and {@code $}. */
  public static boolean isValidFieldName(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '$';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static int intBits(String type, int from, String where) {
    int bits = digits(type, from, type.length());
    if (bits < 8 || bits > 256 || bits % 8 != 0) {
      throw undeclared(type, where);
    }
    return bits;
  }

  private static int arrayLength(String type, int from, int to, String where) {
    if (from == to) {
      return -1;
    }
    int n = digits(type, from, to);
    if (n < 1 || type.charAt(from) == '0') {
      throw new AbiException(
          AbiException.Reason.INVALID_TYPE,
          where + ": array length in '" + type + "' must be a positive decimal without leading zeros");
    }
    return n;
  }

  /** Decimal value of type[from, to), or -1 if empty, not all digits, or above 10^6. */
  private static int digits(String s, int from, int to) {
    if (from >= to || to - from > 7) {
      return -1;
    }
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    if (to - from > 1 && s.charAt(from) == '0') {
      return -1;
    }
    return v;
  }

  private static AbiException undeclared(String type, String where) {
    return new AbiException(
        AbiException.Reason.INVALID_TYPE,
        where + ": type '" + type + "' is neither an EIP-712 atomic type nor a declared struct");
  }
}
