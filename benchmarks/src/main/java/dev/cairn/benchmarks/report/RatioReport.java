package dev.cairn.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a JMH JSON result file (and optionally the C harness output) into the ratio table of
 * docs/performance.md: every Cairn variant against its baseline, with the targets of the
 * performance issue and PASS/FAIL.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.cairn.benchmarks.report.RatioReport \
 *     --jmh benchmarks/results/jmh-DATE.json [--c benchmarks/results/c-DATE.txt]... \
 *     [--out report.md] [--strict]
 * </pre>
 *
 * <p>Ratios are of throughputs (ops/s), so "3.0x" means three times as many operations per second
 * as the baseline. Where JMH reports an error (99.9% confidence interval), the ratio's range is
 * shown as well and a verdict whose target lies inside that range is marked "(within error)".
 * Missing results (for example the native benchmarks when libsecp256k1 is not installed) show as
 * "n/a" and do not fail. With {@code --strict} the exit status is 1 when any target fails.
 *
 * <p>When the run used JMH's GC profiler ({@code -prof gc}), the report also compares allocated
 * bytes per operation ({@code gc.alloc.rate.norm}) where the performance issue sets a target (the
 * ABI codec: no more than headlong).
 */
public final class RatioReport {

  /** A measured throughput with its JMH error (NaN when unknown). */
  record Score(double opsPerSecond, double error) {

    /** Lower end of the interval, clamped at zero (a throughput cannot be negative). */
    double low() {
      return Double.isNaN(error) ? opsPerSecond : Math.max(0.0, opsPerSecond - error);
    }

    double high() {
      return Double.isNaN(error) ? opsPerSecond : opsPerSecond + error;
    }
  }

  /** How a ratio is shown and compared. */
  enum Kind {
    /** "3.10x". */
    TIMES,
    /** "82.0%" (of the baseline). */
    PERCENT
  }

  /**
   * One row: {@code subject / baseline}, with an optional minimum target and an optional aim
   * (both in the row's unit: times, or percent).
   */
  record Comparison(
      String operation,
      String label,
      String subject,
      String baseline,
      Kind kind,
      double target,
      double aim) {

    static Comparison info(String op, String label, String subject, String baseline, Kind kind) {
      return new Comparison(op, label, subject, baseline, kind, Double.NaN, Double.NaN);
    }
  }

  /** The verdict of one row. */
  enum Verdict {
    PASS,
    FAIL,
    NO_TARGET,
    MISSING
  }

  /** A computed row. */
  record Row(Comparison comparison, Score subject, Score baseline, Verdict verdict, String text) {}

  /**
   * One allocation row: bytes per operation of {@code subject} against {@code baseline} (the
   * target: at most the baseline's), with {@code others} shown for information.
   */
  record AllocComparison(String operation, String subject, String baseline, List<String> others,
      boolean targeted) {}

  /** A computed allocation row. */
  record AllocRow(AllocComparison comparison, Score subject, Score baseline, Verdict verdict) {}

  private static final String PKG = "dev.cairn.benchmarks.";
  private static final String WEB3J = "Secp256k1Web3jBenchmark";
  private static final String JAVA_BACKEND = "Secp256k1JavaBackendBenchmark";
  private static final String NATIVE_BACKEND = "Secp256k1NativeBackendBenchmark";
  private static final String JAVA_API = "Secp256k1JavaApiBenchmark";
  private static final String NATIVE_API = "Secp256k1NativeApiBenchmark";
  private static final String KECCAK = "Keccak256Benchmark";
  private static final String TX_SIGN = "evm.TxSignBenchmark";
  private static final String SVM_TX = "svm.SvmTransactionBenchmark";
  private static final String ED25519 = "svm.Ed25519SignBenchmark";
  private static final String BASE58 = "svm.Base58Benchmark";
  private static final String COSMOS_TX = "cosmos.CosmosTransactionBenchmark";

  /** Solana targets (issue 9): the transaction path vs each peer (so vs the fastest), signing vs BouncyCastle. */
  static final double SVM_TX_VS_PEERS = 3.0;

  static final double ED25519_VS_BOUNCY_CASTLE = 1.0;

