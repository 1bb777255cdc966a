package dev.cairn.core.encoding;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.testing.TestData;
import net.jqwik.api.*;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Base58Test {
  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  @Test
  void bitcoinCoreVectors() throws Exception {
    JsonNode root = new ObjectMapper().readTree(TestData.read("base58/base58_encode_decode.json"));
    assertTrue(root.size() >= 10);
    for (JsonNode pair : root) {
      byte[] bytes = Hex.decode(pair.get(0).asText());
      String b58 = pair.get(1).asText();
      assertEquals(b58, Base58.encode(bytes));
      assertArrayEquals(bytes, Base58.decode(b58));
    }
  }

  @Test
  void base58CheckKnownAddress() {
    // P2PKH address of hash160 751e76e8199196d454941c45d1b3a323f1433bd6 (version 0)
    byte[] payload = Hex.decode("00751e76e8199196d454941c45d1b3a323f1433bd6");
    assertEquals("1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH", Base58.encodeChecked(payload));
    assertArrayEquals(payload, Base58.decodeChecked("1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH"));
    DecodingException bad =
        assertThrows(
            DecodingException.class, () -> Base58.decodeChecked("1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMJ"));
    assertTrue(bad.getMessage().contains("checksum"));
    assertThrows(DecodingException.class, () -> Base58.decodeChecked("1"));
    assertThrows(DecodingException.class, () -> Base58.decodeChecked(""));
  }

  @Test
  void rejectsBadCharactersWithOffset() {
    for (String bad : new String[] {"0", "O", "I", "l", " ", "+", "\u00e9", "\u0661"}) {
      DecodingException e =
          assertThrows(DecodingException.class, () -> Base58.decode("addr", "11ab" + bad + "c"));
      assertEquals(4, e.offset());
      assertEquals("addr", e.field());
    }
    assertThrows(DecodingException.class, () -> Base58.decode(null));
  }

  @Test
  void boundsInputLength() {
    String max = "2".repeat(Base58.MAX_ENCODED_LENGTH);
    assertEquals(Base58.MAX_ENCODED_LENGTH, Base58.encode(Base58.decode(max)).length());
    DecodingException e =
        assertThrows(DecodingException.class, () -> Base58.decode(max + "2"));
    assertTrue(e.getMessage().contains("too long"));
    assertEquals(-1, e.offset());
  }

  /** The textbook conversion through BigInteger, as the reference for the limb-wise one. */
  private static String referenceEncode(byte[] in) {
    int zeros = 0;
    while (zeros < in.length && in[zeros] == 0) {
      zeros++;
    }
    StringBuilder digits = new StringBuilder();
    java.math.BigInteger n = new java.math.BigInteger(1, in);
    java.math.BigInteger b58 = java.math.BigInteger.valueOf(58);
    while (n.signum() > 0) {
      java.math.BigInteger[] qr = n.divideAndRemainder(b58);
      digits.append(ALPHABET.charAt(qr[1].intValue()));
      n = qr[0];
    }
    return "1".repeat(zeros) + digits.reverse();
  }

  @Property
  void matchesTheBigIntegerReference(
      @ForAll @Size(max = 140) byte[] bytes, @ForAll @IntRange(max = 3) int zeros) {
    byte[] in = new byte[zeros + bytes.length];
    System.arraycopy(bytes, 0, in, zeros, bytes.length);
    String expected = referenceEncode(in);
    assertEquals(expected, Base58.encode(in));
    assertArrayEquals(in, Base58.decode(expected));
  }

  @Test
  void limbBoundariesAgainstTheReference() {
    // every length from 0 to 40 bytes (all residues of 4 bytes and 5 digits), with extreme values
    for (int len = 0; len <= 40; len++) {
      for (int fill : new int[] {0x00, 0x01, 0x39, 0x80, 0xff}) {
        for (int lead = 0; lead <= 2; lead++) {
          byte[] in = new byte[lead + len];
          java.util.Arrays.fill(in, lead, in.length, (byte) fill);
          String expected = referenceEncode(in);
          assertEquals(expected, Base58.encode(in), "len " + len + " fill " + fill);
          assertArrayEquals(in, Base58.decode(expected), "len " + len + " fill " + fill);
        }
      }
      String zs = "z".repeat(len);
      assertEquals(zs, Base58.encode(Base58.decode(zs)));
    }
  }

  @Property
  void roundTrip(@ForAll @Size(max = 300) byte[] bytes, @ForAll @IntRange(max = 5) int zeros) {
    byte[] in = new byte[zeros + bytes.length];
    System.arraycopy(bytes, 0, in, zeros, bytes.length);
    String s = Base58.encode(in);
    assertArrayEquals(in, Base58.decode(s));
    for (int i = 0; i < zeros; i++) {
      assertEquals('1', s.charAt(i));
    }
  }

  @Provide
  Arbitrary<String> base58Strings() {
    return Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(200);
  }

  @Property
  void everyValidStringIsCanonical(@ForAll("base58Strings") String s) {
    assertEquals(s, Base58.encode(Base58.decode(s)));
  }

  @Property
  void checkedRoundTripAndCorruption(
      @ForAll @Size(max = 80) byte[] payload, @ForAll @IntRange(max = 1000) int where) {
    String s = Base58.encodeChecked(payload);
    assertArrayEquals(payload, Base58.decodeChecked(s));
    int p = where % s.length();
    char c = s.charAt(p);
    char other = ALPHABET.charAt((ALPHABET.indexOf(c) + 1 + where % 57) % 58);
    String corrupted = s.substring(0, p) + other + s.substring(p + 1);
    // a one-character change alters the number; the 32-bit checksum catches it except with
    // probability 2^-32, and a change of the leading-zero count changes the payload length
    assertThrows(DecodingException.class, () -> Base58.decodeChecked(corrupted));
  }

  @Property
  void malformedRejectedWithTypedException(@ForAll @Size(max = 60) String s) {
    try {
      byte[] out = Base58.decode(s);
      assertEquals(s, Base58.encode(out));
    } catch (DecodingException e) {
      assertTrue(e.offset() >= 0 && e.offset() < s.length());
      assertEquals(-1, ALPHABET.indexOf(s.charAt((int) e.offset())));
    }
  }
}
