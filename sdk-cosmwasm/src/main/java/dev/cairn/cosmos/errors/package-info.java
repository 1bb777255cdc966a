/**
 * Cosmos errors in the sdk-core taxonomy: ABCI {@code codespace:code} results, gRPC-gateway error
 * bodies and CometBFT JSON-RPC errors mapped to {@link dev.cairn.core.chain.ErrorKind}s with the
 * native code, codespace and log kept; the expected sequence of a sequence mismatch; the
 * contract's message of a CosmWasm failure.
 *
 * <pre>{@code
 * ChainError e = CosmosErrors.abci(ChainId.cosmos("cosmoshub-4"), "sdk", 32,
 *     "account sequence mismatch, expected 7, got 6: incorrect account sequence", null);
 * ErrorKind kind = e.kind();                                            // NONCE_MISMATCH
 * long expected = CosmosErrors.expectedSequence(e).getAsLong();         // 7
 * }</pre>
 */
package dev.cairn.cosmos.errors;
