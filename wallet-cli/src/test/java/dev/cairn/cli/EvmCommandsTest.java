package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.abi.Address;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.testing.TestData;
import dev.cairn.evm.rpc.BlockId;
import dev.cairn.evm.tx.SignedTransaction;
import dev.cairn.evm.tx.Transaction;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wallet evm ...} without a node: parsing, errors, exit codes, signing, decoding. */
class EvmCommandsTest {
  /** A port nothing listens on: connections are refused at once. */
  static final String DEAD_NODE = "http://127.0.0.1:1";
  static final String KEY = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
  static final String ADDR = "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23";

  static Cli.Result run(Map<String, String> env, String... args) {
    return Cli.run(new byte[0], env, args);
  }

  static Map<String, String> env(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void helpListsTheSubcommands() {
    Cli.Result r = run(Map.of(), "evm", "--help");
    assertEquals(0, r.exitCode());
    for (String c : new String[] {"chain-id", "block-number", "balance", "nonce", "call", "send",
        "receipt", "sign", "decode-tx"}) {
      assertTrue(r.out().contains(c), c + " in " + r.out());
    }
    assertTrue(run(Map.of(), "--help").out().contains("evm"));
  }

  @Test
  void missingSubcommandIsAUsageError() {
    Cli.Result r = run(Map.of(), "evm");
    assertEquals(ExitCodes.USAGE_OR_IO, r.exitCode());
    assertTrue(r.err().contains("missing subcommand"), r.err());
  }

  @Test
  void unreachableNodeExitsWith2() {
    Cli.Result r = run(Map.of(), "evm", "chain-id", "--rpc-url", DEAD_NODE);
    assertEquals(ExitCodes.USAGE_OR_IO, r.exitCode(), r.err());
    assertTrue(r.err().contains("cannot reach the node"), r.err());
    // the URL also comes from WALLET_RPC_URL
    Cli.Result e = run(env("WALLET_RPC_URL", DEAD_NODE), "evm", "block-number");
    assertEquals(ExitCodes.USAGE_OR_IO, e.exitCode(), e.err());
    assertTrue(e.err().contains("127.0.0.1:1"), e.err());
  }

  @Test
  void rpcUrlMustBeHttp() {
    Cli.Result r = run(Map.of(), "evm", "chain-id", "--rpc-url", "ftp://node");
    assertEquals(ExitCodes.INVALID_INPUT, r.exitCode());
    assertTrue(r.err().contains("--rpc-url"), r.err());
  }

  @Test
  void badArgumentsNameTheirField() {
    Cli.Result a = run(Map.of(), "evm", "balance", "0x1234", "--rpc-url", DEAD_NODE);
    assertEquals(ExitCodes.INVALID_INPUT, a.exitCode());
    assertTrue(a.err().contains("ADDRESS"), a.err());
    Cli.Result checksum = run(Map.of(), "evm", "nonce", "0x2c7536E3605D9C16a7a3D7b1898e529396a65C23",
        "--rpc-url", DEAD_NODE);
    assertEquals(ExitCodes.INVALID_INPUT, checksum.exitCode());
    assertTrue(checksum.err().contains("EIP-55"), checksum.err());
    Cli.Result b = run(Map.of(), "evm", "balance", ADDR, "--block", "soon", "--rpc-url", DEAD_NODE);
    assertEquals(ExitCodes.INVALID_INPUT, b.exitCode());
    assertTrue(b.err().contains("--block"), b.err());
    Cli.Result c = run(Map.of(), "evm", "call", ADDR, "balanceOf(address)(uint256)", "12",
        "--rpc-url", DEAD_NODE);
    assertEquals(ExitCodes.INVALID_INPUT, c.exitCode());
    assertTrue(c.err().contains("argument 1"), c.err());
    Cli.Result n = run(Map.of(), "evm", "call", ADDR, "balanceOf(address)(uint256)",
        "--rpc-url", DEAD_NODE);
    assertEquals(ExitCodes.INVALID_INPUT, n.exitCode());
    assertTrue(n.err().contains("expected 1 argument"), n.err());
    Cli.Result h = run(Map.of(), "evm", "receipt", "0x12", "--rpc-url", DEAD_NODE);
    assertEquals(ExitCodes.INVALID_INPUT, h.exitCode());
    assertTrue(h.err().contains("TXHASH"), h.err());
  }

  @Test
  void sendChecksItsOptionsBeforeTouchingKeyOrNode() {
    Map<String, String> env = env("WALLET_PRIVATE_KEY", KEY, "WALLET_RPC_URL", DEAD_NODE);
    Cli.Result v = run(env, "evm", "send", ADDR, "--value", "1.5eth");
    assertEquals(ExitCodes.INVALID_INPUT, v.exitCode());
    assertTrue(v.err().contains("--value"), v.err());
    Cli.Result g = run(env, "evm", "send", ADDR, "--gas-limit", "0");
    assertEquals(ExitCodes.INVALID_INPUT, g.exitCode());
    assertTrue(g.err().contains("--gas-limit"), g.err());
    Cli.Result c = run(env, "evm", "send", ADDR, "--wait", "--confirmations", "0");
    assertEquals(ExitCodes.INVALID_INPUT, c.exitCode());
    assertTrue(c.err().contains("--confirmations"), c.err());
    // --confirmations belongs to --wait
    assertEquals(ExitCodes.USAGE_OR_IO, run(env, "evm", "send", ADDR, "--confirmations", "2").exitCode());
    // the private key is not an option
    assertEquals(ExitCodes.USAGE_OR_IO, run(env, "evm", "send", ADDR, "--private-key", KEY).exitCode());
    // with valid options it gets as far as the node
    assertEquals(ExitCodes.USAGE_OR_IO, run(env, "evm", "send", ADDR, "--value", "1gwei").exitCode());
  }

  @Test
  void weiAmounts() {
    assertEquals(new BigInteger("1500000000000000000"), EvmSupport.wei("v", "1.5ether"));
    assertEquals(new BigInteger("30000000000"), EvmSupport.wei("v", "30gwei"));
    assertEquals(new BigInteger("30000000000"), EvmSupport.wei("v", "30 GWEI"));
    assertEquals(BigInteger.valueOf(7), EvmSupport.wei("v", "7wei"));
    assertEquals(BigInteger.valueOf(16), EvmSupport.wei("v", "0x10"));
    assertEquals(BigInteger.valueOf(123), EvmSupport.wei("v", "123"));
    assertEquals(BigInteger.ONE, EvmSupport.wei("v", "0.000000000000000001ether"));
    assertEquals(EvmSupport.MAX_UINT256, EvmSupport.wei("v", EvmSupport.MAX_UINT256.toString()));
    for (String bad : new String[] {"", "ether", "1.2.3ether", ".ether", "1.5", "0.0000000000000000001ether",
        "-1", "1e18", "0x", "abc", EvmSupport.MAX_UINT256.add(BigInteger.ONE).toString(), "1.5wei"}) {
      UserInputException e = assertThrows(UserInputException.class, () -> EvmSupport.wei("--value", bad), bad);
      assertTrue(e.getMessage().startsWith("--value: "), e.getMessage());
    }
    assertEquals("1.5", EvmSupport.ether(new BigInteger("1500000000000000000")));
    assertEquals("0", EvmSupport.ether(BigInteger.ZERO));
    assertEquals("0.000000000000000001", EvmSupport.ether(BigInteger.ONE));
    assertEquals("10000", EvmSupport.ether(new BigInteger("10000000000000000000000")));
  }

  @Test
  void blockIds() {
    assertEquals(BlockId.LATEST, EvmSupport.block("latest"));
    assertEquals(BlockId.FINALIZED, EvmSupport.block("finalized"));
    assertEquals(BlockId.number(255), EvmSupport.block("0xff"));
    assertEquals(BlockId.number(12), EvmSupport.block("12"));
    assertThrows(UserInputException.class, () -> EvmSupport.block("-1"));
    assertThrows(UserInputException.class, () -> EvmSupport.block("9223372036854775808"));
  }

  @Test
  void personalSignMatchesTheEip191Vectors() throws IOException {
    JsonNode cases = new ObjectMapper().readTree(TestData.read("eip/eip191_personal_sign.json")).get("cases");
    assertTrue(cases.size() >= 4);
    for (JsonNode c : cases) {
      Map<String, String> env = env("K", c.get("privateKey").textValue());
      Cli.Result hex = run(env, "evm", "sign", c.get("message").textValue(), "--private-key-env", "K");
      assertEquals(0, hex.exitCode(), hex.err());
      assertEquals(c.get("signature").textValue(), hex.out().strip());
      if (c.hasNonNull("text") && !Hex.hasPrefix(c.get("text").textValue())) {
        Cli.Result text = run(env, "evm", "sign", c.get("text").textValue(), "--private-key-env", "K");
        assertEquals(c.get("signature").textValue(), text.out().strip(), text.err());
      }
    }
  }

  @Test
  void typedDataSignatureMatchesTheEip712Example(@TempDir Path dir) throws IOException {
    JsonNode v = new ObjectMapper().readTree(TestData.read("eip/eip712_mail_example.json"));
    Path file = dir.resolve("mail.json");
    Files.writeString(file, v.get("typedData").toString(), StandardCharsets.UTF_8);
    Cli.Result r = run(env("WALLET_PRIVATE_KEY", v.get("privateKey").textValue()),
        "evm", "sign", "--typed-data", file.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(v.get("signatureHex").textValue().toLowerCase(), r.out().strip().toLowerCase());
  }

  @Test
  void signNeedsExactlyOneInputAndAKey(@TempDir Path dir) {
    Map<String, String> env = env("WALLET_PRIVATE_KEY", KEY);
    assertEquals(ExitCodes.INVALID_INPUT, run(env, "evm", "sign").exitCode());
    Cli.Result both = run(env, "evm", "sign", "hi", "--typed-data", dir.resolve("x.json").toString());
    assertEquals(ExitCodes.INVALID_INPUT, both.exitCode());
    Cli.Result missing = run(env, "evm", "sign", "--typed-data", dir.resolve("x.json").toString());
    assertEquals(ExitCodes.INVALID_INPUT, missing.exitCode());
    assertTrue(missing.err().contains("--typed-data"), missing.err());
    Cli.Result noKey = run(Map.of(), "evm", "sign", "hi");
    assertEquals(ExitCodes.INVALID_INPUT, noKey.exitCode());
    assertTrue(noKey.err().contains("WALLET_PRIVATE_KEY"), noKey.err());
    Cli.Result unset = run(Map.of(), "evm", "sign", "hi", "--private-key-env", "NOPE");
    assertTrue(unset.err().contains("NOPE is not set"), unset.err());
    // the key may also come from stdin
    Cli.Result stdin = Cli.run((KEY + "\n").getBytes(StandardCharsets.UTF_8), Map.of(), "evm", "sign", "hi");
    assertEquals(0, stdin.exitCode(), stdin.err());
    assertEquals(run(env, "evm", "sign", "hi").out(), stdin.out());
  }

  @Test
  void badPrivateKeysAreReportedWithoutTheirDigits() {
    String[] bad = {
      "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f36231",    // 63 digits
      "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f36231z",   // not hex
      "0x" + "0".repeat(64),                                                  // zero
      "0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141",   // = n
    };
    for (String k : bad) {
      Cli.Result r = run(env("WALLET_PRIVATE_KEY", k), "evm", "sign", "hi");
      assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), k);
      assertTrue(r.err().contains("private key from environment variable WALLET_PRIVATE_KEY"), r.err());
      assertFalse(r.err().contains(k.substring(2, 20)), r.err());
      assertFalse(r.err().contains("4c0883"), r.err());
    }
  }

