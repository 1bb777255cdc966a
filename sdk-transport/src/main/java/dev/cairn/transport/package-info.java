/**
 * The chain-neutral transport: JSON-RPC 2.0 over HTTP ({@link dev.cairn.transport.JsonRpcClient}:
 * calls, batches, automatic batching), plain REST ({@link dev.cairn.transport.RestClient}), one
 * {@link dev.cairn.transport.RetryPolicy} (also for WebSocket reconnections), one set of {@link
 * dev.cairn.transport.JsonLimits}, one exception type ({@link
 * dev.cairn.transport.TransportException} with a kind). No chain knowledge: chain modules add
 * method names and result types on top.
 *
 * <pre>{@code
 * try (JsonRpcClient rpc = JsonRpcClient.builder("https://rpc.example")
 *     .retryPolicy(RetryPolicy.DEFAULT).timeout(Duration.ofSeconds(10)).build()) {
 *   String head = rpc.rawCall("getHealth", null, true).send();
 * } catch (TransportException e) {
 *   if (e.kind() == TransportException.Kind.RATE_LIMITED) {
 *     System.err.println("retry after " + e.retryAfter().orElse(Duration.ZERO));
 *   }
 * }
 * }</pre>
 */
package dev.cairn.transport;
