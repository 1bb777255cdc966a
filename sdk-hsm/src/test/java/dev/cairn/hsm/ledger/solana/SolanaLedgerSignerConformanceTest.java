package dev.cairn.hsm.ledger.solana;

import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.signer.Signer;
import dev.cairn.hsm.emulator.LedgerEmulator;
import dev.cairn.hsm.emulator.SolanaEmulatorApp;
import dev.cairn.hsm.ledger.hid.HidTransport;
import dev.cairn.testing.conformance.SignerConformance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The Ledger Solana signer passes the signer conformance suite, over the full stack: signer → app
 * client → HID framing → in-memory HID pipe → emulator (the conformance sample messages are not
 * real transactions, so the emulated app has blind signing enabled, as a user would).
 */
class SolanaLedgerSignerConformanceTest extends SignerConformance {
  private final List<LedgerEmulator> emulators = new ArrayList<>();

  @Override
  protected Signer createSigner() {
    LedgerEmulator emu = LedgerEmulator.builder()
        .app(SolanaEmulatorApp.of(SolanaAppConfiguration.of(1, 4, 1, true, 0))).build();
    emulators.add(emu);
    return SolanaLedgerSigner.open(SolanaApp.over(HidTransport.open(emu.hidDevice())),
        DerivationPath.parse("m/44'/501'/0'/0'"));
  }

  @Override
  protected int[] concurrency() {
    return new int[] {4, 8};
  }

  @AfterEach
  void closeEmulators() {
    emulators.forEach(LedgerEmulator::close);
    emulators.clear();
  }
}
