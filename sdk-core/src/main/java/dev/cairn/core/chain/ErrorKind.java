package dev.cairn.core.chain;

/**
 * What went wrong, in terms common to every VM. The VM's own code and data are kept next to it in
 * {@link ChainError}; this classification is what callers branch on. See {@code
 * docs/architecture.md} for how each VM's failures map here.
 */
public enum ErrorKind {
  /** The contract or program aborted: EVM revert, SVM program error, CosmWasm execute error. */
  REVERTED(false),
  /** Ran out of EVM gas, SVM compute units, or Cosmos gas. */
  OUT_OF_GAS(false),
  /** The account cannot pay the amount or the fee (or the rent, on Solana). */
  INSUFFICIENT_FUNDS(false),
  /**
   * EVM nonce or Cosmos account sequence does not match the chain's; refetch it and rebuild.
   */
  NONCE_MISMATCH(true),
  /**
   * The transaction's validity window closed: the Solana recent blockhash expired ({@code
   * BlockhashNotFound}, block height past {@code lastValidBlockHeight}) or the Cosmos timeout height
   * passed. It can never land: it is safe to rebuild and sign again. Unlike {@link #TIMEOUT}.
   */
  EXPIRED(true),
  /**
   * The node refused the transaction for another reason: underpriced, already known, fee below
   * the minimum, mempool full, bad signature.
   */
  REJECTED_BY_NODE(false),
  /** The node could not be reached or answered with something that is not a valid response. */
  TRANSPORT(true),
  /**
   * No answer or no inclusion within the allotted time; the transaction may still land (do not
   * rebuild it with a new nonce or blockhash without checking). Unlike {@link #EXPIRED}.
   */
  TIMEOUT(true),
  /** The signer refused: the user rejected the request on the device. */
  SIGNER_REJECTED(false),
  /** The signer is unavailable: locked, wrong app open, unplugged, closed, or its key destroyed. */
  SIGNER_UNAVAILABLE(true),
  /** A signing policy denied the request. */
  POLICY_DENIED(false),
  /** The chain, adapter or operation is not supported (e.g. no adapter for the chain id). */
  UNSUPPORTED(false),
  /** The caller's input is invalid (wrong chain, malformed address, bad amount). */
  INVALID_INPUT(false),
  /** Anything the adapter could not classify; the native detail says more. */
  UNKNOWN(false);

  private final boolean transientKind;

  ErrorKind(boolean transientKind) {
    this.transientKind = transientKind;
  }

  /**
   * Whether the same operation may succeed if tried again later, after refreshing the nonce or
   * blockhash where that is the cause. A {@link #TIMEOUT} while waiting for inclusion means the
   * transaction may still be included: resend the same signed transaction (same id) rather than
   * a new one.
   */
  public boolean isTransient() {
    return transientKind;
  }
}
