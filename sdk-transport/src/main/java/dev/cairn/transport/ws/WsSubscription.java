package dev.cairn.transport.ws;

/** A registered subscription; it survives reconnections (with a new server-side id). */
public interface WsSubscription extends AutoCloseable {
  /**
   * The current server-side subscription id (as text; for {@link
   * WsSubscriptionSpec#ofResponseEvents} subscriptions the id the events carry, e.g. {@code
   * 7#event}), or {@code null} while (re)subscribing.
   */
  String serverId();

  /** The subscribe method and its first parameter as given to {@link WsSubscriptionSpec}. */
  String name();

  /** Unsubscribes (when connected) and stops delivering events. */
  @Override
  void close();
}
