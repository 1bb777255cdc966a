package dev.cairn.core.json;

import dev.cairn.core.encoding.DecodingException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Strict RFC 8259 JSON: {@link #parse(String)} and {@link #write(JsonValue)}.
 *
 * <p>The parser accepts exactly one JSON value surrounded by optional whitespace and rejects
 * everything else: trailing content, leading zeros, {@code NaN}/{@code Infinity}, comments,
 * invalid escapes, unescaped control characters, lone surrogates (raw or escaped; an escaped high
 * surrogate must be followed by an escaped low one), duplicate keys and a byte order mark. Every
 * problem is a {@link DecodingException} whose field is {@code "json"} followed by the JSON
 * pointer of the value being read (e.g. {@code json/abi/3/name}) and whose offset is the character
 * offset of the problem. The bounds of {@link JsonLimits} apply ({@link JsonLimits#defaults()}
 * unless given).
 *
 * <p>The writer emits compact JSON, escaping exactly as ECMAScript's {@code JSON.stringify}: only
 * {@code "}, {@code \}, control characters below U+0020 ({@code \b \f \n \r \t}, others as
 * {@code \}{@code u00xx} in lower case) and lone surrogates ({@code \}{@code udxxx}); {@code <},
 * {@code >}, {@code &} and non-ASCII characters are written as they are. Numbers are written as
 * their literal text. {@link #write} keeps member order; {@link #writeCanonical} sorts members by
 * key in UTF-16 code unit order at every level (the Cosmos amino sign-doc form of CosmJS {@code
 * sortedJsonStringify}).
 */
public final class Json {
  /** Deepest nesting the writer accepts (a built value may be deeper than any parse limit). */
  public static final int MAX_WRITE_DEPTH = 1024;

  private Json() {}

  /** Parses {@code text} under the default limits. */
  public static JsonValue parse(String text) {
    return parse(text, JsonLimits.defaults());
  }

  /**
   * Parses {@code text}.
   *
   * @throws DecodingException if it is not exactly one valid JSON value within {@code limits}
   */
  public static JsonValue parse(String text, JsonLimits limits) {
    if (text == null) {
      throw new DecodingException("json", -1, "missing document (null)");
    }
    if (text.length() > limits.maxDocumentLength()) {
      throw new DecodingException(
          "json",
          -1,
          "document of " + text.length() + " characters exceeds the limit of "
              + limits.maxDocumentLength());
    }
    char[] chars = text.toCharArray();
    return JsonParser.parse(chars, chars.length, limits);
  }

  /** Parses UTF-8 {@code bytes} under the default limits. */
  public static JsonValue parse(byte[] utf8) {
    return parse(utf8, JsonLimits.defaults());
  }

  /**
   * Parses UTF-8 {@code bytes}. Malformed UTF-8 is rejected with its byte offset; the offsets of
   * JSON problems are character (UTF-16 unit) offsets in the decoded text.
   *
   * @throws DecodingException if the bytes are not UTF-8 or not exactly one valid JSON value
   */
  public static JsonValue parse(byte[] utf8, JsonLimits limits) {
    if (utf8 == null) {
      throw new DecodingException("json", -1, "missing document (null)");
    }
    if (utf8.length > limits.maxDocumentLength()) {
      throw new DecodingException(
          "json",
          -1,
          "document of " + utf8.length + " bytes exceeds the limit of "
              + limits.maxDocumentLength());
    }
    CharsetDecoder dec =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(utf8);
    CharBuffer out = CharBuffer.allocate(utf8.length);
    CoderResult r = dec.decode(in, out, true);
    if (!r.isError()) {
      r = dec.flush(out);
    }
    if (r.isError()) {
      throw new DecodingException("json", in.position(), "invalid UTF-8");
    }
    return JsonParser.parse(out.array(), out.position(), limits);
  }

  /** Compact JSON text of {@code value}, members in their order. */
  public static String write(JsonValue value) {
    StringBuilder sb = new StringBuilder(64);
    write(sb, value, false, 0);
    return sb.toString();
  }

  /**
   * Compact JSON text of {@code value} with the members of every object sorted by key in UTF-16
   * code unit order ({@link String#compareTo}, the order of JavaScript's default sort), as CosmJS
   * {@code sortedJsonStringify} produces for amino sign docs.
   */
  public static String writeCanonical(JsonValue value) {
    StringBuilder sb = new StringBuilder(64);
    write(sb, value, true, 0);
    return sb.toString();
  }

  /** {@code value} as a quoted JSON string literal, escaped as {@code JSON.stringify} does. */
  public static String quote(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2);
    quote(sb, value);
    return sb.toString();
  }

  private static void write(StringBuilder sb, JsonValue v, boolean sorted, int depth) {
    switch (v.kind()) {
      case OBJECT:
        {
          checkDepth(depth);
          Map<String, JsonValue> m = ((JsonObject) v).members();
          sb.append('{');
          if (sorted) {
            String[] keys = m.keySet().toArray(new String[0]);
            Arrays.sort(keys);
            for (int i = 0; i < keys.length; i++) {
              if (i > 0) {
                sb.append(',');
              }
              quote(sb, keys[i]);
              sb.append(':');
              write(sb, m.get(keys[i]), true, depth + 1);
            }
          } else {
            boolean first = true;
            for (Map.Entry<String, JsonValue> e : m.entrySet()) {
              if (!first) {
                sb.append(',');
              }
              first = false;
              quote(sb, e.getKey());
              sb.append(':');
              write(sb, e.getValue(), false, depth + 1);
            }
          }
          sb.append('}');
          return;
        }
      case ARRAY:
        {
          checkDepth(depth);
          List<JsonValue> a = ((JsonArray) v).elements();
          sb.append('[');
          for (int i = 0; i < a.size(); i++) {
            if (i > 0) {
              sb.append(',');
            }
            write(sb, a.get(i), sorted, depth + 1);
          }
          sb.append(']');
          return;
        }
      case STRING:
        quote(sb, ((JsonString) v).value());
        return;
      case NUMBER:
        sb.append(((JsonNumber) v).literal());
        return;
      case BOOLEAN:
        sb.append(((JsonBoolean) v).value() ? "true" : "false");
        return;
      default:
        sb.append("null");
    }
  }

  private static void checkDepth(int depth) {
    if (depth >= MAX_WRITE_DEPTH) {
      throw new IllegalArgumentException("value nested deeper than " + MAX_WRITE_DEPTH + " levels");
    }
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    int n = s.length();
    int run = 0; // start of the pending run of characters written as they are
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\' && (c < 0xD800 || c > 0xDFFF)) {
        continue;
      }
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n) {
        char d = s.charAt(i + 1);
        if (d >= 0xDC00 && d <= 0xDFFF) {
          i++; // a well-formed pair: as it is
          continue;
        }
      }
      sb.append(s, run, i);
      run = i + 1;
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\b':
          sb.append("\\b");
          break;
        case '\f':
          sb.append("\\f");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default: // other control characters and lone surrogates
          sb.append("\\u")
              .append(HEX[(c >> 12) & 15])
              .append(HEX[(c >> 8) & 15])
              .append(HEX[(c >> 4) & 15])
              .append(HEX[c & 15]);
      }
    }
    sb.append(s, run, n).append('"');
  }

}
