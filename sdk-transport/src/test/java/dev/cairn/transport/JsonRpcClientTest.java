package dev.cairn.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.testing.server.ScriptedHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Chain-neutral JSON-RPC over both channels: Retry-After, the non-idempotent rule, batches. */
class JsonRpcClientTest {
  static final RetryPolicy FAST = RetryPolicy.of(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(3));

  @ParameterizedTest
  @EnumSource(ChannelChoice.class)
  void retryAfterSecondsOn503IsHonoured(ChannelChoice ch) throws Exception {
    try (QueueServer s = new QueueServer(); JsonRpcClient rpc = ch.rpc(s.url("/")).retryPolicy(FAST).build()) {
      s.enqueueStatus(503, "Retry-After: 1\r\n");
      s.enqueueResult("\"0x1\"");
      long t0 = System.nanoTime();
      assertEquals("\"0x1\"", rpc.rawCall("getSlot", null, true).send());
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertTrue(ms >= 950, "waited " + ms + " ms for Retry-After: 1 (the policy's backoff is 1-5 ms)");
      assertEquals(2, s.requests());
    }
  }

  @ParameterizedTest
  @EnumSource(ChannelChoice.class)
  void retryAfterHttpDateOn429IsHonoured(ChannelChoice ch) throws Exception {
    try (QueueServer s = new QueueServer(); JsonRpcClient rpc = ch.rpc(s.url("/")).retryPolicy(FAST).build()) {
      String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
      s.enqueueStatus(429, "Retry-After: " + date + "\r\n");
      s.enqueueResult("7");
      long t0 = System.nanoTime();
      assertEquals("7", rpc.rawCall("m", "[1]", true).sendAsync().get(10, TimeUnit.SECONDS));
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      // the date has one-second resolution: at least ~1 s, at most the 2 s it names (plus slack)
      assertTrue(ms >= 900 && ms < 4000, "waited " + ms + " ms");
    }
  }

  @ParameterizedTest
  @EnumSource(ChannelChoice.class)
  void retryAfterOnOtherStatusesIsIgnored(ChannelChoice ch) throws Exception {
    try (QueueServer s = new QueueServer(); JsonRpcClient rpc = ch.rpc(s.url("/")).retryPolicy(FAST).build()) {
      s.enqueueStatus(500, "Retry-After: 20\r\n");
      s.enqueueResult("1");
      long t0 = System.nanoTime();
      assertEquals("1", rpc.rawCall("m", null, true).send());
      assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5));
    }
  }

  @ParameterizedTest
  @EnumSource(ChannelChoice.class)
  void nonIdempotentCallIsNotResentAfterTheRequestMayHaveArrived(ChannelChoice ch) throws Exception {
    try (QueueServer s = new QueueServer(); JsonRpcClient rpc = ch.rpc(s.url("/")).retryPolicy(FAST).build()) {
      s.enqueueDrop();
      s.enqueueResult("\"0xhash\"");
      TransportException e = assertThrows(TransportException.class,
          () -> rpc.rawCall("sendTransaction", "[\"AQID\"]", false).send());
      assertEquals(TransportException.Kind.IO, e.kind(), e.getMessage());
      assertEquals(1, s.requests(), "sent once");
      // the same failure on a read is retried
      assertEquals("\"0xhash\"", rpc.rawCall("getBalance", null, true).send());
      s.enqueueDrop();
      s.enqueueResult("5");
      assertEquals("5", rpc.rawCall("getBalance", null, true).send());
      assertEquals(4, s.requests());
    }
  }

  @ParameterizedTest
  @EnumSource(ChannelChoice.class)
  void nonIdempotentCallIsRetriedWhenNothingWasSent(ChannelChoice ch) throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    // connection refused until the server comes up ~300 ms later
    CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> {
      try {
        Thread.sleep(300);
        try (ServerSocket ss = new ServerSocket(port, 5, InetAddress.getLoopbackAddress());
             Socket c = ss.accept()) {
          ss.setSoTimeout(5000);
          InputStream in = c.getInputStream();
          String head = readHead(in);
          int len = Integer.parseInt(head.replaceAll("(?is).*content-length:\\s*(\\d+).*", "$1"));
          String body = new String(in.readNBytes(len), StandardCharsets.UTF_8);
          c.getOutputStream().write(ScriptedHttpServer.ok("{\"jsonrpc\":\"2.0\",\"id\":" + QueueServer.idOf(body)
              + ",\"result\":\"0xabc\"}"));
          c.getOutputStream().flush();
          Thread.sleep(200);
          return body;
        }
      } catch (IOException | InterruptedException e) {
        throw new RuntimeException(e);
      }
    });
    RetryPolicy patient = RetryPolicy.of(20, Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(1));
    try (JsonRpcClient rpc = ch.rpc("http://127.0.0.1:" + port + "/").retryPolicy(patient)
        .timeout(Duration.ofSeconds(10)).build()) {
      assertEquals("\"0xabc\"", rpc.rawCall("sendTransaction", "[\"AQID\"]", false).send());
    }
    assertTrue(served.get(5, TimeUnit.SECONDS).contains("\"sendTransaction\""));
  }

  @ParameterizedTest
  @EnumSource(ChannelChoice.class)
  void connectFailureIsTypedConnect(ChannelChoice ch) {
    try (JsonRpcClient rpc = ch.rpc("http://127.0.0.1:1/").retryPolicy(RetryPolicy.NONE).build()) {
      TransportException e = assertThrows(TransportException.class, () -> rpc.rawCall("m", null, false).send());
      assertEquals(TransportException.Kind.CONNECT, e.kind(), e.getMessage());
      assertTrue(!e.mayHaveReachedServer() && e.isTransportFailure());
      assertTrue(e.getMessage().contains("127.0.0.1:1"), "the message names the endpoint: " + e.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(ChannelChoice.class)
  void batchesAndRpcErrorsWithData(ChannelChoice ch) throws Exception {
    try (QueueServer s = new QueueServer(); JsonRpcClient rpc = ch.rpc(s.url("/")).retryPolicy(FAST).build()) {
      s.answers.add(req -> {
        String a = QueueServer.idOf(req);
        long b = Long.parseLong(a) + 1;
        return ScriptedHttpServer.ok("[{\"jsonrpc\":\"2.0\",\"id\":" + b + ",\"error\":{\"code\":-32602,\"message\":"
            + "\"bad params\",\"data\":{\"why\":[1,2]}}},{\"jsonrpc\":\"2.0\",\"id\":" + a + ",\"result\":42}]");
      });
      RpcBatch batch = rpc.newBatch();
      CompletableFuture<Long> first = batch.add(rpc.call("a", ParamsWriter.NONE, JsonValues::longValue, true));
      CompletableFuture<Long> second = batch.add(rpc.call("b", ParamsWriter.NONE, JsonValues::longValue, true));
      batch.send();
      assertEquals(42L, first.get());
      TransportException e = (TransportException) assertThrows(java.util.concurrent.ExecutionException.class,
          second::get).getCause();
      assertEquals(TransportException.Kind.RPC_ERROR, e.kind());
      assertEquals(-32602, e.code());
      assertEquals("b", e.method());
      assertEquals("{\"why\":[1,2]}", e.dataJson().orElseThrow());
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    while (!sb.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("cut");
      }
      sb.append((char) b);
    }
    return sb.toString();
  }
}
