package dev.cairn.core.encoding;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.encoding.Bech32.Variant;
import dev.cairn.core.testing.TestData;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.*;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Bech32Test {
  private static JsonNode vectors;

  @BeforeAll
  static void load() throws Exception {
    vectors = new ObjectMapper().readTree(TestData.read("bech32/bech32_vectors.json"));
  }

  private static void checkValid(JsonNode list, Variant variant) {
    assertTrue(list.size() > 0);
    for (JsonNode n : list) {
      String s = n.asText();
      Bech32.Decoded5 d = Bech32.decode5(s);
      assertEquals(variant, d.variant(), s);
      assertEquals(s.toLowerCase(), Bech32.encode5(d.hrp(), d.data5bit(), variant), s);
    }
  }

  private static void checkInvalid(JsonNode list) {
    assertTrue(list.size() > 0);
    for (JsonNode n : list) {
      String s = new String(Hex.decode(n.get("hex").asText()), StandardCharsets.ISO_8859_1);
      String reason = n.get("reason").asText();
      assertThrows(DecodingException.class, () -> Bech32.decode5(s), reason);
    }
  }

  @Test
  void bip173Vectors() {
    checkValid(vectors.get("bech32").get("valid"), Variant.BECH32);
    checkInvalid(vectors.get("bech32").get("invalid"));
  }

  @Test
  void bip350Vectors() {
    checkValid(vectors.get("bech32m").get("valid"), Variant.BECH32M);
    checkInvalid(vectors.get("bech32m").get("invalid"));
  }

  /** A minimal segwit address decoder on top of the codec, to run the BIP-350 address vectors. */
  private static byte[] segwitScript(String address) {
    Bech32.Decoded5 d = Bech32.decode5(address);
    if (!d.hrp().equals("bc") && !d.hrp().equals("tb")) {
      throw new DecodingException("address", 0, "unknown hrp");
    }
    byte[] data = d.data5bit();
    if (data.length < 1) {
      throw new DecodingException("address", -1, "no witness version");
    }
    int version = data[0];
    if (version > 16) {
      throw new DecodingException("address", -1, "witness version over 16");
    }
    if ((version == 0) != (d.variant() == Variant.BECH32)) {
      throw new DecodingException("address", -1, "wrong checksum variant for the version");
    }
    byte[] program = Bech32.convertBits(Arrays.copyOfRange(data, 1, data.length), 5, 8, false);
    if (program.length < 2 || program.length > 40) {
      throw new DecodingException("address", -1, "program length");
    }
    if (version == 0 && program.length != 20 && program.length != 32) {
      throw new DecodingException("address", -1, "v0 program length");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(version == 0 ? 0 : 0x50 + version);
    out.write(program.length);
    out.writeBytes(program);
    return out.toByteArray();
  }

  @Test
  void segwitAddressVectors() {
    JsonNode sw = vectors.get("segwitAddresses");
    assertTrue(sw.get("valid").size() > 0);
    for (JsonNode n : sw.get("valid")) {
      String addr = n.get("address").asText();
      assertEquals(n.get("scriptPubKey").asText(), Hex.encode(segwitScript(addr)), addr);
    }
    assertTrue(sw.get("invalid").size() > 0);
    for (JsonNode n : sw.get("invalid")) {
      String addr = n.get("address").asText();
      assertThrows(DecodingException.class, () -> segwitScript(addr), n.get("reason").asText());
    }
  }

  @Test
  void knownEncodingAndLimits() {
    byte[] program = Hex.decode("751e76e8199196d454941c45d1b3a323f1433bd6");
    byte[] data5 = new byte[33];
    System.arraycopy(Bech32.convertBits(program, 8, 5, true), 0, data5, 1, 32);
    assertEquals(
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", Bech32.encode5("BC", data5, Variant.BECH32));

    // plain 8-bit encode and decode
    String s = Bech32.encode("cosmos", program, Variant.BECH32);
    Bech32.Decoded d = Bech32.decode(s);
    assertEquals("cosmos", d.hrp());
    assertArrayEquals(program, d.data8bit());
    assertEquals(Variant.BECH32, d.variant());

    // longer data needs the explicit limit
    byte[] big = new byte[60];
    assertThrows(IllegalArgumentException.class, () -> Bech32.encode("cosmos", big, Variant.BECH32));
    String longer = Bech32.encode("cosmos", big, Variant.BECH32, 200);
    assertThrows(DecodingException.class, () -> Bech32.decode(longer));
    assertArrayEquals(big, Bech32.decode(longer, 200).data8bit());

    // mixed case
    DecodingException mixed =
        assertThrows(DecodingException.class, () -> Bech32.decode("A12uEL5L"));
    assertEquals(3, mixed.offset());
    // encoder argument checks
    assertThrows(IllegalArgumentException.class, () -> Bech32.encode5("", new byte[0], Variant.BECH32));
    assertThrows(IllegalArgumentException.class, () -> Bech32.encode5("a b", new byte[0], Variant.BECH32));
    assertThrows(IllegalArgumentException.class, () -> Bech32.encode5("a", new byte[] {32}, Variant.BECH32));
    assertThrows(DecodingException.class, () -> Bech32.decode(null));
  }

  @Test
  void convertBitsStrictPadding() {
    // 0xff in 5-bit groups: 11111 111(00)
    assertArrayEquals(new byte[] {31, 28}, Bech32.convertBits(new byte[] {(byte) 0xff}, 8, 5, true));
    assertArrayEquals(new byte[] {(byte) 0xff}, Bech32.convertBits(new byte[] {31, 28}, 5, 8, false));
    // non-zero padding bits
    assertThrows(DecodingException.class, () -> Bech32.convertBits(new byte[] {31, 29}, 5, 8, false));
    // a whole extra group of padding
    assertThrows(DecodingException.class, () -> Bech32.convertBits(new byte[] {31, 28, 0}, 5, 8, false));
    // value too wide
    DecodingException wide =
        assertThrows(DecodingException.class, () -> Bech32.convertBits(new byte[] {1, 32}, 5, 8, true));
    assertEquals(1, wide.offset());
    assertThrows(IllegalArgumentException.class, () -> Bech32.convertBits(new byte[0], 0, 8, true));
  }

  @Provide
  Arbitrary<String> hrps() {
    return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(20)
        .map(s -> s.toLowerCase());
  }

  @Property
  void roundTrip8(@ForAll("hrps") String hrp, @ForAll @Size(max = 30) byte[] data, @ForAll Variant v) {
    String s = Bech32.encode(hrp, data, v);
    Bech32.Decoded d = Bech32.decode(s);
    assertEquals(new Bech32.Decoded(hrp, data, v), d);
    // uppercase form decodes to the same
    assertEquals(d, Bech32.decode(s.toUpperCase()));
  }

  @Property
  void roundTrip5(@ForAll("hrps") String hrp, @ForAll @Size(max = 60) byte[] raw, @ForAll Variant v) {
    byte[] data5 = raw.clone();
    for (int i = 0; i < data5.length; i++) {
      data5[i] &= 31;
    }
    Bech32.Decoded5 d = Bech32.decode5(Bech32.encode5(hrp, data5, v));
    assertEquals(new Bech32.Decoded5(hrp, data5, v), d);
  }

  @Property
  void convertBitsRoundTrip(@ForAll @Size(max = 100) byte[] data) {
    assertArrayEquals(data, Bech32.convertBits(Bech32.convertBits(data, 8, 5, true), 5, 8, false));
  }

  @Property
  void mutationsRejectedOrCanonical(
      @ForAll("hrps") String hrp,
      @ForAll @Size(max = 30) byte[] data,
      @ForAll @IntRange(max = 1000) int where,
      @ForAll char replacement) {
    String s = Bech32.encode(hrp, data, Variant.BECH32M);
    int p = where % s.length();
    String m = s.substring(0, p) + replacement + s.substring(p + 1);
    Assume.that(!m.equals(s));
    try {
      Bech32.Decoded5 d = Bech32.decode5(m);
      // only a case change of a letter can keep a mutated string valid
      assertEquals(s, Bech32.encode5(d.hrp(), d.data5bit(), d.variant()));
    } catch (DecodingException e) {
      assertTrue(e.offset() >= -1 && e.offset() < m.length());
    }
  }
}
