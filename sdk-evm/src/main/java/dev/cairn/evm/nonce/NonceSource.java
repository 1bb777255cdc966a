package dev.cairn.evm.nonce;

import java.util.concurrent.CompletableFuture;

/**
 * What {@link NonceManager} needs from a node. {@code EvmChainAdapter} implements it over its RPC
 * client; tests implement it with a fake.
 */
public interface NonceSource {
  /**
   * The account's next nonce including transactions in the node's pool:
   * {@code eth_getTransactionCount(account, "pending")}.
   *
   * @param account the 0x-prefixed lowercase address
   */
  CompletableFuture<Long> pendingNonce(String account);

  /**
   * Broadcasts a signed transaction: {@code eth_sendRawTransaction}. Completes with the hash the
   * node reports, or exceptionally with the node's error (whose message the manager classifies).
   */
  CompletableFuture<String> sendRawTransaction(byte[] signedTransaction);

  /**
   * {@link #sendRawTransaction} on the calling thread, for {@link NonceManager#submitBlocking}:
   * returns the hash or throws the node's error. The default waits for the asynchronous form;
   * implementations with a blocking client override it to save the hand-off between threads.
   */
  default String sendRawTransactionBlocking(byte[] signedTransaction) {
    return sendRawTransaction(signedTransaction).join();
  }

  /**
   * Whether the node knows a transaction by hash (pending or mined): {@code eth_getTransactionByHash}
   * returns non-null. Used after a lost answer, to tell whether the first send arrived. The default
   * answers false (the manager then treats the nonce as taken by someone else and resynchronises).
   */
  default CompletableFuture<Boolean> isKnown(String transactionHash) {
    return CompletableFuture.completedFuture(false);
  }
}
