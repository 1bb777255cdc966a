package dev.cairn.benchmarks.hsm;

import dev.cairn.benchmarks.Fixtures;
import dev.cairn.core.crypto.EcdsaSignature;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The binding alternative: the JDK's SunPKCS11 provider signing with {@code NONEwithECDSA} (raw
 * CKM_ECDSA over the digest, DER output) on a secp256k1 session key it generated in the same
 * SoftHSM2 token (the first slot with a token: pkcs11.sh's fresh directory holds exactly one; SunPKCS11's
 * configuration has no token-label keyword). For the binding decision (docs/decisions/DRAFT-pkcs11.md): it measures the
 * provider's own call path; it does no low-s or recovery id work, which {@link Pkcs11SignBenchmark}
 * includes. There is no Ed25519 counterpart: SunPKCS11 in Java 17 has no EdDSA mechanism.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Threads(1)
public class SunPkcs11SignBenchmark {
  private Signature signature;
  private byte[][] digests;
  private int counter;

  @Setup(Level.Trial)
  public void open() throws Exception {
    String module = System.getProperty("cairn.pkcs11.module", "/usr/lib/softhsm/libsofthsm2.so");
    String pin = System.getProperty("cairn.pkcs11.pin");
    Provider p = Security.getProvider("SunPKCS11").configure(
        "--name=cairnbench\nlibrary=" + module + "\nslotListIndex=0\n");
    java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS11", p);
    ks.load(null, pin.toCharArray());
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC", p);
    g.initialize(new ECGenParameterSpec("secp256k1"));
    KeyPair kp = g.generateKeyPair();
    signature = Signature.getInstance("NONEwithECDSA", p);
    signature.initSign(kp.getPrivate());
    digests = new byte[Fixtures.COUNT][];
    for (int i = 0; i < Fixtures.COUNT; i++) {
      digests[i] = Fixtures.get().digest(i);
    }
    signature.update(digests[0]);
    EcdsaSignature.fromDer(signature.sign()); // DER out, parsed by sdk-core
  }

  @Benchmark
  public byte[] secp256k1OneSession() throws Exception {
    signature.update(digests[counter++ & Fixtures.MASK]);
    return signature.sign();
  }
}
