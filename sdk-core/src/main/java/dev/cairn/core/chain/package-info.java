/**
 * Chain-neutral contracts: CAIP-2/10 chain and account ids, amounts and fees, unsigned and signed
 * transactions, the {@link dev.cairn.core.chain.ChainAdapter} each chain module implements, the
 * {@link dev.cairn.core.chain.VmDispatcher} that routes by chain id, and the error taxonomy
 * ({@link dev.cairn.core.chain.ChainException} with an {@link dev.cairn.core.chain.ErrorKind} plus
 * the VM-native detail).
 *
 * <pre>{@code
 * ChainId chain = ChainId.parse("eip155:1");                  // CAIP-2
 * AccountId account = AccountId.of(chain, "0xab16a96D359eC26a11e2C2b3d8f8B8942d5Bfcdb");
 * ChainRegistry registry = ChainRegistry.create().register(evmAdapter);
 * VmDispatcher dispatcher = VmDispatcher.over(registry);       // routes by chain id to the adapter
 * }</pre>
 */
package dev.cairn.core.chain;
