/**
 * Inspection of EVM sign requests for signing policies: {@link dev.cairn.evm.inspect.EvmInspector}
 * is registered as a {@code dev.cairn.core.chain.spi.TransactionInspector} and found by {@code
 * Inspectors}.
 *
 * <pre>{@code
 * SignRequest request = unsigned.signRequest(sender);
 * TransactionSummary summary = Inspectors.inspect(request);   // uses EvmInspector
 * for (TransactionSummary.Action a : summary.actions()) {
 *   if (a.type() == TransactionSummary.Action.Type.TOKEN_APPROVAL) {
 *     System.out.println("approves spender " + a.to());
 *   }
 * }
 * summary.feeLimit();   // gasLimit x maxFeePerGas
 * }</pre>
 */
package dev.cairn.evm.inspect;
