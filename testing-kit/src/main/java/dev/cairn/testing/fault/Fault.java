package dev.cairn.testing.fault;

import java.time.Duration;
import java.util.Objects;

/**
 * One thing the {@link FaultProxy} does to one HTTP request instead of (or while) passing it on.
 * Immutable; made by the static factories. Whether the request reaches the upstream node is part of
 * each fault's contract ({@link #reachesUpstream()}): a test of a non-idempotent send uses it to
 * know whether the node saw the request.
 */
public final class Fault {
  /** What the proxy does. */
  public enum Kind {
    /** Forward the request and the response unchanged. */
    PASS,
    /** Reset (RST, SO_LINGER 0) the connection after reading the request; nothing is forwarded. */
    RESET_MID_REQUEST,
    /** Forward; write the response head and half its body, then reset (RST) the connection. */
    RESET_MID_RESPONSE,
    /** Forward; write the head with the full Content-Length and half the body, then close (FIN). */
    TRUNCATED_BODY,
    /** Forward; close the connection (FIN) without writing a response byte. */
    CLOSE_BEFORE_RESPONSE,
    /** Forward; write the response head, then nothing until the client closes. */
    HEADERS_THEN_SILENCE,
    /** Forward; write nothing until the client closes. */
    SILENCE,
    /** Forward; write the head, then the body a few bytes at a time with a pause between. */
    SLOW_BODY,
    /** Answer with a status (429, 503, ...) and an optional Retry-After; nothing is forwarded. */
    STATUS,
    /** Answer with an HTML error page (text/html) under a status such as 200 or 502; nothing is forwarded. */
    HTML_PAGE,
    /** Forward; change the JSON-RPC id of the response (of the first entry of a batch answer). */
    WRONG_ID,
    /**
     * Forward; a single answer is replaced by the previous answer the proxy gave (a stale cached
     * answer carrying an earlier request's id); in a batch the second entry gets the first entry's id.
     */
    DUPLICATE_ID,
    /** Forward; reverse the entries of a batch answer. */
    BATCH_REORDERED,
    /** Forward; drop the last entry of a batch answer. */
    BATCH_MISSING_ENTRY,
    /** Answer 200 with a JSON-RPC result of the given size; nothing is forwarded. */
    OVERSIZED_BODY,
    /** Answer 200 with a huge Content-Length, a few bytes of body, then close; nothing is forwarded. */
    DECLARED_OVERSIZED
  }

  private static final Fault PASS = new Fault(Kind.PASS, 0, null, 0, Duration.ZERO);

  private final Kind kind;
  private final int status;
  private final String retryAfter;
  private final long bytes;
  private final Duration step;

  private Fault(Kind kind, int status, String retryAfter, long bytes, Duration step) {
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
    this.bytes = bytes;
    this.step = step;
  }

  /** No fault: the request and its answer pass unchanged. */
  public static Fault pass() {
    return PASS;
  }

  /** The connection is reset after the request is read; the request never reaches the upstream. */
  public static Fault resetMidRequest() {
    return new Fault(Kind.RESET_MID_REQUEST, 0, null, 0, Duration.ZERO);
  }

  /** The request reaches the upstream; the connection is reset halfway through the answer's body. */
  public static Fault resetMidResponse() {
    return new Fault(Kind.RESET_MID_RESPONSE, 0, null, 0, Duration.ZERO);
  }

  /** The request reaches the upstream; the answer's body stops at half its Content-Length, then FIN. */
  public static Fault truncatedBody() {
    return new Fault(Kind.TRUNCATED_BODY, 0, null, 0, Duration.ZERO);
  }

  /** The request reaches the upstream; the connection is closed (FIN) before any answer byte. */
  public static Fault closeBeforeResponse() {
    return new Fault(Kind.CLOSE_BEFORE_RESPONSE, 0, null, 0, Duration.ZERO);
  }

  /** The request reaches the upstream; the answer's head is written and its body never comes. */
  public static Fault headersThenSilence() {
    return new Fault(Kind.HEADERS_THEN_SILENCE, 0, null, 0, Duration.ZERO);
  }

  /** The request reaches the upstream; no answer byte is ever written. */
  public static Fault silence() {
    return new Fault(Kind.SILENCE, 0, null, 0, Duration.ZERO);
  }

  /**
   * The request reaches the upstream; the answer's body is written {@code bytesPerStep} bytes at a
   * time, {@code step} apart.
   */
  public static Fault slowBody(int bytesPerStep, Duration step) {
    if (bytesPerStep < 1) {
      throw new IllegalArgumentException("bytesPerStep must be positive");
    }
    if (Objects.requireNonNull(step, "step").isNegative()) {
      throw new IllegalArgumentException("step must not be negative");
    }
    return new Fault(Kind.SLOW_BODY, 0, null, bytesPerStep, step);
  }

