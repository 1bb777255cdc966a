/**
 * A fault-injecting HTTP/1.1 and WebSocket proxy for tests: {@link dev.cairn.testing.fault.FaultProxy}
 * sits between a client and its local node and, per request, does what a {@link
 * dev.cairn.testing.fault.FaultRule} says: a {@link dev.cairn.testing.fault.Fault} such as a reset
 * in the middle of the answer, a truncated or never-ending body, a 429 or 503 with {@code
 * Retry-After}, an HTML error page, a wrong JSON-RPC id, a reordered batch, an oversized body, or a
 * WebSocket dropped during a subscription. It counts its open sockets so that tests can check
 * clients close what they open.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start(nodeUrl)) {
 *   proxy.rule(FaultRule.onMethod("eth_blockNumber", Fault.unavailable(1)).times(1));
 *   proxy.nth(2, Fault.resetMidResponse());
 *   String url = proxy.url(); // point the client under test here
 * }
 * }</pre>
 */
package dev.cairn.testing.fault;
