package dev.cairn.hsm.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.hsm.emulator.CosmosEmulatorApp;
import dev.cairn.hsm.emulator.EthereumEmulatorApp;
import dev.cairn.hsm.emulator.LedgerEmulator;
import dev.cairn.hsm.emulator.SolanaEmulatorApp;
import dev.cairn.hsm.ledger.StatusWords;
import java.util.Arrays;

/**
 * The emulator's command parser and its three apps, fed command APDUs from outside (tests, the
 * Speculos-compatible server, any relay). {@link LedgerEmulator#process} answers every command with
 * a response APDU — a malformed or refused command is a status word — and never throws. An app
 * that lets an exception escape is answered 0x6F00 (technical problem) by the emulator; no app
 * answers 0x6F00 otherwise, so that status word fails here.
 *
 * <p>Input: data[0] picks the open app (Ethereum, Solana, Cosmos, or none: the dashboard); then
 * commands, each a 2-byte big-endian length and that many bytes. The user approves every prompt.
 */
class LedgerEmulatorFuzzTest {
  static final String[] APPS = {"Ethereum", "Solana", "Cosmos"};
  static LedgerEmulator emulator;
  static int uses;

  static LedgerEmulator emulator() {
    if (emulator == null || ++uses > 20_000) { // a fresh device now and then (the prompt log grows)
      emulator = LedgerEmulator.builder().app(EthereumEmulatorApp.create()).app(SolanaEmulatorApp.create())
          .app(CosmosEmulatorApp.create()).build();
      uses = 0;
    }
    return emulator;
  }

  @FuzzTest(maxDuration = "10m")
  void commands(byte[] data) {
    if (data.length == 0) {
      return;
    }
    LedgerEmulator e = emulator();
    e.unlock();
    int app = (data[0] & 0xff) % 4;
    if (app < APPS.length) {
      e.openApp(APPS[app]);
    } else {
      e.process(new byte[] {(byte) 0xB0, (byte) 0xA7, 0, 0, 0}); // quit to the dashboard
    }
    int pos = 1;
    while (pos + 2 <= data.length) {
      int n = Math.min(((data[pos] & 0xff) << 8) | (data[pos + 1] & 0xff), data.length - pos - 2);
      byte[] apdu = Arrays.copyOfRange(data, pos + 2, pos + 2 + n);
      pos += 2 + n;
      byte[] r = e.process(apdu);
      assertTrue(r.length >= 2, "a response has a status word");
      int sw = ((r[r.length - 2] & 0xff) << 8) | (r[r.length - 1] & 0xff);
      assertNotEquals(StatusWords.TECHNICAL_PROBLEM, sw,
          () -> "an app threw on the command " + dev.cairn.core.encoding.Hex.encode(apdu));
    }
  }
}
