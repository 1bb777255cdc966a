package dev.cairn.benchmarks.evm.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The node's own eth_blockNumber ceiling: wrk (a C load generator, far cheaper per request than any
 * JVM client) with 2 threads and 64 connections against the same node, measured after the drivers,
 * in the same run, while the driver's anvil still runs.
 */
final class WrkCeiling {
  private WrkCeiling() {}

  /** The report section, or "" when not selected or wrk is not installed (said on stderr). */
  static String section(String url, int seconds, int rounds, String only) throws IOException, InterruptedException {
    if (!(only.isEmpty() || "rpc/blockNumber".contains(only) || only.startsWith("rpc"))) {
      return "";
    }
    if (!onPath("wrk")) {
      System.err.println("evm-e2e: wrk not installed; the eth_blockNumber node ceiling is not measured");
      return "";
    }
    Path lua = Files.createTempFile("cairn-wrk", ".lua");
    try {
      Files.writeString(lua, "wrk.method = \"POST\"\n"
          + "wrk.body = '{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[]}'\n"
          + "wrk.headers[\"Content-Type\"] = \"application/json\"\n");
      double[] rates = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        rates[r] = run(List.of("wrk", "-t2", "-c64", "-d" + seconds + "s", "-s", lua.toString(), url), seconds);
      }
      double[] sorted = rates.clone();
      Arrays.sort(sorted);
      double median = sorted[(sorted.length + 1) / 2 - 1];
      double cairn = EvmE2eDriver.lastMedian("rpc/blockNumber/cairn/64");
      double web3j = EvmE2eDriver.lastMedian("rpc/blockNumber/web3j/64");
      StringBuilder list = new StringBuilder();
      for (double r : rates) {
        list.append(list.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", r));
      }
      return String.format(Locale.ROOT, "%n## eth_blockNumber ceiling of the node (wrk, 2 threads, 64 connections)%n%n"
          + "| rounds (req/s) | median | Cairn single requests as %% of it | web3j as %% of it |%n|---|---:|---:|---:|%n"
          + "| %s | %.0f | %.0f%% | %.0f%% |%n", list, median, percent(cairn, median), percent(web3j, median));
    } finally {
      Files.deleteIfExists(lua);
    }
  }

  private static double percent(double part, double whole) {
    return Double.isNaN(part) || whole == 0 ? 0 : 100 * part / whole;
  }

  private static double run(List<String> cmd, int seconds) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.add(line);
      }
    }
    if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("wrk did not finish: " + out);
    }
    for (String line : out) {
      String t = line.trim();
      if (t.startsWith("Requests/sec:")) {
        return Double.parseDouble(t.substring("Requests/sec:".length()).trim());
      }
    }
    throw new IOException("wrk printed no Requests/sec (exit " + p.exitValue() + "): " + String.join("\n", out));
  }

  private static boolean onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
        return true;
      }
    }
    return false;
  }
}
