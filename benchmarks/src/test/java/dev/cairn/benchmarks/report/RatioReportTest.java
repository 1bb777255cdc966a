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

    // 3000 / 1000 = 3.0x < 4x (issue 12's target for the pure-Java path)
    Row javaBackend = find(rows, "Secp256k1JavaBackendBenchmark.sign", "Secp256k1Web3jBenchmark.sign");
    assertEquals(Verdict.FAIL, javaBackend.verdict());
    assertTrue(javaBackend.text().startsWith("3.00x"), javaBackend.text());
    // 2000 / 1000 = 2.0x < 4x
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
    // Keccak 1.5x >= 1.5x
    assertEquals(Verdict.PASS,
        find(rows, "Keccak256Benchmark.cairn[size=32]",
            "Keccak256Benchmark.bouncyCastleNewDigest[size=32]").verdict());
    // verify is not in the fixture
    assertEquals(Verdict.MISSING,
        find(rows, "Secp256k1JavaBackendBenchmark.verify", "Secp256k1Web3jBenchmark.verify")
            .verdict());

    RatioReport report = new RatioReport(scores, Map.of("k", "v"));
    assertTrue(report.anyFailure());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String md = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(md.contains("| sign (recoverable, 32-byte digest) | pure-Java backend (SPI) vs web3j"
        + " | 3,000 ± 10 | 1,000 ± 10 | 3.00x (2.96x .. 3.04x) | >= 4.00x | FAIL |"), md);
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

  private static String abiRun(String benchmark, double opsPerSecond, String allocKey,
      double bytesPerOp) {
    return "{\"jmhVersion\":\"1.37\",\"benchmark\":\"dev.cairn.benchmarks.abi." + benchmark
        + "\",\"mode\":\"thrpt\",\"threads\":1,\"forks\":1,\"jvmArgs\":[],"
        + "\"primaryMetric\":{\"score\":" + opsPerSecond + ",\"scoreError\":\"NaN\","
        + "\"scoreUnit\":\"ops/s\"},\"secondaryMetrics\":{\"gc.alloc.rate\":{\"score\":900,"
        + "\"scoreError\":1,\"scoreUnit\":\"MB/sec\"},\"" + allocKey + "\":{\"score\":"
        + bytesPerOp + ",\"scoreError\":2,\"scoreUnit\":\"B/op\"}}}";
  }

  @Test
  void abiRowsAndAllocationTargets() throws IOException {
    String json = "["
        + abiRun("AbiEncodeTransferBenchmark.cairn", 3_000_000, "gc.alloc.rate.norm", 96) + ","
        + abiRun("AbiEncodeTransferBenchmark.headlong", 2_000_000, "gc.alloc.rate.norm", 200)
        + "," + abiRun("AbiEncodeTransferBenchmark.web3j", 200_000, "\u00b7gc.alloc.rate.norm",
            4000) + ","
        + abiRun("AbiDecodeReturnBenchmark.cairn", 1_000_000, "gc.alloc.rate.norm", 500) + ","
        + abiRun("AbiDecodeReturnBenchmark.headlong", 1_000_000, "gc.alloc.rate.norm", 400) + ","
        + abiRun("AbiParseJsonBenchmark.cairn", 1_000, "gc.alloc.rate.norm", 900_000) + ","
        + abiRun("AbiParseJsonBenchmark.headlong", 2_000, "gc.alloc.rate.norm", 100_000)
        + "]";
    Map<String, Score> allocations = new LinkedHashMap<>();
    Map<String, Score> scores = RatioReport.readJmh(json, new LinkedHashMap<>(), allocations);
    assertEquals(3_000_000.0, scores.get("abi.AbiEncodeTransferBenchmark.cairn").opsPerSecond());
    assertEquals(96.0, allocations.get("abi.AbiEncodeTransferBenchmark.cairn").opsPerSecond());
    // the pre-1.36 key with its middle dot is read as well
    assertEquals(4000.0, allocations.get("abi.AbiEncodeTransferBenchmark.web3j").opsPerSecond());
    assertFalse(allocations.containsKey("gc.alloc.rate"));

    RatioReport report = new RatioReport(scores, allocations, Map.of());
    List<Row> rows = report.rows();
    // 1.5x >= 1.2x headlong; 15x >= 10x web3j
    assertEquals(Verdict.PASS, find(rows, "abi.AbiEncodeTransferBenchmark.cairn",
        "abi.AbiEncodeTransferBenchmark.headlong").verdict());
    assertEquals(Verdict.PASS, find(rows, "abi.AbiEncodeTransferBenchmark.cairn",
        "abi.AbiEncodeTransferBenchmark.web3j").verdict());
    // 1.0x < 1.2x
    assertEquals(Verdict.FAIL, find(rows, "abi.AbiDecodeReturnBenchmark.cairn",
        "abi.AbiDecodeReturnBenchmark.headlong").verdict());
    assertEquals(Verdict.MISSING, find(rows, "abi.AbiDecodeReturnBenchmark.cairn",
        "abi.AbiDecodeReturnBenchmark.web3j").verdict());
    // parsing has no throughput target
    assertEquals(Verdict.NO_TARGET, find(rows, "abi.AbiParseJsonBenchmark.cairn",
        "abi.AbiParseJsonBenchmark.headlong").verdict());

    List<RatioReport.AllocRow> alloc = report.allocRows();
    assertEquals(Verdict.PASS, alloc.get(0).verdict()); // 96 <= 200
    assertEquals(Verdict.FAIL, alloc.get(1).verdict()); // 500 > 400
    assertEquals(Verdict.MISSING, alloc.get(2).verdict()); // nested: not in this run
    assertEquals(Verdict.NO_TARGET, alloc.get(3).verdict()); // parse: information only
    assertTrue(report.anyFailure());

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String md = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(md.contains("| ABI encode transfer(address,uint256) calldata | 96 ± 2 | 200 ± 2 "
        + "| 4,000 ± 2 | 0.48 | <= headlong | PASS |"), md);
    assertTrue(md.contains("| abi.AbiEncodeTransferBenchmark.cairn | 3,000,000 | 96 ± 2 |"), md);
  }

  @Test
  void allocationFailureAloneFailsTheRun() {
    Map<String, Score> scores = new LinkedHashMap<>();
    scores.put("abi.AbiEncodeNestedBenchmark.cairn", new Score(2000, Double.NaN));
    scores.put("abi.AbiEncodeNestedBenchmark.headlong", new Score(1000, Double.NaN));
    Map<String, Score> alloc = new LinkedHashMap<>();
    alloc.put("abi.AbiEncodeNestedBenchmark.cairn", new Score(1000, Double.NaN));
    alloc.put("abi.AbiEncodeNestedBenchmark.headlong", new Score(999, Double.NaN));
    assertTrue(new RatioReport(scores, alloc, Map.of()).anyFailure());
    alloc.put("abi.AbiEncodeNestedBenchmark.cairn", new Score(999, Double.NaN));
    assertFalse(new RatioReport(scores, alloc, Map.of()).anyFailure());
  }

  @Test
  void reportWithoutGcProfilerSaysSo() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new RatioReport(new LinkedHashMap<>(), Map.of())
        .print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("run JMH with -prof gc"));
  }
}
