package dev.cairn.cosmos.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cairn.core.CairnException;
import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.TransactionRequest;
import dev.cairn.core.chain.UnsignedTransaction;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.cosmos.client.BroadcastResult;
import dev.cairn.cosmos.client.TxResult;
import dev.cairn.cosmos.rest.CosmosRestClient;
import dev.cairn.cosmos.rpc.CometRpcClient;
import dev.cairn.cosmos.rpc.CometTxListener;
import dev.cairn.cosmos.sequence.SequencedSender;
import dev.cairn.cosmos.tx.CosmosTransaction;
import dev.cairn.testing.fault.Fault;
import dev.cairn.testing.fault.FaultProxy;
import dev.cairn.testing.fault.FaultRule;
import dev.cairn.testing.fault.ResourceSnapshot;
import dev.cairn.transport.HttpChannelKind;
import dev.cairn.transport.JsonRpcClient;
import dev.cairn.transport.RestClient;
import dev.cairn.transport.RetryPolicy;
import dev.cairn.transport.TransportException;
import dev.cairn.transport.ws.WsGap;
import dev.cairn.transport.ws.WsRpcClient;
import dev.cairn.transport.ws.WsSubscription;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fault matrix of the Cosmos clients (issue 13): {@link CosmosRestClient} and {@link
 * CometRpcClient} over both HTTP channels, {@link SequencedSender} over the REST broadcast, and the
 * CometBFT WebSocket Tx subscription, against the {@code ScriptedCosmosNode} emulator through
 * {@link FaultProxy}s. Same cell contract as the EVM matrix; outcomes in {@code
 * target/fault-matrix/cosmos.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CosmosFaultMatrixIT {
  static final Duration TIMEOUT = Duration.ofSeconds(3);
  static final Duration GUARD = Duration.ofSeconds(40);
  static final Duration SETTLE = Duration.ofSeconds(10);
  static final RetryPolicy RETRY = RetryPolicy.of(5, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5));

  CosmosTestChain chain;
  FaultProxy rest;
  FaultProxy rpc;
  FaultProxy ws;
  final Map<String, String> outcomes = new TreeMap<>();

  @BeforeAll
  void start() throws IOException {
    chain = new CosmosTestChain();
    rest = FaultProxy.start(chain.node.restUrl());
    rpc = FaultProxy.start(chain.node.rpcUrl());
    ws = FaultProxy.start(chain.node.wsUrl());
    chain.adapter.rest().latestHeight(); // its connection is open before the first cell's snapshot
    for (HttpChannelKind ch : HttpChannelKind.values()) {
      try (Rest r = restClient(ch); Comet c = cometClient(ch)) {
        r.client.latestHeight();
        c.client.status();
      }
    }
  }

  @AfterAll
  void stop() throws IOException {
    rest.close();
    rpc.close();
    ws.close();
    chain.close();
    StringBuilder sb = new StringBuilder("| client | fault | outcome |\n|---|---|---|\n");
    outcomes.forEach((k, v) -> sb.append("| ").append(k.replace(" :: ", " | ")).append(" | ").append(v).append(" |\n"));
    Path out = Path.of("target", "fault-matrix", "cosmos.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, sb.toString());
  }

  /** A REST client on a chosen channel; {@code CosmosRestClient.of} does not own it, so both are closed here. */
  static final class Rest implements AutoCloseable {
    final RestClient http;
    final CosmosRestClient client;

    Rest(RestClient http) {
      this.http = http;
      this.client = CosmosRestClient.of(http, dev.cairn.core.chain.ChainId.cosmos(CosmosTestChain.CHAIN));
    }

    @Override
    public void close() {
      client.close();
      http.close();
    }
  }

  /** The same for CometBFT. */
  static final class Comet implements AutoCloseable {
    final JsonRpcClient http;
    final CometRpcClient client;

    Comet(JsonRpcClient http) {
      this.http = http;
      this.client = CometRpcClient.of(http, dev.cairn.core.chain.ChainId.cosmos(CosmosTestChain.CHAIN));
    }

    @Override
    public void close() {
      client.close();
      http.close();
    }
  }

  Rest restClient(HttpChannelKind ch) {
    return restClient(ch, rest.url());
  }

  static Rest restClient(HttpChannelKind ch, String url) {
    RestClient.Builder b = RestClient.builder(url).timeout(TIMEOUT).retryPolicy(RETRY).maxResponseBytes(1 << 20);
    return new Rest((ch == HttpChannelKind.OKHTTP ? b.okHttp() : b.pipelinedHttp1(2)).build());
  }

  Comet cometClient(HttpChannelKind ch) {
    return cometClient(ch, rpc.url());
  }

  static Comet cometClient(HttpChannelKind ch, String url) {
    JsonRpcClient.Builder b = JsonRpcClient.builder(url).timeout(TIMEOUT).retryPolicy(RETRY).maxResponseBytes(1 << 20);
    return new Comet((ch == HttpChannelKind.OKHTTP ? b.okHttp() : b.pipelinedHttp1(2)).build());
  }

  static String ch(HttpChannelKind ch) {
    return ch == HttpChannelKind.OKHTTP ? "OkHttp" : "pipelined";
  }

  private void cell(String client, String fault, Duration budget, CellBody body) {
    assertTimeoutPreemptively(GUARD, () -> {
      rest.clearRules();
      rpc.clearRules();
      ws.clearRules();
      // the fixture's adapter (it builds and signs the transactions the senders broadcast; not a
      // client under test) grows and shrinks its executor as it likes
      ResourceSnapshot before = ResourceSnapshot.take().ignoringThreads("cairn-cosmos-adapter-");
      int requestsBefore = rest.requests() + rpc.requests() + ws.requests();
      long t0 = System.nanoTime();
      String outcome = body.run();
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertTrue(ms <= budget.toMillis() + 2000, client + " x " + fault + " took " + ms + " ms, budget " + budget.toMillis());
      rest.clearRules();
      rpc.clearRules();
      before.awaitSame(SETTLE, rest, rpc, ws);
      outcomes.put(client + " :: " + fault, outcome + " ("
          + (rest.requests() + rpc.requests() + ws.requests() - requestsBefore) + " requests)");
    }, client + " x " + fault + " did not finish");
  }

  @FunctionalInterface
  interface CellBody {
    String run() throws Exception;
  }

  /** Faults shared by the REST and the CometBFT cells; null: the correct result. */
  static Object[][] httpFaults(boolean jsonRpc) {
    List<Object[]> rows = new ArrayList<>(List.of(new Object[][] {
        {"reset mid-request", Fault.resetMidRequest(), null},
        {"reset mid-response", Fault.resetMidResponse(), null},
        {"truncated body", Fault.truncatedBody(), null},
        {"headers then silence", Fault.headersThenSilence(), TransportException.Kind.TIMEOUT},
        {"slow body (8 B / 20 ms)", Fault.slowBody(8, Duration.ofMillis(20)), null},
        {"429 Retry-After 1", Fault.rateLimited(1), null},
        {"503 Retry-After 1", Fault.unavailable(1), null},
        {"HTML page 502", Fault.htmlPage(502), null},
        {"HTML page 200", Fault.htmlPage(200), TransportException.Kind.MALFORMED_RESPONSE},
        {"oversized body (2 MiB > 1 MiB limit)", Fault.oversizedBody(2 << 20), TransportException.Kind.MALFORMED_RESPONSE},
        {"declared oversized (1 GiB)", Fault.declaredOversized(1L << 30), TransportException.Kind.MALFORMED_RESPONSE},
    }));
    if (jsonRpc) {
      rows.add(new Object[] {"wrong id", Fault.wrongId(), TransportException.Kind.MALFORMED_RESPONSE});
      rows.add(new Object[] {"duplicated id (stale answer)", Fault.duplicateId(), TransportException.Kind.MALFORMED_RESPONSE});
    }
    return rows.toArray(new Object[0][]);
  }

  static Stream<Arguments> restCells() {
    List<Arguments> cells = new ArrayList<>();
    for (HttpChannelKind c : HttpChannelKind.values()) {
      for (Object[] row : httpFaults(false)) {
        cells.add(Arguments.of(c, row[0], row[1], row[2]));
      }
    }
    return cells.stream();
  }

  static Stream<Arguments> cometCells() {
    List<Arguments> cells = new ArrayList<>();
    for (HttpChannelKind c : HttpChannelKind.values()) {
      for (Object[] row : httpFaults(true)) {
        cells.add(Arguments.of(c, row[0], row[1], row[2]));
      }
    }
    return cells.stream();
  }

  /** GET bank balance with the fault on the first request. */
  @ParameterizedTest(name = "CosmosRestClient/{0} x {1}")
  @MethodSource("restCells")
  void restBalance(HttpChannelKind c, String faultName, Fault fault, TransportException.Kind expected) {
    cell("CosmosRestClient/" + ch(c), faultName, TIMEOUT.plusSeconds(1), () -> {
      try (Rest rc = restClient(c)) {
        CosmosRestClient client = rc.client;
        SoftwareSigner s = chain.fundedSigner();
        String address = chain.address(s);
        client.balance(address, "ustake"); // a clean call first
        int before = rest.requests();
        rest.rule(FaultRule.onPath("/cosmos/bank", fault).times(1));
        try {
          BigInteger amount = client.balance(address, "ustake").amount();
          if (expected != null) {
            fail("expected " + expected + ", got " + amount);
          }
          assertEquals(CosmosTestChain.FUNDS, amount);
          return "result after " + (rest.requests() - before - 1) + " retries";
        } catch (TransportException e) {
          if (expected == null) {
            throw new AssertionError("expected a result after a retry, got " + e, e);
          }
          assertEquals(expected, e.kind(), e.toString());
          assertEquals(1, rest.requests() - before, "no retry after " + e.kind());
          return "TransportException " + e.kind();
        }
      }
    });
  }

  /** CometBFT status with the fault on the first request. */
  @ParameterizedTest(name = "CometRpcClient/{0} x {1}")
  @MethodSource("cometCells")
  void cometStatus(HttpChannelKind c, String faultName, Fault fault, TransportException.Kind expected) {
    cell("CometRpcClient/" + ch(c), faultName, TIMEOUT.plusSeconds(1), () -> {
      try (Comet cc = cometClient(c)) {
        CometRpcClient client = cc.client;
        assertEquals(CosmosTestChain.CHAIN, client.status().network());
        int before = rpc.requests();
        rpc.rule(FaultRule.onMethod("status", fault).times(1));
        try {
          String network = client.status().network();
          if (expected != null) {
            fail("expected " + expected + ", got " + network);
          }
          assertEquals(CosmosTestChain.CHAIN, network);
          return "result after " + (rpc.requests() - before - 1) + " retries";
        } catch (TransportException e) {
          if (expected == null) {
            throw new AssertionError("expected a result after a retry, got " + e, e);
          }
          assertEquals(expected, e.kind(), e.toString());
          assertEquals(1, rpc.requests() - before, "no retry after " + e.kind());
          return "TransportException " + e.kind();
        }
      }
    });
  }

  @ParameterizedTest(name = "{0} x connection refused / DNS failure")
  @EnumSource(HttpChannelKind.class)
  void unreachable(HttpChannelKind c) throws IOException {
    String refused = FaultProxy.refusedUrl();
    cell("CosmosRestClient/" + ch(c), "connection refused", TIMEOUT, () -> {
      try (Rest rc = restClient(c, refused)) {
        CosmosRestClient client = rc.client;
        TransportException e = assertThrows(TransportException.class, client::latestHeight);
        assertEquals(TransportException.Kind.CONNECT, e.kind(), e.toString());
        return "TransportException CONNECT after " + RETRY.maxAttempts() + " attempts";
      }
    });
    cell("CometRpcClient/" + ch(c), "DNS failure (*.invalid)", TIMEOUT, () -> {
      try (Comet cc = cometClient(c, FaultProxy.unresolvableUrl())) {
        CometRpcClient client = cc.client;
        TransportException e = assertThrows(TransportException.class, client::status);
        assertEquals(TransportException.Kind.CONNECT, e.kind(), e.toString());
        return "TransportException CONNECT";
      }
    });
  }

  // ------------------------------------------------------------------ SequencedSender

  /** Signs a 1ustake transfer from {@code s} with {@code seq}, counting signatures. */
  private byte[] signTransfer(SoftwareSigner s, String to, long seq, AtomicInteger signatures) {
    signatures.incrementAndGet();
    CosmosChainAdapter a = chain.adapter;
    try {
      UnsignedTransaction u = a.build(TransactionRequest.transfer(a.accountOf(s), a.accountOf(chain.fundedSigner()),
          Amount.of(1, CosmosTestChain.STAKE)).withNonce(seq).withFee(dev.cairn.core.chain.Fee.of(CosmosTestChain.STAKE,
          200_000, new BigDecimal("0.025"), BigDecimal.ZERO, BigInteger.ZERO)).withSigner(s.descriptor()))
          .get(30, TimeUnit.SECONDS);
      return ((CosmosTransaction) u).sign(List.of(s)).encoded();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private long sequenceOf(String address) {
    return chain.adapter.rest().account(address).orElseThrow().sequence();
  }

  static Stream<Arguments> sequenced() {
    List<Arguments> cells = new ArrayList<>();
    for (HttpChannelKind c : HttpChannelKind.values()) {
      // fault, whether the first broadcast reached the node
      cells.add(Arguments.of(c, "broadcast: reset mid-response", Fault.resetMidResponse(), true));
      cells.add(Arguments.of(c, "broadcast: headers then silence", Fault.headersThenSilence(), true));
      cells.add(Arguments.of(c, "broadcast: reset mid-request", Fault.resetMidRequest(), false));
      cells.add(Arguments.of(c, "broadcast: 503 Retry-After 1", Fault.unavailable(1), false));
    }
    return cells.stream();
  }

  /**
   * A lost broadcast answer is a typed error, never a blind resend or a second signature; the
   * next transaction goes out with the next sequence, or (when the lost one never arrived) is
   * re-signed once after the node's "expected N". Exactly the transactions signed last land.
   */
  @ParameterizedTest(name = "SequencedSender/{0} x {1}")
  @MethodSource("sequenced")
  void sequencedSend(HttpChannelKind c, String faultName, Fault fault, boolean reached) {
    cell("SequencedSender over CosmosRestClient/" + ch(c), faultName, TIMEOUT.multipliedBy(4), () -> {
      try (Rest rc = restClient(c)) {
        CosmosRestClient client = rc.client;
        SoftwareSigner s = chain.fundedSigner();
        String from = chain.address(s);
        long seq0 = sequenceOf(from) < 0 ? 0 : sequenceOf(from);
        SequencedSender sender = SequencedSender.create(() -> sequenceOf(from), client::broadcast,
            chain.adapter.chainId());
        AtomicInteger signatures = new AtomicInteger();
        int broadcasts0 = chain.node.broadcasts();
        rest.rule(FaultRule.onPath("/cosmos/tx/v1beta1/txs", fault).times(1));
        TransportException e = assertThrows(TransportException.class,
            () -> sender.send(seq -> signTransfer(s, from, seq, signatures)));
        assertEquals(1, signatures.get(), "one signature for the failed send");
        assertEquals(reached ? 1 : 0, chain.node.broadcasts() - broadcasts0, "broadcasts that reached the node");
        assertTrue(e.mayHaveReachedServer(), e.toString());
        // the next transaction
        SequencedSender.Outcome o = sender.send(seq -> signTransfer(s, from, seq, signatures));
        assertTrue(o.result().isAccepted(), o.toString());
        assertEquals(reached ? 0 : 1, o.resyncs(), o.toString());
        assertEquals(seq0 + (reached ? 1 : 0), o.sequence(), o.toString());
        assertEquals(reached ? 2 : 3, signatures.get(), "signatures");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sequenceOf(from) < seq0 + (reached ? 2 : 1) && System.nanoTime() < until) {
          Thread.sleep(20);
        }
        assertEquals(seq0 + (reached ? 2 : 1), sequenceOf(from), "transactions landed");
        return "TransportException " + e.kind() + ", no resend; next send "
            + (reached ? "took the next sequence" : "re-signed once after \"expected " + seq0 + "\"") + "; "
            + (reached ? 2 : 1) + " tx landed for " + signatures.get() + " signatures";
      }
    });
  }

  // ------------------------------------------------------------------ CometBFT WebSocket

  @ParameterizedTest(name = "CometBFT Tx subscription x drop, close frame {0}")
  @ValueSource(booleans = {true, false})
  void webSocketDrop(boolean closeFrame) {
    cell("CometRpcClient.subscribeTxs (WebSocket)", closeFrame ? "drop with close frame (1001)" : "drop without close frame (RST)",
        Duration.ofSeconds(20), () -> {
      BlockingQueue<Object> q = new LinkedBlockingQueue<>();
      try (WsRpcClient client = WsRpcClient.builder(ws.wsUrl()).requestTimeout(TIMEOUT)
          .retryPolicy(RetryPolicy.of(3, Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(5))).build();
          Rest rc = restClient(HttpChannelKind.OKHTTP, chain.node.restUrl())) {
        CosmosRestClient restClient = rc.client;
        SoftwareSigner s = chain.fundedSigner();
        String from = chain.address(s);
        int subs0 = chain.node.subscriptions();
        WsSubscription sub = CometRpcClient.subscribeTxs(client, CometRpcClient.txQueryBySender(from), new CometTxListener() {
          @Override
          public void onTx(TxResult tx) {
            q.add(tx);
          }

          @Override
          public void onGap(long lastSeenHeight, WsGap gap) {
            q.add(gap);
          }

          @Override
          public void onError(TransportException error) {
            q.add(error);
          }
        });
        awaitSubscriptions(subs0 + 1);
        AtomicInteger signatures = new AtomicInteger();
        SequencedSender sender = SequencedSender.create(() -> sequenceOf(from), restClient::broadcast,
            chain.adapter.chainId());
        BroadcastResult r1 = sender.send(seq -> signTransfer(s, from, seq, signatures)).result();
        assertEquals(r1.txHash(), next(q, TxResult.class).txHash());
        ws.dropWebSockets(closeFrame);
        next(q, WsGap.class);
        awaitSubscriptions(subs0 + 1);
        BroadcastResult r2 = sender.send(seq -> signTransfer(s, from, seq, signatures)).result();
        assertEquals(r2.txHash(), next(q, TxResult.class).txHash());
        assertTrue(ws.webSocketDrops() > 0);
        sub.close();
        return "reconnected, resubscribed (onGap), Tx events resume";
      }
    });
  }

  private void awaitSubscriptions(int n) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (chain.node.subscriptions() < n && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertTrue(chain.node.subscriptions() >= n, "subscriptions at the node: " + chain.node.subscriptions());
  }

  private static <T> T next(BlockingQueue<Object> q, Class<T> type) throws InterruptedException {
    while (true) {
      Object o = q.poll(10, TimeUnit.SECONDS);
      if (o == null) {
        throw new AssertionError("no " + type.getSimpleName() + " within 10 s");
      }
      if (type.isInstance(o)) {
        return type.cast(o);
      }
      assertFalse(o instanceof TxResult, "unexpected " + o);
    }
  }
}
