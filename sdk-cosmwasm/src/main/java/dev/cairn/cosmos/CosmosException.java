package dev.cairn.cosmos;

import dev.cairn.core.CairnException;

/**
 * Root of the exceptions sdk-cosmwasm throws for Cosmos-specific problems: an argument that does
 * not fit its field (a bad denom, a bech32 address with the wrong prefix, a message over its size
 * limit), or a response whose shape is not the documented one. Malformed wire input (protobuf,
 * bech32, base64) is a {@link dev.cairn.core.encoding.DecodingException} from sdk-core instead,
 * naming the field and offset; errors the chain reports are {@link
 * dev.cairn.core.chain.ChainException}s with the native code, codespace and log kept. Messages
 * name the offending field and never contain key material.
 */
public class CosmosException extends CairnException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Reason {
    /** An argument is missing, out of range or inconsistent; the message names the field. */
    INVALID_INPUT,
    /** An address has another human-readable prefix than the one expected. */
    WRONG_PREFIX,
    /** An encoded message, memo or transaction exceeds its limit; the message gives both sizes. */
    TOO_LARGE,
    /** A node's response is not in the documented shape; the message names the field. */
    MALFORMED_RESPONSE,
    /** A signature is missing or does not verify against its sign document. */
    INVALID_SIGNATURE
  }

  private final Reason reason;

  public CosmosException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public CosmosException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** An {@link Reason#INVALID_INPUT} naming {@code field}. */
  public static CosmosException invalid(String field, String problem) {
    return new CosmosException(Reason.INVALID_INPUT, field + ": " + problem);
  }

  /** Why it was thrown. */
  public Reason reason() {
    return reason;
  }
}
