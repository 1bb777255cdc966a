package dev.cairn.svm.rpc;

import dev.cairn.svm.tx.Transaction;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** A processed transaction ({@code getTransaction}): the slot, block time, the transaction itself and its meta. Immutable. */
public final class TransactionDetails {
  private final long slot;
  private final long blockTime;
  private final boolean hasBlockTime;
  private final Transaction transaction;
  private final TransactionMeta meta;

  private TransactionDetails(long slot, long blockTime, boolean hasBlockTime, Transaction transaction, TransactionMeta meta) {
    this.slot = slot;
    this.blockTime = blockTime;
    this.hasBlockTime = hasBlockTime;
    this.transaction = transaction;
    this.meta = meta;
  }

  /**
   * A value.
   *
   * @param blockTime Unix seconds, or {@code null} when unknown
   * @param meta the meta, or {@code null} when the node has none
   */
  public static TransactionDetails of(long slot, Long blockTime, Transaction transaction, TransactionMeta meta) {
    return new TransactionDetails(slot, blockTime == null ? 0 : blockTime, blockTime != null,
        Objects.requireNonNull(transaction, "transaction"), meta);
  }

  /** The slot it was processed in. */
  public long slot() {
    return slot;
  }

  /** The block's Unix time in seconds, when known. */
  public OptionalLong blockTime() {
    return hasBlockTime ? OptionalLong.of(blockTime) : OptionalLong.empty();
  }

  /** The transaction (legacy or v0), decoded from the node's bytes. */
  public Transaction transaction() {
    return transaction;
  }

  /** The processing result, when the node has it. */
  public Optional<TransactionMeta> meta() {
    return Optional.ofNullable(meta);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TransactionDetails)) {
      return false;
    }
    TransactionDetails d = (TransactionDetails) o;
    return slot == d.slot && blockTime == d.blockTime && hasBlockTime == d.hasBlockTime && transaction.equals(d.transaction)
        && Objects.equals(meta, d.meta);
  }

  @Override
  public int hashCode() {
    return Objects.hash(slot, blockTime, transaction, meta);
  }

  @Override
  public String toString() {
    return "TransactionDetails[slot " + slot + ", " + transaction.id() + ", " + meta + "]";
  }
}
