package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hd.Bip32Key;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.cli.HdWallets.Chain;
import dev.cairn.hsm.emulator.LedgerEmulator;
import dev.cairn.hsm.ledger.hid.HidApi;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --signer}: the emulated Ledger signs what the same key signs in software; misuse is a clear error. */
class SignerOptionsTest {
  /** The software key of the emulator's test mnemonic at the EVM default path, as WALLET_PRIVATE_KEY. */
  static String testMnemonicKey() {
    Mnemonic m = Mnemonic.parse(LedgerEmulator.TEST_MNEMONIC);
    Bip32Key k = HdWallets.secp256k1(m, "", Chain.EVM.defaultPath());
    try {
      return Hex.encodePrefixed(k.privateKey().bytes());
    } finally {
      k.destroy();
      m.destroy();
    }
  }

  @Test
  void emulatedLedgerSignsExactlyAsTheSameSoftwareKey() {
    Map<String, String> env = Map.of("WALLET_PRIVATE_KEY", testMnemonicKey());
    for (String msg : new String[] {"hello", "0x00ff10", "a longer message ".repeat(20)}) {
      Cli.Result soft = Cli.run(new byte[0], env, "evm", "sign", msg);
      Cli.Result ledger = Cli.run(new byte[0], Map.of(), "evm", "sign", "--signer", "ledger", "--ledger-emulator", msg);
      assertEquals(0, soft.exitCode(), soft.err());
      assertEquals(0, ledger.exitCode(), ledger.err());
      assertEquals(soft.out(), ledger.out()); // RFC 6979 on both sides: the same 65 bytes
      assertEquals(132, ledger.out().strip().length());
    }
    // another path, another key
    Cli.Result other = Cli.run(new byte[0], Map.of(), "evm", "sign", "--signer", "ledger", "--ledger-emulator",
        "--ledger-path", "m/44'/60'/0'/0/1", "hello");
    assertEquals(0, other.exitCode(), other.err());
    assertFalse(other.out().equals(Cli.run(new byte[0], env, "evm", "sign", "hello").out()));
  }

  @Test
  void misuseIsAClearErrorAndNoKeyIsRead() {
    Cli.Result r = Cli.run(new byte[0], Map.of(), "evm", "sign", "--signer", "yubikey", "hi");
    assertEquals(ExitCodes.INVALID_INPUT, r.exitCode());
    assertTrue(r.err().contains("--signer: expected software, ledger or pkcs11:<module path>"), r.err());
    r = Cli.run(new byte[0], Map.of(), "evm", "sign", "--ledger-emulator", "hi");
    assertEquals(ExitCodes.INVALID_INPUT, r.exitCode());
    assertTrue(r.err().contains("need --signer ledger"), r.err());
    r = Cli.run(new byte[0], Map.of(), "evm", "sign", "--signer", "pkcs11:/usr/lib/softhsm/libsofthsm2.so", "hi");
    assertEquals(ExitCodes.INVALID_INPUT, r.exitCode());
    assertTrue(r.err().contains("--pkcs11-token LABEL and --pkcs11-key LABEL"), r.err());
    r = Cli.run(new byte[0], Map.of("K", "x"), "evm", "sign", "--signer", "ledger", "--ledger-emulator",
        "--private-key-env", "K", "hi");
    assertEquals(ExitCodes.INVALID_INPUT, r.exitCode());
    assertTrue(r.err().contains("--private-key-env applies to --signer software only"), r.err());
    r = Cli.run(new byte[0], Map.of(), "svm", "transfer", "11111111111111111111111111111111", "1", "--keypair",
        "id.json", "--signer", "ledger", "--ledger-emulator", "--rpc", "http://127.0.0.1:1");
    assertEquals(ExitCodes.INVALID_INPUT, r.exitCode());
    assertTrue(r.err().contains("--keypair and --path apply to --signer software"), r.err());
    r = Cli.run(new byte[0], Map.of(), "evm", "sign", "--signer", "pkcs11:", "hi");
    assertTrue(r.err().contains("module path is missing"), r.err());
    r = Cli.run(new byte[0], Map.of(), "evm", "sign", "--signer", "ledger", "--ledger-emulator", "--ledger-path",
        "m/44'/x", "hi");
    assertEquals(ExitCodes.INVALID_INPUT, r.exitCode());
    assertTrue(r.err().contains("--ledger-path"), r.err());
    r = Cli.run(new byte[0], Map.of(), "evm", "sign", "--signer", "pkcs11:/nonexistent/libnothing.so",
        "--pkcs11-token", "t", "--pkcs11-key", "k", "hi");
    assertEquals(ExitCodes.INVALID_INPUT, r.exitCode());
    assertTrue(r.err().contains("PKCS#11"), r.err());
  }

  @Test
  void aRealLedgerThatIsNotThereNamesTheFix() {
    // no device on this machine: either hidapi is missing (install it) or none is connected
    Cli.Result r = Cli.run(new byte[0], Map.of(), "evm", "sign", "--signer", "ledger", "hi");
    assertEquals(ExitCodes.INVALID_INPUT, r.exitCode(), r.err());
    assertTrue(HidApi.isAvailable() ? r.err().contains("no Ledger found") : r.err().contains("libhidapi-hidraw0"),
        r.err());
    assertTrue(r.err().contains("--ledger-emulator"), r.err());
  }

  @Test
  void theDemoSignsWithTheEmulatedLedgerAndSoftHsm() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    new HardwareDemo(new PrintStream(buf, true, StandardCharsets.UTF_8)).run(System.getenv());
    String out = buf.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("0x9858EfFD232B4033E47d90003D41EC34EcaEda94  (the Ledger address: verified)"), out);
    // scripts/setup.sh installs SoftHSM2: here it must work (missing: a failure, not a skip)
    assertTrue(out.contains("(the SoftHSM2 address: verified)"), out);
  }
}
