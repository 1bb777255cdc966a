package dev.cairn.cli.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.cli.Cli;
import dev.cairn.testing.oracle.LazyOracle;
import dev.cairn.testing.oracle.OracleScript;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The cosmos.* batch ops against CosmJS 0.39 (tools/cosmos-oracle/cosmos.mjs): the same request signed
 * there gives the same TxRaw, hash and sign document, in direct and amino modes.
 */
class CosmosOpsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LazyOracle COSMJS = OracleScript
      .of(Path.of(System.getProperty("cairn.cosmosOracle", "../tools/cosmos-oracle")).resolve("cosmos.mjs"))
      .requirePackages("@cosmjs/stargate", "cosmjs-types").correlateById("id").timeout(Duration.ofSeconds(120)).lazy();
  static final String KEY = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

  @AfterAll
  static void stop() {
    COSMJS.close();
  }

  private static String address() throws Exception {
    JsonNode a = Cli.one("{\"id\":0,\"op\":\"cosmos.address\",\"publicKey\":\""
        + dev.cairn.core.encoding.Hex.encodePrefixed(dev.cairn.core.crypto.Secp256k1PrivateKey.of(
            dev.cairn.core.encoding.Hex.decode(KEY)).publicKey().compressed()) + "\",\"hrp\":\"juno\"}");
    assertTrue(a.path("ok").asBoolean(), a.toString());
    return a.path("result").asText();
  }

  @Test
  void signTxMatchesCosmJsInBothModes() throws Exception {
    String me = address();
    assertTrue(me.startsWith("juno1"), me);
    byte[] c32 = new byte[32];
    java.util.Arrays.fill(c32, (byte) 0x5a);
    String contract = dev.cairn.cosmos.CosmosAddress.of("juno", c32).toString();
    List<String> lines = new ArrayList<>();
    List<ObjectNode> cosmjs = new ArrayList<>();
    String[] modes = {"direct", "amino"};
    for (int i = 0; i < modes.length; i++) {
      ArrayNode msgs = JSON.createArrayNode();
      msgs.add(JSON.readTree("{\"typeUrl\":\"/cosmos.bank.v1beta1.MsgSend\",\"value\":{\"fromAddress\":\"" + me
          + "\",\"toAddress\":\"" + contract + "\",\"amount\":[{\"denom\":\"ujuno\",\"amount\":\"12345\"}]}}"));
      msgs.add(JSON.readTree("{\"typeUrl\":\"/cosmwasm.wasm.v1.MsgExecuteContract\",\"value\":{\"sender\":\"" + me
          + "\",\"contract\":\"" + contract + "\",\"msg\":{\"transfer\":{\"recipient\":\"" + me
          + "\",\"amount\":\"7\"}},\"funds\":[]}}"));
      ObjectNode fee = JSON.createObjectNode();
      fee.set("amount", JSON.readTree("[{\"denom\":\"ujuno\",\"amount\":\"2500\"}]"));
      fee.put("gas", "250000");
      ObjectNode r = JSON.createObjectNode();
      r.put("id", i).put("op", "cosmos.signTx").put("privateKey", KEY).put("chainId", "juno-1")
          .put("accountNumber", 42).put("sequence", "7").put("memo", "a & b").put("timeoutHeight", "900")
          .put("signMode", modes[i]);
      r.set("msgs", msgs);
      r.set("fee", fee);
      lines.add(r.toString());
      ObjectNode c = JSON.createObjectNode();
      c.put("privateKey", KEY.substring(2)).put("keyType", "secp256k1").put("prefix", "juno").put("chainId", "juno-1")
          .put("accountNumber", "42").put("sequence", "7").put("mode", modes[i]).put("memo", "a & b")
          .put("timeoutHeight", "900");
      c.set("msgs", msgs);
      c.set("fee", fee);
      cosmjs.add(c);
    }
    List<JsonNode> answers = Cli.batch(lines.toArray(new String[0]));
    ObjectNode req = JSON.createObjectNode().put("op", "signBatch");
    req.set("cases", JSON.valueToTree(cosmjs));
    JsonNode theirs = JSON.readTree(COSMJS.get().call(req.toString())).get("results");
    for (int i = 0; i < modes.length; i++) {
      JsonNode mine = answers.get(i);
      assertTrue(mine.path("ok").asBoolean(), mine.toString());
      JsonNode t = theirs.get(i);
      assertTrue(t.path("ok").asBoolean() && t.path("verified").asBoolean(), t.toString());
      assertEquals(t.get("txRaw").asText(), mine.path("result").path("txRaw").asText(), modes[i]);
      assertEquals(t.get("txHash").asText(), mine.path("result").path("txHash").asText(), modes[i]);
      assertEquals(t.get("signDoc").asText(), mine.path("result").path("signDoc").asText(), modes[i]);
    }
  }

  @Test
  void badInputsAreAnsweredWithErrors() throws Exception {
    JsonNode a = Cli.one("{\"id\":1,\"op\":\"cosmos.address\",\"publicKey\":\"0x02\",\"hrp\":\"cosmos\"}");
    assertFalse(a.path("ok").asBoolean(), a.toString());
    JsonNode b = Cli.one("{\"id\":2,\"op\":\"cosmos.signTx\",\"privateKey\":\"" + KEY + "\",\"chainId\":\"c-1\","
        + "\"accountNumber\":1,\"sequence\":1,\"fee\":{\"amount\":[],\"gas\":\"1\"},"
        + "\"msgs\":[{\"typeUrl\":\"/cosmos.bank.v1beta1.MsgSend\",\"value\":{\"fromAddress\":\"cosmos1bad\",\"toAddress\":\"x\"}}]}");
    assertFalse(b.path("ok").asBoolean(), b.toString());
    assertTrue(b.toString().contains("fromAddress"), b.toString());
    assertFalse(b.toString().contains(KEY.substring(2)), "the key must not be echoed");
  }
}
