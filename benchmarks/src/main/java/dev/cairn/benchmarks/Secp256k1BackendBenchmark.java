package dev.cairn.benchmarks;

import dev.cairn.core.crypto.spi.Secp256k1Backend;
import java.util.Arrays;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * A Cairn secp256k1 backend called directly through the SPI, without the public key and signature
 * types around it. Comparing these numbers with {@link Secp256k1JavaApiBenchmark} / {@link
 * Secp256k1NativeApiBenchmark} shows the cost of the public API.
 *
 * <p>Inputs: 32-byte digests and private keys, 64-byte r||s signatures, 65-byte uncompressed public
 * keys (verify) and uncompressed output (recover), to match what the web3j baseline produces.
 */
public abstract class Secp256k1BackendBenchmark extends RotatingInputs {

  private Secp256k1Backend backend;
  private byte[][] digests;
  private byte[][] privateKeys;
  private byte[][] rs;
  private int[] recoveryIds;
  private byte[][] publicKeys;

  /** The backend under test; called once per fork. */
  protected abstract Secp256k1Backend createBackend();

  /** Creates the backend and checks it against the fixtures. */
  @Setup
  public void setUp() {
    backend = createBackend();
    Check.that(
        backend.isAvailable(),
        "backend " + backend.name() + " is not available: " + backend.unavailableReason());
    Fixtures f = Fixtures.get();
    digests = new byte[Fixtures.COUNT][];
    privateKeys = new byte[Fixtures.COUNT][];
    rs = new byte[Fixtures.COUNT][];
    recoveryIds = new int[Fixtures.COUNT];
    publicKeys = new byte[Fixtures.COUNT][];
    for (int i = 0; i < Fixtures.COUNT; i++) {
      digests[i] = f.digest(i);
      privateKeys[i] = f.privateKey(i);
      rs[i] = f.compactSignature(i);
      recoveryIds[i] = f.recoveryId(i);
      publicKeys[i] = f.publicKeyUncompressed(i);
    }
    String name = backend.name();
    for (int i = 0; i < Fixtures.COUNT; i++) {
      Check.that(
          Arrays.equals(backend.signRecoverable(digests[i], privateKeys[i]),
              f.recoverableSignature(i)),
          name + " signRecoverable of fixture " + i + " differs from web3j's signature");
      Check.that(backend.verify(digests[i], rs[i], publicKeys[i]),
          name + " verify of fixture " + i);
      Check.that(
          Arrays.equals(backend.recover(digests[i], rs[i], recoveryIds[i], false), publicKeys[i]),
          name + " recover of fixture " + i);
    }
  }

  /** {@code signRecoverable(digest, privateKey)}: 65 bytes r||s||recId. */
  @Benchmark
  public byte[] sign() {
    int i = next();
    return backend.signRecoverable(digests[i], privateKeys[i]);
  }

  /** {@code verify(digest, rs, publicKey65)}. */
  @Benchmark
  public boolean verify() {
    int i = next();
    return backend.verify(digests[i], rs[i], publicKeys[i]);
  }

  /** {@code recover(digest, rs, recoveryId, false)}: 65-byte public key. */
  @Benchmark
  public byte[] recover() {
    int i = next();
    return backend.recover(digests[i], rs[i], recoveryIds[i], false);
  }
}
