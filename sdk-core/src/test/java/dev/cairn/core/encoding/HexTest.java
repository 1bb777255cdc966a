package dev.cairn.core.encoding;

import static org.junit.jupiter.api.Assertions.*;

import net.jqwik.api.*;
import org.junit.jupiter.api.Test;

class HexTest {
  @Test
  void knownValues() {
    assertEquals("00ff10ab", Hex.encode(new byte[] {0, (byte) 0xff, 0x10, (byte) 0xab}));
    assertEquals("0x", Hex.encodePrefixed(new byte[0]));
    assertArrayEquals(new byte[] {(byte) 0xab, (byte) 0xcd}, Hex.decode("0xABcd"));
    assertArrayEquals(new byte[0], Hex.decode("0x"));
  }

  @Test
  void rejectsOddLengthAndBadDigits() {
    DecodingException odd = assertThrows(DecodingException.class, () -> Hex.decode("0xabc"));
    assertTrue(odd.getMessage().contains("odd"));
    DecodingException bad = assertThrows(DecodingException.class, () -> Hex.decode("data", "0xabzz"));
    assertEquals(4, bad.offset());
    assertEquals("data", bad.field());
    assertThrows(DecodingException.class, () -> Hex.decode("\u00e90"));
    assertThrows(DecodingException.class, () -> Hex.decodeFixed("key", "0x00", 32));
  }

  @Property
  void roundTrip(@ForAll byte[] bytes) {
    assertArrayEquals(bytes, Hex.decode(Hex.encode(bytes)));
    assertArrayEquals(bytes, Hex.decode("0x" + Hex.encode(bytes).toUpperCase()));
  }

  @Property
  void malformedRejected(@ForAll byte[] bytes, @ForAll char junk) {
    Assume.that(Character.digit(junk, 16) < 0 || junk > 127);
    String s = Hex.encode(bytes) + junk + "0";
    assertThrows(DecodingException.class, () -> Hex.decode(s));
  }
}
