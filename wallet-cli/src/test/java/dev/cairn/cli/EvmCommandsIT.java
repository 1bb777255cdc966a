package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.abi.Address;
import dev.cairn.evm.EvmChainAdapter;
import dev.cairn.evm.rpc.Receipt;
import dev.cairn.testing.node.Anvil;
import dev.cairn.testing.node.AnvilExtension;
import dev.cairn.evm.testing.TestContracts;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code wallet evm ...} and the demo's EVM part against a real anvil. */
@ExtendWith(AnvilExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvmCommandsIT {
  static final BigInteger SUPPLY = new BigInteger("1000000000000000000000"); // 1000 TST

  private Anvil anvil;
  private String token;

  @BeforeAll
  void deployToken(Anvil anvil) {
    this.anvil = anvil;
    try (EvmChainAdapter evm = TestContracts.adapter(anvil)) {
      Receipt r = evm.deploy(TestContracts.devSigner(0),
          TestContracts.tokenInitCode("Test Token", "TST", 18, SUPPLY), Duration.ofSeconds(60)).join();
      token = r.contractAddress().orElseThrow().toChecksumString();
    }
  }

  private Map<String, String> env() {
    return Map.of("WALLET_RPC_URL", anvil.url());
  }

  private Map<String, String> envWithKey(int devAccount) {
    return Map.of("WALLET_RPC_URL", anvil.url(), "WALLET_PRIVATE_KEY", Anvil.DEV_KEYS.get(devAccount));
  }

  private static String dev(int i) {
    return TestContracts.devAddress(i).toChecksumString();
  }

  private static Cli.Result ok(Cli.Result r) {
    assertEquals(0, r.exitCode(), r.err());
    return r;
  }

  private Cli.Result run(Map<String, String> env, String... args) {
    return Cli.run(new byte[0], env, args);
  }

  @Test
  void chainIdBlockNumberBalanceNonce() {
    assertEquals("31337", ok(run(env(), "evm", "chain-id")).out().strip());
    assertEquals(Long.toString(anvil.blockNumber()), ok(run(env(), "evm", "block-number")).out().strip());
    // the URL option wins over the environment
    assertEquals("31337", ok(run(Map.of("WALLET_RPC_URL", EvmCommandsTest.DEAD_NODE),
        "evm", "chain-id", "--rpc-url", anvil.url())).out().strip());
    String account = dev(9); // untouched by the other tests
    assertEquals("10000000000000000000000", ok(run(env(), "evm", "balance", account)).out().strip());
    assertEquals("10000", ok(run(env(), "evm", "balance", account.toLowerCase(), "--ether")).out().strip());
    assertEquals("10000", ok(run(env(), "evm", "balance", account, "--block", "0", "-e")).out().strip());
    assertEquals("0", ok(run(env(), "evm", "nonce", account)).out().strip());
    // before the deployment, the deployer had sent nothing
    assertEquals("0", ok(run(env(), "evm", "nonce", dev(0), "--block", "earliest")).out().strip());
  }

  @Test
  void sendTransferWaitsAndMovesTheValue() {
    Address to = Address.parse("0x000000000000000000000000000000000000c0DE");
    Cli.Result r = ok(run(envWithKey(1), "evm", "send", to.toChecksumString(), "--value", "1.5ether",
        "--wait"));
    List<String> lines = r.lines();
    assertTrue(lines.get(0).matches("0x[0-9a-f]{64}"), r.out());
    assertTrue(r.out().contains("transaction  " + lines.get(0)), r.out());
    assertTrue(r.out().contains("status       success (1)"), r.out());
    assertTrue(r.out().contains("from         " + dev(1)), r.out());
    assertTrue(r.out().contains("gas used     21000"), r.out());
    assertEquals("1.5", ok(run(env(), "evm", "balance", to.toChecksumString(), "--ether")).out().strip());
    assertEquals("1", ok(run(env(), "evm", "nonce", dev(1))).out().strip());

    // legacy, with a fixed gas limit, key from a named variable; then the receipt by hash
    Cli.Result legacy = ok(run(Map.of("WALLET_RPC_URL", anvil.url(), "K", Anvil.DEV_KEYS.get(1)),
        "evm", "send", to.toChecksumString(), "--value", "500000000000000000", "--legacy",
        "--gas-limit", "21000", "--private-key-env", "K"));
    String hash = legacy.out().strip();
    Cli.Result receipt = ok(run(env(), "evm", "receipt", hash, "--wait"));
    assertTrue(receipt.out().contains("status       success (1)"), receipt.out());
    assertEquals("2", ok(run(env(), "evm", "balance", to.toChecksumString(), "--ether")).out().strip());
    assertEquals("2", ok(run(env(), "evm", "nonce", dev(1))).out().strip());
  }

  @Test
  void callDecodesAnErc20View() {
    assertEquals(SUPPLY.toString(), ok(run(env(), "evm", "call", token, "balanceOf(address)(uint256)", dev(0)))
        .out().strip());
    assertEquals("TST", ok(run(env(), "evm", "call", token, "function symbol() view returns (string)"))
        .out().strip());
    assertEquals("18", ok(run(env(), "evm", "call", token, "decimals()(uint8)")).out().strip());
    // without outputs: the raw return data
    assertEquals("0x" + String.format("%064x", 18),
        ok(run(env(), "evm", "call", token, "decimals()")).out().strip());
  }

  @Test
  void sendCallsAContractFunction() {
    String to = dev(7);
    Cli.Result r = ok(run(envWithKey(0), "evm", "send", token, "transfer(address,uint256)", to, "1234", "--wait"));
    assertTrue(r.out().contains("logs         1"), r.out());
    assertEquals("1234", ok(run(env(), "evm", "call", token, "balanceOf(address)(uint256)", to)).out().strip());
  }

  @Test
  void revertingCallsPrintTheDecodedReason(@TempDir Path dir) throws Exception {
    // a require message (Error(string))
    Cli.Result req = run(env(), "evm", "call", token, "transferFrom(address,address,uint256)(bool)",
        dev(0), dev(2), "1", "--from", dev(3));
    assertEquals(ExitCodes.INVALID_INPUT, req.exitCode(), req.out());
    assertTrue(req.err().contains("execution reverted: TestToken: insufficient allowance"), req.err());
    assertTrue(req.err().contains("[revert data 0x08c379a0"), req.err());
    // a panic
    Cli.Result panic = run(env(), "evm", "call", token, "divide(uint256,uint256)(uint256)", "1", "0");
    assertEquals(ExitCodes.INVALID_INPUT, panic.exitCode());
    assertTrue(panic.err().contains("panic 0x12: division or modulo by zero"), panic.err());
    // a custom error: by selector without the ABI, decoded with --abi
    Cli.Result custom = run(env(), "evm", "call", token, "transfer(address,uint256)(bool)", dev(2), "5",
        "--from", dev(4));
    assertEquals(ExitCodes.INVALID_INPUT, custom.exitCode());
    assertTrue(custom.err().contains("execution reverted: custom error 0x"), custom.err());
    Path abi = dir.resolve("TestToken.abi.json");
    Files.writeString(abi, TestContracts.resource("TestToken.abi.json"));
    Cli.Result decoded = run(env(), "evm", "call", token, "transfer(address,uint256)(bool)", dev(2), "5",
        "--from", dev(4), "--abi", abi.toString());
    assertTrue(decoded.err().contains("InsufficientBalance(account=" + dev(4)), decoded.err());
    assertTrue(decoded.err().contains("needed=5"), decoded.err());
    // a send whose estimate reverts sends nothing and says why
    Cli.Result send = run(envWithKey(5), "evm", "send", token, "transfer(address,uint256)", dev(2), "5");
    assertEquals(ExitCodes.INVALID_INPUT, send.exitCode());
    assertTrue(send.err().contains("execution reverted: custom error 0x"), send.err());
    assertEquals("", send.out());
    assertEquals("0", ok(run(env(), "evm", "nonce", dev(5))).out().strip());
  }

  @Test
  void aMinedFailureExitsWith1AndItsReason(@TempDir Path dir) throws Exception {
    Path abi = dir.resolve("TestToken.abi.json");
    Files.writeString(abi, TestContracts.resource("TestToken.abi.json"));
    // a fixed gas limit skips the estimate, so the transaction is mined and fails
    Cli.Result r = run(envWithKey(6), "evm", "send", token, "transfer(address,uint256)", dev(2), "5",
        "--gas-limit", "100000", "--wait", "--abi", abi.toString());
    assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.out());
    assertTrue(r.out().contains("status       failed (0)"), r.out());
    assertTrue(r.err().contains("failed (status 0): InsufficientBalance(account=" + dev(6)), r.err());
    assertEquals("1", ok(run(env(), "evm", "nonce", dev(6))).out().strip());
  }

  @Test
  void receiptOfAnUnknownTransaction() {
    Cli.Result r = run(env(), "evm", "receipt", "0x" + "ab".repeat(32));
    assertEquals(ExitCodes.INVALID_INPUT, r.exitCode());
    assertTrue(r.err().contains("no receipt"), r.err());
  }

  @Test
  void demoRunsItsEvmFlow() {
    Cli.Result r = ok(run(env(), "demo"));
    String out = r.out();
    assertTrue(out.contains("EVM node at " + anvil.url()), out);
    assertTrue(out.contains("  chain id   31337"), out);
    assertTrue(out.contains("anvil's dev account 0 (0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266)"), out);
    assertTrue(out.contains("  status       success (1)"), out);
    assertTrue(out.contains("  gas used     21000"), out);
    assertTrue(out.contains("0.01 ETH\n"), out); // the recipient's balance after
    assertTrue(out.contains("secp256k1 backend: "), out);
  }

  @Test
  void sendSignedByTheEmulatedLedgerIsMined() {
    String ledger = "0x9858EfFD232B4033E47d90003D41EC34EcaEda94"; // the emulator's test mnemonic, m/44'/60'/0'/0/0
    ok(run(envWithKey(8), "evm", "send", ledger, "--value", "1ether", "--wait"));
    String to = "0x0000000000000000000000000000000000c0ffee";
    java.math.BigInteger before = new java.math.BigInteger(ok(run(env(), "evm", "balance", to)).out().strip());
    Cli.Result r = ok(run(env(), "evm", "send", to, "--value", "0.25ether", "--wait",
        "--signer", "ledger", "--ledger-emulator"));
    assertTrue(r.out().contains("success (1)"), r.out());
    assertTrue(r.out().contains("from         " + ledger), r.out());
    assertEquals(before.add(new java.math.BigInteger("250000000000000000")),
        new java.math.BigInteger(ok(run(env(), "evm", "balance", to)).out().strip()));
    // legacy (EIP-155) through the device too
    ok(run(env(), "evm", "send", to, "--value", "1gwei", "--legacy", "--wait", "--signer", "ledger",
        "--ledger-emulator"));
  }
}
