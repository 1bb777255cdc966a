/**
 * Result and fee types shared by the Cosmos REST and CometBFT clients: {@link
 * dev.cairn.cosmos.client.BroadcastResult} ({@code CheckTx}), {@link
 * dev.cairn.cosmos.client.TxResult} (an included transaction with its events), {@link
 * dev.cairn.cosmos.client.GasEstimate} (simulation; gas limit = ceil(gas used × multiplier)) and
 * {@link dev.cairn.cosmos.client.GasPrice} (fee = ceil(price × gas limit)).
 *
 * <pre>{@code
 * GasEstimate est = GasEstimate.of(200000, 83456);
 * long gasLimit = est.gasLimit();                              // 108493 = ceil(83456 * 1.3)
 * Coin fee = GasPrice.parse("0.025uatom").fee(gasLimit);       // 2713uatom
 * }</pre>
 */
package dev.cairn.cosmos.client;
