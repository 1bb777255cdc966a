package dev.cairn.benchmarks.hsm;

import dev.cairn.benchmarks.Fixtures;
import dev.cairn.core.crypto.Ed25519PublicKey;
import dev.cairn.core.crypto.Secp256k1PublicKey;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.hsm.pkcs11.Pkcs11Config;
import dev.cairn.hsm.pkcs11.Pkcs11Key;
import dev.cairn.hsm.pkcs11.Pkcs11Signer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PKCS#11 signatures per second through {@link Pkcs11Signer} against SoftHSM2: one session and one
 * thread, then a pool of two sessions used by two threads, for secp256k1 ({@code CKM_ECDSA} plus
 * low-s and trial recovery of the recovery id) and Ed25519 ({@code CKM_EDDSA} over a 32-byte
 * message, the size of the ECDSA input). Run through {@code benchmarks/pkcs11.sh}, which sets
 * {@code SOFTHSM2_CONF} to a fresh token directory and passes the token label and PIN as system
 * properties ({@code cairn.pkcs11.module}, {@code cairn.pkcs11.token}, {@code cairn.pkcs11.pin}).
 * The setup generates the keys in the token and checks a signature with sdk-core before anything
 * is measured.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class Pkcs11SignBenchmark {

  /** Keys and signers shared by the benchmark's threads; {@code sessions} sessions in the pool. */
  public abstract static class Keys {
    Pkcs11Signer secp256k1;
    Pkcs11Signer ed25519;
    final AtomicInteger counter = new AtomicInteger();
    byte[][] digests;

    abstract int sessions();

    @Setup(Level.Trial)
    public void open() {
      String module = System.getProperty("cairn.pkcs11.module", "/usr/lib/softhsm/libsofthsm2.so");
      String token = System.getProperty("cairn.pkcs11.token", "cairn-bench");
      String pin = System.getProperty("cairn.pkcs11.pin");
      if (pin == null) {
        throw new IllegalStateException("cairn.pkcs11.pin is not set: run benchmarks/pkcs11.sh");
      }
      Supplier<char[]> pins = pin::toCharArray;
      Pkcs11Config config = Pkcs11Config.of(module, token).withPoolSize(sessions());
      String suffix = ProcessHandle.current().pid() + "-" + sessions();
      secp256k1 = Pkcs11Signer.open(config, Pkcs11Key.generate(KeyType.SECP256K1, "bench-k1-" + suffix), pins);
      ed25519 = Pkcs11Signer.open(config, Pkcs11Key.generate(KeyType.ED25519, "bench-ed-" + suffix), pins);
      digests = new byte[Fixtures.COUNT][];
      for (int i = 0; i < Fixtures.COUNT; i++) {
        digests[i] = Fixtures.get().digest(i);
      }
      Signature s = secp256k1.sign(SignRequest.digest(digests[0]));
      if (!Secp256k1PublicKey.fromBytes(secp256k1.publicKey()).equals(Secp256k1PublicKey.recover(digests[0], s.toEcdsaSignature()))) {
        throw new IllegalStateException("the secp256k1 signature does not recover the token's key");
      }
      Signature e = ed25519.sign(SignRequest.message(digests[1]));
      if (!Ed25519PublicKey.of(ed25519.publicKey()).verify(digests[1], e.bytes())) {
        throw new IllegalStateException("the Ed25519 signature does not verify");
      }
    }

    SignRequest nextDigest() {
      return SignRequest.digest(digests[counter.getAndIncrement() & Fixtures.MASK]);
    }

    SignRequest nextMessage() {
      return SignRequest.message(digests[counter.getAndIncrement() & Fixtures.MASK]);
    }

    @TearDown(Level.Trial)
    public void close() {
      secp256k1.close();
      ed25519.close();
    }
  }

  /** A pool of one session. */
  @State(Scope.Benchmark)
  public static class OneSession extends Keys {
    @Override
    int sessions() {
      return 1;
    }
  }

  /** A pool of two sessions. */
  @State(Scope.Benchmark)
  public static class TwoSessions extends Keys {
    @Override
    int sessions() {
      return 2;
    }
  }

  @Benchmark
  @Threads(1)
  public Signature secp256k1OneSession(OneSession k) {
    return k.secp256k1.sign(k.nextDigest());
  }

  @Benchmark
  @Threads(2)
  public Signature secp256k1PoolTwoThreads(TwoSessions k) {
    return k.secp256k1.sign(k.nextDigest());
  }

  @Benchmark
  @Threads(1)
  public Signature ed25519OneSession(OneSession k) {
    return k.ed25519.sign(k.nextMessage());
  }

  @Benchmark
  @Threads(2)
  public Signature ed25519PoolTwoThreads(TwoSessions k) {
    return k.ed25519.sign(k.nextMessage());
  }
}
