package dev.cairn.benchmarks;

import dev.cairn.core.crypto.spi.Secp256k1Backend;
import dev.cairn.nativeimpl.secp256k1.LibSecp256k1Backend;

/**
 * The libsecp256k1 backend (jnr-ffi), called directly. Its setup fails, and JMH skips these
 * benchmarks, when the library is not installed.
 */
public class Secp256k1NativeBackendBenchmark extends Secp256k1BackendBenchmark {

  @Override
  protected Secp256k1Backend createBackend() {
    return new LibSecp256k1Backend();
  }
}
