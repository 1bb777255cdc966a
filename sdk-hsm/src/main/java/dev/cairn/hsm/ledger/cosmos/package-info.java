/**
 * Zondax's Ledger Cosmos app (CLA 0x55) over any {@link dev.cairn.hsm.ledger.LedgerTransport}:
 * {@link dev.cairn.hsm.ledger.cosmos.CosmosApp} reads the version, the public key and bech32
 * address for a prefix (optionally shown on the device), and signs amino JSON sign documents in
 * 250-byte chunks (the APDUs of {@code @zondax/ledger-cosmos-js}, or of {@code
 * @ledgerhq/hw-app-cosmos} without a prefix), returning 64-byte low-s signatures. {@link
 * dev.cairn.hsm.ledger.cosmos.CosmosLedgerSigner} is a {@link dev.cairn.core.signer.Signer} for
 * {@code COSMOS_AMINO_JSON} only: a Ledger cannot sign direct mode, and {@code supports} says so,
 * so sdk-cosmwasm's {@code CosmosTransaction} must use {@code SignMode.AMINO_JSON}.
 *
 * <pre>{@code
 * CosmosApp app = CosmosApp.over(transport);
 * DerivationPath path = DerivationPath.parse("m/44'/118'/0'/0/0");
 * CosmosLedgerAddress shown = app.getAddressAndPubKey(path, "osmo", true);  // user checks osmo1...
 * try (CosmosLedgerSigner ledger = CosmosLedgerSigner.open(app, path, "cosmos")) {
 *   CosmosTransaction tx = CosmosTransaction.builder("cosmoshub-4")
 *       .message(MsgSend.of(ledger.address(), recipient, List.of(Coin.of("uatom", 1_000))))
 *       .fee(List.of(Coin.of("uatom", 5_000)), 200_000)
 *       .signer(TxSigner.of(CosmosPublicKey.of(CosmosPublicKey.Type.SECP256K1, ledger.publicKey()),
 *           "cosmos", accountNumber, sequence, SignMode.AMINO_JSON))
 *       .build();
 *   SignedCosmosTransaction signed = tx.sign(List.of(ledger));  // the user approves on the device
 * }
 * }</pre>
 */
package dev.cairn.hsm.ledger.cosmos;
