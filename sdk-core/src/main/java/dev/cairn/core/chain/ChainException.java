package dev.cairn.core.chain;

import dev.cairn.core.CairnException;

/**
 * A chain operation failed. The {@link ChainError} carries the classification, the chain and the
 * VM's native detail; the message is {@link ChainError#toString()}.
 */
public final class ChainException extends CairnException {
  private static final long serialVersionUID = 1L;

  private final transient ChainError error;

  /** An exception carrying {@code error}. */
  public ChainException(ChainError error) {
    super(describe(error));
    this.error = error;
  }

  /** An exception carrying {@code error}, caused by {@code cause} (e.g. an I/O exception). */
  public ChainException(ChainError error, Throwable cause) {
    super(describe(error), cause);
    this.error = error;
  }

  private static String describe(ChainError error) {
    if (error == null) {
      throw new IllegalArgumentException("error is null");
    }
    return error.toString();
  }

  /** The error. */
  public ChainError error() {
    return error;
  }

  /** Shortcut for {@code error().kind()}. */
  public ErrorKind kind() {
    return error.kind();
  }
}
