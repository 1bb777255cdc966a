/**
 * Solana JSON-RPC over sdk-transport: {@link dev.cairn.svm.rpc.SvmRpcClient} with typed immutable
 * results ({@link dev.cairn.svm.rpc.LatestBlockhash}, {@link dev.cairn.svm.rpc.AccountInfo},
 * {@link dev.cairn.svm.rpc.SignatureStatus}, {@link dev.cairn.svm.rpc.SimulationResult}, ...),
 * commitment levels, send and simulate options, account filters, and {@link
 * dev.cairn.svm.rpc.SvmRpcErrors}, which maps the node's errors (a preflight failure's transaction
 * error and logs included) into the sdk-core taxonomy. Needs {@code dev.cairn:sdk-transport} on the
 * class path. Every failure is a {@code TransportException}.
 *
 * <pre>{@code
 * try (SvmRpcClient rpc = SvmRpcClient.builder(url).commitment(Commitment.CONFIRMED).build()) {
 *   LatestBlockhash bh = rpc.getLatestBlockhash().send();
 *   Transaction tx = Transaction.unsigned(Message.compileLegacy(payer.publicKey(),
 *       List.of(SystemProgram.transfer(payer.publicKey(), recipient, 1_000_000L)), bh.blockhash())).sign(payer);
 *   try {
 *     String signature = rpc.sendTransaction(tx, SendOptions.defaults().maxRetries(0)).send();
 *     Optional<SignatureStatus> status = rpc.getSignatureStatuses(List.of(signature)).send().get(0);
 *   } catch (TransportException e) {
 *     ChainError error = SvmRpcErrors.toChainError(e, cluster, tx);  // EXPIRED, INSUFFICIENT_FUNDS, ...
 *   }
 * }
 * }</pre>
 */
package dev.cairn.svm.rpc;
