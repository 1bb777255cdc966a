package dev.cairn.transport.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.testing.server.ScriptedWebSocketServer;
import dev.cairn.transport.JsonValues;
import dev.cairn.transport.RetryPolicy;
import dev.cairn.transport.TransportException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** WebSocket JSON-RPC against the scripted WebSocket server: calls, subscriptions, reconnects, gaps. */
class WsRpcClientTest {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final RetryPolicy FAST = RetryPolicy.of(3, Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofSeconds(5));
  static final WsSubscriptionSpec<Long> SLOTS = WsSubscriptionSpec.of("slot", "slotSubscribe",
      g -> g.writeString("finalized"), "slotUnsubscribe", JsonValues::longValue);

  /** Records everything a listener sees, in order. */
  static final class Recorder implements WsSubscriptionListener<Long> {
    final LinkedBlockingQueue<Object> seen = new LinkedBlockingQueue<>();

    @Override
    public void onEvent(Long event) {
      seen.add(event);
    }

    @Override
    public void onResubscribed(WsGap gap) {
      seen.add(gap);
    }

    @Override
    public void onError(TransportException error) {
      seen.add(error);
    }

    Object next() throws InterruptedException {
      Object o = seen.poll(5, TimeUnit.SECONDS);
      assertNotNull(o, "nothing arrived");
      return o;
    }
  }

