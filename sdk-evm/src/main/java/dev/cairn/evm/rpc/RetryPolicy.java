package dev.cairn.evm.rpc;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how often idempotent calls are retried. A call is retried only if it is idempotent
 * (every read; never {@code eth_sendRawTransaction}), the failure is transient (transport error,
 * HTTP 408/429/500/502/503/504, JSON-RPC "limit exceeded" {@code -32005}), attempts remain, and the
 * next attempt can start before the call's deadline. The delay is the server's {@code
 * Retry-After} when it sent one (but a {@code Retry-After} longer than {@link #maxRetryAfter()}
 * fails the call at once), otherwise exponential backoff with jitter: attempt {@code k} (0-based)
 * waits a uniformly random time in {@code [d/2, d]} where {@code d = min(maxBackoff, initialBackoff
 * * 2^k)}. Immutable.
 */
public final class RetryPolicy {
  /** 3 attempts in all, backoff 100 ms doubling up to 2 s, Retry-After honoured up to 30 s. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30));
  /** One attempt, no retries. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;

  private RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.maxRetryAfter = maxRetryAfter;
  }

  /**
   * A policy.
   *
   * @param maxAttempts attempts in all, 1 to 20 (1 = no retries)
   * @param initialBackoff the first backoff, not negative
   * @param maxBackoff the largest backoff, at least {@code initialBackoff}
   * @param maxRetryAfter the longest {@code Retry-After} honoured
   */
  public static RetryPolicy of(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    if (maxAttempts < 1 || maxAttempts > 20) {
      throw new IllegalArgumentException("maxAttempts must be 1..20: " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("backoffs must be non-negative and maxBackoff >= initialBackoff");
    }
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter);
  }

  /** Attempts in all. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The first backoff. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The largest backoff. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** The longest {@code Retry-After} honoured. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** Whether {@code e} is a transient failure worth retrying (for idempotent calls). */
  public static boolean isRetryable(RpcException e) {
    switch (e.kind()) {
      case TRANSPORT:
      case TIMEOUT:
        return true;
      case HTTP_STATUS: {
        int s = e.httpStatus();
        return s == 408 || s == 429 || s == 500 || s == 502 || s == 503 || s == 504;
      }
      case JSON_RPC_ERROR:
        return e.code() == -32005 || e.code() == 429;
      default:
        return false;
    }
  }

  /**
   * The delay in nanoseconds before attempt {@code attempt + 1} after {@code e} failed attempt
   * {@code attempt} (0-based), or -1 not to retry.
   */
  long delayNanos(RpcException e, int attempt) {
    if (attempt + 1 >= maxAttempts || !isRetryable(e)) {
      return -1;
    }
    Duration ra = e.retryAfter().orElse(null);
    if (ra != null) {
      return ra.compareTo(maxRetryAfter) > 0 ? -1 : ra.toNanos();
    }
    long init = initialBackoff.toNanos();
    long max = maxBackoff.toNanos();
    long d = attempt >= 40 ? max : Math.min(max, init << Math.min(attempt, 40));
    if (d <= 0 || d < init) {
      d = max;
    }
    long half = d / 2;
    return half + ThreadLocalRandom.current().nextLong(d - half + 1);
  }

  @Override
  public String toString() {
    return "RetryPolicy{attempts=" + maxAttempts + ", backoff=" + initialBackoff.toMillis() + ".."
        + maxBackoff.toMillis() + " ms, maxRetryAfter=" + maxRetryAfter.toSeconds() + " s}";
  }
}
