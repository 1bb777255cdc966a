package dev.cairn.transport.internal;

import dev.cairn.transport.internal.Http1Channel.Pending;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One persistent HTTP/1.1 connection of an {@link Http1Channel}: callers queue requests and the
 * one holding the write lock writes everything queued (in order, recorded in the in-flight queue
 * before the bytes leave); the reader thread parses responses in order and completes the requests.
 */
final class Http1Connection {
  /** The most header bytes accepted in one response. */
  static final int MAX_HEADER_BYTES = 64 * 1024;
  private static final int WRITE_CHUNK = 64 * 1024;
  /** How far past the limit an oversized body is read and dropped before the connection is closed instead. */
  static final long DRAIN_ALLOWANCE = 16L * 1024 * 1024;

  private final Http1Channel channel;
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final int id;
  private final ConcurrentLinkedQueue<Pending> toWrite = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Pending> inFlight = new ConcurrentLinkedQueue<>();
  final AtomicInteger load = new AtomicInteger();
  private final ReentrantLock writeLock = new ReentrantLock();
  private byte[] wbuf = new byte[4096];
  volatile boolean broken;
  volatile long lastActivity = System.nanoTime();

  // reader state (reader thread only)
  private final byte[] rbuf = new byte[MAX_HEADER_BYTES + 4096];
  private int pos;
  private int lim;
  private long nextTick;
  /** Callers whose responses are parsed but who are not woken yet: woken before the reader blocks. */
  private final java.util.ArrayList<Pending> toWake = new java.util.ArrayList<>();

  Http1Connection(Http1Channel channel, Socket socket, int id) throws IOException {
    this.channel = channel;
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.id = id;
  }

  void start() {
    Thread t = new Thread(this::readLoop, "cairn-http1-reader-" + channel.host + ":" + channel.port + "#" + id);
    t.setDaemon(true);
    t.start();
  }

  /**
   * Runs the reader on the calling thread until the connection ends, instead of {@link #start()}:
   * for the parser's fuzz target, whose in-memory socket ends in EOF, so that an input costs no
   * thread. A runtime exception in the reader fails the pending calls, then propagates.
   */
  void runReaderHere() {
    readLoop();
  }

  // ------------------------------------------------------------------ writing

  /** Queues {@code p} and writes the queue if no other caller is writing; false if the connection is gone. */
  boolean enqueue(Pending p) {
    for (;;) {
      int l = load.get();
      if (l < 0 || broken) {
        return false; // retired while idle, or gone
      }
      if (load.compareAndSet(l, l + 1)) {
        break;
      }
    }
    toWrite.add(p);
    drain();
    return true;
  }

  private void drain() {
    // Whoever holds the lock writes everything queued; after unlocking it looks again, so a request
    // queued while the lock was held (by a caller whose tryLock failed) is never left behind.
    while (!toWrite.isEmpty() && writeLock.tryLock()) {
      try {
        writeQueued();
      } finally {
        writeLock.unlock();
      }
    }
  }

  private void writeQueued() {
    Pending first = null;
    int n = 0;
    Pending q;
    try {
      while ((q = toWrite.poll()) != null) {
        if (q.isDone()) {
          load.decrementAndGet(); // timed out or interrupted before it left: not worth sending
          continue;
        }
        synchronized (this) {
          if (broken) {
            load.decrementAndGet();
            channel.unsent(q);
            continue;
          }
          inFlight.add(q);
        }
        if (first == null) {
          first = q;
          continue;
        }
        if (n == 0) {
          n = append(0, first.request);
        }
        n = append(n, q.request);
        if (n >= WRITE_CHUNK) {
          out.write(wbuf, 0, n);
          n = 0;
          first = null;
        }
      }
      if (n > 0) {
        out.write(wbuf, 0, n);
      } else if (first != null) {
        out.write(first.request);
      }
      lastActivity = System.nanoTime();
    } catch (IOException e) {
      fail(e, false);
    }
  }

