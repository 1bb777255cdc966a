package dev.cairn.svm.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.svm.Pubkey;
import dev.cairn.svm.rpc.AccountEncoding;
import dev.cairn.svm.rpc.Commitment;
import dev.cairn.testing.server.ScriptedWebSocketServer;
import dev.cairn.transport.RetryPolicy;
import dev.cairn.transport.TransportException;
import dev.cairn.transport.ws.WsGap;
import dev.cairn.transport.ws.WsSubscription;
import dev.cairn.transport.ws.WsSubscriptionListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Reconnection with a scripted node: the account subscription is renewed, the gap reported, events keep coming; bad notifications are typed errors. */
class SvmSubscriptionsReconnectTest {
  private static final Pubkey KEY = Pubkey.of(new byte[32]);

  private static String id(String request) {
    int k = request.indexOf("\"id\":");
    int e = k + 5;
    while (Character.isDigit(request.charAt(e))) {
      e++;
    }
    return request.substring(k + 5, e);
  }

  private static String notification(int sub, long slot, long lamports) {
    return "{\"jsonrpc\":\"2.0\",\"method\":\"accountNotification\",\"params\":{\"subscription\":" + sub + ",\"result\":{\"context\":{\"slot\":"
        + slot + "},\"value\":{\"data\":[\"\",\"base64\"],\"executable\":false,\"lamports\":" + lamports
        + ",\"owner\":\"11111111111111111111111111111111\",\"rentEpoch\":0}}}}";
  }

  @Test
  void resubscribesAfterADroppedConnection() throws Exception {
    List<String> requests = new CopyOnWriteArrayList<>();
    try (ScriptedWebSocketServer server = new ScriptedWebSocketServer(c -> {
      String req = c.readText();
      requests.add(req);
      int sub = 10 + c.index;
      c.sendText("{\"jsonrpc\":\"2.0\",\"result\":" + sub + ",\"id\":" + id(req) + "}");
      if (c.index == 0) {
        c.sendText(notification(sub, 5, 100));
        c.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"accountNotification\",\"params\":{\"subscription\":" + sub
            + ",\"result\":{\"context\":{\"slot\":6},\"value\":{\"lamports\":-1}}}}");
        Thread.sleep(200);
        c.drop();
        return;
      }
      c.sendText(notification(sub, 9, 300));
      while (c.readText() != null) {
        // keep the connection until the client closes
      }
    });
        SvmSubscriptions subs = SvmSubscriptions.builder(server.url("/")).commitment(Commitment.FINALIZED)
            .retryPolicy(RetryPolicy.of(3, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(1))).build()) {
      BlockingQueue<Object> events = new LinkedBlockingQueue<>();
      WsSubscription s = subs.accountSubscribe(KEY, AccountEncoding.BASE64, new WsSubscriptionListener<>() {
        @Override
        public void onEvent(AccountNotification event) {
          events.add(event);
        }

        @Override
        public void onResubscribed(WsGap gap) {
          events.add(gap);
        }

        @Override
        public void onError(TransportException error) {
          events.add(error);
        }
      });
      AccountNotification first = (AccountNotification) poll(events);
      assertEquals(5, first.slot());
      assertEquals(100, first.account().lamports());
      TransportException bad = (TransportException) poll(events);
      assertEquals(TransportException.Kind.MALFORMED_RESPONSE, bad.kind());
      assertTrue(bad.getMessage().contains("lamports"), bad.getMessage());
      assertTrue(poll(events) instanceof WsGap);
      AccountNotification after = (AccountNotification) poll(events);
      assertEquals(9, after.slot());
      assertEquals(300, after.account().lamports());
      assertEquals(KEY, after.pubkey());
      assertEquals("11", s.serverId());
      assertEquals(2, requests.size());
      for (String r : requests) {
        assertTrue(r.contains("\"method\":\"accountSubscribe\",\"params\":[\"" + KEY + "\",{\"encoding\":\"base64\",\"commitment\":\"finalized\"}]"), r);
      }
    }
  }

  private static Object poll(BlockingQueue<Object> q) throws InterruptedException {
    Object o = q.poll(20, TimeUnit.SECONDS);
    assertNotNull(o, "nothing within 20 s");
    return o;
  }
}
