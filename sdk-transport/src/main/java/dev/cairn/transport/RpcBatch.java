package dev.cairn.transport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An explicit JSON-RPC batch: add calls, then {@link #send()} them in one HTTP request. Each
 * {@link #add} returns the call's own future; responses are matched by id, in any order, and a
 * call whose response is missing, malformed or an error fails alone with an {@link TransportException}.
 * A failure of the whole request (transport, HTTP status, unparseable body) fails every call. The
 * batch is retried as a whole only if every call in it is idempotent. Not thread-safe; send once.
 */
public final class RpcBatch {
  private final JsonRpcClient client;
  final List<RpcCall<?>> calls = new ArrayList<>();
  final List<CompletableFuture<Object>> futures = new ArrayList<>();
  private boolean sent;

  RpcBatch(JsonRpcClient client) {
    this.client = client;
  }

  /**
   * Adds a call; its result arrives in the returned future once the batch is sent.
   *
   * @throws IllegalStateException if the batch was sent or the call belongs to another client
   */
  @SuppressWarnings("unchecked")
  public <T> CompletableFuture<T> add(RpcCall<T> call) {
    if (sent) {
      throw new IllegalStateException("batch already sent");
    }
    if (call.client != client) {
      throw new IllegalArgumentException("call was made by another client");
    }
    CompletableFuture<Object> f = new CompletableFuture<>();
    calls.add(call);
    futures.add(f);
    return (CompletableFuture<T>) (CompletableFuture<?>) f;
  }

  /** The number of calls. */
  public int size() {
    return calls.size();
  }

  /**
   * Sends the batch and waits: when this returns, every future returned by {@link #add} is
   * complete (normally or with its {@link TransportException}). Never throws for failed calls.
   */
  public void send() {
    markSent();
    client.transport.executeBatch(Collections.unmodifiableList(calls), futures);
  }

  /** Sends the batch without blocking; the returned future completes when every call's future has. */
  public CompletableFuture<Void> sendAsync() {
    markSent();
    return client.transport.executeBatchAsync(Collections.unmodifiableList(calls), futures);
  }

  private void markSent() {
    if (sent) {
      throw new IllegalStateException("batch already sent");
    }
    sent = true;
  }
}
