package dev.cairn.evm.rpc.ws;

import dev.cairn.transport.TransportException;

/**
 * Receives a subscription's events. Called on the WebSocket's reader thread, one call at a time
 * per connection: return quickly (hand heavy work to an executor).
 *
 * @param <T> the event type
 */
@FunctionalInterface
public interface SubscriptionListener<T> {
  /** One notification. */
  void onEvent(T event);

  /**
   * Events may have been missed while the connection was down; called after the reconnection
   * and resubscription, before the first new event.
   */
  default void onGap(Gap gap) {}

  /** A notification could not be parsed, or (re)subscribing failed; the subscription stays registered. */
  default void onError(TransportException error) {}
}
