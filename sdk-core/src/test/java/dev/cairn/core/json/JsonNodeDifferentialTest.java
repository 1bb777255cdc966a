package dev.cairn.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The writer against node's {@code JSON.stringify} (compact form) and against a sorted stringify
 * written the way CosmJS {@code sortedJsonStringify} is (canonical form). Values reach node in a
 * tagged line format that does not use the writer under test: strings as hex UTF-16 code units,
 * so lone surrogates and control characters arrive exactly. A missing node is a failure.
 */
class JsonNodeDifferentialTest {
  private static final int VALUES = 1500;

  // tags: o<n> object (n key/value pairs follow, keys as s-tokens), a<n> array, s<hex units,
  // comma separated> string, n<literal> number, t, f, z (null); one value per line
  private static final String SCRIPT =
      String.join(
          "\n",
          "const lines = require('fs').readFileSync(0, 'utf8').split('\\n').filter(l => l.length);",
          "function str(t) { const h = t.slice(1); if (!h) return '';",
          "  return String.fromCharCode(...h.split(',').map(x => parseInt(x, 16))); }",
          "function read(toks, i) { const t = toks[i.v++];",
          "  switch (t[0]) {",
          "    case 's': return str(t);",
          "    case 'n': return Number(t.slice(1));",
          "    case 't': return true; case 'f': return false; case 'z': return null;",
          "    case 'a': { const n = +t.slice(1); const a = []; for (let k = 0; k < n; k++) a.push(read(toks, i)); return a; }",
          "    case 'o': { const n = +t.slice(1); const o = {}; for (let k = 0; k < n; k++) {",
          "      const key = str(toks[i.v++]);",
          "      Object.defineProperty(o, key, { value: read(toks, i), enumerable: true, writable: true, configurable: true }); }",
          "      return o; }",
          "  } throw new Error('bad tag ' + t); }",
          // CosmJS packages/amino/src/signdoc.ts: sortedObject + JSON.stringify
          "function sortedObject(obj) {",
          "  if (typeof obj !== 'object' || obj === null) return obj;",
          "  if (Array.isArray(obj)) return obj.map(sortedObject);",
          "  const sortedKeys = Object.keys(obj).sort(); const result = {};",
          "  sortedKeys.forEach(key => { result[key] = sortedObject(obj[key]); }); return result; }",
          "function sortedJsonStringify(obj) { return JSON.stringify(sortedObject(obj)); }",
          "const out = [];",
          "for (const l of lines) { const v = read(l.split(' '), { v: 0 });",
          "  out.push(JSON.stringify(v)); out.push(sortedJsonStringify(v)); }",
          "process.stdout.write(out.join('\\n') + '\\n');");

  @Test
  void writerMatchesJsonStringifyAndCanonicalMatchesSortedStringify() throws Exception {
    Random r = new Random(0x5EED_1503L);
    List<JsonValue> values = new ArrayList<>();
    // fixed cases first: every control character, quotes, lone surrogates both ways round
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x80; c++) {
      all.append(c);
    }
    values.add(JsonString.of(all.toString()));
    values.add(JsonString.of("\ud800\udbff\udc00\udfff\ud83d\ude00<>&\u2028\u2029\u00e9\uffff"));
    values.add(JsonObject.builder().put("b", 1).put("a", 2).put("B", 3).put("\u00e9", 4)
        .put("\ud83d\ude00", 5).put("\uff21", 6).put("", 7).build());
    while (values.size() < VALUES) {
      values.add(JsonGen.value(r, 4, true, true));
    }
    StringBuilder input = new StringBuilder();
    for (JsonValue v : values) {
      tagged(v, input);
      input.append('\n');
    }
    List<String> out = runNode(input.toString());
    assertEquals(2 * values.size(), out.size(), "node output lines");
    int checked = 0;
    for (int i = 0; i < values.size(); i++) {
      JsonValue v = values.get(i);
      assertEquals(out.get(2 * i), Json.write(v), "JSON.stringify of value " + i);
      assertEquals(out.get(2 * i + 1), Json.writeCanonical(v), "sortedJsonStringify of value " + i);
      checked++;
    }
    assertEquals(VALUES, checked);
  }

  private static void tagged(JsonValue v, StringBuilder sb) {
    if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
      sb.append(' ');
    }
    switch (v.kind()) {
      case OBJECT:
        {
          Map<String, JsonValue> m = ((JsonObject) v).members();
          sb.append('o').append(m.size());
          for (Map.Entry<String, JsonValue> e : m.entrySet()) {
            sb.append(' ');
            units(e.getKey(), sb);
            tagged(e.getValue(), sb);
          }
          return;
        }
      case ARRAY:
        {
          List<JsonValue> a = ((JsonArray) v).elements();
          sb.append('a').append(a.size());
          for (JsonValue e : a) {
            tagged(e, sb);
          }
          return;
        }
      case STRING:
        units(((JsonString) v).value(), sb);
        return;
      case NUMBER:
        sb.append('n').append(((JsonNumber) v).literal());
        return;
      case BOOLEAN:
        sb.append(((JsonBoolean) v).value() ? 't' : 'f');
        return;
      default:
        sb.append('z');
    }
  }

  private static void units(String s, StringBuilder sb) {
    sb.append('s');
    for (int i = 0; i < s.length(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(Integer.toHexString(s.charAt(i)));
    }
  }

  private static List<String> runNode(String input) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder("node", "-e", SCRIPT).redirectErrorStream(false).start();
    } catch (IOException e) {
      fail("node is required for this differential test and was not found on the PATH: " + e);
      return null;
    }
    Thread writer =
        new Thread(
            () -> {
              try (OutputStream os = p.getOutputStream()) {
                os.write(input.getBytes(StandardCharsets.US_ASCII));
              } catch (IOException ignored) {
                // the process died: reported below
              }
            });
    writer.start();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread errPump =
        new Thread(
            () -> {
              try (InputStream es = p.getErrorStream()) {
                es.transferTo(err);
              } catch (IOException ignored) {
                // ended
              }
            });
    errPump.start();
    byte[] stdout;
    try (InputStream is = p.getInputStream()) {
      stdout = is.readAllBytes();
    }
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("node did not finish");
    }
    writer.join();
    errPump.join();
    assertEquals(0, p.exitValue(), () -> "node failed: " + err.toString(StandardCharsets.UTF_8));
    String text = new String(stdout, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    lines.remove(lines.size() - 1); // after the final newline
    return lines;
  }
}
