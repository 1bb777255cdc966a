/**
 * JSON-RPC over WebSocket: new-head and log subscriptions that resubscribe after a reconnect and
 * report the gap they may have missed.
 *
 * <pre>{@code
 * try (EvmWsClient ws = EvmWsClient.connect("ws://127.0.0.1:8545")) {
 *   // subscriptions resubscribe after a reconnect and report the gap (see Gap, LogBackfill)
 * }
 * }</pre>
 */
package dev.cairn.evm.rpc.ws;
