package dev.cairn.testing.node;

import dev.cairn.testing.node.internal.NodeRuntime;
import dev.cairn.testing.node.internal.ProjectRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Launches a Node.js server script as a {@link LocalNode}: {@code node <script> <args>} in the
 * script's directory, with the checks a test needs before it can trust the result: node is
 * installed, the script exists, the npm packages it imports are installed (a missing one fails with
 * the {@code npm ci} to run, never a skip).
 *
 * <p>The script's contract: listen on loopback, on the port given by the environment variable
 * {@code PORT} ({@code 0}: any free port) and print one line containing {@code listening on
 * <host>:<port>} once it listens (another announcement can be read with {@link
 * Builder#portDetector}). The kit then waits for the readiness probe (a JSON-RPC call for
 * JSON-RPC servers) and stops the process, and anything it spawned, on close or JVM exit.
 *
 * <pre>{@code
 * try (NodeProcess svm = NodeScriptServer.builder(Path.of("tools/litesvm/server.mjs"))
 *     .requirePackages("litesvm")
 *     .readiness(ReadinessProbe.jsonRpc("getHealth"))
 *     .start()) {
 *   String url = svm.url();
 * }
 * }</pre>
 */
public final class NodeScriptServer {
  private NodeScriptServer() {}

  /** A launcher for {@code script}; a relative path is resolved against the project root (see {@link #projectScript}) if it exists there, else the working directory. */
  public static Builder builder(Path script) {
    return new Builder(script);
  }

  /**
   * A script of a Cairn checkout, {@code relative} to its root (found as for the oracle scripts:
   * the system property {@code cairn.root}, or the nearest ancestor of the working directory
   * holding {@code relative}).
   *
   * @throws NodeLaunchException when no such root is found
   */
  public static Path projectScript(String relative) {
    return ProjectRoot.find(relative).map(r -> r.resolve(relative)).orElseThrow(
        () -> new NodeLaunchException("node script " + relative + " not found: " + ProjectRoot.describeSearch(relative), "", null));
  }

  /** Options of a node script server. */
  public static final class Builder {
    private final Path script;
    private final List<String> args = new ArrayList<>();
    private final List<String> packages = new ArrayList<>();
    private final List<String[]> env = new ArrayList<>();
    private Path node;
    private String name;
    private PortDetector portDetector = PortDetector.listeningOn();
    private ReadinessProbe readiness = ReadinessProbe.tcp();
    private Duration startTimeout = Duration.ofSeconds(60);
    private String setupHint;

    private Builder(Path script) {
      this.script = Objects.requireNonNull(script, "script");
    }

    /** Arguments after the script path. */
    public Builder args(String... more) {
      for (String a : more) {
        args.add(Objects.requireNonNull(a, "arg"));
      }
      return this;
    }

    /** npm packages that must be installed next to (or above) the script. */
    public Builder requirePackages(String... names) {
      for (String n : names) {
        packages.add(Objects.requireNonNull(n, "package"));
      }
      return this;
    }

    /** An environment variable for the script. */
    public Builder environment(String key, String value) {
      env.add(new String[] {Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value")});
      return this;
    }

    /** The node binary (default: {@code cairn.node}/{@code CAIRN_NODE}, else {@code node} on the PATH). */
    public Builder node(Path binary) {
      this.node = Objects.requireNonNull(binary, "binary");
      return this;
    }

    /** The name in messages (default: the script's file name). */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** How the port is read from the output (default {@link PortDetector#listeningOn()}). */
    public Builder portDetector(PortDetector detector) {
      this.portDetector = Objects.requireNonNull(detector, "detector");
      return this;
    }

    /** When the server counts as ready (default {@link ReadinessProbe#tcp()}). */
    public Builder readiness(ReadinessProbe probe) {
      this.readiness = Objects.requireNonNull(probe, "probe");
      return this;
    }

    /** The longest wait until ready (default 60 s). */
    public Builder startTimeout(Duration timeout) {
      this.startTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** What to tell the user when node or a package is missing (default: the {@code npm ci} to run). */
    public Builder setupHint(String hint) {
      this.setupHint = Objects.requireNonNull(hint, "hint");
      return this;
    }

    /**
     * Starts the server and waits until it is ready.
     *
     * @throws NodeLaunchException when node, the script or a package is missing, or the server
     *     does not start; never a skip
     */
    public NodeProcess start() {
      Path s = resolve(script);
      String label = name != null ? name : s.getFileName().toString();
      Path dir = s.toAbsolutePath().getParent();
      String hint = setupHint != null ? setupHint : "run `npm ci --prefix " + dir + "`";
      if (!Files.isRegularFile(s)) {
        throw new NodeLaunchException(label + ": script " + s.toAbsolutePath() + " does not exist", "", null);
      }
      StringBuilder why = new StringBuilder();
      Optional<Path> bin = NodeRuntime.node(node, why);
      if (bin.isEmpty()) {
        throw new NodeLaunchException(label + ": " + why, "", null);
      }
      Optional<String> missing = NodeRuntime.missingPackage(dir, packages);
      if (missing.isPresent()) {
        throw new NodeLaunchException(label + ": npm package " + missing.get() + " is not installed for " + s
            + " (no node_modules/" + missing.get() + " in " + dir + " or above); " + hint, "", null);
      }
      List<String> cmd = new ArrayList<>();
      cmd.add(bin.get().toString());
      cmd.add(s.toAbsolutePath().toString());
      cmd.addAll(args);
      NodeProcess.Builder b = NodeProcess.builder(label, cmd).directory(dir).environment("PORT", "0")
          .portDetector(portDetector).readiness(readiness).startTimeout(startTimeout);
      for (String[] kv : env) {
        b.environment(kv[0], kv[1]);
      }
      return b.start();
    }

    private static Path resolve(Path p) {
      if (p.isAbsolute() || Files.exists(p)) {
        return p;
      }
      return ProjectRoot.find(p.toString()).map(r -> r.resolve(p)).orElse(p);
    }
  }
}
