package dev.cairn.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Keccak256;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class EventTest {
  static final Address A = Address.parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
  static final Address B = Address.parse("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");

  static byte[] word(String hex) {
    byte[] w = new byte[32];
    byte[] b = Hex.decode(hex);
    System.arraycopy(b, 0, w, 32 - b.length, b.length);
    return w;
  }

  static byte[] padRight(byte[] b) {
    byte[] out = new byte[(b.length + 31) / 32 * 32];
    System.arraycopy(b, 0, out, 0, b.length);
    return out;
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int o = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, o, p.length);
      o += p.length;
    }
    return out;
  }

  @Test
  void erc20TransferFromRawLog() {
    Event e = Event.parse("event Transfer(address indexed from, address indexed to, uint256 value)");
    List<byte[]> topics =
        List.of(
            Hex.decode("ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"),
            word(A.toHexLowercase().substring(2)),
            word(B.toHexLowercase().substring(2)));
    DecodedLog log = e.decodeLog(topics, word("0de0b6b3a7640000"));
    assertEquals(A, log.get("from"));
    assertEquals(B, log.get(1));
    assertEquals(new BigInteger("1000000000000000000"), log.get("value"));
    assertEquals(3, log.size());
    assertFalse(log.isHashed(0));
    assertEquals(List.of(A, B, new BigInteger("1000000000000000000")), log.values());
    assertTrue(log.toString().startsWith("Transfer(from=0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
    assertThrows(AbiException.class, () -> log.get("nope"));
    assertThrows(AbiException.class, () -> log.get(3));
  }

  @Test
  void dynamicIndexedValuesComeBackAsHashes() {
    Event e =
        Event.parse(
            "event Dyn(string indexed s, bytes indexed b, uint256[] indexed xs, uint8 plain)");
    EncodedLog enc =
        e.encodeLog("héllo", Hex.decode("c0ffee"), List.of(BigInteger.ONE, BigInteger.TWO), 9);
    List<byte[]> topics = enc.topics();
    assertArrayEquals(Keccak256.hash("héllo".getBytes(StandardCharsets.UTF_8)), topics.get(1));
    assertArrayEquals(Keccak256.hash(Hex.decode("c0ffee")), topics.get(2));
    assertArrayEquals(Keccak256.hash(concat(word("01"), word("02"))), topics.get(3));
    DecodedLog log = e.decodeLog(topics, enc.data());
    assertInstanceOf(IndexedHash.class, log.get(0));
    assertTrue(log.isHashed(0));
    assertEquals(IndexedHash.of(topics.get(1)), log.get("s"));
    assertTrue(((IndexedHash) log.get(1)).matches(topics.get(2)));
    assertEquals(IndexedHash.of(topics.get(3)), log.get(2));
    assertEquals(9L, log.get(3));
    assertArrayEquals(topics.get(1), e.topicFor(0, "héllo"));
  }

  @Test
  void indexedTuplesAndStaticArraysUseTheInPlaceEncoding() {
    Event e =
        Event.parse(
            "event T((uint256 a, string s, bytes32[] ids) indexed t, bool[2] indexed flags)");
    Tuple t = Tuple.of(BigInteger.valueOf(5), "abc", List.of(new byte[32]));
    EncodedLog enc = e.encodeLog(t, List.of(true, false));
    byte[] expectTuple =
        Keccak256.hash(
            concat(word("05"), padRight("abc".getBytes(StandardCharsets.US_ASCII)), new byte[32]));
    assertArrayEquals(expectTuple, enc.topics().get(1));
    assertArrayEquals(Keccak256.hash(concat(word("01"), word("00"))), enc.topics().get(2));
    assertEquals(0, enc.data().length);
    DecodedLog d = e.decodeLog(enc.topics(), enc.data());
    assertEquals(IndexedHash.of(expectTuple), d.get("t"));
  }

  @Test
  void anonymousEventsHaveNoTopic0() {
    ContractAbi abi = ContractAbi.parseJson(AbiResources.read("nested.json"));
    Event raw = abi.event("Raw").orElseThrow();
    assertTrue(raw.isAnonymous());
    EncodedLog enc = raw.encodeLog(Hex.decode("01"), 200, -2);
    assertEquals(2, enc.topics().size());
    assertArrayEquals(Keccak256.hash(Hex.decode("01")), enc.topics().get(0));
    assertEquals(
        "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe",
        Hex.encode(enc.topics().get(1)));
    DecodedLog d = raw.decodeLog(enc.topics(), enc.data());
    assertEquals(-2L, d.get("signed_"));
    assertEquals(200L, d.get("small"));
    assertFalse(raw.matchesTopic0(raw.topic0()));
    assertThrows(DecodingException.class, () -> abi.decodeLog(enc.topics(), enc.data()));
    Event four =
        Event.parse("event F(uint8 indexed a, uint8 indexed b, uint8 indexed c, uint8 indexed d) anonymous");
    assertEquals(4, four.encodeLog(1, 2, 3, 4).topics().size());
  }

  @Test
  void topicMismatchesAreDecodingExceptions() {
    Event e = Event.parse("event Transfer(address indexed from, address indexed to, uint256 value)");
    EncodedLog enc = e.encodeLog(A, B, BigInteger.ONE);
    List<byte[]> topics = enc.topics();
    DecodingException count =
        assertThrows(DecodingException.class, () -> e.decodeLog(topics.subList(0, 2), enc.data()));
    assertEquals("topics", count.field());
    assertTrue(count.getMessage().contains("expected 3 topics"), count.getMessage());
    List<byte[]> extra = new ArrayList<>(topics);
    extra.add(new byte[32]);
    assertThrows(DecodingException.class, () -> e.decodeLog(extra, enc.data()));
    List<byte[]> wrong0 = new ArrayList<>(topics);
    wrong0.set(0, new byte[32]);
    assertEquals(
        "topics[0]",
        assertThrows(DecodingException.class, () -> e.decodeLog(wrong0, enc.data())).field());
    List<byte[]> shortTopic = new ArrayList<>(topics);
    shortTopic.set(1, new byte[31]);
    assertEquals(
        "topics[1]",
        assertThrows(DecodingException.class, () -> e.decodeLog(shortTopic, enc.data())).field());
    List<byte[]> dirty = new ArrayList<>(topics);
    byte[] t = dirty.get(2).clone();
    t[0] = 1; // an address topic with non-zero padding
    dirty.set(2, t);
    assertTrue(
        assertThrows(DecodingException.class, () -> e.decodeLog(dirty, enc.data()))
            .field()
            .startsWith("topics[2]"));
    assertThrows(DecodingException.class, () -> e.decodeLog(topics, new byte[31]));
    assertThrows(DecodingException.class, () -> e.decodeLog(null, enc.data()));
  }

  @Test
  void encodeLogChecksValues() {
    Event e = Event.parse("Transfer(address indexed from, address indexed to, uint256 value)");
    assertThrows(AbiException.class, () -> e.encodeLog(A, B));
    assertThrows(AbiException.class, () -> e.encodeLog(A, "not an address", BigInteger.ONE));
    assertThrows(AbiException.class, () -> e.topicFor(2, BigInteger.ONE));
  }

  @Test
  void describesItself() {
    Event e = Event.parse("event Transfer(address indexed from, address indexed to, uint256 value)");
    assertEquals("Transfer(address,address,uint256)", e.signature());
    assertEquals(2, e.indexedCount());
    assertEquals("(uint256)", e.dataType().canonicalType());
    assertEquals(
        "event Transfer(address indexed from, address indexed to, uint256 value)", e.toString());
    assertEquals(
        e,
        Event.of(
            "Transfer",
            List.of(Param.indexed("from", "address"), Param.indexed("to", "address"), Param.of("value", "uint256")),
            false));
    assertThrows(AbiException.class, () -> Event.of("", List.of(), false));
  }

  @Property(tries = 200)
  void transferRoundTrip(
      @ForAll @Size(20) byte[] from, @ForAll @Size(20) byte[] to, @ForAll BigInteger value) {
    Event e = Event.parse("event Transfer(address indexed from, address indexed to, uint256 value)");
    BigInteger v = value.abs();
    EncodedLog enc = e.encodeLog(Address.of(from), Address.of(to), v);
    DecodedLog d = e.decodeLog(enc.topics(), enc.data());
    assertEquals(Address.of(from), d.get(0));
    assertEquals(Address.of(to), d.get(1));
    assertEquals(v, d.get(2));
  }

  @Property(tries = 200)
  void mixedRoundTrip(
      @ForAll long a, @ForAll String s, @ForAll byte[] b, @ForAll boolean flag, @ForAll int i32) {
    Event e =
        Event.parse(
            "event M(int64 indexed a, string s, bytes indexed b, bool indexed flag, int32 i)");
    EncodedLog enc = e.encodeLog(a, s, b, flag, i32);
    DecodedLog d = e.decodeLog(enc.topics(), enc.data());
    assertEquals(a, d.get(0));
    assertEquals(s, d.get(1));
    assertEquals(IndexedHash.of(Keccak256.hash(b)), d.get(2));
    assertEquals(flag, d.get(3));
    assertEquals((long) i32, d.get(4));
  }
}
