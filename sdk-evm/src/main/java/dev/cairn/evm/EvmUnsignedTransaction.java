package dev.cairn.evm;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.UnsignedTransaction;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.evm.nonce.NonceManager;
import dev.cairn.evm.tx.Transaction;

/**
 * An EVM transaction built by {@link EvmChainAdapter#build}: the {@link Transaction} and, when the
 * adapter chose the nonce, the nonce lease that {@link EvmChainAdapter#send} settles (committed when
 * the node accepts the transaction, released when it rejects it).
 */
public final class EvmUnsignedTransaction implements UnsignedTransaction {
  private final ChainId chainId;
  private final AccountId from;
  private final Transaction transaction;
  private final NonceManager.Lease lease;

  EvmUnsignedTransaction(ChainId chainId, AccountId from, Transaction transaction, NonceManager.Lease lease) {
    this.chainId = chainId;
    this.from = from;
    this.transaction = transaction;
    this.lease = lease;
  }

  @Override
  public ChainId chainId() {
    return chainId;
  }

  @Override
  public AccountId from() {
    return from;
  }

  /** The transaction. */
  public Transaction transaction() {
    return transaction;
  }

  NonceManager.Lease lease() {
    return lease;
  }

  /**
   * Gives the nonce back without sending (when this transaction will not be signed or sent). Has no
   * effect after {@link EvmChainAdapter#send} settled it or when the request carried its own nonce.
   */
  public void abandon() {
    if (lease != null) {
      lease.release();
    }
  }

  @Override
  public SignRequest toSignRequest() {
    return transaction.toSignRequest();
  }

  @Override
  public String toString() {
    return "EvmUnsignedTransaction{" + from + ", " + transaction + "}";
  }
}
