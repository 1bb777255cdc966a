package dev.cairn.cli;

import dev.cairn.abi.Address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.core.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The human subcommands, run in-process. */
class CliCommandsTest {
  private static final String ABANDON =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
  private static final String TREZOR_SEED =
      "0xc55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04";

  private static Cli.Result run(String stdin, Map<String, String> env, String... args) {
    return Cli.run(stdin.getBytes(StandardCharsets.UTF_8), env, args);
  }

  @Test
  void versionAndHelp() {
    Cli.Result v = Cli.run("", "--version");
    assertEquals(0, v.exitCode());
    assertTrue(v.out().startsWith("wallet 0.1.0"), v.out());
    Cli.Result h = Cli.run("", "--help");
    assertEquals(0, h.exitCode());
    for (String s : new String[] {"mnemonic", "hd", "backend", "demo", "batch", "Exit codes"}) {
      assertTrue(h.out().contains(s), s);
    }
    for (String[] sub :
        new String[][] {
          {"mnemonic", "--help"}, {"mnemonic", "new", "--help"}, {"mnemonic", "seed", "--help"},
          {"hd", "address", "--help"}, {"hd", "private-key", "--help"}, {"batch", "--help"},
          {"demo", "--help"}, {"backend", "--help"}
        }) {
      Cli.Result r = Cli.run("", sub);
      assertEquals(0, r.exitCode(), String.join(" ", sub));
      assertTrue(r.out().startsWith("Usage: wallet " + sub[0]), r.out());
    }
    Cli.Result bh = Cli.run("", "batch", "--help");
    assertTrue(bh.out().contains("blank line"), bh.out());
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertEquals(2, Cli.run("", "no-such-command").exitCode());
    assertEquals(2, Cli.run("", "mnemonic", "new", "--words", "abc").exitCode());
    assertEquals(2, Cli.run("", "mnemonic").exitCode());
    assertEquals(2, Cli.run("", "hd", "private-key").exitCode()); // --chain is required
  }

  @Test
  void mnemonicNew() {
    Cli.Result r = Cli.run("", "mnemonic", "new", "--words", "24");
    assertEquals(0, r.exitCode());
    String phrase = r.out().strip();
    assertEquals(24, phrase.split(" ").length);
    assertTrue(Mnemonic.isValid(phrase));
    assertEquals(12, Cli.run("", "mnemonic", "new").out().strip().split(" ").length);
    Cli.Result bad = Cli.run("", "mnemonic", "new", "-w", "13");
    assertEquals(1, bad.exitCode());
    assertTrue(bad.err().contains("--words"));
  }

  @Test
  void mnemonicSeedFromStdinOrEnvironment() {
    Cli.Result r = run(ABANDON + "\n", Map.of("WALLET_PASSPHRASE", "TREZOR"), "mnemonic", "seed");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(TREZOR_SEED, r.out().strip());
    Cli.Result e =
        run("", Map.of("WALLET_MNEMONIC", ABANDON, "PW", "TREZOR"), "mnemonic", "seed",
            "--passphrase-env", "PW");
    assertEquals(TREZOR_SEED, e.out().strip());
    Cli.Result named =
        run("", Map.of("MY_WORDS", ABANDON, "WALLET_PASSPHRASE", "TREZOR"), "mnemonic", "seed",
            "--mnemonic-env", "MY_WORDS");
    assertEquals(TREZOR_SEED, named.out().strip());
    Cli.Result unset = run(ABANDON, Map.of(), "mnemonic", "seed", "--mnemonic-env", "NOPE");
    assertEquals(1, unset.exitCode());
    assertTrue(unset.err().contains("NOPE"));
    Cli.Result empty = run("", Map.of(), "mnemonic", "seed");
    assertEquals(1, empty.exitCode());
  }

  @Test
  void invalidMnemonicsAreRejectedWithoutQuotingThem() {
    String bad = "legal winner thank year wave sausage wurth useful legal winner thank yellow";
    Cli.Result r = run(bad, Map.of(), "mnemonic", "validate");
    assertEquals(1, r.exitCode());
    for (String w : bad.split(" ")) {
      assertFalse(r.err().contains(w), r.err());
      assertFalse(r.out().contains(w), r.out());
    }
    Cli.Result ok = run(ABANDON, Map.of(), "mnemonic", "validate");
    assertEquals(0, ok.exitCode());
    assertEquals("valid: 12 words", ok.out().strip());
  }

