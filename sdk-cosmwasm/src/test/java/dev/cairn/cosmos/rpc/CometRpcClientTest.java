package dev.cairn.cosmos.rpc;

import static dev.cairn.cosmos.testsupport.FixtureServer.rpcError;
import static dev.cairn.cosmos.testsupport.FixtureServer.rpcResult;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.client.BroadcastResult;
import dev.cairn.cosmos.client.TxResult;
import dev.cairn.cosmos.testsupport.FixtureServer;
import dev.cairn.cosmos.testsupport.Fixtures;
import dev.cairn.cosmos.testsupport.Tx;
import dev.cairn.testing.server.ScriptedWebSocketServer;
import dev.cairn.transport.JsonRpcClient;
import dev.cairn.transport.RetryPolicy;
import dev.cairn.transport.TransportException;
import dev.cairn.transport.ws.WsGap;
import dev.cairn.transport.ws.WsRpcClient;
import dev.cairn.transport.ws.WsSubscription;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CometBFT client against the documented JSON-RPC shapes of CometBFT 0.37 and 0.38, served by the scripted servers. */
class CometRpcClientTest {
  static final ChainId CHAIN = ChainId.cosmos("cosmoshub-4");
  static final String ADDR = "cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu";
  /** The hash of the transaction in the tx, block and event fixtures. */
  static final String TXH = "9166CFC0BC11C4BB687642F88F65C5333F77EFBD122397CCC07128A6383392AC";
  static final RetryPolicy FAST = RetryPolicy.of(2, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(1));

  static CometRpcClient client(FixtureServer s) {
    return CometRpcClient.of(JsonRpcClient.builder(s.url()).retryPolicy(FAST).timeout(Duration.ofSeconds(5)).build(), CHAIN);
  }

  static String method(FixtureServer.Request r) {
    return r.json().get("method").asText();
  }

  @ParameterizedTest(name = "CometBFT {0}")
  @ValueSource(strings = {"cometbft-0.37", "cometbft-0.38"})
  void statusAbciQueryBlock(String v) throws Exception {
    try (FixtureServer s = new FixtureServer(r -> {
      switch (method(r)) {
        case "status": return rpcResult(r, Fixtures.read(v, "status.json"));
        case "abci_query":
          return rpcResult(r, Fixtures.read(v, r.json().get("params").get(0).asText().equals("/bad")
              ? "abci-query-error.json" : "abci-query.json"));
        case "block": return rpcResult(r, Fixtures.read(v, "block.json"));
        default: return rpcError(r, "{\"code\":-32601,\"message\":\"Method not found\"}");
      }
    }); CometRpcClient rpc = client(s)) {
      NodeStatus st = rpc.status();
      assertEquals("cosmoshub-4", st.network());
      assertEquals(v.equals("cometbft-0.38") ? "0.38.12" : "0.37.4", st.version());
      assertEquals(1234570, st.latestBlockHeight());
      assertFalse(st.catchingUp());
      assertEquals("5A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F9", st.latestBlockHash());

      AbciQueryResult q = rpc.abciQuery("/cosmos.bank.v1beta1.Query/Balance", new byte[] {0x0a, 0x01}, 0, false);
      JsonNode params = s.requests.get(1).json().get("params");
      assertEquals("[\"/cosmos.bank.v1beta1.Query/Balance\",\"0a01\",\"0\",false]", params.toString());
      assertTrue(q.isSuccess());
      assertEquals(1234570, q.height());
      assertArrayEquals(Base64.getDecoder().decode("CgV1YXRvbRIHMTAwMDAwMA=="), q.value());
      AbciQueryResult bad = rpc.abciQuery("/bad", new byte[0], 5, true);
      assertEquals(6, bad.code());
      assertEquals("sdk", bad.codespace());
      assertEquals("unknown query path", bad.log());
      assertEquals(0, bad.value().length);

      BlockInfo b = rpc.block(1234567);
      assertEquals("[\"1234567\"]", s.requests.get(3).json().get("params").toString(), "heights go as strings");
      assertEquals(1234567, b.height());
      assertEquals("cosmoshub-4", b.chainId());
      assertEquals(1, b.txCount());
      assertEquals(TXH, Tx.hash(b.tx(0)));
      assertEquals("A3B663CCFD48A76AE3681DE996A2B7578B727F43", b.proposerAddress());
      TransportException wrongHeight = assertThrows(TransportException.class, () -> rpc.block(99));
      assertEquals(TransportException.Kind.MALFORMED_RESPONSE, wrongHeight.kind());
    }
  }

