package dev.cairn.testing.fault;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Threads and file descriptors of this JVM at one moment, to check that a client under test gives
 * back what it took: take one before, close the client, then {@link #awaitSame}. Threads of
 * process-wide pools that outlive any one client by design (OkHttp's shared {@code TaskRunner} and
 * Okio's watchdog, the common fork-join pool, the JDK's process reaper, JUnit's timeout threads and
 * the {@link FaultProxy}'s own threads) are not counted. File descriptors are read from {@code
 * /proc/self/fd} (Linux; elsewhere they are not compared).
 *
 * <pre>{@code
 * ResourceSnapshot before = ResourceSnapshot.take();
 * try (EvmRpcClient rpc = EvmRpcClient.create(proxy.url())) { ... }
 * before.awaitSame(Duration.ofSeconds(5), proxy); // throws AssertionError naming what is left
 * }</pre>
 */
public final class ResourceSnapshot {
  private static final String[] SHARED_THREADS = {
      "OkHttp TaskRunner", "Okio Watchdog", "ForkJoinPool.commonPool", "cairn-fault-proxy-", "process reaper",
      "junit-", "Common-Cleaner", "Attach Listener", "Signal Dispatcher", "Notification Thread"};

  private final Map<String, Integer> threads;
  private final int fds;

  private ResourceSnapshot(Map<String, Integer> threads, int fds) {
    this.threads = threads;
    this.fds = fds;
  }

  /** The current threads (by name, shared pools left out) and open file descriptors. */
  public static ResourceSnapshot take() {
    Map<String, Integer> t = new TreeMap<>();
    for (Thread th : Thread.getAllStackTraces().keySet()) {
      if (!th.isAlive() || isShared(th.getName())) {
        continue;
      }
      t.merge(normalize(th.getName()), 1, Integer::sum);
    }
    return new ResourceSnapshot(t, fdCount());
  }

  private static boolean isShared(String name) {
    for (String p : SHARED_THREADS) {
      if (name.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /** OkHttp renames its threads after the call they run; counted under one name. */
  private static String normalize(String name) {
    return name.startsWith("OkHttp ") && !name.startsWith("OkHttp Dispatcher") ? "OkHttp <call>" : name;
  }

  /** Open file descriptors of this process, or -1 where {@code /proc/self/fd} does not exist. */
  public static int fdCount() {
    String[] l = new File("/proc/self/fd").list();
    return l == null ? -1 : l.length;
  }

  /** Counted threads. */
  public int threadCount() {
    int n = 0;
    for (int c : threads.values()) {
      n += c;
    }
    return n;
  }

  /** Open file descriptors, -1 if unknown. */
  public int fds() {
    return fds;
  }

  /**
   * Waits up to {@code settle} until no thread and no file descriptor more than in this snapshot
   * remain and every given proxy has no open socket; throws an {@link AssertionError} naming the
   * extra threads, descriptors and sockets otherwise.
   */
  public void awaitSame(Duration settle, FaultProxy... proxies) {
    long end = System.nanoTime() + settle.toNanos();
    while (true) {
      ResourceSnapshot now = take();
      String diff = diff(now, proxies);
      if (diff.isEmpty()) {
        return;
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("resources not given back within " + settle.toMillis() + " ms: " + diff);
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for resources: " + diff);
      }
    }
  }

  private String diff(ResourceSnapshot now, FaultProxy... proxies) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Integer> e : now.threads.entrySet()) {
      int before = threads.getOrDefault(e.getKey(), 0);
      if (e.getValue() > before) {
        out.add((e.getValue() - before) + " more thread(s) \"" + e.getKey() + "\"");
      }
    }
    if (fds >= 0 && now.fds > fds) {
      out.add((now.fds - fds) + " more file descriptor(s) (" + fds + " -> " + now.fds + ")");
    }
    for (FaultProxy p : proxies) {
      if (p.openDownstream() > 0 || p.openUpstream() > 0) {
        out.add(p + " has " + p.openDownstream() + " client-side and " + p.openUpstream() + " node-side socket(s) open");
      }
    }
    return String.join("; ", out);
  }

  @Override
  public String toString() {
    return "ResourceSnapshot[" + threadCount() + " threads, " + fds + " fds]";
  }
}
