package dev.cairn.core.chain;

import dev.cairn.core.signer.SignRequest;

/**
 * A transaction built by a {@link ChainAdapter} and ready to sign. Each chain module implements it
 * with its own type (an EIP-1559 transaction, a Solana message, a Cosmos sign document) and
 * exposes it here only through what signing needs. Implementations are immutable.
 */
public interface UnsignedTransaction {

  /** The chain the transaction is for. */
  ChainId chainId();

  /** The account that signs and pays the fee. */
  AccountId from();

  /**
   * What the fee payer's signer must sign: the payload in the form its {@link SignRequest.Kind}
   * defines (e.g. {@link SignRequest.Kind#EVM_TRANSACTION} with the keccak digest, {@link
   * SignRequest.Kind#SOLANA_MESSAGE}, {@link SignRequest.Kind#COSMOS_SIGN_DOC_DIRECT} with the
   * sha256 digest).
   */
  SignRequest toSignRequest();

  /** The bytes being signed; by default the payload of {@link #toSignRequest()}. */
  default byte[] signingPayload() {
    return toSignRequest().payload();
  }
}
