package dev.cairn.abi.differential;

import java.security.SecureRandom;
import java.util.Random;

/**
 * Seeds and sizes for the differential tests: {@code -Dcairn.diff.seed=N} replays a run; otherwise
 * each run draws a fresh seed, which every failure message quotes. {@code -Dcairn.diff.factor=K}
 * runs K times as many cases.
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

  /**
   * The number of cases to run: {@code base} times {@code -Dcairn.diff.factor} (default 1), so that
   * a nightly or pre-release run can go much deeper than the normal suite.
   */
  static int cases(int base) {
    String f = System.getProperty("cairn.diff.factor");
    int factor = f != null && !f.isEmpty() ? Integer.parseInt(f) : 1;
    if (factor < 1) {
      throw new IllegalArgumentException("cairn.diff.factor must be >= 1");
    }
    return Math.multiplyExact(base, factor);
  }

  static String replay(long seed) {
    return " (replay with -Dcairn.diff.seed=" + seed + ")";
  }
}
