package dev.cairn.core.signer;

import dev.cairn.core.CairnException;

/**
 * A signer could not produce a signature. {@link #reason()} says why in a form programs can act on
 * (ask the user again, reconnect the device, fall back to another signer) and {@link #field()}
 * names the part of the request or signer state at fault. Messages never contain key material.
 */
public final class SignerException extends CairnException {
  private static final long serialVersionUID = 1L;

  /** Why signing failed. */
  public enum Reason {
    /** The signer cannot sign this kind of request (see {@link Signer#supports}). */
    UNSUPPORTED_REQUEST,
    /** The user declined on the device (e.g. pressed "reject" on a Ledger). Chain error kind SIGNER_REJECTED. */
    REJECTED_BY_USER,
    /**
     * The device or remote signer is not reachable, locked, has the wrong app open, was unplugged or
     * closed, or the key was destroyed. Chain error kind SIGNER_UNAVAILABLE.
     */
    DEVICE_UNAVAILABLE,
    /** A signing policy wrapped around the signer refused the request. Chain error kind POLICY_DENIED. */
    POLICY_DENIED,
    /** No answer within the allotted time. */
    TIMEOUT,
    /** The request itself is malformed (wrong length, missing digest, wrong key type). */
    INVALID_REQUEST,
    /** The waiting thread was interrupted or the operation was cancelled. */
    CANCELLED,
    /** Anything else; {@link #getCause()} carries the underlying error when there is one. */
    FAILED
  }

  private final Reason reason;
  private final String field;

  /**
   * @param reason why signing failed
   * @param field the request field or signer property at fault (e.g. {@code "digest"},
   *     {@code "kind"}, {@code "device"}); never a secret value
   * @param problem what is wrong, in words; must not contain secrets
   */
  public SignerException(Reason reason, String field, String problem) {
    super(format(reason, field, problem));
    this.reason = reason;
    this.field = field;
  }

  /** As {@link #SignerException(Reason, String, String)}, with an underlying cause. */
  public SignerException(Reason reason, String field, String problem, Throwable cause) {
    super(format(reason, field, problem), cause);
    this.reason = reason;
    this.field = field;
  }

  private static String format(Reason reason, String field, String problem) {
    return (field == null ? "signer" : field) + ": " + problem + " (" + reason + ")";
  }

  /** Why signing failed. */
  public Reason reason() {
    return reason;
  }

  /** The field or property at fault, e.g. {@code "digest"}. */
  public String field() {
    return field == null ? "signer" : field;
  }
}
