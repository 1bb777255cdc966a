/**
 * The {@link dev.cairn.core.chain.ChainAdapter} for Solana clusters ({@code solana:*} chain ids):
 * {@link dev.cairn.svm.adapter.SvmChainAdapter} builds transfers and program calls (legacy, v0
 * through lookup tables, durable nonce) with a priority fee from recent fees and a compute-unit
 * limit from a simulation, signs them through the Signer SPI (partially, across processes, with the
 * expiry window kept), and sends with blockhash expiry in mind: the same signed bytes are
 * rebroadcast until the asked commitment, and {@code EXPIRED} means the blockhash's last valid block
 * height has passed without the transaction, so it is safe to build and sign again. Register it in
 * a {@link dev.cairn.core.chain.ChainRegistry} to reach it through the {@link
 * dev.cairn.core.chain.VmDispatcher}.
 *
 * <pre>{@code
 * try (SvmChainAdapter solana = SvmChainAdapter.connect("http://127.0.0.1:8899")) {
 *   TransactionRequest pay = TransactionRequest.transfer(
 *           solana.accountOf(signer), solana.accountOf(recipient), Amount.of(10_000_000L, Denomination.SOL))
 *       .withSigner(signer.descriptor());
 *   SignedTransaction signed = solana.build(pay).thenCompose(tx -> solana.sign(tx, signer)).join();
 *   try {
 *     TxReceipt receipt = solana.sendAndConfirm(signed, Finality.confirmed(), Duration.ofSeconds(90)).join();
 *     System.out.println(receipt.transactionId() + " in slot " + receipt.height());
 *   } catch (CompletionException e) {
 *     if (e.getCause() instanceof ChainException && ((ChainException) e.getCause()).kind() == ErrorKind.EXPIRED) {
 *       // never landed and never will: build and sign again with a fresh blockhash
 *     }
 *   }
 * }
 * }</pre>
 */
package dev.cairn.svm.adapter;
