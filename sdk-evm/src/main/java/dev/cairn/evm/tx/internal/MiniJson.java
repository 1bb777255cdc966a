package dev.cairn.evm.tx.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 JSON reader into a small tree, for the transaction codec of the offline part of
 * sdk-evm (which must not need Jackson). Numbers are kept as their text; duplicate keys, trailing
 * commas, comments, unescaped control characters, lone surrogates in escapes, and content after the
 * value are refused; nesting and size are bounded. Failures are {@link Malformed} with the offset.
 *
 * <p>Meant to be replaced by sdk-core's strict JSON package once it exists; the codec only uses
 * {@link Value}.
 */
public final class MiniJson {
  /** Deepest nesting accepted. */
  public static final int MAX_DEPTH = 64;
  /** Longest input accepted, in characters. */
  public static final int MAX_CHARS = 16 << 20;
  /** Longest number accepted, in characters. */
  public static final int MAX_NUMBER_CHARS = 1000;

  private final String s;
  private int pos;

  private MiniJson(String s) {
    this.s = s;
  }

  /** A JSON value's kind. */
  public enum Kind { OBJECT, ARRAY, STRING, NUMBER, TRUE, FALSE, NULL }

  /** A parsed value: immutable. */
  public static final class Value {
    private final Kind kind;
    private final String text; // string value, or number text
    private final Map<String, Value> fields; // in input order
    private final List<Value> items;

    private Value(Kind kind, String text, Map<String, Value> fields, List<Value> items) {
      this.kind = kind;
      this.text = text;
      this.fields = fields;
      this.items = items;
    }

    /** The kind. */
    public Kind kind() {
      return kind;
    }

    /** The string's value or the number's text; null for other kinds. */
    public String text() {
      return text;
    }

    /** An object's fields in input order (empty for other kinds). */
    public Map<String, Value> fields() {
      return fields;
    }

    /** An array's items (empty for other kinds). */
    public List<Value> items() {
      return items;
    }

    /** Whether a number has no fraction and no exponent. */
    public boolean isIntegral() {
      return kind == Kind.NUMBER && text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
    }

    /** "an object", "a string", ...: for messages. */
    public String typeName() {
      switch (kind) {
        case OBJECT: return "an object";
        case ARRAY: return "an array";
        case STRING: return "a string";
        case NUMBER: return "a number";
        case NULL: return "null";
        default: return "a boolean";
      }
    }
  }

  /** Malformed JSON, with the offset of the problem. */
  public static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int offset;

    Malformed(int offset, String problem) {
      super(problem + " at offset " + offset);
      this.offset = offset;
    }

