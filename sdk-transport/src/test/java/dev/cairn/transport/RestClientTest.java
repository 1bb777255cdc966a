package dev.cairn.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonToken;
import dev.cairn.testing.server.ScriptedHttpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** REST GET and POST over both channels: bodies in and out, status codes, limits, retries. */
class RestClientTest {
  static final RetryPolicy FAST = RetryPolicy.of(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(3));

  /** Reads {"height":"123","ok":true} into the height. */
  static final ResultReader<Long> HEIGHT = p -> {
    JsonValues.expectObject(p);
    Long h = null;
    String f;
    while ((f = JsonValues.nextField(p)) != null) {
      if (f.equals("height")) {
        h = Long.parseLong(JsonValues.string(p));
      } else {
        JsonValues.skip(p);
      }
    }
    if (h == null) {
      throw JsonValues.missing(p, "height");
    }
    return h;
  };

  static RestClient client(ChannelChoice ch, QueueServer s) {
    return ch.rest(s.url("/api/")).retryPolicy(FAST).timeout(Duration.ofSeconds(5)).header("X-Api-Key", "k").build();
  }

  @ParameterizedTest
  @EnumSource(ChannelChoice.class)
  void getReadsJsonAndSendsPathBelowTheBase(ChannelChoice ch) throws Exception {
    try (QueueServer s = new QueueServer(); RestClient rest = client(ch, s)) {
      s.enqueueJson("{\"ok\":true,\"height\":\"123\"}");
      s.enqueueJson("{\"height\":\"124\"}");
      assertEquals(123L, rest.get("/cosmos/blocks/latest?x=1", HEIGHT).send());
      assertEquals(124L, rest.get("/cosmos/blocks/latest", HEIGHT).sendAsync().get(5, TimeUnit.SECONDS));
      assertEquals("GET /api/cosmos/blocks/latest?x=1 HTTP/1.1", s.requestLines.get(0));
      assertTrue(s.heads.get(0).contains("X-Api-Key: k"), s.heads.get(0));
      assertTrue(s.heads.get(0).toLowerCase().contains("accept: application/json"), s.heads.get(0));
      assertEquals("", s.bodies.get(0));
    }
  }

  @ParameterizedTest
  @EnumSource(ChannelChoice.class)
  void postSendsAJsonBodyAndReadsTheAnswer(ChannelChoice ch) throws Exception {
    try (QueueServer s = new QueueServer(); RestClient rest = client(ch, s)) {
      s.enqueueJson("{\"height\":\"7\"}");
      long h = rest.post("/cosmos/tx/v1beta1/simulate", g -> {
        g.writeStartObject();
        g.writeStringField("tx_bytes", "CpIBCo8B");
        g.writeEndObject();
      }, HEIGHT, true).send();
      assertEquals(7L, h);
      assertEquals("POST /api/cosmos/tx/v1beta1/simulate HTTP/1.1", s.requestLines.get(0));
      assertEquals("{\"tx_bytes\":\"CpIBCo8B\"}", s.bodies.get(0));
      assertTrue(s.heads.get(0).toLowerCase().contains("content-type: application/json"), s.heads.get(0));
    }
  }

  @ParameterizedTest
  @EnumSource(ChannelChoice.class)
  void statusCodesAreTypedErrors(ChannelChoice ch) throws Exception {
    try (QueueServer s = new QueueServer(); RestClient rest = client(ch, s)) {
      s.enqueueStatus(404, "");
      TransportException e = assertThrows(TransportException.class, () -> rest.get("/missing?key=secret", HEIGHT).send());
      assertEquals(TransportException.Kind.HTTP_STATUS, e.kind());
      assertEquals(404, e.httpStatus());
      assertEquals("GET /missing", e.method());
      assertFalse(e.getMessage().contains("secret"), "the query stays out of messages: " + e.getMessage());
      assertEquals(1, s.requests(), "404 is not retried");

      s.enqueueStatus(429, "Retry-After: 0\r\n");
      s.enqueueJson("{\"height\":\"9\"}");
      assertEquals(9L, rest.get("/h", HEIGHT).send());
      assertEquals(3, s.requests());

      for (int i = 0; i < 3; i++) {
        s.enqueueStatus(429, "Retry-After: 0\r\n");
      }
      TransportException r = assertThrows(TransportException.class, () -> rest.get("/h", HEIGHT).send());
      assertEquals(TransportException.Kind.RATE_LIMITED, r.kind());
      assertEquals(Duration.ZERO, r.retryAfter().orElseThrow());
      assertEquals(6, s.requests(), "bounded by the policy's 3 attempts");
    }
  }

