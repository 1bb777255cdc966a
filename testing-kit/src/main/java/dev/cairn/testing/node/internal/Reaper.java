package dev.cairn.testing.node.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Stops child processes: on request (terminate, then kill after a grace period, descendants
 * included) and, for every process still registered, when the JVM exits, so that a test run that
 * is interrupted or forgets to close leaves no node behind.
 */
public final class Reaper {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Thread hook = new Thread(() -> {
      for (Process p : LIVE) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    }, "cairn-testing-reaper");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  private Reaper() {}

  /** Registers a process to be killed at JVM exit unless {@link #stop} ran first. */
  public static void register(Process p) {
    LIVE.add(p);
  }

  /**
   * Stops {@code p} and its descendants: SIGTERM, then SIGKILL after {@code graceMillis}; waits
   * until it is gone (at most a further 10 s) and unregisters it.
   *
   * @return true when the process is gone
   */
  public static boolean stop(Process p, long graceMillis) {
    try {
      var children = p.descendants().toArray(ProcessHandle[]::new);
      p.destroy();
      boolean interrupted = false;
      try {
        if (!p.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
          p.destroyForcibly();
          p.waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        interrupted = true;
        p.destroyForcibly();
      }
      for (ProcessHandle c : children) {
        if (c.isAlive()) {
          c.destroyForcibly();
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      return !p.isAlive();
    } finally {
      if (!p.isAlive()) {
        LIVE.remove(p);
      }
    }
  }
}
