package dev.cairn.evm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local anvil node for tests and benchmarks: the pinned binary from {@code tools/anvil} (installed
 * by {@code scripts/setup.sh}), started on a free loopback port ({@code --port 0}; the port is read
 * from anvil's "Listening on" line), ready once it answers {@code eth_chainId}, stopped by {@link
 * #close()}. Funded dev accounts come from anvil's default mnemonic ("test test ... junk").
 *
 * <p>{@link #rpc} is a minimal, independent JSON-RPC client (JDK HttpClient + Jackson) for the
 * node-control methods ({@code anvil_*}, {@code evm_*}) and for cross-checking the SDK's own client.
 */
public final class Anvil implements AutoCloseable {
  /** Chain id of a default anvil. */
  public static final long CHAIN_ID = 31337;

  /** Private keys of anvil's ten default accounts (m/44'/60'/0'/0/i of the "test ... junk" mnemonic). */
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

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final int port;
  private final ArrayDeque<String> lastLines;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicLong ids = new AtomicLong();

  private Anvil(Process process, int port, ArrayDeque<String> lastLines) {
    this.process = process;
    this.port = port;
    this.lastLines = lastLines;
  }

  /**
   * The pinned anvil binary.
   *
   * @throws IllegalStateException (failing the test, never skipping it) when it is not installed
   */
  public static Path binary() {
    String override = System.getProperty("cairn.anvil", System.getenv("CAIRN_ANVIL"));
    if (override != null && !override.isBlank()) {
      Path p = Paths.get(override);
      if (!Files.isExecutable(p)) {
        throw new IllegalStateException("anvil: cairn.anvil=" + override + " is not an executable file");
      }
      return p;
    }
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String plat = (os.contains("mac") ? "darwin" : os.contains("win") ? "win32" : "linux") + "-"
        + (arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "amd64");
    String rel = "tools/anvil/node_modules/@foundry-rs/anvil-" + plat + "/bin/anvil" + (plat.startsWith("win") ? ".exe" : "");
    Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("tools/anvil"))) {
        Path bin = d.resolve(rel);
        if (Files.isExecutable(bin)) {
          return bin;
        }
        throw new IllegalStateException("anvil not installed (" + bin + " missing): run scripts/setup.sh");
      }
    }
    throw new IllegalStateException("anvil: no tools/anvil above " + dir + "; run from the Cairn checkout "
        + "after scripts/setup.sh, or set -Dcairn.anvil=/path/to/anvil");
  }

  /** Starts anvil with default settings (automine, chain 31337, 10 accounts of 10000 ETH). */
  public static Anvil start(String... extraArgs) {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary().toString());
    cmd.add("--host");
    cmd.add("127.0.0.1");
    cmd.add("--port");
    cmd.add("0");
    cmd.addAll(List.of(extraArgs));
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException("anvil: cannot start " + cmd.get(0) + ": " + e.getMessage(), e);
    }
    CompletableFuture<Integer> portFound = new CompletableFuture<>();
    ArrayDeque<String> lines = new ArrayDeque<>();
    Thread reader = new Thread(() -> drain(p, lines, portFound), "anvil-output");
    reader.setDaemon(true);
    reader.start();
    int port;
    try {
      port = portFound.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      p.destroyForcibly();
      synchronized (lines) {
        throw new IllegalStateException("anvil did not report its port within " + START_TIMEOUT + "; output: "
            + String.join("\n", lines), e);
      }
    }
    Anvil a = new Anvil(p, port, lines);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (true) {
      try {
        if (Long.decode(a.rpc("eth_chainId").asText()) > 0) {
          return a;
        }
      } catch (RuntimeException e) {
        if (System.nanoTime() > deadline || !p.isAlive()) {
          a.close();
          throw new IllegalStateException("anvil on port " + port + " does not answer eth_chainId", e);
        }
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        a.close();
        throw new IllegalStateException("interrupted while waiting for anvil", ie);
      }
    }
  }

  private static void drain(Process p, ArrayDeque<String> lines, CompletableFuture<Integer> portFound) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!portFound.isDone()) {
          int i = line.indexOf("Listening on ");
          if (i >= 0) {
            int colon = line.lastIndexOf(':');
            try {
              portFound.complete(Integer.parseInt(line.substring(colon + 1).trim()));
            } catch (NumberFormatException e) {
              portFound.completeExceptionally(e);
            }
          }
        }
        synchronized (lines) {
          lines.addLast(line);
          if (lines.size() > 200) {
            lines.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      // the process ended
    }
    portFound.completeExceptionally(new IllegalStateException("anvil exited before listening"));
  }

  /** The HTTP JSON-RPC URL. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** The WebSocket URL (anvil serves both on one port). */
  public String wsUrl() {
    return "ws://127.0.0.1:" + port;
  }

  /** The port. */
  public int port() {
    return port;
  }

  /** Dev account {@code i}'s private key (32 bytes). */
  public static byte[] devKey(int i) {
    return dev.cairn.core.encoding.Hex.decode(DEV_KEYS.get(i));
  }

  /**
   * Calls {@code method} with the given params (Strings, Numbers, Booleans, Lists, Maps or JsonNodes)
   * and returns the result.
   *
   * @throws AnvilRpcException when the node answers with an error
   */
  public JsonNode rpc(String method, Object... params) {
    ObjectNode req = JSON.createObjectNode();
    req.put("jsonrpc", "2.0");
    req.put("id", ids.incrementAndGet());
    req.put("method", method);
    ArrayNode ps = req.putArray("params");
    for (Object o : params) {
      ps.add(JSON.valueToTree(o));
    }
    try {
      HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(url()))
              .timeout(Duration.ofSeconds(30))
              .header("content-type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(req)))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode body = JSON.readTree(resp.body());
      if (body.has("error")) {
        JsonNode e = body.get("error");
        throw new AnvilRpcException(method, e.path("code").asLong(), e.path("message").asText(), e.path("data"));
      }
      return body.get("result");
    } catch (IOException e) {
      throw new IllegalStateException(method + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + ": interrupted", e);
    }
  }

  /** The latest block number. */
  public long blockNumber() {
    return Long.decode(rpc("eth_blockNumber").asText());
  }

  /** Mines {@code n} blocks. */
  public void mine(int n) {
    rpc("anvil_mine", "0x" + Integer.toHexString(n));
  }

  /** Takes an EVM snapshot; returns its id for {@link #revert}. */
  public String snapshot() {
    return rpc("evm_snapshot").asText();
  }

  /** Reverts to a snapshot. */
  public boolean revert(String id) {
    return rpc("evm_revert", id).asBoolean();
  }

  /** The last lines anvil printed (for diagnostics). */
  public String output() {
    synchronized (lastLines) {
      return String.join("\n", lastLines);
    }
  }

  /** Stops anvil (SIGTERM, then SIGKILL after 5 s). */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** A JSON-RPC error answer. */
  public static final class AnvilRpcException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long code;
    private final transient JsonNode data;

    AnvilRpcException(String method, long code, String message, JsonNode data) {
      super(method + ": [" + code + "] " + message);
      this.code = code;
      this.data = data;
    }

    /** The JSON-RPC error code. */
    public long code() {
      return code;
    }

    /** The error's data member (MissingNode when absent). */
    public JsonNode data() {
      return data;
    }
  }
}
