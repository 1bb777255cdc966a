/**
 * Completing transactions before signing: chain id, nonce, gas limit and fees, filled in one place
 * ({@link dev.cairn.evm.fill.TxFiller}) by every send path of sdk-evm.
 *
 * <pre>{@code
 * EvmRpcClient rpc = EvmRpcClient.create("http://127.0.0.1:8545");
 * TxFiller filler = TxFiller.builder(rpc).chainId(1).build();
 * Transaction tx = filler.fill(sender, Transaction.builder().to(recipient).value(wei))
 *     .get()          // nonce, gas (estimate + 20%), EIP-1559 or legacy fees filled
 *     .build();
 * SignedTransaction signed = tx.sign(signer);
 * }</pre>
 *
 * A transaction whose fields are all set is returned as it is, without any call to the node.
 */
package dev.cairn.evm.fill;
