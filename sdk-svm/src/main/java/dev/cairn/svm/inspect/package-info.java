/**
 * The Solana transaction inspector: what a legacy or v0 message does (SOL and token transfers,
 * approvals, programs called, compute budget and the most the fee can cost, durable nonces, unknown
 * instructions), as sdk-core's chain-neutral {@link dev.cairn.core.chain.TransactionSummary}
 * through {@link dev.cairn.core.chain.Inspectors}, or in detail with {@link
 * dev.cairn.svm.inspect.SolanaInspector#inspect(dev.cairn.svm.tx.Message, java.util.List)}.
 *
 * <pre>{@code
 * TransactionSummary summary = Inspectors.inspect(
 *     SignRequest.of(SignRequest.Kind.SOLANA_MESSAGE, account, message.serialize()));
 * MessageSummary details = SolanaInspector.inspect(message, List.of(lookupTable));
 * BigInteger maxFee = details.maxFeeLamports();
 * }</pre>
 */
package dev.cairn.svm.inspect;
