package dev.cairn.cli.abi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Command-line ABI values in the style of Foundry's {@code cast}: {@code [1,2,3]} for arrays,
 * {@code (1,0xabc...)} for tuples (both may nest), {@code "a, b"} for a string holding commas or
 * brackets, anything else as text. The result is the JSON shape {@link AbiValues} reads (with
 * every scalar as text, so use {@link AbiValues#lenient()}).
 */
public final class CastArgs {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CastArgs() {}

  /**
   * Parses one argument.
   *
   * @param arg the argument text
   * @param what names the argument in error messages (e.g. {@code argument 2})
   * @throws AbiInputException on unbalanced brackets or quotes
   */
  public static JsonNode parse(String arg, String what) {
    String s = arg.strip();
    if (s.startsWith("[") || s.startsWith("(")) {
      int[] pos = {0};
      JsonNode n = list(s, pos, what);
      if (pos[0] != s.length()) {
        throw AbiInputException.invalid(what, "unexpected text after position " + pos[0]);
      }
      return n;
    }
    return TextNode.valueOf(s.startsWith("\"") ? unquote(s, what) : arg);
  }

  private static ArrayNode list(String s, int[] pos, String what) {
    char open = s.charAt(pos[0]);
    char close = open == '[' ? ']' : ')';
    pos[0]++;
    ArrayNode out = NODES.arrayNode();
    skipSpaces(s, pos);
    if (pos[0] < s.length() && s.charAt(pos[0]) == close) {
      pos[0]++;
      return out;
    }
    while (true) {
      skipSpaces(s, pos);
      if (pos[0] >= s.length()) {
        throw AbiInputException.invalid(what, "missing '" + close + "'");
      }
      char c = s.charAt(pos[0]);
      if (c == '[' || c == '(') {
        out.add(list(s, pos, what));
      } else if (c == '"') {
        int end = closingQuote(s, pos[0], what);
        out.add(unquote(s.substring(pos[0], end + 1), what));
        pos[0] = end + 1;
      } else {
        int start = pos[0];
        while (pos[0] < s.length() && ",)]".indexOf(s.charAt(pos[0])) < 0) {
          pos[0]++;
        }
        out.add(s.substring(start, pos[0]).strip());
      }
      skipSpaces(s, pos);
      if (pos[0] >= s.length()) {
        throw AbiInputException.invalid(what, "missing '" + close + "'");
      }
      char sep = s.charAt(pos[0]++);
      if (sep == close) {
        return out;
      }
      if (sep != ',') {
        throw AbiInputException.invalid(what, "expected ',' or '" + close + "' at position "
            + (pos[0] - 1));
      }
    }
  }

  private static void skipSpaces(String s, int[] pos) {
    while (pos[0] < s.length() && s.charAt(pos[0]) == ' ') {
      pos[0]++;
    }
  }

  private static int closingQuote(String s, int open, String what) {
    for (int i = open + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    throw AbiInputException.invalid(what, "unterminated string starting at position " + open);
  }

  private static String unquote(String s, String what) {
    int end = closingQuote(s, 0, what);
    if (end != s.length() - 1) {
      throw AbiInputException.invalid(what, "unexpected text after the closing quote");
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i < end; i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < end) {
        c = s.charAt(++i);
      }
      sb.append(c);
    }
    return sb.toString();
  }
}
