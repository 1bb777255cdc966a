package dev.cairn.hsm.ledger.cosmos;

import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.signer.Signer;
import dev.cairn.hsm.emulator.CosmosEmulatorApp;
import dev.cairn.hsm.emulator.LedgerEmulator;
import dev.cairn.hsm.ledger.hid.HidTransport;
import dev.cairn.testing.conformance.SignerConformance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The Ledger Cosmos signer passes the signer conformance suite over the full HID stack to the emulator. */
class CosmosLedgerSignerConformanceTest extends SignerConformance {
  private final List<LedgerEmulator> emulators = new ArrayList<>();

  @Override
  protected Signer createSigner() {
    LedgerEmulator emu = LedgerEmulator.builder().app(CosmosEmulatorApp.create()).build();
    emulators.add(emu);
    return CosmosLedgerSigner.open(CosmosApp.over(HidTransport.open(emu.hidDevice())),
        DerivationPath.parse("m/44'/118'/0'/0/0"), "cosmos");
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
