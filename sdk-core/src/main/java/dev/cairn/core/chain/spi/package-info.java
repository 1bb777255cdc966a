/**
 * Service-provider interfaces of the chain layer, implemented by chain modules and found at run
 * time with {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * // in a chain module (as a public top-level class), listed in
 * // META-INF/services/dev.cairn.core.chain.spi.TransactionInspector
 * final class MyInspector implements TransactionInspector {
 *   public String name() { return "mychain"; }
 *   public boolean supports(SignRequest.Kind kind) { return kind == SignRequest.Kind.SOLANA_MESSAGE; }
 *   public TransactionSummary inspect(SignRequest request) {
 *     AccountId signer = request.account().orElseThrow();   // SOLANA_MESSAGE requests name it
 *     return TransactionSummary.builder(request.kind(), signer.chainId()).signer(signer).build();
 *   }
 * }
 * // anywhere:
 * TransactionSummary s = Inspectors.inspect(request);
 * }</pre>
 */
package dev.cairn.core.chain.spi;
