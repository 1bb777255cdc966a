package dev.cairn.core.json;

import dev.cairn.core.encoding.DecodingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict RFC 8259 recursive-descent parser over a {@code char[]}. Recursion depth is bounded by
 * {@link JsonLimits#maxDepth()}. Errors carry the JSON pointer of the value being read (as the
 * exception's field, {@code "json"} followed by the pointer) and the character offset.
 */
final class JsonParser {
  private final char[] s;
  private final int n;
  private final JsonLimits limits;
  private int pos;
  private int depth;
  // the path of the value being read: keys[i] for an object member, or idx[i] for an array element
  private String[] keys = new String[16];
  private int[] idx = new int[16];
  private StringBuilder sb;

  private JsonParser(char[] s, int n, JsonLimits limits) {
    this.s = s;
    this.n = n;
    this.limits = limits;
  }

  static JsonValue parse(char[] text, int length, JsonLimits limits) {
    if (length > limits.maxDocumentLength()) {
      throw new DecodingException(
          "json",
          -1,
          "document of " + length + " characters exceeds the limit of "
              + limits.maxDocumentLength());
    }
    return new JsonParser(text, length, limits).document();
  }

  private JsonValue document() {
    skipWs();
    if (pos >= n) {
      throw fail(pos, "empty document");
    }
    JsonValue v = value();
    skipWs();
    if (pos < n) {
      throw fail(pos, "trailing content after the JSON value: " + describe(s[pos]));
    }
    return v;
  }

  private void skipWs() {
    while (pos < n) {
      char c = s[pos];
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        pos++;
      } else {
        return;
      }
    }
  }

  private JsonValue value() {
    if (pos >= n) {
      throw fail(pos, "unexpected end of input, expected a value");
    }
    char c = s[pos];
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        {
          int start = pos;
          return new JsonString(string(), start);
        }
      case 't':
        literal("true");
        return new JsonBoolean(true, pos - 4);
      case 'f':
        literal("false");
        return new JsonBoolean(false, pos - 5);
      case 'n':
        literal("null");
        return new JsonNull(pos - 4);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        if (c == 'N' || c == 'I') {
          throw fail(pos, "NaN and Infinity are not JSON");
        }
        if (c == '/') {
          throw fail(pos, "comments are not JSON");
        }
        throw fail(pos, "unexpected " + describe(c) + ", expected a value");
    }
  }

  private void literal(String word) {
    int len = word.length();
    for (int i = 0; i < len; i++) {
      if (pos + i >= n || s[pos + i] != word.charAt(i)) {
        throw fail(pos, "invalid literal, expected " + word);
      }
    }
    pos += len;
  }

  private void enter(int at) {
    if (depth >= limits.maxDepth()) {
      throw fail(at, "nested deeper than " + limits.maxDepth() + " levels");
    }
    if (depth == keys.length) {
      keys = java.util.Arrays.copyOf(keys, depth * 2);
      idx = java.util.Arrays.copyOf(idx, depth * 2);
    }
    keys[depth] = null;
    idx[depth] = -1;
    depth++;
  }

  private JsonObject object() {
    int start = pos;
    enter(start);
    pos++; // {
    skipWs();
    if (pos < n && s[pos] == '}') {
      pos++;
      depth--;
      return new JsonObject(Collections.emptyMap(), start);
    }
    LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
    int count = 0;
    while (true) {
      if (pos >= n) {
        throw fail(pos, "unexpected end of input in an object");
      }
      if (s[pos] != '"') {
        throw fail(pos, "unexpected " + describe(s[pos]) + ", expected a member name");
      }
      int keyAt = pos;
      String key = string();
      keys[depth - 1] = key;
      if (++count > limits.maxEntries()) {
        throw fail(keyAt, "object has more than " + limits.maxEntries() + " members");
      }
      skipWs();
      if (pos >= n || s[pos] != ':') {
        throw fail(pos, pos >= n ? "unexpected end of input, expected ':'" : "unexpected " + describe(s[pos]) + ", expected ':'");
      }
      pos++;
      skipWs();
      JsonValue v = value();
      if (members.putIfAbsent(key, v) != null) {
        throw fail(keyAt, "duplicate key \"" + clip(key) + "\"");
      }
      skipWs();
      if (pos >= n) {
        throw fail(pos, "unexpected end of input in an object");
      }
      char c = s[pos++];
      if (c == '}') {
        break;
      }
      if (c != ',') {
        throw fail(pos - 1, "unexpected " + describe(c) + ", expected ',' or '}'");
      }
      skipWs();
    }
    depth--;
    return new JsonObject(Collections.unmodifiableMap(members), start);
  }

  private JsonArray array() {
    int start = pos;
    enter(start);
    pos++; // [
    skipWs();
    if (pos < n && s[pos] == ']') {
      pos++;
      depth--;
      return new JsonArray(Collections.emptyList(), start);
    }
    ArrayList<JsonValue> elements = new ArrayList<>();
    int i = 0;
    while (true) {
      idx[depth - 1] = i;
      if (i >= limits.maxEntries()) {
        throw fail(pos, "array has more than " + limits.maxEntries() + " elements");
      }
      elements.add(value());
      i++;
      skipWs();
      if (pos >= n) {
        throw fail(pos, "unexpected end of input in an array");
      }
      char c = s[pos++];
      if (c == ']') {
        break;
      }
      if (c != ',') {
        throw fail(pos - 1, "unexpected " + describe(c) + ", expected ',' or ']'");
      }
      skipWs();
    }
    depth--;
    return new JsonArray(Collections.unmodifiableList(elements), start);
  }

  private JsonNumber number() {
    int start = pos;
    int max = limits.maxNumberLength();
    if (s[pos] == '-') {
      pos++;
    }
    if (pos >= n) {
      throw fail(pos, "unexpected end of input in a number");
    }
    char c = s[pos];
    if (c == '0') {
      pos++;
      if (pos < n && s[pos] >= '0' && s[pos] <= '9') {
        throw fail(start, "number with a leading zero");
      }
    } else if (c >= '1' && c <= '9') {
      pos = digits(pos, start, max);
    } else {
      throw fail(pos, "unexpected " + describe(c) + " in a number, expected a digit");
    }
    if (pos < n && s[pos] == '.') {
      pos++;
      int d = pos;
      pos = digits(pos, start, max);
      if (pos == d) {
        throw fail(pos, pos < n ? "unexpected " + describe(s[pos]) + " in a number, expected a digit" : "unexpected end of input in a number");
      }
    }
    if (pos < n && (s[pos] == 'e' || s[pos] == 'E')) {
      pos++;
      if (pos < n && (s[pos] == '+' || s[pos] == '-')) {
        pos++;
      }
      int d = pos;
      pos = digits(pos, start, max);
      if (pos == d) {
        throw fail(pos, pos < n ? "unexpected " + describe(s[pos]) + " in a number, expected a digit" : "unexpected end of input in a number");
      }
    }
    if (pos - start > max) {
      throw fail(start, "number literal longer than " + max + " characters");
    }
    return new JsonNumber(new String(s, start, pos - start), start);
  }

  private int digits(int p, int start, int max) {
    while (p < n && s[p] >= '0' && s[p] <= '9') {
      p++;
      if (p - start > max) {
        throw fail(start, "number literal longer than " + max + " characters");
      }
    }
    return p;
  }

  /** Reads the string starting at the quote at {@code pos}; leaves {@code pos} after the close. */
  private String string() {
    int start = pos;
    int p = pos + 1;
    int max = limits.maxStringLength();
    // fast path: no escapes
    while (p < n) {
      char c = s[p];
      if (c == '"') {
        if (p - start - 1 > max) {
          throw fail(start, "string longer than " + max + " characters");
        }
        pos = p + 1;
        return new String(s, start + 1, p - start - 1);
      }
      if (c == '\\') {
        break;
      }
      if (c < 0x20) {
        throw fail(p, "unescaped control character " + describe(c) + " in a string");
      }
      if (c >= 0xD800 && c <= 0xDFFF) {
        if (c <= 0xDBFF && p + 1 < n && s[p + 1] == '\\') {
          break; // a raw high surrogate with an escaped low one: the slow path pairs them
        }
        p = surrogatePair(p);
      } else {
        p++;
      }
    }
    if (p >= n) {
      throw fail(start, "unterminated string");
    }
    StringBuilder b = sb == null ? (sb = new StringBuilder(64)) : sb;
    b.setLength(0);
    b.append(s, start + 1, p - start - 1);
    while (true) {
      if (p >= n) {
        throw fail(start, "unterminated string");
      }
      char c = s[p];
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        if (p + 1 >= n) {
          throw fail(start, "unterminated string");
        }
        char e = s[p + 1];
        switch (e) {
          case '"':
          case '\\':
          case '/':
            b.append(e);
            p += 2;
            break;
          case 'b':
            b.append('\b');
            p += 2;
            break;
          case 'f':
            b.append('\f');
            p += 2;
            break;
          case 'n':
            b.append('\n');
            p += 2;
            break;
          case 'r':
            b.append('\r');
            p += 2;
            break;
          case 't':
            b.append('\t');
            p += 2;
            break;
          case 'u':
            {
              int cp = hex4(p);
              if (cp >= 0xDC00 && cp <= 0xDFFF) {
                throw fail(p, "lone low surrogate escape");
              }
              if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (p + 7 < n && s[p + 6] == '\\' && s[p + 7] == 'u') {
                  int lo = hex4(p + 6);
                  if (lo < 0xDC00 || lo > 0xDFFF) {
                    throw fail(p, "high surrogate escape not followed by a low surrogate");
                  }
                  b.append((char) cp).append((char) lo);
                  p += 12;
                } else if (p + 6 < n && s[p + 6] >= 0xDC00 && s[p + 6] <= 0xDFFF) {
                  b.append((char) cp).append(s[p + 6]); // escaped high, raw low
                  p += 7;
                } else {
                  throw fail(p, "high surrogate escape not followed by a low surrogate");
                }
              } else {
                b.append((char) cp);
                p += 6;
              }
              break;
            }
          default:
            throw fail(p, "invalid escape \\" + (e < 0x20 || e > 0x7e ? describe(e) : String.valueOf(e)));
        }
      } else if (c < 0x20) {
        throw fail(p, "unescaped control character " + describe(c) + " in a string");
      } else if (c >= 0xD800 && c <= 0xDFFF) {
        if (c <= 0xDBFF && p + 2 < n && s[p + 1] == '\\' && s[p + 2] == 'u') {
          int lo = hex4(p + 1); // raw high, escaped low
          if (lo < 0xDC00 || lo > 0xDFFF) {
            throw fail(p, "lone surrogate U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + " in a string");
          }
          b.append(c).append((char) lo);
          p += 7;
        } else {
          int q = surrogatePair(p);
          b.append(c).append(s[p + 1]);
          p = q;
        }
      } else {
        b.append(c);
        p++;
      }
      if (b.length() > max) {
        throw fail(start, "string longer than " + max + " characters");
      }
    }
    pos = p + 1;
    return b.toString();
  }

  /** Checks the raw surrogate pair at {@code p}; returns the index after it. */
  private int surrogatePair(int p) {
    char c = s[p];
    if (c <= 0xDBFF && p + 1 < n && s[p + 1] >= 0xDC00 && s[p + 1] <= 0xDFFF) {
      return p + 2;
    }
    throw fail(p, "lone surrogate U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + " in a string");
  }

  /** The value of the four hex digits of the {@code \\u} escape at {@code p}. */
  private int hex4(int p) {
    if (p + 6 > n) {
      throw fail(p, "truncated \\u escape");
    }
    int v = 0;
    for (int i = p + 2; i < p + 6; i++) {
      char h = s[i];
      int d;
      if (h >= '0' && h <= '9') {
        d = h - '0';
      } else if (h >= 'a' && h <= 'f') {
        d = h - 'a' + 10;
      } else if (h >= 'A' && h <= 'F') {
        d = h - 'A' + 10;
      } else {
        throw fail(i, "invalid hex digit " + describe(h) + " in a \\u escape");
      }
      v = (v << 4) | d;
    }
    return v;
  }

  private static String describe(char c) {
    if (c >= 0x21 && c <= 0x7e) {
      return "'" + c + "'";
    }
    return String.format("U+%04X", (int) c);
  }

  private static String clip(String key) {
    return key.length() <= 64 ? key : key.substring(0, 61) + "...";
  }

  private DecodingException fail(int at, String problem) {
    return new DecodingException(pointer(), at, problem);
  }

  /** {@code "json"} followed by the RFC 6901 pointer of the value being read. */
  private String pointer() {
    StringBuilder p = new StringBuilder(32).append("json");
    for (int i = 0; i < depth; i++) {
      if (keys[i] != null) {
        p.append('/');
        String k = clip(keys[i]);
        for (int j = 0; j < k.length(); j++) {
          char c = k.charAt(j);
          if (c == '~') {
            p.append("~0");
          } else if (c == '/') {
            p.append("~1");
          } else {
            p.append(c);
          }
        }
      } else if (idx[i] >= 0) {
        p.append('/').append(idx[i]);
      }
    }
    return p.toString();
  }
}
