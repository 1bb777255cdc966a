package dev.cairn.evm.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.CairnException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Round trips of {@link TransactionJson} over every type, and its refusals naming the field. */
class TransactionJsonPropertiesTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Property(tries = 500)
  void unsignedRoundTrip(@ForAll long seed, @ForAll @IntRange(min = 0, max = 4) int typeIndex) {
    RandomTxs gen = new RandomTxs(seed);
    Transaction tx = gen.tx(TxType.values()[typeIndex]);
    String json = TransactionJson.toJson(tx);
    Transaction back = TransactionJson.fromJson(json);
    assertEquals(tx, back);
    assertArrayEquals(tx.signingPayload(), back.signingPayload());
    assertEquals(json, TransactionJson.toJson(back)); // one text per transaction
  }

  @Property(tries = 300)
  void signedRoundTrip(@ForAll long seed, @ForAll @IntRange(min = 0, max = 4) int typeIndex) {
    RandomTxs gen = new RandomTxs(seed);
    SignedTransaction st = gen.tx(TxType.values()[typeIndex]).sign(gen.key());
    String json = TransactionJson.toJson(st);
    SignedTransaction back = TransactionJson.signedFromJson(json);
    assertArrayEquals(st.encoded(), back.encoded());
    assertEquals(st.from(), back.from());
    assertEquals(json, TransactionJson.toJson(back));
    // the unsigned reader takes the transaction's part of it only if the signature fields go
    TransactionJsonException e = assertThrows(TransactionJsonException.class, () -> TransactionJson.fromJson(json));
    assertEquals(TransactionJsonException.Reason.UNKNOWN_FIELD, e.reason());
  }

  /** Every field, given a value of the wrong JSON type, is refused with its name. */
  @Property(tries = 200)
  void aWrongTypeIsRefusedNamingTheField(@ForAll long seed, @ForAll @IntRange(min = 0, max = 4) int typeIndex,
      @ForAll boolean signed) throws Exception {
    RandomTxs gen = new RandomTxs(seed);
    SignedTransaction st = gen.tx(TxType.values()[typeIndex]).sign(gen.key());
    String json = signed ? TransactionJson.toJson(st) : TransactionJson.toJson(st.transaction());
    ObjectNode o = (ObjectNode) JSON.readTree(json);
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      if (name.equals("to") && o.get("to").isNull()) {
        continue; // null is absent: a creation
      }
      ObjectNode bad = o.deepCopy();
      bad.put(name, true);
      CairnException e = assertThrows(CairnException.class, () -> parse(bad.toString(), signed), name);
      assertTrue(e.getMessage().contains("tx." + name), name + ": " + e.getMessage());
      assertTrue(e instanceof TransactionJsonException, name + ": " + e);
      assertEquals("tx." + name, ((TransactionJsonException) e).field());
    }
  }

  /** Any corruption of the text is refused with a typed exception, or reads as a transaction that writes back alike. */
  @Property(tries = 1000)
  void corruptedTextIsRefusedTypedOrConsistent(@ForAll long seed, @ForAll @IntRange(min = 0, max = 4) int typeIndex,
      @ForAll @IntRange(min = 0, max = 2) int mode, @ForAll int where, @ForAll char c) {
    RandomTxs gen = new RandomTxs(seed);
    String json = TransactionJson.toJson(gen.tx(TxType.values()[typeIndex]));
    int at = Math.floorMod(where, json.length());
    String bad;
    switch (mode) {
      case 0:
        bad = json.substring(0, at) + c + json.substring(at + 1);
        break;
      case 1:
        bad = json.substring(0, at);
        break;
      default:
        bad = json.substring(0, at) + c + json.substring(at);
    }
    Transaction tx;
    try {
      tx = TransactionJson.fromJson(bad);
    } catch (CairnException e) {
      assertFalse(e.getMessage().isEmpty());
      return;
    }
    assertEquals(tx, TransactionJson.fromJson(TransactionJson.toJson(tx)));
  }

  private static Object parse(String json, boolean signed) {
    return signed ? TransactionJson.signedFromJson(json) : TransactionJson.fromJson(json);
  }
}
