package dev.cairn.evm.rpc.ws;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.abi.Address;
import dev.cairn.evm.rpc.BlockHeader;
import dev.cairn.evm.rpc.EvmRpcClient;
import dev.cairn.evm.rpc.Hash32;
import dev.cairn.evm.rpc.Log;
import dev.cairn.evm.rpc.LogFilter;
import dev.cairn.transport.TransportException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EvmWsClientTest {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String BLOCK_HASH = "0x6c3d8e7a6d0f2e5f6d2d5a7b5f7c7b0e2b5c0d1c4f7e2a9b8c3d4e5f60718293";
  static final String CONTRACT = "0x5fbdb2315678afecb367f032d93f642f64180aa3";

  /** A node that answers eth_subscribe / eth_blockNumber / eth_unsubscribe and lets the test push notifications. */
  static final class FakeNode extends WebSocketListener {
    volatile WebSocket current;
    volatile long head = 10;
    final AtomicInteger subscribes = new AtomicInteger();
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    @Override
    public void onOpen(WebSocket ws, Response response) {
      current = ws;
    }

    @Override
    public void onClosing(WebSocket ws, int code, String reason) {
      ws.close(1000, null);
    }

    @Override
    public void onMessage(WebSocket ws, String text) {
      try {
        JsonNode req = MAPPER.readTree(text);
        requests.add(req);
        String id = req.get("id").toString();
        String result;
        switch (req.get("method").asText()) {
          case "eth_subscribe": result = "\"0xsub" + subscribes.incrementAndGet() + "\""; break;
          case "eth_blockNumber": result = "\"0x" + Long.toHexString(head) + "\""; break;
          case "eth_unsubscribe": result = "true"; break;
          default: result = "null";
        }
        ws.send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + result + "}");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    void push(String result) {
      current.send("{\"jsonrpc\":\"2.0\",\"method\":\"eth_subscription\",\"params\":{\"subscription\":\"0xsub"
          + subscribes.get() + "\",\"result\":" + result + "}}");
    }

    void awaitSubscribes(int n) throws InterruptedException {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (subscribes.get() < n || current == null) {
        if (System.nanoTime() > end) {
          fail("expected " + n + " eth_subscribe requests, saw " + subscribes.get());
        }
        Thread.sleep(5);
      }
      Thread.sleep(50); // let the client process the subscribe answer (and its eth_blockNumber)
    }
  }

  MockWebServer server;
  FakeNode node;
  BlockingQueue<Object> events;

  @BeforeEach
  void start() throws Exception {
    node = new FakeNode();
    events = new LinkedBlockingQueue<>();
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().startsWith("/rpc")) {
          try {
            JsonNode req = MAPPER.readTree(request.getBody().utf8());
            JsonNode filter = req.get("params").get(0);
            long from = Long.decode(filter.get("fromBlock").asText());
            long to = Long.decode(filter.get("toBlock").asText());
            return new MockResponse.Builder().body("{\"jsonrpc\":\"2.0\",\"id\":" + req.get("id") + ",\"result\":["
                + log(from) + "," + log(to) + "]}").build();
          } catch (Exception e) {
            return new MockResponse.Builder().code(500).build();
          }
        }
        return new MockResponse.Builder().webSocketUpgrade(node).build();
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private EvmWsClient newClient() {
    return EvmWsClient.builder(server.url("/").toString().replace("http:", "ws:"))
        .reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(50)).requestTimeout(Duration.ofSeconds(5)).build();
  }

  static String header(long n) {
    return "{\"number\":\"0x" + Long.toHexString(n) + "\",\"hash\":\"" + BLOCK_HASH + "\",\"parentHash\":\"" + BLOCK_HASH
        + "\",\"stateRoot\":\"" + BLOCK_HASH + "\",\"transactionsRoot\":\"" + BLOCK_HASH + "\",\"receiptsRoot\":\""
        + BLOCK_HASH + "\",\"gasLimit\":\"0x1c9c380\",\"gasUsed\":\"0x0\",\"timestamp\":\"0x66a1b2c3\","
        + "\"baseFeePerGas\":\"0x7\",\"miner\":\"0x0000000000000000000000000000000000000000\"}";
  }

  static String log(long block) {
    return "{\"address\":\"" + CONTRACT + "\",\"topics\":[],\"data\":\"0x\",\"blockNumber\":\"0x" + Long.toHexString(block)
        + "\",\"blockHash\":\"" + BLOCK_HASH + "\",\"transactionHash\":\"" + BLOCK_HASH
        + "\",\"transactionIndex\":\"0x0\",\"logIndex\":\"0x0\",\"removed\":false}";
  }

  private <T> SubscriptionListener<T> collector() {
    return new SubscriptionListener<T>() {
      @Override
      public void onEvent(T event) {
        events.add(event);
      }

      @Override
      public void onGap(Gap gap) {
        events.add(gap);
      }

      @Override
      public void onError(TransportException error) {
        events.add(error);
      }
    };
  }

  private Object next() throws InterruptedException {
    Object o = events.poll(10, TimeUnit.SECONDS);
    assertNotNull(o, "no event within 10 s");
    return o;
  }

  @Test
  void newHeadsSurviveADroppedConnectionAndReportTheGap() throws Exception {
    try (EvmWsClient ws = newClient()) {
      Subscription sub = ws.subscribeNewHeads(collector());
      node.awaitSubscribes(1);
      assertEquals("newHeads", node.requests.get(0).get("params").get(0).asText());
      assertEquals("0xsub1", sub.serverId());
      node.push(header(1));
      node.push(header(2));
      assertEquals(1L, ((BlockHeader) next()).numberOrMinusOne());
      assertEquals(2L, ((BlockHeader) next()).numberOrMinusOne());

      node.current.close(1012, "restarting"); // the server drops the connection
      node.awaitSubscribes(2);
      assertEquals("0xsub2", sub.serverId());
      node.push(header(5));
      Gap gap = (Gap) next();
      assertTrue(gap.hasBlockRange());
      assertEquals(3, gap.fromBlock());
      assertEquals(4, gap.toBlock());
      assertEquals(5L, ((BlockHeader) next()).numberOrMinusOne());

      sub.close();
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (node.requests.stream().noneMatch(r -> r.get("method").asText().equals("eth_unsubscribe"))) {
        assertTrue(System.nanoTime() < end, "no eth_unsubscribe");
        Thread.sleep(5);
      }
    }
  }

  @Test
  void logsGapIsBackfilled() throws Exception {
    LogFilter filter = LogFilter.builder().address(Address.parse(CONTRACT)).build();
    try (EvmWsClient ws = newClient();
         EvmRpcClient http = EvmRpcClient.create(server.url("/rpc").toString())) {
      ws.subscribeLogs(filter, collector());
      node.awaitSubscribes(1);
      JsonNode subReq = node.requests.get(0);
      assertEquals("logs", subReq.get("params").get(0).asText());
      assertEquals(CONTRACT, subReq.get("params").get(1).get("address").asText());
      node.push(log(12));
      assertEquals(12L, ((Log) next()).blockNumber().orElseThrow());

      node.head = 20;
      node.current.close(1012, "restarting");
      node.awaitSubscribes(2);
      Gap gap = (Gap) next();
      assertEquals(12, gap.fromBlock());
      assertEquals(20, gap.toBlock());
      List<Log> missed = LogBackfill.backfill(http, filter, gap, 5);
      assertEquals(4, missed.size()); // two calls: 12..16 and 17..20, two logs each
      assertEquals(12L, missed.get(0).blockNumber().orElseThrow());
      assertEquals(20L, missed.get(3).blockNumber().orElseThrow());
    }
  }

  @Test
  void pendingTransactionsReportAGapWithoutBlocks() throws Exception {
    try (EvmWsClient ws = newClient()) {
      ws.subscribeNewPendingTransactions(collector());
      node.awaitSubscribes(1);
      node.push("\"" + BLOCK_HASH + "\"");
      assertEquals(Hash32.parse(BLOCK_HASH), next());
      node.push("12");
      assertEquals(TransportException.Kind.MALFORMED_RESPONSE, ((TransportException) next()).kind());
      node.current.close(1012, "restarting");
      node.awaitSubscribes(2);
      Gap gap = (Gap) next();
      assertFalse(gap.hasBlockRange());
      assertTrue(ws.isConnected());
    }
  }
}
