package dev.cairn.core.encoding;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.testing.TestData;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.*;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RlpTest {
  private static JsonNode json(String file) throws Exception {
    return new ObjectMapper().readTree(TestData.read("ethereum-tests/RLPTests/" + file));
  }

  /** The ethereum-tests `in` value as an item: strings are Latin-1 bytes, "#n" and numbers integers. */
  private static RlpItem toItem(JsonNode in) {
    if (in.isArray()) {
      List<RlpItem> items = new ArrayList<>();
      in.forEach(n -> items.add(toItem(n)));
      return RlpItem.ofList(items);
    }
    if (in.isNumber()) {
      return RlpItem.ofBigInteger(in.bigIntegerValue());
    }
    String s = in.asText();
    if (s.startsWith("#")) {
      return RlpItem.ofBigInteger(new BigInteger(s.substring(1)));
    }
    return RlpItem.of(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void validVectors() throws Exception {
    JsonNode root = json("rlptest.json");
    int count = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); count++) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode in = e.getValue().get("in");
      byte[] out = Hex.decode(e.getValue().get("out").asText());
      RlpItem expected = toItem(in);
      assertArrayEquals(out, Rlp.encode(expected), e.getKey());
      RlpItem decoded = Rlp.decode(out);
      assertEquals(expected, decoded, e.getKey());
      assertEquals(out.length, decoded.encodedLength(), e.getKey());
      if (in.isNumber() || in.asText().startsWith("#")) {
        BigInteger v = in.isNumber() ? in.bigIntegerValue() : new BigInteger(in.asText().substring(1));
        assertEquals(v, decoded.asBigInteger(), e.getKey());
        assertArrayEquals(out, Rlp.encodeBigInteger(v), e.getKey());
        if (v.bitLength() < 64) {
          assertEquals(v.longValueExact(), decoded.asLong(), e.getKey());
          assertArrayEquals(out, Rlp.encodeLong(v.longValueExact()), e.getKey());
        }
      }
    }
    assertEquals(root.size(), count);
    assertTrue(count >= 20);
  }

  @Test
  void invalidVectors() throws Exception {
    JsonNode root = json("invalidRLPTest.json");
    assertTrue(root.size() >= 20);
    root.fields()
        .forEachRemaining(
            e -> {
              byte[] out = Hex.decode(e.getValue().get("out").asText());
              assertThrows(DecodingException.class, () -> Rlp.decode(out), e.getKey());
            });
  }

  @Test
  void randomVectorsDecode() throws Exception {
    JsonNode root = json("RandomRLPTests/example.json");
    assertTrue(root.size() >= 1);
    root.fields()
        .forEachRemaining(
            e -> {
              byte[] out = Hex.decode(e.getValue().get("out").asText());
              assertArrayEquals(out, Rlp.encode(Rlp.decode(out)), e.getKey());
            });
  }

  @Test
  void specificRejectionsNameTheOffset() {
    // 0x81 0x05 is a non-canonical single byte, inside a list at offset 1
    DecodingException e = assertThrows(DecodingException.class, () -> Rlp.decode(Hex.decode("c3808105")));
    assertEquals(2, e.offset());
    // leading zero in a long length
    e = assertThrows(DecodingException.class, () -> Rlp.decode(Hex.decode("b90040")));
    assertEquals(1, e.offset());
    // trailing bytes
    e = assertThrows(DecodingException.class, () -> Rlp.decode(Hex.decode("8000")));
    assertEquals(1, e.offset());
    assertTrue(e.getMessage().contains("trailing"));
    // an element running past its enclosing list
    assertThrows(DecodingException.class, () -> Rlp.decode(Hex.decode("c1820000")));
    // a 2^63-ish length must not allocate
    assertThrows(DecodingException.class, () -> Rlp.decode(Hex.decode("bf7fffffffffffffff00")));
    assertThrows(DecodingException.class, () -> Rlp.decode(Hex.decode("ff8000000000000000")));
    assertThrows(DecodingException.class, () -> Rlp.decode(new byte[0]));
  }

  @Test
  void depthLimit() {
    byte[] ok = nested(Rlp.MAX_DEPTH);
    RlpItem item = Rlp.decode(ok);
    assertArrayEquals(ok, Rlp.encode(item));
    byte[] tooDeep = nested(Rlp.MAX_DEPTH + 1);
    DecodingException e = assertThrows(DecodingException.class, () -> Rlp.decode(tooDeep));
    assertTrue(e.getMessage().contains("deeper"));
  }

  private static byte[] nested(int depth) {
    RlpItem it = RlpItem.ofList();
    for (int i = 1; i < depth; i++) {
      it = RlpItem.ofList(it);
    }
    return Rlp.encode(it);
  }

  @Test
  void integerAccessorsAreStrict() {
    assertEquals(0, RlpItem.ofLong(0).asLong());
    assertEquals(0, Rlp.decode(new byte[] {(byte) 0x80}).asInt());
    // 0x00 as an integer has a leading zero
    assertThrows(DecodingException.class, () -> Rlp.decode(new byte[] {0}).asLong());
    assertThrows(DecodingException.class, () -> Rlp.decode(Hex.decode("820001")).asBigInteger());
    assertEquals(Long.MAX_VALUE, Rlp.decode(Rlp.encodeLong(Long.MAX_VALUE)).asLong());
    assertThrows(
        DecodingException.class,
        () -> Rlp.decode(Rlp.encodeBigInteger(BigInteger.ONE.shiftLeft(63))).asLong());
    assertThrows(
        DecodingException.class, () -> Rlp.decode(Rlp.encodeLong(1L << 31)).asInt());
    assertEquals(Integer.MAX_VALUE, Rlp.decode(Rlp.encodeLong(Integer.MAX_VALUE)).asInt());
    assertThrows(DecodingException.class, () -> Rlp.decode(Hex.decode("c0")).asLong());
    assertThrows(DecodingException.class, () -> Rlp.decode(Hex.decode("80")).items());
    assertThrows(IllegalArgumentException.class, () -> Rlp.encodeLong(-1));
    assertThrows(IllegalArgumentException.class, () -> Rlp.encodeBigInteger(BigInteger.valueOf(-1)));
  }

  @Test
  void readerWalksWithoutATree() {
    // [nonce 9, "dog", [1, 2]] followed by a second top-level item
    byte[] list =
        Rlp.encodeList(
            Rlp.encodeLong(9), Rlp.encodeBytes("dog".getBytes(StandardCharsets.US_ASCII)),
            Rlp.encodeList(Rlp.encodeLong(1), Rlp.encodeLong(2)));
    byte[] buf = new byte[list.length + 4];
    System.arraycopy(list, 0, buf, 2, list.length);
    RlpReader r = RlpReader.of(buf, 2, list.length);
    assertTrue(r.nextIsList());
    RlpReader l = r.enterList();
    assertEquals(9, l.readLong());
    ByteBuffer dog = l.readBuffer();
    assertEquals(3, dog.remaining());
    assertEquals('d', dog.get());
    assertTrue(dog.isReadOnly());
    RlpReader inner = l.enterList();
    assertEquals(1, inner.readInt());
    assertEquals(BigInteger.TWO, inner.readBigInteger());
    inner.requireEnd();
    l.requireEnd();
    assertFalse(r.hasNext());
    r.requireEnd();
    DecodingException e = assertThrows(DecodingException.class, r::readBytes);
    assertEquals(list.length, e.offset());
    RlpReader again = RlpReader.of(list);
    assertThrows(DecodingException.class, again::readBytes);
  }

  // ---- properties ----

  @Provide
  Arbitrary<RlpItem> trees() {
    return tree(4);
  }

  private Arbitrary<RlpItem> tree(int depth) {
    Arbitrary<RlpItem> leaf =
        Arbitraries.oneOf(
            Arbitraries.bytes().array(byte[].class).ofMaxSize(80).map(RlpItem::of),
            Arbitraries.bytes().map(b -> RlpItem.of(new byte[] {b})),
            Arbitraries.longs().greaterOrEqual(0).map(RlpItem::ofLong));
    if (depth == 0) {
      return leaf;
    }
    return Arbitraries.frequencyOf(
        Tuple.of(3, leaf),
        Tuple.of(2, tree(depth - 1).list().ofMaxSize(6).map(RlpItem::ofList)));
  }

  @Property
  void treesRoundTrip(@ForAll("trees") RlpItem tree) {
    byte[] enc = Rlp.encode(tree);
    assertEquals(tree.encodedLength(), enc.length);
    RlpItem back = Rlp.decode(enc);
    assertEquals(tree, back);
    assertArrayEquals(enc, Rlp.encode(back));
    // the reader can skip the whole thing
    RlpReader r = RlpReader.of(enc);
    r.skip();
    r.requireEnd();
  }

  @Property
  void integersRoundTrip(@ForAll @IntRange(min = 0) int i, @ForAll long l, @ForAll BigInteger b) {
    assertEquals(i, Rlp.decode(Rlp.encodeLong(i)).asInt());
    long nl = l & Long.MAX_VALUE;
    assertEquals(nl, Rlp.decode(Rlp.encodeLong(nl)).asLong());
    assertEquals(nl, RlpReader.of(Rlp.encodeLong(nl)).readLong());
    BigInteger nb = b.abs();
    assertEquals(nb, Rlp.decode(Rlp.encodeBigInteger(nb)).asBigInteger());
    assertArrayEquals(Rlp.encodeLong(nl), Rlp.encodeBigInteger(BigInteger.valueOf(nl)));
  }

  @Property
  void mutationsDecodeCanonicallyOrThrowTyped(
      @ForAll("trees") RlpItem tree,
      @ForAll @IntRange(max = 10000) int where,
      @ForAll byte value,
      @ForAll @IntRange(max = 2) int kind) {
    byte[] enc = Rlp.encode(tree);
    int p = where % enc.length;
    byte[] m;
    switch (kind) {
      case 0: // change a byte
        m = enc.clone();
        m[p] = value;
        break;
      case 1: // truncate
        m = java.util.Arrays.copyOf(enc, p);
        break;
      default: // insert a byte
        m = new byte[enc.length + 1];
        System.arraycopy(enc, 0, m, 0, p);
        m[p] = value;
        System.arraycopy(enc, p, m, p + 1, enc.length - p);
    }
    try {
      RlpItem d = Rlp.decode(m);
      assertArrayEquals(m, Rlp.encode(d));
    } catch (DecodingException e) {
      assertTrue(e.offset() >= 0 && e.offset() <= m.length, e::getMessage);
    }
  }

  @Property
  void randomBytesNeverCrash(@ForAll @Size(max = 64) byte[] junk) {
    try {
      RlpItem d = Rlp.decode(junk);
      assertArrayEquals(junk, Rlp.encode(d));
    } catch (DecodingException expected) {
      assertEquals("rlp", expected.field());
    }
  }

  private static org.web3j.rlp.RlpType toWeb3j(RlpItem item) {
    if (!item.isList()) {
      return org.web3j.rlp.RlpString.create(item.bytes());
    }
    List<org.web3j.rlp.RlpType> list = new ArrayList<>();
    item.items().forEach(i -> list.add(toWeb3j(i)));
    return new org.web3j.rlp.RlpList(list);
  }

  @Property
  void encodingMatchesWeb3j(@ForAll("trees") RlpItem tree) {
    assertArrayEquals(org.web3j.rlp.RlpEncoder.encode(toWeb3j(tree)), Rlp.encode(tree));
  }

  /** Rebuilds a tree with the cursor reader only. */
  private static RlpItem readWithReader(RlpReader r) {
    if (!r.nextIsList()) {
      return RlpItem.of(r.readBytes());
    }
    RlpReader inner = r.enterList();
    List<RlpItem> items = new ArrayList<>();
    while (inner.hasNext()) {
      items.add(readWithReader(inner));
    }
    return RlpItem.ofList(items);
  }

  @Property
  void readerAgreesWithDecoder(@ForAll("trees") RlpItem tree, @ForAll @Size(max = 3) byte[] junk) {
    byte[] enc = Rlp.encode(tree);
    byte[] withJunk = new byte[enc.length + junk.length];
    System.arraycopy(enc, 0, withJunk, 0, enc.length);
    System.arraycopy(junk, 0, withJunk, enc.length, junk.length);
    RlpReader r = RlpReader.of(withJunk);
    assertEquals(tree, readWithReader(r));
    assertEquals(enc.length, r.position());
    if (junk.length > 0) {
      assertThrows(DecodingException.class, r::requireEnd);
      assertThrows(DecodingException.class, () -> Rlp.decode(withJunk));
    }
  }
}
