package dev.cairn.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.encoding.DecodingException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class JsonPropertiesTest {

  @Property(tries = 1000)
  void parseOfWriteIsTheValue(@ForAll long seed) {
    JsonValue v = JsonGen.value(new Random(seed), 5, false, false);
    String text = Json.write(v);
    JsonValue back = Json.parse(text);
    assertEquals(v, back);
    // order kept: writing again gives the same text; the canonical form too
    assertEquals(text, Json.write(back));
    assertEquals(Json.writeCanonical(v), Json.writeCanonical(back));
    assertEquals(v, Json.parse(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Property(tries = 1000)
  void writeOfParseIsTheTextWithoutWhitespace(@ForAll long seed) {
    Random r = new Random(seed);
    StringBuilder compact = new StringBuilder();
    StringBuilder spaced = new StringBuilder();
    document(r, 4, compact, spaced);
    JsonValue v = Json.parse(spaced.toString());
    assertEquals(compact.toString(), Json.write(v));
    // canonical output is a fixed point
    String c = Json.writeCanonical(v);
    assertEquals(c, Json.writeCanonical(Json.parse(c)));
  }

  /** A random document written two ways: compact JSON.stringify form, and with whitespace. */
  private static void document(Random r, int depth, StringBuilder compact, StringBuilder spaced) {
    ws(r, spaced);
    int k = r.nextInt(depth > 0 ? 7 : 4);
    switch (k) {
      case 0:
        {
          String lit = JsonGen.numberLiteral(r);
          compact.append(lit);
          spaced.append(lit);
          break;
        }
      case 1:
        {
          String s = JsonGen.string(r, false);
          compact.append(Json.quote(s));
          spaced.append(escapeOddly(r, s));
          break;
        }
      case 2:
        {
          String lit = r.nextBoolean() ? "true" : r.nextBoolean() ? "false" : "null";
          compact.append(lit);
          spaced.append(lit);
          break;
        }
      case 3:
      case 4:
        {
          compact.append('[');
          spaced.append('[');
          int n = r.nextInt(5);
          for (int i = 0; i < n; i++) {
            if (i > 0) {
              compact.append(',');
              spaced.append(',');
            }
            document(r, depth - 1, compact, spaced);
          }
          ws(r, spaced);
          compact.append(']');
          spaced.append(']');
          break;
        }
      default:
        {
          compact.append('{');
          spaced.append('{');
          int n = r.nextInt(5);
          java.util.Set<String> seen = new java.util.HashSet<>();
          boolean first = true;
          for (int i = 0; i < n; i++) {
            String key = JsonGen.string(r, false);
            if (!seen.add(key)) {
              continue;
            }
            if (!first) {
              compact.append(',');
              spaced.append(',');
            }
            first = false;
            ws(r, spaced);
            compact.append(Json.quote(key)).append(':');
            spaced.append(escapeOddly(r, key));
            ws(r, spaced);
            spaced.append(':');
            document(r, depth - 1, compact, spaced);
          }
          ws(r, spaced);
          compact.append('}');
          spaced.append('}');
        }
    }
    ws(r, spaced);
  }

  private static void ws(Random r, StringBuilder sb) {
    while (r.nextInt(3) == 0) {
      sb.append(" \t\r\n".charAt(r.nextInt(4)));
    }
  }

  /** A string literal for {@code s} using \\u escapes, \\/ and short escapes at random. */
  private static String escapeOddly(Random r, String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean mustEscape = c < 0x20 || c == '"' || c == '\\';
      if (mustEscape || r.nextInt(4) == 0) {
        if (c == '/' && r.nextBoolean()) {
          sb.append("\\/");
        } else {
          sb.append(String.format(r.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
        }
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  @Property(tries = 3000)
  void mutationsParseOrThrowDecodingException(@ForAll long seed) {
    Random r = new Random(seed);
    String valid = Json.write(JsonGen.value(r, 5, false, false));
    StringBuilder m = new StringBuilder(valid);
    int edits = 1 + r.nextInt(3);
    String alphabet = "{}[],:\"\\/-+.eE0123456789 tfnrulasbu\u0000\u001f\ud800\udc00\u00e9";
    for (int i = 0; i < edits; i++) {
      int at = m.length() == 0 ? 0 : r.nextInt(m.length() + 1);
      switch (r.nextInt(4)) {
        case 0:
          m.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
          break;
        case 1:
          if (at < m.length()) {
            m.deleteCharAt(at);
          }
          break;
        case 2:
          if (at < m.length()) {
            m.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length())));
          }
          break;
        default:
          m.setLength(Math.min(m.length(), at)); // truncate
      }
    }
    String text = m.toString();
    for (JsonLimits limits :
        new JsonLimits[] {
          JsonLimits.defaults(),
          JsonLimits.defaults().withMaxDepth(2).withMaxStringLength(3).withMaxEntries(2).withMaxNumberLength(3)
        }) {
      try {
        JsonValue v = Json.parse(text, limits);
        // whatever parses must write and parse back to itself
        assertEquals(v, Json.parse(Json.write(v)));
      } catch (DecodingException e) {
        assertTrue(e.offset() >= -1 && e.offset() <= text.length(), e.getMessage());
        assertTrue(e.getMessage().startsWith("json"), e.getMessage());
      }
      try {
        Json.parse(text.getBytes(StandardCharsets.UTF_8), limits);
      } catch (DecodingException e) {
        // the only allowed failure
      }
    }
  }
}
