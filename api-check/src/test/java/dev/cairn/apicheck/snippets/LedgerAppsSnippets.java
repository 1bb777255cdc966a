package dev.cairn.apicheck.snippets;

import dev.cairn.core.chain.ChainId;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosPublicKey;
import dev.cairn.cosmos.msg.MsgSend;
import dev.cairn.cosmos.tx.CosmosTransaction;
import dev.cairn.cosmos.tx.SignMode;
import dev.cairn.cosmos.tx.SignedCosmosTransaction;
import dev.cairn.cosmos.tx.TxSigner;
import dev.cairn.hsm.ledger.LedgerTransport;
import dev.cairn.hsm.ledger.cosmos.CosmosLedgerAddress;
import dev.cairn.hsm.ledger.cosmos.CosmosApp;
import dev.cairn.hsm.ledger.cosmos.CosmosLedgerSigner;
import dev.cairn.hsm.ledger.solana.SolanaAppConfiguration;
import dev.cairn.hsm.ledger.solana.SolanaApp;
import dev.cairn.hsm.ledger.solana.SolanaLedgerSigner;
import dev.cairn.svm.tx.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The package-info examples of the ledgerapps stream's packages, compiled against the real module. */
@SuppressWarnings({"unused", "UnusedVariable"})
final class LedgerAppsSnippets {
  private LedgerAppsSnippets() {}

  static void solana(LedgerTransport transport, Transaction unsigned) {
    // region:dev.cairn.hsm.ledger.solana
    SolanaApp app = SolanaApp.over(transport);          // HID, Speculos or the emulator
    SolanaAppConfiguration conf = app.getAppConfiguration();         // version, blind signing
    byte[] pubkey = app.getPubkey(SolanaApp.path("44'/501'/0'/0'"), true);  // shown on the device
    byte[] offchainSig = app.signOffchainMessage(SolanaApp.path("44'/501'/0'/0'"),
        SolanaApp.offchainMessage("I own this account".getBytes(StandardCharsets.US_ASCII)));
    try (SolanaLedgerSigner ledger = SolanaLedgerSigner.open(app, DerivationPath.parse("m/44'/501'/0'/0'"))) {
      Transaction signed = unsigned.sign(ledger, ChainId.SOLANA_MAINNET);  // the user approves on the device
    }
    // endregion
  }

  static void cosmos(LedgerTransport transport, String recipient, long accountNumber, long sequence) {
    // region:dev.cairn.hsm.ledger.cosmos
    CosmosApp app = CosmosApp.over(transport);
    DerivationPath path = DerivationPath.parse("m/44'/118'/0'/0/0");
    CosmosLedgerAddress shown = app.getAddressAndPubKey(path, "osmo", true);  // user checks osmo1...
    try (CosmosLedgerSigner ledger = CosmosLedgerSigner.open(app, path, "cosmos")) {
      CosmosTransaction tx = CosmosTransaction.builder("cosmoshub-4")
          .message(MsgSend.of(ledger.address(), recipient, List.of(Coin.of("uatom", 1_000))))
          .fee(List.of(Coin.of("uatom", 5_000)), 200_000)
          .signer(TxSigner.of(CosmosPublicKey.of(CosmosPublicKey.Type.SECP256K1, ledger.publicKey()),
              "cosmos", accountNumber, sequence, SignMode.AMINO_JSON))
          .build();
      SignedCosmosTransaction signed = tx.sign(List.of(ledger));  // the user approves on the device
    }
    // endregion
  }
}
