package dev.cairn.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  static final long NOW = Instant.parse("2026-12-03T10:00:00Z").toEpochMilli();

  @Test
  void retryAfterSecondsAndHttpDate() {
    assertEquals(Duration.ofSeconds(7), RetryPolicy.parseRetryAfter("7", NOW));
    assertEquals(Duration.ZERO, RetryPolicy.parseRetryAfter(" 0 ", NOW));
    assertEquals(Duration.ofSeconds(90), RetryPolicy.parseRetryAfter("Thu, 03 Dec 2026 10:01:30 GMT", NOW));
    assertEquals(Duration.ZERO, RetryPolicy.parseRetryAfter("Thu, 03 Dec 2026 09:00:00 GMT", NOW), "past dates are now");
    assertEquals(Duration.ofDays(365), RetryPolicy.parseRetryAfter("99999999999999999999", NOW), "absurd values are a year");
    assertNull(RetryPolicy.parseRetryAfter(null, NOW));
    assertNull(RetryPolicy.parseRetryAfter("soon", NOW));
    assertNull(RetryPolicy.parseRetryAfter("-5", NOW));
    assertNull(RetryPolicy.parseRetryAfter("", NOW));
  }

  @Property(tries = 200)
  void httpDatesRoundTrip(@ForAll @IntRange(min = 0, max = 100_000) int seconds) {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(NOW).plusSeconds(seconds)
        .atOffset(ZoneOffset.UTC));
    assertEquals(Duration.ofSeconds(seconds), RetryPolicy.parseRetryAfter(date, NOW));
  }

  @Property(tries = 300)
  void backoffIsJitteredExponentialWithinTheCap(@ForAll @IntRange(min = 0, max = 60) int attempt) {
    RetryPolicy p = RetryPolicy.of(5, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(30));
    // 100 ms, 200, 400, 800, 1600, 3200, then the 5 s cap from attempt 6 on
    long d = attempt < 6 ? TimeUnit.MILLISECONDS.toNanos(100) << attempt : TimeUnit.SECONDS.toNanos(5);
    long b = p.backoffNanos(attempt);
    assertTrue(b >= d / 2 && b <= d, attempt + ": " + b + " not in [" + d / 2 + ", " + d + "]");
  }

  @Test
  void nonIdempotentCallsAreRetriedOnlyWhenNothingWasSent() {
    RetryPolicy p = RetryPolicy.DEFAULT;
    TransportException connect = TransportException.connect("m", "refused", null);
    TransportException io = TransportException.io("m", "reset", null);
    TransportException s503 = TransportException.httpStatus("m", 503, null, null);
    TransportException r429 = TransportException.httpStatus("m", 429, null, Duration.ofSeconds(1));
    assertTrue(p.delayNanos(connect, 0, false) >= 0);
    assertEquals(-1, p.delayNanos(io, 0, false));
    assertEquals(-1, p.delayNanos(s503, 0, false));
    assertEquals(-1, p.delayNanos(r429, 0, false));
    assertTrue(p.delayNanos(io, 0, true) >= 0);
    assertTrue(p.delayNanos(s503, 0, true) >= 0);
    assertEquals(Duration.ofSeconds(1).toNanos(), p.delayNanos(r429, 0, true), "Retry-After wins over backoff");
    assertEquals(-1, p.delayNanos(io, 2, true), "3 attempts in all");
    assertEquals(-1, p.delayNanos(TransportException.rpcError("m", -32000, "nonce too low", null), 0, true));
    assertTrue(p.delayNanos(TransportException.rpcError("m", -32005, "limit exceeded", null), 0, true) >= 0);
    assertEquals(-1, p.delayNanos(TransportException.httpStatus("m", 429, null, Duration.ofHours(1)), 0, true),
        "a Retry-After beyond maxRetryAfter fails at once");
    assertEquals(-1, p.delayNanos(TransportException.malformed("m", "/x", "bad"), 0, true));
    assertEquals(TransportException.Kind.RATE_LIMITED, r429.kind());
    assertEquals(TransportException.Kind.HTTP_STATUS, s503.kind());
  }

  @Test
  void policyArgumentsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.of(0, Duration.ZERO, Duration.ZERO, Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.of(3, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.DEFAULT.backoffNanos(-1));
  }

  private static final class TimeUnit {
    static final java.util.concurrent.TimeUnit SECONDS = java.util.concurrent.TimeUnit.SECONDS;
    static final java.util.concurrent.TimeUnit MILLISECONDS = java.util.concurrent.TimeUnit.MILLISECONDS;
  }
}
