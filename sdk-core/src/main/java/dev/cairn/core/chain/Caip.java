package dev.cairn.core.chain;

import dev.cairn.core.encoding.DecodingException;

/** Hand-written character checks for CAIP-2 and CAIP-10 (no regex). */
final class Caip {
  static final int NAMESPACE_MIN = 3;
  static final int NAMESPACE_MAX = 8;
  static final int REFERENCE_MAX = 32;
  static final int ADDRESS_MAX = 128;

  private Caip() {}

  /** [-a-z0-9]{3,8} */
  static void checkNamespace(String field, String s, int baseOffset) {
    if (s == null) {
      throw new DecodingException(field, -1, "is null");
    }
    checkLength(field, s, NAMESPACE_MIN, NAMESPACE_MAX, baseOffset);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c == '-' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
        throw badChar(field, c, baseOffset + i, "[-a-z0-9]");
      }
    }
  }

  /** [-_a-zA-Z0-9]{1,32} */
  static void checkReference(String field, String s, int baseOffset) {
    if (s == null) {
      throw new DecodingException(field, -1, "is null");
    }
    checkLength(field, s, 1, REFERENCE_MAX, baseOffset);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c == '-' || c == '_' || isAlnum(c))) {
        throw badChar(field, c, baseOffset + i, "[-_a-zA-Z0-9]");
      }
    }
  }

  /** [-.%a-zA-Z0-9]{1,128} */
  static void checkAddress(String field, String s, int baseOffset) {
    if (s == null) {
      throw new DecodingException(field, -1, "is null");
    }
    checkLength(field, s, 1, ADDRESS_MAX, baseOffset);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c == '-' || c == '.' || c == '%' || isAlnum(c))) {
        throw badChar(field, c, baseOffset + i, "[-.%a-zA-Z0-9]");
      }
    }
  }

  static boolean isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  static boolean isBase58(char c) {
    return (c >= '1' && c <= '9')
        || (c >= 'A' && c <= 'Z' && c != 'I' && c != 'O')
        || (c >= 'a' && c <= 'z' && c != 'l');
  }

  private static void checkLength(String field, String s, int min, int max, int baseOffset) {
    if (s.length() < min || s.length() > max) {
      throw new DecodingException(
          field, baseOffset, "length " + s.length() + " is outside " + min + ".." + max);
    }
  }

  private static DecodingException badChar(String field, char c, int offset, String allowed) {
    String shown = c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    return new DecodingException(field, offset, "character " + shown + " is not in " + allowed);
  }
}
