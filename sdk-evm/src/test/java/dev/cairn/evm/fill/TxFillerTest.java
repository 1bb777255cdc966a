package dev.cairn.evm.fill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.abi.Address;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.Denomination;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.chain.FeeEstimate;
import dev.cairn.core.chain.FeeLevel;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.evm.EvmChainAdapter;
import dev.cairn.evm.rpc.EvmRpcClient;
import dev.cairn.transport.TransportException;
import dev.cairn.evm.tx.AccessList;
import dev.cairn.evm.tx.Transaction;
import dev.cairn.evm.tx.TxType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every rule of {@link TxFiller} against a scripted node that records the methods called. */
class TxFillerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Address FROM = Address.parse("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
  static final Address TO = Address.parse("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");

  /** Next base fee 765625000; blocks with transactions reward [1, 1e9, 2e9] and [3, 1.5e9, 3e9]. */
  static final String FEE_HISTORY = "{"
      + "\"oldestBlock\":\"0x5\","
      + "\"baseFeePerGas\":[\"0x3b9aca00\",\"0x3b9aca00\",\"0x342770c0\",\"0x2da282a8\"],"
      + "\"gasUsedRatio\":[0.5,0.0,0.00175],"
      + "\"baseFeePerBlobGas\":[\"0x1\",\"0x1\",\"0x1\",\"0x7\"],"
      + "\"blobGasUsedRatio\":[0.0,0.0,0.0],"
      + "\"reward\":[[\"0x1\",\"0x3b9aca00\",\"0x77359400\"],[\"0x0\",\"0x0\",\"0x0\"],[\"0x3\",\"0x59682f00\",\"0xb2d05e00\"]]"
      + "}";
  static final BigInteger NEXT_BASE = BigInteger.valueOf(765_625_000L);
  static final BigInteger PRIO_SLOW = BigInteger.valueOf(2);
  static final BigInteger PRIO_NORMAL = BigInteger.valueOf(1_250_000_000L);
  static final BigInteger PRIO_FAST = BigInteger.valueOf(2_500_000_000L);

  MockWebServer server;
  EvmRpcClient rpc;
  final List<String> calls = new CopyOnWriteArrayList<>();
  final List<JsonNode> estimateParams = new CopyOnWriteArrayList<>();
  final Map<String, String> results = new ConcurrentHashMap<>();
  final Map<String, String> errors = new ConcurrentHashMap<>();

  static String header(boolean baseFee) {
    return "{\"number\":\"0x10\",\"hash\":\"0x" + "11".repeat(32) + "\",\"parentHash\":\"0x" + "22".repeat(32) + "\","
        + "\"sha3Uncles\":\"0x" + "33".repeat(32) + "\",\"stateRoot\":\"0x" + "44".repeat(32) + "\","
        + "\"transactionsRoot\":\"0x" + "55".repeat(32) + "\",\"receiptsRoot\":\"0x" + "66".repeat(32) + "\","
        + "\"miner\":\"0x0000000000000000000000000000000000000000\",\"difficulty\":\"0x0\","
        + "\"gasLimit\":\"0x1c9c380\",\"gasUsed\":\"0x5208\",\"timestamp\":\"0x66a1b2c3\",\"extraData\":\"0x\""
        + (baseFee ? ",\"baseFeePerGas\":\"0x3b9aca00\"" : "") + "}";
  }

  @BeforeEach
  void start() throws Exception {
    results.put("eth_chainId", "\"0x7a69\"");
    results.put("eth_getTransactionCount", "\"0x7\"");
    results.put("eth_estimateGas", "\"0xc350\""); // 50000
    results.put("eth_gasPrice", "\"0x4a817c800\""); // 20 gwei
    results.put("eth_feeHistory", FEE_HISTORY);
    results.put("eth_getBlockByNumber", header(true));
    results.put("eth_sendRawTransaction", "\"0x" + "ab".repeat(32) + "\"");
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        try {
          JsonNode req = JSON.readTree(request.getBody().utf8());
          String id = req.get("id").toString();
          String method = req.get("method").asText();
          calls.add(method);
          if (method.equals("eth_estimateGas")) {
            estimateParams.add(req.get("params").get(0));
          }
          String body;
          if (errors.containsKey(method)) {
            body = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":" + errors.get(method) + "}";
          } else if (results.containsKey(method)) {
            body = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + results.get(method) + "}";
          } else {
            body = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":-32601,\"message\":\"no " + method + "\"}}";
          }
          return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
        } catch (Exception e) {
          return new MockResponse.Builder().code(500).body(e.toString()).build();
        }
      }
    });
    server.start();
    rpc = EvmRpcClient.create(server.url("/").toString());
  }

  @AfterEach
  void stop() throws Exception {
    rpc.close();
    server.close();
  }

  static Transaction.Builder complete1559() {
    return Transaction.eip1559().chainId(31337).nonce(3).gasLimit(30_000).maxFeePerGas(10).maxPriorityFeePerGas(2)
        .to(TO).value(5);
  }

  private static Throwable cause(ExecutionException e) {
    Throwable t = e.getCause();
    while (t.getCause() != null && (t instanceof java.util.concurrent.CompletionException)) {
      t = t.getCause();
    }
    return t;
  }

  @Test
  void aCompleteTransactionCostsNoCallAndIsUnchanged() throws Exception {
    TxFiller filler = TxFiller.create(rpc);
    Transaction before = complete1559().build();
    Transaction.Builder b = complete1559();
    assertTrue(filler.isComplete(b));
    assertSame(b, filler.fill(FROM, b).get());
    assertSame(b, filler.fillBlocking(FROM, b));
    Transaction.Builder legacy = Transaction.legacy().chainId(31337).nonce(0).gasLimit(21_000).gasPrice(1).to(TO);
    filler.fillBlocking(FROM, legacy);
    filler.fill(FROM, legacy).get();
    assertEquals(before, b.build());
    assertEquals(List.of(), calls);
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void anUntypedTransactionOnA1559ChainGetsFeeHistoryFeesAndEverythingElse() throws Exception {
    TxFiller filler = TxFiller.create(rpc);
    Transaction tx = filler.fill(FROM, Transaction.builder().to(TO).value(1)).get().build();
    assertEquals(TxType.DYNAMIC_FEE, tx.type());
    assertEquals(31337, tx.chainId());
    assertEquals(7, tx.nonce());
    assertEquals(60_000, tx.gasLimit()); // 50000 + 20%
    assertEquals(PRIO_NORMAL, tx.maxPriorityFeePerGas());
    assertEquals(NEXT_BASE.shiftLeft(1).add(PRIO_NORMAL), tx.maxFeePerGas()); // 2 * base + priority
    assertEquals(List.of("eth_chainId", "eth_estimateGas", "eth_feeHistory", "eth_getBlockByNumber",
        "eth_getTransactionCount"), calls.stream().sorted().toList());
    // the estimate asked for what the transaction does, from the sender
    JsonNode p = estimateParams.get(0);
    assertEquals(FROM.toHexLowercase(), p.get("from").asText().toLowerCase());
    assertEquals(TO.toHexLowercase(), p.get("to").asText().toLowerCase());
    assertEquals("0x1", p.get("value").asText());

    // the chain id and the chain's 1559 support are remembered
    calls.clear();
    filler.fillBlocking(FROM, Transaction.builder().to(TO));
    assertEquals(List.of("eth_getTransactionCount", "eth_estimateGas", "eth_feeHistory"), calls);
  }

  @Test
  void aChainWithoutBaseFeeGetsALegacyGasPrice() throws Exception {
    results.put("eth_getBlockByNumber", header(false));
    TxFiller filler = TxFiller.builder(rpc).chainId(31337).build();
    Transaction tx = filler.fill(FROM, Transaction.builder().to(TO)).get().build();
    assertEquals(TxType.LEGACY, tx.type());
    assertTrue(tx.isEip155());
    assertEquals(BigInteger.valueOf(20_000_000_000L), tx.gasPrice());
    assertFalse(calls.contains("eth_feeHistory"));
    // with an access list it stays EIP-2930
    Transaction al = filler.fillBlocking(FROM, Transaction.builder().to(TO)
        .accessList(AccessList.of(List.of(AccessList.Entry.of(TO))))).build();
    assertEquals(TxType.ACCESS_LIST, al.type());
    assertEquals(BigInteger.valueOf(20_000_000_000L), al.gasPrice());
    assertEquals(1, calls.stream().filter("eth_getBlockByNumber"::equals).count(), calls.toString());
  }

  @Test
  void anUntypedAccessListTransactionOnA1559ChainBecomes1559() {
    TxFiller filler = TxFiller.builder(rpc).chainId(31337).eip1559(true).build();
    Transaction tx = filler.fillBlocking(FROM, Transaction.builder().to(TO)
        .accessList(AccessList.of(List.of(AccessList.Entry.of(TO, new byte[32]))))).build();
    assertEquals(TxType.DYNAMIC_FEE, tx.type());
    assertEquals(1, tx.accessList().size());
    assertFalse(calls.contains("eth_getBlockByNumber")); // told, not asked
    // the estimate request cannot carry the access list: its intrinsic gas (2400 + 1900) is added
    assertEquals((50_000 + 2_400 + 1_900) * 12 / 10, tx.gasLimit());
  }

  @Test
  void anExplicitTypeIsKeptAndDecidesThePricing() {
    TxFiller filler = TxFiller.builder(rpc).chainId(31337).build();
    Transaction legacy = filler.fillBlocking(FROM, Transaction.legacy().to(TO)).build();
    assertEquals(TxType.LEGACY, legacy.type());
    assertEquals(BigInteger.valueOf(20_000_000_000L), legacy.gasPrice());
    Transaction dyn = filler.fillBlocking(FROM, Transaction.eip1559().to(TO)).build();
    assertEquals(TxType.DYNAMIC_FEE, dyn.type());
    assertFalse(calls.contains("eth_getBlockByNumber"), calls.toString());
  }

  @Test
  void givenFieldsAreNeverChanged() {
    TxFiller filler = TxFiller.builder(rpc).chainId(31337).build();
    // only the tip given: maxFee = the suggestion's base part (2 * next base fee) + the tip
    Transaction a = filler.fillBlocking(FROM, Transaction.eip1559().to(TO).nonce(0).gasLimit(22_222)
        .maxPriorityFeePerGas(5)).build();
    assertEquals(0, a.nonce());
    assertEquals(22_222, a.gasLimit());
    assertEquals(BigInteger.valueOf(5), a.maxPriorityFeePerGas());
    assertEquals(NEXT_BASE.shiftLeft(1).add(BigInteger.valueOf(5)), a.maxFeePerGas());
    assertEquals(List.of("eth_feeHistory"), calls);
    // only the cap given, below the suggested tip: the tip is capped
    Transaction b = filler.fillBlocking(FROM, Transaction.eip1559().to(TO).maxFeePerGas(1000)).build();
    assertEquals(BigInteger.valueOf(1000), b.maxFeePerGas());
    assertEquals(BigInteger.valueOf(1000), b.maxPriorityFeePerGas());
    // a gas price given: nothing else asked about fees
    calls.clear();
    Transaction c = filler.fillBlocking(FROM, Transaction.builder().to(TO).gasPrice(99).nonce(1)).build();
    assertEquals(BigInteger.valueOf(99), c.gasPrice());
    assertEquals(List.of("eth_estimateGas"), calls);
  }

  @Test
  void feeLevelsPickTheirPercentile() throws Exception {
    TxFiller filler = TxFiller.builder(rpc).chainId(31337).skipNonce().build();
    Transaction slow = filler.fill(FROM, Transaction.eip1559().to(TO).gasLimit(21_000), FeeLevel.SLOW).get().build();
    Transaction fast = filler.fillBlocking(FROM, Transaction.eip1559().to(TO).gasLimit(21_000), FeeLevel.FAST).build();
    assertEquals(PRIO_SLOW, slow.maxPriorityFeePerGas());
    assertEquals(PRIO_FAST, fast.maxPriorityFeePerGas());
    assertEquals(NEXT_BASE.shiftLeft(1).add(PRIO_FAST), fast.maxFeePerGas());
    Transaction levelled = TxFiller.builder(rpc).chainId(31337).feeLevel(FeeLevel.FAST).build()
        .fillBlocking(FROM, Transaction.eip1559().to(TO).gasLimit(21_000).nonce(0)).build();
    assertEquals(PRIO_FAST, levelled.maxPriorityFeePerGas());
  }

  @Test
  void theMarginIsConfigurableAndThePlainTransferFloorHolds() {
    results.put("eth_estimateGas", "\"0x3e8\""); // 1000: below any real transaction
    TxFiller noMargin = TxFiller.builder(rpc).chainId(31337).gasMarginPercent(0).build();
    assertEquals(21_000, noMargin.fillBlocking(FROM, Transaction.legacy().to(TO).gasPrice(1).nonce(0)).build().gasLimit());
    results.put("eth_estimateGas", "\"0x5208\""); // 21000
    assertEquals(21_000, noMargin.fillBlocking(FROM, Transaction.legacy().to(TO).gasPrice(1).nonce(0)).build().gasLimit());
    TxFiller half = TxFiller.builder(rpc).chainId(31337).gasMarginPercent(50).build();
    assertEquals(31_500, half.fillBlocking(FROM, Transaction.legacy().to(TO).gasPrice(1).nonce(0)).build().gasLimit());
    results.put("eth_estimateGas", "\"0xc351\""); // 50001: +20% rounds up
    assertEquals(60_002, TxFiller.create(rpc).fillBlocking(FROM, Transaction.legacy().to(TO).gasPrice(1).nonce(0))
        .build().gasLimit());
    // the client's margin is the default
    try (EvmRpcClient c = EvmRpcClient.builder(server.url("/").toString()).gasMarginPercent(10).build()) {
      assertEquals(10, TxFiller.create(c).gasMarginPercent());
    }
    assertThrows(ChainException.class, () -> TxFiller.builder(rpc).gasMarginPercent(-1));
    assertEquals(Long.MAX_VALUE, noMargin.withMargin(Long.MAX_VALUE));
  }

  @Test
  void blobTransactionsGetTwiceTheNextBlobBaseFee() {
    TxFiller filler = TxFiller.builder(rpc).chainId(31337).build();
    Transaction tx = filler.fillBlocking(FROM, Transaction.eip4844().to(TO).nonce(0).gasLimit(21_000)
        .blobVersionedHashes(List.of(Hex.decode("01" + "00".repeat(31))))).build();
    assertEquals(BigInteger.valueOf(14), tx.maxFeePerBlobGas());
    assertEquals(PRIO_NORMAL, tx.maxPriorityFeePerGas());
  }

  @Test
  void theNodesErrorsPropagateTyped() {
    errors.put("eth_estimateGas", "{\"code\":3,\"message\":\"execution reverted: no\",\"data\":\"0x08c379a0\"}");
    TxFiller filler = TxFiller.builder(rpc).chainId(31337).build();
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> filler.fill(FROM, Transaction.eip1559().to(TO)).get());
    TransportException re = assertInstanceOf(TransportException.class, cause(e));
    assertEquals(TransportException.Kind.RPC_ERROR, re.kind());
    assertEquals(3, re.code());
    TransportException blocking = assertThrows(TransportException.class, () -> filler.fillBlocking(FROM, Transaction.eip1559().to(TO)));
    assertEquals("eth_estimateGas", blocking.method());

    errors.clear();
    errors.put("eth_feeHistory", "{\"code\":-32000,\"message\":\"feeHistory unavailable\"}");
    assertThrows(TransportException.class, () -> filler.fillBlocking(FROM, Transaction.eip1559().to(TO).gasLimit(21_000)));
  }

  @Test
  void badInputIsRefusedWithTheField() {
    TxFiller filler = TxFiller.builder(rpc).chainId(1).build();
    ChainException e = assertThrows(ChainException.class, () -> filler.fillBlocking(FROM, complete1559()));
    assertEquals(ErrorKind.INVALID_INPUT, e.kind());
    assertTrue(e.getMessage().contains("chainId"), e.getMessage());
    ExecutionException f = assertThrows(ExecutionException.class, () -> filler.fill(FROM, complete1559()).get());
    assertTrue(assertInstanceOf(ChainException.class, cause(f)).getMessage().contains("chainId"));
    ChainException noFrom = assertThrows(ChainException.class,
        () -> filler.fillBlocking(null, Transaction.eip1559().to(TO).chainId(1)));
    assertTrue(noFrom.getMessage().contains("from"), noFrom.getMessage());
    assertThrows(ChainException.class, () -> filler.fillBlocking(FROM, null));
    assertTrue(filler.fill(FROM, null).isCompletedExceptionally());
    assertThrows(ChainException.class, () -> TxFiller.builder(null));
    assertEquals(List.of(), calls);
  }

  @Test
  void theNonceIsLeftToANonceManagerWhenAsked() {
    TxFiller filler = TxFiller.builder(rpc).chainId(31337).skipNonce().build();
    Transaction.Builder b = Transaction.eip1559().to(TO).gasLimit(21_000).maxFeePerGas(2).maxPriorityFeePerGas(1);
    assertTrue(filler.isComplete(b));
    assertTrue(filler.fillBlocking(FROM, b).nonceIfSet().isEmpty());
    assertEquals(List.of(), calls);
  }

  @Test
  void estimateGivesTheThreeLevels() throws Exception {
    TxFiller filler = TxFiller.builder(rpc).chainId(31337).build();
    FeeEstimate e = filler.estimate(FROM, Transaction.eip1559().to(TO), ChainId.eip155(31337), Denomination.ETH).get();
    assertEquals(60_000, e.normal().limit());
    assertEquals(new BigDecimal(PRIO_SLOW), e.slow().priorityUnitPrice());
    assertEquals(new BigDecimal(NEXT_BASE.shiftLeft(1).add(PRIO_NORMAL)), e.normal().unitPrice());
    assertEquals(new BigDecimal(PRIO_FAST), e.fast().priorityUnitPrice());
    FeeEstimate legacy = filler.estimate(FROM, Transaction.legacy().to(TO).gasLimit(30_000), ChainId.eip155(31337),
        Denomination.ETH).get();
    assertEquals(30_000, legacy.slow().limit());
    assertEquals(new BigDecimal(20_000_000_000L), legacy.fast().unitPrice());
  }

  @Test
  void theAdaptersSubmitBlockingMakesNoFillCallForACompleteTemplate() throws Exception {
    SoftwareSigner signer = Signers.software(Secp256k1PrivateKey.of(Hex.decode(
        "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80")));
    try (EvmChainAdapter adapter = EvmChainAdapter.builder(rpc).chainId(31337).build()) {
      adapter.submitBlocking(Transaction.eip1559().to(TO).gasLimit(21_000).maxFeePerGas(2).maxPriorityFeePerGas(1),
          signer);
      assertEquals(List.of("eth_getTransactionCount", "eth_sendRawTransaction"), calls);
      calls.clear();
      // the same send without gas and fees: the filler estimates and prices it first
      adapter.submitBlocking(Transaction.eip1559().to(TO), signer);
      assertEquals(List.of("eth_estimateGas", "eth_feeHistory", "eth_sendRawTransaction"), calls);
      calls.clear();
      adapter.submit(Transaction.eip1559().to(TO).gasLimit(21_000).maxFeePerGas(2).maxPriorityFeePerGas(1), signer).get();
      assertEquals(List.of("eth_sendRawTransaction"), calls);
      // a reverting estimate is a decoded REVERTED error and nothing is sent
      calls.clear();
      errors.put("eth_estimateGas", "{\"code\":3,\"message\":\"execution reverted\",\"data\":\"0x08c379a0"
          + "0000000000000000000000000000000000000000000000000000000000000020"
          + "0000000000000000000000000000000000000000000000000000000000000002"
          + "6e6f000000000000000000000000000000000000000000000000000000000000\"}");
      ChainException ce = assertThrows(ChainException.class, () -> adapter.submitBlocking(Transaction.eip1559().to(TO), signer));
      assertEquals(ErrorKind.REVERTED, ce.kind());
      assertEquals("no", ce.error().revertReason().orElseThrow());
      ExecutionException ae = assertThrows(ExecutionException.class, () -> adapter.submit(Transaction.eip1559().to(TO), signer).get());
      assertEquals(ErrorKind.REVERTED, assertInstanceOf(ChainException.class, cause(ae)).kind());
      assertFalse(calls.contains("eth_sendRawTransaction"));
      assertNotEquals(0, calls.size());
    }
  }
}
