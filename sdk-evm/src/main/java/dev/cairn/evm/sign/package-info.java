/**
 * EVM message signing and recovery: EIP-191 personal messages and EIP-712 typed data, over any
 * {@link dev.cairn.core.signer.Signer}.
 *
 * <pre>{@code
 * EvmSignature sig = EvmSigning.signPersonalMessage(message, signer);   // EIP-191
 * Address from = EvmSigning.recoverPersonalMessage(message, sig);
 * }</pre>
 */
package dev.cairn.evm.sign;