  /** The ABI benchmarks: class (relative to {@link #PKG}), operation, and whether it is a codec op. */
  private static final String[][] ABI_OPS = {
    {"abi.AbiEncodeTransferBenchmark", "ABI encode transfer(address,uint256) calldata", "codec"},
    {"abi.AbiDecodeReturnBenchmark", "ABI decode (uint256,address,bytes,string,(uint8,bool)[])",
        "codec"},
    {"abi.AbiEncodeNestedBenchmark", "ABI encode route((uint256,(address,bytes32)[])[]) calldata",
        "codec"},
    {"abi.AbiParseJsonBenchmark", "parse a 100-entry JSON ABI", "parse"},
  };

  /** ABI throughput targets (times): Cairn vs headlong and vs web3j, on the codec operations. */
  static final double ABI_VS_HEADLONG = 1.2;

  static final double ABI_VS_WEB3J = 10.0;

  private final Map<String, Score> scores;
  private final Map<String, Score> allocations;
  private final Map<String, String> settings;

  RatioReport(Map<String, Score> scores, Map<String, String> settings) {
    this(scores, Map.of(), settings);
  }

  /**
   * @param scores throughputs (ops/s) by benchmark key
   * @param allocations bytes per operation ({@code gc.alloc.rate.norm}) by benchmark key
   * @param settings run description lines
   */
  RatioReport(Map<String, Score> scores, Map<String, Score> allocations,
      Map<String, String> settings) {
    this.scores = scores;
    this.allocations = allocations;
    this.settings = settings;
  }

