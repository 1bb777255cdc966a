package dev.cairn.core.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random JSON values for the property and differential tests. */
final class JsonGen {
  private JsonGen() {}

  /**
   * A random value of at most {@code depth} nesting levels. {@code loneSurrogates} lets strings
   * hold unpaired surrogates (which a writer must escape and a parser must refuse); {@code
   * jsSafeKeys} avoids keys that JavaScript objects reorder (array indices) or treat specially.
   */
  static JsonValue value(Random r, int depth, boolean loneSurrogates, boolean jsSafeKeys) {
    int pick = r.nextInt(depth > 0 ? 8 : 5);
    switch (pick) {
      case 0:
        return JsonString.of(string(r, loneSurrogates));
      case 1:
        return number(r);
      case 2:
        return JsonBoolean.of(r.nextBoolean());
      case 3:
        return JsonNull.INSTANCE;
      case 4:
        return JsonString.of(string(r, loneSurrogates));
      case 5:
      case 6:
        {
          int n = r.nextInt(6);
          Map<String, JsonValue> m = new LinkedHashMap<>();
          for (int i = 0; i < n; i++) {
            String k = string(r, loneSurrogates);
            if (jsSafeKeys && (isArrayIndex(k) || k.equals("__proto__"))) {
              k = k + "k";
            }
            m.put(k, value(r, depth - 1, loneSurrogates, jsSafeKeys));
          }
          return JsonObject.of(m);
        }
      default:
        {
          int n = r.nextInt(6);
          List<JsonValue> a = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            a.add(value(r, depth - 1, loneSurrogates, jsSafeKeys));
          }
          return JsonArray.of(a);
        }
    }
  }

  static boolean isArrayIndex(String k) {
    if (k.isEmpty() || k.length() > 10) {
      return false;
    }
    for (int i = 0; i < k.length(); i++) {
      if (k.charAt(i) < '0' || k.charAt(i) > '9') {
        return false;
      }
    }
    return k.equals("0") || (k.charAt(0) != '0' && Long.parseLong(k) < 0xFFFFFFFFL);
  }

  /** A number whose literal JavaScript prints the same way (a safe integer). */
  static JsonNumber jsNumber(Random r) {
    long v = r.nextBoolean() ? r.nextInt(1000) - 500 : (r.nextLong() >> 11);
    return JsonNumber.of(v);
  }

  static JsonValue number(Random r) {
    return jsNumber(r);
  }

  /** A JSON number literal of any valid shape (for parser round trips). */
  static String numberLiteral(Random r) {
    StringBuilder sb = new StringBuilder();
    if (r.nextBoolean()) {
      sb.append('-');
    }
    if (r.nextInt(4) == 0) {
      sb.append('0');
    } else {
      sb.append((char) ('1' + r.nextInt(9)));
      digits(r, sb, r.nextInt(30));
    }
    if (r.nextBoolean()) {
      sb.append('.');
      digits(r, sb, 1 + r.nextInt(20));
    }
    if (r.nextBoolean()) {
      sb.append(r.nextBoolean() ? 'e' : 'E');
      int s = r.nextInt(3);
      if (s == 1) {
        sb.append('+');
      } else if (s == 2) {
        sb.append('-');
      }
      digits(r, sb, 1 + r.nextInt(4));
    }
    return sb.toString();
  }

  private static void digits(Random r, StringBuilder sb, int n) {
    for (int i = 0; i < n; i++) {
      sb.append((char) ('0' + r.nextInt(10)));
    }
  }

  static String string(Random r, boolean loneSurrogates) {
    int n = r.nextInt(12);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int kind = r.nextInt(loneSurrogates ? 9 : 8);
      switch (kind) {
        case 0:
        case 1:
        case 2:
          sb.append((char) (0x20 + r.nextInt(0x5f))); // printable ASCII
          break;
        case 3:
          sb.append((char) r.nextInt(0x20)); // control
          break;
        case 4:
          sb.append("\"\\/<>&\u007f\u2028\u2029".charAt(r.nextInt(9)));
          break;
        case 5:
          {
            char c = (char) (0x80 + r.nextInt(0xD800 - 0x80)); // BMP below surrogates
            sb.append(c);
            break;
          }
        case 6:
          sb.append((char) (0xE000 + r.nextInt(0x2000)));
          break;
        case 7:
          sb.appendCodePoint(0x10000 + r.nextInt(0x100000)); // a surrogate pair
          break;
        default:
          sb.append((char) (0xD800 + r.nextInt(0x800))); // possibly lone surrogate
          break;
      }
    }
    return sb.toString();
  }
}
