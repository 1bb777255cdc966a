package dev.cairn.evm.tx;

import dev.cairn.core.CairnException;

/**
 * A transaction that cannot be built, signed or accepted: a field that does not fit its
 * transaction type, a chain id that differs from the node's, or a violation of a state-free
 * validity rule ({@link Transaction#validate(Fork)}). Malformed encodings are reported with {@link
 * dev.cairn.core.encoding.DecodingException} instead; invalid signatures with {@link
 * dev.cairn.core.crypto.CryptoException}.
 *
 * <p>{@link #field()} names the offending field ({@code "chainId"}, {@code "gasLimit"}, ...).
 */
public final class EvmTxException extends CairnException {
  private static final long serialVersionUID = 1L;

  /** Why a transaction was refused. */
  public enum Reason {
    /** A field is missing, does not belong to the transaction type, or is out of range. */
    INVALID_FIELD,
    /** The transaction's chain id differs from the expected (node's) chain id. */
    CHAIN_ID_MISMATCH,
    /** The transaction type is not active in the given fork. */
    TYPE_NOT_SUPPORTED,
    /** The gas limit is below the intrinsic gas (or the EIP-7623 calldata floor). */
    INTRINSIC_GAS_TOO_LOW,
    /** Contract creation code longer than the EIP-3860 limit of 49152 bytes. */
    INITCODE_TOO_LARGE,
    /** The nonce is 2^64-1 (EIP-2681). */
    NONCE_TOO_BIG,
    /** maxPriorityFeePerGas is greater than maxFeePerGas. */
    PRIORITY_FEE_ABOVE_MAX_FEE,
    /** gasLimit times the gas price does not fit 256 bits. */
    GAS_PRICE_PRODUCT_OVERFLOW,
    /** The signature does not fit the fork's rules (high s, EIP-155 v before Spurious Dragon). */
    INVALID_SIGNATURE,
    /** A signer answered with something unusable (wrong key type, unrecoverable signature). */
    SIGNER_FAILED
  }

  private final Reason reason;
  private final String field;

  /**
   * @param reason why
   * @param field the offending field
   * @param problem human text; must not contain secrets
   */
  public EvmTxException(Reason reason, String field, String problem) {
    super(field + ": " + problem);
    this.reason = reason;
    this.field = field;
  }

  /** Why the transaction was refused. */
  public Reason reason() {
    return reason;
  }

  /** The offending field. */
  public String field() {
    return field;
  }
}