  @ParameterizedTest(name = "CometBFT {0}")
  @ValueSource(strings = {"cometbft-0.37", "cometbft-0.38"})
  void broadcastTxSyncAndTx(String v) throws Exception {
    AtomicInteger broadcasts = new AtomicInteger();
    try (FixtureServer s = new FixtureServer(r -> {
      switch (method(r)) {
        case "broadcast_tx_sync": {
          String hash = Tx.hash(Tx.decode(r.json().get("params").get(0).asText()));
          int n = broadcasts.incrementAndGet();
          if (n == 3) {
            return rpcError(r, Fixtures.read(v, "broadcast-tx-sync-in-cache.error.json"));
          }
          return rpcResult(r, Fixtures.read(v, n == 1 ? "broadcast-tx-sync.json" : "broadcast-tx-sync-sequence-mismatch.json")
              .replace("${TXHASH}", hash));
        }
        case "tx": {
          String hash = Tx.hashOfHex(Base64.getDecoder().decode(r.json().get("params").get(0).asText()));
          return hash.equals(TXH) ? rpcResult(r, Fixtures.read(v, "tx.json"))
              : rpcError(r, Fixtures.read(v, "tx-not-found.error.json"));
        }
        default: return rpcError(r, "{\"code\":-32601,\"message\":\"Method not found\"}");
      }
    }); CometRpcClient rpc = client(s)) {
      byte[] tx = Tx.bytes("rpc");
      BroadcastResult ok = rpc.broadcastTxSync(tx);
      assertTrue(ok.isAccepted());
      assertEquals(Tx.hash(tx), ok.txHash());
      assertArrayEquals(tx, Tx.decode(s.requests.get(0).json().get("params").get(0).asText()), "tx goes as base64");
      BroadcastResult mismatch = rpc.broadcastTxSync(tx);
      assertEquals(ErrorKind.NONCE_MISMATCH, mismatch.error(CHAIN).orElseThrow().kind());
      ChainException inCache = assertThrows(ChainException.class, () -> rpc.broadcastTxSync(tx));
      assertEquals(ErrorKind.REJECTED_BY_NODE, inCache.kind());
      assertEquals("jsonrpc:-32603", inCache.error().nativeCode().orElseThrow());
      assertTrue(inCache.error().nativeMessage().orElseThrow().contains("tx already exists in cache"));
      assertEquals(3, broadcasts.get(), "a broadcast is not retried once it reached the node");

      TxResult t = rpc.tx(TXH.toLowerCase()).orElseThrow();
      assertEquals(TXH, t.txHash());
      assertEquals(1234567, t.height());
      assertEquals(108493, t.gasWanted());
      assertEquals(83456, t.gasUsed());
      assertTrue(t.isSuccess());
      assertEquals(ADDR, t.events("message").get(0).attribute("sender").orElseThrow());
      assertEquals(v.equals("cometbft-0.38"), t.events("message").get(0).attribute("msg_index").isPresent());
      assertFalse(t.timestamp().isPresent());
      assertFalse(rpc.tx("00".repeat(32)).isPresent());
    }
  }

  @Test
  void blockResultsOf037HaveBeginAndEndBlockEventsAnd038FinalizeBlockEvents() throws Exception {
    for (String v : Fixtures.COMET_VERSIONS) {
      try (FixtureServer s = new FixtureServer(r -> rpcResult(r, Fixtures.read(v, "block-results.json")));
           CometRpcClient rpc = client(s)) {
        BlockResults br = rpc.blockResults(1234567);
        assertEquals(1234567, br.height());
        assertEquals(1, br.txResults().size());
        assertEquals(83456, br.txResults().get(0).gasUsed());
        assertEquals(v.equals("cometbft-0.38"), br.isFinalizeBlock(), v);
        assertEquals(3, br.blockEvents().size(), v);
        assertEquals("coin_received", br.blockEvents().get(0).type());
        assertEquals("complete_unbonding", br.blockEvents().get(2).type());
      }
    }
  }

