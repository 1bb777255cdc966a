package dev.cairn.cli.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/** Small helpers for error messages. */
final class Text {
  private static final int CLIP = 64;

  private Text() {}

  /** Shortens a non-secret user string (an op or field name) for quoting in a message. */
  static String clip(String s) {
    StringBuilder sb = new StringBuilder(Math.min(s.length(), CLIP) + 3);
    for (int i = 0; i < s.length() && i < CLIP; i++) {
      char c = s.charAt(i);
      sb.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    if (s.length() > CLIP) {
      sb.append("...");
    }
    return sb.toString();
  }

  /** The JSON type of a node, for messages. */
  static String typeName(JsonNode v) {
    switch (v.getNodeType()) {
      case ARRAY:
        return "an array";
      case OBJECT:
        return "an object";
      case BOOLEAN:
        return "a boolean";
      case NUMBER:
        return "a number";
      case STRING:
        return "a string";
      case NULL:
        return "null";
      default:
        return "a " + v.getNodeType().name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Whether the message quotes any of the secrets, or any whitespace-separated word of them
   * (mnemonic words), compared case-insensitively.
   */
  static boolean quotesSecret(String message, List<String> secrets) {
    if (message == null) {
      return false;
    }
    String m = message.toLowerCase(Locale.ROOT);
    for (String secret : secrets) {
      if (secret.isEmpty()) {
        continue;
      }
      String s = secret.toLowerCase(Locale.ROOT);
      if (m.contains(s.strip()) && !s.isBlank()) {
        return true;
      }
      int i = 0;
      while (i < s.length()) {
        while (i < s.length() && isSpace(s.charAt(i))) {
          i++;
        }
        int start = i;
        while (i < s.length() && !isSpace(s.charAt(i))) {
          i++;
        }
        if (i > start && m.contains(s.substring(start, i))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