  /**
   * An answer with this status and a short text body; {@code retryAfter} (delta-seconds or an
   * HTTP-date, null for none) is sent as {@code Retry-After}. Nothing reaches the upstream.
   */
  public static Fault status(int status, String retryAfter) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be 100..599");
    }
    return new Fault(Kind.STATUS, status, retryAfter, 0, Duration.ZERO);
  }

  /** 429 Too Many Requests with {@code Retry-After: seconds}. */
  public static Fault rateLimited(int retryAfterSeconds) {
    return status(429, Integer.toString(retryAfterSeconds));
  }

  /** 503 Service Unavailable with {@code Retry-After: seconds}. */
  public static Fault unavailable(int retryAfterSeconds) {
    return status(503, Integer.toString(retryAfterSeconds));
  }

  /** An HTML error page (as a captive portal or a load balancer sends) under this status. */
  public static Fault htmlPage(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be 100..599");
    }
    return new Fault(Kind.HTML_PAGE, status, null, 0, Duration.ZERO);
  }

  /** The request reaches the upstream; the answer's id is changed. */
  public static Fault wrongId() {
    return new Fault(Kind.WRONG_ID, 0, null, 0, Duration.ZERO);
  }

  /** The request reaches the upstream; the answer carries an id already answered (see {@link Kind#DUPLICATE_ID}). */
  public static Fault duplicateId() {
    return new Fault(Kind.DUPLICATE_ID, 0, null, 0, Duration.ZERO);
  }

  /** The request reaches the upstream; a batch answer's entries come in reverse order. */
  public static Fault batchReordered() {
    return new Fault(Kind.BATCH_REORDERED, 0, null, 0, Duration.ZERO);
  }

  /** The request reaches the upstream; a batch answer lacks its last entry. */
  public static Fault batchMissingEntry() {
    return new Fault(Kind.BATCH_MISSING_ENTRY, 0, null, 0, Duration.ZERO);
  }

  /** A well-formed JSON-RPC answer of about {@code bytes} bytes (a long string result). Nothing is forwarded. */
  public static Fault oversizedBody(int bytes) {
    if (bytes < 64) {
      throw new IllegalArgumentException("bytes must be at least 64");
    }
    return new Fault(Kind.OVERSIZED_BODY, 0, null, bytes, Duration.ZERO);
  }

  /** An answer declaring {@code contentLength} bytes, of which a few are sent before the close. */
  public static Fault declaredOversized(long contentLength) {
    if (contentLength < 64) {
      throw new IllegalArgumentException("contentLength must be at least 64");
    }
    return new Fault(Kind.DECLARED_OVERSIZED, 0, null, contentLength, Duration.ZERO);
  }

  /** What the proxy does. */
  public Kind kind() {
    return kind;
  }

  /** The status of {@link Kind#STATUS} and {@link Kind#HTML_PAGE}; 0 otherwise. */
  public int status() {
    return status;
  }

  /** The Retry-After value of {@link Kind#STATUS}, or null. */
  public String retryAfter() {
    return retryAfter;
  }

  /** Body size of the oversized kinds, bytes per step of {@link Kind#SLOW_BODY}; 0 otherwise. */
  public long bytes() {
    return bytes;
  }

  /** The pause between steps of {@link Kind#SLOW_BODY}; zero otherwise. */
  public Duration step() {
    return step;
  }

  /** Whether the request is passed on to the upstream node under this fault. */
  public boolean reachesUpstream() {
    switch (kind) {
      case RESET_MID_REQUEST:
      case STATUS:
      case HTML_PAGE:
      case OVERSIZED_BODY:
      case DECLARED_OVERSIZED:
        return false;
      default:
        return true;
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Fault)) {
      return false;
    }
    Fault f = (Fault) o;
    return kind == f.kind && status == f.status && Objects.equals(retryAfter, f.retryAfter) && bytes == f.bytes
        && step.equals(f.step);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, status, retryAfter, bytes, step);
  }

  @Override
  public String toString() {
    switch (kind) {
      case STATUS:
        return "STATUS(" + status + (retryAfter == null ? "" : ", Retry-After: " + retryAfter) + ")";
      case HTML_PAGE:
        return "HTML_PAGE(" + status + ")";
      case SLOW_BODY:
        return "SLOW_BODY(" + bytes + " bytes every " + step.toMillis() + " ms)";
      case OVERSIZED_BODY:
      case DECLARED_OVERSIZED:
        return kind + "(" + bytes + ")";
      default:
        return kind.name();
    }
  }
}