  private int append(int n, byte[] b) {
    if (n + b.length > wbuf.length) {
      byte[] bigger = new byte[Math.max(wbuf.length * 2, n + b.length)];
      System.arraycopy(wbuf, 0, bigger, 0, n);
      wbuf = bigger;
    }
    System.arraycopy(b, 0, wbuf, n, b.length);
    return n + b.length;
  }

  // ------------------------------------------------------------------ failing

  /** Closes the connection (no new requests); queued ones go elsewhere, in-flight ones fail. */
  void retire(String why) {
    fail(new IOException(why), false);
  }

  /** Retires the connection if nothing is queued or in flight on it (atomically with enqueue). */
  boolean retireIfIdle(String why) {
    if (load.compareAndSet(0, -1)) {
      retire(why);
      return true;
    }
    return false;
  }

  /**
   * Marks the connection broken and closes it. Requests in flight fail, unless {@code resendInFlight}
   * (the server announced the close, so it did not process them: RFC 9112 section 9.6); requests not
   * yet written always go to another connection. The in-flight queue is emptied under the same lock
   * the reader takes to claim a response, so a response is never paired with the wrong request.
   */
  private void fail(IOException cause, boolean resendInFlight) {
    java.util.ArrayList<Pending> victims = new java.util.ArrayList<>();
    synchronized (this) {
      if (broken) {
        return;
      }
      broken = true;
      Pending q;
      while ((q = inFlight.poll()) != null) {
        victims.add(q);
      }
    }
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing is best effort
    }
    IOException lost = new IOException("connection to " + channel.host + ":" + channel.port + " lost before the response: "
        + describe(cause), cause);
    for (Pending q : victims) {
      load.decrementAndGet();
      if (resendInFlight) {
        channel.unsent(q);
      } else {
        q.complete(lost, channel);
      }
    }
    Pending q;
    // requests still queued were never written: another connection takes them
    while ((q = toWrite.poll()) != null) {
      load.decrementAndGet();
      channel.unsent(q);
    }
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  // ------------------------------------------------------------------ reading

  private void readLoop() {
    try {
      for (;;) {
        readResponse();
      }
    } catch (IOException e) {
      fail(e, false);
    } catch (RuntimeException | Error e) {
      fail(new IOException("reader failed: " + e, e), false);
      throw e;
    } finally {
      wakeAll();
    }
  }

  /**
   * Wakes the callers whose responses were parsed since the reader last blocked. Waking them in a
   * burst, after the buffered responses are parsed, keeps a woken caller from preempting the
   * reader between two responses that were already in the buffer.
   */
  private void wakeAll() {
    for (int i = 0; i < toWake.size(); i++) {
      toWake.get(i).signal(channel);
    }
    toWake.clear();
  }

  /** Fills the buffer with at least one more byte, checking deadlines while waiting. */
  private void fill() throws IOException {
    if (pos == lim) {
      pos = 0;
      lim = 0;
    } else if (lim == rbuf.length) {
      System.arraycopy(rbuf, pos, rbuf, 0, lim - pos);
      lim -= pos;
      pos = 0;
    }
    wakeAll();
    for (;;) {
      long now = System.nanoTime();
      if (now - nextTick >= 0) {
        tick(now);
      }
      int n;
      try {
        n = in.read(rbuf, lim, rbuf.length - lim);
      } catch (SocketTimeoutException e) {
        continue;
      }
      if (n < 0) {
        throw new EOFException("the server closed the connection");
      }
      lim += n;
      return;
    }
  }

  /** Expires overdue requests; closes the connection if the oldest is overdue by the grace period. */
  private void tick(long now) throws IOException {
    nextTick = now + Http1Channel.TICK_MILLIS * 1_000_000L;
    if (broken || channel.closed) {
      throw new IOException("connection closed");
    }
    Pending head = inFlight.peek();
    if (head == null) {
      return;
    }
    for (Pending p : inFlight) {
      if (now - p.deadline > 0) {
        p.expire(channel);
      }
    }
    if (now - head.deadline > Http1Channel.STUCK_GRACE_NANOS) {
      throw new SocketTimeoutException("no response within the call's timeout; connection closed");
    }
  }

