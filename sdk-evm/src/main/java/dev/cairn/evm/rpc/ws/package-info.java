/**
 * {@code eth_subscribe} over a WebSocket: {@link dev.cairn.evm.rpc.ws.EvmWsClient} turns the
 * transport's reconnect-and-resubscribe ({@link dev.cairn.transport.ws.WsRpcClient}) into EVM gaps
 * (block ranges) that {@link dev.cairn.evm.rpc.ws.LogBackfill} can fetch. Needs {@code
 * dev.cairn:sdk-transport} on the class path.
 *
 * <pre>{@code
 * try (EvmWsClient ws = EvmWsClient.connect("ws://127.0.0.1:8545")) {
 *   // subscriptions resubscribe after a reconnect and report the gap (see Gap, LogBackfill)
 * }
 * }</pre>
 */
package dev.cairn.evm.rpc.ws;
