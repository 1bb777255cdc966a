package dev.cairn.testing.node.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON writer and reader for the kit's node-control calls, so that the kit needs no JSON
 * library. Values are plain Java: {@code null}, {@link Boolean}, {@link String}, numbers ({@link
 * Long} when an integer fits, else {@link BigInteger}; {@link BigDecimal} for fractions), {@link
 * List} and {@link Map} (insertion-ordered, unmodifiable).
 */
public final class MiniJson {
  /** Nesting limit of {@link #parse}. */
  public static final int MAX_DEPTH = 256;

  private final String s;
  private int i;

  private MiniJson(String s) {
    this.s = s;
  }

  /** Writes a value (null, Boolean, Number, CharSequence, List, Object[], Map with String keys). */
  public static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, 0);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object v, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("JSON value nested deeper than " + MAX_DEPTH);
    }
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Boolean) {
      sb.append(v);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
        || v instanceof BigInteger) {
      sb.append(v);
    } else if (v instanceof BigDecimal) {
      sb.append(((BigDecimal) v).toPlainString());
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("JSON has no " + d);
      }
      sb.append(v);
    } else if (v instanceof CharSequence) {
      quote(sb, v.toString());
    } else if (v instanceof Map) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        if (!(e.getKey() instanceof String)) {
          throw new IllegalArgumentException("JSON object key is not a String: " + e.getKey());
        }
        if (!first) {
          sb.append(',');
        }
        first = false;
        quote(sb, (String) e.getKey());
        sb.append(':');
        write(sb, e.getValue(), depth + 1);
      }
      sb.append('}');
    } else if (v instanceof Iterable || v instanceof Object[]) {
      Iterable<?> it = v instanceof Object[] ? Arrays.asList((Object[]) v) : (Iterable<?>) v;
      sb.append('[');
      boolean first = true;
      for (Object o : it) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        write(sb, o, depth + 1);
      }
      sb.append(']');
    } else {
      throw new IllegalArgumentException("cannot write a " + v.getClass().getName() + " as JSON");
    }
  }

  /** Appends {@code str} as a JSON string literal (non-ASCII escaped, so any charset is safe). */
  public static void quote(StringBuilder sb, String str) {
    sb.append('"');
    for (int k = 0; k < str.length(); k++) {
      char c = str.charAt(k);
      switch (c) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        default:
          if (c < 0x20 || c > 0x7e) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }

  /**
   * Parses one JSON value (the whole text).
   *
   * @throws IllegalArgumentException naming the offset of the first error
   */
  public static Object parse(String text) {
    MiniJson p = new MiniJson(text);
    p.ws();
    Object v = p.value(0);
    p.ws();
    if (p.i != text.length()) {
      throw p.error("trailing characters");
    }
    return v;
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("JSON: " + what + " at offset " + i);
  }

  private void ws() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      i++;
    }
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH);
    }
    if (i >= s.length()) {
      throw error("unexpected end");
    }
    char c = s.charAt(i);
    switch (c) {
      case '{': return object(depth);
      case '[': return array(depth);
      case '"': return string();
      case 't': return literal("true", Boolean.TRUE);
      case 'f': return literal("false", Boolean.FALSE);
      case 'n': return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character '" + c + "'");
    }
  }

  private Object literal(String word, Object v) {
    if (!s.startsWith(word, i)) {
      throw error("expected " + word);
    }
    i += word.length();
    return v;
  }

  private Map<String, Object> object(int depth) {
    i++;
    Map<String, Object> m = new LinkedHashMap<>();
    ws();
    if (i < s.length() && s.charAt(i) == '}') {
      i++;
      return Collections.unmodifiableMap(m);
    }
    while (true) {
      ws();
      if (i >= s.length() || s.charAt(i) != '"') {
        throw error("expected a member name");
      }
      String k = string();
      ws();
      if (i >= s.length() || s.charAt(i) != ':') {
        throw error("expected ':'");
      }
      i++;
      ws();
      m.put(k, value(depth + 1));
      ws();
      if (i >= s.length()) {
        throw error("unexpected end in object");
      }
      char c = s.charAt(i++);
      if (c == '}') {
        return Collections.unmodifiableMap(m);
      }
      if (c != ',') {
        i--;
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Object> array(int depth) {
    i++;
    List<Object> l = new ArrayList<>();
    ws();
    if (i < s.length() && s.charAt(i) == ']') {
      i++;
      return Collections.unmodifiableList(l);
    }
    while (true) {
      ws();
      l.add(value(depth + 1));
      ws();
      if (i >= s.length()) {
        throw error("unexpected end in array");
      }
      char c = s.charAt(i++);
      if (c == ']') {
        return Collections.unmodifiableList(l);
      }
      if (c != ',') {
        i--;
        throw error("expected ',' or ']'");
      }
    }
  }

  private String string() {
    i++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (i >= s.length()) {
        throw error("unterminated string");
      }
      char c = s.charAt(i++);
      if (c == '"') {
        return sb.toString();
      }
      if (c == '\\') {
        if (i >= s.length()) {
          throw error("unterminated escape");
        }
        char e = s.charAt(i++);
        switch (e) {
          case '"': sb.append('"'); break;
          case '\\': sb.append('\\'); break;
          case '/': sb.append('/'); break;
          case 'b': sb.append('\b'); break;
          case 'f': sb.append('\f'); break;
          case 'n': sb.append('\n'); break;
          case 'r': sb.append('\r'); break;
          case 't': sb.append('\t'); break;
          case 'u':
            if (i + 4 > s.length()) {
              throw error("short \\u escape");
            }
            int cp = 0;
            for (int k = 0; k < 4; k++) {
              int d = Character.digit(s.charAt(i + k), 16);
              if (d < 0) {
                i += k;
                throw error("bad hex digit in \\u escape");
              }
              cp = cp * 16 + d;
            }
            i += 4;
            sb.append((char) cp);
            break;
          default:
            i--;
            throw error("bad escape '\\" + e + "'");
        }
      } else if (c < 0x20) {
        i--;
        throw error("control character in string");
      } else {
        sb.append(c);
      }
    }
  }

  private Object number() {
    int start = i;
    boolean fraction = false;
    if (s.charAt(i) == '-') {
      i++;
    }
    int digits = i;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    if (i == digits) {
      throw error("expected a digit");
    }
    if (i < s.length() && s.charAt(i) == '.') {
      fraction = true;
      i++;
      int f = i;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (i == f) {
        throw error("expected a digit after '.'");
      }
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      fraction = true;
      i++;
      if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int e = i;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (i == e) {
        throw error("expected an exponent digit");
      }
    }
    if (i - start > 400) {
      throw error("number longer than 400 characters");
    }
    String t = s.substring(start, i);
    if (fraction) {
      return new BigDecimal(t);
    }
    BigInteger b = new BigInteger(t);
    return b.bitLength() < 64 ? (Object) b.longValue() : b;
  }
}
