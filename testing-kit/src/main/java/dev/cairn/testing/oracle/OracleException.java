package dev.cairn.testing.oracle;

/**
 * A reference-implementation bridge failed: node, the script or an npm package is missing, the
 * process ended or answered out of contract, or an answer did not come in time. The message says
 * which, quotes the script's last stderr lines where there are any, and says how to fix a missing
 * installation. Tests fail on it; they are never skipped.
 */
public final class OracleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Reason {
    /** No node binary. */
    NODE_MISSING,
    /** The script file does not exist (or the project's oracle directory was not found). */
    SCRIPT_MISSING,
    /** A required npm package is not installed. */
    PACKAGE_MISSING,
    /** The process could not be started. */
    START_FAILED,
    /** The process ended while answers were owed (or before a request was sent). */
    EXITED,
    /** No answer within the timeout; the process was stopped, since later answers could no longer be matched. */
    TIMEOUT,
    /** The script broke the protocol (an answer nobody asked for), or a request was not one line. */
    PROTOCOL,
    /** The script's answer to the handshake request (e.g. a version query) was not the expected one. */
    HANDSHAKE,
    /** The bridge was closed. */
    CLOSED
  }

  private final Reason reason;

  /** A failure for {@code reason}. */
  public OracleException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** What went wrong. */
  public Reason reason() {
    return reason;
  }
}
