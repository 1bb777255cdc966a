package dev.cairn.testing.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.testing.server.ScriptedHttpServer;
import dev.cairn.testing.server.ScriptedWebSocketServer;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy against a scripted JSON-RPC upstream, spoken to with raw sockets. */
class FaultProxyTest {
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  private static final Duration T = Duration.ofSeconds(10);

  private ScriptedHttpServer node;
  private FaultProxy proxy;

  @BeforeEach
  void start() throws IOException {
    // answers every JSON-RPC request (single or batch) with result = id * 10
    node = new ScriptedHttpServer(c -> {
      byte[] body;
      while ((body = c.readRequest()) != null) {
        String s = new String(body, StandardCharsets.UTF_8);
        List<String> answers = new ArrayList<>();
        Matcher m = ID.matcher(s);
        while (m.find()) {
          long id = Long.parseLong(m.group(1));
          answers.add("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + id * 10 + "}");
        }
        String out = s.trim().startsWith("[") ? "[" + String.join(",", answers) + "]" : answers.get(0);
        c.write(ScriptedHttpServer.ok(out));
      }
    });
    proxy = FaultProxy.start(node.url("/rpc"));
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    node.close();
  }

  private static String req(long id) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"m" + id + "\",\"params\":[]}";
  }

  private static byte[] post(String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    return ("POST /rpc HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " + b.length
        + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
  }

  /** Reads one response: {status, body}. */
  private static String[] read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int state = 0;
    while (state < 4) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("closed after " + head.size() + " head bytes");
      }
      head.write(b);
      state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
    }
    String h = head.toString(StandardCharsets.ISO_8859_1);
    Matcher m = Pattern.compile("(?i)content-length: *(\\d+)").matcher(h);
    int n = m.find() ? Integer.parseInt(m.group(1)) : 0;
    byte[] body = in.readNBytes(n);
    if (body.length < n) {
      throw new EOFException("body cut at " + body.length + " of " + n);
    }
    return new String[] {h, new String(body, StandardCharsets.UTF_8)};
  }

  private Socket connect() throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", proxy.port()), 2000);
    s.setSoTimeout(5000);
    return s;
  }

  @Test
  void passesPipelinedRequestsInOrderOnOneConnection() {
    assertTimeoutPreemptively(T, () -> {
      try (Socket s = connect()) {
        OutputStream out = s.getOutputStream();
        ByteArrayOutputStream burst = new ByteArrayOutputStream();
        for (int i = 1; i <= 5; i++) {
          burst.write(post(req(i)));
        }
        out.write(burst.toByteArray());
        out.flush();
        for (int i = 1; i <= 5; i++) {
          String[] r = read(s.getInputStream());
          assertTrue(r[0].startsWith("HTTP/1.1 200"), r[0]);
          assertEquals("{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"result\":" + i * 10 + "}", r[1]);
        }
      }
      assertEquals(5, proxy.forwarded());
      assertEquals(1, proxy.connectionsAccepted());
    });
  }

  @Test
  void nthRequestGetsTheFaultOthersPass() {
    assertTimeoutPreemptively(T, () -> {
      proxy.nth(2, Fault.rateLimited(7));
      try (Socket s = connect()) {
        for (int i = 1; i <= 3; i++) {
          s.getOutputStream().write(post(req(i)));
          String[] r = read(s.getInputStream());
          if (i == 2) {
            assertTrue(r[0].startsWith("HTTP/1.1 429"), r[0]);
            assertTrue(r[0].contains("Retry-After: 7"), r[0]);
          } else {
            assertTrue(r[1].contains("\"result\":" + i * 10), r[1]);
          }
        }
      }
      assertEquals(2, proxy.forwarded());
      assertEquals(List.of(1), proxy.applied());
    });
  }

  @Test
  void methodRuleMatchesBodies() {
    assertTimeoutPreemptively(T, () -> {
      proxy.rule(FaultRule.onMethod("m2", Fault.htmlPage(502)));
      try (Socket s = connect()) {
        s.getOutputStream().write(post(req(1)));
        assertTrue(read(s.getInputStream())[0].startsWith("HTTP/1.1 200"));
        s.getOutputStream().write(post(req(2)));
        String[] r = read(s.getInputStream());
        assertTrue(r[0].startsWith("HTTP/1.1 502"), r[0]);
        assertTrue(r[0].contains("text/html"), r[0]);
        assertTrue(r[1].contains("<html>"), r[1]);
      }
    });
  }

  @Test
  void rewritesIdsAndBatches() {
    assertTimeoutPreemptively(T, () -> {
      String batch = "[" + req(1) + "," + req(2) + "," + req(3) + "]";
      proxy.next(Fault.wrongId(), Fault.batchReordered(), Fault.batchMissingEntry(), Fault.duplicateId(), Fault.duplicateId());
      try (Socket s = connect()) {
        InputStream in = s.getInputStream();
        s.getOutputStream().write(post(req(5)));
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1000008,\"result\":50}", read(in)[1]);
        s.getOutputStream().write(post(batch));
        assertEquals("[{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":30},{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":20},"
            + "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":10}]", read(in)[1]);
        s.getOutputStream().write(post(batch));
        assertEquals("[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":10},{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":20}]",
            read(in)[1]);
        s.getOutputStream().write(post(batch));
        assertEquals("[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":10},{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":20},"
            + "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":30}]", read(in)[1]);
        // a single answer replaced by the previous (stale) answer
        s.getOutputStream().write(post(req(9)));
        assertEquals("[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":10},{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":20},"
            + "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":30}]", read(in)[1]);
      }
    });
  }

  @Test
  void truncatedBodyEndsWithFinResetEndsWithRst() {
    assertTimeoutPreemptively(T, () -> {
      proxy.next(Fault.truncatedBody());
      try (Socket s = connect()) {
        s.getOutputStream().write(post(req(1)));
        EOFException e = assertThrows(EOFException.class, () -> read(s.getInputStream()));
        assertTrue(e.getMessage().startsWith("body cut"), e.getMessage());
      }
      proxy.next(Fault.resetMidResponse());
      try (Socket s = connect()) {
        s.getOutputStream().write(post(req(1)));
        Thread.sleep(300);
        IOException e = assertThrows(IOException.class, () -> read(s.getInputStream()));
        assertTrue(e instanceof SocketException, e.toString());
      }
      proxy.next(Fault.resetMidRequest());
      try (Socket s = connect()) {
        s.getOutputStream().write(post(req(1)));
        Thread.sleep(300);
        assertThrows(SocketException.class, () -> read(s.getInputStream()));
      }
      assertEquals(2, proxy.forwarded(), "reset mid-request is not forwarded; the other two are");
    });
  }

  @Test
  void headersThenSilenceKeepsTheConnectionUntilTheClientCloses() {
    assertTimeoutPreemptively(T, () -> {
      proxy.next(Fault.headersThenSilence());
      try (Socket s = connect()) {
        s.setSoTimeout(500);
        s.getOutputStream().write(post(req(1)));
        assertThrows(java.net.SocketTimeoutException.class, () -> read(s.getInputStream()));
        assertEquals(1, proxy.openDownstream());
      }
      awaitZero();
    });
  }

  @Test
  void slowAndOversizedBodies() {
    assertTimeoutPreemptively(T, () -> {
      proxy.next(Fault.slowBody(8, Duration.ofMillis(20)), Fault.oversizedBody(100_000), Fault.declaredOversized(1L << 30));
      try (Socket s = connect()) {
        InputStream in = s.getInputStream();
        long t0 = System.nanoTime();
        s.getOutputStream().write(post(req(4)));
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":40}", read(in)[1]);
        assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(80), "drip-fed");
        s.getOutputStream().write(post(req(5)));
        String big = read(in)[1];
        assertTrue(big.length() >= 99_990 && big.length() <= 100_000, "size " + big.length());
        assertTrue(big.startsWith("{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":\"0xaaaa"), big.substring(0, 40));
        s.getOutputStream().write(post(req(6)));
        String[] declared = {null};
        EOFException e = assertThrows(EOFException.class, () -> declared[0] = read(in)[1]);
        assertTrue(e.getMessage().contains("of 1073741824"), e.getMessage());
      }
    });
  }

  @Test
  void refusedAndUnresolvableAddresses() throws IOException {
    URI refused = URI.create(FaultProxy.refusedUrl());
    assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", refused.getPort()).close());
    assertThrows(UnknownHostException.class,
        () -> java.net.InetAddress.getByName(URI.create(FaultProxy.unresolvableUrl()).getHost()));
    proxy.refuseConnections(true);
    assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", proxy.port()).close());
    proxy.refuseConnections(false);
    assertTimeoutPreemptively(T, () -> {
      try (Socket s = connect()) {
        s.getOutputStream().write(post(req(1)));
        assertTrue(read(s.getInputStream())[1].contains("\"result\":10"));
      }
    });
  }

  @Test
  void webSocketsPassThroughAndDrop() throws Exception {
    try (ScriptedWebSocketServer ws = new ScriptedWebSocketServer(c -> {
      for (int i = 0; i < 5; i++) {
        c.sendText("event-" + i);
      }
      while (c.readText() != null) {
        // keep the connection until the client or the proxy ends it
      }
    }); FaultProxy wp = FaultProxy.start(ws.url("/"))) {
      assertTimeoutPreemptively(T, () -> {
        for (boolean closeFrame : new boolean[] {true, false}) {
          wp.dropWebSocketsAfter(2, closeFrame);
          BlockingQueue<String> got = new LinkedBlockingQueue<>();
          HttpClient hc = HttpClient.newHttpClient();
          hc.newWebSocketBuilder().buildAsync(URI.create(wp.wsUrl()), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
              got.add(data.toString());
              w.request(1);
              return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
              got.add("close " + status);
              return null;
            }

            @Override
            public void onError(WebSocket w, Throwable error) {
              got.add("error");
            }
          }).get(5, TimeUnit.SECONDS);
          assertEquals("event-0", got.poll(5, TimeUnit.SECONDS));
          assertEquals("event-1", got.poll(5, TimeUnit.SECONDS));
          assertEquals(closeFrame ? "close 1001" : "error", got.poll(5, TimeUnit.SECONDS));
        }
        assertEquals(2, wp.webSocketDrops());
        while (wp.openDownstream() + wp.openUpstream() > 0) {
          Thread.sleep(20);
        }
      });
    }
  }

  private void awaitZero() throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while ((proxy.openDownstream() > 0 || proxy.openUpstream() > 0) && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertEquals(0, proxy.openDownstream());
    assertEquals(0, proxy.openUpstream());
  }
}
