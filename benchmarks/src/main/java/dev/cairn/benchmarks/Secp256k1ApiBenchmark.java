package dev.cairn.benchmarks;

import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.crypto.Secp256k1;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.crypto.Secp256k1PublicKey;
import java.math.BigInteger;
import java.util.Arrays;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * The public API ({@link Secp256k1PrivateKey#sign}, {@link Secp256k1PublicKey#verify}, {@link
 * Secp256k1PublicKey#recover}) on top of whichever backend the forked JVM selected. The backend is
 * chosen once per JVM through the system property {@code cairn.secp256k1.backend}, which each
 * subclass sets in its {@code @Fork(jvmArgsAppend = ...)}; the setup fails if a different backend
 * ended up selected (for example when run with {@code -f 0}).
 */
public abstract class Secp256k1ApiBenchmark extends RotatingInputs {

  private byte[][] digests;
  private Secp256k1PrivateKey[] privateKeys;
  private Secp256k1PublicKey[] publicKeys;
  private EcdsaSignature[] signatures;

  /** The backend name this benchmark expects {@link Secp256k1#backendName()} to report. */
  protected abstract String expectedBackend();

  /** Builds the key and signature objects and checks them against the fixtures. */
  @Setup
  public void setUp() {
    String selected = Secp256k1.backendName();
    Check.that(
        expectedBackend().equals(selected),
        "expected secp256k1 backend '" + expectedBackend() + "' but the JVM selected '" + selected
            + "' (run forked: the backend is chosen by -Dcairn.secp256k1.backend; backends: "
            + Secp256k1.backends() + ")");
    Fixtures f = Fixtures.get();
    digests = new byte[Fixtures.COUNT][];
    privateKeys = new Secp256k1PrivateKey[Fixtures.COUNT];
    publicKeys = new Secp256k1PublicKey[Fixtures.COUNT];
    signatures = new EcdsaSignature[Fixtures.COUNT];
    for (int i = 0; i < Fixtures.COUNT; i++) {
      digests[i] = f.digest(i);
      privateKeys[i] = Secp256k1PrivateKey.of(f.privateKey(i));
      publicKeys[i] = Secp256k1PublicKey.fromBytes(f.publicKeyUncompressed(i));
      byte[] rs = f.compactSignature(i);
      signatures[i] =
          EcdsaSignature.of(
              new BigInteger(1, Arrays.copyOfRange(rs, 0, 32)),
              new BigInteger(1, Arrays.copyOfRange(rs, 32, 64)),
              f.recoveryId(i));
    }
    for (int i = 0; i < Fixtures.COUNT; i++) {
      Check.that(
          Arrays.equals(privateKeys[i].sign(digests[i]).toRecoverable(), f.recoverableSignature(i)),
          "Secp256k1PrivateKey.sign of fixture " + i + " differs from web3j's signature");
      Check.that(publicKeys[i].verify(digests[i], signatures[i]),
          "Secp256k1PublicKey.verify of fixture " + i);
      Check.that(
          Secp256k1PublicKey.recover(digests[i], signatures[i]).equals(publicKeys[i]),
          "Secp256k1PublicKey.recover of fixture " + i);
    }
  }

  /** {@code privateKey.sign(digest)}: recoverable, low-s, RFC 6979. */
  @Benchmark
  public EcdsaSignature sign() {
    int i = next();
    return privateKeys[i].sign(digests[i]);
  }

  /** {@code publicKey.verify(digest, signature)}. */
  @Benchmark
  public boolean verify() {
    int i = next();
    return publicKeys[i].verify(digests[i], signatures[i]);
  }

  /** {@code Secp256k1PublicKey.recover(digest, signature)}. */
  @Benchmark
  public Secp256k1PublicKey recover() {
    int i = next();
    return Secp256k1PublicKey.recover(digests[i], signatures[i]);
  }
}
