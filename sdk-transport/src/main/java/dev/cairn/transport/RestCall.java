package dev.cairn.transport;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * One prepared REST request ({@code GET}, or {@code POST} with a JSON body) whose JSON response is
 * read by a {@link ResultReader}. A non-2xx status fails with {@link
 * TransportException.Kind#HTTP_STATUS} (or {@code RATE_LIMITED} for 429), a body that is not
 * valid JSON, too large or of the wrong shape with {@code MALFORMED_RESPONSE}. Immutable; each
 * send is a new request.
 *
 * @param <T> the result type
 */
public final class RestCall<T> {
  final RestClient client;
  final String verb;
  final String target;
  final BodyWriter body;
  final ResultReader<T> reader;
  final boolean idempotent;
  final Duration timeout;
  final String label;

  RestCall(RestClient client, String verb, String target, BodyWriter body, ResultReader<T> reader, boolean idempotent,
      Duration timeout) {
    this.client = client;
    this.verb = verb;
    this.target = target;
    this.body = body;
    this.reader = reader;
    this.idempotent = idempotent;
    this.timeout = timeout;
    int q = target.indexOf('?');
    // the label names the call in messages: the query (which may carry keys) is left out
    this.label = verb + " " + (q < 0 ? target : target.substring(0, q));
  }

  /**
   * Sends the request and waits for the result.
   *
   * @throws TransportException on any failure (after the retries the client's policy allows)
   */
  public T send() {
    return client.transport.executeRest(this);
  }

  /** Sends the request without blocking; the future fails with a {@link TransportException}. */
  public CompletableFuture<T> sendAsync() {
    return client.transport.executeRestAsync(this);
  }

  /** This request with its own timeout (the whole call, retries included). */
  public RestCall<T> withTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    return new RestCall<>(client, verb, target, body, reader, idempotent, timeout);
  }

  /** {@code GET} or {@code POST}. */
  public String verb() {
    return verb;
  }

  /** The path and query below the client's base URL. */
  public String target() {
    return target;
  }

  /** Whether the request may be retried after it may have reached the server. */
  public boolean isIdempotent() {
    return idempotent;
  }

  /** The timeout of this request. */
  public Duration timeout() {
    return timeout == null ? client.transport.defaultTimeout : timeout;
  }

  @Override
  public String toString() {
    return "RestCall{" + label + "}";
  }
}
