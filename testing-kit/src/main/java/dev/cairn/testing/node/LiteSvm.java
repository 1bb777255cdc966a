package dev.cairn.testing.node;

import dev.cairn.testing.node.internal.HttpPost;
import dev.cairn.testing.node.internal.MiniJson;
import dev.cairn.testing.node.internal.ProjectRoot;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local Solana JSON-RPC node backed by <a href="https://github.com/LiteSVM/litesvm">LiteSVM</a>
 * (npm {@code litesvm}): the project's script {@code tools/litesvm/litesvm-rpc.mjs} run with Node.js
 * on a free loopback port, HTTP JSON-RPC and WebSocket subscriptions on the same port, ready once
 * it answers {@code getHealth}, stopped by {@link #close()}.
 *
 * <p>Every transaction is executed by LiteSVM (signatures, fees, rent, the built-in and SPL
 * programs, compute metering, logs). The script adds what a real node does around it: one slot
 * (and block) per landed transaction, a fresh blockhash per slot valid for 150 blocks, {@code
 * BlockhashNotFound} once a blockhash is past its {@code lastValidBlockHeight} (durable-nonce
 * transactions are checked against the nonce account), signature statuses, transaction history,
 * preflight simulation with the real error shapes ({@code -32002} with {@code data.err} and logs),
 * the SlotHashes sysvar (lookup tables work) and {@code jsonParsed} for SPL Token accounts.
 * Test control: {@link #advanceSlots} (makes blockhashes expire) and {@link #dropTransactions}
 * (the next sends are accepted but never land).
 *
 * <p>The script is, in this order: {@link Builder#script}, the system property {@code
 * cairn.litesvm.script} or environment variable {@code CAIRN_LITESVM_SCRIPT}, or {@code
 * tools/litesvm/litesvm-rpc.mjs} of the Cairn checkout around the working directory ({@code
 * cairn.root}). Node is {@code cairn.node}/{@code CAIRN_NODE} or {@code node} on the PATH. A missing
 * node, script or npm package FAILS with a {@link NodeLaunchException} saying how to install it; it
 * never skips.
 *
 * <pre>{@code
 * try (LiteSvm svm = LiteSvm.start()) {
 *   String url = svm.url();        // http://127.0.0.1:<port>, and svm.wsUrl() for subscriptions
 *   long slot = svm.advanceSlots(151);
 * }
 * }</pre>
 */
public final class LiteSvm implements LocalNode {
  /** The script's path inside a Cairn checkout. */
  public static final String PROJECT_SCRIPT = "tools/litesvm/litesvm-rpc.mjs";

  /** How many blocks a blockhash stays valid after the slot it was issued in (as on Solana). */
  public static final int BLOCKHASH_VALIDITY = 150;

  private static final int RPC_TIMEOUT_MILLIS = 30_000;

  private final NodeProcess process;
  private final AtomicLong ids = new AtomicLong();

  private LiteSvm(NodeProcess process) {
    this.process = process;
  }

  /** Starts a LiteSVM node with the defaults. */
  public static LiteSvm start() {
    return builder().start();
  }

  /** Options for starting a LiteSVM node. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The server script {@link #start} runs when none is configured on the builder.
   *
   * @throws NodeLaunchException (failing the test, never skipping it) when none is found
   */
  public static Path script() {
    String configured = ProjectRoot.setting("cairn.litesvm.script", "CAIRN_LITESVM_SCRIPT");
    if (configured != null) {
      Path p = Paths.get(configured).toAbsolutePath().normalize();
      if (!Files.isRegularFile(p)) {
        throw new NodeLaunchException("litesvm: cairn.litesvm.script/CAIRN_LITESVM_SCRIPT=" + configured
            + " is not a file", "", null);
      }
      return p;
    }
    return ProjectRoot.find(PROJECT_SCRIPT).map(r -> r.resolve(PROJECT_SCRIPT)).orElseThrow(
        () -> new NodeLaunchException("litesvm: the server script was not found: " + ProjectRoot.describeSearch(PROJECT_SCRIPT)
            + ", or set -Dcairn.litesvm.script=/path/to/litesvm-rpc.mjs", "", null));
  }

  @Override
  public String name() {
    return "litesvm";
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

  /**
   * Calls {@code method} with {@code params} (null, Boolean, Number, String, List, arrays or Maps
   * of them) and returns the parsed result: null, Boolean, String, Long or BigInteger, BigDecimal,
   * unmodifiable List or Map. An independent client (java.net only) for node control and for
   * cross-checking the client under test.
   *
   * @throws JsonRpcException when the node answers with an error
   * @throws IllegalStateException when the node cannot be reached or answers with something else
   */
  public Object rpc(String method, Object... params) {
    Objects.requireNonNull(method, "method");
    String body = "{\"jsonrpc\":\"2.0\",\"id\":" + ids.incrementAndGet() + ",\"method\":" + MiniJson.write(method)
        + ",\"params\":" + MiniJson.write(Arrays.asList(params)) + "}";
    HttpPost.Response r;
    try {
      r = HttpPost.post(URI.create(url()), body, RPC_TIMEOUT_MILLIS);
    } catch (IOException e) {
      throw new IllegalStateException("litesvm " + method + ": " + e.getMessage() + (isAlive() ? "" : " (the server has exited)"), e);
    }
    Object answer;
    try {
      answer = MiniJson.parse(r.body());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("litesvm " + method + ": HTTP " + r.status() + ", not JSON", e);
    }
    if (!(answer instanceof Map)) {
      throw new IllegalStateException("litesvm " + method + ": HTTP " + r.status() + ", not a JSON-RPC answer");
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
      throw new IllegalStateException("litesvm " + method + ": no result");
    }
    return m.get("result");
  }

  /** The current slot (equal to the block height: every slot has a block). */
  public long slot() {
    return ((Number) rpc("getSlot")).longValue();
  }

  /**
   * Advances the chain by {@code n} empty slots (1..1,000,000) and returns the new slot. A blockhash
   * fetched before is rejected with {@code BlockhashNotFound} once the slot passes its {@code
   * lastValidBlockHeight}: advancing by {@value #BLOCKHASH_VALIDITY} + 1 expires every blockhash handed
   * out so far.
   */
  public long advanceSlots(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be positive: " + n);
    }
    return ((Number) rpc("cairn_advanceSlots", n)).longValue();
  }

  /**
   * The next {@code n} {@code sendTransaction} calls answer with the signature as usual but the
   * transactions never land (after preflight, when not skipped), as when a leader drops them; for
   * testing rebroadcast and expiry. {@code 0} turns this off.
   */
  public void dropTransactions(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    rpc("cairn_dropTransactions", n);
  }

  /** Credits {@code lamports} to {@code address} (base58) with {@code requestAirdrop}; returns the signature. */
  public String airdrop(String address, long lamports) {
    return (String) rpc("requestAirdrop", address, lamports);
  }

  /** An account's balance in lamports. */
  public long balance(String address) {
    Object r = rpc("getBalance", address);
    return ((Number) ((Map<?, ?>) r).get("value")).longValue();
  }

  /** The command that was run. */
  public List<String> command() {
    return process.command();
  }

  /** Stops the server (SIGTERM, then SIGKILL after the grace period). */
  @Override
  public void close() {
    process.close();
  }

  @Override
  public String toString() {
    return "litesvm[pid " + pid() + ", " + url() + "]";
  }

  /** Options for {@link LiteSvm}. */
  public static final class Builder {
    private Path script;
    private Path node;
    private Duration startTimeout = Duration.ofSeconds(60);

    private Builder() {}

    /** The server script (default {@link LiteSvm#script()}). */
    public Builder script(Path script) {
      this.script = Objects.requireNonNull(script, "script");
      return this;
    }

    /** The node binary (default: {@code cairn.node}/{@code CAIRN_NODE}, else {@code node} on the PATH). */
    public Builder node(Path binary) {
      this.node = Objects.requireNonNull(binary, "binary");
      return this;
    }

    /** The longest wait until the server answers (default 60 s). */
    public Builder startTimeout(Duration timeout) {
      this.startTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Starts the server and waits until it answers {@code getHealth}.
     *
     * @throws NodeLaunchException when node, the script or an npm package is missing or the server
     *     does not start; the message says how to fix it
     */
    public LiteSvm start() {
      Path s = script != null ? script : LiteSvm.script();
      NodeScriptServer.Builder b = NodeScriptServer.builder(s)
          .name("litesvm")
          .requirePackages("litesvm", "bs58", "ws")
          .readiness(ReadinessProbe.jsonRpc("getHealth"))
          .startTimeout(startTimeout)
          .setupHint("run scripts/setup.sh (it installs tools/litesvm with `npm ci --prefix tools/litesvm`)"
              + " and make sure node 18+ is on the PATH");
      if (node != null) {
        b.node(node);
      }
      return new LiteSvm(b.start());
    }
  }
}
