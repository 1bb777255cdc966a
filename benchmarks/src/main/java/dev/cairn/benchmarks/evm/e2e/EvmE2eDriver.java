package dev.cairn.benchmarks.evm.e2e;

import dev.cairn.abi.Address;
import dev.cairn.core.crypto.Secp256k1;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.evm.EvmChainAdapter;
import dev.cairn.evm.rpc.EvmRpcClient;
import dev.cairn.evm.tx.Transaction;
import dev.cairn.testing.node.Anvil;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.FastRawTransactionManager;
import org.web3j.tx.RawTransactionManager;

/**
 * End-to-end EVM drivers against one local node (anvil, started here through the testing kit's
 * launcher with {@link #ANVIL_ARGS}, or any node given with {@code --url}):
 * fixed-duration loops that count completed operations, not JMH (the node, not the JVM, sets the
 * pace). Scenarios:
 *
 * <ul>
 *   <li>{@code transfer/*}: signed 1-wei EIP-1559 transfers from one account until the node accepts
 *       them (eth_sendRawTransaction answered with a hash). Cairn ({@code EvmChainAdapter.submit}:
 *       managed nonce, signing, send) against web3j 4.12.3's {@code RawTransactionManager} (a nonce
 *       query per transaction, one thread) and {@code FastRawTransactionManager} (local nonce), on 1
 *       and 16 threads; and the node's ceiling: pre-signed transactions posted from 16 threads with
 *       a bare OkHttp client. Each scenario uses its own dev account.
 *   <li>{@code rpc/blockNumber/*}: eth_blockNumber from 64 concurrent callers, single requests:
 *       Cairn's {@code EvmRpcClient}, the same with auto-batching, and web3j's {@code HttpService}.
 *       Both libraries get the same OkHttp connection settings (Cairn's default client).
 * </ul>
 *
 * <p>Usage: {@code EvmE2eDriver [--url http://127.0.0.1:PORT] [--seconds 10] [--warmup 3]
 * [--only REGEX-free-substring] [--ceiling-txs 60000] [--rounds 1] [--report FILE] [--log FILE]}.
 * Without {@code --url} the driver starts anvil itself (stopped at the end, its output appended to
 * {@code --log}) and, when {@code wrk} is installed, also measures the node's own eth_blockNumber
 * ceiling against it. With several rounds the whole scenario list runs again (so no scenario always
 * runs first on a fresh node) and the report gives the median.
 */
public final class EvmE2eDriver {
  static final long CHAIN_ID = Anvil.CHAIN_ID;
  static final String[] DEV_KEYS = Anvil.DEV_KEYS.toArray(new String[0]);
  static final String RECIPIENT = "0x000000000000000000000000000000000000bEEF";
  static final BigInteger MAX_FEE = BigInteger.valueOf(100_000_000_000L);
  static final BigInteger PRIORITY_FEE = BigInteger.valueOf(1_000_000_000L);
  static final MediaType JSON = MediaType.get("application/json");
  /** Connections of the pipelined channel in these scenarios: the node's 2 cores. */
  static final int PIPE_CONNECTIONS = 2;

  private final String url;
  private final int seconds;
  private final int warmup;
  private final int ceilingTxs;
  private final Map<String, List<Result>> results = new LinkedHashMap<>();
  private int rounds = 1;

  /** One measured scenario. */
  record Result(String name, int threads, long ops, long errors, double seconds, String note) {
    double perSecond() {
      return ops / seconds;
    }
  }

  /** The body of a scenario: one operation; throws on failure. */
  @FunctionalInterface
  interface Op {
    void run(int thread) throws Exception;
  }

  EvmE2eDriver(String url, int seconds, int warmup, int ceilingTxs) {
    this.url = url;
    this.seconds = seconds;
    this.warmup = warmup;
    this.ceilingTxs = ceilingTxs;
  }

