package dev.cairn.apicheck.snippets;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.hsm.emulator.EthereumEmulatorApp;
import dev.cairn.hsm.emulator.LedgerEmulator;
import dev.cairn.hsm.emulator.ScriptedUser;
import dev.cairn.hsm.ledger.ApduCommand;
import dev.cairn.hsm.ledger.ApduResponse;
import dev.cairn.hsm.ledger.LedgerException;
import dev.cairn.hsm.ledger.LedgerTransport;
import dev.cairn.hsm.ledger.StatusWords;
import dev.cairn.hsm.ledger.eth.EthAddress;
import dev.cairn.hsm.ledger.eth.EthApp;
import dev.cairn.hsm.ledger.eth.EthAppConfiguration;
import dev.cairn.hsm.ledger.eth.EthLedgerSigner;
import dev.cairn.hsm.ledger.eth.EthSignature;
import dev.cairn.hsm.ledger.hid.HidApi;
import dev.cairn.hsm.ledger.hid.HidTransport;
import dev.cairn.hsm.ledger.speculos.SpeculosTransport;
import java.time.Duration;

/** The package-info examples of sdk-hsm's Ledger core, HID, Speculos, Ethereum and emulator packages (stream ledgercore). */
@SuppressWarnings({"unused", "UnusedVariable"})
final class LedgerCoreSnippets {
  private LedgerCoreSnippets() {}

  static void ledger(LedgerTransport transport) {
    // region:dev.cairn.hsm.ledger
    ApduResponse r = transport.exchange(ApduCommand.of(0xE0, 0x06, 0x00, 0x00, new byte[0]));
    if (r.statusWord() == StatusWords.USER_REJECTED) {
      throw LedgerException.ofStatus(r.statusWord()).toSignerException();   // REJECTED_BY_USER
    }
    byte[] config = r.dataOrThrow();
    // endregion
  }

  static void hid() {
    // region:dev.cairn.hsm.ledger.hid
    if (HidApi.isAvailable()) {
      for (HidApi.DeviceInfo info : HidApi.enumerateLedgers()) {
        try (LedgerTransport t = HidTransport.open(HidApi.open(info))) {
          byte[] config = t.exchange(ApduCommand.of(0xE0, 0x06, 0, 0, new byte[0])).dataOrThrow();
        }
      }
    }
    // endregion
  }

  static void speculos() {
    // region:dev.cairn.hsm.ledger.speculos
    try (SpeculosTransport t = SpeculosTransport.connect("127.0.0.1", 9999, Duration.ofSeconds(30))) {
      EthAppConfiguration cfg = EthApp.on(t).getAppConfiguration();
    }
    // endregion
  }

  static void eth(LedgerTransport transport, byte[] unsignedTx, AccountId accountId) {
    // region:dev.cairn.hsm.ledger.eth
    EthApp eth = EthApp.on(transport);
    EthAddress account = eth.getAddress("44'/60'/0'/0/0", false, false);
    EthSignature sig = eth.signTransaction("44'/60'/0'/0/0", unsignedTx);
    try (EthLedgerSigner signer = EthLedgerSigner.open(eth, "m/44'/60'/0'/0/0")) {
      Signature s = signer.sign(SignRequest.of(SignRequest.Kind.EVM_TRANSACTION, accountId, unsignedTx));
    }
    // endregion
  }

  static void emulator() {
    // region:dev.cairn.hsm.emulator
    try (LedgerEmulator emu = LedgerEmulator.builder().app(EthereumEmulatorApp.create()).build()) {
      emu.user().script(ScriptedUser.Decision.REJECT);           // the next confirmation is rejected
      EthApp eth = EthApp.on(HidTransport.open(emu.hidDevice()));
      EthAddress a = eth.getAddress("44'/60'/0'/0/0", true, false);
    }
    // endregion
  }
}
