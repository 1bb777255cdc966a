package dev.cairn.abi;

import dev.cairn.core.CairnException;

/**
 * A problem with an ABI type or a Java value: a malformed type string ({@link Reason#PARSE}, with
 * the character {@link #position()}), an invalid type ({@link Reason#INVALID_TYPE}), a value that
 * does not fit its type ({@link Reason#INVALID_VALUE}, the message names the value path such as
 * {@code args[1][0]}), or a feature the SDK does not support ({@link Reason#UNSUPPORTED}).
 *
 * <p>Problems in encoded data being decoded are reported with {@link
 * dev.cairn.core.encoding.DecodingException} instead.
 */
public final class AbiException extends CairnException {
  private static final long serialVersionUID = 1L;

  /** Why an {@link AbiException} was thrown. */
  public enum Reason {
    /** A type string or signature could not be parsed; {@link #position()} says where. */
    PARSE,
    /** A syntactically valid type that is not a valid ABI type (e.g. {@code uint7}). */
    INVALID_TYPE,
    /** A Java value that does not match its ABI type. */
    INVALID_VALUE,
    /** A valid construct the SDK does not support (e.g. {@code fixed128x18}). */
    UNSUPPORTED
  }

  private final Reason reason;
  private final int position;

  /**
   * Creates an exception without a position.
   *
   * @param reason the reason
   * @param message what went wrong, naming the field or value path
   */
  public AbiException(Reason reason, String message) {
    this(reason, message, -1);
  }

  /**
   * Creates an exception with a character position (for {@link Reason#PARSE}).
   *
   * @param reason the reason
   * @param message what went wrong
   * @param position character position in the parsed string, or -1
   */
  public AbiException(Reason reason, String message, int position) {
    super(position >= 0 ? message + " (at position " + position + ")" : message);
    this.reason = reason;
    this.position = position;
  }

  /** Why this exception was thrown. */
  public Reason reason() {
    return reason;
  }

  /** The character position in the parsed string for {@link Reason#PARSE}, else -1. */
  public int position() {
    return position;
  }
}
