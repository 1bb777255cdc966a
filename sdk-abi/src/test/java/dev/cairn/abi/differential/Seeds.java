package dev.cairn.abi.differential;

import java.security.SecureRandom;
import java.util.Random;

/**
 * Seeds for the differential tests: {@code -Dcairn.diff.seed=N} replays a run; otherwise each run
 * draws a fresh seed, which every failure message quotes.
 */
final class Seeds {
  private Seeds() {}

  static long seed() {
    String s = System.getProperty("cairn.diff.seed");
    return s != null && !s.isEmpty() ? Long.parseLong(s) : new SecureRandom().nextLong();
  }

  static Random random(long seed) {
    return new Random(seed);
  }

  static String replay(long seed) {
    return " (replay with -Dcairn.diff.seed=" + seed + ")";
  }
}
