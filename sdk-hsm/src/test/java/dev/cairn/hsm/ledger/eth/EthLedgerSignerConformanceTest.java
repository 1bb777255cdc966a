package dev.cairn.hsm.ledger.eth;

import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signer;
import dev.cairn.hsm.emulator.EthereumEmulatorApp;
import dev.cairn.hsm.emulator.LedgerEmulator;
import dev.cairn.hsm.ledger.hid.HidTransport;
import dev.cairn.testing.conformance.SignerConformance;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;

/** The testing kit's signer conformance suite against the EVM Ledger signer, over HID to the emulator. */
class EthLedgerSignerConformanceTest extends SignerConformance {
  private final List<LedgerEmulator> emulators = new ArrayList<>();

  @Override
  protected Signer createSigner() {
    LedgerEmulator emu = LedgerEmulator.builder().app(EthereumEmulatorApp.create()).build();
    emulators.add(emu);
    return EthLedgerSigner.open(EthApp.on(HidTransport.open(emu.hidDevice())), "m/44'/60'/0'/0/0");
  }

  @Override
  protected Set<SignRequest.Kind> kinds() {
    return EnumSet.allOf(SignRequest.Kind.class);
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
