/**
 * The Ledger Ethereum app: {@link dev.cairn.hsm.ledger.eth.EthApp} sends the APDUs ledgerjs's
 * hw-app-eth sends (addresses, configuration, chunked legacy / EIP-2930 / EIP-1559 transactions
 * with v rebuilt for large chain ids, personal messages, EIP-712 by hashes and in full), and
 * {@link dev.cairn.hsm.ledger.eth.EthLedgerSigner} puts it behind sdk-core's {@code Signer} SPI so
 * sdk-evm signs with a Ledger exactly as with a software key.
 *
 * <pre>{@code
 * EthApp eth = EthApp.on(transport);
 * EthAddress account = eth.getAddress("44'/60'/0'/0/0", false, false);
 * EthSignature sig = eth.signTransaction("44'/60'/0'/0/0", unsignedTx);
 * try (EthLedgerSigner signer = EthLedgerSigner.open(eth, "m/44'/60'/0'/0/0")) {
 *   Signature s = signer.sign(SignRequest.of(SignRequest.Kind.EVM_TRANSACTION, accountId, unsignedTx));
 * }
 * }</pre>
 */
package dev.cairn.hsm.ledger.eth;
