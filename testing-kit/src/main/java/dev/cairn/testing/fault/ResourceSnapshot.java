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
 * process-wide pools that outlive any one client by design (OkHttp's shared {@code TaskRunner},
 * whose threads take the name of the task they run, such as a connection pool's cleanup or a
 * connect attempt, while a client's own dispatcher threads, "OkHttp Dispatcher" or "OkHttp
 * http://..." during a call, are counted; and Okio's
 * watchdog, the common fork-join pool, the JDK's process reaper and {@code HttpURLConnection} keep-alive timer, JUnit's timeout threads and
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
      "OkHttp TaskRunner", "OkHttp ConnectionPool", "Okio Watchdog", "ForkJoinPool.commonPool", "cairn-fault-proxy-", "process reaper",
      "junit-", "Keep-Alive-Timer", "Common-Cleaner", "Attach Listener", "Signal Dispatcher", "Notification Thread"};

  private final Map<String, Integer> threads;
  private final Map<String, String> sampleNames;
  private final int fds;
  private final Map<String, Integer> fdTargets;
  private List<String> ignored = List.of();

  private ResourceSnapshot(Map<String, Integer> threads, Map<String, String> sampleNames, int fds,
      Map<String, Integer> fdTargets) {
    this.threads = threads;
    this.sampleNames = sampleNames;
    this.fds = fds;
    this.fdTargets = fdTargets;
  }

  /** The current threads (by name, shared pools left out) and open file descriptors. */
  public static ResourceSnapshot take() {
    Map<String, Integer> t = new TreeMap<>();
    Map<String, String> names = new TreeMap<>();
    for (Thread th : Thread.getAllStackTraces().keySet()) {
      if (!th.isAlive() || isShared(th.getName())) {
        continue;
      }
      String n = normalize(th.getName());
      t.merge(n, 1, Integer::sum);
      names.put(n, th.getName());
    }
    return new ResourceSnapshot(t, names, fdCount(), fdTargets());
  }

  /** What each open descriptor points at (socket:[inode], a path, pipe:[...]), counted. */
  private static Map<String, Integer> fdTargets() {
    Map<String, Integer> out = new TreeMap<>();
    File dir = new File("/proc/self/fd");
    String[] l = dir.list();
    if (l == null) {
      return out;
    }
    for (String fd : l) {
      String target;
      try {
        target = java.nio.file.Files.readSymbolicLink(new File(dir, fd).toPath()).toString();
      } catch (java.io.IOException | UnsupportedOperationException e) {
        continue; // closed meanwhile (the listing's own descriptor, for one)
      }
      out.merge(target.startsWith("socket:") ? "socket" : target.startsWith("anon_inode:") ? target : target, 1,
          Integer::sum);
    }
    return out;
  }

  private static boolean isShared(String name) {
    if (name.startsWith("OkHttp ") && !name.startsWith("OkHttp Dispatcher") && !name.startsWith("OkHttp http")) {
      // OkHttp's process-wide TaskRunner threads take the name of the task they run or ran last
      // ("OkHttp connect ...", "OkHttp WebSocket ... writer", "OkHttp ConnectionPool ...")
      return true;
    }
    for (String p : SHARED_THREADS) {
      if (name.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Threads are compared by name with every run of digits replaced by {@code #} (a connection
   * replaced by another is not a leak); OkHttp renames its threads after the call they run, so those
   * count under one name.
   */
  private static String normalize(String name) {
    if (name.startsWith("OkHttp http")) {
      return "OkHttp <call>"; // a client's dispatcher thread while it runs a call
    }
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= '0' && c <= '9') {
        if (sb.length() == 0 || sb.charAt(sb.length() - 1) != '#') {
          sb.append('#');
        }
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Open file descriptors of this process, or -1 where {@code /proc/self/fd} does not exist. */
  public static int fdCount() {
    String[] l = new File("/proc/self/fd").list();
    return l == null ? -1 : l.length;
  }

  /**
   * This snapshot, with threads whose names start with one of these prefixes left out of the
   * comparison too: for a test fixture's own pool (not the client under test) that grows and
   * shrinks while the test runs.
   */
  public ResourceSnapshot ignoringThreads(String... namePrefixes) {
    ResourceSnapshot s = new ResourceSnapshot(threads, sampleNames, fds, fdTargets);
    s.ignored = List.of(namePrefixes);
    return s;
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

  private boolean isIgnored(String normalizedName) {
    for (String p : ignored) {
      if (normalizedName.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  private String diff(ResourceSnapshot now, FaultProxy... proxies) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Integer> e : now.threads.entrySet()) {
      if (isIgnored(e.getKey())) {
        continue;
      }
      int before = threads.getOrDefault(e.getKey(), 0);
      if (e.getValue() > before) {
        out.add((e.getValue() - before) + " more thread(s) \"" + e.getKey() + "\" (e.g. \""
            + now.sampleNames.get(e.getKey()) + "\")");
      }
    }
    if (fds >= 0 && now.fds > fds) {
      List<String> more = new ArrayList<>();
      for (Map.Entry<String, Integer> e : now.fdTargets.entrySet()) {
        int b = fdTargets.getOrDefault(e.getKey(), 0);
        if (e.getValue() > b) {
          more.add((e.getValue() - b) + " x " + e.getKey());
        }
      }
      out.add((now.fds - fds) + " more file descriptor(s) (" + fds + " -> " + now.fds + ": " + more + ")");
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
