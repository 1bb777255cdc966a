package dev.cairn.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Common JMH settings and the rotating input index for every Cairn benchmark.
 *
 * <p>Defaults: throughput in ops/s, one thread, one fork with a fixed 512 MiB heap, 3 warm-up
 * iterations of 2 s and 5 measured iterations of 2 s. {@code benchmarks/run.sh} overrides the
 * counts and times on the JMH command line ({@code -f -wi -w -i -r}); JMH keeps the annotation values
 * for everything the command line does not set (in particular the {@code jvmArgsAppend} of the
 * public-API benchmarks, which select the secp256k1 backend).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public abstract class RotatingInputs {

  private int counter;

  /** The next input index in {@code [0, Fixtures.COUNT)}; every invocation gets a different one. */
  protected final int next() {
    return counter++ & Fixtures.MASK;
  }
}
