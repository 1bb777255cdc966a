package dev.cairn.cosmos.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.cosmos.CosmosAddress;
import dev.cairn.cosmos.CosmosException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Bech32 addresses of the cosmos module: {@link CosmosAddress#parse} returns an address or throws
 * {@link DecodingException} (and {@link CosmosException} WRONG_PREFIX for the prefixed variant);
 * a parsed address prints as its input in lower case and re-encodes from its prefix and bytes to
 * the same text (Bech32 is canonical once case is fixed).
 */
class CosmosAddressFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void address(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    CosmosAddress a;
    try {
      a = CosmosAddress.parse(text);
    } catch (DecodingException e) {
      return;
    }
    assertEquals(text.toLowerCase(Locale.ROOT), a.toString());
    CosmosAddress again = CosmosAddress.of(a.prefix(), a.bytes());
    assertEquals(a, again);
    assertEquals(a.toString(), again.toString());
    assertArrayEquals(a.bytes(), CosmosAddress.parse(a.toString()).bytes());
    try {
      CosmosAddress.parse(text, "cosmos");
    } catch (CosmosException e) {
      assertEquals(CosmosException.Reason.WRONG_PREFIX, e.reason());
    }
  }
}