  @ParameterizedTest
  @EnumSource(ChannelChoice.class)
  void errorBodiesAreKeptBoundedForStructuredErrors(ChannelChoice ch) throws Exception {
    try (QueueServer s = new QueueServer(); RestClient rest = client(ch, s)) {
      StringBuilder longMessage = new StringBuilder();
      for (int i = 0; i < 40; i++) {
        longMessage.append("account sequence mismatch, expected 7, got 6; ");
      }
      String body = "{\"code\":2,\"message\":\"" + longMessage + "\",\"details\":[]}";
      s.enqueue(dev.cairn.testing.server.ScriptedHttpServer.response(400, "Bad Request", "",
          body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      TransportException e = assertThrows(TransportException.class, () -> rest.get("/sim", HEIGHT).send());
      assertEquals(400, e.httpStatus());
      assertEquals(body, e.errorBody().orElseThrow(), "the whole (short) body is kept");
      assertTrue(e.getMessage().length() < 400, "the message keeps only a snippet");

      StringBuilder huge = new StringBuilder("{\"message\":\"");
      while (huge.length() < 100_000) {
        huge.append("xxxxxxxxxx");
      }
      huge.append("\"}");
      s.enqueue(dev.cairn.testing.server.ScriptedHttpServer.response(404, "Not Found", "",
          huge.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      TransportException big = assertThrows(TransportException.class, () -> rest.get("/big", HEIGHT).send());
      assertEquals(TransportException.MAX_ERROR_BODY_CHARS, big.errorBody().orElseThrow().length());
    }
  }

  @ParameterizedTest
  @EnumSource(ChannelChoice.class)
  void nonIdempotentPostIsNotRetriedAfterTheServerGotIt(ChannelChoice ch) throws Exception {
    try (QueueServer s = new QueueServer(); RestClient rest = client(ch, s)) {
      s.enqueueStatus(503, "");
      s.enqueueJson("{\"height\":\"1\"}");
      TransportException e = assertThrows(TransportException.class,
          () -> rest.post("/broadcast", g -> g.writeString("tx"), HEIGHT, false).send());
      assertEquals(TransportException.Kind.HTTP_STATUS, e.kind());
      assertEquals(1, s.requests());
      s.answers.clear();

      s.enqueueDrop();
      s.enqueueJson("{\"height\":\"1\"}");
      ExecutionException ee = assertThrows(ExecutionException.class,
          () -> rest.post("/broadcast", g -> g.writeString("tx"), HEIGHT, false).sendAsync().get(5, TimeUnit.SECONDS));
      TransportException io = (TransportException) ee.getCause();
      assertEquals(TransportException.Kind.IO, io.kind(), io.getMessage());
      assertTrue(io.mayHaveReachedServer());
      assertEquals(2, s.requests(), "the dropped POST was not sent again");
    }
  }

  @ParameterizedTest
  @EnumSource(ChannelChoice.class)
  void malformedAndOversizedBodiesAreTyped(ChannelChoice ch) throws Exception {
    try (QueueServer s = new QueueServer();
         RestClient rest = ch.rest(s.url("/")).retryPolicy(FAST).maxResponseBytes(1024).build()) {
      s.enqueueJson("{\"height\":");
      TransportException e = assertThrows(TransportException.class, () -> rest.get("/a", HEIGHT).send());
      assertEquals(TransportException.Kind.MALFORMED_RESPONSE, e.kind());
      s.enqueueJson("{\"other\":1}");
      e = assertThrows(TransportException.class, () -> rest.get("/a", HEIGHT).send());
      assertEquals(TransportException.Kind.MALFORMED_RESPONSE, e.kind());
      assertEquals("/height", e.path().orElseThrow());
      s.enqueueJson("{\"height\":\"1\"} {}");
      e = assertThrows(TransportException.class, () -> rest.get("/a", HEIGHT).send());
      assertTrue(e.getMessage().contains("trailing"), e.getMessage());
      s.enqueueJson("{\"height\":\"1\",\"pad\":\"" + "x".repeat(4000) + "\"}");
      e = assertThrows(TransportException.class, () -> rest.get("/a", HEIGHT).send());
      assertEquals(TransportException.Kind.MALFORMED_RESPONSE, e.kind(), e.getMessage());
      assertTrue(e.getMessage().contains("limit"), e.getMessage());
      s.enqueueJson("[" + "[".repeat(300) + "]".repeat(300) + "]");
      e = assertThrows(TransportException.class, () -> rest.get("/deep", p -> {
        p.skipChildren();
        return JsonToken.END_ARRAY;
      }).send());
      assertEquals(TransportException.Kind.MALFORMED_RESPONSE, e.kind(), e.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(ChannelChoice.class)
  void badTargetsAreRejectedBeforeSending(ChannelChoice ch) throws Exception {
    try (QueueServer s = new QueueServer(); RestClient rest = client(ch, s)) {
      for (String bad : List.of("relative", "/with space", "/crlf\r\nX: y", "/frag#x", "/ünï")) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rest.get(bad, HEIGHT));
        assertTrue(e.getMessage().contains("target"), e.getMessage());
      }
      assertEquals(0, s.requests());
    }
  }

  @ParameterizedTest
  @EnumSource(ChannelChoice.class)
  void closedClientFailsTyped(ChannelChoice ch) throws Exception {
    try (QueueServer s = new QueueServer()) {
      RestClient rest = client(ch, s);
      rest.close();
      TransportException e = assertThrows(TransportException.class, () -> rest.get("/h", HEIGHT).send());
      assertEquals(TransportException.Kind.CLOSED, e.kind(), e.getMessage());
      ExecutionException ee = assertThrows(ExecutionException.class,
          () -> rest.get("/h", HEIGHT).sendAsync().get(5, TimeUnit.SECONDS));
      assertEquals(TransportException.Kind.CLOSED, ((TransportException) ee.getCause()).kind());
      assertEquals(0, s.requests());
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] ok(String s) {
    return ScriptedHttpServer.ok(s);
  }
}
