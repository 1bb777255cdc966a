package dev.cairn.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

class HexFuzzTest {

  @FuzzTest
  void decode(byte[] input) {
    String s = new String(input, StandardCharsets.UTF_8);
    byte[] decoded;
    try {
      decoded = Hex.decode(s);
    } catch (DecodingException expected) {
      return;
    }
    String digits = Hex.hasPrefix(s) ? s.substring(2) : s;
    assertEquals(digits.toLowerCase(Locale.ROOT), Hex.encode(decoded));
    assertArrayEquals(decoded, Hex.decode(Hex.encodePrefixed(decoded)));
  }
}
