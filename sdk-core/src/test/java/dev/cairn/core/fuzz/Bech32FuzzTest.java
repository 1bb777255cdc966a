package dev.cairn.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.core.encoding.Bech32;
import dev.cairn.core.encoding.DecodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Bech32 and Bech32m. The decoder accepts an all-uppercase string (BIP-173), so the canonical check
 * compares the re-encoding with the lowercased input.
 */
class Bech32FuzzTest {

  @FuzzTest
  void decode5(byte[] input) {
    String s = new String(input, StandardCharsets.UTF_8);
    Bech32.Decoded5 d;
    try {
      d = Bech32.decode5(s);
    } catch (DecodingException expected) {
      return;
    }
    String again = Bech32.encode5(d.hrp(), d.data5bit(), d.variant());
    assertEquals(s.toLowerCase(Locale.ROOT), again);
    assertEquals(d, Bech32.decode5(again));
  }

  @FuzzTest
  void decode(byte[] input) {
    String s = new String(input, StandardCharsets.UTF_8);
    Bech32.Decoded d;
    try {
      d = Bech32.decode(s);
    } catch (DecodingException expected) {
      return;
    }
    // 8-bit data with zero padding re-encodes to the same string
    assertEquals(s.toLowerCase(Locale.ROOT), Bech32.encode(d.hrp(), d.data8bit(), d.variant()));
  }

  /** Valid strings built from fuzzed parts: decode gives the parts back; a changed character fails. */
  @FuzzTest
  void roundTrip(FuzzedDataProvider data) {
    Bech32.Variant variant = data.consumeBoolean() ? Bech32.Variant.BECH32 : Bech32.Variant.BECH32M;
    int hrpLen = data.consumeInt(1, 20);
    char[] hrp = new char[hrpLen];
    for (int i = 0; i < hrpLen; i++) {
      char c = data.consumeChar((char) 33, (char) 126);
      hrp[i] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c == '1' ? 'q' : c;
    }
    byte[] payload = data.consumeBytes(Bech32.MAX_LENGTH);
    String hrpS = new String(hrp);
    String s;
    try {
      s = Bech32.encode(hrpS, payload, variant);
    } catch (IllegalArgumentException tooLong) {
      // the encoder's documented refusal of a result over MAX_LENGTH
      assertEquals(true, hrpLen + 1 + (payload.length * 8 + 4) / 5 + 6 > Bech32.MAX_LENGTH,
          "encoder refused a string within the limit: " + tooLong.getMessage());
      return;
    }
    Bech32.Decoded d = Bech32.decode(s);
    assertEquals(hrpS, d.hrp());
    assertEquals(variant, d.variant());
    assertArrayEquals(payload, d.data8bit());
    assertEquals(d, Bech32.decode(s.toUpperCase(Locale.ROOT)));
    char[] c = s.toCharArray();
    int at = hrpLen + 1 + data.consumeInt(0, c.length - hrpLen - 2);
    c[at] = c[at] == 'q' ? 'p' : 'q';
    try {
      Bech32.Decoded5 other = Bech32.decode5(new String(c));
      assertEquals(false, other.variant() == variant,
          "one changed character passed the checksum: " + new String(c));
    } catch (DecodingException expected) {
      // Bech32 detects any single substitution
    }
  }
}