  /** The comparisons of the performance issue, in table order. */
  static List<Comparison> comparisons() {
    List<Comparison> list = new ArrayList<>();
    String[][] ops = {
      {"sign", "sign_recoverable", "sign (recoverable, 32-byte digest)"},
      {"verify", "verify", "verify"},
      {"recover", "recover", "recover"},
    };
    for (String[] op : ops) {
      String m = op[0];
      String c = "c." + op[1];
      String name = op[2];
      boolean sign = m.equals("sign");
      String base = WEB3J + "." + m;
      String baseName = m.equals("verify") ? "BouncyCastle (web3j curve)" : "web3j";
      // issue 12: the pure-Java path signs at >= 4x web3j and verifies / recovers at >= 1.5x
      // BouncyCastle / web3j (it is the only path on Android, RISC-V and native images)
      double javaTarget = sign ? 4.0 : 1.5;
      double nativeTarget = sign ? 6.0 : Double.NaN;
      double cTarget = sign ? 75.0 : Double.NaN;
      list.add(new Comparison(name, "pure-Java backend (SPI) vs " + baseName,
          JAVA_BACKEND + "." + m, base, Kind.TIMES, javaTarget, Double.NaN));
      list.add(new Comparison(name, "pure-Java public API vs " + baseName,
          JAVA_API + "." + m, base, Kind.TIMES, javaTarget, Double.NaN));
      list.add(new Comparison(name, "native backend (SPI) vs " + baseName,
          NATIVE_BACKEND + "." + m, base, Kind.TIMES, nativeTarget, Double.NaN));
      list.add(new Comparison(name, "native public API vs " + baseName,
          NATIVE_API + "." + m, base, Kind.TIMES, nativeTarget, Double.NaN));
      list.add(new Comparison(name, "native backend (SPI) vs C libsecp256k1",
          NATIVE_BACKEND + "." + m, c, Kind.PERCENT, cTarget, Double.NaN));
      list.add(new Comparison(name, "native public API vs C libsecp256k1",
          NATIVE_API + "." + m, c, Kind.PERCENT, cTarget, Double.NaN));
      list.add(Comparison.info(name, "pure-Java public API as % of its backend (API cost)",
          JAVA_API + "." + m, JAVA_BACKEND + "." + m, Kind.PERCENT));
      list.add(Comparison.info(name, "native public API as % of its backend (API cost)",
          NATIVE_API + "." + m, NATIVE_BACKEND + "." + m, Kind.PERCENT));
    }
    for (String size : new String[] {"32", "1024"}) {
      String name = "Keccak-256, " + (size.equals("32") ? "32 B" : "1 KiB");
      String p = "[size=" + size + "]";
      String cairn = KECCAK + ".cairn" + p;
      list.add(new Comparison(name, "Cairn vs BouncyCastle (new digest per op)",
          cairn, KECCAK + ".bouncyCastleNewDigest" + p, Kind.TIMES, 1.5, Double.NaN));
      list.add(new Comparison(name, "Cairn vs BouncyCastle (reused digest)",
          cairn, KECCAK + ".bouncyCastleReusedDigest" + p, Kind.TIMES, 1.5, Double.NaN));
      list.add(Comparison.info(name, "Cairn vs web3j Hash.sha3",
          cairn, KECCAK + ".web3j" + p, Kind.TIMES));
    }
    for (String[] op : ABI_OPS) {
      boolean codec = op[2].equals("codec");
      String cairn = op[0] + ".cairn";
      list.add(new Comparison(op[1], "Cairn vs headlong", cairn, op[0] + ".headlong",
          Kind.TIMES, codec ? ABI_VS_HEADLONG : Double.NaN, Double.NaN));
      list.add(new Comparison(op[1], "Cairn vs web3j", cairn, op[0] + ".web3j",
          Kind.TIMES, codec ? ABI_VS_WEB3J : Double.NaN, Double.NaN));
    }
    // sdk-evm (issue 4): build + sign + serialize an EIP-1559 transfer vs web3j's
    // TransactionEncoder.signMessage; web3j is measured in the same fork as each backend
    String tx = "EIP-1559 transfer: build, sign, serialize";
    list.add(new Comparison(tx, "native backend vs web3j TransactionEncoder",
        TX_SIGN + ".cairn[backend=libsecp256k1]", TX_SIGN + ".web3j[backend=libsecp256k1]",
        Kind.TIMES, 5.0, Double.NaN));
    list.add(Comparison.info(tx, "pure-Java backend vs web3j TransactionEncoder",
        TX_SIGN + ".cairn[backend=java]", TX_SIGN + ".web3j[backend=java]", Kind.TIMES));
    // sdk-svm (issue 9): build + sign + serialize vs sol4k and solanaj (solanaj has no v0
    // messages: no v0 row), Ed25519 signing vs BouncyCastle's Ed25519Signer
    String transfer = "Solana SOL transfer: build, sign, serialize";
    list.add(new Comparison(transfer, "sdk-svm vs sol4k", SVM_TX + ".cairnTransfer", SVM_TX + ".sol4kTransfer",
        Kind.TIMES, SVM_TX_VS_PEERS, Double.NaN));
    list.add(new Comparison(transfer, "sdk-svm vs solanaj", SVM_TX + ".cairnTransfer", SVM_TX + ".solanajTransfer",
        Kind.TIMES, SVM_TX_VS_PEERS, Double.NaN));
    String v0 = "Solana v0 transaction with a lookup table: build, sign, serialize";
    list.add(new Comparison(v0, "sdk-svm vs sol4k", SVM_TX + ".cairnV0", SVM_TX + ".sol4kV0",
        Kind.TIMES, SVM_TX_VS_PEERS, Double.NaN));
    String ed = "Ed25519 sign (150-byte message)";
    list.add(new Comparison(ed, "Cairn (sdk-core) vs BouncyCastle Ed25519Signer", ED25519 + ".cairn",
        ED25519 + ".bouncyCastle", Kind.TIMES, ED25519_VS_BOUNCY_CASTLE, Double.NaN));
    list.add(Comparison.info(ed, "Cairn (sdk-core) vs sol4k Keypair.sign", ED25519 + ".cairn", ED25519 + ".sol4k",
        Kind.TIMES));
    // Base58 at Solana's sizes (information rows: no target set by an issue)
    for (String size : new String[] {"32", "64"}) {
      String p = "[size=" + size + "]";
      for (String op : new String[] {"Encode", "Decode"}) {
        String name = "Base58 " + op.toLowerCase(java.util.Locale.ROOT) + ", " + size + " B ("
            + (size.equals("32") ? "a public key" : "a signature") + ")";
        list.add(Comparison.info(name, "sdk-core vs sol4k", BASE58 + ".cairn" + op + p,
            BASE58 + ".sol4k" + op + p, Kind.TIMES));
        list.add(Comparison.info(name, "sdk-core vs solanaj", BASE58 + ".cairn" + op + p,
            BASE58 + ".solanaj" + op + p, Kind.TIMES));
      }
    }
    // sdk-cosmwasm (issue 10): build + sign (direct) + encode vs protobuf-java's generated classes
    // (no Java Cosmos library resolves from Maven Central); both sign with sdk-core's secp256k1.
    // Information rows: no target was set by the issue.
    String[][] cosmos = {
      {"Send", "Cosmos MsgSend"},
      {"Execute", "CosmWasm MsgExecuteContract"},
    };
    for (String[] c : cosmos) {
      String op = c[1] + ": build, sign (direct), encode TxRaw";
      list.add(Comparison.info(op, "sdk-cosmwasm vs protobuf-java generated classes",
          COSMOS_TX + ".cairn" + c[0], COSMOS_TX + ".protobuf" + c[0], Kind.TIMES));
      list.add(Comparison.info(op, "sdk-cosmwasm without sign()'s verification vs protobuf-java",
          COSMOS_TX + ".cairn" + c[0] + "Unverified", COSMOS_TX + ".protobuf" + c[0], Kind.TIMES));
      list.add(Comparison.info(c[1] + ": build and encode the sign document (no signature)",
          "sdk-cosmwasm vs protobuf-java generated classes", COSMOS_TX + ".cairn" + c[0] + "Encode",
          COSMOS_TX + ".protobuf" + c[0] + "Encode", Kind.TIMES));
    }
    return list;
  }

