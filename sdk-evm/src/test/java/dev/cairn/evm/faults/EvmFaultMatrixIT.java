package dev.cairn.evm.faults;

import static dev.cairn.evm.testing.TestContracts.devAddress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cairn.abi.Address;
import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.Denomination;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.chain.SignedTransaction;
import dev.cairn.core.chain.TransactionRequest;
import dev.cairn.core.chain.UnsignedTransaction;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.crypto.Secp256k1PublicKey;
import java.security.SecureRandom;
import dev.cairn.evm.EvmChainAdapter;
import dev.cairn.evm.nonce.Submission;
import dev.cairn.evm.rpc.BlockHeader;
import dev.cairn.evm.rpc.BlockId;
import dev.cairn.evm.rpc.EvmRpcClient;
import dev.cairn.evm.rpc.Hash32;
import dev.cairn.evm.rpc.ws.EvmWsClient;
import dev.cairn.evm.rpc.ws.Gap;
import dev.cairn.evm.rpc.ws.Subscription;
import dev.cairn.evm.rpc.ws.SubscriptionListener;
import dev.cairn.evm.tx.Transaction;
import dev.cairn.testing.fault.Fault;
import dev.cairn.testing.fault.FaultProxy;
import dev.cairn.testing.fault.FaultRule;
import dev.cairn.testing.fault.ResourceSnapshot;
import dev.cairn.testing.node.Anvil;
import dev.cairn.testing.node.AnvilExtension;
import dev.cairn.transport.HttpChannelKind;
import dev.cairn.transport.RetryPolicy;
import dev.cairn.transport.RpcBatch;
import dev.cairn.transport.TransportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix of the EVM clients (issue 13): {@link EvmRpcClient} over both HTTP channels,
 * {@link EvmWsClient} subscriptions, and the sending paths ({@code NonceManager} through {@link
 * EvmChainAdapter#submitBlocking}, the chain-neutral build/sign/send) against anvil, each request
 * through a {@link FaultProxy}. Every cell: a correct result (after N retries) or a typed {@link
 * TransportException}/{@link ChainException} of the expected kind, before the call's deadline plus
 * slack, under {@code assertTimeoutPreemptively}; threads, file descriptors and the proxy's sockets
 * back to where they were once the client is closed. Outcomes are written to {@code
 * target/fault-matrix/evm.md}.
 */
@ExtendWith(AnvilExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvmFaultMatrixIT {
  static final Duration TIMEOUT = Duration.ofSeconds(3);
  static final Duration GUARD = Duration.ofSeconds(30);
  static final Duration SETTLE = Duration.ofSeconds(10);
  /** More attempts than the default, so that "refused, then back" recovers within the backoff. */
  static final RetryPolicy RETRY = RetryPolicy.of(5, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5));
  static final Address RECIPIENT = Address.parse("0x000000000000000000000000000000000000fa17");

  Anvil anvil;
  EvmRpcClient direct;
  FaultProxy proxy;
  final Map<String, String> outcomes = new TreeMap<>();

  @BeforeAll
  void start(Anvil a) throws IOException {
    anvil = a;
    direct = EvmRpcClient.builder(a.url()).okHttp().build();
    proxy = FaultProxy.start(a.url());
    // warm up class loading and the shared pools (OkHttp's task runner, Okio's watchdog) so that
    // the first cell's snapshot does not count them
    for (HttpChannelKind ch : HttpChannelKind.values()) {
      try (EvmRpcClient rpc = client(ch, proxy.url())) {
        rpc.blockNumber().send();
        RpcBatch b = rpc.newBatch();
        b.add(rpc.chainId());
        b.send();
      }
    }
    try (EvmWsClient ws = EvmWsClient.builder(proxy.wsUrl()).build()) {
      ws.transport().call("eth_chainId", dev.cairn.transport.ParamsWriter.NONE, dev.cairn.transport.JsonValues::string).join();
    } catch (RuntimeException e) {
      // only warming up
    }
  }

  @AfterAll
  void stop() throws IOException {
    proxy.close();
    direct.close();
    StringBuilder sb = new StringBuilder("| client | fault | outcome |\n|---|---|---|\n");
    outcomes.forEach((k, v) -> sb.append("| ").append(k.replace(" :: ", " | ")).append(" | ").append(v).append(" |\n"));
    Path out = Path.of("target", "fault-matrix", "evm.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, sb.toString());
  }

  static EvmRpcClient client(HttpChannelKind ch, String url) {
    EvmRpcClient.Builder b = EvmRpcClient.builder(url).timeout(TIMEOUT).retryPolicy(RETRY).maxResponseBytes(1 << 20);
    return (ch == HttpChannelKind.OKHTTP ? b.okHttp() : b.pipelinedHttp1(2)).build();
  }

  static String name(HttpChannelKind ch) {
    return ch == HttpChannelKind.OKHTTP ? "EvmRpcClient/OkHttp" : "EvmRpcClient/pipelined";
  }

  /** Runs one cell: guarded against hangs, timed, and with resources checked after. */
  private void cell(String client, String fault, Duration budget, CellBody body) {
    assertTimeoutPreemptively(GUARD, () -> {
      proxy.clearRules();
      ResourceSnapshot before = ResourceSnapshot.take();
      int requestsBefore = proxy.requests();
      long t0 = System.nanoTime();
      String outcome = body.run();
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertTrue(ms <= budget.toMillis() + 2000, client + " x " + fault + " took " + ms + " ms, budget " + budget.toMillis());
      proxy.clearRules();
      long s0 = System.nanoTime();
      before.awaitSame(SETTLE, proxy);
      System.err.println("CELL " + client + " x " + fault + ": " + ms + " ms, settle "
          + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - s0) + " ms");
      outcomes.put(client + " :: " + fault, outcome + " (" + (proxy.requests() - requestsBefore) + " requests)");
    }, client + " x " + fault + " did not finish");
  }

  @FunctionalInterface
  interface CellBody {
    String run() throws Exception;
  }

  // ------------------------------------------------------------------ idempotent calls

  /** fault on the first eth_blockNumber; null kind: the correct result after a retry (or none). */
  static Stream<Arguments> singleCalls() {
    List<Arguments> cells = new ArrayList<>();
    Object[][] table = {
        {"reset mid-request", Fault.resetMidRequest(), null},
        {"reset mid-response", Fault.resetMidResponse(), null},
        {"truncated body", Fault.truncatedBody(), null},
        {"closed before response", Fault.closeBeforeResponse(), null},
        {"headers then silence", Fault.headersThenSilence(), TransportException.Kind.TIMEOUT},
        {"no answer", Fault.silence(), TransportException.Kind.TIMEOUT},
        {"slow body (4 B / 40 ms)", Fault.slowBody(4, Duration.ofMillis(40)), null},
        {"429 Retry-After 1", Fault.rateLimited(1), null},
        {"503 Retry-After 1", Fault.unavailable(1), null},
        {"HTML page 502", Fault.htmlPage(502), null},
        {"HTML page 200", Fault.htmlPage(200), TransportException.Kind.MALFORMED_RESPONSE},
        {"wrong id", Fault.wrongId(), TransportException.Kind.MALFORMED_RESPONSE},
        {"duplicated id (stale answer)", Fault.duplicateId(), TransportException.Kind.MALFORMED_RESPONSE},
        {"oversized body (2 MiB > 1 MiB limit)", Fault.oversizedBody(2 << 20), TransportException.Kind.MALFORMED_RESPONSE},
        {"declared oversized (1 GiB)", Fault.declaredOversized(1L << 30), TransportException.Kind.MALFORMED_RESPONSE},
    };
    for (HttpChannelKind ch : HttpChannelKind.values()) {
      for (Object[] row : table) {
        cells.add(Arguments.of(ch, row[0], row[1], row[2]));
      }
    }
    return cells.stream();
  }

  @ParameterizedTest(name = "{0} x {1}")
  @MethodSource("singleCalls")
  void singleCall(HttpChannelKind ch, String faultName, Fault fault, TransportException.Kind expected) {
    cell(name(ch), faultName, TIMEOUT.plusSeconds(1), () -> {
      try (EvmRpcClient rpc = client(ch, proxy.url())) {
        long expectedHead = direct.blockNumber().send();
        assertEquals(expectedHead, rpc.blockNumber().send()); // a clean call first: keep-alive, a previous answer
        int before = proxy.requests();
        proxy.rule(FaultRule.onMethod("eth_blockNumber", fault).times(1));
        try {
          long n = rpc.blockNumber().send();
          if (expected != null) {
            fail("expected " + expected + ", got a result " + n);
          }
          assertEquals(expectedHead, n);
          return "result after " + (proxy.requests() - before - 1) + " retries";
        } catch (TransportException e) {
          if (expected == null) {
            throw new AssertionError("expected a result after a retry, got " + e, e);
          }
          assertEquals(expected, e.kind(), e.toString());
          assertEquals(1, proxy.requests() - before, "no retry after " + e.kind());
          return "TransportException " + e.kind();
        }
      }
    });
  }

  static Stream<Arguments> batches() {
    List<Arguments> cells = new ArrayList<>();
    for (HttpChannelKind ch : HttpChannelKind.values()) {
      cells.add(Arguments.of(ch, "batch reordered", Fault.batchReordered(), -1));
      cells.add(Arguments.of(ch, "batch missing entry", Fault.batchMissingEntry(), 2));
      cells.add(Arguments.of(ch, "batch duplicated id", Fault.duplicateId(), 1));
      cells.add(Arguments.of(ch, "batch wrong id", Fault.wrongId(), 0));
      cells.add(Arguments.of(ch, "batch reset mid-response", Fault.resetMidResponse(), -1));
    }
    return cells.stream();
  }

  /** A batch of three: the entry {@code failing} (-1: none) fails MALFORMED_RESPONSE, the others are correct. */
  @ParameterizedTest(name = "{0} x {1}")
  @MethodSource("batches")
  void batch(HttpChannelKind ch, String faultName, Fault fault, int failing) {
    cell(name(ch), faultName, TIMEOUT.plusSeconds(1), () -> {
      try (EvmRpcClient rpc = client(ch, proxy.url())) {
        long head = direct.blockNumber().send();
        BigInteger balance = direct.getBalance(devAddress(9), BlockId.LATEST).send();
        proxy.rule(FaultRule.any(fault).times(1));
        RpcBatch b = rpc.newBatch();
        List<CompletableFuture<?>> fs = List.of(b.add(rpc.blockNumber()), b.add(rpc.chainId()),
            b.add(rpc.getBalance(devAddress(9), BlockId.LATEST)));
        b.send();
        Object[] expected = {head, Anvil.CHAIN_ID, balance};
        for (int i = 0; i < 3; i++) {
          CompletableFuture<?> f = fs.get(i);
          assertTrue(f.isDone(), "entry " + i + " not completed");
          if (i == failing) {
            ExecutionException e = assertThrows(ExecutionException.class, f::get);
            TransportException te = assertInstanceOf(TransportException.class, e.getCause());
            assertEquals(TransportException.Kind.MALFORMED_RESPONSE, te.kind(), te.toString());
          } else {
            assertEquals(expected[i], f.get(), "entry " + i);
          }
        }
        return failing < 0 ? "all 3 results correct" : "entry " + failing + ": TransportException MALFORMED_RESPONSE, others correct";
      }
    });
  }

  // ------------------------------------------------------------------ connection-level faults

  @ParameterizedTest(name = "{0} x connection refused")
  @EnumSource(HttpChannelKind.class)
  void refused(HttpChannelKind ch) throws IOException {
    String url = FaultProxy.refusedUrl();
    cell(name(ch), "connection refused", TIMEOUT, () -> {
      try (EvmRpcClient rpc = client(ch, url)) {
        TransportException e = assertThrows(TransportException.class, () -> rpc.blockNumber().send());
        assertEquals(TransportException.Kind.CONNECT, e.kind(), e.toString());
        return "TransportException CONNECT after " + RETRY.maxAttempts() + " attempts";
      }
    });
  }

  @ParameterizedTest(name = "{0} x DNS failure")
  @EnumSource(HttpChannelKind.class)
  void unresolvable(HttpChannelKind ch) {
    cell(name(ch), "DNS failure (*.invalid)", TIMEOUT, () -> {
      try (EvmRpcClient rpc = client(ch, FaultProxy.unresolvableUrl())) {
        TransportException e = assertThrows(TransportException.class, () -> rpc.blockNumber().send());
        assertEquals(TransportException.Kind.CONNECT, e.kind(), e.toString());
        return "TransportException CONNECT";
      }
    });
  }

  @ParameterizedTest(name = "{0} x refused, then back")
  @EnumSource(HttpChannelKind.class)
  void refusedThenBack(HttpChannelKind ch) {
    cell(name(ch), "connection refused, then back after 200 ms", TIMEOUT, () -> {
      try (EvmRpcClient rpc = client(ch, proxy.url())) {
        long head = direct.blockNumber().send();
        proxy.refuseConnections(true);
        CompletableFuture<Void> back = CompletableFuture.runAsync(() -> {
          try {
            Thread.sleep(200);
            proxy.refuseConnections(false);
          } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
        try {
          assertEquals(head, rpc.blockNumber().send());
        } finally {
          back.join();
        }
        return "result after retries";
      }
    });
  }

  // ------------------------------------------------------------------ non-idempotent sends

  /** A fresh account funded with 1 ETH, so that cells never share a nonce sequence. */
  private SoftwareSigner funded() {
    SoftwareSigner s = Signers.software(Secp256k1PrivateKey.generate(new SecureRandom()));
    // through the OkHttp client, not the kit's java.net helper: its keep-alive cache would hold a
    // socket and a "Keep-Alive-Timer" thread for 5 s and blur the resource check
    direct.rawCall("anvil_setBalance", "[\"" + address(s) + "\",\"0xde0b6b3a7640000\"]", true).send();
    return s;
  }

  static Address address(Signer s) {
    return Address.fromPublicKey(Secp256k1PublicKey.fromBytes(s.publicKey()));
  }

  private Transaction transfer(Address from) {
    long nonce = direct.getTransactionCount(from, BlockId.PENDING).send();
    BigInteger base = direct.getHeaderByNumber(BlockId.LATEST).send().orElseThrow().baseFeePerGas().orElseThrow();
    return Transaction.builder().chainId(Anvil.CHAIN_ID).nonce(nonce).to(RECIPIENT).value(1).gasLimit(21_000)
        .maxPriorityFeePerGas(BigInteger.ONE).maxFeePerGas(base.multiply(BigInteger.TWO).add(BigInteger.ONE)).build();
  }

  private long nonceOf(Address a) {
    return direct.getTransactionCount(a, BlockId.PENDING).send();
  }

  private int sendsSeen(List<String> logBefore) {
    List<String> now = proxy.log();
    int n = 0;
    for (String l : now.subList(logBefore.size(), now.size())) {
      if (l.contains("eth_sendRawTransaction")) {
        n++;
      }
    }
    return n;
  }

  static Stream<Arguments> rawSends() {
    List<Arguments> cells = new ArrayList<>();
    Object[][] table = {
        // fault, kind (null: accepted), landed, sends the proxy saw
        {"reset mid-request", Fault.resetMidRequest(), TransportException.Kind.IO, 0, 1},
        {"reset mid-response", Fault.resetMidResponse(), TransportException.Kind.IO, 1, 1},
        {"truncated body", Fault.truncatedBody(), TransportException.Kind.IO, 1, 1},
        {"headers then silence", Fault.headersThenSilence(), TransportException.Kind.TIMEOUT, 1, 1},
        {"429 Retry-After 1", Fault.rateLimited(1), TransportException.Kind.RATE_LIMITED, 0, 1},
        {"503 Retry-After 1", Fault.unavailable(1), TransportException.Kind.HTTP_STATUS, 0, 1},
        {"HTML page 502", Fault.htmlPage(502), TransportException.Kind.HTTP_STATUS, 0, 1},
        {"wrong id", Fault.wrongId(), TransportException.Kind.MALFORMED_RESPONSE, 1, 1},
    };
    for (HttpChannelKind ch : HttpChannelKind.values()) {
      for (Object[] row : table) {
        cells.add(Arguments.of(ch, row[0], row[1], row[2], row[3], row[4]));
      }
    }
    return cells.stream();
  }

  /** eth_sendRawTransaction (non-idempotent) is never retried after the request may have been sent. */
  @ParameterizedTest(name = "{0} x sendRawTransaction x {1}")
  @MethodSource("rawSends")
  void rawSend(HttpChannelKind ch, String faultName, Fault fault, TransportException.Kind expected, int landed,
      int sends) {
    cell(name(ch) + " sendRawTransaction", faultName, TIMEOUT.plusSeconds(1), () -> {
      try (EvmRpcClient rpc = client(ch, proxy.url())) {
        SoftwareSigner key = funded();
        Address dev = address(key);
        long nonce = nonceOf(dev);
        byte[] raw = transfer(dev).sign(key).encoded();
        List<String> log = proxy.log();
        proxy.rule(FaultRule.onMethod("eth_sendRawTransaction", fault).times(1));
        TransportException e = assertThrows(TransportException.class, () -> rpc.sendRawTransaction(raw).send());
        assertEquals(expected, e.kind(), e.toString());
        assertEquals(sends, sendsSeen(log), "sends the proxy saw");
        awaitNonce(dev, nonce + landed);
        return "TransportException " + e.kind() + " without a resend; " + landed + " tx landed"
            + (e.mayHaveReachedServer() ? " (mayHaveReachedServer)" : "");
      }
    });
  }

  @ParameterizedTest(name = "{0} x sendRawTransaction x connection refused")
  @EnumSource(HttpChannelKind.class)
  void rawSendRefusedThenBack(HttpChannelKind ch) {
    cell(name(ch) + " sendRawTransaction", "connection refused, then back after 200 ms", TIMEOUT, () -> {
      try (EvmRpcClient rpc = client(ch, proxy.url())) {
        SoftwareSigner key = funded();
        Address dev = address(key);
        long nonce = nonceOf(dev);
        byte[] raw = transfer(dev).sign(key).encoded();
        proxy.refuseConnections(true);
        CompletableFuture<Void> back = CompletableFuture.runAsync(() -> {
          try {
            Thread.sleep(200);
            proxy.refuseConnections(false);
          } catch (IOException | InterruptedException ex) {
            throw new IllegalStateException(ex);
          }
        });
        Hash32 h;
        try {
          h = rpc.sendRawTransaction(raw).send();
        } finally {
          back.join();
        }
        assertNotNull(h);
        awaitNonce(dev, nonce + 1);
        return "accepted after CONNECT retries (nothing was sent before); 1 tx landed";
      }
    });
  }

  private void awaitNonce(Address dev, long expected) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    long n;
    while ((n = nonceOf(dev)) < expected && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    Thread.sleep(100); // and no second transaction arrives later
    assertEquals(expected, nonceOf(dev), "transactions landed for dev account " + dev);
  }

  // ------------------------------------------------------------------ signing paths

  /** A signer that counts signatures. */
  static final class CountingSigner implements Signer {
    final SoftwareSigner inner;
    final AtomicInteger signatures = new AtomicInteger();

    CountingSigner(SoftwareSigner inner) {
      this.inner = inner;
    }

    @Override
    public KeyType keyType() {
      return inner.keyType();
    }

    @Override
    public byte[] publicKey() {
      return inner.publicKey();
    }

    @Override
    public boolean supports(SignRequest.Kind kind) {
      return inner.supports(kind);
    }

    @Override
    public CompletableFuture<Signature> signAsync(SignRequest request) {
      signatures.incrementAndGet();
      return inner.signAsync(request);
    }

    @Override
    public Signature sign(SignRequest request) {
      signatures.incrementAndGet();
      return inner.sign(request);
    }
  }

  static EvmChainAdapter adapter(HttpChannelKind ch, String url) {
    return EvmChainAdapter.builder(client(ch, url)).chainId(Anvil.CHAIN_ID).receiptPollInterval(Duration.ofMillis(50))
        .closeRpcOnClose(true).build();
  }

  static Stream<Arguments> submits() {
    List<Arguments> cells = new ArrayList<>();
    for (HttpChannelKind ch : HttpChannelKind.values()) {
      cells.add(Arguments.of(ch, "first send: reset mid-response", FaultRule.onMethod("eth_sendRawTransaction",
          Fault.resetMidResponse()).times(1), true));
      cells.add(Arguments.of(ch, "first send: reset mid-request", FaultRule.onMethod("eth_sendRawTransaction",
          Fault.resetMidRequest()).times(1), true));
      cells.add(Arguments.of(ch, "first send: headers then silence", FaultRule.onMethod("eth_sendRawTransaction",
          Fault.headersThenSilence()).times(1), true));
      cells.add(Arguments.of(ch, "every send: reset mid-response", FaultRule.onMethod("eth_sendRawTransaction",
          Fault.resetMidResponse()), false));
      cells.add(Arguments.of(ch, "nonce read: 503 Retry-After 0", FaultRule.onMethod("eth_getTransactionCount",
          Fault.unavailable(0)).times(1), true));
    }
    return cells.stream();
  }

  /**
   * NonceManager via {@link EvmChainAdapter#submitBlocking}: after a lost answer the SAME signed
   * transaction may be resent (harmless), but never a second signature for a new nonce; exactly one
   * transaction lands, or none does and the error is typed.
   */
  @ParameterizedTest(name = "{0} x submitBlocking x {1}")
  @MethodSource("submits")
  void submit(HttpChannelKind ch, String faultName, FaultRule rule, boolean accepted) {
    cell("EvmChainAdapter.submitBlocking/" + (ch == HttpChannelKind.OKHTTP ? "OkHttp" : "pipelined"), faultName,
        TIMEOUT.multipliedBy(6), () -> {
      try (EvmChainAdapter adapter = adapter(ch, proxy.url())) {
        CountingSigner signer = new CountingSigner(funded());
        Address dev = address(signer);
        long nonce = nonceOf(dev);
        proxy.rule(rule);
        List<String> log = proxy.log();
        Transaction.Builder template = Transaction.builder().to(RECIPIENT).value(1);
        if (accepted) {
          Submission s = adapter.submitBlocking(template, signer);
          assertEquals(nonce, s.nonce());
          assertEquals(1, signer.signatures.get(), "signatures");
          awaitNonce(dev, nonce + 1);
          assertTrue(direct.getTransactionByHash(Hash32.parse(s.hash())).send().isPresent(), "the accepted hash is on chain");
          return "accepted after " + (sendsSeen(log) - 1) + " resend(s) of the same signed tx"
              + (s.alreadyKnown() ? " (node: already known)" : "") + "; 1 signature, 1 tx landed";
        }
        RuntimeException e = assertThrows(RuntimeException.class, () -> adapter.submitBlocking(template, signer));
        TransportException te = assertInstanceOf(TransportException.class, e, e.toString());
        assertTrue(te.mayHaveReachedServer(), te.toString());
        assertEquals(1, signer.signatures.get(), "signatures");
        awaitNonce(dev, nonce + 1);
        return "TransportException " + te.kind() + " after " + sendsSeen(log) + " sends of the same signed tx; "
            + "1 signature, 1 tx landed";
      }
    });
  }

  /** The chain-neutral flow: build, sign, send; a lost answer to the send is TRANSPORT, nothing re-signed. */
  @ParameterizedTest(name = "{0} x adapter.send x reset mid-response")
  @EnumSource(HttpChannelKind.class)
  void chainNeutralSend(HttpChannelKind ch) {
    cell("EvmChainAdapter build/sign/send/" + (ch == HttpChannelKind.OKHTTP ? "OkHttp" : "pipelined"),
        "send: reset mid-response; build: 503 on the first read", TIMEOUT.multipliedBy(4), () -> {
      try (EvmChainAdapter adapter = adapter(ch, proxy.url())) {
        CountingSigner signer = new CountingSigner(funded());
        Address dev = address(signer);
        long nonce = nonceOf(dev);
        AccountId from = adapter.accountOf(signer);
        AccountId to = adapter.accountOf(RECIPIENT);
        proxy.rule(FaultRule.onMethod("eth_getTransactionCount", Fault.unavailable(0)).times(1));
        proxy.rule(FaultRule.onMethod("eth_sendRawTransaction", Fault.resetMidResponse()).times(1));
        UnsignedTransaction u = adapter.build(TransactionRequest.transfer(from, to,
            Amount.of(BigInteger.ONE, Denomination.ETH))).get(10, TimeUnit.SECONDS);
        SignedTransaction st = adapter.sign(u, List.of(signer)).get(10, TimeUnit.SECONDS);
        ExecutionException e = assertThrows(ExecutionException.class, () -> adapter.send(st).get(10, TimeUnit.SECONDS));
        ChainException ce = assertInstanceOf(ChainException.class, e.getCause(), e.toString());
        assertEquals(ErrorKind.TRANSPORT, ce.kind(), ce.toString());
        assertEquals(1, signer.signatures.get(), "signatures");
        awaitNonce(dev, nonce + 1);
        return "build: result after a retry; send: ChainException TRANSPORT (outcome unknown); 1 signature, 1 tx landed";
      }
    });
  }

  // ------------------------------------------------------------------ WebSocket subscriptions

  /** A listener that queues what it gets. */
  static final class Events implements SubscriptionListener<BlockHeader> {
    final BlockingQueue<Object> q = new LinkedBlockingQueue<>();

    @Override
    public void onEvent(BlockHeader event) {
      q.add(event);
    }

    @Override
    public void onGap(Gap gap) {
      q.add(gap);
    }

    @Override
    public void onError(TransportException error) {
      q.add(error);
    }

    <T> T next(Class<T> type) throws InterruptedException {
      while (true) {
        Object o = q.poll(10, TimeUnit.SECONDS);
        if (o == null) {
          throw new AssertionError("no " + type.getSimpleName() + " within 10 s");
        }
        if (type.isInstance(o)) {
          return type.cast(o);
        }
        if (o instanceof TransportException) {
          // a failed resubscription attempt is reported and retried; keep waiting
          continue;
        }
      }
    }
  }

  /** Mines a block every 200 ms until a header arrives (the subscription may not be active yet). */
  private BlockHeader mineUntilHeader(Events ev) throws InterruptedException {
    return mineUntilHeader(ev, null);
  }

  private BlockHeader mineUntilHeader(Events ev, Gap[] gapSeen) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < end) {
      direct.rawCall("evm_mine", "[]", false).send();
      Object o = ev.q.poll(200, TimeUnit.MILLISECONDS);
      if (o instanceof BlockHeader) {
        return (BlockHeader) o;
      }
      if (o instanceof Gap) {
        if (gapSeen == null || gapSeen[0] != null) {
          throw new AssertionError("unexpected gap " + o);
        }
        gapSeen[0] = (Gap) o;
        o = ev.q.poll(5, TimeUnit.SECONDS);
        if (o instanceof BlockHeader) {
          return (BlockHeader) o;
        }
        throw new AssertionError("after the gap: " + o);
      }
    }
    throw new AssertionError("no header within 10 s");
  }

  static Stream<Arguments> wsDrops() {
    return Stream.of(Arguments.of("drop with close frame (1001)", true, false),
        Arguments.of("drop without close frame (RST)", false, false),
        Arguments.of("drop right after the subscription answer, with close frame", true, true),
        Arguments.of("drop right after the subscription answer, RST", false, true));
  }

  @ParameterizedTest(name = "EvmWsClient newHeads x {0}")
  @MethodSource("wsDrops")
  void webSocketDrop(String faultName, boolean closeFrame, boolean afterSubscribe) {
    cell("EvmWsClient.subscribeNewHeads", faultName, Duration.ofSeconds(15), () -> {
      Events ev = new Events();
      int up0 = upgrades();
      try (EvmWsClient ws = EvmWsClient.builder(proxy.wsUrl()).reconnectBackoff(Duration.ofMillis(50),
          Duration.ofMillis(500)).requestTimeout(TIMEOUT).build()) {
        awaitConnected(ws);
        if (afterSubscribe) {
          proxy.dropWebSocketsAfter(1, closeFrame);
        }
        Subscription sub = ws.subscribeNewHeads(ev);
        if (!afterSubscribe) {
          long first = mineUntilHeader(ev).number().orElseThrow();
          // down long enough to miss three blocks: refuse reconnections while they are mined
          proxy.refuseConnections(true);
          proxy.dropWebSockets(closeFrame);
          awaitDisconnected(ws);
          for (int i = 0; i < 3; i++) {
            direct.rawCall("evm_mine", "[]", false).send();
          }
          proxy.refuseConnections(false);
          // newHeads reports the gap with the first header after the resubscription
          Gap[] gapSeen = new Gap[1];
          long next = mineUntilHeader(ev, gapSeen).number().orElseThrow();
          Gap gap = gapSeen[0];
          assertNotNull(gap, "a gap before the first header after reconnecting");
          // the three mined while down, and any mined before the resubscription took effect
          assertTrue(next >= first + 4, next + " after " + first);
          assertTrue(gap.hasBlockRange(), gap.toString());
          assertEquals(first + 1, gap.fromBlock(), gap.toString());
          assertEquals(next - 1, gap.toBlock(), gap.toString());
        } else {
          // dropped before any event: nothing to report as missed, the events resume
          mineUntilHeader(ev);
          assertTrue(upgrades() - up0 >= 2, "reconnected: " + (upgrades() - up0) + " upgrades");
        }
        assertTrue(proxy.webSocketDrops() > 0);
        sub.close();
        return afterSubscribe ? "reconnected and resubscribed, events resume"
            : "reconnected, resubscribed, the missed blocks reported as a Gap, events resume";
      }
    });
  }

  private int upgrades() {
    int n = 0;
    for (String l : proxy.log()) {
      if (l.endsWith("websocket upgrade")) {
        n++;
      }
    }
    return n;
  }

  static void awaitDisconnected(EvmWsClient ws) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (ws.isConnected()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("still connected 5 s after the drop");
      }
      Thread.sleep(10);
    }
  }

  static void awaitConnected(EvmWsClient ws) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!ws.isConnected()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not connected within 5 s");
      }
      Thread.sleep(10);
    }
  }

  @Test
  void webSocketCallInFlightWhenDropped() {
    cell("EvmWsClient call", "connection dropped (RST) while the answer is pending", TIMEOUT.plusSeconds(2), () -> {
      try (EvmWsClient ws = EvmWsClient.builder(proxy.wsUrl()).reconnectBackoff(Duration.ofMillis(50),
          Duration.ofMillis(500)).requestTimeout(TIMEOUT).build()) {
        awaitConnected(ws);
        ws.transport().call("eth_chainId", dev.cairn.transport.ParamsWriter.NONE, dev.cairn.transport.JsonValues::string).get(5, TimeUnit.SECONDS);
        {
          // drop, then call at once: while the connection is down the call fails CLOSED (or IO if
          // it was written just before the reset), or succeeds if the client has already reconnected
          proxy.dropWebSockets(false);
          CompletableFuture<String> f = ws.transport().call("eth_blockNumber", dev.cairn.transport.ParamsWriter.NONE, dev.cairn.transport.JsonValues::string);
          try {
            String r = f.get(TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
            return "result " + r + " (already reconnected)";
          } catch (ExecutionException e) {
            TransportException te = assertInstanceOf(TransportException.class, e.getCause(), e.toString());
            assertTrue(te.kind() == TransportException.Kind.CLOSED || te.kind() == TransportException.Kind.IO
                || te.kind() == TransportException.Kind.TIMEOUT, te.toString());
            return "TransportException " + te.kind();
          }
        }
      }
    });
  }
}
