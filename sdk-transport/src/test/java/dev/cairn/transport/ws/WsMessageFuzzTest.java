package dev.cairn.transport.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.transport.JsonValues;
import dev.cairn.transport.RetryPolicy;
import dev.cairn.transport.TransportException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * WebSocket text messages as a node pushes them to WsRpcClient: responses to pending calls,
 * subscription confirmations, notifications ({@code eth_subscription}) and CometBFT-style event
 * responses, in any order and malformed. WebSocket framing itself is OkHttp's; the client sees
 * whole text messages, which is what this target feeds it (no socket: an OkHttpClient whose
 * newWebSocket hands the client's listener to the test). Every pending call and every
 * subscription event ends in its value or a TransportException; handling a message never throws.
 *
 * <p>The input is split at newlines into up to 16 messages.
 */
class WsMessageFuzzTest {
  // one OkHttpClient for all inputs (building one per input costs more than the whole exchange);
  // the client does not own it, so closing a client leaves it alone
  private static final FakeHttp HTTP = new FakeHttp();
  // and one scheduler (a client of its own starts a thread per input: 1,000 inputs/s instead of
  // several times that); close() takes each client's timers off it
  private static final java.util.concurrent.ScheduledThreadPoolExecutor SCHEDULER = scheduler();

  private static java.util.concurrent.ScheduledThreadPoolExecutor scheduler() {
    java.util.concurrent.ScheduledThreadPoolExecutor s = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "ws-fuzz-scheduler");
      t.setDaemon(true);
      return t;
    });
    s.setRemoveOnCancelPolicy(true);
    return s;
  }

  @FuzzTest
  void messages(byte[] input) throws Exception {
    FakeHttp http = HTTP;
    http.sent.clear();
    WsRpcClient client = WsRpcClient.builder("ws://fuzz.invalid/").okHttpClient(http)
        .scheduler(SCHEDULER).retryPolicy(RetryPolicy.NONE).requestTimeout(Duration.ofMinutes(1)).build();
    try {
      WebSocket ws = http.socket;
      http.listener.onOpen(ws, new Response.Builder().request(ws.request()).protocol(Protocol.HTTP_1_1)
          .code(101).message("Switching Protocols").build());
      Recorder<String> heads = new Recorder<>();
      Recorder<String> events = new Recorder<>();
      client.subscribe(WsSubscriptionSpec.of("newHeads", "eth_subscribe", null, "eth_unsubscribe",
          JsonValues::string), heads); // request id 1
      client.subscribe(WsSubscriptionSpec.ofResponseEvents("tm", "subscribe", null, "#event", "unsubscribe", null,
          JsonValues::rawJson), events); // request id 2, events as responses with id "2#event"
      CompletableFuture<Long> call = client.call("eth_blockNumber", null, JsonValues::longValue); // id 3
      CompletableFuture<List<String>> listCall =
          client.call("eth_accounts", null, p -> JsonValues.list(p, JsonValues::string)); // id 4
      assertEquals(4, http.sent.size(), "requests sent");
      // the server confirms newHeads as 0xabc; the rest is fuzzed
      http.listener.onMessage(ws, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0xabc\"}");
      String text = new String(input, StandardCharsets.UTF_8);
      String[] messages = text.split("\n", 17);
      for (int i = 0; i < Math.min(16, messages.length); i++) {
        http.listener.onMessage(ws, messages[i]);
      }
      // the connection drops: whatever is still pending fails with a TransportException
      http.listener.onClosed(ws, 1001, "going away");
      checkOutcome(call);
      checkOutcome(listCall);
      assertTrue(heads.subscribed <= 1 && events.subscribed <= 1, "confirmed more than once");
    } finally {
      client.close();
    }
    // nothing of this input's client is left on the shared scheduler (a reconnect after the drop
    // is cancelled by close(), and every call's timer with its call)
    assertEquals(0, SCHEDULER.getQueue().size(), "tasks left on the scheduler after close()");
  }

  private static void checkOutcome(CompletableFuture<?> f) throws InterruptedException {
    assertTrue(f.isDone(), "a call was left without an outcome after the connection dropped");
    try {
      f.get();
    } catch (ExecutionException e) {
      assertTrue(e.getCause() instanceof TransportException, "not a TransportException: " + e.getCause());
    }
  }

  private static final class Recorder<T> implements WsSubscriptionListener<T> {
    final List<T> seen = new ArrayList<>();
    int subscribed;

    @Override
    public void onEvent(T event) {
      seen.add(event);
    }

    @Override
    public void onSubscribed() {
      subscribed++;
    }

    @Override
    public void onError(TransportException error) {
      assertTrue(error.kind() != null);
    }
  }

  /** Hands the client's listener to the test instead of connecting. */
  private static final class FakeHttp extends OkHttpClient {
    WebSocketListener listener;
    FakeSocket socket;
    final List<String> sent = new ArrayList<>();

    @Override
    public WebSocket newWebSocket(Request request, WebSocketListener l) {
      listener = l;
      socket = new FakeSocket(request, sent);
      return socket;
    }
  }

  private record FakeSocket(Request request, List<String> sent) implements WebSocket {
    @Override
    public long queueSize() {
      return 0;
    }

    @Override
    public boolean send(String text) {
      sent.add(text);
      return true;
    }

    @Override
    public boolean send(ByteString bytes) {
      return true;
    }

    @Override
    public boolean close(int code, String reason) {
      return true;
    }

    @Override
    public void cancel() {
    }
  }
}
