package dev.cairn.evm.rpc.ws;

/** A registered subscription; it survives reconnections (with a new server-side id). */
public interface Subscription extends AutoCloseable {
  /** The current server-side subscription id, or {@code null} while (re)subscribing. */
  String serverId();

  /** The subscription type: {@code newHeads}, {@code logs} or {@code newPendingTransactions}. */
  String type();

  /** Unsubscribes ({@code eth_unsubscribe} when connected) and stops delivering events. */
  @Override
  void close();
}
