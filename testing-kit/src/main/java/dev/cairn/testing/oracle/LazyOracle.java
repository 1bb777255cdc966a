package dev.cairn.testing.oracle;

import java.util.Objects;

/**
 * An oracle shared by the tests of one class and started on first use: each test that needs it
 * calls {@link #get()}, so that a missing installation fails every such test with the same message
 * (rather than failing the class before any test ran), and an {@code @AfterAll} method calls
 * {@link #close()}.
 *
 * <pre>{@code
 * private static final LazyOracle ORACLE = OracleScript.project("abi.mjs").requirePackages("viem").lazy();
 *
 * @AfterAll
 * static void stop() { ORACLE.close(); }
 *
 * @Test
 * void agrees() { String answer = ORACLE.get().call("{\"op\":\"version\"}"); }
 * }</pre>
 */
public final class LazyOracle implements AutoCloseable {
  private final OracleScript script;
  private OracleProcess oracle;
  private RuntimeException failure;

  LazyOracle(OracleScript script) {
    this.script = Objects.requireNonNull(script, "script");
  }

  /**
   * The running oracle (restarted if an earlier one ended or timed out); the same exception again
   * if starting it failed.
   */
  public synchronized OracleProcess get() {
    if (failure != null) {
      throw failure;
    }
    if (oracle == null || !oracle.isUsable()) {
      if (oracle != null) {
        oracle.close();
      }
      try {
        oracle = script.start();
      } catch (RuntimeException e) {
        failure = e;
        throw e;
      }
    }
    return oracle;
  }

  @Override
  public synchronized void close() {
    if (oracle != null) {
      oracle.close();
      oracle = null;
    }
  }
}
