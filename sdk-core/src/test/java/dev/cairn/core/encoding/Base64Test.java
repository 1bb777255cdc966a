package dev.cairn.core.encoding;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.*;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The own Base64 codec, checked against RFC 4648's vectors and java.util.Base64 as the oracle. */
class Base64Test {
  @Test
  void rfc4648Vectors() {
    String[][] v = {
      {"", ""}, {"f", "Zg=="}, {"fo", "Zm8="}, {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"},
    };
    for (String[] p : v) {
      byte[] raw = p[0].getBytes(StandardCharsets.US_ASCII);
      assertEquals(p[1], Base64.encode(raw));
      assertArrayEquals(raw, Base64.decode(p[1]));
      assertArrayEquals(raw, Base64.decode(p[1].replace("=", "")), "unpadded " + p[1]);
    }
    byte[] b = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf};
    assertEquals("+/+/", Base64.encode(b));
    assertEquals("-_-_", Base64.encodeUrl(b));
    assertArrayEquals(b, Base64.decodeUrl("k", "-_-_"));
  }

  @Test
  void rejectsMalformedInputNamingFieldAndOffset() {
    DecodingException bad = assertThrows(DecodingException.class, () -> Base64.decode("data", "Zm9v!mFy"));
    assertEquals("data", bad.field());
    assertEquals(4, bad.offset());
    assertFalse(bad.getMessage().contains("!"), "the input is not echoed");
    assertThrows(DecodingException.class, () -> Base64.decode("Zm9vY"));     // lone final char
    assertThrows(DecodingException.class, () -> Base64.decode("Zg="));       // short padding
    assertThrows(DecodingException.class, () -> Base64.decode("Zg==="));     // long padding
    assertThrows(DecodingException.class, () -> Base64.decode("Zg==Zg=="));  // data after padding
    assertThrows(DecodingException.class, () -> Base64.decode("Zm9v\nYmFy")); // line break
    assertThrows(DecodingException.class, () -> Base64.decode("-_-_"));      // URL alphabet
    assertThrows(DecodingException.class, () -> Base64.decodeUrl("k", "+/+/"));
    assertThrows(DecodingException.class, () -> Base64.decode("Zm\u00e9v"));
    assertThrows(DecodingException.class, () -> Base64.decode(null));
  }

  @Property
  void encodesLikeTheJdk(@ForAll byte[] bytes) {
    assertEquals(java.util.Base64.getEncoder().encodeToString(bytes), Base64.encode(bytes));
    assertEquals(java.util.Base64.getUrlEncoder().encodeToString(bytes), Base64.encodeUrl(bytes));
    assertArrayEquals(bytes, Base64.decode(Base64.encode(bytes)));
    assertArrayEquals(bytes, Base64.decodeUrl("k", Base64.encodeUrl(bytes)));
  }

  /** Any string over the alphabet, padding and a few strangers: accepted and rejected exactly as the JDK does. */
  @Property(tries = 2000)
  void decodesLikeTheJdk(@ForAll @StringLength(max = 14) @CharRange(from = '*', to = '~') String s) {
    byte[] jdk;
    try {
      jdk = java.util.Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      assertThrows(DecodingException.class, () -> Base64.decode(s), s);
      return;
    }
    assertArrayEquals(jdk, Base64.decode(s), s);
  }

  @Property(tries = 2000)
  void decodesPaddedAlphabetStringsLikeTheJdk(
      @ForAll @StringLength(max = 13) @CharRange(from = 'A', to = 'D') String s, @ForAll @IntRange(min = 0, max = 3) int pad) {
    String in = s + "===".substring(0, pad);
    byte[] jdk;
    try {
      jdk = java.util.Base64.getDecoder().decode(in);
    } catch (IllegalArgumentException e) {
      assertThrows(DecodingException.class, () -> Base64.decode(in), in);
      return;
    }
    assertArrayEquals(jdk, Base64.decode(in), in);
  }
}
