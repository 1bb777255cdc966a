/**
 * EVM chains: the {@link dev.cairn.evm.EvmChainAdapter} (the chain-neutral adapter for EVM, with
 * nonce-managed sending and receipt waiting).
 *
 * <pre>{@code
 * try (EvmChainAdapter evm = EvmChainAdapter.connect("http://127.0.0.1:8545")) {
 *   AccountId account = evm.accountOf(Address.parse("0x9858EfFD232B4033E47d90003D41EC34EcaEda94"));
 *   long nonce = evm.nextNonce(account).get();
 * }
 * }</pre>
 */
package dev.cairn.evm;
