package dev.cairn.abi.codegen;

import dev.cairn.core.CairnException;

/**
 * Thrown when an ABI JSON document cannot be turned into bindings: malformed JSON, an unknown or
 * unsupported type, a name that cannot be made into a Java identifier without a clash. The message
 * names the source file and the ABI entry (its index, kind and name) that caused the problem.
 */
public final class CodegenException extends CairnException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, naming the file and entry
   */
  public CodegenException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what went wrong, naming the file and entry
   * @param cause the underlying problem
   */
  public CodegenException(String message, Throwable cause) {
    super(message, cause);
  }
}
