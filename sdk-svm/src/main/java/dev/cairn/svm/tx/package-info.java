/**
 * Solana transactions: instructions, legacy and v0 {@link dev.cairn.svm.tx.Message}s (compiled
 * from instructions, with address lookup tables for v0), {@link dev.cairn.svm.tx.Transaction}s with
 * several signers, partial signing, signing through the sdk-core {@code Signer} SPI, strict wire
 * decoding and the 1232-byte packet limit.
 *
 * <pre>{@code
 * Message message = Message.compileV0(
 *     payer.publicKey(),
 *     List.of(ComputeBudgetProgram.setComputeUnitPrice(1_000),
 *             SystemProgram.transfer(sender.publicKey(), recipient, 5_000_000L)),
 *     Blockhash.fromBase58(latestBlockhash),
 *     List.of(lookupTable));
 * Transaction partial = Transaction.unsigned(message).sign(sender);  // fee payer signs elsewhere
 * byte[] wire = partial.serialize();                                  // zeros in the payer's slot
 * Transaction done = Transaction.deserialize(wire).sign(payer);
 * String base64 = done.requireFullySigned().serializeBase64();        // for sendTransaction
 * }</pre>
 */
package dev.cairn.svm.tx;