  private void readResponse() throws IOException {
    int code;
    long contentLength;
    boolean chunked;
    boolean close;
    String retryAfter;
    for (;;) {
      // status line
      int end = lineEnd(0);
      int start = pos;
      pos = end + 2;
      Pending head = inFlight.peek();
      if (head == null) {
        throw new ProtocolException("response from the server without a request");
      }
      if (end - start < 12 || !startsWith(start, "HTTP/1.") || rbuf[start + 8] != ' ') {
        throw new ProtocolException("malformed HTTP status line");
      }
      boolean http10 = rbuf[start + 7] == '0';
      code = digit(start + 9) * 100 + digit(start + 10) * 10 + digit(start + 11);
      if (code < 100 || (end - start > 12 && rbuf[start + 12] != ' ')) {
        throw new ProtocolException("malformed HTTP status code");
      }
      // headers
      contentLength = -1;
      chunked = false;
      close = http10;
      boolean keepAlive10 = false;
      retryAfter = null;
      int headerBytes = end - start;
      for (;;) {
        end = lineEnd(headerBytes);
        start = pos;
        pos = end + 2;
        headerBytes += end - start + 2;
        if (end == start) {
          break;
        }
        int colon = start;
        while (colon < end && rbuf[colon] != ':') {
          colon++;
        }
        if (colon == end || colon == start) {
          throw new ProtocolException("malformed HTTP header line");
        }
        int vs = colon + 1;
        int ve = end;
        while (vs < ve && (rbuf[vs] == ' ' || rbuf[vs] == '\t')) {
          vs++;
        }
        while (ve > vs && (rbuf[ve - 1] == ' ' || rbuf[ve - 1] == '\t')) {
          ve--;
        }
        if (nameIs(start, colon, "content-length")) {
          long v = parseDecimal(vs, ve);
          if (contentLength >= 0 && v != contentLength) {
            throw new ProtocolException("conflicting Content-Length headers");
          }
          contentLength = v;
        } else if (nameIs(start, colon, "transfer-encoding")) {
          if (!valueIs(vs, ve, "chunked")) {
            throw new ProtocolException("unsupported Transfer-Encoding");
          }
          chunked = true;
        } else if (nameIs(start, colon, "connection")) {
          if (valueContains(vs, ve, "close")) {
            close = true;
          } else if (valueContains(vs, ve, "keep-alive")) {
            keepAlive10 = true;
          }
        } else if (nameIs(start, colon, "retry-after")) {
          retryAfter = new String(rbuf, vs, ve - vs, StandardCharsets.ISO_8859_1);
        } else if (nameIs(start, colon, "content-encoding")) {
          if (!valueIs(vs, ve, "identity")) {
            throw new ProtocolException("unrequested Content-Encoding");
          }
        }
      }
      if (http10 && keepAlive10) {
        close = false;
      }
      if (code >= 200) {
        break;
      }
      if (code == 101) {
        throw new ProtocolException("unexpected protocol switch");
      }
      // 1xx informational: the final response follows
    }
    long max = channel.maxResponseBytes;
    Body body = new Body(max);
    if (code == 204 || code == 304) {
      // no body
    } else if (chunked) {
      readChunked(body);
    } else if (contentLength >= 0) {
      if (contentLength - max > DRAIN_ALLOWANCE) {
        // far too large to be worth draining: answer the caller, then give the connection up
        // (the connection is marked broken first, so that the woken caller's next request goes elsewhere)
        Pending p = claim();
        ProtocolException e = new ProtocolException("a response body of " + contentLength + " bytes is over the limit");
        fail(e, false);
        p.complete(Body.tooLarge(code, retryAfter, contentLength), channel);
        throw e;
      }
      body.expect(contentLength);
      readFixed(body, contentLength);
    } else {
      close = true;
      readToEnd(body);
    }
    Pending p = claim();
    lastActivity = System.nanoTime();
    if (close) {
      // the requests pipelined behind this one were not processed: send them elsewhere (and mark the
      // connection broken before waking the caller, whose next request must go elsewhere too)
      EOFException e = new EOFException("the server closed the connection after a response");
      fail(e, true);
      p.complete(body.reply(code, retryAfter), channel);
      throw e;
    }
    if (p.settle(body.reply(code, retryAfter))) {
      toWake.add(p);
    }
  }

