package dev.cairn.testing.node;

/**
 * A blockchain node (or node-like server) running as a child process on a loopback port for tests:
 * started by a launcher ({@link Anvil}, {@link NodeScriptServer}, or {@link NodeProcess} for any
 * command), ready once it answers, stopped (with its child processes) by {@link #close()} and, if a
 * test forgets to close it, when the JVM exits.
 */
public interface LocalNode extends AutoCloseable {
  /** A short name for messages, e.g. {@code anvil}. */
  String name();

  /** The loopback port it listens on. */
  int port();

  /** Its HTTP endpoint, {@code http://127.0.0.1:<port>}. */
  default String url() {
    return "http://127.0.0.1:" + port();
  }

  /** The WebSocket endpoint on the same port ({@code ws://127.0.0.1:<port>}), for nodes that serve one. */
  default String wsUrl() {
    return "ws://127.0.0.1:" + port();
  }

  /** The operating-system process id. */
  long pid();

  /** Whether the process is still running. */
  boolean isAlive();

  /** The last lines the process printed (stdout and stderr), for failure messages. */
  String log();

  /** Stops the process and its descendants (terminate, then kill after a grace period) and waits until it is gone. Idempotent. */
  @Override
  void close();
}
