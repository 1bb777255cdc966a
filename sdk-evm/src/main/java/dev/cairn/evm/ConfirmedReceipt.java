package dev.cairn.evm;

import dev.cairn.evm.rpc.Receipt;

/**
 * A receipt that reached the requested depth on the canonical chain: the receipt's block hash was
 * checked against the canonical block at its height after the depth was reached. Immutable.
 */
public final class ConfirmedReceipt {
  private final Receipt receipt;
  private final int confirmations;
  private final long head;
  private final int reorgsObserved;

  ConfirmedReceipt(Receipt receipt, int confirmations, long head, int reorgsObserved) {
    this.receipt = receipt;
    this.confirmations = confirmations;
    this.head = head;
    this.reorgsObserved = reorgsObserved;
  }

  /** The receipt. */
  public Receipt receipt() {
    return receipt;
  }

  /** Blocks on top of and including the receipt's block when it was confirmed (1 = just mined). */
  public int confirmations() {
    return confirmations;
  }

  /** The head block number when it was confirmed. */
  public long head() {
    return head;
  }

  /** How many times the wait saw the transaction move or vanish through a reorg. */
  public int reorgsObserved() {
    return reorgsObserved;
  }

  @Override
  public String toString() {
    return "ConfirmedReceipt{" + receipt.transactionHash() + " in block " + receipt.blockNumber() + ", confirmations="
        + confirmations + ", reorgs=" + reorgsObserved + ", status=" + receipt.status() + "}";
  }
}
