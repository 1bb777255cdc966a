package dev.cairn.testing.oracle;

import dev.cairn.testing.node.internal.NodeRuntime;
import dev.cairn.testing.node.internal.ProjectRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * How to run a reference-implementation script: a Node.js script that reads one JSON request per
 * line on stdin and writes exactly one JSON answer line per request on stdout, in request order
 * (the protocol of the project's {@code tools/oracle/*.mjs}). Immutable; {@link #start()} runs it
 * as an {@link OracleProcess}.
 *
 * <pre>{@code
 * OracleScript viem = OracleScript.project("tx.mjs").requirePackages("viem");
 * try (OracleProcess oracle = viem.start()) {
 *   String answer = oracle.call("{\"op\":\"personal\",\"privateKey\":\"0x..\",\"message\":\"0x68\"}");
 * }
 * }</pre>
 */
public final class OracleScript {
  /** Default longest wait for one answer. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private final Path script;
  private final List<String> args;
  private final List<String> packages;
  private final Duration timeout;
  private final Path node;
  private final String setupHint;
  private final String handshake;
  private final String idField;
  private final Predicate<String> handshakeCheck;

  private OracleScript(Path script, List<String> args, List<String> packages, Duration timeout, Path node, String setupHint) {
    this(script, args, packages, timeout, node, setupHint, null, null, null);
  }

  private OracleScript(Path script, List<String> args, List<String> packages, Duration timeout, Path node, String setupHint,
      String handshake, Predicate<String> handshakeCheck, String idField) {
    this.idField = idField;
    this.handshake = handshake;
    this.handshakeCheck = handshakeCheck;
    this.script = script;
    this.args = List.copyOf(args);
    this.packages = List.copyOf(packages);
    this.timeout = timeout;
    this.node = node;
    this.setupHint = setupHint;
  }

  /** A script of your own. */
  public static OracleScript of(Path script) {
    Objects.requireNonNull(script, "script");
    return new OracleScript(script.toAbsolutePath().normalize(), List.of(), List.of(), DEFAULT_TIMEOUT, null, null);
  }

  /**
   * A script of the project's oracle directory: {@code <dir>/<name>}, where the directory is the
   * system property {@code cairn.oracle.dir} (or the environment variable {@code
   * CAIRN_ORACLE_DIR}) when set, else {@code tools/oracle} of the Cairn checkout around the working
   * directory ({@code cairn.root}, or the nearest ancestor holding {@code tools/oracle/package.json}).
   * Its setup hint is the project's ({@code scripts/setup.sh}).
   *
   * @throws OracleException (SCRIPT_MISSING) when no oracle directory is found
   */
  public static OracleScript project(String name) {
    Objects.requireNonNull(name, "name");
    return new OracleScript(projectOracleDir().resolve(name), List.of(), List.of(), DEFAULT_TIMEOUT, null,
        "run scripts/setup.sh (it installs the oracle's pinned packages with `npm ci --prefix tools/oracle`)"
            + " and make sure node 18+ is on the PATH");
  }

  /** The project's oracle directory; see {@link #project}. */
  public static Path projectOracleDir() {
    String configured = ProjectRoot.setting("cairn.oracle.dir", "CAIRN_ORACLE_DIR");
    if (configured != null) {
      Path dir = Paths.get(configured).toAbsolutePath().normalize();
      if (!Files.isDirectory(dir)) {
        throw new OracleException(OracleException.Reason.SCRIPT_MISSING,
            "cairn.oracle.dir/CAIRN_ORACLE_DIR=" + configured + " is not a directory", null);
      }
      return dir;
    }
    String marker = "tools/oracle/package.json";
    return ProjectRoot.find(marker).map(r -> r.resolve("tools/oracle")).orElseThrow(() -> new OracleException(
        OracleException.Reason.SCRIPT_MISSING, "the project's oracle scripts were not found: "
            + ProjectRoot.describeSearch(marker) + ", or set -Dcairn.oracle.dir=<dir of the scripts>", null));
  }

  /** Arguments after the script path. */
  public OracleScript args(String... more) {
    List<String> a = new ArrayList<>(args);
    for (String s : more) {
      a.add(Objects.requireNonNull(s, "arg"));
    }
    return new OracleScript(script, a, packages, timeout, node, setupHint, handshake, handshakeCheck, idField);
  }

  /** npm packages that must be installed for the script (checked before it starts). */
  public OracleScript requirePackages(String... names) {
    List<String> p = new ArrayList<>(packages);
    for (String s : names) {
      p.add(Objects.requireNonNull(s, "package"));
    }
    return new OracleScript(script, args, p, timeout, node, setupHint, handshake, handshakeCheck, idField);
  }

  /** The longest wait for any one answer (default 60 s). */
  public OracleScript timeout(Duration t) {
    Objects.requireNonNull(t, "timeout");
    if (t.isNegative() || t.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + t);
    }
    return new OracleScript(script, args, packages, t, node, setupHint, handshake, handshakeCheck, idField);
  }

  /** The node binary (default: {@code cairn.node}/{@code CAIRN_NODE}, else {@code node} on the PATH). */
  public OracleScript node(Path binary) {
    return new OracleScript(script, args, packages, timeout, Objects.requireNonNull(binary, "binary"), setupHint,
        handshake, handshakeCheck, idField);
  }

  /** What a failure for a missing node or package tells the user to do. */
  public OracleScript setupHint(String hint) {
    return new OracleScript(script, args, packages, timeout, node, Objects.requireNonNull(hint, "hint"), handshake,
        handshakeCheck, idField);
  }

  /**
   * A request sent when the script starts, whose answer {@code accept} must approve (e.g. a version
   * query that pins the installed packages); otherwise starting fails with HANDSHAKE.
   */
  public OracleScript handshake(String request, Predicate<String> accept) {
    return new OracleScript(script, args, packages, timeout, node, setupHint, Objects.requireNonNull(request, "request"),
        Objects.requireNonNull(accept, "accept"), idField);
  }

  /**
   * Matches answers to requests by an id member instead of by order: the bridge adds {@code
   * "<field>":N} to each request (requests must then be JSON objects without that member) and the
   * script echoes it in its answer (as the project's {@code tools/oracle/lib/jsonl.mjs} does with
   * {@code "id"}). Answers may then come in any order, and a timed-out request does not stop the
   * script.
   */
  public OracleScript correlateById(String field) {
    return new OracleScript(script, args, packages, timeout, node, setupHint, handshake, handshakeCheck,
        Objects.requireNonNull(field, "field"));
  }

  /** The script. */
  public Path script() {
    return script;
  }

  /** The answer timeout. */
  public Duration timeout() {
    return timeout;
  }

  /** The required packages. */
  public List<String> packages() {
    return packages;
  }

  /**
   * Checks the installation and starts the script.
   *
   * @throws OracleException NODE_MISSING, SCRIPT_MISSING, PACKAGE_MISSING or START_FAILED
   */
  public OracleProcess start() {
    Path dir = script.getParent();
    String hint = setupHint != null ? setupHint : "run `npm ci --prefix " + dir + "` and make sure node 18+ is on the PATH";
    if (!Files.isRegularFile(script)) {
      throw new OracleException(OracleException.Reason.SCRIPT_MISSING, "oracle script " + script + " does not exist", null);
    }
    StringBuilder why = new StringBuilder();
    Optional<Path> bin = NodeRuntime.node(node, why);
    if (bin.isEmpty()) {
      throw new OracleException(OracleException.Reason.NODE_MISSING,
          "cannot run " + script.getFileName() + ": " + why + ". To fix: " + hint, null);
    }
    Optional<String> missing = NodeRuntime.missingPackage(dir, packages);
    if (missing.isPresent()) {
      throw new OracleException(OracleException.Reason.PACKAGE_MISSING, "cannot run " + script.getFileName()
          + ": the npm package " + missing.get() + " is not installed (no node_modules/" + missing.get()
          + "/package.json in " + dir + " or above). To fix: " + hint, null);
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(bin.get().toString());
    cmd.add(script.toString());
    cmd.addAll(args);
    OracleProcess p = OracleProcess.start(cmd, dir, script.getFileName().toString(), timeout, idField);
    if (handshake != null) {
      String answer;
      try {
        answer = p.call(handshake);
      } catch (OracleException e) {
        p.close();
        throw new OracleException(e.reason(), e.getMessage() + ". To fix: " + hint, e);
      }
      if (!handshakeCheck.test(answer)) {
        p.close();
        throw new OracleException(OracleException.Reason.HANDSHAKE, script.getFileName() + " answered the handshake "
            + handshake + " with " + answer + ", not what the tests expect. To fix: " + hint, null);
      }
    }
    return p;
  }

  /** A bridge started on first use; see {@link LazyOracle}. */
  public LazyOracle lazy() {
    return new LazyOracle(this);
  }

  @Override
  public String toString() {
    return "OracleScript[" + script + (packages.isEmpty() ? "" : ", packages " + packages) + ", timeout " + timeout + "]";
  }
}