  /**
   * The flags of the anvil this driver starts: interval mining, a block every second, no automine
   * (so acceptance, not block production, is measured), a 1e10 gas limit (blocks absorb every
   * transaction), FIFO ordering and no logging.
   */
  static final String[] ANVIL_ARGS = {"--block-time", "1", "--gas-limit", "10000000000", "--order", "fifo", "--quiet"};

  public static void main(String[] args) throws Exception {
    String url = null;
    int seconds = 10;
    int warmup = 3;
    int ceiling = 60_000;
    String only = "";
    String report = null;
    String log = null;
    int rounds = 1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url": url = args[++i]; break;
        case "--seconds": seconds = Integer.parseInt(args[++i]); break;
        case "--warmup": warmup = Integer.parseInt(args[++i]); break;
        case "--ceiling-txs": ceiling = Integer.parseInt(args[++i]); break;
        case "--only": only = args[++i]; break;
        case "--report": report = args[++i]; break;
        case "--log": log = args[++i]; break;
        case "--rounds": rounds = Integer.parseInt(args[++i]); break;
        default: throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    String md;
    if (url != null) {
      md = run(url, seconds, warmup, ceiling, rounds, only, "given with --url");
    } else {
      Anvil anvil = Anvil.builder().args(ANVIL_ARGS).start();
      try {
        System.err.printf(Locale.ROOT, "evm-e2e: %s (pid %d), flags %s%n", anvil.url(), anvil.pid(), String.join(" ", ANVIL_ARGS));
        md = run(anvil.url(), seconds, warmup, ceiling, rounds, only, "anvil started by the driver: " + String.join(" ", ANVIL_ARGS))
            + WrkCeiling.section(anvil.url(), seconds, rounds, only);
      } finally {
        anvil.close();
        if (log != null) {
          Files.writeString(Paths.get(log), "--- anvil output ---\n" + anvil.log() + "\n", StandardCharsets.UTF_8,
              java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
      }
    }
    System.out.println(md);
    if (report != null) {
      Files.writeString(Paths.get(report), md, StandardCharsets.UTF_8);
    }
  }

  private static String run(String url, int seconds, int warmup, int ceiling, int rounds, String only, String nodeNote)
      throws Exception {
    EvmE2eDriver d = new EvmE2eDriver(url, seconds, warmup, ceiling);
    d.rounds = rounds;
    d.nodeNote = nodeNote;
    for (int r = 1; r <= rounds; r++) {
      if (rounds > 1) {
        System.err.printf(Locale.ROOT, "--- round %d of %d%n", r, rounds);
      }
      d.runAll(only);
    }
    lastRun = d;
    return d.report();
  }

  /** The last run (for the wrk section's comparison with the single-request rates). */
  static EvmE2eDriver lastRun;
  private String nodeNote = "";

  /** The median ops/s of a scenario of the last run, NaN when it did not run. */
  static double lastMedian(String scenario) {
    return lastRun == null ? Double.NaN : lastRun.median(scenario);
  }

  void runAll(String only) throws Exception {
    if (selected("transfer/cairn/1t", only)) {
      cairnTransfers("transfer/cairn/1t", 1, 1);
    }
    if (selected("transfer/cairn/16t", only)) {
      cairnTransfers("transfer/cairn/16t", 16, 2);
    }
    if (selected("transfer/cairn-default/16t", only)) {
      defaultTransfers("transfer/cairn-default/16t", 16, 2); // shares cairn/16t's account; scenarios run one at a time and each adapter starts from the pending nonce
    }
    if (selected("transfer/cairn-blocking/16t", only)) {
      cairnBlockingTransfers("transfer/cairn-blocking/16t", 16, 0, false);
    }
    if (selected("transfer/cairn-blocking-pipelined/16t", only)) {
      cairnBlockingTransfers("transfer/cairn-blocking-pipelined/16t", 16, 8, true);
    }
    if (selected("transfer/web3j-raw/1t", only)) {
      web3jTransfers("transfer/web3j-raw/1t", 1, 3, false);
    }
    if (selected("transfer/web3j-fast/1t", only)) {
      web3jTransfers("transfer/web3j-fast/1t", 1, 4, true);
    }
    if (selected("transfer/web3j-fast/16t", only)) {
      web3jTransfers("transfer/web3j-fast/16t", 16, 5, true);
    }
    if (selected("transfer/node-ceiling/16t", only)) {
      ceiling("transfer/node-ceiling/16t", 16, 6);
    }
    if (selected("transfer/presigned-cairn-rpc/16t", only)) {
      presignedThroughCairn("transfer/presigned-cairn-rpc/16t", 16, 7, false);
    }
    if (selected("transfer/node-ceiling-pipelined/16t", only)) {
      presignedThroughCairn("transfer/node-ceiling-pipelined/16t", 16, 9, true);
    }
    if (selected("rpc/blockNumber/cairn/64", only)) {
      try (EvmRpcClient rpc = client(false)) {
        measure("rpc/blockNumber/cairn/64", 64, t -> rpc.blockNumber().send(), "EvmRpcClient over OkHttp (chosen explicitly), single requests");
      }
    }
    if (selected("rpc/blockNumber/cairn-default/64", only)) {
      try (EvmRpcClient rpc = EvmRpcClient.create(url)) {
        measure("rpc/blockNumber/cairn-default/64", 64, t -> rpc.blockNumber().send(),
            "EvmRpcClient.create(url), the default channel for this endpoint (" + rpc.channel() + "), single requests");
      }
    }
    if (selected("rpc/blockNumber/cairn-pipelined/64", only)) {
      try (EvmRpcClient rpc = client(true)) {
        measure("rpc/blockNumber/cairn-pipelined/64", 64, t -> rpc.blockNumber().send(),
            "EvmRpcClient over its pipelined HTTP/1.1 channel (" + PIPE_CONNECTIONS + " connections), single requests");
      }
    }
    if (selected("rpc/blockNumber/cairn-autobatch/64", only)) {
      try (EvmRpcClient rpc = EvmRpcClient.builder(url).autoBatch(Duration.ofMillis(1), 64).build()) {
        measure("rpc/blockNumber/cairn-autobatch/64", 64, t -> rpc.blockNumber().send(),
            "EvmRpcClient auto-batching (1 ms window, up to 64 per batch)");
      }
    }
    if (selected("rpc/blockNumber/web3j/64", only)) {
      HttpService http = new HttpService(url, EvmRpcClient.defaultOkHttpClient());
      Web3j web3j = Web3j.build(http);
      measure("rpc/blockNumber/web3j/64", 64, t -> web3j.ethBlockNumber().send().getBlockNumber(),
          "web3j HttpService, same OkHttp settings");
      web3j.shutdown();
    }
    if (selected("rpc/blockNumber/web3j-default/64", only)) {
      // what a web3j user gets from new HttpService(url): its own default OkHttpClient
      Web3j web3j = Web3j.build(new HttpService(url));
      measure("rpc/blockNumber/web3j-default/64", 64, t -> web3j.ethBlockNumber().send().getBlockNumber(),
          "web3j HttpService, its default OkHttp client");
      web3j.shutdown();
    }
  }

  private static boolean selected(String name, String only) {
    return only.isEmpty() || name.contains(only);
  }

  private EvmRpcClient client(boolean pipelined) {
    // explicit channels; the "-default" scenarios use EvmRpcClient.create(url), which chooses by endpoint
    return pipelined ? EvmRpcClient.builder(url).pipelinedHttp1(PIPE_CONNECTIONS).build()
        : EvmRpcClient.builder(url).okHttp().build();
  }

  /** {@code EvmChainAdapter.submitBlocking}: nonce, sign and send on the calling thread. */
  private void cairnBlockingTransfers(String name, int threads, int account, boolean pipelined) throws Exception {
    SoftwareSigner signer = Signers.software(Secp256k1PrivateKey.of(Hex.decode(DEV_KEYS[account])));
    Address to = Address.parse(RECIPIENT);
    try (EvmChainAdapter adapter = EvmChainAdapter.builder(client(pipelined)).chainId(CHAIN_ID)
        .closeRpcOnClose(true).build()) {
      measure(name, threads, t -> adapter.submitBlocking(Transaction.eip1559().gasLimit(21_000).maxFeePerGas(MAX_FEE)
          .maxPriorityFeePerGas(PRIORITY_FEE).to(to).value(1), signer),
          "EvmChainAdapter.submitBlocking, secp256k1 backend " + Secp256k1.backendName()
          + (pipelined ? ", pipelined HTTP/1.1 channel (" + PIPE_CONNECTIONS + " connections)" : ", OkHttp"));
    }
  }

  /**
   * The obvious code: {@code EvmChainAdapter.builder(EvmRpcClient.create(url))} and {@code
   * submit(...).get()}, no channel chosen.
   */
  private void defaultTransfers(String name, int threads, int account) throws Exception {
    SoftwareSigner signer = Signers.software(Secp256k1PrivateKey.of(Hex.decode(DEV_KEYS[account])));
    Address to = Address.parse(RECIPIENT);
    try (EvmChainAdapter adapter = EvmChainAdapter.builder(EvmRpcClient.create(url)).chainId(CHAIN_ID)
        .closeRpcOnClose(true).build()) {
      measure(name, threads, t -> adapter.submit(Transaction.eip1559().gasLimit(21_000).maxFeePerGas(MAX_FEE)
          .maxPriorityFeePerGas(PRIORITY_FEE).to(to).value(1), signer).get(),
          "EvmChainAdapter.builder(EvmRpcClient.create(url)).submit(...).get(), default channel ("
              + adapter.rpc().channel() + "), secp256k1 backend " + Secp256k1.backendName());
    }
  }

  /** {@code EvmChainAdapter.submit(...).get()}: the asynchronous API, waited for. */
  private void cairnTransfers(String name, int threads, int account) throws Exception {
    boolean pipelined = false;
    SoftwareSigner signer = Signers.software(Secp256k1PrivateKey.of(Hex.decode(DEV_KEYS[account])));
    Address to = Address.parse(RECIPIENT);
    try (EvmChainAdapter adapter = EvmChainAdapter.builder(client(pipelined)).chainId(CHAIN_ID)
        .closeRpcOnClose(true).build()) {
      measure(name, threads, t -> adapter.submit(Transaction.eip1559().gasLimit(21_000).maxFeePerGas(MAX_FEE)
          .maxPriorityFeePerGas(PRIORITY_FEE).to(to).value(1), signer).get(),
          "EvmChainAdapter.submit(...).get(), secp256k1 backend " + Secp256k1.backendName() + ", OkHttp");
    }
  }

  private void web3jTransfers(String name, int threads, int account, boolean fast) throws Exception {
    Web3j web3j = Web3j.build(new HttpService(url, EvmRpcClient.defaultOkHttpClient()));
    Credentials credentials = Credentials.create(DEV_KEYS[account]);
    RawTransactionManager tm = fast ? new FastRawTransactionManager(web3j, credentials, CHAIN_ID)
        : new RawTransactionManager(web3j, credentials, CHAIN_ID);
    measure(name, threads, t -> {
      EthSendTransaction r = tm.sendEIP1559Transaction(CHAIN_ID, PRIORITY_FEE, MAX_FEE, BigInteger.valueOf(21_000),
          RECIPIENT, "", BigInteger.ONE);
      if (r.hasError()) {
        throw new IOException(r.getError().getMessage());
      }
    }, fast ? "FastRawTransactionManager (local nonce)" : "RawTransactionManager (eth_getTransactionCount per tx)");
    web3j.shutdown();
  }

  /** Pre-signs transactions (not timed), then posts them raw from {@code threads} threads. */
  private void ceiling(String name, int threads, int account) throws Exception {
    Secp256k1PrivateKey key = Secp256k1PrivateKey.of(Hex.decode(DEV_KEYS[account]));
    long start;
    try (EvmRpcClient rpc = EvmRpcClient.create(url)) {
      start = rpc.getTransactionCount(Address.fromPublicKey(key.publicKey()), dev.cairn.evm.rpc.BlockId.PENDING).send();
    }
    int n = ceilingTxs;
    byte[][] bodies = new byte[n][];
    Address to = Address.parse(RECIPIENT);
    List<Thread> signers = new ArrayList<>();
    int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
    for (int c = 0; c < cores; c++) {
      int first = c;
      Thread th = new Thread(() -> {
        for (int i = first; i < n; i += cores) {
          String raw = Transaction.eip1559().chainId(CHAIN_ID).nonce(start + i).gasLimit(21_000).maxFeePerGas(MAX_FEE)
              .maxPriorityFeePerGas(PRIORITY_FEE).to(to).value(1).build().sign(key).toHex();
          bodies[i] = ("{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"eth_sendRawTransaction\",\"params\":[\""
              + raw + "\"]}").getBytes(StandardCharsets.UTF_8);
        }
      });
      th.start();
      signers.add(th);
    }
    for (Thread th : signers) {
      th.join();
    }
    OkHttpClient http = EvmRpcClient.defaultOkHttpClient();
    AtomicInteger next = new AtomicInteger();
    Op op = t -> {
      int i = next.getAndIncrement();
      if (i >= n) {
        throw new Exhausted();
      }
      try (Response r = http.newCall(new Request.Builder().url(url).post(RequestBody.create(bodies[i], JSON)).build()).execute()) {
        String body = r.body().string();
        if (!r.isSuccessful() || body.contains("\"error\"")) {
          throw new IOException(body.length() > 200 ? body.substring(0, 200) : body);
        }
      }
    };
    measure(name, threads, op, "pre-signed (" + n + "), bare OkHttp POSTs; the node's acceptance rate");
    http.dispatcher().executorService().shutdown();
  }

  /**
   * Diagnostic: pre-signed transactions (signing not timed) sent through Cairn's EvmRpcClient, to
   * split the cost of Cairn's send path between the RPC client and the rest (nonce, build, sign).
   */
  private void presignedThroughCairn(String name, int threads, int account, boolean pipelined) throws Exception {
    Secp256k1PrivateKey key = Secp256k1PrivateKey.of(Hex.decode(DEV_KEYS[account]));
    try (EvmRpcClient rpc = client(pipelined)) {
      long start = rpc.getTransactionCount(Address.fromPublicKey(key.publicKey()), dev.cairn.evm.rpc.BlockId.PENDING).send();
      int n = ceilingTxs;
      byte[][] raws = new byte[n][];
      Address to = Address.parse(RECIPIENT);
      List<Thread> signers = new ArrayList<>();
      int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
      for (int c = 0; c < cores; c++) {
        int first = c;
        Thread th = new Thread(() -> {
          for (int i = first; i < n; i += cores) {
            raws[i] = Transaction.eip1559().chainId(CHAIN_ID).nonce(start + i).gasLimit(21_000).maxFeePerGas(MAX_FEE)
                .maxPriorityFeePerGas(PRIORITY_FEE).to(to).value(1).build().sign(key).encoded();
          }
        });
        th.start();
        signers.add(th);
      }
      for (Thread th : signers) {
        th.join();
      }
      AtomicInteger next = new AtomicInteger();
      measure(name, threads, t -> {
        int i = next.getAndIncrement();
        if (i >= n) {
          throw new Exhausted();
        }
        rpc.sendRawTransaction(raws[i]).send();
      }, pipelined ? "pre-signed (" + n + ") sent with EvmRpcClient.sendRawTransaction over the pipelined channel;"
          + " the node's acceptance rate through the cheapest client here"
          : "diagnostic: pre-signed (" + n + ") sent with EvmRpcClient.sendRawTransaction");
    }
  }

  /** Thrown when a finite workload runs out. */
  static final class Exhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exhausted() {
      super(null, null, false, false);
    }
  }

  private void measure(String name, int threads, Op op, String note) throws InterruptedException {
    System.err.printf(Locale.ROOT, "%-36s warm-up %ds, measure %ds on %d thread(s)...%n", name, warmup, seconds, threads);
    LongAdder ops = new LongAdder();
    LongAdder errors = new LongAdder();
    AtomicBoolean counting = new AtomicBoolean(false);
    AtomicBoolean stop = new AtomicBoolean(false);
    AtomicBoolean exhausted = new AtomicBoolean(false);
    String[] firstError = new String[1];
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread th = new Thread(() -> {
        try {
          while (!stop.get()) {
            try {
              op.run(id);
              if (counting.get()) {
                ops.increment();
              }
            } catch (Exhausted e) {
              exhausted.set(true);
              return;
            } catch (Exception e) {
              errors.increment();
              synchronized (firstError) {
                if (firstError[0] == null) {
                  firstError[0] = e.toString();
                }
              }
            }
          }
        } finally {
          done.countDown();
        }
      }, name + "-" + t);
      th.setDaemon(true);
      th.start();
    }
    Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
    counting.set(true);
    long t0 = System.nanoTime();
    long deadline = t0 + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline && !exhausted.get()) {
      Thread.sleep(20);
    }
    counting.set(false);
    double elapsed = (System.nanoTime() - t0) / 1e9;
    stop.set(true);
    done.await(60, TimeUnit.SECONDS);
    String n = note + (exhausted.get() ? "; ran out of pre-signed transactions after " + String.format(Locale.ROOT, "%.1f s", elapsed) : "")
        + (firstError[0] == null ? "" : "; first error: " + firstError[0]);
    Result r = new Result(name, threads, ops.sum(), errors.sum(), elapsed, n);
    results.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
    System.err.printf(Locale.ROOT, "%-36s %,12.0f ops/s  (%d ops, %d errors)%n", name, r.perSecond(), r.ops(), r.errors());
  }

  String report() {
    StringBuilder sb = new StringBuilder();
    sb.append("# EVM end-to-end benchmark\n\n");
    sb.append("- date: ").append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)).append('\n');
    sb.append("- node: ").append(url).append(" (").append(nodeNote).append(")\n");
    sb.append("- JVM: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
        .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs\n");
    sb.append("- Cairn secp256k1 backend: ").append(Secp256k1.backendName()).append('\n');
    sb.append("- per scenario: ").append(warmup).append(" s warm-up, ").append(seconds).append(" s measured; ")
        .append(rounds).append(" round(s) of the whole list, ops/s is the median over the rounds\n\n");
    sb.append("| scenario | threads | ops/s (median) | min..max | errors | notes |\n|---|---:|---:|---|---:|---|\n");
    for (List<Result> rs : results.values()) {
      Result r = rs.get(0);
      double[] v = rs.stream().mapToDouble(Result::perSecond).sorted().toArray();
      long errors = rs.stream().mapToLong(Result::errors).sum();
      sb.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %,.0f..%,.0f | %d | %s |%n", r.name(), r.threads(), median(r.name()),
          v[0], v[v.length - 1], errors, r.note().replace('|', '/')));
    }
    sb.append("\n## Targets\n\n| target | ratio | goal | met |\n|---|---:|---:|---|\n");
    for (String[] c : new String[][] {
        {"transfer/cairn-default/16t", "submit(...).get(), default channel"},
        {"transfer/cairn/16t", "submit(...).get(), OkHttp"},
        {"transfer/cairn-blocking/16t", "submitBlocking, OkHttp"},
        {"transfer/cairn-blocking-pipelined/16t", "submitBlocking, pipelined HTTP/1.1"}}) {
      target(sb, "Cairn 16t (" + c[1] + ") vs RawTransactionManager loop", c[0], "transfer/web3j-raw/1t", 3.5);
      target(sb, "Cairn 16t (" + c[1] + ") vs FastRawTransactionManager 16t", c[0], "transfer/web3j-fast/16t", 1.5);
      target(sb, "Cairn 16t (" + c[1] + ") vs the node ceiling (best pre-signed rate)", c[0], MAX_CEILING, 0.85);
    }
    target(sb, "Cairn 1t vs RawTransactionManager loop (same thread count; information)", "transfer/cairn/1t",
        "transfer/web3j-raw/1t", Double.NaN);
    target(sb, "eth_blockNumber: Cairn default channel vs web3j (same OkHttp client), 64 callers",
        "rpc/blockNumber/cairn-default/64", "rpc/blockNumber/web3j/64", 2.0);
    target(sb, "eth_blockNumber: Cairn default channel vs web3j (its default client), 64 callers",
        "rpc/blockNumber/cairn-default/64", "rpc/blockNumber/web3j-default/64", 2.0);
    target(sb, "eth_blockNumber: Cairn OkHttp vs web3j (same OkHttp client), 64 callers", "rpc/blockNumber/cairn/64",
        "rpc/blockNumber/web3j/64", 2.0);
    target(sb, "eth_blockNumber: Cairn OkHttp vs web3j (its default client), 64 callers", "rpc/blockNumber/cairn/64",
        "rpc/blockNumber/web3j-default/64", 2.0);
    target(sb, "eth_blockNumber: Cairn pipelined HTTP/1.1 vs web3j (same OkHttp client), 64 callers",
        "rpc/blockNumber/cairn-pipelined/64", "rpc/blockNumber/web3j/64", 2.0);
    target(sb, "eth_blockNumber: Cairn pipelined HTTP/1.1 vs web3j (its default client), 64 callers",
        "rpc/blockNumber/cairn-pipelined/64", "rpc/blockNumber/web3j-default/64", 2.0);
    target(sb, "eth_blockNumber: Cairn auto-batching vs web3j, 64 callers", "rpc/blockNumber/cairn-autobatch/64",
        "rpc/blockNumber/web3j/64", 2.0);
    return sb.toString();
  }

  /** Pseudo-scenario: the higher median of the two pre-signed ceilings. */
  static final String MAX_CEILING = "max(node-ceiling, node-ceiling-pipelined)";

  private double median(String name) {
    if (name.equals(MAX_CEILING)) {
      double a = median("transfer/node-ceiling/16t");
      double b = median("transfer/node-ceiling-pipelined/16t");
      return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }
    List<Result> rs = results.get(name);
    if (rs == null || rs.isEmpty()) {
      return Double.NaN;
    }
    double[] v = rs.stream().mapToDouble(Result::perSecond).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private void target(StringBuilder sb, String label, String a, String b, double goal) {
    double ma = median(a);
    double mb = median(b);
    if (Double.isNaN(ma) || Double.isNaN(mb) || mb == 0) {
      sb.append("| ").append(label).append(" | n/a | ").append(goal).append(" | not measured |\n");
      return;
    }
    double ratio = ma / mb;
    if (Double.isNaN(goal)) {
      sb.append(String.format(Locale.ROOT, "| %s | %.2fx | - | - |%n", label, ratio));
      return;
    }
    sb.append(String.format(Locale.ROOT, "| %s | %.2fx | %.2fx | %s |%n", label, ratio, goal, ratio >= goal ? "yes" : "NO"));
  }

  static PrintStream out() {
    return System.out;
  }

  static Path path(String p) {
    return Paths.get(p);
  }
}
