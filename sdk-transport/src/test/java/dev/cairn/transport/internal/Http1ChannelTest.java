package dev.cairn.transport.internal;

import dev.cairn.testing.server.ScriptedHttpServer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Http1ChannelTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  static Http1Channel channel(ScriptedHttpServer s, int connections, long maxBytes, long idleNanos) {
    return new Http1Channel("127.0.0.1", s.port(), "/rpc?x=1", "X-Api-Key: k\r\n", connections, 2_000, maxBytes,
        idleNanos);
  }

  static Http1Channel channel(ScriptedHttpServer s) {
    return channel(s, 1, 1 << 20, 60 * SECOND);
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Echo server: answers each request with its own body, one response per request. */
  static ScriptedHttpServer echo() throws IOException {
    return new ScriptedHttpServer(c -> {
      byte[] b;
      while ((b = c.readRequest()) != null) {
        c.write(ScriptedHttpServer.ok(b));
      }
    });
  }

  static CompletableFuture<HttpReply> async(HttpChannel ch, byte[] body, long timeoutNanos) {
    CompletableFuture<HttpReply> f = new CompletableFuture<>();
    ch.postAsync(body, timeoutNanos, true, (r, e) -> {
      if (e != null) {
        f.completeExceptionally(e);
      } else {
        f.complete(r);
      }
    });
    return f;
  }

  // ------------------------------------------------------------------ framing, as a property

  /** How one response is framed on the wire. */
  enum Framing { LENGTH, CHUNKED, CONTINUE_THEN_LENGTH, HTTP10_KEEP_ALIVE, ODD_HEADER_CASE }

  @Provide
  Arbitrary<List<byte[]>> bodies() {
    Arbitrary<byte[]> body = Arbitraries.integers().between(0, 5000).flatMap(n ->
        Arbitraries.bytes().between((byte) 0x20, (byte) 0x7e).array(byte[].class).ofSize(n));
    return body.list().ofMinSize(1).ofMaxSize(12);
  }

  static byte[] frame(byte[] body, Framing f, Random rnd) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (f) {
      case LENGTH -> out.writeBytes(ScriptedHttpServer.ok(body));
      case CONTINUE_THEN_LENGTH -> {
        out.writeBytes(bytes("HTTP/1.1 100 Continue\r\n\r\n"));
        out.writeBytes(ScriptedHttpServer.ok(body));
      }
      case HTTP10_KEEP_ALIVE -> {
        out.writeBytes(bytes("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: " + body.length + "\r\n\r\n"));
        out.writeBytes(body);
      }
      case ODD_HEADER_CASE -> {
        out.writeBytes(bytes("HTTP/1.1 200 OK\r\ncOnTeNt-LeNgTh:   " + body.length + "  \r\nX-Other: a:b\r\n\r\n"));
        out.writeBytes(body);
      }
      case CHUNKED -> {
        out.writeBytes(bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"));
        int i = 0;
        while (i < body.length) {
          int n = Math.min(body.length - i, 1 + rnd.nextInt(700));
          out.writeBytes(bytes(Integer.toHexString(n) + (rnd.nextBoolean() ? ";ext=1" : "") + "\r\n"));
          out.write(body, i, n);
          out.writeBytes(bytes("\r\n"));
          i += n;
        }
        out.writeBytes(bytes("0\r\n" + (rnd.nextBoolean() ? "X-Trailer: t\r\n" : "") + "\r\n"));
      }
      default -> throw new AssertionError(f);
    }
    return out.toByteArray();
  }

  @Property(tries = 60)
  void pipelinedResponsesInAnyFramingAndFragmentationReachTheirCallers(@ForAll("bodies") List<byte[]> bodies,
      @ForAll long seed) throws Exception {
    Random rnd = new Random(seed);
    int n = bodies.size();
    CountDownLatch allRead = new CountDownLatch(1);
    try (ScriptedHttpServer s = new ScriptedHttpServer(c -> {
      // read every pipelined request first, then answer them all in one stream cut at random places
      ByteArrayOutputStream wire = new ByteArrayOutputStream();
      for (int i = 0; i < n; i++) {
        byte[] req = c.readRequest();
        wire.writeBytes(frame(req, Framing.values()[rnd.nextInt(Framing.values().length)], rnd));
      }
      allRead.countDown();
      byte[] all = wire.toByteArray();
      int i = 0;
      c.socket.setTcpNoDelay(true);
      while (i < all.length) {
        int piece = Math.min(all.length - i, 1 + rnd.nextInt(rnd.nextBoolean() ? 8 : 3000));
        c.out.write(all, i, piece);
        c.out.flush();
        i += piece;
      }
      c.readRequest(); // hold the connection open until the client closes it
    })) {
      Http1Channel ch = channel(s);
      try {
        List<CompletableFuture<HttpReply>> fs = new ArrayList<>();
        for (byte[] b : bodies) {
          fs.add(async(ch, b, 10 * SECOND));
        }
        for (int i = 0; i < n; i++) {
          HttpReply r = fs.get(i).get(10, TimeUnit.SECONDS);
          assertEquals(200, r.code());
          assertArrayEquals(bodies.get(i), r.bodyBytes(), "response " + i);
        }
        assertEquals(1, s.accepted(), "all requests shared one pipelined connection");
        assertTrue(s.failures().isEmpty(), s.failures().toString());
      } finally {
        ch.close();
      }
    }
  }

  @Property(tries = 20)
  void concurrentBlockingCallersEachGetTheirOwnResponse(@ForAll @IntRange(min = 1, max = 6) int connections)
      throws Exception {
    try (ScriptedHttpServer s = echo()) {
      Http1Channel ch = channel(s, connections, 1 << 20, 60 * SECOND);
      try {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < 16; t++) {
          int id = t;
          Thread th = new Thread(() -> {
            try {
              for (int i = 0; i < 50; i++) {
                byte[] body = bytes("{\"caller\":" + id + ",\"i\":" + i + "}");
                assertArrayEquals(body, ch.post(body, 10 * SECOND, true).bodyBytes());
              }
            } catch (Throwable e) {
              errors.add(e);
            }
          });
          threads.add(th);
          th.start();
        }
        for (Thread th : threads) {
          th.join(30_000);
          assertTrue(!th.isAlive(), "a caller hung");
        }
        assertTrue(errors.isEmpty(), errors.toString());
        assertTrue(s.accepted() <= connections, "at most " + connections + " connections, saw " + s.accepted());
      } finally {
        ch.close();
      }
    }
  }

  // ------------------------------------------------------------------ the request on the wire

  @Test
  void requestHeadCarriesPathHostHeadersAndLength() throws Exception {
    CompletableFuture<String> head = new CompletableFuture<>();
    try (ScriptedHttpServer s = new ScriptedHttpServer(c -> {
      ByteArrayOutputStream h = new ByteArrayOutputStream();
      int b;
      while (!h.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n") && (b = c.in.read()) >= 0) {
        h.write(b);
      }
      head.complete(h.toString(StandardCharsets.ISO_8859_1));
      byte[] body = c.in.readNBytes(7);
      c.write(ScriptedHttpServer.ok(body));
    })) {
      Http1Channel ch = channel(s);
      assertArrayEquals(bytes("{\"a\":1}"), ch.post(bytes("{\"a\":1}"), SECOND * 5, true).bodyBytes());
      String h = head.get(5, TimeUnit.SECONDS);
      assertTrue(h.startsWith("POST /rpc?x=1 HTTP/1.1\r\nHost: 127.0.0.1:" + s.port() + "\r\n"), h);
      assertTrue(h.contains("\r\nContent-Type: application/json\r\n"), h);
      assertTrue(h.contains("\r\nX-Api-Key: k\r\n"), h);
      assertTrue(h.endsWith("\r\nContent-Length: 7\r\n\r\n"), h);
      ch.close();
    }
  }

  // ------------------------------------------------------------------ malformed responses

  static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
    for (; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "HTTP/2 200 OK\r\nContent-Length: 2\r\n\r\n{}",
      "HTTP/1.1 2x0 OK\r\nContent-Length: 2\r\n\r\n{}",
      "HTTP/1.1 200OK\r\nContent-Length: 2\r\n\r\n{}",
      "garbage\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
      "HTTP/1.1 200 OK\r\nContent-Length: -2\r\n\r\n{}",
      "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n{}",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n{}",
      "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 2\r\n\r\n{}",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}XX0\r\n\r\n",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffffff\r\n",
      "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
      "HTTP/1.1 101 Switching Protocols\r\n\r\n"})
  void malformedResponsesAreProtocolErrorsAndTheNextCallUsesAFreshConnection(String wire) throws Exception {
    try (ScriptedHttpServer s = new ScriptedHttpServer(c -> {
      c.readRequest();
      if (c.index == 0) {
        c.write(wire); // and keep the connection open: the parser itself must refuse
        c.readRequest();
      } else {
        c.write(ScriptedHttpServer.ok(bytes("\"fine\"")));
        c.readRequest();
      }
    })) {
      Http1Channel ch = channel(s);
      IOException e = assertThrows(IOException.class, () -> ch.post(bytes("{}"), 5 * SECOND, true));
      assertTrue(causedBy(e, java.net.ProtocolException.class), () -> "not a protocol error: " + e);
      assertArrayEquals(bytes("\"fine\""), ch.post(bytes("{}"), 5 * SECOND, true).bodyBytes());
      assertEquals(2, s.accepted());
      ch.close();
    }
  }

  @Test
  void bodyCutShortByTheServerIsALostResponse() throws Exception {
    try (ScriptedHttpServer s = new ScriptedHttpServer(c -> {
      c.readRequest();
      c.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{}");
      c.socket.shutdownOutput();
      c.readRequest();
    })) {
      Http1Channel ch = channel(s);
      IOException e = assertThrows(IOException.class, () -> ch.post(bytes("{}"), 5 * SECOND, true));
      assertTrue(causedBy(e, java.io.EOFException.class), () -> "not an end of stream: " + e);
      ch.close();
    }
  }

  @Test
  void aResponseArrivingAfterItsCallerTimedOutIsNotGivenToTheNextCaller() throws Exception {
    try (ScriptedHttpServer s = new ScriptedHttpServer(c -> {
      byte[] first = c.readRequest();
      Thread.sleep(500);
      c.write(ScriptedHttpServer.ok(first));
      byte[] second = c.readRequest();
      c.write(ScriptedHttpServer.ok(second));
      c.readRequest();
    })) {
      Http1Channel ch = channel(s);
      assertThrows(InterruptedIOException.class, () -> ch.post(bytes("\"late\""), TimeUnit.MILLISECONDS.toNanos(200), true));
      assertArrayEquals(bytes("\"mine\""), ch.post(bytes("\"mine\""), 5 * SECOND, true).bodyBytes());
      assertEquals(1, s.accepted(), "the late response was consumed on the same connection");
      ch.close();
    }
  }

  @Test
  void http10WithoutKeepAliveAnd204AreFramedCorrectly() throws Exception {
    try (ScriptedHttpServer s = new ScriptedHttpServer(c -> {
      c.readRequest();
      if (c.index == 0) {
        c.write("HTTP/1.1 204 No Content\r\n\r\n");
        c.readRequest();
        c.write("HTTP/1.0 200 OK\r\nContent-Length: 4\r\n\r\n\"10\"");
        c.readRequest();
      } else {
        c.write(ScriptedHttpServer.ok(bytes("\"new\"")));
        c.readRequest();
      }
    })) {
      Http1Channel ch = channel(s);
      HttpReply r = ch.post(bytes("{}"), 5 * SECOND, true);
      assertEquals(204, r.code());
      assertEquals(0, r.bodyBytes().length);
      assertArrayEquals(bytes("\"10\""), ch.post(bytes("{}"), 5 * SECOND, true).bodyBytes());
      assertArrayEquals(bytes("\"new\""), ch.post(bytes("{}"), 5 * SECOND, true).bodyBytes());
      assertEquals(2, s.accepted(), "HTTP/1.0 without keep-alive ends the connection");
      ch.close();
    }
  }

  @Test
  void anInterruptedCallerSendsNothing() throws Exception {
    try (ScriptedHttpServer s = echo()) {
      Http1Channel ch = channel(s);
      Thread.currentThread().interrupt();
      try {
        assertThrows(InterruptedIOException.class, () -> ch.post(bytes("{}"), 5 * SECOND, true));
        assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status is kept");
      } finally {
        Thread.interrupted();
      }
      Thread.sleep(100);
      assertEquals(0, s.accepted());
      ch.close();
    }
  }

  @Test
  void aDeclaredLengthFarOverTheLimitClosesTheConnectionInsteadOfDraining() throws Exception {
    try (ScriptedHttpServer s = new ScriptedHttpServer(c -> {
      c.readRequest();
      if (c.index == 0) {
        c.write("HTTP/1.1 200 OK\r\nContent-Length: 1000000000000\r\n\r\n" + "x".repeat(100));
        c.readRequest();
      } else {
        c.write(ScriptedHttpServer.ok(bytes("\"after\"")));
        c.readRequest();
      }
    })) {
      Http1Channel ch = channel(s, 1, 2048, 60 * SECOND);
      HttpReply r = ch.post(bytes("{}"), 5 * SECOND, true);
      assertEquals(1_000_000_000_000L, r.contentLength());
      assertEquals(0, r.bodyBytes().length);
      assertArrayEquals(bytes("\"after\""), ch.post(bytes("{}"), 5 * SECOND, true).bodyBytes());
      assertEquals(2, s.accepted());
      ch.close();
    }
  }

  @Test
  void oversizedHeaderSectionIsRefusedWithoutBuffering() throws Exception {
    try (ScriptedHttpServer s = new ScriptedHttpServer(c -> {
      c.readRequest();
      c.write("HTTP/1.1 200 OK\r\n");
      String line = "X-Filler: " + "a".repeat(1000) + "\r\n";
      for (int i = 0; i < 200; i++) {
        c.write(line);
      }
      c.readRequest();
    })) {
      Http1Channel ch = channel(s);
      IOException e = assertThrows(IOException.class, () -> ch.post(bytes("{}"), 5 * SECOND, true));
      assertTrue(e.getMessage().contains("header section exceeds"), e.getMessage());
      ch.close();
    }
  }

  @Test
  void bodiesOverTheLimitAreCountedAndDroppedAndTheConnectionStaysUsable() throws Exception {
    byte[] big = new byte[5000];
    java.util.Arrays.fill(big, (byte) 'x');
    try (ScriptedHttpServer s = new ScriptedHttpServer(c -> {
      c.readRequest();
      c.write(ScriptedHttpServer.ok(big));
      c.readRequest();
      c.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\n" + "y".repeat(4096) + "\r\n1000\r\n"
          + "y".repeat(4096) + "\r\n0\r\n\r\n");
      c.readRequest();
      c.write(ScriptedHttpServer.ok(bytes("\"small\"")));
      c.readRequest();
    })) {
      Http1Channel ch = channel(s, 1, 2048, 60 * SECOND);
      HttpReply r = ch.post(bytes("{}"), 5 * SECOND, true);
      assertEquals(5000, r.contentLength());
      assertEquals(0, r.bodyBytes().length);
      r = ch.post(bytes("{}"), 5 * SECOND, true);
      assertEquals(8192, r.contentLength());
      assertEquals(0, r.bodyBytes().length);
      assertArrayEquals(bytes("\"small\""), ch.post(bytes("{}"), 5 * SECOND, true).bodyBytes());
      assertEquals(1, s.accepted());
      ch.close();
    }
  }

  @Test
  void responseWithoutLengthIsReadToTheEndOfTheConnection() throws Exception {
    try (ScriptedHttpServer s = new ScriptedHttpServer(c -> {
      c.readRequest();
      c.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"until\":\"eof\"}");
    })) {
      Http1Channel ch = channel(s);
      assertArrayEquals(bytes("{\"until\":\"eof\"}"), ch.post(bytes("{}"), 5 * SECOND, true).bodyBytes());
      ch.close();
    }
  }

  @Test
  void statusAndRetryAfterArePassedOn() throws Exception {
    try (ScriptedHttpServer s = new ScriptedHttpServer(c -> {
      c.readRequest();
      c.write("HTTP/1.1 429 Too Many Requests\r\nretry-after: 7\r\nContent-Length: 9\r\n\r\nslow down");
      c.readRequest();
    })) {
      Http1Channel ch = channel(s);
      HttpReply r = ch.post(bytes("{}"), 5 * SECOND, true);
      assertEquals(429, r.code());
      assertEquals("7", r.retryAfter());
      assertArrayEquals(bytes("slow"), r.peek(4));
      ch.close();
    }
  }

  // ------------------------------------------------------------------ connections ending

  @Test
  void requestsPipelinedBehindConnectionCloseAreResentOnANewConnection() throws Exception {
    try (ScriptedHttpServer s = new ScriptedHttpServer(c -> {
      if (c.index == 0) {
        byte[] first = c.readRequest();
        c.readRequest();
        c.readRequest();
        c.write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: " + first.length + "\r\n\r\n");
        c.write(first);
        c.socket.shutdownOutput();
        c.readRequest();
      } else {
        byte[] b;
        while ((b = c.readRequest()) != null) {
          c.write(ScriptedHttpServer.ok(b));
        }
      }
    })) {
      Http1Channel ch = channel(s);
      List<CompletableFuture<HttpReply>> fs = new ArrayList<>();
      for (String body : List.of("1", "2", "3")) {
        fs.add(async(ch, bytes(body), 5 * SECOND));
      }
      int answered = 0;
      for (int i = 0; i < 3; i++) {
        assertArrayEquals(bytes(String.valueOf(i + 1)), fs.get(i).get(5, TimeUnit.SECONDS).bodyBytes());
        answered++;
      }
      assertEquals(3, answered, "the two requests behind Connection: close were not processed: they are resent");
      assertArrayEquals(bytes("4"), ch.post(bytes("4"), 5 * SECOND, true).bodyBytes());
      assertEquals(2, s.accepted());
      ch.close();
    }
  }

  @Test
  void silentServerTimesOutTheCallerAndThenLosesTheConnection() throws Exception {
    CountDownLatch closedByClient = new CountDownLatch(1);
    try (ScriptedHttpServer s = new ScriptedHttpServer(c -> {
      c.readRequest();
      if (c.in.read() < 0) {
        closedByClient.countDown();
      }
    })) {
      Http1Channel ch = channel(s);
      long t0 = System.nanoTime();
      assertThrows(InterruptedIOException.class, () -> ch.post(bytes("{}"), TimeUnit.MILLISECONDS.toNanos(300), true));
      long took = System.nanoTime() - t0;
      assertTrue(took < 2 * SECOND, "timed out after " + took / 1_000_000 + " ms");
      // overdue by more than the grace period: the reader gives the connection up
      assertTrue(closedByClient.await(10, TimeUnit.SECONDS));
      ch.close();
    }
  }

  @Test
  void asyncCallsTimeOutToo() throws Exception {
    try (ScriptedHttpServer s = new ScriptedHttpServer(c -> {
      c.readRequest();
      c.readRequest();
    })) {
      Http1Channel ch = channel(s);
      CompletableFuture<HttpReply> f = async(ch, bytes("{}"), TimeUnit.MILLISECONDS.toNanos(300));
      Throwable t = assertThrows(java.util.concurrent.ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS))
          .getCause();
      assertInstanceOf(InterruptedIOException.class, t);
      ch.close();
    }
  }

  @Test
  void idleConnectionsAreReplacedBeforeUse() throws Exception {
    try (ScriptedHttpServer s = echo()) {
      Http1Channel ch = channel(s, 1, 1 << 20, TimeUnit.MILLISECONDS.toNanos(50));
      assertArrayEquals(bytes("1"), ch.post(bytes("1"), 5 * SECOND, true).bodyBytes());
      Thread.sleep(150);
      assertArrayEquals(bytes("2"), ch.post(bytes("2"), 5 * SECOND, true).bodyBytes());
      assertEquals(2, s.accepted());
      ch.close();
    }
  }

  @Test
  void asyncCallbacksRunOffTheReaderThread() throws Exception {
    try (ScriptedHttpServer s = echo()) {
      Http1Channel ch = channel(s);
      CompletableFuture<String> thread = new CompletableFuture<>();
      ch.postAsync(bytes("x"), 5 * SECOND, true, (r, e) -> thread.complete(Thread.currentThread().getName()));
      String name = thread.get(5, TimeUnit.SECONDS);
      assertTrue(name.startsWith("cairn-http1-callback"), name);
      ch.close();
    }
  }

  @Test
  void closeFailsWhatIsPendingAndLaterCalls() throws Exception {
    CountDownLatch received = new CountDownLatch(1);
    try (ScriptedHttpServer s = new ScriptedHttpServer(c -> {
      c.readRequest();
      received.countDown();
      c.readRequest();
    })) {
      Http1Channel ch = channel(s);
      CompletableFuture<HttpReply> f = async(ch, bytes("{}"), 10 * SECOND);
      assertTrue(received.await(5, TimeUnit.SECONDS), "the request reached the server");
      ch.close();
      assertInstanceOf(IOException.class,
          assertThrows(java.util.concurrent.ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS)).getCause());
      IOException e = assertThrows(IOException.class, () -> ch.post(bytes("{}"), SECOND, true));
      assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }
  }

  @Test
  void refusedConnectionIsAnIoException() throws Exception {
    int port;
    try (java.net.ServerSocket ss = new java.net.ServerSocket(0)) {
      port = ss.getLocalPort();
    }
    Http1Channel ch = new Http1Channel("127.0.0.1", port, "/", "", 1, 2_000, 1 << 20, SECOND);
    IOException e = assertThrows(IOException.class, () -> ch.post(bytes("{}"), 5 * SECOND, true));
    // typed as "nothing was sent" (safe to retry even for submissions), naming the endpoint
    assertInstanceOf(NotSentException.class, e);
    assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    Throwable c = e;
    while (c != null && !(c instanceof java.net.ConnectException)) {
      c = c.getCause();
    }
    assertNotNull(c, "the ConnectException is kept as the cause");
    ch.close();
  }
}
