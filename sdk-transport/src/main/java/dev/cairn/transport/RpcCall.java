package dev.cairn.transport;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * One prepared JSON-RPC call: method, parameters and result type. Send it with {@link #send()}
 * (blocking) or {@link #sendAsync()}, or add it to an {@link RpcBatch}. Reusable and immutable:
 * each send is a new request (with a new id).
 *
 * @param <T> the result type
 */
public final class RpcCall<T> {
  final JsonRpcClient client;
  final String method;
  final ParamsWriter params;
  final ResultReader<T> reader;
  final boolean idempotent;
  final Duration timeout;

  RpcCall(JsonRpcClient client, String method, ParamsWriter params, ResultReader<T> reader, boolean idempotent,
      Duration timeout) {
    this.client = client;
    this.method = method;
    this.params = params;
    this.reader = reader;
    this.idempotent = idempotent;
    this.timeout = timeout;
  }

  /**
   * Sends the call and waits for the result.
   *
   * @throws TransportException on any failure (after the retries the client's policy allows)
   */
  public T send() {
    return client.transport.execute(this);
  }

  /**
   * Sends the call without blocking. The future fails with an {@link TransportException} (possibly
   * wrapped in a {@link java.util.concurrent.CompletionException} by dependent stages).
   */
  public CompletableFuture<T> sendAsync() {
    return client.transport.executeAsync(this);
  }

  /** This call with its own timeout (the whole call, retries included) instead of the client's. */
  public RpcCall<T> withTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    return new RpcCall<>(client, method, params, reader, idempotent, timeout);
  }

  /** The JSON-RPC method name. */
  public String method() {
    return method;
  }

  /** Whether the call may be retried (reads); a transaction submission is not. */
  public boolean isIdempotent() {
    return idempotent;
  }

  /** The timeout of this call. */
  public Duration timeout() {
    return timeout == null ? client.transport.defaultTimeout : timeout;
  }

  @Override
  public String toString() {
    return "RpcCall{" + method + "}";
  }
}
