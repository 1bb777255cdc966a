package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosPublicKey;
import dev.cairn.cosmos.msg.MsgExecuteContract;
import dev.cairn.cosmos.msg.MsgSend;
import dev.cairn.cosmos.tx.CosmosTransaction;
import dev.cairn.cosmos.tx.SignMode;
import dev.cairn.cosmos.tx.SignedCosmosTransaction;
import dev.cairn.cosmos.tx.TxSigner;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code wallet cosmos decode}, the demo's Cosmos part, and argument errors: all offline. */
class CosmosCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] KEY = Hex.decode("k", "0x" + "11".repeat(32));

  private static Cli.Result run(Map<String, String> env, String... args) {
    return Cli.run(new byte[0], env, args);
  }

  private static SignedCosmosTransaction twoMessages(SignMode mode) {
    try (SoftwareSigner s = Signers.software(Secp256k1PrivateKey.of(KEY.clone()))) {
      CosmosPublicKey pub = CosmosPublicKey.of(CosmosPublicKey.Type.SECP256K1, s.publicKey());
      String from = pub.address("cosmos").toString();
      String contract = dev.cairn.cosmos.CosmosAddress.of("cosmos", new byte[32]).toString();
      return CosmosTransaction.builder("testing-1")
          .message(MsgSend.of(from, from, List.of(Coin.of("uatom", 42))))
          .message(MsgExecuteContract.of(from, contract, "{\"b\":1,\"a\":{}}".getBytes(StandardCharsets.UTF_8),
              List.of(Coin.of("uatom", 3))))
          .memo("hi <&>").timeoutHeight(99).fee(List.of(Coin.of("uatom", 5000)), 200_000)
          .signer(TxSigner.of(pub, "cosmos", 7, 3, mode)).build().sign(List.of(s));
    }
  }

  @Test
  void decodeShowsMessagesAuthInfoSignaturesAndHash() throws Exception {
    for (SignMode mode : List.of(SignMode.DIRECT, SignMode.AMINO_JSON)) {
      SignedCosmosTransaction tx = twoMessages(mode);
      for (String form : List.of(Base64.getEncoder().encodeToString(tx.encoded()), Hex.encodePrefixed(tx.encoded()))) {
        Cli.Result r = run(Map.of(), "cosmos", "decode", form);
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(tx.id(), j.get("txHash").asText());
        JsonNode msgs = j.at("/body/messages");
        assertEquals(2, msgs.size());
        assertEquals("/cosmos.bank.v1beta1.MsgSend", msgs.get(0).get("typeUrl").asText());
        assertEquals("42", msgs.get(0).at("/value/amount/0/amount").asText());
        assertEquals("/cosmwasm.wasm.v1.MsgExecuteContract", msgs.get(1).get("typeUrl").asText());
        assertEquals("hi <&>", j.at("/body/memo").asText());
        assertEquals("99", j.at("/body/timeoutHeight").asText());
        JsonNode si = j.at("/authInfo/signerInfos/0");
        assertEquals("/cosmos.crypto.secp256k1.PubKey", si.at("/publicKey/typeUrl").asText());
        assertEquals(mode == SignMode.DIRECT ? "SIGN_MODE_DIRECT" : "SIGN_MODE_LEGACY_AMINO_JSON", si.get("modeInfo").asText());
        assertEquals("3", si.get("sequence").asText());
        assertEquals("200000", j.at("/authInfo/fee/gasLimit").asText());
        assertEquals("5000", j.at("/authInfo/fee/amount/0/amount").asText());
        assertEquals(Base64.getEncoder().encodeToString(tx.txRaw().signatures().get(0)), j.at("/signatures/0").asText());
      }
    }
  }

  @Test
  void decodeRefusesGarbageWithTheOffset() {
    Cli.Result r = run(Map.of(), "cosmos", "decode", "0x0a05ffffffff");
    assertEquals(ExitCodes.INVALID_INPUT, r.exitCode());
    assertTrue(r.err().contains("TX"), r.err());
    assertEquals(ExitCodes.INVALID_INPUT, run(Map.of(), "cosmos", "decode", "not base64 !").exitCode());
  }

  @Test
  void argumentErrorsNameTheArgumentBeforeAnyNodeIsAsked() {
    Map<String, String> env = Map.of("WALLET_COSMOS_REST_URL", "http://127.0.0.1:1", "K", "0x" + "11".repeat(32));
    String to = "cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu";
    Cli.Result r = run(env, "cosmos", "send", to, "10uatom", "--private-key-env", "K");
    assertEquals(ExitCodes.INVALID_INPUT, r.exitCode());
    assertTrue(r.err().contains("--chain-id"), r.err());
    r = run(env, "cosmos", "send", to, "ten", "--chain-id", "c", "--private-key-env", "K");
    assertTrue(r.err().contains("COINS"), r.err());
    r = run(env, "cosmos", "send", "cosmos1notbech32", "10uatom", "--chain-id", "c", "--private-key-env", "K");
    assertEquals(ExitCodes.INVALID_INPUT, r.exitCode());
    assertTrue(r.err().contains("TO"), r.err());
    r = run(env, "cosmos", "send", to, "10uatom", "--chain-id", "c", "--prefix", "osmo", "--private-key-env", "K");
    assertTrue(r.err().contains("TO"), r.err());
    r = run(env, "cosmos", "send", to, "10uatom", "--chain-id", "c", "--sign-mode", "textual", "--private-key-env", "K");
    assertTrue(r.err().contains("--sign-mode"), r.err());
    r = run(env, "cosmos", "send", to, "10uatom", "--chain-id", "c", "--gas-price", "cheap", "--private-key-env", "K");
    assertTrue(r.err().contains("--gas-price"), r.err());
    r = run(env, "cosmos", "send", to, "10uatom", "--chain-id", "c", "--gas-multiplier", "-1", "--private-key-env", "K");
    assertTrue(r.err().contains("--gas-multiplier"), r.err());
    r = run(env, "cosmos", "execute", to, "[1]", "--chain-id", "c", "--private-key-env", "K");
    assertTrue(r.err().contains("JSON"), r.err());
    r = run(env, "cosmos", "query", to, "{not json");
    assertEquals(ExitCodes.INVALID_INPUT, r.exitCode());
    r = run(env, "cosmos", "balance", to, "--denom", "!");
    assertTrue(r.err().contains("--denom"), r.err());
    r = run(env, "cosmos", "send", to, "10uatom", "--chain-id", "c", "--private-key-env", "UNSET");
    assertTrue(r.err().contains("UNSET"), r.err());
    // nothing secret is echoed
    assertFalse(r.err().contains("1111111111"), r.err());
    assertEquals(ExitCodes.USAGE_OR_IO, run(env, "cosmos").exitCode());
  }

  @Test
  void unreachableNodeIsAnIoError() {
    Cli.Result r = run(Map.of(), "cosmos", "balance", "--rest", "http://127.0.0.1:1",
        "cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu");
    assertEquals(ExitCodes.USAGE_OR_IO, r.exitCode(), r.out() + r.err());
  }

  @Test
  void demoSignsDecodesAndVerifiesTheCosmosTransactionsOffline() {
    Cli.Result r = run(Map.of("WALLET_RPC_URL", "http://127.0.0.1:1", "WALLET_SVM_RPC_URL", "http://127.0.0.1:1"), "demo");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().contains(CosmosDemo.OK_LINE), r.out());
    assertEquals(5, r.out().split("decodes back to the same message true, signature verifies true", -1).length - 1, r.out());
    assertTrue(r.out().contains("(the EVM address)"), r.out());
    assertTrue(r.out().contains("\"type\":\"wasm/MsgExecuteContract\""), r.out());
  }
}
