package dev.cairn.cosmos.msg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.json.Json;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.oracle.RandomCosmos;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class MessagesTest {
  @Test
  void anAnyWithoutATypeUrlDoesNotDecode() {
    // found by fuzzing: Any.decode accepted a type_url that Any.of refuses, so a decoded message
    // could not be rebuilt or re-encoded
    DecodingException none = assertThrows(DecodingException.class, () -> Any.decode(Hex.decode("120178")));
    assertEquals("Any.type_url", none.field());
    DecodingException empty = assertThrows(DecodingException.class, () -> Any.decode(Hex.decode("0a00120178")));
    assertEquals("Any.type_url", empty.field());
    assertEquals(1, empty.offset()); // the length prefix of the empty type_url, as ProtoReader reports fields
    byte[] longUrl = new byte[3 + 257];
    longUrl[0] = 0x0a;
    longUrl[1] = (byte) 0x81;
    longUrl[2] = 0x02;
    java.util.Arrays.fill(longUrl, 3, longUrl.length, (byte) 'a');
    assertThrows(DecodingException.class, () -> Any.decode(longUrl));
    // inside a body the error names the message
    DecodingException inBody = assertThrows(DecodingException.class,
        () -> dev.cairn.cosmos.tx.TxBody.decode(Hex.decode("0a03120178")));
    assertTrue(inBody.field().startsWith("TxBody.messages[0]"), inBody.field());
    assertEquals("/a.B", Any.decode(Hex.decode("0a042f612e42")).typeUrl());
  }
  static final String A = "cosmos10s4mg25tu6termrk8egltfyme4q7sg3her239u";
  static final String C = "cosmos14hj2tavq8fpesdwxxcu44rty3hh90vhujrvcmstl4zr3txmfvw9s4hmalr";

  @Property(tries = 400)
  void everyMessageRoundTripsThroughProtobufAndJson(@ForAll long seed) {
    RandomCosmos g = new RandomCosmos(seed);
    String type = RandomCosmos.TYPES.get(Math.floorMod(seed, RandomCosmos.TYPES.size()));
    CosmosMsg m = g.msg(type, g.account());
    CosmosMsg back = Messages.decode(Any.decode(m.toAny().encode()));
    assertEquals(m, back);
    assertArrayEquals(m.encode(), back.encode());
    assertEquals(m.getClass(), back.getClass());
    CosmosMsg fromJson = Messages.fromJson(Json.parse(Json.write(Messages.toJson(m))).asObject("msg"));
    assertEquals(m, fromJson, "JSON round trip of " + Messages.toJson(m));
  }

  @Property(tries = 1000)
  void malformedProtobufGivesDecodingErrorsOnly(@ForAll long seed) {
    RandomCosmos g = new RandomCosmos(seed);
    String type = RandomCosmos.TYPES.get(Math.floorMod(seed, RandomCosmos.TYPES.size()));
    byte[] b = g.msg(type, g.account()).encode();
    java.util.Random r = g.random();
    switch (r.nextInt(3)) {
      case 0: // truncate
        b = java.util.Arrays.copyOf(b, r.nextInt(Math.max(1, b.length)));
        break;
      case 1: // flip bytes
        for (int i = 0; i < 1 + r.nextInt(4) && b.length > 0; i++) {
          b[r.nextInt(b.length)] ^= (byte) (1 + r.nextInt(255));
        }
        break;
      default: // random
        b = g.bytes(r.nextInt(200));
    }
    try {
      CosmosMsg m = Messages.decode(Any.of(type, b));
      assertEquals(type, m.typeUrl()); // decoded: it must then re-encode and decode to itself
      assertEquals(m, Messages.decode(m.toAny()));
    } catch (DecodingException expected) {
      assertFalse(expected.getMessage().isEmpty());
    }
  }

  @Test
  void unknownTypesAreKeptAsRawAny() {
    Any any = Any.of("/osmosis.gamm.v1beta1.MsgSwapExactAmountIn", Hex.decode("0a0361626312"));
    CosmosMsg m = Messages.decode(any);
    assertInstanceOf(UnknownMsg.class, m);
    assertEquals(any, m.toAny());
    assertFalse(m.hasAmino());
    assertThrows(CosmosException.class, m::toAmino);
  }

  @Test
  void storeCodeGzipsRawWasmOnly() throws IOException {
    byte[] wasm = "\0asm\u0001\0\0\0 some wasm code code code code".getBytes(StandardCharsets.ISO_8859_1);
    MsgStoreCode m = MsgStoreCode.of(A, wasm);
    assertTrue(MsgStoreCode.isGzip(m.wasmByteCode()));
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(m.wasmByteCode()))) {
      assertArrayEquals(wasm, in.readAllBytes());
    }
    MsgStoreCode again = MsgStoreCode.of(A, m.wasmByteCode());
    assertArrayEquals(m.wasmByteCode(), again.wasmByteCode(), "gzip input is kept as it is");
    CosmosException e = assertThrows(CosmosException.class, () -> MsgStoreCode.of(A, new byte[0]));
    assertTrue(e.getMessage().contains("wasmByteCode"));
  }

  @Test
  void contractMessagesKeepKeyOrderAndBytes() {
    byte[] msg = "{\"transfer\":{\"recipient\":\"x\",\"amount\":\"1\"}}".getBytes(StandardCharsets.UTF_8);
    MsgExecuteContract m = MsgExecuteContract.of(A, C, msg, List.of());
    assertArrayEquals(msg, m.msg());
    assertEquals("{\"transfer\":{\"recipient\":\"x\",\"amount\":\"1\"}}", Json.write(m.toJson().get("msg")));
    // amino sorts (the sign document's canonical form)
    assertEquals("{\"contract\":\"" + C + "\",\"funds\":[],\"msg\":{\"transfer\":{\"amount\":\"1\",\"recipient\":\"x\"}},\"sender\":\"" + A + "\"}",
        Json.writeCanonical(m.toAmino()));
  }

  @Test
  void aminoRefusesContractJsonThatCosmJsAndTheChainWouldRenderDifferently() {
    MsgExecuteContract numericKey = MsgExecuteContract.of(A, C, "{\"a\":{\"10\":1,\"2\":2}}".getBytes(StandardCharsets.UTF_8), List.of());
    CosmosException e = assertThrows(CosmosException.class, numericKey::toAmino);
    assertTrue(e.getMessage().contains("msg.a.10"), e.getMessage());
    MsgExecuteContract decimal = MsgExecuteContract.of(A, C, "{\"a\":1.50}".getBytes(StandardCharsets.UTF_8), List.of());
    assertThrows(CosmosException.class, decimal::toAmino);
    MsgExecuteContract huge = MsgExecuteContract.of(A, C, "{\"a\":9007199254740993}".getBytes(StandardCharsets.UTF_8), List.of());
    assertThrows(CosmosException.class, huge::toAmino);
    assertArrayEquals(decimal.msg(), Messages.decode(decimal.toAny()).encode().length > 0 ? decimal.msg() : null);
  }

  @Test
  void badInputsAreTypedAndNameTheField() {
    CosmosException e = assertThrows(CosmosException.class, () -> MsgSend.of("cosmos1notanaddress", A, List.of()));
    assertEquals(CosmosException.Reason.INVALID_INPUT, e.reason());
    assertTrue(e.getMessage().startsWith("fromAddress"), e.getMessage());
    e = assertThrows(CosmosException.class, () -> MsgExecuteContract.of(A, C, "{not json".getBytes(StandardCharsets.UTF_8), List.of()));
    assertTrue(e.getMessage().startsWith("msg"), e.getMessage());
    byte[] big = ("{\"a\":\"" + "x".repeat(MsgExecuteContract.MAX_MSG_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
    e = assertThrows(CosmosException.class, () -> MsgExecuteContract.of(A, C, big, List.of()));
    assertEquals(CosmosException.Reason.TOO_LARGE, e.reason());
    e = assertThrows(CosmosException.class, () -> MsgTransfer.of("transfer", "channel-0", Coin.of("uatom", 1), A, "osmo1x", 0, 0, 0, ""));
    assertTrue(e.getMessage().startsWith("timeoutHeight"), e.getMessage());
    e = assertThrows(CosmosException.class, () -> MsgInstantiateContract.of(A, "", 1, "", "{}".getBytes(StandardCharsets.UTF_8), List.of()));
    assertTrue(e.getMessage().startsWith("label"), e.getMessage());
    assertThrows(CosmosException.class, () -> MsgGrant.of(A, A, null, null));
    assertThrows(CosmosException.class, () -> MsgExec.of(A, List.of()));
  }

  @Test
  void authzAndFeegrantHaveNoAminoFormAsInCosmJs() {
    MsgGrant g = MsgGrant.of(A, A, GenericAuthorization.of(MsgSend.TYPE_URL), null);
    assertFalse(g.hasAmino());
    CosmosException e = assertThrows(CosmosException.class, g::aminoType);
    assertTrue(e.getMessage().contains("direct"), e.getMessage());
  }

  @Test
  void msgTransferAlwaysWritesTheTimeoutHeightAsIbcGoDoes() {
    MsgTransfer t = MsgTransfer.of("transfer", "channel-141", Coin.of("uatom", 5), A, "osmo1anything", 0, 0, 1, "");
    // field 6 (timeout_height) present and empty: 0x32 0x00
    assertTrue(Hex.encode(t.encode()).contains("3200"), Hex.encode(t.encode()));
    assertEquals("{}", Json.write(t.toAmino().get("timeout_height")));
    assertFalse(t.toAmino().has("memo"));
  }
}
