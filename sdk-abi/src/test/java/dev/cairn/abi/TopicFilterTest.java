package dev.cairn.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Keccak256;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicFilterTest {
  static final Event TRANSFER =
      Event.parse("event Transfer(address indexed from, address indexed to, uint256 value)");
  static final Address A = Address.parse("0x00000000000000000000000000000000000000aa");
  static final Address B = Address.parse("0x00000000000000000000000000000000000000bb");
  static final String T0 = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
  static final String PA = "0x00000000000000000000000000000000000000000000000000000000000000aa";
  static final String PB = "0x00000000000000000000000000000000000000000000000000000000000000bb";

  @Test
  void wildcardsAndTrailingTrim() {
    assertEquals("[\"" + T0 + "\"]", TRANSFER.topicFilter().toJson());
    assertEquals("[\"" + T0 + "\"]", TRANSFER.topicFilter(null, null).toJson());
    assertEquals("[\"" + T0 + "\",null,\"" + PA + "\"]", TRANSFER.topicFilter(null, A).toJson());
    TopicFilter f = TRANSFER.topicFilter(A);
    assertEquals(2, f.size());
    assertTrue(f.isWildcard(2));
    assertFalse(f.isWildcard(1));
  }

  @Test
  void alternativesAreOr() {
    String expected = "[\"" + T0 + "\",[\"" + PA + "\",\"" + PB + "\"],\"" + PB + "\"]";
    assertEquals(expected, TRANSFER.topicFilter(List.of(A, B), B).toJson());
    assertEquals(expected, TRANSFER.topicFilter(TopicFilter.anyOf(A, B), B).toJson());
    TopicFilter f = TRANSFER.topicFilter(TopicFilter.anyOf(A, B));
    assertEquals(2, f.alternatives(1).size());
    EncodedLog fromA = TRANSFER.encodeLog(A, B, BigInteger.ONE);
    EncodedLog fromOther =
        TRANSFER.encodeLog(Address.parse("0x00000000000000000000000000000000000000cc"), B, BigInteger.ONE);
    assertTrue(f.matches(fromA.topics()));
    assertFalse(f.matches(fromOther.topics()));
    assertFalse(f.matches(List.of(fromA.topics().get(0))));
  }

  @Test
  void stringsAndBytesAreHashed() {
    Event uri = Event.parse("event Named(string indexed name, bytes indexed blob, uint256[] indexed xs)");
    TopicFilter f = uri.topicFilter("alice", Hex.decode("0102"), List.of(BigInteger.ONE));
    assertEquals(
        Hex.encode(Keccak256.hash("alice".getBytes(StandardCharsets.UTF_8))),
        Hex.encode(f.alternatives(1).get(0)));
    assertEquals(Hex.encode(Keccak256.hash(Hex.decode("0102"))), Hex.encode(f.alternatives(2).get(0)));
    // a list for an array-typed input is the array value, not alternatives
    assertEquals(1, f.alternatives(3).size());
    TopicFilter or = uri.topicFilter(TopicFilter.anyOf("alice", "bob"));
    assertEquals(2, or.alternatives(1).size());
  }

  @Test
  void anonymousEventsHaveNoTopic0Position() {
    Event anon = Event.parse("event A(address indexed who) anonymous");
    assertEquals("[\"" + PA + "\"]", anon.topicFilter(A).toJson());
    assertEquals("[]", anon.topicFilter().toJson());
  }

  @Test
  void badFiltersAreRejected() {
    assertThrows(AbiException.class, () -> TRANSFER.topicFilter(A, B, A));
    assertThrows(AbiException.class, () -> TRANSFER.topicFilter("not an address"));
    assertThrows(AbiException.class, () -> TopicFilter.anyOf());
    assertThrows(AbiException.class, () -> TRANSFER.topicFilter(List.of()));
    assertThrows(AbiException.class, () -> TopicFilter.of(List.of(List.of(new byte[31]))));
    assertThrows(AbiException.class, () -> TopicFilter.of(List.of(List.of())));
  }

  @Test
  void explicitPositions() {
    byte[] t = new byte[32];
    java.util.ArrayList<List<byte[]>> ps = new java.util.ArrayList<>();
    ps.add(null);
    ps.add(List.of(t));
    ps.add(null);
    TopicFilter f = TopicFilter.of(ps);
    assertEquals(2, f.size());
    assertEquals("[null,\"0x" + "00".repeat(32) + "\"]", f.toString());
    assertEquals(f, TopicFilter.of(ps));
  }
}
