package dev.cairn.cli.batch;

/**
 * A request that cannot be answered with a result. The engine turns it into an error line with
 * {@link #code()} and the message. Messages name the offending field and never quote secrets.
 */
public final class BatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  /**
   * @param code the error code written to the output line
   * @param message human text naming the offending field; must not contain secret input
   */
  public BatchException(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** The error code written to the output line. */
  public ErrorCode code() {
    return code;
  }

  static BatchException badRequest(String message) {
    return new BatchException(ErrorCode.BAD_REQUEST, message);
  }

  static BatchException invalid(String message) {
    return new BatchException(ErrorCode.INVALID_ARGUMENT, message);
  }
}
