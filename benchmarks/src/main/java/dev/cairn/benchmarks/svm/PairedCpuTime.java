package dev.cairn.benchmarks.svm;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A load-tolerant cross-check of the Solana JMH ratios for a shared, busy machine: runs the
 * compared operations in alternating short blocks (Cairn, peer, Cairn, peer, ...) on one thread and
 * measures each block's CPU time ({@code ThreadMXBean.getCurrentThreadCpuTime}), not wall-clock
 * time, so that time the thread spends descheduled by other processes does not count. Prints the
 * median CPU microseconds per operation of each and the ratio of the medians. It does not replace
 * JMH (no forks, no blackhole beyond a checksum); it tells whether a JMH ratio measured under load
 * is the code or the load.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.cairn.benchmarks.svm.PairedCpuTime [rounds]</pre>
 */
public final class PairedCpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static long sink;

  private PairedCpuTime() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    Ed25519SignBenchmark sign = new Ed25519SignBenchmark();
    sign.setUp();
    SvmTransactionBenchmark tx = new SvmTransactionBenchmark();
    tx.setUp();
    Map<String, IntFunction<byte[]>> ops = new LinkedHashMap<>();
    ops.put("ed25519.cairn", i -> sign.cairn());
    ops.put("ed25519.bouncyCastle", i -> sign.bouncyCastle());
    ops.put("transfer.cairn", i -> tx.cairnTransfer());
    ops.put("transfer.sol4k", i -> tx.sol4kTransfer());
    ops.put("transfer.solanaj", i -> tx.solanajTransfer());
    ops.put("v0.cairn", i -> tx.cairnV0());
    ops.put("v0.sol4k", i -> tx.sol4kV0());
    String[][] pairs = {
      {"ed25519.cairn", "ed25519.bouncyCastle"},
      {"transfer.cairn", "transfer.sol4k"},
      {"transfer.cairn", "transfer.solanaj"},
      {"v0.cairn", "v0.sol4k"},
    };
    for (String[] p : pairs) {
      IntFunction<byte[]> a = ops.get(p[0]);
      IntFunction<byte[]> b = ops.get(p[1]);
      // warm-up: both, long enough for C2
      block(a, 3000);
      block(b, 300);
      int nb = p[1].startsWith("ed25519") ? 200 : 10;
      int na = p[1].startsWith("ed25519") ? 200 : 200;
      double[] ta = new double[rounds];
      double[] tb = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        ta[r] = block(a, na) / na / 1000.0;
        tb[r] = block(b, nb) / nb / 1000.0;
      }
      Arrays.sort(ta);
      Arrays.sort(tb);
      double ma = ta[rounds / 2];
      double mb = tb[rounds / 2];
      System.out.printf("%-22s %9.1f us/op (CPU, median of %d blocks)   %-22s %9.1f us/op   ratio %.2fx%n",
          p[0], ma, rounds, p[1], mb, mb / ma);
    }
    System.out.println("checksum " + sink);
  }

  private static double block(IntFunction<byte[]> op, int n) {
    long t0 = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < n; i++) {
      sink += op.apply(i)[33];
    }
    return THREADS.getCurrentThreadCpuTime() - t0;
  }
}
