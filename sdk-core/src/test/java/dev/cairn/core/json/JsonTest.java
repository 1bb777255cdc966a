package dev.cairn.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.encoding.DecodingException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

  @Test
  void parsesEveryKind() {
    JsonObject o =
        Json.parse(" {\"a\":[1,-2.5e+3,\"x\\u00e9\\ud83d\\ude00\",true,false,null],\"b\":{}}\n")
            .asObject("root");
    assertEquals(List.of("a", "b"), List.copyOf(o.members().keySet()));
    JsonArray a = o.get("a").asArray("a");
    assertEquals(6, a.size());
    assertEquals("1", a.get(0).asNumber("n").literal());
    assertEquals(new BigDecimal("-2.5e+3"), a.get(1).asNumber("n").bigDecimalValue());
    assertEquals("x\u00e9\ud83d\ude00", a.get(2).asString("s"));
    assertTrue(a.get(3).asBoolean("t"));
    assertFalse(a.get(4).asBoolean("f"));
    assertTrue(a.get(5).isNull());
    assertEquals(0, o.get("b").asObject("b").size());
    assertNull(o.get("missing"));
    assertEquals(1, o.offset());
    assertEquals(6, a.offset());
    assertEquals(7, a.get(0).offset());
  }

  @Test
  void memberOrderIsKept() {
    String text = "{\"z\":1,\"a\":2,\"m\":{\"y\":true,\"b\":null}}";
    assertEquals(text, Json.write(Json.parse(text)));
    assertEquals("{\"a\":2,\"m\":{\"b\":null,\"y\":true},\"z\":1}", Json.writeCanonical(Json.parse(text)));
  }

  @Test
  void canonicalSortsByUtf16CodeUnits() {
    // U+FF21 (one unit, 0xFF21) sorts after U+1F600 (units 0xD83D 0xDE00) in UTF-16 order,
    // although its code point is smaller; upper case sorts before lower case
    JsonObject o =
        JsonObject.builder().put("\uff21", 1).put("\ud83d\ude00", 2).put("b", 3).put("B", 4).build();
    assertEquals(
        "{\"B\":4,\"b\":3,\"\ud83d\ude00\":2,\"\uff21\":1}", Json.writeCanonical(o));
  }

  @Test
  void escapingIsJsonStringify() {
    assertEquals("\"\\\"\\\\/<>&\u00e9\u2028\"", Json.quote("\"\\/<>&\u00e9\u2028"));
    assertEquals("\"\\b\\f\\n\\r\\t\\u0000\\u001f\\u000b\u007f\"", Json.quote("\b\f\n\r\t\u0000\u001f\u000b\u007f"));
    assertEquals("\"\\ud800x\\udfff\ud83d\ude00\"", Json.quote("\ud800x\udfff\ud83d\ude00"));
    assertEquals("\"\\ude00\\ud83d\"", Json.quote("\ude00\ud83d"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|0|empty document",
        "'   '|3|empty document",
        "'{} x'|3|trailing content",
        "'[1]]'|3|trailing content",
        "'[01]'|1|leading zero",
        "'-01'|0|leading zero",
        "'[-]'|2|expected a digit",
        "'1.'|2|end of input in a number",
        "'1.e3'|2|expected a digit",
        "'1e'|2|end of input in a number",
        "'.5'|0|expected a value",
        "'+1'|0|expected a value",
        "'NaN'|0|NaN and Infinity",
        "'[Infinity]'|1|NaN and Infinity",
        "'-Infinity'|1|expected a digit",
        "'[1,]'|3|expected a value",
        "'{\"a\":1,}'|7|expected a member name",
        "'{\"a\" 1}'|5|expected ':'",
        "'{a:1}'|1|expected a member name",
        "'[1 2]'|3|expected ',' or ']'",
        "'{\"a\":1 \"b\":2}'|7|expected ',' or '}'",
        "'/* c */ 1'|0|comments",
        "'[1]/* c */'|3|trailing content",
        "'tru'|0|invalid literal",
        "'nul'|0|invalid literal",
        "'True'|0|expected a value",
        "'\"abc'|0|unterminated string",
        "'\"\\x\"'|1|invalid escape",
        "'\"\\u12G4\"'|5|invalid hex digit",
        "'\"\\u12\"'|1|truncated",
        "'\"\\ud800\"'|1|high surrogate escape not followed by a low surrogate",
        "'\"\\ud800\\u0041\"'|1|high surrogate escape not followed by a low surrogate",
        "'\"\\udc00\"'|1|lone low surrogate",
        "'\"\\ud8'|1|truncated",
        "'[\"a\",\"\\'|5|unterminated string",
        "'{\"a\":1,\"a\":2}'|7|duplicate key \"a\"",
        "'\uFEFF1'|0|U+FEFF",
        "'\"\u00a0\"  \u00a0'|5|trailing content",
        "'[\"a\u0001\"]'|3|unescaped control character U+0001",
        "'\"a\tb\"'|2|unescaped control character U+0009",
        "'\"\ud800\"'|1|lone surrogate U+D800",
        "'\"\udc00x\"'|1|lone surrogate U+DC00",
      })
  void rejectsWithOffset(String text, long offset, String problem) {
    DecodingException e = assertThrows(DecodingException.class, () -> Json.parse(text));
    assertEquals(offset, e.offset(), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
    assertTrue(e.getMessage().contains("at offset " + offset), e.getMessage());
  }

  @Test
  void surrogatePairsMayMixEscapedAndRawHalves() {
    String hi = String.valueOf((char) 0xD83D);
    String lo = String.valueOf((char) 0xDE00);
    String escHi = "\\" + "ud83d";
    String escLo = "\\" + "ude00";
    String pair = hi + lo;
    assertEquals(JsonString.of(pair), Json.parse("\"" + escHi + escLo + "\""));
    assertEquals(JsonString.of(pair), Json.parse("\"" + escHi + lo + "\""));
    assertEquals(JsonString.of(pair), Json.parse("\"" + hi + escLo + "\""));
    assertEquals(JsonString.of("a" + pair + "b"), Json.parse("\"a" + hi + escLo + "b\""));
    DecodingException e =
        assertThrows(DecodingException.class, () -> Json.parse("\"" + hi + "\\" + "u0041\""));
    assertTrue(e.getMessage().contains("lone surrogate U+D83D"), e.getMessage());
    assertEquals(1, e.offset());
  }

  @Test
  void errorsNameTheJsonPointer() {
    DecodingException e =
        assertThrows(
            DecodingException.class, () -> Json.parse("{\"abi\":[{\"x\":1},{\"a/b~\":[1,01]}]}"));
    assertEquals("json/abi/1/a~1b~0/1", e.field());
    assertTrue(e.getMessage().startsWith("json/abi/1/a~1b~0/1 at offset 27: "), e.getMessage());
    e = assertThrows(DecodingException.class, () -> Json.parse("{\"k\":1,\"k\":2}"));
    assertEquals("json/k", e.field());
  }

  @Test
  void depthLimitAtTheLimitAndOnePast() {
    JsonLimits l = JsonLimits.defaults().withMaxDepth(5);
    Json.parse("[[[[[]]]]]", l);
    Json.parse("[[[[{\"a\":1}]]]]", l);
    DecodingException e =
        assertThrows(DecodingException.class, () -> Json.parse("[[[[[[]]]]]]", l));
    assertEquals(5, e.offset());
    assertTrue(e.getMessage().contains("nested deeper than 5 levels"), e.getMessage());
    assertThrows(DecodingException.class, () -> Json.parse("[[[[{\"a\":[]}]]]]", l));
    // the default limit
    int d = JsonLimits.DEFAULT_MAX_DEPTH;
    Json.parse("[".repeat(d) + "]".repeat(d));
    e = assertThrows(
        DecodingException.class, () -> Json.parse("[".repeat(d + 1) + "]".repeat(d + 1)));
    assertEquals(d, e.offset());
    // far past it: no StackOverflowError
    assertThrows(DecodingException.class, () -> Json.parse("[".repeat(1_000_000)));
    assertThrows(DecodingException.class, () -> Json.parse("{\"a\":".repeat(100_000)));
  }

  @Test
  void otherLimits() {
    JsonLimits l =
        JsonLimits.defaults()
            .withMaxStringLength(4)
            .withMaxNumberLength(5)
            .withMaxEntries(3)
            .withMaxDocumentLength(40);
    Json.parse("[\"abcd\",\"\\u0041bcd\",-1234]", l);
    Json.parse("12345", l);
    assertLimit(() -> Json.parse("[\"abcde\"]", l), 1, "string longer than 4");
    assertLimit(() -> Json.parse("[\"\\u0041bcde\"]", l), 1, "string longer than 4");
    assertLimit(() -> Json.parse("{\"abcde\":1}", l), 1, "string longer than 4");
    assertLimit(() -> Json.parse("[123456]", l), 1, "number literal longer than 5");
    assertLimit(() -> Json.parse("[1.2345]", l), 1, "number literal longer than 5");
    assertLimit(() -> Json.parse("[1,2,3,4]", l), 7, "more than 3 elements");
    assertLimit(() -> Json.parse("{\"a\":1,\"b\":2,\"c\":3,\"d\":4}", l), 19, "more than 3 members");
    assertLimit(() -> Json.parse(" ".repeat(41), l), -1, "exceeds the limit of 40");
    assertLimit(() -> Json.parse(new byte[41], l), -1, "exceeds the limit of 40");
    assertThrows(IllegalArgumentException.class, () -> JsonLimits.defaults().withMaxDepth(0));
  }

  private static void assertLimit(org.junit.jupiter.api.function.Executable ex, long offset, String problem) {
    DecodingException e = assertThrows(DecodingException.class, ex);
    assertEquals(offset, e.offset(), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }

  @Test
  void bytesAreStrictUtf8() {
    assertEquals(
        JsonString.of("\u00e9\ud83d\ude00"),
        Json.parse("\"\u00e9\ud83d\ude00\"".getBytes(StandardCharsets.UTF_8)));
    DecodingException e =
        assertThrows(DecodingException.class, () -> Json.parse(new byte[] {'"', 'a', (byte) 0xC0, (byte) 0x80, '"'}));
    assertEquals(2, e.offset());
    assertTrue(e.getMessage().contains("invalid UTF-8"), e.getMessage());
    // an encoded surrogate (CESU) is not UTF-8
    assertThrows(DecodingException.class, () -> Json.parse(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}));
    assertThrows(DecodingException.class, () -> Json.parse((byte[]) null));
    assertThrows(DecodingException.class, () -> Json.parse((String) null));
  }

  @Test
  void numberAccessors() {
    assertEquals(BigInteger.valueOf(2000), num("2e3").bigIntegerValue());
    assertEquals(BigInteger.valueOf(255), num("2.55e2").bigIntegerValue());
    assertEquals(BigInteger.ZERO, num("-0.0e5").bigIntegerValue());
    assertEquals(new BigInteger("1" + "0".repeat(30)), num("1" + "0".repeat(30)).bigIntegerValue());
    assertEquals(Long.MAX_VALUE, num("9223372036854775807").longValue());
    assertEquals(Long.MIN_VALUE, num("-9223372036854775808").longValue());
    assertEquals(Integer.MIN_VALUE, num("-2147483648").intValue());
    assertEquals(7, num("0.7e1").intValue());
    numberFails("9223372036854775808", n -> n.longValue(), "long range");
    numberFails("-9223372036854775809", n -> n.longValue(), "long range");
    numberFails("2147483648", n -> n.intValue(), "int range");
    numberFails("1e30", n -> n.intValue(), "int range");
    numberFails("1.5", n -> n.bigIntegerValue(), "not an integer");
    numberFails("1.5", n -> n.intValue(), "not an integer");
    numberFails("1e-999999999", n -> n.bigIntegerValue(), "not an integer");
    numberFails("1e999999999", n -> n.bigIntegerValue(), "more than 1000 digits");
    numberFails("1e99999999999", n -> n.bigDecimalValue(), "out of range");
    numberFails("1e99999999999", n -> n.longValue(), "out of range");
    // literal equality, numeric comparison through BigDecimal
    assertFalse(num("1").equals(num("1.0")));
    assertEquals(0, num("1").bigDecimalValue().compareTo(num("1.0").bigDecimalValue()));
    assertEquals("1E+3", JsonNumber.of(new BigDecimal("1E+3")).literal());
    Json.parse(JsonNumber.of(new BigDecimal("1E+3")).literal());
    assertThrows(DecodingException.class, () -> JsonNumber.of("01"));
    assertThrows(DecodingException.class, () -> JsonNumber.of("1."));
    assertThrows(DecodingException.class, () -> JsonNumber.of("NaN"));
    assertThrows(DecodingException.class, () -> JsonNumber.of(""));
    assertEquals(-1, JsonNumber.invalidAt("-0.5E-7"));
  }

  private static JsonNumber num(String s) {
    return Json.parse(s).asNumber("n");
  }

  private static void numberFails(String s, java.util.function.Consumer<JsonNumber> f, String problem) {
    JsonNumber n = Json.parse("[" + s + "]").asArray("a").get(0).asNumber("n");
    DecodingException e = assertThrows(DecodingException.class, () -> f.accept(n));
    assertEquals(1, e.offset(), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }

  @Test
  void kindMismatchNamesTheField() {
    DecodingException e =
        assertThrows(DecodingException.class, () -> Json.parse("[1, \"x\"]").asArray("a").get(1).asObject("a[1]"));
    assertEquals("a[1] at offset 4: expected an object, found string", e.getMessage());
  }

  @Test
  void builtValues() {
    JsonObject o = JsonObject.builder().put("a", "x").put("n", 5).put("t", true).put("z", JsonNull.INSTANCE).build();
    assertEquals("{\"a\":\"x\",\"n\":5,\"t\":true,\"z\":null}", o.toString());
    assertEquals(o, Json.parse(o.toString()));
    assertEquals(-1, o.offset());
    assertThrows(IllegalArgumentException.class, () -> JsonObject.builder().put("a", 1).put("a", 2));
    assertThrows(UnsupportedOperationException.class, () -> o.members().put("b", JsonNull.INSTANCE));
    assertEquals("[]", JsonArray.of().toString());
    JsonValue deep = JsonNull.INSTANCE;
    for (int i = 0; i < Json.MAX_WRITE_DEPTH + 1; i++) {
      deep = JsonArray.of(deep);
    }
    JsonValue tooDeep = deep;
    assertThrows(IllegalArgumentException.class, () -> Json.write(tooDeep));
  }
}
