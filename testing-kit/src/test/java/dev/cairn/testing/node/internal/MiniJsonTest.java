package dev.cairn.testing.node.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MiniJsonTest {
  @Test
  void parsesEveryKindOfValue() {
    Object v = MiniJson.parse(" {\"a\":[1,-2,3.5,1e3,true,false,null],\"b\":\"x\\u00e9\\n\\\"\",\"big\":123456789012345678901234567890,\"o\":{}} ");
    Map<?, ?> m = (Map<?, ?>) v;
    assertEquals(Arrays.asList(1L, -2L, new BigDecimal("3.5"), new BigDecimal("1e3"), true, false, null), m.get("a"));
    assertEquals("x\u00e9\n\"", m.get("b"));
    assertEquals(new BigInteger("123456789012345678901234567890"), m.get("big"));
    assertEquals(Map.of(), m.get("o"));
    assertEquals(List.of("a", "b", "big", "o"), List.copyOf(m.keySet()));
  }

  @Test
  void writesAndReadsBack() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("s", "q\"\\\u0001\u20ac");
    m.put("n", List.of(1, 2L, BigInteger.TEN.pow(30)));
    m.put("arr", new Object[] {true, null});
    m.put("nested", Map.of("k", "v"));
    String json = MiniJson.write(m);
    assertTrue(json.chars().allMatch(c -> c >= 0x20 && c < 0x7f), json);
    Map<?, ?> back = (Map<?, ?>) MiniJson.parse(json);
    assertEquals("q\"\\\u0001\u20ac", back.get("s"));
    assertEquals(List.of(1L, 2L, BigInteger.TEN.pow(30)), back.get("n"));
    assertEquals(Arrays.asList(true, null), back.get("arr"));
    assertEquals(Map.of("k", "v"), back.get("nested"));
  }

  @Test
  void rejectsMalformedInputNamingTheOffset() {
    for (String bad : new String[] {"", "{", "[1,]", "{\"a\" 1}", "tru", "\"abc", "01x", "1.", "-", "[1] 2", "\"\\x\"",
        "\"\\u12g4\"", "{1:2}", "\"a\u0001\""}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MiniJson.parse(bad), bad);
      assertTrue(e.getMessage().contains("offset"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("[".repeat(300) + "]".repeat(300)));
    assertThrows(IllegalArgumentException.class, () -> MiniJson.write(new Object()));
    assertThrows(IllegalArgumentException.class, () -> MiniJson.write(Double.NaN));
  }
}
