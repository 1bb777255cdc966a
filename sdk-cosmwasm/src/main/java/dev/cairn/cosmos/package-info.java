/**
 * Cosmos SDK and CosmWasm: the shared value types of sdk-cosmwasm.
 *
 * <pre>{@code
 * Coin fee = Coin.parse("uatom", "5000");
 * System.out.println(fee); // 5000uatom
 * }</pre>
 */
package dev.cairn.cosmos;