  /** Takes the request a complete response answers; under the lock {@link #fail} empties the queue with. */
  private Pending claim() throws IOException {
    Pending p;
    synchronized (this) {
      if (broken) {
        throw new IOException("connection closed");
      }
      p = inFlight.poll();
    }
    if (p == null) {
      throw new ProtocolException("response from the server without a request");
    }
    load.decrementAndGet();
    return p;
  }

  /** The end (index of CR) of the next line starting at {@link #pos}, reading more as needed. */
  private int lineEnd(int headerBytesSoFar) throws IOException {
    int scan = pos;
    for (;;) {
      for (int i = scan; i + 1 < lim; i++) {
        if (rbuf[i] == '\r' && rbuf[i + 1] == '\n') {
          if (headerBytesSoFar + (i - pos) > MAX_HEADER_BYTES) {
            throw new ProtocolException("response header section exceeds " + MAX_HEADER_BYTES + " bytes");
          }
          return i;
        }
      }
      if (headerBytesSoFar + (lim - pos) > MAX_HEADER_BYTES || lim - pos >= rbuf.length) {
        throw new ProtocolException("response header section exceeds " + MAX_HEADER_BYTES + " bytes");
      }
      int scanned = Math.max(0, lim - 1 - pos);
      fill();
      scan = pos + scanned;
    }
  }

  private void readFixed(Body body, long n) throws IOException {
    while (n > 0) {
      if (pos == lim) {
        if (body.direct() && n >= 4096) {
          // large bodies go straight into the destination, bypassing the buffer
          int r = body.readFrom(this, n);
          n -= r;
          continue;
        }
        fill();
      }
      int take = (int) Math.min(n, lim - pos);
      body.add(rbuf, pos, take);
      pos += take;
      n -= take;
    }
  }

  int readDirect(byte[] dst, int off, int len) throws IOException {
    wakeAll();
    for (;;) {
      long now = System.nanoTime();
      if (now - nextTick >= 0) {
        tick(now);
      }
      int r;
      try {
        r = in.read(dst, off, len);
      } catch (SocketTimeoutException e) {
        continue;
      }
      if (r < 0) {
        throw new EOFException("the server closed the connection in a response body");
      }
      return r;
    }
  }

  private void readChunked(Body body) throws IOException {
    for (;;) {
      int end = lineEnd(0);
      long size = 0;
      int i = pos;
      int digits = 0;
      for (; i < end; i++) {
        int d = Character.digit(rbuf[i], 16);
        if (d < 0) {
          break;
        }
        if (++digits > 15) {
          throw new ProtocolException("chunk size too large");
        }
        size = size * 16 + d;
      }
      if (digits == 0 || (i < end && rbuf[i] != ';' && rbuf[i] != ' ' && rbuf[i] != '\t')) {
        throw new ProtocolException("malformed chunk size");
      }
      pos = end + 2;
      if (size == 0) {
        // trailer section, ended by an empty line
        int trailerBytes = 0;
        for (;;) {
          int e = lineEnd(trailerBytes);
          trailerBytes += e - pos + 2;
          boolean empty = e == pos;
          pos = e + 2;
          if (empty) {
            return;
          }
        }
      }
      readFixed(body, size);
      int e = lineEnd(0);
      if (e != pos) {
        throw new ProtocolException("missing CRLF after a chunk");
      }
      pos = e + 2;
    }
  }

  private void readToEnd(Body body) throws IOException {
    for (;;) {
      if (pos == lim) {
        try {
          fill();
        } catch (EOFException end) {
          return;
        }
      }
      body.add(rbuf, pos, lim - pos);
      pos = lim;
    }
  }

  private int digit(int i) throws ProtocolException {
    byte b = rbuf[i];
    if (b < '0' || b > '9') {
      throw new ProtocolException("malformed HTTP status code");
    }
    return b - '0';
  }

