package dev.cairn.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonValue;

/**
 * The SDK's JSON parser (under every RPC client and JSON format). Lenient about whitespace and
 * member order, so the check is: the written form parses to an equal value and writes the same
 * text again; the canonical (sorted) form is stable too.
 */
class JsonFuzzTest {

  @FuzzTest
  void parse(byte[] utf8) {
    JsonValue v;
    try {
      v = Json.parse(utf8);
    } catch (DecodingException expected) {
      return;
    }
    String out = Json.write(v);
    JsonValue again = Json.parse(out);
    assertEquals(v, again);
    assertEquals(out, Json.write(again));
    String canonical = Json.writeCanonical(v);
    assertEquals(canonical, Json.writeCanonical(Json.parse(canonical)));
  }
}