  @Test
  void decodeTxPrintsFieldsAndSender() {
    Secp256k1PrivateKey key = Secp256k1PrivateKey.of(Hex.decode(KEY));
    SignedTransaction st = Transaction.eip1559().chainId(1).nonce(9).gasLimit(21_000)
        .to(Address.parse("0x3535353535353535353535353535353535353535"))
        .value(new BigInteger("1000000000000000000")).maxFeePerGas(30_000_000_000L)
        .maxPriorityFeePerGas(1_500_000_000L).build().sign(key);
    Cli.Result r = run(Map.of(), "evm", "decode-tx", st.toHex());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("type                  2\n"), r.out());
    assertTrue(r.out().contains("nonce                 9\n"), r.out());
    assertTrue(r.out().contains("from                  " + ADDR + "\n"), r.out());
    assertTrue(r.out().contains("hash                  " + st.hashHex() + "\n"), r.out());
    Cli.Result json = run(Map.of(), "evm", "decode-tx", st.toHex(), "--json");
    assertTrue(json.out().startsWith("{\"type\":\"2\""), json.out());
    Cli.Result bad = run(Map.of(), "evm", "decode-tx", st.toHex() + "00");
    assertEquals(ExitCodes.INVALID_INPUT, bad.exitCode());
    assertTrue(bad.err().contains("transaction"), bad.err());
    assertEquals(ExitCodes.INVALID_INPUT, run(Map.of(), "evm", "decode-tx", "02f8").exitCode());
  }

  @Test
  void demoWithoutANodeSaysSoAndSucceeds() {
    Cli.Result r = run(env("WALLET_RPC_URL", DEAD_NODE), "demo");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("EVM: no node answers at " + DEAD_NODE), r.out());
    assertTrue(r.out().contains("scripts/anvil.sh"), r.out());
    assertTrue(r.out().contains("secp256k1 backend: "), r.out());
  }
}
