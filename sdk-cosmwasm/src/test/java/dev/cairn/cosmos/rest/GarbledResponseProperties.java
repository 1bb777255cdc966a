package dev.cairn.cosmos.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.chain.ChainId;
import dev.cairn.cosmos.client.TxResult;
import dev.cairn.cosmos.rpc.CometRpcClient;
import dev.cairn.cosmos.testsupport.FixtureServer;
import dev.cairn.cosmos.testsupport.Fixtures;
import dev.cairn.transport.JsonRpcClient;
import dev.cairn.transport.RestClient;
import dev.cairn.transport.RetryPolicy;
import dev.cairn.transport.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property tests over the REST and CometBFT readers, through the real transport against one
 * scripted server: garbled responses (cut, spliced, a required field removed or of the wrong
 * type) give a {@link TransportException} of kind MALFORMED_RESPONSE (naming the field where one
 * is known) and nothing else; valid responses give exactly the values they carry.
 */
class GarbledResponseProperties {
  static final String ADDR = "cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu";
  static final String H1 = "D4A5C8E2B1F0937A6E5D4C3B2A19087F6E5D4C3B2A19087F6E5D4C3B2A190870";
  static final String TXH = "9166CFC0BC11C4BB687642F88F65C5333F77EFBD122397CCC07128A6383392AC";
  static final AtomicReference<String> BODY = new AtomicReference<>("{}");
  static FixtureServer server;
  static CosmosRestClient rest;
  static CometRpcClient rpc;

