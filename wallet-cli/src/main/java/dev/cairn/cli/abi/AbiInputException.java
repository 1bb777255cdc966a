package dev.cairn.cli.abi;

/**
 * A value that the tool cannot turn into (or read from) an ABI value: the message names the value
 * path (for example {@code values[2][0]}). {@link #isDecodeError()} tells bytes or text that are
 * not a valid encoding (bad hex) from a value that does not fit its type.
 */
public final class AbiInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean decodeError;

  AbiInputException(boolean decodeError, String message) {
    super(message, null, false, false);
    this.decodeError = decodeError;
  }

  static AbiInputException invalid(String path, String problem) {
    return new AbiInputException(false, path + ": " + problem);
  }

  static AbiInputException decode(String path, String problem) {
    return new AbiInputException(true, path + ": " + problem);
  }

  /** True for text that is not a valid encoding (hex); false for a value that does not fit. */
  public boolean isDecodeError() {
    return decodeError;
  }
}
