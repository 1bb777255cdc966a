package dev.cairn.core.chain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of querying or invoking a contract through the {@link VmDispatcher}, the same on
 * every VM: success or a {@link ChainError}, the raw result (EVM return data, SVM return data,
 * CosmWasm JSON), the decoded value when a {@link ResultDecoder} was given, and for an invoke the
 * {@link TxReceipt}. Immutable (the decoded value is held as the decoder returned it).
 *
 * @param <T> the decoded type
 */
public final class CallResult<T> {
  private static final byte[] EMPTY = new byte[0];

  private final ChainId chainId;
  private final byte[] raw;
  private final T decoded;
  private final ChainError error;
  private final TxReceipt receipt;

  private CallResult(ChainId chainId, byte[] raw, T decoded, ChainError error, TxReceipt receipt) {
    this.chainId = chainId;
    this.raw = raw;
    this.decoded = decoded;
    this.error = error;
    this.receipt = receipt;
  }

  /**
   * A successful call.
   *
   * @param raw the raw result (copied)
   * @param decoded the decoded value, or {@code null} when no decoder was given
   * @param receipt the receipt of an invoke, or {@code null} for a query
   */
  public static <T> CallResult<T> success(ChainId chainId, byte[] raw, T decoded, TxReceipt receipt) {
    if (chainId == null) {
      throw Checks.invalid("result.chainId: is null");
    }
    return new CallResult<>(chainId, raw == null ? EMPTY : raw.clone(), decoded, null, receipt);
  }

  /**
   * A failed call: the contract reverted or the invoked transaction failed.
   *
   * @param receipt the receipt of a failed invoke, or {@code null} for a query
   */
  public static <T> CallResult<T> failure(ChainId chainId, ChainError error, TxReceipt receipt) {
    if (chainId == null) {
      throw Checks.invalid("result.chainId: is null");
    }
    if (error == null) {
      throw Checks.invalid(chainId, "result.error: is null");
    }
    return new CallResult<>(chainId, EMPTY, null, error, receipt);
  }

  /** The chain. */
  public ChainId chainId() {
    return chainId;
  }

  /** Whether the call succeeded. */
  public boolean isSuccess() {
    return error == null;
  }

  /** A copy of the raw result; empty on failure (revert data is in {@link ChainError#nativeData()}). */
  public byte[] raw() {
    return raw.clone();
  }

  /** The raw result as UTF-8 text (CosmWasm JSON). */
  public String rawUtf8() {
    return new String(raw, StandardCharsets.UTF_8);
  }

  /** The decoded value, present on success when a decoder was given. */
  public Optional<T> decoded() {
    return Optional.ofNullable(decoded);
  }

  /** The error of a failed call. */
  public Optional<ChainError> error() {
    return Optional.ofNullable(error);
  }

  /** The receipt, for an invoke. */
  public Optional<TxReceipt> receipt() {
    return Optional.ofNullable(receipt);
  }

  /**
   * The decoded value of a success ({@code null} when no decoder was given), in the style of viem's
   * throwing calls.
   *
   * @throws ChainException carrying the error of a failure
   */
  public T valueOrThrow() {
    if (error != null) {
      throw new ChainException(error);
    }
    return decoded;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CallResult)) {
      return false;
    }
    CallResult<?> r = (CallResult<?>) o;
    return chainId.equals(r.chainId) && Arrays.equals(raw, r.raw) && Objects.equals(decoded, r.decoded)
        && Objects.equals(error, r.error) && Objects.equals(receipt, r.receipt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(chainId, decoded, error, receipt) * 31 + Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return "CallResult{" + chainId + (error == null ? ", success, raw=" + raw.length + " bytes"
        + (decoded == null ? "" : ", decoded=" + decoded) : ", failed: " + error)
        + (receipt == null ? "" : ", tx=" + receipt.transactionId()) + "}";
  }
}