  @BeforeContainer
  static void start() throws Exception {
    server = new FixtureServer(r -> r.method.equals("POST") && r.target.equals("/")
        ? FixtureServer.rpcResult(r, BODY.get()) : FixtureServer.ok(BODY.get()));
    RetryPolicy none = RetryPolicy.of(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1));
    rest = CosmosRestClient.of(RestClient.builder(server.url()).retryPolicy(none).build(), ChainId.cosmos("testing"));
    rpc = CometRpcClient.of(JsonRpcClient.builder(server.url()).retryPolicy(none).build(), ChainId.cosmos("testing"));
  }

  @AfterContainer
  static void stop() throws Exception {
    rest.close();
    rpc.close();
    server.close();
  }

  // ------------------------------------------------------------------ valid values

  @Property(tries = 200)
  void validAccountsOfEveryKindGiveTheirValues(@ForAll @LongRange(min = 0) long number, @ForAll @LongRange(min = 0) long sequence,
      @ForAll @IntRange(min = 0, max = 7) int kind, @ForAll("keys") byte[] key) throws Exception {
    ObjectNode base = JsonNodeFactory.instance.objectNode();
    base.put("address", ADDR);
    if (key.length == 0) {
      base.putNull("pub_key");
    } else {
      base.putObject("pub_key").put("@type", "/cosmos.crypto.secp256k1.PubKey").put("key", Base64.getEncoder().encodeToString(key));
    }
    base.put("account_number", Long.toString(number));
    base.put("sequence", Long.toString(sequence));
    ObjectNode acct = JsonNodeFactory.instance.objectNode();
    String[] types = {"/cosmos.auth.v1beta1.BaseAccount", "/cosmos.vesting.v1beta1.ContinuousVestingAccount",
        "/cosmos.vesting.v1beta1.DelayedVestingAccount", "/cosmos.vesting.v1beta1.PeriodicVestingAccount",
        "/cosmos.vesting.v1beta1.PermanentLockedAccount", "/cosmos.auth.v1beta1.ModuleAccount",
        "/ethermint.types.v1.EthAccount", "/injective.types.v1beta1.EthAccount"};
    acct.put("@type", types[kind]);
    if (kind == 0) {
      acct.setAll(base);
    } else if (kind <= 4) {
      ObjectNode bva = acct.putObject("base_vesting_account");
      bva.set("base_account", base);
      bva.putArray("original_vesting").addObject().put("denom", "uatom").put("amount", "5");
      bva.put("end_time", "0");
    } else {
      acct.set("base_account", base);
      acct.put(kind == 5 ? "name" : "code_hash", "x");
    }
    BODY.set("{\"account\":" + acct + "}");
    CosmosAccount a = rest.account(ADDR).orElseThrow();
    assertEquals(types[kind], a.typeUrl());
    assertEquals(number, a.accountNumber());
    assertEquals(sequence, a.sequence());
    assertEquals(key.length != 0, a.pubKey().isPresent());
    if (key.length != 0) {
      assertArrayEquals(key, a.pubKey().get());
    }
  }

  @Provide
  Arbitrary<byte[]> keys() {
    return Arbitraries.oneOf(Arbitraries.just(new byte[0]), Arbitraries.bytes().array(byte[].class).ofSize(33));
  }

  @Property(tries = 200)
  void validTxResponsesGiveTheirValues(@ForAll @LongRange(min = 1) long height, @ForAll @IntRange(min = 0, max = 40) int code,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long gasUsed, @ForAll("logs") String log) throws Exception {
    ObjectNode root = (ObjectNode) FixtureServer.MAPPER.readTree(Fixtures.read("sdk-0.50", "tx-success.json"));
    ObjectNode r = (ObjectNode) root.get("tx_response");
    r.put("height", Long.toString(height));
    r.put("code", code);
    r.put("codespace", code == 0 ? "" : "sdk");
    r.put("gas_used", Long.toString(gasUsed));
    r.put("raw_log", log);
    BODY.set(root.toString());
    TxResult t = rest.tx(H1).orElseThrow();
    assertEquals(height, t.height());
    assertEquals(code, t.code());
    assertEquals(gasUsed, t.gasUsed());
    assertEquals(log, t.log());
    assertEquals(code == 0, t.isSuccess());
  }

  @Provide
  Arbitrary<String> logs() {
    return Arbitraries.strings().ofMaxLength(200);
  }

  // ------------------------------------------------------------------ garbled

  @Property(tries = 300)
  void cutOrSplicedResponsesAreMalformedNeverACrash(@ForAll("fixtureNames") String name, @ForAll("cuts") int[] cut)
      throws Exception {
    String text = Fixtures.read(name.startsWith("cometbft") ? name.substring(0, 13) : name.substring(0, 8),
        name.substring(name.indexOf('/') + 1));
    int a = Math.min(cut[0], text.length());
    int b = Math.min(a + cut[1], text.length());
    String garbled = text.substring(0, a) + (cut[2] == 0 ? "" : cut[2] == 1 ? "\"" : "{") + text.substring(b);
    BODY.set(garbled);
    try {
      call(name);
    } catch (TransportException e) {
      assertEquals(TransportException.Kind.MALFORMED_RESPONSE, e.kind(), e.getMessage());
      assertTrue(e.path().isPresent());
    }
  }

  @Provide
  Arbitrary<String> fixtureNames() {
    return Arbitraries.of("sdk-0.47/account-base.json", "sdk-0.50/account-continuous-vesting.json",
        "sdk-0.50/account-module.json", "sdk-0.47/tx-success.json", "sdk-0.50/tx-wasm-failed.json",
        "cometbft-0.37/tx.json", "cometbft-0.38/tx.json");
  }

  @Provide
  Arbitrary<int[]> cuts() {
    return Combinators.combine(Arbitraries.integers().between(0, 3000), Arbitraries.integers().between(0, 40),
        Arbitraries.integers().between(0, 2)).as((x, y, z) -> new int[] {x, y, z});
  }

  @Property(tries = 300)
  void aRemovedOrMistypedRequiredFieldIsNamed(@ForAll("requiredFields") String[] c, @ForAll @IntRange(min = 0, max = 3) int how)
      throws Exception {
    String name = c[0];
    String pointer = c[1];
    JsonNode root = FixtureServer.MAPPER.readTree(Fixtures.read(name.substring(0, name.indexOf('/')),
        name.substring(name.indexOf('/') + 1)));
    ObjectNode parent = (ObjectNode) root.at(pointer.substring(0, pointer.lastIndexOf('/')));
    String field = pointer.substring(pointer.lastIndexOf('/') + 1);
    switch (how) {
      case 0: parent.remove(field); break;
      case 1: parent.putArray(field).add(1); break;
      case 2: parent.put(field, true); break;
      default: parent.putObject(field).put("x", 1); break;
    }
    BODY.set(root.toString());
    try {
      call(name);
      fail("accepted " + pointer + " " + (how == 0 ? "removed" : "mistyped"));
    } catch (TransportException e) {
      assertEquals(TransportException.Kind.MALFORMED_RESPONSE, e.kind(), e.getMessage());
      String expected = name.startsWith("cometbft") ? "/result" + pointer : pointer;
      if (how == 0) {
        assertEquals(expected, e.path().orElseThrow(), e.getMessage());
      } else {
        // a mistyped object is named by the field itself or by what is missing inside it
        assertTrue(e.path().orElseThrow().startsWith(expected), expected + " vs " + e.getMessage());
      }
    }
  }

  @Provide
  Arbitrary<String[]> requiredFields() {
    List<String[]> all = new ArrayList<>();
    for (String v : Fixtures.SDK_VERSIONS) {
      for (String f : new String[] {"/account/address", "/account/account_number", "/account/sequence", "/account/@type"}) {
        all.add(new String[] {v + "/account-base.json", f});
      }
      for (String f : new String[] {"/account/base_vesting_account/base_account/sequence",
          "/account/base_vesting_account/base_account/account_number"}) {
        all.add(new String[] {v + "/account-delayed-vesting.json", f});
      }
      all.add(new String[] {v + "/account-module.json", "/account/base_account/address"});
      for (String f : new String[] {"/tx_response/txhash", "/tx_response/height", "/tx_response/code",
          "/tx_response/gas_wanted", "/tx_response/gas_used"}) {
        all.add(new String[] {v + "/tx-success.json", f});
      }
    }
    for (String v : Fixtures.COMET_VERSIONS) {
      for (String f : new String[] {"/hash", "/height", "/tx_result", "/tx_result/gas_used", "/tx_result/gas_wanted"}) {
        all.add(new String[] {v + "/tx.json", f});
      }
    }
    return Arbitraries.of(all);
  }

  private static void call(String name) {
    if (name.contains("account")) {
      rest.account(ADDR);
    } else if (name.startsWith("sdk")) {
      rest.tx(H1);
    } else {
      rpc.tx(TXH);
    }
  }

  /** Keeps jqwik from warning about unused helpers in some configurations. */
  static Iterator<Map.Entry<String, JsonNode>> unused(ObjectNode n) {
    return n.fields();
  }

  static ArrayNode unusedArray() {
    return JsonNodeFactory.instance.arrayNode();
  }
}
