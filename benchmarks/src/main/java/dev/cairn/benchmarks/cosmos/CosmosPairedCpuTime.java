package dev.cairn.benchmarks.cosmos;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The load-tolerant cross-check of the Cosmos JMH ratios (as {@code svm.PairedCpuTime}): Cairn and
 * the protobuf-java peer in alternating short blocks on one thread, CPU time per block
 * ({@code ThreadMXBean.getCurrentThreadCpuTime}), median per operation and the ratio of medians.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.cairn.benchmarks.cosmos.CosmosPairedCpuTime [rounds]</pre>
 */
public final class CosmosPairedCpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static long sink;

  private CosmosPairedCpuTime() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    CosmosTransactionBenchmark b = new CosmosTransactionBenchmark();
    b.setUp();
    Object[][] pairs = {
      {"send.cairn", (IntFunction<byte[]>) i -> b.cairnSend(i & 63), "send.protobuf", (IntFunction<byte[]>) i -> b.protobufSend(i & 63)},
      {"execute.cairn", (IntFunction<byte[]>) i -> b.cairnExecute(i & 63), "execute.protobuf",
          (IntFunction<byte[]>) i -> b.protobufExecute(i & 63)},
      {"send.cairnUnverified", (IntFunction<byte[]>) i -> b.cairnSendUnverified(i & 63), "send.protobuf",
          (IntFunction<byte[]>) i -> b.protobufSend(i & 63)},
      {"execute.cairnUnverified", (IntFunction<byte[]>) i -> b.cairnExecuteUnverified(i & 63), "execute.protobuf",
          (IntFunction<byte[]>) i -> b.protobufExecute(i & 63)},
      {"sendEncode.cairn", (IntFunction<byte[]>) i -> b.cairnSendEncode(i & 63), "sendEncode.protobuf",
          (IntFunction<byte[]>) i -> b.protobufSendEncode(i & 63)},
      {"executeEncode.cairn", (IntFunction<byte[]>) i -> b.cairnExecuteEncode(i & 63), "executeEncode.protobuf",
          (IntFunction<byte[]>) i -> b.protobufExecuteEncode(i & 63)},
    };
    for (Object[] p : pairs) {
      @SuppressWarnings("unchecked")
      IntFunction<byte[]> a = (IntFunction<byte[]>) p[1];
      @SuppressWarnings("unchecked")
      IntFunction<byte[]> c = (IntFunction<byte[]>) p[3];
      boolean encode = ((String) p[0]).contains("Encode");
      int n = encode ? 2000 : 100;
      block(a, n * 10);
      block(c, n * 10);
      double[] ta = new double[rounds];
      double[] tc = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        ta[r] = block(a, n) / n / 1000.0;
        tc[r] = block(c, n) / n / 1000.0;
      }
      Arrays.sort(ta);
      Arrays.sort(tc);
      double ma = ta[rounds / 2];
      double mc = tc[rounds / 2];
      System.out.printf("%-22s %9.2f us/op (CPU, median of %d blocks)   %-24s %9.2f us/op   ratio %.2fx%n",
          p[0], ma, rounds, p[2], mc, mc / ma);
    }
    System.out.println("checksum " + sink);
  }

  private static double block(IntFunction<byte[]> op, int n) {
    long t0 = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < n; i++) {
      sink += op.apply(i)[7];
    }
    return THREADS.getCurrentThreadCpuTime() - t0;
  }
}
