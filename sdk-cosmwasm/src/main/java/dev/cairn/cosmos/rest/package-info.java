/**
 * The Cosmos REST (gRPC-gateway) client, Cosmos SDK 0.47 and 0.50: accounts (base, vesting,
 * module, Ethermint), balances, simulate, broadcast, transactions by hash, waiting for inclusion
 * until the timeout height, and the CosmWasm smart and raw queries, contract and code info.
 *
 * <pre>{@code
 * try (CosmosRestClient rest = CosmosRestClient.create("http://127.0.0.1:1317", ChainId.cosmos("testing"))) {
 *   CosmosAccount acct = rest.account("cosmos1...").orElseThrow();
 *   byte[] txBytes = signedTx(acct.accountNumber(), acct.sequence());
 *   GasEstimate est = rest.simulate(txBytes);
 *   BroadcastResult sent = rest.broadcast(txBytes);
 *   TxResult included = rest.waitForInclusion(sent.txHash(), 0, Duration.ofSeconds(60), Duration.ofSeconds(1));
 *   String count = rest.smartQuery("cosmos1contract...", "{\"get_count\":{}}");
 * }
 * }</pre>
 */
package dev.cairn.cosmos.rest;