  static String result(JsonNode req, String resultJson) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + req.get("id") + ",\"result\":" + resultJson + "}";
  }

  static String note(String subId, long slot) {
    return "{\"jsonrpc\":\"2.0\",\"method\":\"slotNotification\",\"params\":{\"subscription\":" + subId
        + ",\"result\":" + slot + "}}";
  }

  @Test
  void callsMatchResponsesByIdAndTypeErrors() throws Exception {
    try (ScriptedWebSocketServer s = new ScriptedWebSocketServer(c -> {
      String m;
      while ((m = c.readText()) != null) {
        JsonNode req = MAPPER.readTree(m);
        String method = req.get("method").asText();
        if (method.equals("getSlot")) {
          c.sendText(result(req, "77"));
        } else if (method.equals("bad")) {
          c.sendText("{\"jsonrpc\":\"2.0\",\"id\":" + req.get("id") + ",\"error\":{\"code\":-32601,\"message\":\"nope\"}}");
        } else if (method.equals("garbled")) {
          c.sendText(result(req, "\"not a number\""));
        }
        // "silent" gets no answer
      }
    });
         WsRpcClient ws = WsRpcClient.builder(s.url("/")).retryPolicy(FAST).requestTimeout(Duration.ofMillis(500)).build()) {
      awaitConnected(ws);
      assertEquals(77L, ws.call("getSlot", null, JsonValues::longValue).get(5, TimeUnit.SECONDS));
      TransportException e = failure(ws.call("bad", null, JsonValues::longValue));
      assertEquals(TransportException.Kind.RPC_ERROR, e.kind());
      assertEquals(-32601, e.code());
      assertEquals("bad", e.method());
      assertEquals(TransportException.Kind.MALFORMED_RESPONSE, failure(ws.call("garbled", null, JsonValues::longValue)).kind());
      assertEquals(TransportException.Kind.TIMEOUT, failure(ws.call("silent", null, JsonValues::longValue)).kind());
    }
  }

  @Test
  void subscriptionsAreRenewedAfterADropAndTheGapIsReportedBeforeNewEvents() throws Exception {
    AtomicInteger subscribes = new AtomicInteger();
    LinkedBlockingQueue<String> unsubscribed = new LinkedBlockingQueue<>();
    try (ScriptedWebSocketServer s = new ScriptedWebSocketServer(c -> {
      String m;
      while ((m = c.readText()) != null) {
        JsonNode req = MAPPER.readTree(m);
        String method = req.get("method").asText();
        if (method.equals("slotSubscribe")) {
          int n = subscribes.incrementAndGet();
          // the first connection gets a numeric id (Solana style), the second a string id (EVM style)
          String id = n == 1 ? "101" : "\"0xsub2\"";
          c.sendText(result(req, id));
          c.sendText(note(id, n * 100L + 1));
          c.sendText(note(id, n * 100L + 2));
          if (n == 1) {
            Thread.sleep(100);
            c.drop();
            return;
          }
        } else if (method.equals("slotUnsubscribe")) {
          unsubscribed.add(req.get("params").toString());
          c.sendText(result(req, "true"));
        } else if (method.equals("hang")) {
          // never answered: the drop fails it
        }
      }
    });
         WsRpcClient ws = WsRpcClient.builder(s.url("/")).retryPolicy(FAST).build()) {
      Recorder r = new Recorder();
      WsSubscription sub = ws.subscribe(SLOTS, r);
      assertEquals(101L, r.next());
      assertEquals("101", sub.serverId());
      assertEquals(102L, r.next());
      Object gap = r.next();
      assertTrue(gap instanceof WsGap, "the gap comes before any new event: " + gap);
      WsGap g = (WsGap) gap;
      assertTrue(!g.resubscribedAt().isBefore(g.disconnectedAt()), g.toString());
      assertNotNull(g.lastEventAt());
      assertTrue(g.reconnectAttempts() >= 1);
      assertEquals(201L, r.next());
      assertEquals(202L, r.next());
      assertEquals("0xsub2", sub.serverId());
      assertEquals(2, s.upgraded());
      sub.close();
      assertEquals("[\"0xsub2\"]", unsubscribed.poll(5, TimeUnit.SECONDS), "unsubscribed with the id as the server gave it");
      assertTrue(r.seen.isEmpty(), "nothing after close: " + r.seen);
      assertTrue(s.failures().isEmpty(), s.failures().toString());
    }
  }

  @Test
  void requestsInFlightFailWhenTheConnectionDrops() throws Exception {
    CountDownLatch got = new CountDownLatch(1);
    try (ScriptedWebSocketServer s = new ScriptedWebSocketServer(c -> {
      if (c.index == 0) {
        c.readText();
        got.countDown();
        Thread.sleep(50);
        c.drop();
        return;
      }
      while (c.readText() != null) {
        // later connections: silent
      }
    });
         WsRpcClient ws = WsRpcClient.builder(s.url("/")).retryPolicy(FAST).build()) {
      awaitConnected(ws);
      CompletableFuture<Long> f = ws.call("hang", null, JsonValues::longValue);
      assertTrue(got.await(5, TimeUnit.SECONDS));
      TransportException e = failure(f);
      assertEquals(TransportException.Kind.IO, e.kind(), e.getMessage());
      assertEquals("hang", e.method());
    }
  }

  @Test
  void reconnectionsArePacedByTheRetryPolicyAndHonourRetryAfter() throws Exception {
    RetryPolicy slow = RetryPolicy.of(3, Duration.ofMillis(400), Duration.ofMillis(400), Duration.ofSeconds(5));
    try (ScriptedWebSocketServer s = new ScriptedWebSocketServer(c -> c.drop())) {
      s.refuseNextHandshake(200, ""); // not an upgrade: a failure
      s.refuseNextHandshake(503, "Retry-After: 1\r\n");
      try (WsRpcClient ws = WsRpcClient.builder(s.url("/")).retryPolicy(slow).build()) {
        long t0 = System.nanoTime();
        while (s.handshakeTimes().size() < 4 && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10)) {
          Thread.sleep(20);
        }
        List<Long> t = s.handshakeTimes();
        assertTrue(t.size() >= 4, "handshakes: " + t.size());
        long first = TimeUnit.NANOSECONDS.toMillis(t.get(1) - t.get(0));
        long afterRetryAfter = TimeUnit.NANOSECONDS.toMillis(t.get(2) - t.get(1));
        long third = TimeUnit.NANOSECONDS.toMillis(t.get(3) - t.get(2));
        // the backoff is jittered within [200, 400] ms; Retry-After: 1 stretches one wait to >= 1 s
        assertTrue(first >= 180 && first < 1000, "first backoff " + first + " ms");
        assertTrue(afterRetryAfter >= 950, "Retry-After honoured: " + afterRetryAfter + " ms");
        assertTrue(third >= 180 && third < 1000, "third backoff " + third + " ms");
        assertEquals(slow, ws.retryPolicy());
      }
    }
  }

  @Test
  void reconnectDelayIsThePolicysBackoffOrACappedRetryAfter() throws Exception {
    RetryPolicy p = RetryPolicy.of(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(2));
    try (ScriptedWebSocketServer s = new ScriptedWebSocketServer(c -> {
      while (c.readText() != null) {
        // idle
      }
    });
         WsRpcClient ws = WsRpcClient.builder(s.url("/")).retryPolicy(p).build()) {
      for (int k = 0; k < 50; k++) {
        long d = ws.reconnectDelayNanos(k, null);
        long cap = Math.min(TimeUnit.SECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(100) << Math.min(k, 4));
        assertTrue(d >= cap / 2 && d <= cap, k + ": " + d);
      }
      assertEquals(TimeUnit.SECONDS.toNanos(2), ws.reconnectDelayNanos(0, Duration.ofMinutes(10)),
          "a long Retry-After is capped at maxRetryAfter (reconnection never gives up)");
      assertEquals(TimeUnit.MILLISECONDS.toNanos(1500), ws.reconnectDelayNanos(0, Duration.ofMillis(1500)));
    }
  }

  @Test
  void aSubscriptionMadeBeforeTheSocketOpensIsSentOnceItDoes() throws Exception {
    try (ScriptedWebSocketServer s = new ScriptedWebSocketServer(c -> {
      String m;
      while ((m = c.readText()) != null) {
        JsonNode req = MAPPER.readTree(m);
        if (req.get("method").asText().equals("slotSubscribe")) {
          c.sendText(result(req, "\"a\""));
          c.sendText(note("\"a\"", 5));
          c.sendText(note("\"other\"", 6)); // not ours: ignored
          c.sendText("not json at all");
          c.sendText(note("\"a\"", 7));
        }
      }
    });
         WsRpcClient ws = WsRpcClient.builder(s.url("/")).retryPolicy(FAST).build()) {
      Recorder r = new Recorder();
      ws.subscribe(SLOTS, r);
      assertEquals(5L, r.next());
      assertEquals(7L, r.next());
      assertNotEquals(0, s.upgraded());
    }
  }

  /** CometBFT's shape: subscribe returns {}, events are responses with id "<id>#event", unsubscribe takes the query. */
  @Test
  void responseEventsAreMatchedByRequestIdSuffixAndRenewedAfterADrop() throws Exception {
    AtomicInteger subscribes = new AtomicInteger();
    LinkedBlockingQueue<String> unsubscribed = new LinkedBlockingQueue<>();
    WsSubscriptionSpec<Long> spec = WsSubscriptionSpec.ofResponseEvents("tx", "subscribe",
        g -> g.writeString("tm.event='Tx'"), "#event", "unsubscribe", g -> g.writeString("tm.event='Tx'"), p -> {
          JsonValues.expectObject(p);
          long h = -1;
          String f;
          while ((f = JsonValues.nextField(p)) != null) {
            if (f.equals("h")) {
              h = JsonValues.longValue(p);
            } else {
              JsonValues.skip(p);
            }
          }
          return h;
        });
    try (ScriptedWebSocketServer s = new ScriptedWebSocketServer(c -> {
      String m;
      while ((m = c.readText()) != null) {
        JsonNode req = MAPPER.readTree(m);
        String method = req.get("method").asText();
        if (method.equals("subscribe")) {
          int n = subscribes.incrementAndGet();
          assertEquals("[\"tm.event='Tx'\"]", req.get("params").toString());
          String evId = "\"" + req.get("id").asLong() + "#event\"";
          c.sendText(result(req, "{}"));
          c.sendText("{\"jsonrpc\":\"2.0\",\"id\":" + evId + ",\"result\":{\"h\":" + (n * 10 + 1) + "}}");
          // an event of someone else's subscription id is not delivered
          c.sendText("{\"jsonrpc\":\"2.0\",\"id\":\"999#event\",\"result\":{\"h\":5}}");
          c.sendText("{\"jsonrpc\":\"2.0\",\"id\":" + evId + ",\"result\":{\"h\":" + (n * 10 + 2) + "}}");
          if (n == 1) {
            Thread.sleep(100);
            c.drop();
            return;
          }
        } else if (method.equals("unsubscribe")) {
          unsubscribed.add(req.get("params").toString());
          c.sendText(result(req, "{}"));
        }
      }
    });
         WsRpcClient ws = WsRpcClient.builder(s.url("/websocket")).retryPolicy(FAST).build()) {
      Recorder r = new Recorder();
      WsSubscription sub = ws.subscribe(spec, r);
      assertEquals(11L, r.next());
      assertEquals(12L, r.next());
      Object gap = r.next();
      assertTrue(gap instanceof WsGap, "the gap comes before the renewed events: " + gap);
      assertEquals(21L, r.next());
      assertEquals(22L, r.next());
      assertTrue(sub.serverId().endsWith("#event"), sub.serverId());
      sub.close();
      assertEquals("[\"tm.event='Tx'\"]", unsubscribed.poll(5, TimeUnit.SECONDS));
      assertEquals(null, r.seen.poll(100, TimeUnit.MILLISECONDS), "nothing else was delivered");
    }
  }

  @Test
  void clientsCanShareTheCallersSchedulerWhichCloseLeavesRunningAndEmpty() throws Exception {
    java.util.concurrent.ScheduledThreadPoolExecutor shared = new java.util.concurrent.ScheduledThreadPoolExecutor(1);
    shared.setRemoveOnCancelPolicy(true);
    RetryPolicy slow = RetryPolicy.of(3, Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(5));
    try (ScriptedWebSocketServer s = new ScriptedWebSocketServer(c -> {
      if (c.index == 1) { // the second client's connection drops at once: it schedules a reconnect
        c.drop();
        return;
      }
      while (c.readText() != null) {
        // silent: calls time out
      }
    })) {
      WsRpcClient a = WsRpcClient.builder(s.url("/")).scheduler(shared).retryPolicy(slow)
          .requestTimeout(Duration.ofMillis(200)).build();
      awaitConnected(a);
      WsRpcClient b = WsRpcClient.builder(s.url("/")).scheduler(shared).retryPolicy(slow).build();
      long t0 = System.nanoTime();
      while (s.handshakeTimes().size() < 2 && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5)) {
        Thread.sleep(5);
      }
      // the request timeout runs on the shared scheduler
      TransportException e = failure(a.call("hang", null, JsonValues::longValue));
      assertEquals(TransportException.Kind.TIMEOUT, e.kind(), e.getMessage());
      CompletableFuture<Long> pendingCall = a.call("hang", null, JsonValues::longValue);
      t0 = System.nanoTime();
      while (shared.getQueue().size() < 2 && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5)) {
        Thread.sleep(5); // b's reconnect and a's new timer
      }
      assertEquals(2, shared.getQueue().size(), "b's reconnect and a's timer are queued");
      a.close();
      b.close();
      assertEquals(TransportException.Kind.CLOSED, failure(pendingCall).kind());
      // closing took the clients' tasks off the scheduler and left it running
      assertEquals(0, shared.getQueue().size(), "tasks left on the shared scheduler");
      assertTrue(!shared.isShutdown(), "a client shut down the caller's scheduler");
      int handshakes = s.handshakeTimes().size();
      Thread.sleep(3500); // past b's reconnect delay: no reconnection after close
      assertEquals(handshakes, s.handshakeTimes().size(), "reconnected after close");
    } finally {
      shared.shutdownNow();
    }
  }

  static void awaitConnected(WsRpcClient ws) throws InterruptedException {
    long t0 = System.nanoTime();
    while (!ws.isConnected() && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5)) {
      Thread.sleep(5);
    }
    assertTrue(ws.isConnected());
  }

  static TransportException failure(CompletableFuture<?> f) throws InterruptedException, java.util.concurrent.TimeoutException {
    try {
      f.get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return (TransportException) e.getCause();
    }
    throw new AssertionError("expected a failure");
  }
}
