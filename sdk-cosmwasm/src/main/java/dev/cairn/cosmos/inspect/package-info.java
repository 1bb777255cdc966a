/**
 * The Cosmos transaction inspector ({@link dev.cairn.cosmos.inspect.CosmosInspector}), found by
 * sdk-core's {@code Inspectors} through {@code ServiceLoader}: it summarises direct and amino sign
 * documents for signing policies (transfers with amounts, contracts executed with their message's
 * top-level key and funds, the fee).
 *
 * <pre>{@code
 * TransactionSummary summary = Inspectors.inspect(tx.signRequest(tx.requiredSigners().get(0)));
 * for (TransactionSummary.Action a : summary.actions()) {
 *   System.out.println(a.type() + " " + a.to().orElse(null) + " " + a.method().orElse(""));
 * }
 * }</pre>
 */
package dev.cairn.cosmos.inspect;
