package dev.cairn.benchmarks;

import dev.cairn.nativeimpl.secp256k1.LibSecp256k1Backend;
import org.openjdk.jmh.annotations.Fork;

/** The public API with the libsecp256k1 backend selected. */
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-Dcairn.secp256k1.backend=libsecp256k1"})
public class Secp256k1NativeApiBenchmark extends Secp256k1ApiBenchmark {

  @Override
  protected String expectedBackend() {
    return new LibSecp256k1Backend().name();
  }
}