  @Test
  void malformedRpcResultsNameTheField() throws Exception {
    String[][] cases = {
        {"{\"node_info\":{\"network\":\"x\"},\"sync_info\":{\"latest_block_height\":\"12\"}}", "/result/sync_info/catching_up"},
        {"{\"node_info\":{},\"sync_info\":{\"latest_block_height\":\"12\",\"catching_up\":false}}", "/result/node_info/network"},
        {"{\"node_info\":{\"network\":\"x\"},\"sync_info\":{\"latest_block_height\":12.5,\"catching_up\":false}}",
            "/result/sync_info/latest_block_height"},
        {"{\"node_info\":{\"network\":\"x\"},\"sync_info\":{\"latest_block_height\":\"-1\",\"catching_up\":false}}",
            "/result/sync_info/latest_block_height"},
        {"{\"node_info\":{\"network\":\"x\"},\"sync_info\":{\"latest_block_height\":\"1\",\"catching_up\":\"no\"}}",
            "/result/sync_info/catching_up"},
    };
    AtomicInteger i = new AtomicInteger();
    try (FixtureServer s = new FixtureServer(r -> rpcResult(r, cases[i.getAndIncrement()][0])); CometRpcClient rpc = client(s)) {
      for (String[] c : cases) {
        TransportException e = assertThrows(TransportException.class, rpc::status, c[0]);
        assertEquals(TransportException.Kind.MALFORMED_RESPONSE, e.kind());
        assertEquals(c[1], e.path().orElseThrow(), e.getMessage());
      }
    }
    assertThrows(CosmosException.class, () -> CometRpcClient.txQueryBySender("cosmos1' OR tm.event='NewBlock"));
  }

  @ParameterizedTest(name = "CometBFT {0}")
  @ValueSource(strings = {"cometbft-0.37", "cometbft-0.38"})
  void txSubscriptionIsRenewedAfterADropAndReportsTheGap(String v) throws Exception {
    String event = Fixtures.read(v, "ws-event-tx.json");
    String query = CometRpcClient.txQueryBySender(ADDR);
    AtomicInteger subscribes = new AtomicInteger();
    LinkedBlockingQueue<String> unsubscribed = new LinkedBlockingQueue<>();
    try (ScriptedWebSocketServer ws = new ScriptedWebSocketServer(c -> {
      String m;
      while ((m = c.readText()) != null) {
        JsonNode req = FixtureServer.MAPPER.readTree(m);
        String method = req.get("method").asText();
        if (method.equals("subscribe")) {
          assertEquals(query, req.get("params").get(0).asText());
          int n = subscribes.incrementAndGet();
          c.sendText("{\"jsonrpc\":\"2.0\",\"id\":" + req.get("id") + ",\"result\":{}}");
          String id = "\"" + req.get("id").asLong() + "#event\"";
          c.sendText("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":"
              + (n == 1 ? event : event.replace("1234567", "1234999")) + "}");
          if (n == 1) {
            // a garbled event is reported, not delivered
            c.sendText("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{\"data\":{\"type\":\"tendermint/event/Tx\"}}}");
            Thread.sleep(100);
            c.drop();
            return;
          }
        } else if (method.equals("unsubscribe")) {
          unsubscribed.add(req.get("params").get(0).asText());
          c.sendText("{\"jsonrpc\":\"2.0\",\"id\":" + req.get("id") + ",\"result\":{}}");
        }
      }
    });
         WsRpcClient client = WsRpcClient.builder(ws.url("/websocket"))
             .retryPolicy(RetryPolicy.of(3, Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofSeconds(5))).build()) {
      LinkedBlockingQueue<Object> seen = new LinkedBlockingQueue<>();
      WsSubscription sub = CometRpcClient.subscribeTxs(client, query, new CometTxListener() {
        @Override
        public void onTx(TxResult tx) {
          seen.add(tx);
        }

        @Override
        public void onGap(long lastSeenHeight, WsGap gap) {
          seen.add("gap after " + lastSeenHeight);
        }

        @Override
        public void onError(TransportException error) {
          seen.add(error);
        }
      });
      TxResult first = (TxResult) next(seen);
      assertEquals(TXH, first.txHash());
      assertEquals(1234567, first.height());
      assertEquals(83456, first.gasUsed());
      TransportException garbled = (TransportException) next(seen);
      assertEquals(TransportException.Kind.MALFORMED_RESPONSE, garbled.kind());
      assertEquals("gap after 1234567", next(seen));
      TxResult second = (TxResult) next(seen);
      assertEquals(1234999, second.height());
      sub.close();
      assertEquals(query, unsubscribed.poll(5, TimeUnit.SECONDS));
    }
  }

  static Object next(LinkedBlockingQueue<Object> q) throws InterruptedException {
    Object o = q.poll(5, TimeUnit.SECONDS);
    assertNotNull(o, "nothing arrived");
    return o;
  }
}
