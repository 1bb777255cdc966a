package dev.cairn.evm.rpc;

import dev.cairn.transport.*;
import static dev.cairn.evm.rpc.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.abi.Address;
import dev.cairn.core.encoding.Hex;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvmRpcClientTest extends MockServerSupport {
  static final Address A = Address.parse(FROM);

  private static void assertRequest(JsonNode req, String method, String paramsJson) throws Exception {
    assertEquals("2.0", req.get("jsonrpc").asText());
    assertTrue(req.get("id").isIntegralNumber());
    assertEquals(method, req.get("method").asText());
    assertEquals(MAPPER.readTree(paramsJson), req.get("params"));
  }

  @Test
  void chainIdAndBlockNumber() throws Exception {
    enqueueResult("\"0x7a69\"");
    assertEquals(31337L, client.chainId().send());
    assertRequest(takeRequest(), "eth_chainId", "[]");
    enqueueResult("\"0x1b4\"");
    assertEquals(436L, client.blockNumber().send());
    assertRequest(takeRequest(), "eth_blockNumber", "[]");
  }

  @Test
  void gasPriceAndPriorityFee() throws Exception {
    enqueueResult("\"0x77359400\"");
    assertEquals(BigInteger.valueOf(2_000_000_000L), client.gasPrice().send());
    assertRequest(takeRequest(), "eth_gasPrice", "[]");
    enqueueResult("\"0x3b9aca00\"");
    assertEquals(BigInteger.valueOf(1_000_000_000L), client.maxPriorityFeePerGas().send());
    assertRequest(takeRequest(), "eth_maxPriorityFeePerGas", "[]");
  }

  @Test
  void getBalanceWithEveryBlockIdForm() throws Exception {
    enqueueResult("\"0x21e19e0c9bab2400000\"");
    assertEquals(new BigInteger("10000000000000000000000"), client.getBalance(A, BlockId.LATEST).send());
    assertRequest(takeRequest(), "eth_getBalance", "[\"" + FROM + "\",\"latest\"]");
    enqueueResult("\"0x0\"");
    assertEquals(BigInteger.ZERO, client.getBalance(A, BlockId.number(26)).send());
    assertRequest(takeRequest(), "eth_getBalance", "[\"" + FROM + "\",\"0x1a\"]");
    enqueueResult("\"0x1\"");
    client.getBalance(A, BlockId.hash(Hash32.parse(BLOCK_HASH), true)).send();
    assertRequest(takeRequest(), "eth_getBalance",
        "[\"" + FROM + "\",{\"blockHash\":\"" + BLOCK_HASH + "\",\"requireCanonical\":true}]");
  }

  @Test
  void getTransactionCountCodeStorage() throws Exception {
    enqueueResult("\"0x5\"");
    assertEquals(5L, client.getTransactionCount(A, BlockId.PENDING).send());
    assertRequest(takeRequest(), "eth_getTransactionCount", "[\"" + FROM + "\",\"pending\"]");
    enqueueResult("\"0x6080604052\"");
    assertArrayEquals(Hex.decode("6080604052"), client.getCode(A, BlockId.LATEST).send());
    assertRequest(takeRequest(), "eth_getCode", "[\"" + FROM + "\",\"latest\"]");
    enqueueResult("\"0x000000000000000000000000000000000000000000000000000000000000002a\"");
    Hash32 slot = Hash32.of(new byte[32]);
    assertEquals(BigInteger.valueOf(42), new BigInteger(1, client.getStorageAt(A, slot, BlockId.SAFE).send().bytes()));
    assertRequest(takeRequest(), "eth_getStorageAt", "[\"" + FROM + "\",\"" + slot.toHex() + "\",\"safe\"]");
  }

  @Test
  void callWithStateOverride() throws Exception {
    enqueueResult("\"0x00000000000000000000000000000000000000000000000000000000000003e8\"");
    CallRequest req = CallRequest.builder().from(A).to(Address.parse(CONTRACT)).data(Hex.decode("70a08231"))
        .value(BigInteger.ZERO).gas(100000).build();
    StateOverride so = StateOverride.builder().balance(A, BigInteger.TEN).nonce(A, 3).code(Address.parse(CONTRACT), new byte[] {1})
        .stateDiff(Address.parse(CONTRACT), Hash32.ZERO, Hash32.ZERO).build();
    byte[] out = client.call(req, BlockId.FINALIZED, so).send();
    assertEquals(32, out.length);
    assertEquals(0x03, out[30]);
    assertRequest(takeRequest(), "eth_call", "[{\"from\":\"" + FROM + "\",\"to\":\"" + CONTRACT
        + "\",\"gas\":\"0x186a0\",\"value\":\"0x0\",\"input\":\"0x70a08231\"},\"finalized\",{\"" + FROM
        + "\":{\"balance\":\"0xa\",\"nonce\":\"0x3\"},\"" + CONTRACT + "\":{\"code\":\"0x01\",\"stateDiff\":{\""
        + Hash32.ZERO.toHex() + "\":\"" + Hash32.ZERO.toHex() + "\"}}}]");
  }

  @Test
  void estimateGasAndMargin() throws Exception {
    enqueueResult("\"0x5208\"");
    assertEquals(21000L, client.estimateGas(CallRequest.builder().from(A).to(A).build()).send());
    assertRequest(takeRequest(), "eth_estimateGas", "[{\"from\":\"" + FROM + "\",\"to\":\"" + FROM + "\"}]");
    enqueueResult("\"0x5208\"");
    assertEquals(25200L, client.estimateGasWithMargin(CallRequest.builder().to(A).build()));
    takeRequest();
    enqueueResult("\"0x5209\"");
    assertEquals(21001L, client.estimateGas(CallRequest.builder().to(A).build(), BlockId.LATEST).send());
    assertRequest(takeRequest(), "eth_estimateGas", "[{\"to\":\"" + FROM + "\"},\"latest\"]");
    assertEquals(25202L, client.withGasMargin(21001)); // 25201.2 rounded up
  }

  @Test
  void feeHistoryAndSuggestion() throws Exception {
    enqueueResult(FEE_HISTORY);
    FeeHistory h = client.feeHistory(3, BlockId.LATEST, 10, 50, 90).send();
    assertRequest(takeRequest(), "eth_feeHistory", "[\"0x3\",\"latest\",[10.0,50.0,90.0]]");
    assertEquals(5, h.oldestBlock());
    assertEquals(4, h.baseFeePerGas().size());
    assertEquals(BigInteger.valueOf(0x2da282a8L), h.nextBaseFeePerGas());
    assertEquals(List.of(0.5, 0.0, 0.00175), h.gasUsedRatio());
    assertEquals(3, h.reward().size());
    assertEquals(4, h.baseFeePerBlobGas().size());

    enqueueResult(FEE_HISTORY);
    FeeSuggestion s = client.suggestFees();
    assertRequest(takeRequest(), "eth_feeHistory", "[\"0xa\",\"latest\",[10.0,50.0,90.0]]");
    BigInteger base = BigInteger.valueOf(0x2da282a8L);
    // non-empty blocks 0 and 2: medians are the means of the two samples (block 1 is empty and skipped)
    assertEquals(BigInteger.valueOf(2), s.slow().maxPriorityFeePerGas());
    assertEquals(BigInteger.valueOf((0x3b9aca00L + 0x59682f00L) / 2), s.normal().maxPriorityFeePerGas());
    assertEquals(BigInteger.valueOf((0x77359400L + 0xb2d05e00L) / 2), s.fast().maxPriorityFeePerGas());
    assertEquals(base.shiftLeft(1).add(s.normal().maxPriorityFeePerGas()), s.normal().maxFeePerGas());
    assertEquals(base, s.nextBaseFeePerGas());
    dev.cairn.core.chain.FeeEstimate fe = s.toFeeEstimate(dev.cairn.core.chain.ChainId.eip155(31337),
        dev.cairn.core.chain.Denomination.ETH, 21000);
    assertEquals(21000, fe.fast().limit());
    assertEquals(0, new java.math.BigDecimal(s.fast().maxFeePerGas()).compareTo(fe.fast().unitPrice()));
  }

  @Test
  void feeSuggestionFallsBackWhenBlocksAreEmpty() throws Exception {
    enqueueResult("{\"oldestBlock\":\"0x1\",\"baseFeePerGas\":[\"0x10\",\"0x8\"],\"gasUsedRatio\":[0.0],"
        + "\"reward\":[[\"0x0\",\"0x0\",\"0x0\"]]}");
    FeeSuggestion s = client.suggestFees();
    assertEquals(BigInteger.valueOf(1_000_000_000L), s.slow().maxPriorityFeePerGas());
    assertEquals(BigInteger.valueOf(1_000_000_016L), s.fast().maxFeePerGas());
  }

  @Test
  void blockByNumberWithHashesAndWithFullTransactions() throws Exception {
    enqueueResult(block("[\"" + TX_HASH + "\"]"));
    Block b = client.getBlockByNumber(BlockId.number(1), false).send().orElseThrow();
    assertRequest(takeRequest(), "eth_getBlockByNumber", "[\"0x1\",false]");
    assertEquals(1, b.number());
    assertEquals(Hash32.parse(BLOCK_HASH), b.header().hash().orElseThrow());
    assertEquals(Hash32.parse(PARENT_HASH), b.header().parentHash());
    assertEquals(Hash32.parse(STATE_ROOT), b.header().stateRoot());
    assertEquals(BigInteger.valueOf(1_000_000_000L), b.header().baseFeePerGas().orElseThrow());
    assertEquals(30_000_000L, b.header().gasLimit());
    assertEquals(List.of(Hash32.parse(TX_HASH)), b.transactionHashes());
    assertFalse(b.hasFullTransactions());
    assertTrue(b.header().withdrawalsRoot().isPresent());
    assertEquals(0L, b.header().excessBlobGas().orElseThrow());

    enqueueResult(block("[" + TX + "]"));
    Block full = client.getBlockByNumber(BlockId.LATEST, true).send().orElseThrow();
    assertRequest(takeRequest(), "eth_getBlockByNumber", "[\"latest\",true]");
    assertTrue(full.hasFullTransactions());
    RpcTransaction t = full.transactions().get(0);
    assertEquals(Address.parse(FROM), t.from());
    assertEquals(Address.parse(TO), t.to().orElseThrow());
    assertEquals(new BigInteger("1000000000000000000"), t.value());
    assertEquals(2, t.type());
    assertEquals(31337L, t.chainId().orElseThrow());
    assertEquals(List.of(Hash32.parse(TX_HASH)), full.transactionHashes());

    enqueueResult(block("[" + TX + "]"));
    TransportException e = assertThrows(TransportException.class, () -> client.getBlockByNumber(BlockId.LATEST, false).send());
    assertEquals(TransportException.Kind.MALFORMED_RESPONSE, e.kind());
    assertEquals("/result/transactions/0", e.path().orElseThrow());
    takeRequest();
  }

  @Test
  void blockByHashAndMissingBlock() throws Exception {
    enqueueResult(block("[]"));
    Block b = client.getBlockByHash(Hash32.parse(BLOCK_HASH), false).send().orElseThrow();
    assertRequest(takeRequest(), "eth_getBlockByHash", "[\"" + BLOCK_HASH + "\",false]");
    assertTrue(b.transactionHashes().isEmpty());
    enqueueResult("null");
    assertEquals(Optional.empty(), client.getBlockByNumber(BlockId.number(999), true).send());
    takeRequest();
    enqueueResult(block("[]"));
    BlockHeader h = client.getHeaderByNumber(BlockId.FINALIZED).send().orElseThrow();
    assertEquals(Hash32.parse(STATE_ROOT), h.stateRoot());
    assertRequest(takeRequest(), "eth_getBlockByNumber", "[\"finalized\",false]");
  }

  @Test
  void transactionByHashAndReceipt() throws Exception {
    enqueueResult(TX);
    RpcTransaction t = client.getTransactionByHash(Hash32.parse(TX_HASH)).send().orElseThrow();
    assertRequest(takeRequest(), "eth_getTransactionByHash", "[\"" + TX_HASH + "\"]");
    assertEquals(Hash32.parse(TX_HASH), t.hash());
    assertEquals(21000, t.gas());
    assertEquals(1L, t.blockNumber().orElseThrow());
    assertEquals(1, t.yParity().orElseThrow());

    enqueueResult(RECEIPT);
    Receipt r = client.getTransactionReceipt(Hash32.parse(TX_HASH)).send().orElseThrow();
    assertRequest(takeRequest(), "eth_getTransactionReceipt", "[\"" + TX_HASH + "\"]");
    assertTrue(r.isSuccess());
    assertEquals(0x8c7e, r.gasUsed());
    assertEquals(BigInteger.valueOf(1_000_000_000L), r.effectiveGasPrice().orElseThrow());
    assertEquals(Address.parse(CONTRACT), r.contractAddress().orElseThrow());
    assertTrue(r.to().isEmpty());
    assertEquals(1, r.logs().size());
    assertEquals(Hash32.parse(TOPIC0), r.logs().get(0).topics().get(0));
    assertEquals(2, r.type());

    enqueueResult("null");
    assertTrue(client.getTransactionReceipt(Hash32.parse(TX_HASH)).send().isEmpty());
  }

  @Test
  void getLogsWritesTheFilter() throws Exception {
    enqueueResult("[" + LOG + "," + LOG + "]");
    LogFilter f = LogFilter.builder().address(Address.parse(CONTRACT)).topic(0, Hash32.parse(TOPIC0))
        .topic(2, Hash32.ZERO, Hash32.parse(TX_HASH)).fromBlock(BlockId.number(1)).toBlock(BlockId.LATEST).build();
    List<Log> logs = client.getLogs(f).send();
    assertEquals(2, logs.size());
    Log l = logs.get(0);
    assertEquals(Address.parse(CONTRACT), l.address());
    assertEquals(BigInteger.valueOf(1000), new BigInteger(1, l.data()));
    assertEquals(1L, l.blockNumber().orElseThrow());
    assertEquals(0, l.logIndex().orElseThrow());
    assertFalse(l.removed());
    assertRequest(takeRequest(), "eth_getLogs", "[{\"address\":\"" + CONTRACT + "\",\"topics\":[\"" + TOPIC0
        + "\",null,[\"" + Hash32.ZERO.toHex() + "\",\"" + TX_HASH + "\"]],\"fromBlock\":\"0x1\",\"toBlock\":\"latest\"}]");

    enqueueResult("[]");
    client.getLogs(LogFilter.builder().address(A, Address.parse(CONTRACT)).blockHash(Hash32.parse(BLOCK_HASH)).build()).send();
    assertRequest(takeRequest(), "eth_getLogs", "[{\"address\":[\"" + FROM + "\",\"" + CONTRACT + "\"],\"blockHash\":\""
        + BLOCK_HASH + "\"}]");
  }

  @Test
  void sendRawTransaction() throws Exception {
    enqueueResult("\"" + TX_HASH + "\"");
    assertEquals(Hash32.parse(TX_HASH), client.sendRawTransaction(Hex.decode("02f870827a69")).send());
    assertRequest(takeRequest(), "eth_sendRawTransaction", "[\"0x02f870827a69\"]");
    assertFalse(client.sendRawTransaction(new byte[1]).isIdempotent());
  }

  @Test
  void getProof() throws Exception {
    enqueueResult(PROOF);
    Hash32 k1 = Hash32.parse("0x0000000000000000000000000000000000000000000000000000000000000001");
    AccountProof p = client.getProof(A, List.of(Hash32.ZERO, k1), BlockId.number(1)).send();
    assertRequest(takeRequest(), "eth_getProof", "[\"" + FROM + "\",[\"" + Hash32.ZERO.toHex() + "\",\"" + k1.toHex()
        + "\"],\"0x1\"]");
    assertEquals(A, p.address());
    assertEquals(new BigInteger("10000000000000000000000"), p.balance());
    assertEquals(2, p.accountProof().size());
    assertArrayEquals(Hex.decode("f90211a0aa"), p.accountProof().get(0));
    assertEquals(Hash32.ZERO, p.storageProof().get(0).key());
    assertEquals(k1, p.storageProof().get(1).key());
    assertEquals(BigInteger.valueOf(42), p.storageProof().get(1).value());
  }

  @Test
  void rawCallPassesJsonThrough() throws Exception {
    enqueueResult("{\"a\":[1,2]}");
    assertEquals("{\"a\":[1,2]}", client.rawCall("anvil_nodeInfo", "[\"0x1\",{\"b\":true}]", true).send());
    assertRequest(takeRequest(), "anvil_nodeInfo", "[\"0x1\",{\"b\":true}]");
    enqueueResult("null");
    assertEquals("null", client.rawCall("evm_mine", null, false).send());
  }

  @Test
  void asyncCall() throws Exception {
    enqueueResult("\"0x2a\"");
    assertEquals(42L, client.blockNumber().sendAsync().get());
    enqueue("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32000,\"message\":\"nonce too low\"}}");
    java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
        () -> client.sendRawTransaction(new byte[] {1}).sendAsync().get());
    TransportException re = (TransportException) e.getCause();
    assertEquals(TransportException.Kind.RPC_ERROR, re.kind());
    assertEquals(dev.cairn.core.chain.ErrorKind.NONCE_MISMATCH, RpcErrors.errorKind(re));
  }
}
