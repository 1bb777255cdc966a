package dev.cairn.benchmarks.abi;

/** Setup-time sanity checks: a benchmark of a wrong result is worthless, so fail loudly. */
final class Check {

  private Check() {}

  static void that(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("benchmark sanity check failed: " + what);
    }
  }
}
