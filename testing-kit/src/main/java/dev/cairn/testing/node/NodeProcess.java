package dev.cairn.testing.node;

import dev.cairn.testing.node.internal.LogTail;
import dev.cairn.testing.node.internal.Reaper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The generic launcher: any command that serves on a loopback port, started and supervised as a
 * {@link LocalNode}. The port is either chosen by the node (start it with port 0 and let a {@link
 * PortDetector} read the port it prints) or chosen here: every {@code {port}} in the command is
 * replaced by a free loopback port. The node is ready when its {@link ReadinessProbe} succeeds;
 * until then, and on any failure, its output is kept for the error message.
 *
 * <pre>{@code
 * try (NodeProcess node = NodeProcess.builder("my-node", List.of("/opt/my-node", "--rpc-port", "{port}"))
 *     .readiness(ReadinessProbe.jsonRpc("getHealth"))
 *     .start()) {
 *   String url = node.url();
 * }
 * }</pre>
 */
public final class NodeProcess implements LocalNode {
  /** The placeholder replaced by a free port. */
  public static final String PORT_PLACEHOLDER = "{port}";

  private final String name;
  private final List<String> command;
  private final Process process;
  private final int port;
  private final LogTail log;
  private final long graceMillis;
  private volatile boolean closed;

  private NodeProcess(String name, List<String> command, Process process, int port, LogTail log, long graceMillis) {
    this.name = name;
    this.command = command;
    this.process = process;
    this.port = port;
    this.log = log;
    this.graceMillis = graceMillis;
  }

  /** A launcher for {@code command} (program first), described as {@code name} in messages. */
  public static Builder builder(String name, List<String> command) {
    return new Builder(name, command);
  }

