/**
 * The Ledger Solana app over any {@link dev.cairn.hsm.ledger.LedgerTransport}: {@link
 * dev.cairn.hsm.ledger.solana.SolanaApp} speaks the app's APDU protocol (configuration,
 * public keys with optional on-device display, transaction messages and off-chain messages in
 * 255-byte chunks, byte for byte as {@code @ledgerhq/hw-app-solana} does), and {@link
 * dev.cairn.hsm.ledger.solana.SolanaLedgerSigner} is a {@link dev.cairn.core.signer.Signer} for
 * {@code SOLANA_MESSAGE} requests, so sdk-svm's {@code Transaction.sign(Signer, cluster)} signs
 * with a Ledger as with a software key. The user's refusal is {@code REJECTED_BY_USER} (chain error
 * kind SIGNER_REJECTED); a message the app cannot parse while blind signing is off is {@code
 * UNSUPPORTED_REQUEST} with a {@code BLIND_SIGNING_DISABLED} Ledger error as cause.
 *
 * <pre>{@code
 * SolanaApp app = SolanaApp.over(transport);          // HID, Speculos or the emulator
 * SolanaAppConfiguration conf = app.getAppConfiguration();         // version, blind signing
 * byte[] pubkey = app.getPubkey(SolanaApp.path("44'/501'/0'/0'"), true);  // shown on the device
 * byte[] offchainSig = app.signOffchainMessage(SolanaApp.path("44'/501'/0'/0'"),
 *     SolanaApp.offchainMessage("I own this account".getBytes(StandardCharsets.US_ASCII)));
 * try (SolanaLedgerSigner ledger = SolanaLedgerSigner.open(app, DerivationPath.parse("m/44'/501'/0'/0'"))) {
 *   Transaction signed = unsigned.sign(ledger, ChainId.SOLANA_MAINNET);  // the user approves on the device
 * }
 * }</pre>
 */
package dev.cairn.hsm.ledger.solana;
