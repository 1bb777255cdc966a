package dev.cairn.abi.codegen.internal;

import java.util.Set;

/** Identifier helpers: Java-safe names, UPPER_SNAKE constants, capitalisation. */
public final class Names {
  private static final Set<String> KEYWORDS =
      Set.of(
          "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class",
          "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
          "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
          "interface", "long", "native", "new", "package", "private", "protected", "public",
          "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
          "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false",
          "null", "var", "yield", "record", "sealed", "permits", "_");

  /**
   * Names a variable or record component must not take: Object/Record members, our record
   * methods, and the simple names of types the generated code refers to (a variable of that name
   * would obscure the type in expressions such as {@code Tuple.of(...)}).
   */
  private static final Set<String> MEMBER_NAMES =
      Set.of(
          "hashCode", "toString", "equals", "getClass", "notify", "notifyAll", "wait", "clone",
          "finalize", "toTuple", "fromTuple", "Tuple", "Address", "BigInteger", "List",
          "Collectors", "Arrays", "Objects", "Optional", "Hex", "AbiException", "Function", "Event",
          "AbiError", "AbiTypes", "DecodedLog", "IndexedHash", "TopicFilter", "Boolean", "Number",
          "String", "Integer", "Long", "Override");

  private Names() {}

  /** Whether {@code s} is a Java keyword or reserved identifier. */
  public static boolean isKeyword(String s) {
    return KEYWORDS.contains(s);
  }

  /** Whether {@code s} is a syntactically valid Java identifier (keywords aside). */
  public static boolean isIdentifier(String s) {
    if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      if (!Character.isJavaIdentifierPart(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A Java variable/component name for a Solidity parameter: the Solidity name when usable,
   * suffixed with {@code _} when it is a keyword, a member name, a type name the generated code
   * uses, a generated lambda name ({@code e0}, {@code e1}, ...) or looks like a generated constant
   * ({@code FUNCTION_...}, {@code EVENT_...}, {@code ERROR_...}); {@code fallback} when empty.
   */
  public static String variable(String solidityName, String fallback) {
    if (solidityName.isEmpty() || !isIdentifier(solidityName)) {
      return fallback;
    }
    if (isKeyword(solidityName)
        || MEMBER_NAMES.contains(solidityName)
        || isLambdaName(solidityName)
        || solidityName.startsWith("FUNCTION_")
        || solidityName.startsWith("EVENT_")
        || solidityName.startsWith("ERROR_")) {
      return solidityName + "_";
    }
    return solidityName;
  }

  private static boolean isLambdaName(String s) {
    if (s.length() < 2 || s.charAt(0) != 'e') {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** {@code s} with its first character upper-cased. */
  public static String capitalize(String s) {
    if (s.isEmpty()) {
      return s;
    }
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /**
   * UPPER_SNAKE form of a camelCase name: {@code balanceOf} -> {@code BALANCE_OF}, {@code tokenURI}
   * -> {@code TOKEN_URI}, {@code ERC20InsufficientBalance} -> {@code ERC20_INSUFFICIENT_BALANCE}.
   */
  public static String upperSnake(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '$') {
        c = '_';
      }
      if (i > 0 && Character.isUpperCase(c)) {
        char prev = s.charAt(i - 1);
        boolean nextLower = i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1));
        if (Character.isLowerCase(prev)
            || Character.isDigit(prev)
            || (Character.isUpperCase(prev) && nextLower)) {
          if (b.length() > 0 && b.charAt(b.length() - 1) != '_') {
            b.append('_');
          }
        }
      }
      b.append(Character.toUpperCase(c));
    }
    return b.toString();
  }

  /**
   * A Java class name from an ABI file name: the extension ({@code .json}, {@code .abi.json},
   * {@code .abi}) dropped, split at characters that cannot be in an identifier, each part
   * capitalised: {@code erc20.json} -> {@code Erc20}, {@code my-token.abi.json} -> {@code MyToken}.
   */
  public static String classNameForFile(String fileName) {
    String base = fileName;
    int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
    base = base.substring(slash + 1);
    for (String ext : new String[] {".json", ".abi"}) {
      if (base.endsWith(ext)) {
        base = base.substring(0, base.length() - ext.length());
      }
    }
    StringBuilder b = new StringBuilder();
    boolean upperNext = true;
    for (int i = 0; i < base.length(); i++) {
      char c = base.charAt(i);
      if (Character.isLetterOrDigit(c) && c < 128) {
        b.append(upperNext ? Character.toUpperCase(c) : c);
        upperNext = false;
      } else {
        upperNext = true;
      }
    }
    if (b.length() == 0 || Character.isDigit(b.charAt(0))) {
      b.insert(0, "Contract");
    }
    return b.toString();
  }
}
