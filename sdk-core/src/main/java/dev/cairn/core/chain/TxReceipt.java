package dev.cairn.core.chain;

import java.util.Objects;
import java.util.Optional;

/**
 * An included transaction and its outcome, the same shape on every VM (compare CosmJS's {@code
 * DeliverTxResponse}). A transaction can be included and still fail (EVM status 0, a Solana
 * instruction error, a non-zero Cosmos code): it then paid its fee and consumed its nonce, and
 * {@link #error()} says why it failed. Immutable.
 */
public final class TxReceipt {
  private static final byte[] EMPTY = new byte[0];

  private final ChainId chainId;
  private final String transactionId;
  private final long height;
  private final int confirmations;
  private final long gasUsed;
  private final Amount feePaid;
  private final byte[] returnData;
  private final ChainError error;

  private TxReceipt(ChainId chainId, String transactionId, long height, int confirmations, long gasUsed,
      Amount feePaid, byte[] returnData, ChainError error) {
    this.chainId = chainId;
    this.transactionId = transactionId;
    this.height = height;
    this.confirmations = confirmations;
    this.gasUsed = gasUsed;
    this.feePaid = feePaid;
    this.returnData = returnData;
    this.error = error;
  }

  /**
   * A successful transaction.
   *
   * @param height block number (EVM), slot (SVM) or block height (Cosmos)
   * @param confirmations blocks observed on top of and including the transaction's, at least 1
   * @param gasUsed EVM gas, SVM compute units or Cosmos gas consumed
   * @param feePaid the fee actually charged
   * @param returnData data the execution returned (SVM return data, CosmWasm {@code data}); may be
   *     {@code null} for none
   * @throws ChainException (INVALID_INPUT) naming the field when a value is out of range
   */
  public static TxReceipt success(ChainId chainId, String transactionId, long height, int confirmations,
      long gasUsed, Amount feePaid, byte[] returnData) {
    check(chainId, transactionId, height, confirmations, gasUsed, feePaid);
    return new TxReceipt(chainId, transactionId, height, confirmations, gasUsed, feePaid,
        returnData == null ? EMPTY : returnData.clone(), null);
  }

  /** A transaction that was included but failed with {@code error}; otherwise as {@link #success}. */
  public static TxReceipt failure(ChainId chainId, String transactionId, long height, int confirmations,
      long gasUsed, Amount feePaid, ChainError error) {
    check(chainId, transactionId, height, confirmations, gasUsed, feePaid);
    if (error == null) {
      throw Checks.invalid(chainId, "receipt.error: is null");
    }
    return new TxReceipt(chainId, transactionId, height, confirmations, gasUsed, feePaid, EMPTY, error);
  }

  private static void check(ChainId chainId, String id, long height, int confirmations, long gasUsed, Amount fee) {
    if (chainId == null) {
      throw Checks.invalid("receipt.chainId: is null");
    }
    if (id == null || id.isEmpty()) {
      throw Checks.invalid(chainId, "receipt.transactionId: is null or empty");
    }
    if (height < 0) {
      throw Checks.invalid(chainId, "receipt.height: " + height + " is negative");
    }
    if (confirmations < 1) {
      throw Checks.invalid(chainId, "receipt.confirmations: " + confirmations + " is below 1");
    }
    if (gasUsed < 0) {
      throw Checks.invalid(chainId, "receipt.gasUsed: " + gasUsed + " is negative");
    }
    if (fee == null) {
      throw Checks.invalid(chainId, "receipt.feePaid: is null");
    }
  }

  /** The chain. */
  public ChainId chainId() {
    return chainId;
  }

  /** The transaction id (see {@link SignedTransaction#id()}). */
  public String transactionId() {
    return transactionId;
  }

  /** Block number (EVM), slot (SVM) or height (Cosmos) of inclusion. */
  public long height() {
    return height;
  }

  /** Confirmations observed when the receipt was made (1 = in the latest block). */
  public int confirmations() {
    return confirmations;
  }

  /** EVM gas, SVM compute units or Cosmos gas consumed. */
  public long gasUsed() {
    return gasUsed;
  }

  /** The fee charged (charged even when the transaction failed). */
  public Amount feePaid() {
    return feePaid;
  }

  /** Whether execution succeeded. */
  public boolean isSuccess() {
    return error == null;
  }

  /** Why execution failed, for a failed transaction. */
  public Optional<ChainError> error() {
    return Optional.ofNullable(error);
  }

  /** A copy of the data the execution returned; empty when none or when it failed. */
  public byte[] returnData() {
    return returnData.clone();
  }

  /** The outcome as a {@link ChainResult}: the return data, or the error. */
  public ChainResult<byte[]> outcome() {
    return error == null ? ChainResult.success(returnData.clone()) : ChainResult.failure(error);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof TxReceipt)) {
      return false;
    }
    TxReceipt r = (TxReceipt) o;
    return height == r.height && confirmations == r.confirmations && gasUsed == r.gasUsed
        && chainId.equals(r.chainId) && transactionId.equals(r.transactionId) && feePaid.equals(r.feePaid)
        && java.util.Arrays.equals(returnData, r.returnData) && Objects.equals(error, r.error);
  }

  @Override
  public int hashCode() {
    return Objects.hash(chainId, transactionId, height, confirmations, gasUsed, feePaid, error);
  }

  @Override
  public String toString() {
    return "TxReceipt{" + chainId + ", " + transactionId + ", height=" + height + ", confirmations="
        + confirmations + ", gasUsed=" + gasUsed + ", fee=" + feePaid
        + (error == null ? ", success" : ", failed: " + error) + "}";
  }
}
