package dev.cairn.testing.node;

/**
 * A local node could not be started or did not become ready: the binary is missing, the process
 * exited, it never reported its port or never answered. The message names the node, the command,
 * the cause and the last lines the process printed, so that a failing test says why.
 *
 * <p>This is a test failure, never a skip: tests that need a node fail when it cannot run.
 */
public final class NodeLaunchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String log;

  /** A failure with the process output captured so far (empty when the process never started). */
  public NodeLaunchException(String message, String log, Throwable cause) {
    super(log == null || log.isEmpty() ? message : message + "\n--- last output ---\n" + log, cause);
    this.log = log == null ? "" : log;
  }

  /** The last lines the process printed (empty when it never started). */
  public String log() {
    return log;
  }
}
