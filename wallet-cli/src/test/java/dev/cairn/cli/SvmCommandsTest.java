package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.encoding.Hex;
import dev.cairn.svm.Keypair;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.tx.Blockhash;
import dev.cairn.svm.tx.Message;
import dev.cairn.svm.tx.Transaction;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code wallet svm ...} offline subcommands and the demo's offline Solana flow. */
class SvmCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static byte[] filled(int v) {
    byte[] b = new byte[32];
    Arrays.fill(b, (byte) v);
    return b;
  }

  private static Transaction transfer() {
    Keypair payer = Keypair.fromSeed(filled(1));
    Pubkey to = Keypair.fromSeed(filled(2)).publicKey();
    return Transaction.unsigned(Message.compileLegacy(payer.publicKey(),
        List.of(SystemProgram.transfer(payer.publicKey(), to, 42)), Blockhash.of(filled(3)))).sign(payer);
  }

  @Test
  void decodePrintsTheTransactionInBase64OrHex() throws Exception {
    Transaction t = transfer();
    Cli.Result r = Cli.run("", "svm", "decode", t.serializeBase64());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("feePayer         " + t.message().feePayer()), r.out());
    assertTrue(r.out().contains(t.id()), r.out());
    assertTrue(r.out().contains("program 11111111111111111111111111111111"), r.out());
    Cli.Result j = Cli.run("", "svm", "decode", "--json", Hex.encodePrefixed(t.serialize()));
    assertEquals(0, j.exitCode(), j.err());
    JsonNode o = JSON.readTree(j.out());
    assertEquals(t.message().recentBlockhash().toBase58(), o.get("recentBlockhash").textValue());
    assertEquals(t.id(), o.get("signatures").get(0).textValue());
  }

  @Test
  void helpListsTheSvmSubcommandsAndOptionsAreCheckedBeforeAnyNode() {
    Cli.Result h = Cli.run("", "svm", "--help");
    assertEquals(0, h.exitCode());
    for (String s : new String[] {"balance", "account", "transfer", "token-transfer", "decode"}) {
      assertTrue(h.out().contains(s), s);
      Cli.Result r = Cli.run("", "svm", s, "--help");
      assertEquals(0, r.exitCode(), s);
      assertTrue(r.out().startsWith("Usage: wallet svm " + s), r.out());
    }
    assertEquals(ExitCodes.USAGE_OR_IO, Cli.run("", "svm").exitCode());
    String to = Keypair.fromSeed(filled(2)).publicKey().toBase58();
    Map<String, String> dead = Map.of("WALLET_SVM_RPC_URL", "http://127.0.0.1:1");
    // bad amounts and addresses are refused before a key is read or a node is asked
    for (String[] args : new String[][] {
        {"svm", "transfer", to, "-1"}, {"svm", "transfer", to, "0.0000000001"}, {"svm", "transfer", to, "abc"},
        {"svm", "transfer", "not-base58-0OIl", "1"}, {"svm", "balance", "xyz"}, {"svm", "transfer", to, "1", "--timeout", "0"}}) {
      Cli.Result r = Cli.run(new byte[0], dead, args);
      assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), String.join(" ", args) + ": " + r.err());
    }
    assertEquals(ExitCodes.INVALID_INPUT, Cli.run(new byte[0], dead, "svm", "balance", "--rpc", "ftp://x", to).exitCode());
    assertEquals(ExitCodes.USAGE_OR_IO, Cli.run(new byte[0], dead, "svm", "balance", to).exitCode());
  }

  @Test
  void decodeRejectsGarbageWithExitCode1() {
    Cli.Result r = Cli.run("", "svm", "decode", "AQID");
    assertEquals(ExitCodes.INVALID_INPUT, r.exitCode());
    assertTrue(r.err().contains("transaction"), r.err());
    assertEquals(ExitCodes.INVALID_INPUT, Cli.run("", "svm", "decode", "!!").exitCode());
  }

  @Test
  void demoShowsTheOfflineSolanaFlowWithoutANode() {
    Cli.Result r = Cli.run(new byte[0], Map.of("WALLET_RPC_URL", "http://127.0.0.1:1",
        "WALLET_SVM_RPC_URL", "http://127.0.0.1:1"), "demo");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("legacy transfer of 0.01 SOL"), r.out());
    assertTrue(r.out().contains("v0 transaction through lookup table"), r.out());
    assertEquals(2, r.out().split("decodes back equal true, signatures verify true", -1).length - 1, r.out());
  }
}