    /** The character offset. */
    public int offset() {
      return offset;
    }
  }

  /** Parses one JSON value that fills {@code json} (whitespace around it allowed). */
  public static Value parse(String json) {
    if (json == null) {
      throw new Malformed(0, "no input");
    }
    if (json.length() > MAX_CHARS) {
      throw new Malformed(MAX_CHARS, "input longer than " + MAX_CHARS + " characters");
    }
    MiniJson p = new MiniJson(json);
    p.ws();
    Value v = p.value(0);
    p.ws();
    if (p.pos != json.length()) {
      throw new Malformed(p.pos, "content after the JSON value");
    }
    return v;
  }

  private void ws() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        pos++;
      } else {
        return;
      }
    }
  }

  private Value value(int depth) {
    if (pos >= s.length()) {
      throw new Malformed(pos, "unexpected end of input");
    }
    char c = s.charAt(pos);
    switch (c) {
      case '{': return object(depth + 1);
      case '[': return array(depth + 1);
      case '"': return new Value(Kind.STRING, string(), Collections.emptyMap(), Collections.emptyList());
      case 't': return literal("true", Kind.TRUE);
      case 'f': return literal("false", Kind.FALSE);
      case 'n': return literal("null", Kind.NULL);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw new Malformed(pos, "unexpected character '" + printable(c) + "'");
    }
  }

  private static String printable(char c) {
    return c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }

  private Value literal(String word, Kind kind) {
    if (!s.startsWith(word, pos)) {
      throw new Malformed(pos, "expected " + word);
    }
    pos += word.length();
    return new Value(kind, null, Collections.emptyMap(), Collections.emptyList());
  }

  private Value object(int depth) {
    if (depth > MAX_DEPTH) {
      throw new Malformed(pos, "nested deeper than " + MAX_DEPTH);
    }
    pos++; // {
    Map<String, Value> fields = new LinkedHashMap<>();
    ws();
    if (pos < s.length() && s.charAt(pos) == '}') {
      pos++;
      return new Value(Kind.OBJECT, null, Collections.unmodifiableMap(fields), Collections.emptyList());
    }
    while (true) {
      ws();
      if (pos >= s.length() || s.charAt(pos) != '"') {
        throw new Malformed(pos, "expected a field name");
      }
      int at = pos;
      String name = string();
      ws();
      expect(':');
      ws();
      Value v = value(depth);
      if (fields.putIfAbsent(name, v) != null) {
        throw new Malformed(at, "duplicate field '" + name + "'");
      }
      ws();
      if (pos < s.length() && s.charAt(pos) == ',') {
        pos++;
        continue;
      }
      expect('}');
      return new Value(Kind.OBJECT, null, Collections.unmodifiableMap(fields), Collections.emptyList());
    }
  }

  private Value array(int depth) {
    if (depth > MAX_DEPTH) {
      throw new Malformed(pos, "nested deeper than " + MAX_DEPTH);
    }
    pos++; // [
    List<Value> items = new ArrayList<>();
    ws();
    if (pos < s.length() && s.charAt(pos) == ']') {
      pos++;
      return new Value(Kind.ARRAY, null, Collections.emptyMap(), Collections.unmodifiableList(items));
    }
    while (true) {
      ws();
      items.add(value(depth));
      ws();
      if (pos < s.length() && s.charAt(pos) == ',') {
        pos++;
        continue;
      }
      expect(']');
      return new Value(Kind.ARRAY, null, Collections.emptyMap(), Collections.unmodifiableList(items));
    }
  }

  private void expect(char c) {
    if (pos >= s.length() || s.charAt(pos) != c) {
      throw new Malformed(pos, pos >= s.length() ? "unexpected end of input, expected '" + c + "'"
          : "expected '" + c + "', got '" + printable(s.charAt(pos)) + "'");
    }
    pos++;
  }

  private String string() {
    pos++; // "
    StringBuilder sb = null;
    int start = pos;
    while (true) {
      if (pos >= s.length()) {
        throw new Malformed(pos, "unterminated string");
      }
      char c = s.charAt(pos);
      if (c == '"') {
        String out = sb == null ? s.substring(start, pos) : sb.append(s, start, pos).toString();
        pos++;
        return out;
      }
      if (c < 0x20) {
        throw new Malformed(pos, "unescaped control character in a string");
      }
      if (c != '\\') {
        pos++;
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder();
      }
      sb.append(s, start, pos);
      pos++;
      if (pos >= s.length()) {
        throw new Malformed(pos, "unterminated escape");
      }
      char e = s.charAt(pos++);
      switch (e) {
        case '"': sb.append('"'); break;
        case '\\': sb.append('\\'); break;
        case '/': sb.append('/'); break;
        case 'b': sb.append('\b'); break;
        case 'f': sb.append('\f'); break;
        case 'n': sb.append('\n'); break;
        case 'r': sb.append('\r'); break;
        case 't': sb.append('\t'); break;
        case 'u': {
          char u = hex4();
          if (Character.isHighSurrogate(u)) {
            if (!s.startsWith("\\u", pos)) {
              throw new Malformed(pos, "lone high surrogate in a \\u escape");
            }
            pos += 2;
            char low = hex4();
            if (!Character.isLowSurrogate(low)) {
              throw new Malformed(pos - 6, "high surrogate not followed by a low surrogate");
            }
            sb.append(u).append(low);
          } else if (Character.isLowSurrogate(u)) {
            throw new Malformed(pos - 6, "lone low surrogate in a \\u escape");
          } else {
            sb.append(u);
          }
          break;
        }
        default:
          throw new Malformed(pos - 1, "invalid escape '\\" + printable(e) + "'");
      }
      start = pos;
    }
  }

  private char hex4() {
    if (pos + 4 > s.length()) {
      throw new Malformed(pos, "truncated \\u escape");
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = Character.digit(s.charAt(pos + i), 16);
      if (d < 0) {
        throw new Malformed(pos + i, "not a hex digit in a \\u escape");
      }
      v = v << 4 | d;
    }
    pos += 4;
    return (char) v;
  }

  private Value number() {
    int start = pos;
    if (s.charAt(pos) == '-') {
      pos++;
    }
    if (pos >= s.length()) {
      throw new Malformed(pos, "truncated number");
    }
    if (s.charAt(pos) == '0') {
      pos++;
    } else if (s.charAt(pos) >= '1' && s.charAt(pos) <= '9') {
      digits();
    } else {
      throw new Malformed(pos, "expected a digit");
    }
    if (pos < s.length() && s.charAt(pos) == '.') {
      pos++;
      if (digits() == 0) {
        throw new Malformed(pos, "expected a digit after '.'");
      }
    }
    if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
      pos++;
      if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
        pos++;
      }
      if (digits() == 0) {
        throw new Malformed(pos, "expected a digit in the exponent");
      }
    }
    if (pos - start > MAX_NUMBER_CHARS) {
      throw new Malformed(start, "number longer than " + MAX_NUMBER_CHARS + " characters");
    }
    return new Value(Kind.NUMBER, s.substring(start, pos), Collections.emptyMap(), Collections.emptyList());
  }

  private int digits() {
    int n = 0;
    while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
      pos++;
      n++;
    }
    return n;
  }

  /** Appends {@code v} as a JSON string literal (quotes and escapes) to {@code out}. */
  public static void writeString(StringBuilder out, String v) {
    out.append('"');
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default:
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }
}
