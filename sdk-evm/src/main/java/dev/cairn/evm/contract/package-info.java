/**
 * Contract helpers over an {@link dev.cairn.evm.EvmChainAdapter}: ERC-20 tokens, Multicall3
 * batching and revert decoding.
 *
 * <pre>{@code
 * Erc20Token usdc = Erc20Token.at(evm, Address.parse("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"));
 * BigInteger balance = usdc.balanceOf(owner).get();
 * }</pre>
 */
package dev.cairn.evm.contract;
