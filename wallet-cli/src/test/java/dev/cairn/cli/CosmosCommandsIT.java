package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.hd.Bip32Key;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.cosmos.CosmosAddress;
import dev.cairn.cosmos.testsupport.ScriptedCosmosNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code wallet cosmos balance|send|execute|query} against sdk-cosmwasm's scripted Cosmos node
 * (Cosmos SDK 0.50 REST response shapes, ante handler with signature, sequence and fee checks, an
 * emulated CosmWasm counter contract). No real node can run here; set WALLET_COSMOS_REST_URL and
 * use the commands by hand against one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CosmosCommandsIT {
  static final String ABANDON =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
  static final String CHAIN = "cairn-it-1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ScriptedCosmosNode node;
  private String wallet; // m/44'/118'/0'/0/0 of ABANDON
  private String contract;

  @BeforeAll
  void start() throws Exception {
    node = new ScriptedCosmosNode(CHAIN, "cosmos", "ustake", new BigDecimal("0.025"), 100);
    Mnemonic m = Mnemonic.parse(ABANDON);
    Bip32Key k = HdWallets.secp256k1(m, "", DerivationPath.COSMOS);
    wallet = CosmosAddress.ofSecp256k1("cosmos", k.publicKey().compressed()).toString();
    k.destroy();
    m.destroy();
    node.fund(wallet, "ustake", BigInteger.valueOf(10_000_000));
    contract = node.deployCounter(wallet, 5);
  }

  @AfterAll
  void stop() throws Exception {
    node.close();
  }

  private Map<String, String> env() {
    Map<String, String> e = new HashMap<>();
    e.put("WALLET_COSMOS_REST_URL", node.restUrl());
    e.put("WALLET_MNEMONIC", ABANDON);
    return e;
  }

  private static Cli.Result ok(Cli.Result r) {
    assertEquals(0, r.exitCode(), r.out() + r.err());
    return r;
  }

  private Cli.Result run(String... args) {
    return Cli.run(new byte[0], env(), args);
  }

  @Test
  void balanceSendAndWaitInBothSignModes() {
    BigInteger start = node.balance(wallet, "ustake");
    assertTrue(start.signum() > 0);
    assertEquals(start + " ustake", ok(run("cosmos", "balance", wallet)).out().strip());
    String to = CosmosAddress.of("cosmos", new byte[20]).toString();
    int n = 0;
    for (String mode : new String[] {"direct", "amino"}) {
      Cli.Result r = ok(run("cosmos", "send", to, "1000ustake", "--chain-id", CHAIN, "--gas-price", "0.025ustake",
          "--sign-mode", mode, "--memo", "it " + mode));
      n++;
      assertTrue(r.out().contains("status     success"), r.out());
      String hash = r.lines().get(0);
      assertEquals(64, hash.length(), r.out());
      assertEquals(BigInteger.valueOf(1000L * n), node.balance(to, "ustake"));
    }
    assertEquals(2000 + " ustake", ok(run("cosmos", "balance", to, "--denom", "ustake")).out().strip());
    // the fee came from the gas price: less than the start minus the sends
    BigInteger left = node.balance(wallet, "ustake");
    assertTrue(left.compareTo(start.subtract(BigInteger.valueOf(2000))) < 0, left.toString());
  }

  @Test
  void sendSignedByTheEmulatedLedgerInAminoMode() {
    // the emulator's test mnemonic is ABANDON: its Cosmos app key at m/44'/118'/0'/0/0 is the funded wallet
    String to = CosmosAddress.of("cosmos", new byte[] {
        7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7}).toString();
    Map<String, String> e = env();
    e.remove("WALLET_MNEMONIC");
    Cli.Result r = Cli.run(new byte[0], e, "cosmos", "send", to, "700ustake", "--chain-id", CHAIN,
        "--gas-price", "0.025ustake", "--signer", "ledger", "--ledger-emulator");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertTrue(r.err().contains("using amino"), r.err());
    assertTrue(r.out().contains("status     success"), r.out());
    assertEquals(BigInteger.valueOf(700), node.balance(to, "ustake"));
    // a software-key option with a hardware signer is refused, nothing sent
    Cli.Result both = Cli.run(new byte[0], e, "cosmos", "send", to, "700ustake", "--chain-id", CHAIN,
        "--gas-price", "0.025ustake", "--signer", "ledger", "--ledger-emulator", "--path", "m/44'/118'/0'/0/1");
    assertTrue(both.exitCode() != 0, both.out());
    assertEquals(BigInteger.valueOf(700), node.balance(to, "ustake"));
  }

  @Test
  void executeThenQueryTheContract() throws Exception {
    long before = node.count(contract);
    Cli.Result r = ok(run("cosmos", "execute", contract, "{\"increment\":{}}", "--chain-id", CHAIN,
        "--gas-price", "0.025ustake", "--funds", "5ustake"));
    assertTrue(r.out().contains("status     success"), r.out());
    assertEquals(before + 1, node.count(contract));
    JsonNode q = JSON.readTree(ok(run("cosmos", "query", contract, "{\"get_count\":{}}")).out());
    assertEquals(before + 1, q.get("count").asLong(), q.toString());
  }

  @Test
  void contractErrorIsReportedWithItsMessage() {
    Cli.Result r = run("cosmos", "execute", contract, "{\"nope\":{}}", "--chain-id", CHAIN, "--gas-price", "0.025ustake");
    assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.out() + r.err());
    assertTrue(r.err().contains("unknown variant"), r.err());
  }

  @Test
  void unfundedAccountIsNamed() {
    Cli.Result r = run("cosmos", "send", wallet, "1ustake", "--chain-id", CHAIN, "--path", "m/44'/118'/0'/0/9");
    assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.out() + r.err());
    assertTrue(r.err().contains("does not exist"), r.err());
  }
}
