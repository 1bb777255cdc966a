/**
 * JSON-RPC over WebSocket with subscriptions that are renewed after every reconnection, the gap
 * reported to each listener, and reconnections paced by the transport's one {@link
 * dev.cairn.transport.RetryPolicy}.
 *
 * <pre>{@code
 * WsRpcClient ws = WsRpcClient.builder("ws://127.0.0.1:8546").retryPolicy(RetryPolicy.DEFAULT).build();
 * WsSubscription heads = ws.subscribe(
 *     WsSubscriptionSpec.of("newHeads", "eth_subscribe", g -> g.writeString("newHeads"),
 *         "eth_unsubscribe", JsonValues::rawJson),
 *     new WsSubscriptionListener<String>() {
 *       public void onEvent(String head) { System.out.println(head); }
 *       public void onResubscribed(WsGap gap) { System.out.println("backfill from " + gap.disconnectedAt()); }
 *     });
 * }</pre>
 */
package dev.cairn.transport.ws;
