package dev.cairn.cosmos.rpc;

import dev.cairn.cosmos.client.TxResult;
import dev.cairn.transport.TransportException;
import dev.cairn.transport.ws.WsGap;

/**
 * Receives the transactions of a CometBFT {@code tm.event='Tx'} subscription. Called on the
 * WebSocket's reader thread, one call at a time: return quickly.
 */
@FunctionalInterface
public interface CometTxListener {
  /** One included transaction matching the query. */
  void onTx(TxResult tx);

  /**
   * The subscription was renewed after a reconnection: transactions between {@code
   * lastSeenHeight} (the height of the last one delivered, or -1 if none was) and now may have
   * been missed; backfill them (e.g. by {@code tx} for hashes you wait for, or {@code
   * block_results} for the heights in between). Called before any event of the renewed
   * subscription.
   */
  default void onGap(long lastSeenHeight, WsGap gap) {}

  /** An event could not be read, or (re)subscribing failed; the subscription stays registered. */
  default void onError(TransportException error) {}
}
