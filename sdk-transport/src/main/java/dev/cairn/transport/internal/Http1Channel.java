package dev.cairn.transport.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Cairn's own HTTP/1.1 client for plain-HTTP JSON-RPC endpoints close to the caller (a node on
 * the same host or network): up to {@code maxConnections} persistent connections. A request goes
 * to the open connection with the fewest requests in flight; while every open connection is busy
 * and the limit is not reached, another is opened, so the node works on up to {@code
 * maxConnections} requests in parallel and further ones are pipelined behind them (HTTP/1.1
 * pipelining, RFC 9112 section 9.3.2). Requests are written by whichever caller holds the
 * connection's write lock (so that requests queued meanwhile leave in one write) and responses are
 * read in order by one reader thread per connection.
 *
 * <p>Per request it costs one small array copy, no header objects and no interceptor chain; the
 * node reads several requests per system call. The price: a slow call (a wide log query,
 * a trace) delays the calls queued behind it on the same connection, so this channel is for many
 * small calls to a nearby node, not for a remote provider (use OkHttp and HTTP/2 there).
 *
 * <p>Failure handling: requests not yet written when their connection dies are sent again on
 * another connection; requests written but unanswered fail with an {@link IOException} (the caller
 * decides whether to retry: reads yes, transaction submissions no). A response overdue by
 * more than {@link #STUCK_GRACE_NANOS} past its caller's deadline closes its connection.
 * Connections idle longer than the idle timeout are replaced before use, so that a server's
 * keep-alive expiry does not cost a request.
 */
public final class Http1Channel implements HttpChannel {
  /** How long past a request's deadline its connection may stay silent before it is closed. */
  static final long STUCK_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);
  /** How often a reader checks deadlines while no bytes arrive. */
  static final int TICK_MILLIS = 200;
  private static final int MAX_SEND_ATTEMPTS = 3;

  final String host;
  final int port;
  private final byte[] requestPrefix;
  private final String basePath;
  private final String hostHeader;
  private final String headerBlock;
  private final int maxConnections;
  private final int connectTimeoutMillis;
  final long maxResponseBytes;
  private final long idleNanos;
  private final Http1Connection[] slots;
  private final boolean[] connecting;
  private final AtomicInteger connectionIds = new AtomicInteger();
  final ExecutorService callbacks;
  volatile boolean closed;

  /**
   * A channel to {@code http://host:port/path}.
   *
   * @param headerBlock extra header lines, each ending in CRLF, already validated (ASCII, no CR/LF inside)
   */
  public Http1Channel(String host, int port, String pathAndQuery, String headerBlock, int maxConnections,
      int connectTimeoutMillis, long maxResponseBytes, long idleTimeoutNanos) {
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be at least 1");
    }
    this.host = Objects.requireNonNull(host, "host");
    this.port = port;
    String hostHeader = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + (port == 80 ? "" : ":" + port);
    this.basePath = pathAndQuery;
    this.hostHeader = hostHeader;
    this.headerBlock = headerBlock;
    String prefix = "POST " + pathAndQuery + " HTTP/1.1\r\nHost: " + hostHeader
        + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n" + headerBlock + "Content-Length: ";
    this.requestPrefix = prefix.getBytes(StandardCharsets.ISO_8859_1);
    this.maxConnections = maxConnections;
    this.connectTimeoutMillis = connectTimeoutMillis;
    // bodies are held in one array: the limit cannot exceed what an array holds
    this.maxResponseBytes = Math.min(maxResponseBytes, Integer.MAX_VALUE - 16);
    this.idleNanos = idleTimeoutNanos;
    this.slots = new Http1Connection[maxConnections];
    this.connecting = new boolean[maxConnections];
    ThreadPoolExecutor pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), r -> {
          Thread t = new Thread(r, "cairn-http1-callback");
          t.setDaemon(true);
          return t;
        });
    this.callbacks = pool;
  }

  /** The request bytes: the fixed head, the length, a blank line and the body. */
  byte[] encode(byte[] body) {
    return encode(requestPrefix, body);
  }

  /**
   * The bytes of a request to {@code target} below the base path ({@code GET} without a body, or
   * {@code POST} with a JSON one). The target must be ASCII without spaces or CR/LF (callers
   * validate it).
   */
  byte[] encode(String method, String target, byte[] body) {
    String path = basePath.endsWith("/") && target.startsWith("/") ? basePath + target.substring(1)
        : basePath.equals("/") ? target : basePath + target;
    StringBuilder h = new StringBuilder(128 + headerBlock.length());
    h.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(hostHeader)
        .append("\r\nAccept: application/json\r\n").append(headerBlock);
    if (body == null) {
      h.append("\r\n");
      return h.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
    h.append("Content-Type: application/json\r\nContent-Length: ");
    return encode(h.toString().getBytes(StandardCharsets.ISO_8859_1), body);
  }

  private static byte[] encode(byte[] requestPrefix, byte[] body) {
    int len = body.length;
    int digits = 1;
    for (int v = len; v >= 10; v /= 10) {
      digits++;
    }
    byte[] out = new byte[requestPrefix.length + digits + 4 + len];
    System.arraycopy(requestPrefix, 0, out, 0, requestPrefix.length);
    int p = requestPrefix.length + digits;
    for (int v = len, i = p - 1; i >= requestPrefix.length; i--, v /= 10) {
      out[i] = (byte) ('0' + v % 10);
    }
    out[p] = '\r';
    out[p + 1] = '\n';
    out[p + 2] = '\r';
    out[p + 3] = '\n';
    System.arraycopy(body, 0, out, p + 4, len);
    return out;
  }

  @Override
  public HttpReply post(byte[] body, long timeoutNanos, boolean idempotent) throws IOException {
    return send(encode(body), timeoutNanos);
  }

  @Override
  public void postAsync(byte[] body, long timeoutNanos, boolean idempotent, Callback callback) {
    Pending p = new Pending(encode(body), System.nanoTime() + timeoutNanos, null, callback);
    submit(p, false);
  }

  @Override
  public HttpReply request(String method, String target, byte[] body, long timeoutNanos, boolean idempotent)
      throws IOException {
    return send(encode(method, target, body), timeoutNanos);
  }

  @Override
  public void requestAsync(String method, String target, byte[] body, long timeoutNanos, boolean idempotent,
      Callback callback) {
    Pending p = new Pending(encode(method, target, body), System.nanoTime() + timeoutNanos, null, callback);
    submit(p, false);
  }

  // requests are sent once on this channel (only unwritten ones move to another connection), so
  // the idempotent flag needs no handling here: the transport above decides about retries
  private HttpReply send(byte[] request, long timeoutNanos) throws IOException {
    if (Thread.currentThread().isInterrupted()) {
      // never send on behalf of an interrupted caller: it would not wait for the answer
      throw new InterruptedIOException("interrupted before sending");
    }
    Pending p = new Pending(request, System.nanoTime() + timeoutNanos, Thread.currentThread(), null);
    submit(p, true);
    return p.await();
  }

  /** Puts {@code p} on a connection; opening one happens on this thread only if {@code mayBlock}. */
  void submit(Pending p, boolean mayBlock) {
    for (;;) {
      if (closed) {
        p.complete(new ChannelClosedException("the client is closed"), this);
        return;
      }
      if (p.isDone()) {
        return;
      }
      Http1Connection c = pickOpen();
      if (c == null) {
        if (!mayBlock) {
          resubmitLater(p);
          return;
        }
        try {
          c = open(p.deadline);
        } catch (IOException e) {
          p.complete(e, this);
          return;
        }
      }
      if (c.enqueue(p)) {
        return;
      }
      if (++p.attempts >= MAX_SEND_ATTEMPTS) {
        p.complete(new NotSentException("connections to " + host + ":" + port + " kept closing before the request was sent",
            null),
            this);
        return;
      }
    }
  }

  /** Sends {@code p} again, from a callback thread (it was not written on its connection). */
  void resubmitLater(Pending p) {
    try {
      callbacks.execute(() -> submit(p, true));
    } catch (RuntimeException rejected) {
      p.complete(new ChannelClosedException("the client is closed"), this);
    }
  }

  /** Called by a connection for a request it could not write: try another, a bounded number of times. */
  void unsent(Pending p) {
    if (++p.attempts >= MAX_SEND_ATTEMPTS) {
      p.complete(new NotSentException("connections to " + host + ":" + port + " kept closing before the request was sent",
            null),
          this);
    } else {
      resubmitLater(p);
    }
  }

  /**
   * The usable connection with the fewest requests in flight, unless all are busy and a slot is
   * free (then null: open one). Idle connections past the idle timeout are retired.
   */
  private Http1Connection pickOpen() {
    Http1Connection best = null;
    int bestLoad = Integer.MAX_VALUE;
    boolean freeSlot = false;
    long now = System.nanoTime();
    for (int i = 0; i < slots.length; i++) {
      Http1Connection c = slots[i];
      if (c == null || c.broken) {
        freeSlot = true;
        continue;
      }
      int load = c.load.get();
      if (load == 0 && now - c.lastActivity > idleNanos && c.retireIfIdle("idle for longer than the idle timeout")) {
        freeSlot = true;
        continue;
      }
      if (load < 0) {
        continue;
      }
      if (load < bestLoad) {
        best = c;
        bestLoad = load;
      }
    }
    if (best != null && (bestLoad == 0 || !freeSlot)) {
      return best;
    }
    return null;
  }

  /**
   * Opens a connection in a free slot, connecting outside the lock (others keep using the open
   * connections meanwhile); if every slot is taken, the least-loaded open connection; if all are
   * still connecting, waits for one.
   */
  private Http1Connection open(long deadline) throws IOException {
    int slot = -1;
    synchronized (slots) {
      for (;;) {
        if (closed) {
          throw new ChannelClosedException("the client is closed");
        }
        Http1Connection best = null;
        for (int i = 0; i < slots.length; i++) {
          Http1Connection c = slots[i];
          boolean usable = c != null && !c.broken && c.load.get() >= 0;
          if (!usable && !connecting[i]) {
            slot = i;
            break;
          }
          if (usable && (best == null || c.load.get() < best.load.get())) {
            best = c;
          }
        }
        if (slot >= 0) {
          connecting[slot] = true;
          break;
        }
        if (best != null) {
          return best;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new SocketTimeoutException("timed out waiting for a connection to " + host + ":" + port);
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(slots, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while waiting for a connection");
        }
      }
    }
    Socket s = new Socket();
    Http1Connection c = null;
    try {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new SocketTimeoutException("timed out before connecting to " + host + ":" + port);
      }
      int ms = (int) Math.max(1, Math.min(connectTimeoutMillis, TimeUnit.NANOSECONDS.toMillis(left)));
      s.setTcpNoDelay(true);
      s.setKeepAlive(true);
      try {
        s.connect(new InetSocketAddress(host, port), ms);
      } catch (SocketTimeoutException e) {
        throw e;
      } catch (IOException e) {
        throw new NotSentException("failed to connect to " + host + ":" + port
            + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
      }
      s.setSoTimeout(TICK_MILLIS);
      c = new Http1Connection(this, s, connectionIds.incrementAndGet());
    } finally {
      synchronized (slots) {
        connecting[slot] = false;
        if (c != null && !closed) {
          slots[slot] = c;
          c.start();
        }
        slots.notifyAll();
      }
      if (c == null || closed) {
        try {
          s.close();
        } catch (IOException ignored) {
          // nothing more to release
        }
      }
    }
    if (closed) {
      throw new ChannelClosedException("the client is closed");
    }
    return c;
  }

  @Override
  public void close() {
    closed = true;
    synchronized (slots) {
      for (Http1Connection c : slots) {
        if (c != null) {
          c.retire("the client is closed");
        }
      }
      slots.notifyAll();
    }
    callbacks.shutdown();
  }

  /** One request: its bytes, its deadline, and whoever waits for it. Completed exactly once. */
  static final class Pending {
    final byte[] request;
    final long deadline;
    private final Thread waiter;
    private final Callback callback;
    int attempts;
    private volatile Object outcome;

    Pending(byte[] request, long deadline, Thread waiter, Callback callback) {
      this.request = request;
      this.deadline = deadline;
      this.waiter = waiter;
      this.callback = callback;
    }

    boolean isDone() {
      return outcome != null;
    }

    /** Sets the outcome (an {@link HttpReply} or an {@link IOException}) if none is set yet. */
    boolean complete(Object o, Http1Channel ch) {
      if (!settle(o)) {
        return false;
      }
      signal(ch);
      return true;
    }

    /** Sets the outcome without waking anyone yet; true if it was not set before. */
    boolean settle(Object o) {
      synchronized (this) {
        if (outcome != null) {
          return false;
        }
        outcome = o;
        return true;
      }
    }

    /** Wakes the waiter, or hands the callback to the pool; once per settled outcome. */
    void signal(Http1Channel ch) {
      if (waiter != null) {
        LockSupport.unpark(waiter);
      } else {
        try {
          ch.callbacks.execute(this::deliver);
        } catch (Throwable rejected) {
          // closed, or no thread to be had: deliver here rather than never
          deliver();
        }
      }
    }

    private void deliver() {
      Object o = outcome;
      if (o instanceof HttpReply) {
        callback.done((HttpReply) o, null);
      } else {
        callback.done(null, (IOException) o);
      }
    }

    HttpReply await() throws IOException {
      Object o;
      while ((o = outcome) == null) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          synchronized (this) {
            if (outcome == null) {
              outcome = new SocketTimeoutException("no response within the call's timeout");
            }
          }
          continue;
        }
        LockSupport.parkNanos(this, left);
        if (Thread.interrupted()) {
          synchronized (this) {
            if (outcome == null) {
              outcome = new InterruptedIOException("interrupted while waiting for the response");
            }
          }
          Thread.currentThread().interrupt();
        }
      }
      if (o instanceof HttpReply) {
        return (HttpReply) o;
      }
      IOException e = (IOException) o;
      if (e instanceof ChannelClosedException) {
        throw new ChannelClosedException(e.getMessage());
      }
      if (e instanceof NotSentException || e instanceof java.net.ConnectException
          || e instanceof java.net.UnknownHostException || e instanceof java.net.NoRouteToHostException) {
        throw new NotSentException(e.getMessage(), e);
      }
      if (e instanceof InterruptedIOException) {
        InterruptedIOException copy = new InterruptedIOException(e.getMessage());
        copy.initCause(e);
        throw copy;
      }
      throw new IOException(e.getMessage(), e);
    }

    /** Fails a request whose deadline has passed (its response, if it comes, is discarded). */
    void expire(Http1Channel ch) {
      complete(new SocketTimeoutException("no response within the call's timeout"), ch);
    }
  }
}