  @Test
  void hdAddress() {
    assertEquals(
        "0x9858EfFD232B4033E47d90003D41EC34EcaEda94",
        run(ABANDON, Map.of(), "hd", "address", "--chain", "evm").out().strip());
    assertEquals(
        "HAgk14JpMQLgt6rVgv7cBQFJWFto5Dqxi472uT3DKpqk",
        run(ABANDON, Map.of(), "hd", "address", "-c", "svm").out().strip());
    Cli.Result all = run(ABANDON, Map.of(), "hd", "address");
    assertEquals(0, all.exitCode(), all.err());
    List<String> lines = all.lines();
    assertEquals(3, lines.size());
    assertTrue(lines.get(0).startsWith("evm") && lines.get(0).endsWith("0x9858EfFD232B4033E47d90003D41EC34EcaEda94"));
    assertTrue(lines.get(2).startsWith("cosmos") && lines.get(2).contains(" cosmos1"));
  }

  @Test
  void hdAddressCountWalksTheLastComponent() throws IOException {
    String economy =
        "economy stock theory fatal elder harbor betray wasp final emotion task crumble siren bottom lizard educate guess current outdoor pair theory focus wife stone";
    Cli.Result r =
        run(economy, Map.of(), "hd", "address", "--chain", "cosmos", "--hrp", "wasm", "-n", "5");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode cases = new ObjectMapper().readTree(TestData.read("cosmjs/wallets.json")).get("cases");
    int matched = 0;
    for (JsonNode c : cases) {
      if (c.get("prefix").textValue().equals("wasm")) {
        String path = c.get("path").textValue();
        int index = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
        String line = r.lines().get(index);
        assertTrue(line.contains(path) && line.endsWith(c.get("address").textValue()), line);
        matched++;
      }
    }
    assertEquals(5, matched);
    Cli.Result svm = run(ABANDON, Map.of(), "hd", "address", "-c", "svm", "-n", "2");
    assertTrue(svm.lines().get(1).contains("m/44'/501'/0'/1'"), svm.out());
  }

  @Test
  void hdAddressErrors() {
    assertEquals(1, run(ABANDON, Map.of(), "hd", "address", "-c", "btc").exitCode());
    assertEquals(1, run(ABANDON, Map.of(), "hd", "address", "-c", "svm", "-p", "m/44/0").exitCode());
    assertEquals(1, run(ABANDON, Map.of(), "hd", "address", "-c", "evm", "-p", "m/x").exitCode());
    assertEquals(1, run(ABANDON, Map.of(), "hd", "address", "-c", "cosmos", "--hrp", "UP").exitCode());
    assertEquals(1, run(ABANDON, Map.of(), "hd", "address", "-p", "m/0").exitCode());
  }

  @Test
  void hdPrivateKey() {
    Cli.Result r = run(ABANDON, Map.of(), "hd", "private-key", "--chain", "evm");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("0x1ab42cc412b618bdea3a599e3c9bae199ebf030895b039e9db1e30dafb12b727", r.out().strip());
  }

  @Test
  void backendSaysWhatRuns() {
    Cli.Result r = Cli.run("", "backend");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("secp256k1 backend in use: "), r.out());
    assertTrue(r.out().contains("selected"));
    assertTrue(r.out().contains("libsecp256k1"), r.out()); // in use, or why not
  }

  @Test
  void demoRunsAndVerifies() {
    Cli.Result r = Cli.run("", "demo", "--message", "gm", "--rpc-url", EvmCommandsTest.DEAD_NODE);
    assertEquals(0, r.exitCode(), r.err());
    String out = r.out();
    assertTrue(out.contains("DEMO SECRET"));
    assertEquals(2, out.split("verifies   true", -1).length - 1, out);
    assertTrue(out.contains("(the EVM address above)"), out);
    assertTrue(out.contains("secp256k1 backend: "));
    assertTrue(out.contains("personal_sign (EIP-191) of \"gm\""));
  }

  /** The demo's EIP-191 digest and signature encoding against the eth-sig-util vectors. */
  @Test
  void personalSignMatchesEip191Vectors() throws IOException {
    JsonNode cases =
        new ObjectMapper().readTree(TestData.read("eip/eip191_personal_sign.json")).get("cases");
    assertEquals(4, cases.size());
    for (JsonNode c : cases) {
      byte[] msg = Hex.decode(c.get("message").textValue());
      byte[] digest = DemoCommand.personalSignDigest(msg);
      assertEquals(c.get("hash").textValue(), Hex.encodePrefixed(digest));
      Secp256k1PrivateKey k = Secp256k1PrivateKey.of(Hex.decode(c.get("privateKey").textValue()));
      EcdsaSignature sig = k.sign(digest);
      byte[] rsv = sig.toRecoverable();
      rsv[64] = (byte) (27 + sig.recoveryId());
      assertEquals(c.get("signature").textValue(), Hex.encodePrefixed(rsv));
      assertEquals(
          c.get("address").textValue().toLowerCase(java.util.Locale.ROOT),
          Address.fromPublicKey(k.publicKey()).toChecksumString().toLowerCase(java.util.Locale.ROOT));
    }
  }
}
