package dev.cairn.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.testing.server.ScriptedHttpServer;
import dev.cairn.testing.server.ScriptedWebSocketServer;
import dev.cairn.transport.ws.WsRpcClient;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bounded resources (issue 13): the response body limit of both HTTP channels (REST and JSON-RPC)
 * and the WebSocket message limit, each at the limit (accepted) and one byte past it (a typed
 * failure naming the limit). The defaults are {@link JsonLimits#MAX_BODY_BYTES}.
 */
class ResponseLimitsTest {
  static final int LIMIT = 2048;
  static final ResultReader<String> STRING = JsonValues::rawJson;

  /** A JSON document of exactly {@code n} bytes. */
  static String bodyOf(int n) {
    String head = "{\"pad\":\"";
    String tail = "\"}";
    return head + "x".repeat(n - head.length() - tail.length()) + tail;
  }

  @ParameterizedTest
  @EnumSource(ChannelChoice.class)
  void restBodyAtTheLimitAndOnePast(ChannelChoice ch) throws Exception {
    try (QueueServer s = new QueueServer();
         RestClient rest = ch.rest(s.url("/")).retryPolicy(RetryPolicy.NONE).maxResponseBytes(LIMIT).build()) {
      s.enqueueJson(bodyOf(LIMIT));
      assertEquals(LIMIT, rest.get("/a", STRING).send().length());
      s.enqueueJson(bodyOf(LIMIT + 1));
      TransportException e = assertThrows(TransportException.class, () -> rest.get("/a", STRING).send());
      assertEquals(TransportException.Kind.MALFORMED_RESPONSE, e.kind(), e.getMessage());
      assertTrue(e.getMessage().contains("limit"), e.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(ChannelChoice.class)
  void jsonRpcBodyAtTheLimitAndOnePast(ChannelChoice ch) throws Exception {
    try (QueueServer s = new QueueServer();
         JsonRpcClient rpc = ch.rpc(s.url("/")).retryPolicy(RetryPolicy.NONE).maxResponseBytes(LIMIT).build()) {
      // {"jsonrpc":"2.0","id":N,"result":"xx..."} of exactly n bytes, whatever the id
      s.answers.add(req -> ScriptedHttpServer.ok(rpcOf(QueueServer.idOf(req), LIMIT)));
      assertEquals(LIMIT, rpcOf(QueueServer.idOf("{\"id\":1}"), LIMIT).length());
      rpc.rawCall("m", "[]", true).send();
      s.answers.add(req -> ScriptedHttpServer.ok(rpcOf(QueueServer.idOf(req), LIMIT + 1)));
      TransportException e = assertThrows(TransportException.class, () -> rpc.rawCall("m", "[]", true).send());
      assertEquals(TransportException.Kind.MALFORMED_RESPONSE, e.kind(), e.getMessage());
      assertTrue(e.getMessage().contains("limit"), e.getMessage());
    }
  }

  static String rpcOf(String id, int n) {
    String shell = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":\"\"}";
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":\"" + "x".repeat(n - shell.length()) + "\"}";
  }

  @Test
  void defaultBodyLimitIsDocumented() {
    assertEquals(256L * 1024 * 1024, JsonLimits.MAX_BODY_BYTES);
  }

  @Test
  void webSocketMessageAtTheLimitAndOnePast() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    try (ScriptedWebSocketServer s = new ScriptedWebSocketServer(c -> {
      String m;
      while ((m = c.readText()) != null) {
        JsonNode req = mapper.readTree(m);
        String id = req.get("id").toString();
        int size = Integer.parseInt(req.get("method").asText().substring(4));
        String shell = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":\"\"}";
        c.sendText("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":\"" + "x".repeat(size - shell.length()) + "\"}");
      }
    })) {
      WsRpcClient ws = WsRpcClient.builder(s.url("/")).retryPolicy(RetryPolicy.of(3, Duration.ofMillis(20),
          Duration.ofMillis(40), Duration.ofSeconds(5))).maxMessageBytes(LIMIT).build();
      try {
        awaitConnected(ws);
        String ok = ws.call("size" + LIMIT, g -> { g.writeStartArray(); g.writeEndArray(); }, STRING)
            .get(10, TimeUnit.SECONDS);
        assertTrue(ok.length() > LIMIT - 40, "got " + ok.length());
        ExecutionException e = assertThrows(ExecutionException.class,
            () -> ws.call("size" + (LIMIT + 1), g -> { g.writeStartArray(); g.writeEndArray(); }, STRING)
                .get(10, TimeUnit.SECONDS));
        TransportException t = (TransportException) e.getCause();
        assertEquals(TransportException.Kind.IO, t.kind(), t.getMessage());
        assertTrue(t.getMessage().contains("maxMessageBytes"), t.getMessage());
        // the client reconnects and goes on
        Thread.sleep(50);
        awaitConnected(ws);
        String again = ws.call("size" + LIMIT, g -> { g.writeStartArray(); g.writeEndArray(); }, STRING)
            .get(10, TimeUnit.SECONDS);
        assertEquals(ok, again);
      } finally {
        ws.close();
      }
    }
  }

  static void awaitConnected(WsRpcClient ws) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!ws.isConnected() && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertTrue(ws.isConnected(), "not connected");
  }
}
