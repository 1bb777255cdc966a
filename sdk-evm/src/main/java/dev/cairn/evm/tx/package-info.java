/**
 * EVM transactions: legacy, EIP-2930, EIP-1559, EIP-4844 and EIP-7702 builders, signing with any
 * {@link dev.cairn.core.signer.Signer}, strict decoding of signed transactions, and contract
 * addresses.
 *
 * <pre>{@code
 * Transaction tx = Transaction.eip1559().chainId(1).nonce(0).gasLimit(21_000)
 *     .maxFeePerGas(BigInteger.valueOf(30_000_000_000L)).maxPriorityFeePerGas(BigInteger.ONE)
 *     .to(Address.parse("0x9858EfFD232B4033E47d90003D41EC34EcaEda94")).value(BigInteger.TEN.pow(16)).build();
 * SignedTransaction signed = tx.sign(signer);
 * SignedTransaction parsed = SignedTransaction.decode(signed.encoded()); // parsed.from(), parsed.hash()
 * }</pre>
 */
package dev.cairn.evm.tx;
