/**
 * Ethereum JSON-RPC: {@link dev.cairn.evm.rpc.EvmRpcClient} with typed requests ({@code send()}
 * blocking, {@code sendAsync()}), batches, retries, and the result types (blocks, receipts, logs,
 * proofs).
 *
 * <pre>{@code
 * try (EvmRpcClient rpc = EvmRpcClient.create("http://127.0.0.1:8545")) {
 *   long chainId = rpc.chainId().send();
 *   Hash32 hash = rpc.sendRawTransaction(signedTx).send();
 *   rpc.getTransactionReceipt(hash).sendAsync().thenAccept(r -> System.out.println(r));
 * }
 * }</pre>
 */
package dev.cairn.evm.rpc;
