package dev.cairn.transport.ws;

import java.time.Duration;
import java.time.Instant;

/**
 * A subscription was re-established after its connection dropped: events between {@link
 * #disconnectedAt()} and {@link #resubscribedAt()} may have been missed. Chain layers turn this
 * into what the chain can backfill (e.g. a block range). Immutable.
 */
public final class WsGap {
  private final Instant disconnectedAt;
  private final Instant resubscribedAt;
  private final Instant lastEventAt;
  private final int reconnectAttempts;

  WsGap(Instant disconnectedAt, Instant resubscribedAt, Instant lastEventAt, int reconnectAttempts) {
    this.disconnectedAt = disconnectedAt;
    this.resubscribedAt = resubscribedAt;
    this.lastEventAt = lastEventAt;
    this.reconnectAttempts = reconnectAttempts;
  }

  /** When the connection was lost. */
  public Instant disconnectedAt() {
    return disconnectedAt;
  }

  /** When the subscription was confirmed again on the new connection. */
  public Instant resubscribedAt() {
    return resubscribedAt;
  }

  /** When the last event before the gap arrived, or {@code null} if none had. */
  public Instant lastEventAt() {
    return lastEventAt;
  }

  /** Connection attempts it took (1 if the first reconnection succeeded). */
  public int reconnectAttempts() {
    return reconnectAttempts;
  }

  /** How long the subscription was down. */
  public Duration downtime() {
    return Duration.between(disconnectedAt, resubscribedAt);
  }

  @Override
  public String toString() {
    return "WsGap{" + disconnectedAt + " .. " + resubscribedAt + ", attempts=" + reconnectAttempts + "}";
  }
}
