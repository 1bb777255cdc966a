package dev.cairn.testing.node;

import dev.cairn.core.encoding.Hex;
import dev.cairn.testing.node.internal.Executables;
import dev.cairn.testing.node.internal.HttpPost;
import dev.cairn.testing.node.internal.MiniJson;
import dev.cairn.testing.node.internal.ProjectRoot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local <a href="https://book.getfoundry.sh/anvil/">anvil</a> EVM node: started on a free
 * loopback port ({@code --port 0}; the port is read from its {@code Listening on} line, or, with
 * {@code --quiet}, which silences that line, a free port chosen by the kit), ready once
 * it answers {@code eth_chainId}, stopped by {@link #close()}. Funded dev accounts come from
 * anvil's default mnemonic ("test test ... junk"): {@link #DEV_KEYS}, {@link #DEV_ADDRESSES}.
 *
 * <p>The binary is, in this order: {@link Builder#binary}, the system property {@code cairn.anvil}
 * or environment variable {@code CAIRN_ANVIL}, the pinned binary of a Cairn checkout (printed by
 * its {@code scripts/anvil-path.sh}), or {@code anvil} on the PATH.
 *
 * <p>{@link #rpc} is a small, independent JSON-RPC client (java.net only) for node control
 * ({@code anvil_*}, {@code evm_*}) and for cross-checking the client under test.
 */
public final class Anvil implements LocalNode {
  /** Chain id of a default anvil. */
  public static final long CHAIN_ID = 31337;

  /** Private keys (hex, no 0x) of anvil's ten default accounts (m/44'/60'/0'/0/i of "test ... junk"). */
  public static final List<String> DEV_KEYS = List.of(
      "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
      "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
      "5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
      "7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
      "47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
      "8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
      "92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
      "4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
      "dbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
      "2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6");

  /** Addresses (lowercase hex with 0x) of the ten default accounts, in the order of {@link #DEV_KEYS}. */
  public static final List<String> DEV_ADDRESSES = List.of(
      "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
      "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
      "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc",
      "0x90f79bf6eb2c4f870365e785982e1f101e93b906",
      "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65",
      "0x9965507d1a55bcc2695c58ba16fb37d819b0a4dc",
      "0x976ea74026e726554db657fa54763abd0c3a0aa9",
      "0x14dc79964da2c08b23698b3d3cc7ca32193d9955",
      "0x23618e81e3f5cdf7f54c3d65f7fbc0abf5b21e8f",
      "0xa0ee7a142d267c1f36714e4a8f75612f20a79720");

  private static final int RPC_TIMEOUT_MILLIS = 30_000;

  private final NodeProcess process;
  private final AtomicLong ids = new AtomicLong();

  private Anvil(NodeProcess process) {
    this.process = process;
  }

  /** Starts anvil with default settings (automine, chain 31337, 10 accounts of 10000 ETH) plus {@code extraArgs}. */
  public static Anvil start(String... extraArgs) {
    return builder().args(extraArgs).start();
  }

  /** Options for starting anvil. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The anvil binary that {@link #start} runs when none is configured on the builder.
   *
   * @throws NodeLaunchException (failing the test, never skipping it) when none is found
   */
  public static Path binary() {
    String configured = ProjectRoot.setting("cairn.anvil", "CAIRN_ANVIL");
    if (configured != null) {
      Path p = Paths.get(configured);
      if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
        throw new NodeLaunchException("anvil: cairn.anvil/CAIRN_ANVIL=" + configured + " is not an executable file", "", null);
      }
      return p;
    }
    var root = ProjectRoot.find("scripts/anvil-path.sh");
    if (root.isPresent() && !Executables.windows()) {
      return fromScript(root.get().resolve("scripts/anvil-path.sh"));
    }
    return Executables.onPath("anvil").orElseThrow(() -> new NodeLaunchException(
        "anvil not found: not on the PATH, no -Dcairn.anvil=/path/to/anvil (or CAIRN_ANVIL), and "
            + ProjectRoot.describeSearch("scripts/anvil-path.sh")
            + "; install Foundry's anvil or, in a Cairn checkout, run scripts/setup.sh", "", null));
  }

  private static Path fromScript(Path script) {
    Process p;
    try {
      p = new ProcessBuilder("bash", script.toString()).start();
    } catch (IOException e) {
      throw new NodeLaunchException("anvil: cannot run " + script + ": " + e.getMessage(), "", e);
    }
    try {
      p.getOutputStream().close();
      String out = readAll(p.getInputStream());
      String err = readAll(p.getErrorStream());
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new NodeLaunchException("anvil: " + script + " did not finish within 30 s", err, null);
      }
      Path bin = out.isBlank() ? null : Paths.get(out.strip());
      if (p.exitValue() != 0 || bin == null || !Files.isExecutable(bin)) {
        throw new NodeLaunchException("anvil not installed: " + script + " exited with " + p.exitValue()
            + " (" + err.strip() + "); run scripts/setup.sh, or set -Dcairn.anvil=/path/to/anvil", "", null);
      }
      return bin;
    } catch (IOException e) {
      throw new NodeLaunchException("anvil: reading " + script + ": " + e.getMessage(), "", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new NodeLaunchException("anvil: interrupted while running " + script, "", e);
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    byte[] chunk = new byte[4096];
    int n;
    while ((n = in.read(chunk)) > 0 && buf.size() < 1 << 16) {
      buf.write(chunk, 0, n);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  /** Dev account {@code i}'s private key (32 bytes, a fresh copy). */
  public static byte[] devKey(int i) {
    return Hex.decode(DEV_KEYS.get(i));
  }

  @Override
  public String name() {
    return "anvil";
  }

  @Override
  public int port() {
    return process.port();
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
    return process.log();
  }

  /** The command that was run. */
  public List<String> command() {
    return process.command();
  }

  /**
   * Calls {@code method} with {@code params} (null, Boolean, Number, String, List, arrays or Maps
   * of them) and returns the parsed result: null, Boolean, String, Long or BigInteger, BigDecimal,
   * unmodifiable List or Map.
   *
   * @throws JsonRpcException when the node answers with an error
   * @throws IllegalStateException when the node cannot be reached or answers with something else
   */
  public Object rpc(String method, Object... params) {
    Object result = MiniJson.parse(rpcRaw(method, params));
    return result;
  }

  /**
   * Like {@link #rpc} but returns the {@code result} member as JSON text (e.g. {@code "\"0x7a69\""}),
   * for callers that parse it with their own JSON library.
   */
  public String rpcRaw(String method, Object... params) {
    Objects.requireNonNull(method, "method");
    String body = "{\"jsonrpc\":\"2.0\",\"id\":" + ids.incrementAndGet() + ",\"method\":" + MiniJson.write(method)
        + ",\"params\":" + MiniJson.write(Arrays.asList(params)) + "}";
    HttpPost.Response r;
    try {
      r = HttpPost.post(URI.create(url()), body, RPC_TIMEOUT_MILLIS);
    } catch (IOException e) {
      throw new IllegalStateException("anvil " + method + ": " + e.getMessage() + (isAlive() ? "" : " (anvil has exited)"), e);
    }
    Object answer;
    try {
      answer = MiniJson.parse(r.body());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("anvil " + method + ": HTTP " + r.status() + ", not JSON: " + abbreviate(r.body()), e);
    }
    if (!(answer instanceof Map)) {
      throw new IllegalStateException("anvil " + method + ": HTTP " + r.status() + ", not a JSON-RPC answer: " + abbreviate(r.body()));
    }
    Map<?, ?> m = (Map<?, ?>) answer;
    Object error = m.get("error");
    if (error instanceof Map) {
      Map<?, ?> e = (Map<?, ?>) error;
      Object code = e.get("code");
      Object data = e.get("data");
      throw new JsonRpcException(method, code instanceof Number ? ((Number) code).longValue() : 0,
          String.valueOf(e.get("message")), data == null ? null : MiniJson.write(data));
    }
    if (!m.containsKey("result")) {
      throw new IllegalStateException("anvil " + method + ": no result in " + abbreviate(r.body()));
    }
    return MiniJson.write(m.get("result"));
  }

  private static String abbreviate(String s) {
    return s.length() <= 500 ? s : s.substring(0, 500) + "...";
  }

  /** Calls a method whose result is a JSON string (e.g. a hex quantity or a hash). */
  public String rpcText(String method, Object... params) {
    Object r = rpc(method, params);
    if (!(r instanceof String)) {
      throw new IllegalStateException("anvil " + method + ": expected a string result, got " + MiniJson.write(r));
    }
    return (String) r;
  }

  /** The node's chain id. */
  public long chainId() {
    return quantity(rpcText("eth_chainId")).longValueExact();
  }

  /** The latest block number. */
  public long blockNumber() {
    return quantity(rpcText("eth_blockNumber")).longValueExact();
  }

  /** An account's balance in wei at the latest block. */
  public BigInteger balance(String address) {
    return quantity(rpcText("eth_getBalance", address, "latest"));
  }

  /** Mines {@code n} blocks at once. */
  public void mine(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be positive: " + n);
    }
    rpc("anvil_mine", "0x" + Integer.toHexString(n));
  }

  /** Turns automatic mining of each transaction on or off. */
  public void setAutomine(boolean on) {
    rpc("evm_setAutomine", on);
  }

  /** Takes an EVM snapshot; returns its id for {@link #revert}. */
  public String snapshot() {
    return rpcText("evm_snapshot");
  }

  /** Reverts to a snapshot; true when it existed. */
  public boolean revert(String id) {
    return Boolean.TRUE.equals(rpc("evm_revert", id));
  }

  private static BigInteger quantity(String hex) {
    if (!hex.startsWith("0x") || hex.length() < 3) {
      throw new IllegalStateException("not a hex quantity: " + hex);
    }
    return new BigInteger(hex.substring(2), 16);
  }

  /** Stops anvil (SIGTERM, then SIGKILL after the grace period). */
  @Override
  public void close() {
    process.close();
  }

  @Override
  public String toString() {
    return "anvil[pid " + pid() + ", " + url() + "]";
  }

  /** Options for {@link Anvil}. */
  public static final class Builder {
    private Path binary;
    private final List<String> args = new ArrayList<>();
    private Duration startTimeout = Duration.ofSeconds(60);

    private Builder() {}

    /** The anvil binary (default {@link Anvil#binary()}). */
    public Builder binary(Path binary) {
      this.binary = Objects.requireNonNull(binary, "binary");
      return this;
    }

    /** Extra arguments, e.g. {@code "--block-time", "1"}; {@code --host} and {@code --port} are set by the kit. */
    public Builder args(String... extra) {
      for (String a : extra) {
        String lower = Objects.requireNonNull(a, "arg").toLowerCase(Locale.ROOT);
        if (lower.equals("--port") || lower.equals("-p") || lower.startsWith("--port=") || lower.equals("--host")
            || lower.startsWith("--host=")) {
          throw new IllegalArgumentException("anvil argument " + a + " is set by the kit (loopback, a free port)");
        }
        args.add(a);
      }
      return this;
    }

    /** The longest wait until anvil answers (default 60 s). */
    public Builder startTimeout(Duration timeout) {
      this.startTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Starts anvil and waits until it answers {@code eth_chainId}.
     *
     * @throws NodeLaunchException when the binary is missing or anvil does not start; the message
     *     holds anvil's output
     */
    public Anvil start() {
      Path bin = binary != null ? binary : Anvil.binary();
      List<String> cmd = new ArrayList<>();
      cmd.add(bin.toString());
      cmd.add("--host");
      cmd.add("127.0.0.1");
      cmd.add("--port");
      // with --quiet anvil prints nothing, not even its port: then the kit chooses a free port
      boolean quiet = args.contains("--quiet") || args.contains("-q");
      cmd.add(quiet ? NodeProcess.PORT_PLACEHOLDER : "0");
      cmd.addAll(args);
      return new Anvil(NodeProcess.builder("anvil", cmd)
          .portDetector(PortDetector.listeningOn())
          .readiness(ReadinessProbe.jsonRpc("eth_chainId"))
          .startTimeout(startTimeout)
          .start());
    }
  }
}
