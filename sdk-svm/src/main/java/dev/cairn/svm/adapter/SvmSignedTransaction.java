package dev.cairn.svm.adapter;

import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.SignedTransaction;
import dev.cairn.core.chain.ValidityWindow;
import dev.cairn.svm.tx.Transaction;

/**
 * A fully signed Solana transaction for {@link SvmChainAdapter#send}: the wire bytes, the id (the
 * fee payer's signature in base58) and the window in which it can land. Immutable.
 */
public final class SvmSignedTransaction implements SignedTransaction {
  private final ChainId chainId;
  private final Transaction transaction;
  private final ValidityWindow validity;
  private final byte[] wire;

  SvmSignedTransaction(ChainId chainId, Transaction transaction, ValidityWindow validity) {
    this.chainId = chainId;
    this.transaction = transaction.requireFullySigned();
    this.validity = validity;
    this.wire = transaction.serialize();
  }

  /**
   * A transaction signed elsewhere (e.g. with {@link Transaction#sign}), with its window when known.
   *
   * @throws dev.cairn.svm.SvmException if a signature is missing or the transaction is over 1232 bytes
   */
  public static SvmSignedTransaction of(ChainId cluster, Transaction transaction, ValidityWindow validity) {
    return new SvmSignedTransaction(cluster, transaction, validity == null ? ValidityWindow.none() : validity);
  }

  /** The transaction. */
  public Transaction transaction() {
    return transaction;
  }

  @Override
  public ChainId chainId() {
    return chainId;
  }

  @Override
  public String id() {
    return transaction.id();
  }

  @Override
  public byte[] encoded() {
    return wire.clone();
  }

  @Override
  public ValidityWindow validity() {
    return validity;
  }

  @Override
  public String toString() {
    return "SvmSignedTransaction{" + chainId + ", " + id() + ", " + validity + "}";
  }
}
