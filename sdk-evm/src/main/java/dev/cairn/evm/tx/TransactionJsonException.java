package dev.cairn.evm.tx;

import dev.cairn.core.CairnException;

/**
 * A transaction JSON object that {@link TransactionJson} refuses. {@link #field()} is the path of
 * the offending field ({@code "tx.chainId"}, {@code "tx.accessList[0].address"}; {@code "tx"} for
 * the object itself) and the message names it. Values that reach the transaction's own checks fail
 * with their exceptions instead ({@link EvmTxException} for a value out of a field's range, {@link
 * dev.cairn.abi.AbiException} for a malformed address or a bad EIP-55 checksum).
 */
public final class TransactionJsonException extends CairnException {
  private static final long serialVersionUID = 1L;

  /** Why the JSON was refused. */
  public enum Reason {
    /** Not JSON at all, or not an object where the transaction belongs. */
    MALFORMED,
    /** A field that a transaction object does not have. */
    UNKNOWN_FIELD,
    /** A required field is absent (or null). */
    MISSING_FIELD,
    /** A value of the wrong JSON type, out of range, or contradicting another field. */
    INVALID_VALUE,
    /** A byte string that is not 0x-prefixed hex of the right length. */
    BAD_HEX
  }

  private final Reason reason;
  private final String field;

  /**
   * @param reason why
   * @param field the path of the offending field
   * @param message the whole message, naming the field
   */
  public TransactionJsonException(Reason reason, String field, String message) {
    super(message);
    this.reason = reason;
    this.field = field;
  }

  /** Why the JSON was refused. */
  public Reason reason() {
    return reason;
  }

  /** The path of the offending field. */
  public String field() {
    return field;
  }
}
