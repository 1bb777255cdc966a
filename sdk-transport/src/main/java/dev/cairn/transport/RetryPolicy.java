package dev.cairn.transport;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one retry and backoff policy of the transport: for HTTP calls (JSON-RPC and REST) and for
 * WebSocket reconnections alike.
 *
 * <p>HTTP calls: a failed attempt is retried only if the failure is transient ({@link
 * TransportException.Kind#CONNECT}, {@code IO}, {@code TIMEOUT}, {@code RATE_LIMITED}, HTTP
 * 408/500/502/503/504, JSON-RPC "limit exceeded" {@code -32005} or code 429), attempts remain, the
 * next attempt can start before the call's deadline, and the call is idempotent; a call marked
 * not idempotent (a transaction submission) is retried only after a {@code CONNECT} failure, when
 * the request provably never left. The delay is the server's {@code Retry-After} (delta-seconds or
 * HTTP-date, on 429 and 503) when it sent one, but a {@code Retry-After} longer than {@link
 * #maxRetryAfter()} fails the call at once; otherwise exponential backoff with jitter: attempt
 * {@code k} (0-based) waits a uniformly random time in {@code [d/2, d]} where {@code d =
 * min(maxBackoff, initialBackoff * 2^k)}.
 *
 * <p>WebSocket reconnections use the same backoff ({@link #backoffNanos(int)}) for ever (the
 * attempt limit does not apply: a subscription client keeps trying), and honour a {@code
 * Retry-After} on a refused handshake the same way. Immutable.
 */
public final class RetryPolicy {
  /** 3 attempts in all, backoff 100 ms doubling up to 5 s, Retry-After honoured up to 30 s. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(30));
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
  public static boolean isRetryable(TransportException e) {
    switch (e.kind()) {
      case CONNECT:
      case IO:
      case TIMEOUT:
      case RATE_LIMITED:
        return true;
      case HTTP_STATUS: {
        int s = e.httpStatus();
        return s == 408 || s == 429 || s == 500 || s == 502 || s == 503 || s == 504;
      }
      case RPC_ERROR:
        return e.code() == -32005 || e.code() == 429;
      default:
        return false;
    }
  }

  /**
   * The delay in nanoseconds before attempt {@code attempt + 1} after {@code e} failed attempt
   * {@code attempt} (0-based), or -1 not to retry.
   *
   * @param idempotent whether the call may be repeated; if not, only {@link
   *     TransportException.Kind#CONNECT} failures (nothing was sent) are retried
   */
  public long delayNanos(TransportException e, int attempt, boolean idempotent) {
    if (attempt + 1 >= maxAttempts || !isRetryable(e)) {
      return -1;
    }
    if (!idempotent && e.kind() != TransportException.Kind.CONNECT) {
      return -1;
    }
    Duration ra = e.retryAfter().orElse(null);
    if (ra != null) {
      return ra.compareTo(maxRetryAfter) > 0 ? -1 : ra.toNanos();
    }
    return backoffNanos(attempt);
  }

  /**
   * The jittered exponential backoff before attempt {@code attempt + 1} (0-based), in
   * nanoseconds: uniformly random in {@code [d/2, d]}, {@code d = min(maxBackoff, initialBackoff *
   * 2^attempt)}. Used for HTTP retries and WebSocket reconnections.
   */
  public long backoffNanos(int attempt) {
    if (attempt < 0) {
      throw new IllegalArgumentException("attempt must not be negative");
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

  /**
   * Parses a {@code Retry-After} header value (RFC 9110 section 10.2.3): delta-seconds or an
   * HTTP-date (IMF-fixdate, e.g. {@code Wed, 21 Oct 2026 07:28:00 GMT}), relative to {@code
   * nowMillis}; a date in the past is zero. Absurdly long delta-seconds give a year (which no
   * policy honours). Returns {@code null} if {@code value} is null or unparseable.
   */
  public static Duration parseRetryAfter(String value, long nowMillis) {
    String v = value;
    if (v == null) {
      return null;
    }
    v = v.trim();
    if (!v.isEmpty() && v.length() <= 9) {
      boolean digits = true;
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        digits &= c >= '0' && c <= '9';
      }
      if (digits) {
        return Duration.ofSeconds(Long.parseLong(v));
      }
    } else if (!v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Duration.ofDays(365);
    }
    ZonedDateTime d;
    try {
      d = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
    } catch (DateTimeParseException e) {
      return null;
    }
    long ms = d.toInstant().toEpochMilli() - nowMillis;
    return Duration.ofMillis(Math.max(0, ms));
  }

  @Override
  public String toString() {
    return "RetryPolicy{attempts=" + maxAttempts + ", backoff=" + initialBackoff.toMillis() + ".."
        + maxBackoff.toMillis() + " ms, maxRetryAfter=" + maxRetryAfter.toSeconds() + " s}";
  }
}
