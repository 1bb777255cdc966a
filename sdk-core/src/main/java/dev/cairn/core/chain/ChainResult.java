package dev.cairn.core.chain;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Either a value or a {@link ChainError}: the one result type of the chain API.
 *
 * <p>Where it appears: the outcome of executing something on a chain is a value, not an exception,
 * because it is a fact the chain reports — an EVM call that reverts, a Solana instruction that
 * fails, a CosmWasm message the contract refuses. Included transactions report their outcome this
 * way too ({@link TxReceipt#outcome()}), since a failed transaction still paid its fee. Failures
 * to <em>obtain</em> an outcome (transport, timeouts, node rejection, bad input) complete futures
 * exceptionally with {@link ChainException}; {@link #capture} turns those into results as well,
 * for callers that prefer never to catch.
 *
 * <p>Immutable (the value is held as given; use immutable values).
 *
 * @param <T> the success value type
 */
public final class ChainResult<T> {
  private final T value;
  private final ChainError error;

  private ChainResult(T value, ChainError error) {
    this.value = value;
    this.error = error;
  }

  /** A success; {@code value} may be {@code null} for results without a value. */
  public static <T> ChainResult<T> success(T value) {
    return new ChainResult<>(value, null);
  }

  /** A failure. */
  public static <T> ChainResult<T> failure(ChainError error) {
    return new ChainResult<>(null, Objects.requireNonNull(error, "error"));
  }

  /**
   * Turns a future's failure into a failed result: a {@link ChainException} becomes its error,
   * any other throwable an error of kind {@link ErrorKind#UNKNOWN} on {@code chainId}.
   */
  public static <T> CompletableFuture<ChainResult<T>> capture(CompletableFuture<T> future, ChainId chainId) {
    return future.handle((v, t) -> t == null ? success(v) : failure(ChainErrors.fromThrowable(chainId, t)));
  }

  /** Whether this is a success. */
  public boolean isSuccess() {
    return error == null;
  }

  /**
   * The value of a success.
   *
   * @throws ChainException carrying the error of a failure
   */
  public T valueOrThrow() {
    if (error != null) {
      throw new ChainException(error);
    }
    return value;
  }

  /** The value of a success, if it is non-null. */
  public Optional<T> value() {
    return Optional.ofNullable(value);
  }

  /** The error of a failure. */
  public Optional<ChainError> error() {
    return Optional.ofNullable(error);
  }

  /** Applies {@code f} to a success's value; a failure stays as it is. */
  public <U> ChainResult<U> map(Function<? super T, ? extends U> f) {
    return error == null ? success(f.apply(value)) : failure(error);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ChainResult)) {
      return false;
    }
    ChainResult<?> r = (ChainResult<?>) o;
    return Objects.equals(value, r.value) && Objects.equals(error, r.error);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, error);
  }

  @Override
  public String toString() {
    return error == null ? "Success{" + value + "}" : "Failure{" + error + "}";
  }
}