  private boolean startsWith(int at, String s) {
    for (int i = 0; i < s.length(); i++) {
      if (rbuf[at + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private boolean nameIs(int from, int to, String lowerName) {
    if (to - from != lowerName.length()) {
      return false;
    }
    for (int i = 0; i < lowerName.length(); i++) {
      int c = rbuf[from + i];
      if (c >= 'A' && c <= 'Z') {
        c += 32;
      }
      if (c != lowerName.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private boolean valueIs(int from, int to, String lower) {
    return nameIs(from, to, lower);
  }

  private boolean valueContains(int from, int to, String lower) {
    // comma-separated tokens, compared case-insensitively
    int i = from;
    while (i < to) {
      int j = i;
      while (j < to && rbuf[j] != ',') {
        j++;
      }
      int s = i;
      int e = j;
      while (s < e && (rbuf[s] == ' ' || rbuf[s] == '\t')) {
        s++;
      }
      while (e > s && (rbuf[e - 1] == ' ' || rbuf[e - 1] == '\t')) {
        e--;
      }
      if (nameIs(s, e, lower)) {
        return true;
      }
      i = j + 1;
    }
    return false;
  }

  private long parseDecimal(int from, int to) throws ProtocolException {
    if (from == to || to - from > 18) {
      throw new ProtocolException("malformed Content-Length");
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      byte b = rbuf[i];
      if (b < '0' || b > '9') {
        throw new ProtocolException("malformed Content-Length");
      }
      v = v * 10 + (b - '0');
    }
    return v;
  }

  /** A response body being read: kept up to the limit, counted (and dropped) beyond it. */
  private static final class Body {
    private final long max;
    private byte[] data;
    private int size;
    private long seen;
    private boolean discard;

    Body(long max) {
      this.max = max;
    }

    /**
     * The length is known: nothing is kept if it is over the limit; otherwise the buffer starts at
     * up to 64 KiB and grows with the bytes that actually arrive (a declared length is only a claim).
     */
    void expect(long n) {
      if (n > max) {
        discard = true;
      } else if (data == null) {
        data = new byte[(int) Math.min(n, 64 * 1024)];
        expected = n;
      }
    }

    private long expected;

    boolean direct() {
      return data != null && !discard && seen == size;
    }

    int readFrom(Http1Connection c, long n) throws IOException {
      if (data.length - size < 4096) {
        long want = Math.min(Math.max((long) data.length * 2, size + 4096L), Math.max(expected, size + 4096L));
        data = java.util.Arrays.copyOf(data, (int) Math.min(want, max));
      }
      int r = c.readDirect(data, size, (int) Math.min(n, data.length - size));
      size += r;
      seen += r;
      return r;
    }

    static HttpReply tooLarge(int code, String retryAfter, long length) {
      return new HttpReply(code, retryAfter) {
        @Override
        public long contentLength() {
          return length;
        }

        @Override
        public byte[] bodyBytes() {
          return new byte[0];
        }

        @Override
        public InputStream bodyStream() {
          return new java.io.ByteArrayInputStream(new byte[0]);
        }

        @Override
        public byte[] peek(int n) {
          return new byte[0];
        }
      };
    }

    void add(byte[] b, int off, int len) throws ProtocolException {
      seen += len;
      if (discard || seen > max) {
        if (seen - max > DRAIN_ALLOWANCE) {
          throw new ProtocolException("a response body over the limit by more than " + DRAIN_ALLOWANCE + " bytes");
        }
        return;
      }
      if (data == null) {
        data = new byte[Math.max(256, len)];
      } else if (size + len > data.length) {
        long want = Math.min(max, Math.max((long) data.length * 2, (long) size + len));
        byte[] bigger = new byte[(int) want];
        System.arraycopy(data, 0, bigger, 0, size);
        data = bigger;
      }
      System.arraycopy(b, off, data, size, len);
      size += len;
    }

    HttpReply reply(int code, String retryAfter) {
      if (discard || seen > max) {
        return tooLarge(code, retryAfter, seen);
      }
      byte[] b = data == null ? new byte[0] : size == data.length ? data : java.util.Arrays.copyOf(data, size);
      return HttpReply.inMemory(code, retryAfter, b);
    }
  }
}
