package dev.cairn.transport.ws;

import dev.cairn.transport.TransportException;

/**
 * Receives a subscription's events. Called on the WebSocket's reader thread, one call at a time:
 * return quickly (hand heavy work to an executor). A listener's exception is caught and ignored
 * (it does not stop the stream).
 *
 * @param <T> the event type
 */
@FunctionalInterface
public interface WsSubscriptionListener<T> {
  /** One notification. */
  void onEvent(T event);

  /** The server confirmed the subscription for the first time (before any event it delivers). */
  default void onSubscribed() {}

  /**
   * The subscription was re-established after a reconnection; events may have been missed in the
   * gap. Called after the new subscription is confirmed and before any event it delivers.
   */
  default void onResubscribed(WsGap gap) {}

  /** A notification could not be parsed, or (re)subscribing failed; the subscription stays registered. */
  default void onError(TransportException error) {}
}