  /**
   * The allocation comparisons: Cairn against headlong (target on the codec operations: no more
   * bytes per operation), web3j shown for information.
   */
  static List<AllocComparison> allocComparisons() {
    List<AllocComparison> list = new ArrayList<>();
    for (String[] op : ABI_OPS) {
      list.add(new AllocComparison(op[1], op[0] + ".cairn", op[0] + ".headlong",
          List.of(op[0] + ".web3j"), op[2].equals("codec")));
    }
    return list;
  }

  /** Computes every allocation row. */
  List<AllocRow> allocRows() {
    List<AllocRow> rows = new ArrayList<>();
    for (AllocComparison c : allocComparisons()) {
      Score s = allocations.get(c.subject());
      Score b = allocations.get(c.baseline());
      Verdict v;
      if (s == null || b == null) {
        v = Verdict.MISSING;
      } else if (!c.targeted()) {
        v = Verdict.NO_TARGET;
      } else {
        v = s.opsPerSecond() <= b.opsPerSecond() ? Verdict.PASS : Verdict.FAIL;
      }
      rows.add(new AllocRow(c, s, b, v));
    }
    return rows;
  }

  /** Computes every row. */
  List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (Comparison c : comparisons()) {
      rows.add(row(c));
    }
    return rows;
  }

  private Row row(Comparison c) {
    Score s = scores.get(c.subject());
    Score b = scores.get(c.baseline());
    if (s == null || b == null || b.opsPerSecond() <= 0) {
      return new Row(c, s, b, Verdict.MISSING, "n/a");
    }
    double scale = c.kind() == Kind.PERCENT ? 100.0 : 1.0;
    double ratio = scale * s.opsPerSecond() / b.opsPerSecond();
    double low = scale * s.low() / b.high();
    double high = b.low() > 0 ? scale * s.high() / b.low() : Double.POSITIVE_INFINITY;
    boolean ranged = !Double.isNaN(s.error()) || !Double.isNaN(b.error());
    StringBuilder text = new StringBuilder(formatRatio(ratio, c.kind()));
    if (ranged) {
      text.append(" (").append(formatRatio(low, c.kind())).append(" .. ")
          .append(Double.isInfinite(high) ? "inf" : formatRatio(high, c.kind())).append(')');
    }
    if (Double.isNaN(c.target())) {
      return new Row(c, s, b, Verdict.NO_TARGET, text.toString());
    }
    Verdict v = ratio >= c.target() ? Verdict.PASS : Verdict.FAIL;
    return new Row(c, s, b, v, text.toString());
  }

  private static String verdictText(Row r) {
    Comparison c = r.comparison();
    switch (r.verdict()) {
      case MISSING:
        return "n/a";
      case NO_TARGET:
        return "";
      default:
        break;
    }
    double scale = c.kind() == Kind.PERCENT ? 100.0 : 1.0;
    double low = scale * r.subject().low() / r.baseline().high();
    double high = r.baseline().low() > 0
        ? scale * r.subject().high() / r.baseline().low() : Double.POSITIVE_INFINITY;
    StringBuilder sb = new StringBuilder(r.verdict().name());
    if (low < c.target() && c.target() <= high) {
      sb.append(" (within error)");
    }
    if (!Double.isNaN(c.aim())) {
      double ratio = scale * r.subject().opsPerSecond() / r.baseline().opsPerSecond();
      sb.append(ratio >= c.aim() ? ", aim met" : ", below aim");
    }
    return sb.toString();
  }

  private static String targetText(Comparison c) {
    if (Double.isNaN(c.target())) {
      return "-";
    }
    String t = ">= " + formatRatio(c.target(), c.kind());
    if (!Double.isNaN(c.aim())) {
      t += ", aim " + formatRatio(c.aim(), c.kind());
    }
    return t;
  }

  static String formatRatio(double value, Kind kind) {
    if (kind == Kind.PERCENT) {
      return String.format(Locale.ROOT, "%.1f%%", value);
    }
    return String.format(Locale.ROOT, "%.2fx", value);
  }

  static String formatScore(Score s) {
    if (s == null) {
      return "n/a";
    }
    String v = String.format(Locale.ROOT, "%,.0f", s.opsPerSecond());
    if (!Double.isNaN(s.error())) {
      v += String.format(Locale.ROOT, " ± %,.0f", s.error());
    }
    return v;
  }

  /** Writes the Markdown report. */
  void print(PrintStream out) {
    out.println("## Settings");
    out.println();
    for (Map.Entry<String, String> e : settings.entrySet()) {
      out.println("- " + e.getKey() + ": " + e.getValue());
    }
    out.println();
    out.println("## Ratios (throughput, higher is better)");
    out.println();
    out.println("| Operation | Comparison | Cairn ops/s | Baseline ops/s | Ratio (range) "
        + "| Target | Result |");
    out.println("|---|---|---:|---:|---|---|---|");
    boolean noErrors = true;
    for (Score sc : scores.values()) {
      noErrors &= Double.isNaN(sc.error());
    }
    for (Row r : rows()) {
      Comparison c = r.comparison();
      out.println("| " + c.operation() + " | " + c.label() + " | " + formatScore(r.subject())
          + " | " + formatScore(r.baseline()) + " | " + r.text() + " | " + targetText(c) + " | "
          + verdictText(r) + " |");
    }
    if (noErrors) {
      out.println();
      out.println("No confidence intervals in this run (JMH needs at least 3 measured iterations).");
    }
    Set<String> missing = new TreeSet<>();
    for (Comparison c : comparisons()) {
      for (String key : new String[] {c.subject(), c.baseline()}) {
        if (!scores.containsKey(key)) {
          missing.add(key);
        }
      }
    }
    if (!missing.isEmpty()) {
      out.println();
      out.println("Not in this run (rows show n/a): " + String.join(", ", missing));
    }
    printAllocations(out);
    out.println();
    out.println("## All scores");
    out.println();
    if (allocations.isEmpty()) {
      out.println("| Benchmark | ops/s (± 99.9% CI) |");
      out.println("|---|---:|");
      for (Map.Entry<String, Score> e : scores.entrySet()) {
        out.println("| " + e.getKey() + " | " + formatScore(e.getValue()) + " |");
      }
    } else {
      out.println("| Benchmark | ops/s (± 99.9% CI) | B/op (gc.alloc.rate.norm) |");
      out.println("|---|---:|---:|");
      for (Map.Entry<String, Score> e : scores.entrySet()) {
        out.println("| " + e.getKey() + " | " + formatScore(e.getValue()) + " | "
            + formatBytes(allocations.get(e.getKey())) + " |");
      }
    }
  }

  private void printAllocations(PrintStream out) {
    out.println();
    out.println("## Allocation (bytes per operation, JMH -prof gc; lower is better)");
    out.println();
    if (allocations.isEmpty()) {
      out.println("No gc.alloc.rate.norm in this run (run JMH with -prof gc); allocation targets"
          + " not checked.");
      return;
    }
    out.println("| Operation | Cairn B/op | headlong B/op | web3j B/op | Cairn / headlong "
        + "| Target | Result |");
    out.println("|---|---:|---:|---:|---|---|---|");
    for (AllocRow r : allocRows()) {
      AllocComparison c = r.comparison();
      String ratio = r.subject() == null || r.baseline() == null
          || r.baseline().opsPerSecond() <= 0
          ? "n/a"
          : String.format(Locale.ROOT, "%.2f", r.subject().opsPerSecond()
              / r.baseline().opsPerSecond());
      StringBuilder others = new StringBuilder();
      for (String o : c.others()) {
        others.append(formatBytes(allocations.get(o)));
      }
      String result = switch (r.verdict()) {
        case MISSING -> "n/a";
        case NO_TARGET -> "";
        default -> r.verdict().name();
      };
      out.println("| " + c.operation() + " | " + formatBytes(r.subject()) + " | "
          + formatBytes(r.baseline()) + " | " + others + " | " + ratio + " | "
          + (c.targeted() ? "<= headlong" : "-") + " | " + result + " |");
    }
  }

  static String formatBytes(Score s) {
    if (s == null) {
      return "n/a";
    }
    String v = String.format(Locale.ROOT, "%,.0f", s.opsPerSecond());
    if (!Double.isNaN(s.error())) {
      v += String.format(Locale.ROOT, " ± %,.0f", s.error());
    }
    return v;
  }

  /** Whether any row with a target failed (throughput or allocation). */
  boolean anyFailure() {
    for (Row r : rows()) {
      if (r.verdict() == Verdict.FAIL) {
        return true;
      }
    }
    for (AllocRow r : allocRows()) {
      if (r.verdict() == Verdict.FAIL) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads JMH's JSON result format. Keys are {@code SimpleClassName.method} plus {@code
   * [param=value,...]} when the benchmark has parameters. Only throughput results in ops/s (or a
   * multiple, converted) are taken.
   */
  static Map<String, Score> readJmh(String json, Map<String, String> settings) throws IOException {
    return readJmh(json, settings, new LinkedHashMap<>());
  }

  /**
   * Like {@link #readJmh(String, Map)}, also collecting each benchmark's allocated bytes per
   * operation ({@code gc.alloc.rate.norm}, present when JMH ran with {@code -prof gc}) into
   * {@code allocations}, under the same keys.
   */
  static Map<String, Score> readJmh(String json, Map<String, String> settings,
      Map<String, Score> allocations) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);
    if (root == null || !root.isArray()) {
      throw new IOException("JMH result is not a JSON array");
    }
    Map<String, Score> scores = new LinkedHashMap<>();
    for (JsonNode run : root) {
      String benchmark = run.path("benchmark").asText("");
      if (!"thrpt".equals(run.path("mode").asText())) {
        continue;
      }
      String name = benchmark.startsWith(PKG) ? benchmark.substring(PKG.length()) : benchmark;
      JsonNode params = run.path("params");
      if (params.isObject() && params.size() > 0) {
        StringBuilder sb = new StringBuilder(name).append('[');
        Iterator<Map.Entry<String, JsonNode>> it = params.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> p = it.next();
          sb.append(p.getKey()).append('=').append(p.getValue().asText());
          if (it.hasNext()) {
            sb.append(',');
          }
        }
        name = sb.append(']').toString();
      }
      JsonNode metric = run.path("primaryMetric");
      double perSecond = perSecond(metric.path("scoreUnit").asText());
      if (Double.isNaN(perSecond)) {
        continue;
      }
      double score = number(metric.path("score"));
      double error = number(metric.path("scoreError"));
      scores.put(name, new Score(score * perSecond, error * perSecond));
      Iterator<Map.Entry<String, JsonNode>> secondary = run.path("secondaryMetrics").fields();
      while (secondary.hasNext()) {
        Map.Entry<String, JsonNode> m = secondary.next();
        // JMH before 1.36 prefixes profiler metrics with a middle dot
        String key = m.getKey().startsWith("\u00b7") ? m.getKey().substring(1) : m.getKey();
        if (key.equals("gc.alloc.rate.norm")
            && "B/op".equals(m.getValue().path("scoreUnit").asText())) {
          allocations.put(name, new Score(number(m.getValue().path("score")),
              number(m.getValue().path("scoreError"))));
        }
      }
      if (settings.isEmpty()) {
        settings.put("JVM", run.path("vmName").asText() + " " + run.path("vmVersion").asText()
            + " (JDK " + run.path("jdkVersion").asText() + ")");
        settings.put("JMH", run.path("jmhVersion").asText() + ", mode thrpt, threads "
            + run.path("threads").asText() + ", forks " + run.path("forks").asText()
            + ", warm-up " + run.path("warmupIterations").asText() + " x "
            + run.path("warmupTime").asText() + ", measurement "
            + run.path("measurementIterations").asText() + " x "
            + run.path("measurementTime").asText());
        List<String> args = new ArrayList<>();
        for (JsonNode a : run.path("jvmArgs")) {
          args.add(a.asText());
        }
        settings.put("JVM args (first benchmark)", String.join(" ", args));
      }
    }
    return scores;
  }

  private static double number(JsonNode n) {
    if (n.isNumber()) {
      return n.asDouble();
    }
    if (n.isTextual()) {
      try {
        return Double.parseDouble(n.asText());
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  /** Multiplier from a JMH throughput unit to ops/s, or NaN for a non-throughput unit. */
  static double perSecond(String unit) {
    switch (unit) {
      case "ops/s":
        return 1.0;
      case "ops/ms":
        return 1e3;
      case "ops/us":
        return 1e6;
      case "ops/ns":
        return 1e9;
      case "ops/min":
        return 1.0 / 60;
      default:
        return Double.NaN;
    }
  }

  /**
   * Reads the C harness output: lines {@code <name> ops_per_s=<number> [more key=value]}. Other
   * lines are ignored.
   */
  static Map<String, Score> readC(String text) {
    Map<String, Score> scores = new LinkedHashMap<>();
    for (String line : text.split("\n", -1)) {
      String[] tokens = line.trim().split("\\s+");
      if (tokens.length < 2 || !tokens[0].startsWith("c.")) {
        continue;
      }
      for (int i = 1; i < tokens.length; i++) {
        if (tokens[i].startsWith("ops_per_s=")) {
          try {
            double v = Double.parseDouble(tokens[i].substring("ops_per_s=".length()));
            scores.put(tokens[0], new Score(v, Double.NaN));
          } catch (NumberFormatException e) {
            // not a result line
          }
        }
      }
    }
    return scores;
  }

  /**
   * Merges several C harness runs, keeping the highest throughput of each operation (the
   * conservative choice for "native as % of C").
   */
  static Map<String, Score> bestOf(List<Map<String, Score>> runs) {
    Map<String, Score> best = new LinkedHashMap<>();
    for (Map<String, Score> run : runs) {
      for (Map.Entry<String, Score> e : run.entrySet()) {
        best.merge(e.getKey(), e.getValue(),
            (a, b) -> a.opsPerSecond() >= b.opsPerSecond() ? a : b);
      }
    }
    return best;
  }

  /**
   * Entry point.
   *
   * @param args {@code --jmh FILE [--c FILE]... [--out FILE] [--strict]}
   */
  public static void main(String[] args) {
    Path jmh = null;
    List<Path> cFiles = new ArrayList<>();
    Path out = null;
    boolean strict = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--jmh" -> jmh = Path.of(value(args, ++i));
        case "--c" -> cFiles.add(Path.of(value(args, ++i)));
        case "--out" -> out = Path.of(value(args, ++i));
        case "--strict" -> strict = true;
        default -> usage("unknown argument " + args[i]);
      }
    }
    if (jmh == null) {
      usage("--jmh is required");
    }
    try {
      Map<String, String> settings = new LinkedHashMap<>();
      Map<String, Score> allocations = new LinkedHashMap<>();
      Map<String, Score> scores =
          readJmh(Files.readString(jmh, StandardCharsets.UTF_8), settings, allocations);
      settings.put("JMH result file", jmh.toString());
      List<String> cUsed = new ArrayList<>();
      List<Map<String, Score>> cRuns = new ArrayList<>();
      for (Path c : cFiles) {
        if (Files.exists(c)) {
          cRuns.add(readC(Files.readString(c, StandardCharsets.UTF_8)));
          cUsed.add(c.toString());
        }
      }
      scores.putAll(bestOf(cRuns));
      settings.put("C harness output", cUsed.isEmpty()
          ? "none (C comparisons show n/a)"
          : String.join(", ", cUsed)
              + (cUsed.size() > 1 ? " (best of the runs for each operation)" : ""));
      RatioReport report = new RatioReport(scores, allocations, settings);
      report.print(System.out);
      if (out != null) {
        try (PrintStream ps = new PrintStream(Files.newOutputStream(out), true,
            StandardCharsets.UTF_8)) {
          report.print(ps);
        }
      }
      if (strict && report.anyFailure()) {
        System.exit(1);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      usage(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  private static void usage(String problem) {
    System.err.println("RatioReport: " + problem);
    System.err.println(
        "usage: RatioReport --jmh jmh-result.json [--c c-harness.txt]... [--out report.md]"
            + " [--strict]");
    System.exit(2);
  }
}
