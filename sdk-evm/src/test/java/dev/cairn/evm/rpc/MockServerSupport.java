package dev.cairn.evm.rpc;

import dev.cairn.transport.*;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A MockWebServer and a client pointing at it, with fast retries. */
abstract class MockServerSupport {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final RetryPolicy FAST_RETRY = RetryPolicy.of(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(3));

  MockWebServer server;
  EvmRpcClient client;
  final LinkedBlockingQueue<Function<JsonNode, MockResponse>> responses = new LinkedBlockingQueue<>();

  /** Answers from {@link #responses}, giving each the request (parsed) so it can echo ids. */
  final class EchoDispatcher extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      Function<JsonNode, MockResponse> f = responses.poll(5, TimeUnit.SECONDS);
      if (f == null) {
        return new MockResponse.Builder().code(599).body("no response queued").build();
      }
      JsonNode req;
      try {
        req = MAPPER.readTree(request.getBody().utf8());
      } catch (Exception e) {
        req = null;
      }
      return f.apply(req);
    }
  }

  /** The id of a single request. */
  static String idOf(JsonNode req) {
    return req != null && req.has("id") ? req.get("id").toString() : "1";
  }

  @BeforeEach
  void startServer() throws Exception {
    server = new MockWebServer();
    server.setDispatcher(new EchoDispatcher());
    server.start();
    client = newClient(builder(server.url("/").toString()).retryPolicy(FAST_RETRY).timeout(Duration.ofSeconds(10)));
  }

  /**
   * A builder for {@code url}; subclasses choose the HTTP channel (OkHttp here, explicitly: the
   * endpoint rule would pick the pipelined channel for this loopback server).
   */
  EvmRpcClient.Builder builder(String url) {
    return EvmRpcClient.builder(url).okHttp();
  }

  EvmRpcClient newClient(EvmRpcClient.Builder b) {
    return b.build();
  }

  @AfterEach
  void stopServer() {
    client.close();
    server.close();
  }

  /** Queues a 200 response; a literal {@code "id":1} in it is replaced by the request's id. */
  void enqueue(String body) {
    responses.add(req -> new MockResponse.Builder().addHeader("Content-Type", "application/json")
        .body(body.replace("\"id\":1", "\"id\":" + idOf(req))).build());
  }

  /** Queues a response computed from the request. */
  void enqueue(Function<JsonNode, MockResponse> f) {
    responses.add(f);
  }

  void enqueueResult(String resultJson) {
    enqueue(Fixtures.envelope(resultJson));
  }

  void enqueue(int status, String body) {
    responses.add(req -> new MockResponse.Builder().code(status).body(body).build());
  }

  /** The next request's JSON body. */
  JsonNode takeRequest() throws Exception {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("no request");
    }
    return MAPPER.readTree(r.getBody().utf8());
  }
}
