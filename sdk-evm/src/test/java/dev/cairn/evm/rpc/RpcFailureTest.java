package dev.cairn.evm.rpc;

import dev.cairn.transport.*;
import static dev.cairn.evm.rpc.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.encoding.Hex;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RpcFailureTest extends MockServerSupport {

  private TransportException fails(RpcCall<?> call) {
    return assertThrows(TransportException.class, call::send);
  }

  // ------------------------------------------------------------------ batches

  /** Answers a batch in reverse order, dropping the call whose method is {@code drop}, with an error for {@code fail}. */
  private MockResponse reversed(JsonNode req, String drop, String fail) {
    List<String> parts = new ArrayList<>();
    for (int i = req.size() - 1; i >= 0; i--) {
      JsonNode c = req.get(i);
      String m = c.get("method").asText();
      String id = c.get("id").toString();
      if (m.equals(drop)) {
        continue;
      }
      if (m.equals(fail)) {
        parts.add("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":3,\"message\":\"execution reverted\",\"data\":\"0x08c379a0"
            + "0000000000000000000000000000000000000000000000000000000000000020"
            + "0000000000000000000000000000000000000000000000000000000000000003"
            + "6e6f700000000000000000000000000000000000000000000000000000000000\"}}");
      } else if (m.equals("eth_chainId")) {
        parts.add("{\"result\":\"0x7a69\",\"jsonrpc\":\"2.0\",\"id\":" + id + "}");
      } else {
        parts.add("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":\"0x" + Integer.toHexString(i + 16) + "\"}");
      }
    }
    return new MockResponse.Builder().body("[" + String.join(",", parts) + "]").build();
  }

  @Test
  void batchMatchesOutOfOrderResponsesById() throws Exception {
    enqueue(req -> reversed(req, "none", "eth_call"));
    RpcBatch b = client.newBatch();
    CompletableFuture<Long> chain = b.add(client.chainId());
    CompletableFuture<Long> n = b.add(client.blockNumber());
    CompletableFuture<byte[]> call = b.add(client.call(CallRequest.builder().to(Address0.A).build(), BlockId.LATEST));
    CompletableFuture<java.math.BigInteger> gp = b.add(client.gasPrice());
    assertEquals(4, b.size());
    b.send();
    assertEquals(31337L, chain.get());
    assertEquals(17L, n.get());
    assertEquals(java.math.BigInteger.valueOf(19), gp.get());
    ExecutionException e = assertThrows(ExecutionException.class, call::get);
    TransportException re = (TransportException) e.getCause();
    assertEquals(TransportException.Kind.RPC_ERROR, re.kind());
    assertEquals("eth_call", re.method());
    ChainError ce = RpcErrors.toChainError(re, ChainId.eip155(1));
    assertEquals(ErrorKind.REVERTED, ce.kind());
    assertEquals("nop", ce.revertReason().orElseThrow());
    assertEquals(100, ce.nativeData().length);
    JsonNode req = takeRequest();
    assertTrue(req.isArray());
    assertEquals(4, req.size());
  }

  @Test
  void batchMissingIdFailsOnlyThatCall() throws Exception {
    enqueue(req -> reversed(req, "eth_blockNumber", "none"));
    RpcBatch b = client.newBatch();
    CompletableFuture<Long> chain = b.add(client.chainId());
    CompletableFuture<Long> n = b.add(client.blockNumber());
    b.sendAsync().get(5, TimeUnit.SECONDS);
    assertEquals(31337L, chain.get());
    TransportException e = (TransportException) assertThrows(ExecutionException.class, n::get).getCause();
    assertEquals(TransportException.Kind.MALFORMED_RESPONSE, e.kind());
    assertEquals("eth_blockNumber", e.method());
  }

  @Test
  void batchMalformedElementFailsOnlyThatCall() throws Exception {
    enqueue(req -> new MockResponse.Builder().body("[{\"jsonrpc\":\"2.0\",\"id\":" + req.get(1).get("id") + ",\"result\":12},"
        + "{\"jsonrpc\":\"2.0\",\"id\":" + req.get(0).get("id") + ",\"result\":\"0x1\"}]").build());
    RpcBatch b = client.newBatch();
    CompletableFuture<Long> a = b.add(client.chainId());
    CompletableFuture<Long> c = b.add(client.blockNumber());
    b.send();
    assertEquals(1L, a.get());
    TransportException e = (TransportException) assertThrows(ExecutionException.class, c::get).getCause();
    assertEquals(TransportException.Kind.MALFORMED_RESPONSE, e.kind());
    assertEquals("/0/result", e.path().orElseThrow());
  }

  @Test
  void batchWideErrorFailsEveryCall() throws Exception {
    enqueue("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"batch too large\"}}");
    RpcBatch b = client.newBatch();
    CompletableFuture<Long> a = b.add(client.chainId());
    CompletableFuture<Long> c = b.add(client.blockNumber());
    b.send();
    for (CompletableFuture<Long> f : List.of(a, c)) {
      TransportException e = (TransportException) assertThrows(ExecutionException.class, f::get).getCause();
      assertEquals(-32600, e.code());
    }
    assertThrows(IllegalStateException.class, b::send);
  }

  @Test
  void autoBatchingCoalescesConcurrentCalls() throws Exception {
    try (EvmRpcClient batching = builder(server.url("/").toString())
        .autoBatch(Duration.ofMillis(50), 3).build()) {
      enqueue(req -> reversed(req, "none", "none"));
      CompletableFuture<Long> a = batching.chainId().sendAsync();
      CompletableFuture<Long> b = batching.blockNumber().sendAsync();
      CompletableFuture<Long> c = batching.blockNumber().sendAsync();
      assertEquals(31337L, a.get(5, TimeUnit.SECONDS));
      assertEquals(17L, b.get(5, TimeUnit.SECONDS));
      assertEquals(18L, c.get(5, TimeUnit.SECONDS));
      JsonNode req = takeRequest();
      assertTrue(req.isArray());
      assertEquals(3, req.size());
      // a lone call flushed by the window goes out as a plain request
      enqueueResult("\"0x5\"");
      assertEquals(5L, batching.blockNumber().send());
      assertTrue(takeRequest().isObject());
    }
  }

  // ------------------------------------------------------------------ retries

  @Test
  void rateLimitWithRetryAfterSecondsThenSuccess() throws Exception {
    enqueue(req -> new MockResponse.Builder().code(429).addHeader("Retry-After", "0").body("slow down").build());
    enqueueResult("\"0x10\"");
    assertEquals(16L, client.blockNumber().send());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void rateLimitWithRetryAfterHttpDate() throws Exception {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusSeconds(5));
    enqueue(req -> new MockResponse.Builder().code(429).addHeader("Retry-After", date).build());
    enqueueResult("\"0x11\"");
    assertEquals(17L, client.blockNumber().sendAsync().get(5, TimeUnit.SECONDS));
  }

  @Test
  void retryAfterBeyondTheLimitFailsAtOnce() {
    enqueue(req -> new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());
    TransportException e = fails(client.blockNumber());
    assertEquals(TransportException.Kind.RATE_LIMITED, e.kind());
    assertEquals(429, e.httpStatus());
    assertEquals(Duration.ofHours(1), e.retryAfter().orElseThrow());
    assertEquals(ErrorKind.TRANSPORT, RpcErrors.errorKind(e));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void readsAreRetriedOn500ButSendRawTransactionIsNot() throws Exception {
    enqueue(500, "internal error");
    enqueueResult("\"0x1\"");
    assertEquals(1L, client.chainId().send());
    assertEquals(2, server.getRequestCount());

    enqueue(500, "internal error");
    enqueueResult("\"" + TX_HASH + "\"");
    TransportException e = fails(client.sendRawTransaction(new byte[] {2}));
    assertEquals(TransportException.Kind.HTTP_STATUS, e.kind());
    assertEquals(500, e.httpStatus());
    assertTrue(e.getMessage().contains("internal error"));
    assertEquals(3, server.getRequestCount());
    responses.clear();
  }

  @Test
  void retriesAreBounded() {
    for (int i = 0; i < 5; i++) {
      enqueue(503, "unavailable");
    }
    TransportException e = fails(client.blockNumber());
    assertEquals(503, e.httpStatus());
    assertEquals(3, server.getRequestCount());
    responses.clear();
  }

  @Test
  void transportFailureIsTypedAndRetried() throws Exception {
    enqueue(req -> new MockResponse.Builder().body("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"}")
        .onResponseStart(new mockwebserver3.SocketEffect.CloseSocket(true, false, false)).build());
    enqueueResult("\"0x2\"");
    assertEquals(2L, client.blockNumber().send());

    EvmRpcClient dead = builder("http://127.0.0.1:1/").retryPolicy(RetryPolicy.NONE).build();
    TransportException e = fails(dead.chainId());
    assertEquals(TransportException.Kind.CONNECT, e.kind());
    assertEquals(ErrorKind.TRANSPORT, RpcErrors.errorKind(e));
    dead.close();
  }

  @Test
  void closingWithARetryScheduledStillCompletesTheFuture() throws Exception {
    EvmRpcClient slow = builder(server.url("/").toString())
        .retryPolicy(RetryPolicy.of(3, Duration.ofMillis(400), Duration.ofMillis(400), Duration.ofSeconds(3))).build();
    enqueue(503, "unavailable");
    CompletableFuture<Long> f = slow.blockNumber().sendAsync();
    long t0 = System.nanoTime();
    while (server.getRequestCount() < 1 && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5)) {
      Thread.sleep(5);
    }
    Thread.sleep(50); // the 503 is in; the retry waits in the scheduler
    slow.close();
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof TransportException, String.valueOf(e.getCause()));
    responses.clear();
  }

  @Test
  void timeoutIsTyped() throws Exception {
    enqueue(req -> new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).body(Fixtures.envelope("\"0x1\"")).build());
    TransportException e = fails(client.blockNumber().withTimeout(Duration.ofMillis(300)));
    assertEquals(TransportException.Kind.TIMEOUT, e.kind());
    assertEquals(ErrorKind.TIMEOUT, RpcErrors.errorKind(e));
    enqueue(req -> new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).body(Fixtures.envelope("\"0x1\"")).build());
    ExecutionException ee = assertThrows(ExecutionException.class,
        () -> client.blockNumber().withTimeout(Duration.ofMillis(300)).sendAsync().get(5, TimeUnit.SECONDS));
    assertEquals(TransportException.Kind.TIMEOUT, ((TransportException) ee.getCause()).kind());
  }

  // ------------------------------------------------------------------ JSON-RPC errors

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "-32000|nonce too low: next nonce 5, tx nonce 4|NONCE_MISMATCH",
      "-32000|insufficient funds for gas * price + value|INSUFFICIENT_FUNDS",
      "-32000|replacement transaction underpriced|REJECTED_BY_NODE",
      "-32601|the method eth_foo does not exist/is not available|UNSUPPORTED",
      "-32602|invalid argument 0|INVALID_INPUT",
      "-32005|limit exceeded|TRANSPORT"})
  void jsonRpcErrorsMapToErrorKinds(long code, String message, ErrorKind kind) {
    enqueue("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"}}");
    if (code == -32005) {
      enqueue("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"}}");
    }
    TransportException e = fails(client.sendRawTransaction(new byte[] {1}));
    assertEquals(TransportException.Kind.RPC_ERROR, e.kind());
    assertEquals(code, e.code());
    assertEquals(message, e.rpcMessage().orElseThrow());
    assertEquals(kind, RpcErrors.errorKind(e));
    responses.clear();
  }

  @Test
  void revertKeepsTheData() {
    String data = "0x4e487b710000000000000000000000000000000000000000000000000000000000000011";
    enqueue("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":3,\"message\":\"execution reverted: panic\",\"data\":\"" + data + "\"}}");
    TransportException e = fails(client.call(CallRequest.builder().to(Address0.A).build(), BlockId.LATEST));
    assertEquals("\"" + data + "\"", e.dataJson().orElseThrow());
    assertArrayEquals(Hex.decode(data), RpcErrors.revertData(e).orElseThrow());
    ChainError ce = RpcErrors.toChainError(e, null);
    assertEquals(ErrorKind.REVERTED, ce.kind());
    assertEquals("3", ce.nativeCode().orElseThrow());
    assertTrue(ce.revertReason().orElseThrow().contains("overflow"));
    // nested data object (some providers)
    enqueue("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32015,\"message\":\"reverted\",\"data\":{\"data\":\"0x1234\",\"x\":[1]}}}");
    TransportException nested = fails(client.call(CallRequest.builder().to(Address0.A).build(), BlockId.LATEST));
    assertArrayEquals(new byte[] {0x12, 0x34}, RpcErrors.revertData(nested).orElseThrow());
    assertEquals(ErrorKind.REVERTED, RpcErrors.errorKind(nested));
  }

  // ------------------------------------------------------------------ malformed responses

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1",
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":1}",
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x01\"}",
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x\"}",
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"12\"}",
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0xg1\"}",
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x8000000000000000\"}",
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":null}",
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\",\"error\":{\"code\":1,\"message\":\"x\"}}",
      "{\"jsonrpc\":\"2.0\",\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"0x1\"}",
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"message\":\"no code\"}}",
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":\"x\",\"message\":\"bad code\"}}",
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"} trailing",
      "[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"}]",
      "not json at all",
      "<html><body><h1>502 Bad Gateway</h1></body></html>",
      "",
      "{\"jsonrpc\":\"2.0\",\"id\":99999,\"result\":\"0x1\"}"})
  void malformedResponsesAreTyped(String body) {
    enqueue(body);
    TransportException e = fails(client.blockNumber());
    assertEquals(TransportException.Kind.MALFORMED_RESPONSE, e.kind(), e.getMessage());
    assertEquals(ErrorKind.TRANSPORT, RpcErrors.errorKind(e));
    assertEquals("eth_blockNumber", e.method());
  }

  @Test
  void hugeQuantityNamesThePath() {
    enqueueResult("\"0x" + "f".repeat(1000) + "\"");
    TransportException e = fails(client.getBalance(Address0.A, BlockId.LATEST));
    assertEquals("/result", e.path().orElseThrow());
    assertTrue(e.getMessage().contains("1000 hex digits"), e.getMessage());
  }

  @Test
  void missingAndWrongFieldsNameThePath() {
    enqueueResult(RECEIPT.replace("\"gasUsed\":\"0x8c7e\",", ""));
    TransportException e = fails(client.getTransactionReceipt(Hash32.ZERO));
    assertEquals("/result/gasUsed", e.path().orElseThrow());
    enqueueResult(RECEIPT.replace("\"logIndex\":\"0x0\"", "\"logIndex\":7"));
    e = fails(client.getTransactionReceipt(Hash32.ZERO));
    assertEquals("/result/logs/0/logIndex", e.path().orElseThrow());
    assertTrue(e.getMessage().contains("found a number"), e.getMessage());
    enqueueResult(block("[]").replace(STATE_ROOT, "0x1234"));
    e = fails(client.getBlockByNumber(BlockId.LATEST, false));
    assertEquals("/result/stateRoot", e.path().orElseThrow());
  }

  @Test
  void htmlErrorPageWithErrorStatus() {
    enqueue(502, "<html><body><h1>502 Bad Gateway</h1>\n</body></html>");
    enqueue(502, "<html><body><h1>502 Bad Gateway</h1>\n</body></html>");
    enqueue(502, "<html><body><h1>502 Bad Gateway</h1>\n</body></html>");
    TransportException e = fails(client.blockNumber());
    assertEquals(TransportException.Kind.HTTP_STATUS, e.kind());
    assertEquals(502, e.httpStatus());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void oversizedResponseIsRejected() {
    try (EvmRpcClient small = builder(server.url("/").toString()).maxResponseBytes(1024).build()) {
      enqueueResult("[" + String.join(",", java.util.Collections.nCopies(40, LOG)) + "]");
      TransportException e = assertThrows(TransportException.class, () -> small.getLogs(LogFilter.builder().build()).send());
      assertEquals(TransportException.Kind.MALFORMED_RESPONSE, e.kind());
      assertTrue(e.getMessage().contains("exceeds"), e.getMessage());
    }
  }

  /** Test addresses. */
  static final class Address0 {
    static final dev.cairn.abi.Address A = dev.cairn.abi.Address.parse(FROM);
  }
}
