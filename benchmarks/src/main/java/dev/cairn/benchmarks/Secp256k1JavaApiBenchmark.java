package dev.cairn.benchmarks;

import dev.cairn.core.crypto.Secp256k1;
import org.openjdk.jmh.annotations.Fork;

/** The public API with the pure-Java backend selected. */
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-Dcairn.secp256k1.backend=java"})
public class Secp256k1JavaApiBenchmark extends Secp256k1ApiBenchmark {

  @Override
  protected String expectedBackend() {
    return Secp256k1.backend("java").name();
  }
}
