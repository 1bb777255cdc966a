package dev.cairn.transport.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;

/**
 * The pipelined channel's HTTP/1.1 response parser (Http1Connection's reader) on bytes from a
 * server, fed through an in-memory socket that hands them over in fuzzed read sizes. Every
 * request ends in a reply or an IOException (never a runtime exception inside the reader, never a
 * hang); well-formed pipelined responses come back exactly, whatever the read boundaries. The
 * reader runs on the fuzzing thread ({@code Http1Connection.runReaderHere}); the threaded hand-off
 * is covered by the channel's own tests.
 * Lives in the internal package: the parser is package-private.
 */
class Http1ResponseFuzzTest {
  private static final long MAX_BODY = 64 * 1024;
  // never connects: every request here is put on a connection by hand
  private static final Http1Channel CHANNEL =
      new Http1Channel("fuzz.invalid", 80, "/", "", 1, 1_000, MAX_BODY, TimeUnit.MINUTES.toNanos(10));

  @AfterAll
  static void close() {
    CHANNEL.close();
  }

  /** Raw response bytes (after a first byte that sets the read size) for one request. */
  @FuzzTest
  void raw(byte[] input) throws Exception {
    if (input.length == 0) {
      return;
    }
    int readSize = 1 + (input[0] & 0xff) * 7;
    byte[] server = java.util.Arrays.copyOfRange(input, 1, input.length);
    List<Object> outcomes = exchange(server, new int[] {readSize}, 1);
    Object o = outcomes.get(0);
    if (o instanceof HttpReply r) {
      assertTrue(r.code() >= 200 && r.code() <= 999, "status " + r.code());
      byte[] body = r.bodyBytes();
      assertTrue(body.length <= MAX_BODY, "body over the limit was kept: " + body.length);
    }
  }

  /** Several well-formed responses (fixed length, chunked, empty), pipelined, in fuzzed read sizes. */
  @FuzzTest
  void pipelined(FuzzedDataProvider data) throws Exception {
    int n = data.consumeInt(1, 4);
    ByteArrayOutputStream server = new ByteArrayOutputStream();
    int[] codes = new int[n];
    byte[][] bodies = new byte[n][];
    for (int i = 0; i < n; i++) {
      if (data.consumeBoolean()) {
        // an informational response first, which the parser must skip
        server.writeBytes(ascii("HTTP/1.1 100 Continue\r\n\r\n"));
      }
      codes[i] = data.pickValue(new int[] {200, 201, 204, 400, 404, 429, 500, 503});
      bodies[i] = codes[i] == 204 ? new byte[0] : data.consumeBytes(data.consumeInt(0, 3000));
      StringBuilder head = new StringBuilder("HTTP/1.1 " + codes[i] + " X\r\n");
      if (data.consumeBoolean()) {
        head.append("Retry-After: 2\r\nX-Other:\t value \r\n");
      }
      boolean chunked = codes[i] != 204 && data.consumeBoolean();
      if (chunked) {
        head.append("Transfer-Encoding: chunked\r\n\r\n");
        server.writeBytes(ascii(head.toString()));
        int p = 0;
        while (p < bodies[i].length) {
          int c = Math.min(bodies[i].length - p, data.consumeInt(1, 700));
          server.writeBytes(ascii(Integer.toHexString(c) + (data.consumeBoolean() ? ";ext=1" : "") + "\r\n"));
          server.write(bodies[i], p, c);
          server.writeBytes(ascii("\r\n"));
          p += c;
        }
        server.writeBytes(ascii(data.consumeBoolean() ? "0\r\nTrailer: t\r\n\r\n" : "0\r\n\r\n"));
      } else {
        if (codes[i] != 204) {
          head.append(data.consumeBoolean() ? "content-length: " : "Content-Length: ").append(bodies[i].length)
              .append("\r\n");
        }
        server.writeBytes(ascii(head.append("\r\n").toString()));
        server.writeBytes(bodies[i]);
      }
    }
    int[] sizes = new int[8];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = data.consumeInt(1, 5000);
    }
    List<Object> outcomes = exchange(server.toByteArray(), sizes, n);
    for (int i = 0; i < n; i++) {
      Object o = outcomes.get(i);
      if (!(o instanceof HttpReply r)) {
        throw new AssertionError("response " + i + " of " + n + " failed: " + o, (Throwable) o);
      }
      assertEquals(codes[i], r.code());
      assertArrayEquals(bodies[i], r.bodyBytes(), "body of response " + i);
    }
  }

  /**
   * Puts {@code requests} requests on a fresh connection whose server sends {@code server} (then
   * closes), and returns each request's outcome: an HttpReply or an IOException.
   */
  private static List<Object> exchange(byte[] server, int[] readSizes, int requests) throws Exception {
    Http1Connection c = new Http1Connection(CHANNEL, new MemorySocket(server, readSizes), 1);
    List<Http1Channel.Pending> pending = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    for (int i = 0; i < requests; i++) {
      Http1Channel.Pending p = new Http1Channel.Pending(CHANNEL.encode(new byte[] {'{', '}'}), deadline,
          Thread.currentThread(), null);
      assertTrue(c.enqueue(p), "connection refused a request");
      pending.add(p);
    }
    try {
      c.runReaderHere(); // the reader on this thread: the socket's EOF ends it; no thread per input
    } catch (RuntimeException | Error e) {
      throw new AssertionError("the reader crashed: " + e, e);
    }
    List<Object> outcomes = new ArrayList<>();
    for (Http1Channel.Pending p : pending) {
      try {
        outcomes.add(p.await());
      } catch (SocketTimeoutException e) {
        throw new AssertionError("the reader hung on these bytes", e);
      } catch (IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
          if (t instanceof RuntimeException || t instanceof Error) {
            throw new AssertionError("the reader crashed: " + t, t);
          }
        }
        outcomes.add(e);
      }
    }
    return outcomes;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A socket that never touches the network: reads come from a buffer in the given sizes, then EOF. */
  private static final class MemorySocket extends Socket {
    private final byte[] data;
    private final int[] sizes;
    private int pos;
    private int reads;

    MemorySocket(byte[] data, int[] sizes) {
      this.data = data;
      this.sizes = sizes;
    }

    @Override
    public InputStream getInputStream() {
      return new InputStream() {
        @Override
        public int read() {
          byte[] one = new byte[1];
          return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
          if (pos >= data.length) {
            return -1;
          }
          int n = Math.min(Math.min(len, sizes[reads++ % sizes.length]), data.length - pos);
          System.arraycopy(data, pos, b, off, n);
          pos += n;
          return n;
        }
      };
    }

    @Override
    public OutputStream getOutputStream() {
      return OutputStream.nullOutputStream();
    }

    @Override
    public synchronized void close() {
      // nothing to release
    }
  }
}
