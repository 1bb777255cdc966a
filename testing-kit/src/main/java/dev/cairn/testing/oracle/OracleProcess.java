package dev.cairn.testing.oracle;

import dev.cairn.testing.node.internal.LogTail;
import dev.cairn.testing.node.internal.MiniJson;
import dev.cairn.testing.node.internal.Reaper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A running reference-implementation script (see {@link OracleScript}): one long-lived {@code node}
 * child process spoken to in JSON Lines. Any number of requests can be in flight ({@link #callAll}
 * pipelines a whole batch). Thread-safe. Answers are matched to requests either
 *
 * <ul>
 *   <li>in order (the default): the script answers every request with exactly one line, in request
 *       order; or
 *   <li>by id ({@link OracleScript#correlateById}): the bridge adds a member {@code "id":N} to each
 *       request (a JSON object) and the script echoes it in its answer, which may then come in any
 *       order.
 * </ul>
 *
 * <p>If an answer does not come within the timeout, the call fails with {@link
 * OracleException.Reason#TIMEOUT}. In order mode the process is then stopped and every outstanding
 * request fails too (a late answer could no longer be matched); by id only that request fails and
 * a late answer to it is dropped. A process that ends fails all outstanding requests with {@link
 * OracleException.Reason#EXITED}, quoting its stderr.
 * {@link #close()} ends the script (end of input, then terminate, then kill); so does JVM exit.
 */
public final class OracleProcess implements AutoCloseable {
  private static final long CLOSE_GRACE_MILLIS = 5_000;

  private final String name;
  private final Process process;
  private final BufferedWriter in;
  private final Duration timeout;
  private final LogTail stderr = new LogTail(200);
  private final ConcurrentLinkedQueue<CompletableFuture<String>> pending = new ConcurrentLinkedQueue<>();
  /** Id mode: the member name, the futures by id, the ids given up after a timeout. */
  private final String idField;
  private final ConcurrentHashMap<Long, CompletableFuture<String>> byId = new ConcurrentHashMap<>();
  private final Set<Long> abandoned = ConcurrentHashMap.newKeySet();
  private final AtomicLong nextId = new AtomicLong();
  private final Object writeLock = new Object();
  private final AtomicLong answered = new AtomicLong();
  private final Thread stdoutPump;
  private volatile OracleException broken;

  private OracleProcess(String name, Process process, Duration timeout, String idField) {
    this.name = name;
    this.idField = idField;
    this.process = process;
    this.timeout = timeout;
    this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
    stderr.pump(process.getErrorStream(), "oracle-" + name + "-stderr", null, null);
    this.stdoutPump = new Thread(this::readAnswers, "oracle-" + name + "-stdout");
    stdoutPump.setDaemon(true);
    stdoutPump.start();
  }

  static OracleProcess start(List<String> command, Path directory, String name, Duration timeout, String idField) {
    Process p;
    try {
      p = new ProcessBuilder(command).directory(directory.toFile()).start();
    } catch (IOException e) {
      throw new OracleException(OracleException.Reason.START_FAILED, "cannot start " + command + ": " + e.getMessage(), e);
    }
    Reaper.register(p);
    return new OracleProcess(name, p, timeout, idField);
  }

  private void readAnswers() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (idField != null) {
          if (!answerById(line)) {
            return;
          }
          continue;
        }
        CompletableFuture<String> f = pending.poll();
        if (f == null) {
          fail(new OracleException(OracleException.Reason.PROTOCOL, name + " printed a line nobody asked for: "
              + abbreviate(line) + stderrNote(), null));
          Reaper.stop(process, 0);
          return;
        }
        answered.incrementAndGet();
        f.complete(line);
      }
    } catch (IOException e) {
      // the process ended
    }
    String code = "";
    try {
      if (process.waitFor(2, TimeUnit.SECONDS)) {
        code = " with exit code " + process.exitValue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    fail(new OracleException(OracleException.Reason.EXITED, name + " ended" + code + " after " + answered.get()
        + " answers" + stderrNote(), null));
  }

  /** Id mode: completes the request the answer names; false after a protocol error. */
  private boolean answerById(String line) {
    Object id = null;
    try {
      Object answer = MiniJson.parse(line);
      if (answer instanceof Map) {
        id = ((Map<?, ?>) answer).get(idField);
      }
    } catch (IllegalArgumentException e) {
      fail(new OracleException(OracleException.Reason.PROTOCOL, name + " answered with a line that is not JSON ("
          + e.getMessage() + "): " + abbreviate(line) + stderrNote(), e));
      Reaper.stop(process, 0);
      return false;
    }
    CompletableFuture<String> f = id instanceof Long ? byId.remove(id) : null;
    if (f == null) {
      if (id instanceof Long && abandoned.remove(id)) {
        return true; // a late answer to a request that timed out
      }
      fail(new OracleException(OracleException.Reason.PROTOCOL, name + " answered with " + (id == null ? "no " + idField
          : "an unknown " + idField + " " + id) + ": " + abbreviate(line) + stderrNote(), null));
      Reaper.stop(process, 0);
      return false;
    }
    answered.incrementAndGet();
    f.complete(line);
    return true;
  }

  private String stderrNote() {
    // give the stderr pump a moment to catch up with the process's last words
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String t = stderr.text();
    return t.isEmpty() ? " (nothing on stderr)" : "; stderr:\n" + t;
  }

  private void fail(OracleException e) {
    synchronized (writeLock) {
      if (broken == null) {
        broken = e;
      }
    }
    CompletableFuture<String> f;
    while ((f = pending.poll()) != null) {
      f.completeExceptionally(broken);
    }
    for (Long id : byId.keySet()) {
      f = byId.remove(id);
      if (f != null) {
        f.completeExceptionally(broken);
      }
    }
  }

  /**
   * Sends one request (a single line of JSON) without waiting; the future completes with its answer
   * line, or with an {@link OracleException}. The request is flushed at once.
   */
  public CompletableFuture<String> send(String request) {
    CompletableFuture<String> f = enqueue(request);
    flush();
    return f;
  }

  private CompletableFuture<String> enqueue(String request) {
    checkOneLine(request);
    CompletableFuture<String> f = new CompletableFuture<>();
    synchronized (writeLock) {
      if (broken != null) {
        throw new OracleException(broken.reason(), broken.getMessage(), broken);
      }
      Long id = null;
      if (idField == null) {
        pending.add(f);
      } else {
        id = nextId.incrementAndGet();
        byId.put(id, f);
      }
      try {
        if (id == null) {
          in.write(request);
        } else {
          int brace = request.indexOf('{');
          String rest = request.substring(brace + 1);
          StringBuilder sb = new StringBuilder(request.length() + 24).append('{');
          MiniJson.quote(sb, idField);
          sb.append(':').append(id).append(rest.trim().startsWith("}") ? "" : ",").append(rest);
          in.write(sb.toString());
        }
        in.write('\n');
      } catch (IOException e) {
        pending.remove(f);
        if (id != null) {
          byId.remove(id);
        }
        OracleException ex = new OracleException(OracleException.Reason.EXITED, name + ": cannot write a request ("
            + e.getMessage() + ")" + stderrNote(), e);
        f.completeExceptionally(ex);
        throw ex;
      }
    }
    return f;
  }

  private void flush() {
    synchronized (writeLock) {
      if (broken != null) {
        return;
      }
      try {
        in.flush();
      } catch (IOException e) {
        // the reader reports the end of the process to every pending request
      }
    }
  }

  private void checkOneLine(String request) {
    for (int i = 0; i < request.length(); i++) {
      char c = request.charAt(i);
      if (c == '\n' || c == '\r') {
        throw new OracleException(OracleException.Reason.PROTOCOL,
            "a request must be one line; it has a line break at offset " + i, null);
      }
    }
    if (request.isBlank()) {
      throw new OracleException(OracleException.Reason.PROTOCOL, "a request must not be blank (scripts skip blank lines)", null);
    }
    if (idField != null && !request.stripLeading().startsWith("{")) {
      throw new OracleException(OracleException.Reason.PROTOCOL,
          "with correlation by id a request must be a JSON object: " + abbreviate(request), null);
    }
  }

  /**
   * Sends one request and waits for its answer.
   *
   * @throws OracleException TIMEOUT, EXITED, PROTOCOL or CLOSED
   */
  public String call(String request) {
    return await(send(request), 0, 1);
  }

  /**
   * Sends every request (pipelined: all written before the first answer is awaited) and returns
   * the answers in request order. The timeout applies to each answer in turn.
   *
   * @throws OracleException TIMEOUT, EXITED, PROTOCOL or CLOSED
   */
  public List<String> callAll(List<String> requests) {
    List<CompletableFuture<String>> futures = new ArrayList<>(requests.size());
    for (String r : requests) {
      checkOneLine(r);
    }
    for (String r : requests) {
      futures.add(enqueue(r));
    }
    flush();
    List<String> out = new ArrayList<>(requests.size());
    for (int i = 0; i < futures.size(); i++) {
      out.add(await(futures.get(i), i, futures.size()));
    }
    return out;
  }

  private String await(CompletableFuture<String> f, int index, int of) {
    try {
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      if (idField != null) {
        for (Map.Entry<Long, CompletableFuture<String>> en : byId.entrySet()) {
          if (en.getValue() == f && byId.remove(en.getKey(), f)) {
            abandoned.add(en.getKey());
          }
        }
        OracleException ex = new OracleException(OracleException.Reason.TIMEOUT, name + ": no answer to request "
            + (index + 1) + " of " + of + " within " + timeout.toMillis() + " ms" + stderrNote(), e);
        f.completeExceptionally(ex);
        throw ex;
      }
      OracleException ex = new OracleException(OracleException.Reason.TIMEOUT, name + ": no answer to request "
          + (index + 1) + " of " + of + " within " + timeout.toMillis() + " ms (" + answered.get()
          + " answered so far); the process was stopped" + stderrNote(), e);
      fail(ex);
      Reaper.stop(process, 0);
      throw ex;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof OracleException) {
        OracleException cause = (OracleException) e.getCause();
        // a fresh exception, so that the caller's stack is in it
        throw new OracleException(cause.reason(), cause.getMessage(), cause);
      }
      throw new OracleException(OracleException.Reason.PROTOCOL, name + ": " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OracleException(OracleException.Reason.CLOSED, name + ": interrupted while waiting for an answer", e);
    }
  }

  /** How many answers have been received. */
  public long answered() {
    return answered.get();
  }

  /** Whether the process runs and can take requests (not closed, not failed). */
  public boolean isUsable() {
    return broken == null && process.isAlive();
  }

  /** Whether the process is running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** The operating-system process id. */
  public long pid() {
    return process.pid();
  }

  /** The last lines the script wrote to stderr. */
  public String stderr() {
    return stderr.text();
  }

  /** Ends the script: end of input, then terminate after 5 s, then kill. Outstanding requests fail with CLOSED. Idempotent. */
  @Override
  public void close() {
    synchronized (writeLock) {
      if (broken == null) {
        broken = new OracleException(OracleException.Reason.CLOSED, name + " was closed", null);
      }
      try {
        in.close();
      } catch (IOException e) {
        // already gone
      }
    }
    try {
      process.waitFor(CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Reaper.stop(process, CLOSE_GRACE_MILLIS);
    fail(broken);
  }

  private static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "... (" + s.length() + " characters)";
  }

  @Override
  public String toString() {
    return "OracleProcess[" + name + ", pid " + process.pid() + (process.isAlive() ? "" : ", ended") + "]";
  }
}