  /** A free loopback port at the time of the call (another process may take it before it is used). */
  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new NodeLaunchException("no free loopback port: " + e.getMessage(), "", e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public long pid() {
    return process.pid();
  }

  @Override
  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public String log() {
    return log.text();
  }

  /** The command that was run, placeholders replaced. */
  public List<String> command() {
    return command;
  }

  /** The exit code once the process has ended, else empty. */
  public OptionalInt exitCode() {
    return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (!Reaper.stop(process, graceMillis)) {
      throw new NodeLaunchException(name + " (pid " + process.pid() + ") did not stop", log.text(), null);
    }
  }

  @Override
  public String toString() {
    return name + "[pid " + process.pid() + ", " + url() + (process.isAlive() ? "" : ", exited") + "]";
  }

  /** Options of a {@link NodeProcess}. */
  public static final class Builder {
    private final String name;
    private final List<String> command;
    private Path directory;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private PortDetector portDetector = PortDetector.listeningOn();
    private ReadinessProbe readiness = ReadinessProbe.tcp();
    private Duration startTimeout = Duration.ofSeconds(60);
    private Duration stopGrace = Duration.ofSeconds(5);
    private int logLines = 500;

    private Builder(String name, List<String> command) {
      this.name = Objects.requireNonNull(name, "name");
      this.command = List.copyOf(Objects.requireNonNull(command, "command"));
      if (this.command.isEmpty()) {
        throw new IllegalArgumentException("command is empty");
      }
    }

    /** The working directory (default: the JVM's). */
    public Builder directory(Path dir) {
      this.directory = dir;
      return this;
    }

    /** Adds an environment variable. */
    public Builder environment(String key, String value) {
      environment.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * How the port is read from the output when the command has no {@code {port}} placeholder
     * (default {@link PortDetector#listeningOn()}).
     */
    public Builder portDetector(PortDetector detector) {
      this.portDetector = Objects.requireNonNull(detector, "detector");
      return this;
    }

    /** When the node counts as ready (default {@link ReadinessProbe#tcp()}). */
    public Builder readiness(ReadinessProbe probe) {
      this.readiness = Objects.requireNonNull(probe, "probe");
      return this;
    }

    /** The longest wait for the port and for readiness together (default 60 s). */
    public Builder startTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("startTimeout must be positive: " + timeout);
      }
      this.startTimeout = timeout;
      return this;
    }

    /** How long {@link #close()} waits after terminating before it kills (default 5 s). */
    public Builder stopGrace(Duration grace) {
      if (grace.isNegative()) {
        throw new IllegalArgumentException("stopGrace must not be negative: " + grace);
      }
      this.stopGrace = grace;
      return this;
    }

    /** How many output lines are kept for messages (default 500). */
    public Builder logLines(int lines) {
      if (lines < 1) {
        throw new IllegalArgumentException("logLines must be positive: " + lines);
      }
      this.logLines = lines;
      return this;
    }

    /**
     * Starts the node and waits until it is ready.
     *
     * @throws NodeLaunchException when it cannot start, exits, reports no port or does not become
     *     ready within the start timeout; the process is stopped first
     */
    public NodeProcess start() {
      int chosen = -1;
      List<String> cmd = new ArrayList<>(command.size());
      for (String arg : command) {
        if (arg.contains(PORT_PLACEHOLDER)) {
          if (chosen < 0) {
            chosen = freePort();
          }
          arg = arg.replace(PORT_PLACEHOLDER, Integer.toString(chosen));
        }
        cmd.add(arg);
      }
      List<String> finalCmd = List.copyOf(cmd);
      ProcessBuilder pb = new ProcessBuilder(finalCmd).redirectErrorStream(true);
      if (directory != null) {
        pb.directory(directory.toFile());
      }
      pb.environment().putAll(environment);
      LogTail tail = new LogTail(logLines);
      Process p;
      try {
        p = pb.start();
      } catch (IOException e) {
        throw new NodeLaunchException(name + ": cannot run " + finalCmd + ": " + e.getMessage(), "", e);
      }
      Reaper.register(p);
      CompletableFuture<Integer> portFound = new CompletableFuture<>();
      if (chosen >= 0) {
        portFound.complete(chosen);
      }
      PortDetector detector = portDetector;
      tail.pump(p.getInputStream(), name + "-output", line -> {
        if (!portFound.isDone()) {
          OptionalInt found = detector.find(line);
          if (found.isPresent()) {
            portFound.complete(found.getAsInt());
          }
        }
      }, () -> portFound.completeExceptionally(new IllegalStateException("the process ended")));
      long deadline = System.nanoTime() + startTimeout.toNanos();
      String what = name + " (" + String.join(" ", finalCmd) + ")";
      int port;
      try {
        port = portFound.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        throw fail(p, tail, what + " reported no port within " + startTimeout.toMillis() + " ms", e);
      } catch (ExecutionException e) {
        throw fail(p, tail, what + " exited before it reported its port" + exit(p), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw fail(p, tail, what + ": interrupted while starting", e);
      }
      NodeProcess node = new NodeProcess(name, finalCmd, p, port, tail, stopGrace.toMillis());
      URI url = URI.create(node.url());
      Exception last = null;
      while (true) {
        try {
          if (readiness.ready(url)) {
            return node;
          }
        } catch (IOException | RuntimeException e) {
          last = e;
        }
        if (!p.isAlive()) {
          throw fail(p, tail, what + " exited before it was ready" + exit(p), last);
        }
        if (System.nanoTime() > deadline) {
          throw fail(p, tail, what + " on port " + port + " was not ready within " + startTimeout.toMillis() + " ms"
              + (last == null ? "" : " (last probe: " + last + ")"), last);
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw fail(p, tail, what + ": interrupted while waiting for readiness", e);
        }
      }
    }

    private static String exit(Process p) {
      try {
        if (p.waitFor(2, TimeUnit.SECONDS)) {
          return " with exit code " + p.exitValue();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "";
    }

    private NodeLaunchException fail(Process p, LogTail tail, String message, Throwable cause) {
      Reaper.stop(p, stopGrace.toMillis());
      // let the output pump catch up with the last lines the process printed
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new NodeLaunchException(message, tail.text(), cause);
    }
  }
}
