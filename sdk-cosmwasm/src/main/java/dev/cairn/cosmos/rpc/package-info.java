/**
 * The CometBFT JSON-RPC client (0.37 and 0.38): status, abci_query, broadcast_tx_sync, tx, block,
 * block_results, and the {@code tm.event='Tx'} WebSocket subscription that is renewed after a
 * reconnection with the gap reported.
 *
 * <pre>{@code
 * try (CometRpcClient rpc = CometRpcClient.create("http://127.0.0.1:26657", ChainId.cosmos("testing"));
 *      WsRpcClient ws = WsRpcClient.connect("ws://127.0.0.1:26657/websocket")) {
 *   long height = rpc.status().latestBlockHeight();
 *   WsSubscription sub = CometRpcClient.subscribeTxs(ws, CometRpcClient.txQueryBySender("cosmos1..."),
 *       tx -> System.out.println(tx.txHash() + " at " + tx.height()));
 * }
 * }</pre>
 */
package dev.cairn.cosmos.rpc;
