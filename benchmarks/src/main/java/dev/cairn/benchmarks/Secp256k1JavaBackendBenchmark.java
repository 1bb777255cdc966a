package dev.cairn.benchmarks;

import dev.cairn.core.crypto.internal.JavaSecp256k1Backend;
import dev.cairn.core.crypto.spi.Secp256k1Backend;

/** The pure-Java secp256k1 backend, called directly. */
public class Secp256k1JavaBackendBenchmark extends Secp256k1BackendBenchmark {

  @Override
  protected Secp256k1Backend createBackend() {
    return new JavaSecp256k1Backend();
  }
}
