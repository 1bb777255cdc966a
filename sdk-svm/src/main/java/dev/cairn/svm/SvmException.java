package dev.cairn.svm;

import dev.cairn.core.CairnException;

/**
 * Root of the exceptions sdk-svm throws for Solana-specific problems: invalid arguments to a
 * builder, a seed set with no program address, a transaction that does not fit in a packet, a
 * missing or wrong signature. Malformed wire input (base58, transactions, keypair files) is a
 * {@link dev.cairn.core.encoding.DecodingException} from sdk-core instead, naming the field and
 * offset. Messages never contain key material.
 */
public class SvmException extends CairnException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Reason {
    /** An argument is missing, out of range or inconsistent; the message names it. */
    INVALID_INPUT,
    /** The seeds give an address on the Ed25519 curve (createProgramAddress), or no bump works. */
    INVALID_SEEDS,
    /** The serialized transaction is larger than a packet ({@link TransactionTooLargeException}). */
    TOO_LARGE,
    /** A required signature is absent. */
    MISSING_SIGNATURE,
    /** A signature does not verify, or a key that is not a required signer tried to sign. */
    INVALID_SIGNATURE
  }

  private final Reason reason;

  public SvmException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public SvmException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  static SvmException invalid(String field, String problem) {
    return new SvmException(Reason.INVALID_INPUT, field + ": " + problem);
  }

  /** Why it was thrown. */
  public Reason reason() {
    return reason;
  }
}
