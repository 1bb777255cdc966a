package dev.cairn.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.benchmarks.report.RatioReport.Comparison;
import dev.cairn.benchmarks.report.RatioReport.Row;
import dev.cairn.benchmarks.report.RatioReport.Score;
import dev.cairn.benchmarks.report.RatioReport.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RatioReportTest {

  private static String run(String benchmark, String params, double score, String error,
      String unit) {
    return "{\"jmhVersion\":\"1.37\",\"benchmark\":\"dev.cairn.benchmarks." + benchmark + "\","
        + "\"mode\":\"thrpt\",\"threads\":1,\"forks\":1,\"jvmArgs\":[\"-Xmx512m\"],"
        + "\"jdkVersion\":\"17\",\"vmName\":\"OpenJDK\",\"vmVersion\":\"17\","
        + "\"warmupIterations\":1,\"warmupTime\":\"1 s\",\"measurementIterations\":2,"
        + "\"measurementTime\":\"1 s\"," + params
        + "\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":" + error
        + ",\"scoreUnit\":\"" + unit + "\"}}";
  }

  private static final String JSON = "["
      + run("Secp256k1Web3jBenchmark.sign", "", 1000, "10", "ops/s") + ","
      + run("Secp256k1JavaBackendBenchmark.sign", "", 3000, "10", "ops/s") + ","
      + run("Secp256k1JavaApiBenchmark.sign", "", 2.0, "0.5", "ops/ms") + ","
      + run("Secp256k1NativeBackendBenchmark.sign", "", 30000, "\"NaN\"", "ops/s") + ","
      + run("Keccak256Benchmark.cairn", "\"params\":{\"size\":\"32\"},", 1500, "1", "ops/s") + ","
      + run("Keccak256Benchmark.bouncyCastleNewDigest", "\"params\":{\"size\":\"32\"},", 1000,
          "1", "ops/s")
      + "]";

  private static Row find(List<Row> rows, String subject, String baseline) {
    for (Row r : rows) {
      Comparison c = r.comparison();
      if (c.subject().equals(subject) && c.baseline().equals(baseline)) {
        return r;
      }
    }
    throw new AssertionError("no row " + subject + " / " + baseline);
  }

  @Test
  void readsScoresParamsAndUnits() throws IOException {
    Map<String, String> settings = new LinkedHashMap<>();
    Map<String, Score> scores = RatioReport.readJmh(JSON, settings);
    assertEquals(1000.0, scores.get("Secp256k1Web3jBenchmark.sign").opsPerSecond());
    assertEquals(2000.0, scores.get("Secp256k1JavaApiBenchmark.sign").opsPerSecond());
    assertEquals(500.0, scores.get("Secp256k1JavaApiBenchmark.sign").error());
    assertTrue(Double.isNaN(scores.get("Secp256k1NativeBackendBenchmark.sign").error()));
    assertEquals(1500.0, scores.get("Keccak256Benchmark.cairn[size=32]").opsPerSecond());
    assertTrue(settings.get("JMH").contains("forks 1"));
  }

  @Test
  void verdictsAgainstTargets() throws IOException {
    Map<String, Score> scores = RatioReport.readJmh(JSON, new LinkedHashMap<>());
    scores.putAll(RatioReport.readC("c.sign_recoverable ops_per_s=50000.0\nnoise line\n"));
    List<Row> rows = new RatioReport(scores, Map.of()).rows();

    // 3000 / 1000 = 3.0x >= 2.5x
    Row javaBackend = find(rows, "Secp256k1JavaBackendBenchmark.sign", "Secp256k1Web3jBenchmark.sign");
    assertEquals(Verdict.PASS, javaBackend.verdict());
    assertTrue(javaBackend.text().startsWith("3.00x"), javaBackend.text());
    // 2000 / 1000 = 2.0x < 2.5x
    assertEquals(Verdict.FAIL,
        find(rows, "Secp256k1JavaApiBenchmark.sign", "Secp256k1Web3jBenchmark.sign").verdict());
    // 30000 / 1000 = 30x >= 6x; 30000 / 50000 = 60% < 75%
    assertEquals(Verdict.PASS,
        find(rows, "Secp256k1NativeBackendBenchmark.sign", "Secp256k1Web3jBenchmark.sign")
            .verdict());
    Row vsC = find(rows, "Secp256k1NativeBackendBenchmark.sign", "c.sign_recoverable");
    assertEquals(Verdict.FAIL, vsC.verdict());
    assertTrue(vsC.text().startsWith("60.0%"), vsC.text());
    // no native API result at all
    assertEquals(Verdict.MISSING,
        find(rows, "Secp256k1NativeApiBenchmark.sign", "Secp256k1Web3jBenchmark.sign").verdict());
    // Keccak 1.5x >= 1.0x
    assertEquals(Verdict.PASS,
        find(rows, "Keccak256Benchmark.cairn[size=32]",
            "Keccak256Benchmark.bouncyCastleNewDigest[size=32]").verdict());
    // verify has no target
    assertEquals(Verdict.MISSING,
        find(rows, "Secp256k1JavaBackendBenchmark.verify", "Secp256k1Web3jBenchmark.verify")
            .verdict());

    RatioReport report = new RatioReport(scores, Map.of("k", "v"));
    assertTrue(report.anyFailure());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String md = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(md.contains("| sign (recoverable, 32-byte digest) | pure-Java backend (SPI) vs web3j"
        + " | 3,000 ± 10 | 1,000 ± 10 | 3.00x (2.96x .. 3.04x) | >= 2.50x | PASS |"), md);
  }

  @Test
  void noFailureWhenEverythingPassesOrIsMissing() {
    Map<String, Score> scores = new LinkedHashMap<>();
    scores.put("Keccak256Benchmark.cairn[size=1024]", new Score(2000, Double.NaN));
    scores.put("Keccak256Benchmark.bouncyCastleReusedDigest[size=1024]", new Score(1000, Double.NaN));
    assertFalse(new RatioReport(scores, Map.of()).anyFailure());
  }

  @Test
  void cParserIgnoresMalformedLines() {
    Map<String, Score> c = RatioReport.readC(
        "c.verify ops_per_s=abc\nc.recover iterations=10 ops_per_s=1.5e4\nsign ops_per_s=3\n");
    assertEquals(1, c.size());
    assertEquals(15000.0, c.get("c.recover").opsPerSecond());
  }

  @Test
  void bestOfKeepsTheFastestCRun() {
    Map<String, Score> merged = RatioReport.bestOf(List.of(
        RatioReport.readC("c.sign_recoverable ops_per_s=100\nc.verify ops_per_s=50\n"),
        RatioReport.readC("c.sign_recoverable ops_per_s=90\nc.verify ops_per_s=70\n")));
    assertEquals(100.0, merged.get("c.sign_recoverable").opsPerSecond());
    assertEquals(70.0, merged.get("c.verify").opsPerSecond());
  }

  @Test
  void rejectsNonArrayJson() {
    assertThrows(IOException.class, () -> RatioReport.readJmh("{}", new LinkedHashMap<>()));
  }
}
