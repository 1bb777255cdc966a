package dev.cairn.benchmarks;

import dev.cairn.core.crypto.Secp256k1;
import dev.cairn.core.crypto.spi.Secp256k1Backend;
import dev.cairn.core.hash.Keccak256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;
import org.web3j.crypto.Sign;

/**
 * A cross-check of the JMH ratios for a shared, loaded machine: each pair (Cairn pure-Java, its
 * baseline) runs in alternating short slices in one JVM, round after round, so a load change hits
 * both sides of a ratio alike (JMH runs one benchmark after the other, minutes apart). The slices
 * are measured in the thread's CPU time, so time the thread spends descheduled by other processes
 * counts for neither side ({@code -Dinterleaved.wall=true} measures wall time instead). Prints, per
 * pair, the median over rounds of the per-round throughput ratio and its range.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.cairn.benchmarks.Interleaved [rounds] [sliceMillis]
 * </pre>
 *
 * Same fixtures and baselines as the JMH classes ({@link Secp256k1Web3jBenchmark},
 * {@link Secp256k1JavaBackendBenchmark}, {@link Keccak256Benchmark}). No allocation figures: JMH's
 * {@code -prof gc} gives those.
 */
public final class Interleaved {
  private Interleaved() {}

  private static Object sink;

  /** Runs the comparison. */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    long slice = (args.length > 1 ? Long.parseLong(args[1]) : 300) * 1_000_000L;
    Fixtures f = Fixtures.get();
    Secp256k1Backend java = Secp256k1.backend("java");
    int n = Fixtures.COUNT;
    byte[][] digests = new byte[n][];
    byte[][] keys = new byte[n][];
    byte[][] rs = new byte[n][];
    int[] recIds = new int[n];
    byte[][] pubs = new byte[n][];
    Sign.SignatureData[] sigs = new Sign.SignatureData[n];
    for (int i = 0; i < n; i++) {
      digests[i] = f.digest(i);
      keys[i] = f.privateKey(i);
      rs[i] = f.compactSignature(i);
      recIds[i] = f.recoveryId(i);
      pubs[i] = f.publicKeyUncompressed(i);
      sigs[i] = f.web3jSignature(i);
      Check.that(Arrays.equals(java.signRecoverable(digests[i], keys[i]), f.recoverableSignature(i)),
          "java sign of fixture " + i);
    }
    byte[][] m32 = Fixtures.messages(32);
    byte[][] m1k = Fixtures.messages(1024);
    String[][] names = {
      {"sign", "pure-Java backend vs web3j Sign.signMessage"},
      {"verify", "pure-Java backend vs BouncyCastle ECDSASigner"},
      {"recover", "pure-Java backend vs web3j signedMessageHashToKey"},
      {"Keccak-256 32 B", "Cairn vs BouncyCastle KeccakDigest (new per call)"},
      {"Keccak-256 1 KiB", "Cairn vs BouncyCastle KeccakDigest (new per call)"},
    };
    List<IntFunction<Object>> cairn = List.of(
        i -> java.signRecoverable(digests[i], keys[i]),
        i -> java.verify(digests[i], rs[i], pubs[i]),
        i -> java.recover(digests[i], rs[i], recIds[i], false),
        i -> Keccak256.hash(m32[i]),
        i -> Keccak256.hash(m1k[i]));
    List<IntFunction<Object>> base = List.of(
        i -> Sign.signMessage(digests[i], f.keyPair(i), false),
        i -> bcVerify(digests[i], rs[i], pubs[i]),
        i -> {
          try {
            return Sign.signedMessageHashToKey(digests[i], sigs[i]);
          } catch (java.security.SignatureException e) {
            throw new IllegalStateException(e);
          }
        },
        i -> bcKeccak(m32[i]),
        i -> bcKeccak(m1k[i]));
    System.out.printf(Locale.ROOT, "# Interleaved: %d rounds (first 3 are warm-up), %d ms slices of "
        + "%s, Java %s, load %s%n", rounds, slice / 1_000_000,
        CPU_CLOCK ? "thread CPU time" : "wall time", System.getProperty("java.version"),
        loadAverage());
    System.out.println();
    System.out.println("| Operation | Comparison | Cairn ops/s (median) | Baseline ops/s (median) "
        + "| Ratio, median of rounds (min .. max) |");
    System.out.println("|---|---|---:|---:|---|");
    for (int op = 0; op < names.length; op++) {
      List<Double> ratios = new ArrayList<>();
      List<Double> a = new ArrayList<>();
      List<Double> b = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        double sa = opsPerSecond(cairn.get(op), slice);
        double sb = opsPerSecond(base.get(op), slice);
        if (r >= 3) {
          a.add(sa);
          b.add(sb);
          ratios.add(sa / sb);
        }
      }
      Collections.sort(ratios);
      System.out.printf(Locale.ROOT, "| %s | %s | %,.0f | %,.0f | %.2fx (%.2fx .. %.2fx) |%n",
          names[op][0], names[op][1], median(a), median(b), median(ratios), ratios.get(0),
          ratios.get(ratios.size() - 1));
    }
    System.out.println();
    System.out.println("load at end: " + loadAverage());
  }

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();
  /** Thread CPU time where the JVM measures it (immune to other processes' load), else wall time. */
  private static final boolean CPU_CLOCK =
      THREADS.isCurrentThreadCpuTimeSupported() && !Boolean.getBoolean("interleaved.wall");

  private static long clock() {
    return CPU_CLOCK ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }

  private static double opsPerSecond(IntFunction<Object> op, long sliceNanos) {
    long start = clock();
    long count = 0;
    long now;
    do {
      for (int k = 0; k < 8; k++) {
        sink = op.apply((int) (count++ & Fixtures.MASK));
      }
      now = clock();
    } while (now - start < sliceNanos);
    return count * 1e9 / (now - start);
  }

  private static double median(List<Double> values) {
    List<Double> s = new ArrayList<>(values);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }

  private static boolean bcVerify(byte[] digest, byte[] rs, byte[] pub) {
    ECPoint q = Fixtures.CURVE.getCurve().decodePoint(pub);
    ECDSASigner signer = new ECDSASigner();
    signer.init(false, new ECPublicKeyParameters(q, Fixtures.CURVE));
    return signer.verifySignature(digest, new BigInteger(1, Arrays.copyOfRange(rs, 0, 32)),
        new BigInteger(1, Arrays.copyOfRange(rs, 32, 64)));
  }

  private static byte[] bcKeccak(byte[] in) {
    KeccakDigest d = new KeccakDigest(256);
    d.update(in, 0, in.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  private static String loadAverage() {
    try {
      return new String(java.nio.file.Files.readAllBytes(java.nio.file.Paths.get("/proc/loadavg")),
          java.nio.charset.StandardCharsets.US_ASCII).trim();
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
