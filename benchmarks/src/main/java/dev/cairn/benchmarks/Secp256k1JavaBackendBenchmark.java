package dev.cairn.benchmarks;

import dev.cairn.core.crypto.Secp256k1;
import dev.cairn.core.crypto.spi.Secp256k1Backend;

/** The pure-Java secp256k1 backend, called directly. */
public class Secp256k1JavaBackendBenchmark extends Secp256k1BackendBenchmark {

  @Override
  protected Secp256k1Backend createBackend() {
    return Secp256k1.backend("java");
  }
}
