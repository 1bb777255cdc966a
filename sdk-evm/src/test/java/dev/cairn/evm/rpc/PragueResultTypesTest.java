package dev.cairn.evm.rpc;

import dev.cairn.transport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.abi.Address;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.evm.testing.TestContracts;
import dev.cairn.evm.tx.Authorization;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Result types of current (Prague) responses: EIP-7702 authorization lists in transactions, the
 * typed-transaction fields of every type, withdrawals and the Shanghai/Cancun/Prague header fields;
 * malformed values name their JSON path.
 */
class PragueResultTypesTest extends MockServerSupport {
  // Shapes as geth/reth answer on mainnet after Prague (values made up but realistic).
  static final String TX_HASH = "0x9a4d3b7c2e1f0a8b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b";
  static final String BLOCK_HASH = "0x4f1c8e2d7a6b5c3e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a";
  static final String SENDER = "0x2f14582947e292a2ecd20c430b46f2d27cfe213c";
  static final String AUTHORITY = "0x8ba1f109551bd432803012645ac136ddd64dba72";
  static final String DELEGATE = "0x63c0c19a282a1b52b07dd5a65b58948a07dae32b";
  static final String OTHER_DELEGATE = "0x000000009b1d0af20d8c6d0a44e162d11f9b8f00";
  static final String SLOT = "0x0000000000000000000000000000000000000000000000000000000000000003";

  static final String AUTH_0 = "{"
      + "\"chainId\":\"0x1\","
      + "\"address\":\"" + DELEGATE + "\","
      + "\"nonce\":\"0x2a\","
      + "\"yParity\":\"0x1\","
      + "\"r\":\"0xd3b5c0e6f12a9e8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b\","
      + "\"s\":\"0x1f2e3d4c5b6a79881726354453627181909a8b7c6d5e4f3a2b1c0d9e8f7a6b5c\""
      + "}";

  static final String AUTH_1 = "{"
      + "\"chainId\":\"0x0\","
      + "\"address\":\"" + OTHER_DELEGATE + "\","
      + "\"nonce\":\"0xffffffffffffffff\","
      + "\"yParity\":\"0x0\","
      + "\"r\":\"0x7e6d5c4b3a29180f0e1d2c3b4a59687766554433221100ffeeddccbbaa998877\","
      + "\"s\":\"0x3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2\""
      + "}";

  static final String TX_7702 = "{"
      + "\"blockHash\":\"" + BLOCK_HASH + "\","
      + "\"blockNumber\":\"0x1613a8c\","
      + "\"blockTimestamp\":\"0x68a1c2d3\","
      + "\"from\":\"" + SENDER + "\","
      + "\"gas\":\"0x186a0\","
      + "\"gasPrice\":\"0x1c9c3800\","
      + "\"maxFeePerGas\":\"0x3b9aca00\","
      + "\"maxPriorityFeePerGas\":\"0x2faf080\","
      + "\"hash\":\"" + TX_HASH + "\","
      + "\"input\":\"0xa9059cbb\","
      + "\"nonce\":\"0x17\","
      + "\"to\":\"" + AUTHORITY + "\","
      + "\"transactionIndex\":\"0x5\","
      + "\"value\":\"0x0\","
      + "\"type\":\"0x4\","
      + "\"accessList\":[{\"address\":\"" + DELEGATE + "\",\"storageKeys\":[\"" + SLOT + "\"]}],"
      + "\"chainId\":\"0x1\","
      + "\"authorizationList\":[" + AUTH_0 + "," + AUTH_1 + "],"
      + "\"v\":\"0x0\","
      + "\"r\":\"0x5a1c9e8f2b7d6c3a4e0f1b2d3c4a5e6f7081928374655647382910afbecd9e8f\","
      + "\"s\":\"0x6b2d0f9e3c8e7d4b5f1a2c3e4d5b6f70819283746556473829100a1b2c3d4e5f\","
      + "\"yParity\":\"0x0\""
      + "}";

  static final String TX_4844 = "{"
      + "\"blockHash\":\"" + BLOCK_HASH + "\","
      + "\"blockNumber\":\"0x1613a8c\","
      + "\"from\":\"" + SENDER + "\","
      + "\"gas\":\"0x5208\","
      + "\"gasPrice\":\"0x1c9c3800\","
      + "\"maxFeePerGas\":\"0x77359400\","
      + "\"maxPriorityFeePerGas\":\"0x3b9aca00\","
      + "\"maxFeePerBlobGas\":\"0x2540be400\","
      + "\"hash\":\"0x1d8e7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d\","
      + "\"input\":\"0x\","
      + "\"nonce\":\"0x4d2\","
      + "\"to\":\"0xff00000000000000000000000000000000000001\","
      + "\"transactionIndex\":\"0x0\","
      + "\"value\":\"0x0\","
      + "\"type\":\"0x3\","
      + "\"accessList\":[],"
      + "\"chainId\":\"0x1\","
      + "\"blobVersionedHashes\":[\"0x01a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80\","
      + "\"0x01f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e\"],"
      + "\"v\":\"0x1\","
      + "\"r\":\"0x2b9e1f0c3d4a5b6c7d8e9fa0b1c2d3e4f5061728394a5b6c7d8e9fa0b1c2d3e4\","
      + "\"s\":\"0x4c3b2a19f8e7d6c5b4a39281706f5e4d3c2b1a0998877665544332211ffeeddc\","
      + "\"yParity\":\"0x1\""
      + "}";

  static final String TX_LEGACY_155 = "{"
      + "\"blockHash\":\"" + BLOCK_HASH + "\","
      + "\"blockNumber\":\"0x1613a8c\","
      + "\"from\":\"" + SENDER + "\","
      + "\"gas\":\"0x5208\","
      + "\"gasPrice\":\"0x4a817c800\","
      + "\"hash\":\"0x3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7081\","
      + "\"input\":\"0x\","
      + "\"nonce\":\"0x9\","
      + "\"to\":\"0x3535353535353535353535353535353535353535\","
      + "\"transactionIndex\":\"0x1\","
      + "\"value\":\"0xde0b6b3a7640000\","
      + "\"type\":\"0x0\","
      + "\"chainId\":\"0x1\","
      + "\"v\":\"0x25\","
      + "\"r\":\"0x28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276\","
      + "\"s\":\"0x67cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83\""
      + "}";

  static final String WITHDRAWAL_0 = "{\"index\":\"0x5f5e100\",\"validatorIndex\":\"0x1e240\","
      + "\"address\":\"0xb9d7934878b5fb9610b3fe8a5e441e8fad7e293f\",\"amount\":\"0x11a5c7e\"}";
  static final String WITHDRAWAL_1 = "{\"index\":\"0x5f5e101\",\"validatorIndex\":\"0x1e241\","
      + "\"address\":\"0x4675c7e5baafbffbca748158becba61ef3b0a263\",\"amount\":\"0x1bf08eb000\"}";

  static final String PARENT_BEACON_ROOT = "0x7e2f9d1c0b8a6f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c";
  static final String REQUESTS_HASH = "0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  static final String WITHDRAWALS_ROOT = "0x2a8e0f6b1d5c3e7a9b4f8d2c6e0a1b3d5f7e9c2a4b6d8f0e1c3a5b7d9f2e4c6a";

  static String pragueBlock(String transactions) {
    return "{"
        + "\"baseFeePerGas\":\"0x1a8a0f1d\","
        + "\"blobGasUsed\":\"0x60000\","
        + "\"difficulty\":\"0x0\","
        + "\"excessBlobGas\":\"0x3c0000\","
        + "\"extraData\":\"0x6265617665726275696c642e6f7267\","
        + "\"gasLimit\":\"0x2aea540\","
        + "\"gasUsed\":\"0x10c8e0f\","
        + "\"hash\":\"" + BLOCK_HASH + "\","
        + "\"logsBloom\":\"" + Fixtures.ZERO_BLOOM + "\","
        + "\"miner\":\"0x95222290dd7278aa3ddd389cc1e1d165cc4bafe5\","
        + "\"mixHash\":\"0x4b1f0e6d2c9a8b7e5f3d1c0a9b8e7f6d5c4b3a29180f7e6d5c4b3a2918f7e6d5\","
        + "\"nonce\":\"0x0000000000000000\","
        + "\"number\":\"0x1613a8c\","
        + "\"parentBeaconBlockRoot\":\"" + PARENT_BEACON_ROOT + "\","
        + "\"parentHash\":\"" + Fixtures.PARENT_HASH + "\","
        + "\"receiptsRoot\":\"0x6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b\","
        + "\"requestsHash\":\"" + REQUESTS_HASH + "\","
        + "\"sha3Uncles\":\"0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347\","
        + "\"size\":\"0x1b7a4\","
        + "\"stateRoot\":\"" + Fixtures.STATE_ROOT + "\","
        + "\"timestamp\":\"0x68a1c2d3\","
        + "\"transactions\":" + transactions + ","
        + "\"transactionsRoot\":\"0x8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d\","
        + "\"uncles\":[],"
        + "\"withdrawals\":[" + WITHDRAWAL_0 + "," + WITHDRAWAL_1 + "],"
        + "\"withdrawalsRoot\":\"" + WITHDRAWALS_ROOT + "\""
        + "}";
  }

  /** {@code json} with the one occurrence of {@code from} replaced (fails if it does not occur once). */
  static String replaceOnce(String json, String from, String to) {
    int i = json.indexOf(from);
    if (i < 0 || json.indexOf(from, i + 1) >= 0) {
      throw new AssertionError("fixture must contain exactly one " + from);
    }
    return json.substring(0, i) + to + json.substring(i + from.length());
  }

  private RpcTransaction txByHash(String json) {
    enqueueResult(json);
    return client.getTransactionByHash(Hash32.parse(TX_HASH)).send().orElseThrow();
  }

  private static void assertMalformedAt(TransportException e, String path, String fragment) {
    assertEquals(TransportException.Kind.MALFORMED_RESPONSE, e.kind(), e.getMessage());
    assertEquals(path, e.path().orElseThrow(), e.getMessage());
    assertTrue(e.getMessage().contains("malformed response at " + path + ":"), e.getMessage());
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }

  // ------------------------------------------------------------------ transactions

  @Test
  void eip7702TransactionDecodesEveryField() throws Exception {
    RpcTransaction t = txByHash(TX_7702);
    assertEquals("eth_getTransactionByHash", takeRequest().get("method").asText());
    assertEquals(4, t.type());
    assertEquals(1L, t.chainId().orElseThrow());
    assertEquals(0x17, t.nonce());
    assertEquals(100_000, t.gas());
    assertEquals(Address.parse(AUTHORITY), t.to().orElseThrow());
    assertEquals(BigInteger.valueOf(1_000_000_000L), t.maxFeePerGas().orElseThrow());
    assertEquals(BigInteger.valueOf(50_000_000L), t.maxPriorityFeePerGas().orElseThrow());
    assertEquals(BigInteger.valueOf(480_000_000L), t.gasPrice().orElseThrow());
    assertTrue(t.maxFeePerBlobGas().isEmpty());
    assertTrue(t.blobVersionedHashes().isEmpty());
    assertEquals(0, t.yParity().orElseThrow());
    assertEquals(BigInteger.ZERO, t.v().orElseThrow());
    assertEquals(5, t.transactionIndex().orElseThrow());
    assertEquals(1, t.accessList().size());
    assertEquals(Address.parse(DELEGATE), t.accessList().get(0).address());
    assertEquals(List.of(Hash32.parse(SLOT)), t.accessList().get(0).storageKeys());

    List<Authorization> auths = t.authorizationList();
    assertEquals(2, auths.size());
    Authorization a0 = auths.get(0);
    assertEquals(BigInteger.ONE, a0.chainId());
    assertEquals(Address.parse(DELEGATE), a0.address());
    assertEquals(42L, a0.nonce());
    assertEquals(1, a0.yParity());
    assertEquals(new BigInteger("d3b5c0e6f12a9e8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b", 16), a0.r());
    assertEquals(new BigInteger("1f2e3d4c5b6a79881726354453627181909a8b7c6d5e4f3a2b1c0d9e8f7a6b5c", 16), a0.s());
    Authorization a1 = auths.get(1);
    assertEquals(BigInteger.ZERO, a1.chainId()); // valid on every chain
    assertEquals(Address.parse(OTHER_DELEGATE), a1.address());
    assertEquals("18446744073709551615", Long.toUnsignedString(a1.nonce())); // full uint64 range
    assertEquals(0, a1.yParity());
    assertThrows(UnsupportedOperationException.class, () -> auths.add(a0));
  }

  @Test
  void signedAuthorizationRoundTripsAndRecoversItsAuthority() {
    SoftwareSigner signer = TestContracts.devSigner(5);
    Authorization signed = Authorization.sign(BigInteger.valueOf(31337), Address.parse(DELEGATE), 7, signer);
    String element = "{\"chainId\":\"0x7a69\",\"address\":\"" + DELEGATE + "\",\"nonce\":\"0x7\","
        + "\"yParity\":\"0x" + Integer.toHexString(signed.yParity()) + "\","
        + "\"r\":\"0x" + signed.r().toString(16) + "\",\"s\":\"0x" + signed.s().toString(16) + "\"}";
    RpcTransaction t = txByHash(replaceOnce(TX_7702, AUTH_0 + "," + AUTH_1, element));
    assertEquals(List.of(signed), t.authorizationList());
    assertEquals(TestContracts.devAddress(5), t.authorizationList().get(0).authority());
  }

  @Test
  void authorizationFallsBackToVWhenYParityIsAbsent() {
    String vOnly = replaceOnce(AUTH_0, "\"yParity\":\"0x1\"", "\"v\":\"0x1\"");
    RpcTransaction t = txByHash(replaceOnce(TX_7702, AUTH_0, vOnly));
    assertEquals(1, t.authorizationList().get(0).yParity());
    // yParity wins when both are present
    String both = replaceOnce(AUTH_0, "\"yParity\":\"0x1\"", "\"v\":\"0x0\",\"yParity\":\"0x1\"");
    t = txByHash(replaceOnce(TX_7702, AUTH_0, both));
    assertEquals(1, t.authorizationList().get(0).yParity());
    // an out-of-range parity is kept as reported (the chain skips such an authorization)
    String odd = replaceOnce(AUTH_0, "\"yParity\":\"0x1\"", "\"yParity\":\"0x1b\"");
    t = txByHash(replaceOnce(TX_7702, AUTH_0, odd));
    assertEquals(27, t.authorizationList().get(0).yParity());
  }

  @Test
  void emptyAndNullAuthorizationLists() {
    RpcTransaction t = txByHash(replaceOnce(TX_7702, AUTH_0 + "," + AUTH_1, ""));
    assertEquals(4, t.type());
    assertTrue(t.authorizationList().isEmpty());
    t = txByHash(replaceOnce(TX_7702, "[" + AUTH_0 + "," + AUTH_1 + "]", "null"));
    assertTrue(t.authorizationList().isEmpty());
  }

  @Test
  void blobTransactionFields() {
    RpcTransaction t = txByHash(TX_4844);
    assertEquals(3, t.type());
    assertEquals(BigInteger.valueOf(10_000_000_000L), t.maxFeePerBlobGas().orElseThrow());
    assertEquals(2, t.blobVersionedHashes().size());
    assertEquals(Hash32.parse("0x01f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e"),
        t.blobVersionedHashes().get(1));
    assertTrue(t.accessList().isEmpty());
    assertTrue(t.authorizationList().isEmpty());
    assertEquals(1, t.yParity().orElseThrow());
  }

  @Test
  void legacyTransactionHasNoTypedFields() {
    RpcTransaction t = txByHash(TX_LEGACY_155);
    assertEquals(0, t.type());
    assertEquals(BigInteger.valueOf(37), t.v().orElseThrow());
    assertTrue(t.yParity().isEmpty());
    assertTrue(t.maxFeePerGas().isEmpty());
    assertTrue(t.accessList().isEmpty());
    assertTrue(t.authorizationList().isEmpty());
    assertTrue(t.blobVersionedHashes().isEmpty());
    // a node that omits "type" on legacy transactions: still type 0, still no y parity
    t = txByHash(replaceOnce(TX_LEGACY_155, "\"type\":\"0x0\",", ""));
    assertEquals(0, t.type());
    assertTrue(t.yParity().isEmpty());
  }

  @Test
  void typedTransactionTakesYParityFromVWhenOnlyVIsSent() {
    RpcTransaction t = txByHash(replaceOnce(TX_4844, ",\"yParity\":\"0x1\"", ""));
    assertEquals(1, t.yParity().orElseThrow());
    t = txByHash(replaceOnce(TX_7702, ",\"yParity\":\"0x0\"}", "}"));
    assertEquals(0, t.yParity().orElseThrow());
  }

  static Stream<Arguments> malformedTransactions() {
    String a = "/result/authorizationList/0/";
    String b = "/result/authorizationList/1/";
    return Stream.of(
        Arguments.of("\"chainId\":\"0x1\",\"address\"", "\"chainId\":1,\"address\"", a + "chainId", "found a number"),
        Arguments.of("\"nonce\":\"0x2a\"", "\"nonce\":\"0x02a\"", a + "nonce", "leading zero"),
        Arguments.of("\"nonce\":\"0xffffffffffffffff\"", "\"nonce\":\"0x10000000000000000\"", b + "nonce", "2^64-1"),
        Arguments.of("\"address\":\"" + DELEGATE + "\",\"nonce\"", "\"address\":\"0x63c0c19a\",\"nonce\"",
            a + "address", "must have 40 hex digits"),
        Arguments.of("\"address\":\"" + OTHER_DELEGATE + "\"", "\"address\":\"0x000000009b1d0af20d8c6d0a44e162d11f9b8fzz\"",
            b + "address", "non-hex character"),
        Arguments.of("\"yParity\":\"0x1\",\"r\"", "\"yParity\":\"0x100\",\"r\"", a + "yParity", "fit a byte"),
        Arguments.of("\"yParity\":\"0x0\",\"r\":\"0x7e", "\"yParity\":true,\"r\":\"0x7e", b + "yParity", "found a boolean"),
        Arguments.of("\"r\":\"0xd3b5", "\"r\":\"0xd3b5" + "0".repeat(60), a + "r", "at most 64 allowed"),
        Arguments.of("\"s\":\"0x1f2e", "\"s\":\"0x1g2e", a + "s", "non-hex character at offset 3"),
        Arguments.of("\"s\":\"0x3a2b", "\"s\":null,\"x\":\"0x3a2b", b + "s", "found null"),
        Arguments.of("\"chainId\":\"0x1\",\"address\"", "\"address\"", a + "chainId", "missing required field"),
        Arguments.of("\"address\":\"" + DELEGATE + "\",\"nonce\"", "\"nonce\"", a + "address", "missing required field"),
        Arguments.of("\"nonce\":\"0xffffffffffffffff\",", "", b + "nonce", "missing required field"),
        Arguments.of("\"yParity\":\"0x1\",\"r\"", "\"r\"", a + "yParity", "missing required field"),
        Arguments.of("\"r\":\"0x7e6d5c4b3a29180f0e1d2c3b4a59687766554433221100ffeeddccbbaa998877\",", "", b + "r",
            "missing required field"),
        Arguments.of(",\"s\":\"0x1f2e3d4c5b6a79881726354453627181909a8b7c6d5e4f3a2b1c0d9e8f7a6b5c\"", "", a + "s",
            "missing required field"),
        Arguments.of("[" + AUTH_0 + "," + AUTH_1 + "]", "{}", "/result/authorizationList", "expected an array"),
        Arguments.of("[" + AUTH_0 + ",", "[\"" + DELEGATE + "\",", "/result/authorizationList/0", "expected an object"),
        Arguments.of("\"type\":\"0x4\"", "\"type\":4", "/result/type", "found a number"),
        Arguments.of("\"yParity\":\"0x0\"}", "\"yParity\":\"0x\"}", "/result/yParity", "at least one hex digit"));
  }

  @ParameterizedTest
  @MethodSource("malformedTransactions")
  void malformedTransactionFieldsNameTheirPath(String from, String to, String path, String fragment) {
    enqueueResult(replaceOnce(TX_7702, from, to));
    TransportException e = assertThrows(TransportException.class, () -> client.getTransactionByHash(Hash32.parse(TX_HASH)).send());
    assertMalformedAt(e, path, fragment);
    assertEquals("eth_getTransactionByHash", e.method());
  }

  // ------------------------------------------------------------------ blocks

  @Test
  void pragueBlockWithWithdrawalsAndFullTransactions() throws Exception {
    enqueueResult(pragueBlock("[" + TX_7702 + "," + TX_4844 + "," + TX_LEGACY_155 + "]"));
    Block b = client.getBlockByNumber(BlockId.number(0x1613a8c), true).send().orElseThrow();
    takeRequest();
    BlockHeader h = b.header();
    assertEquals(0x1613a8cL, b.number());
    assertEquals(Hash32.parse(WITHDRAWALS_ROOT), h.withdrawalsRoot().orElseThrow());
    assertEquals(393_216L, h.blobGasUsed().orElseThrow()); // three blobs
    assertEquals(0x3c0000L, h.excessBlobGas().orElseThrow());
    assertEquals(Hash32.parse(PARENT_BEACON_ROOT), h.parentBeaconBlockRoot().orElseThrow());
    assertEquals(Hash32.parse(REQUESTS_HASH), h.requestsHash().orElseThrow());
    assertEquals(45_000_000L, h.gasLimit());

    List<Withdrawal> ws = b.withdrawals().orElseThrow();
    assertEquals(2, ws.size());
    assertEquals(Withdrawal.of(100_000_000L, 123_456L, Address.parse("0xb9d7934878b5fb9610b3fe8a5e441e8fad7e293f"),
        BigInteger.valueOf(0x11a5c7eL)), ws.get(0));
    Withdrawal w1 = ws.get(1);
    assertEquals(100_000_001L, w1.index());
    assertEquals(123_457L, w1.validatorIndex());
    assertEquals(Address.parse("0x4675c7e5baafbffbca748158becba61ef3b0a263"), w1.address());
    assertEquals(BigInteger.valueOf(120_000_000_000L), w1.amountGwei()); // 120 ETH, a full exit
    assertEquals(new BigInteger("120000000000000000000"), w1.amountWei());
    assertThrows(UnsupportedOperationException.class, () -> ws.remove(0));

    assertEquals(3, b.transactions().size());
    assertEquals(List.of(4, 3, 0), List.of(b.transactions().get(0).type(), b.transactions().get(1).type(),
        b.transactions().get(2).type()));
    assertEquals(2, b.transactions().get(0).authorizationList().size());
    assertEquals(Hash32.parse(TX_HASH), b.transactionHashes().get(0));

    // the same block with hashes only still carries the withdrawals
    enqueueResult(pragueBlock("[\"" + TX_HASH + "\"]"));
    Block hashes = client.getBlockByHash(Hash32.parse(BLOCK_HASH), false).send().orElseThrow();
    assertEquals(ws, hashes.withdrawals().orElseThrow());
  }

  @Test
  void olderBlocksHaveNoWithdrawalsOrLaterHeaderFields() {
    String london = pragueBlock("[]");
    for (String field : new String[] {
        "\"blobGasUsed\":\"0x60000\",", "\"excessBlobGas\":\"0x3c0000\",",
        "\"parentBeaconBlockRoot\":\"" + PARENT_BEACON_ROOT + "\",", "\"requestsHash\":\"" + REQUESTS_HASH + "\",",
        ",\"withdrawals\":[" + WITHDRAWAL_0 + "," + WITHDRAWAL_1 + "]", ",\"withdrawalsRoot\":\"" + WITHDRAWALS_ROOT + "\""}) {
      london = replaceOnce(london, field, "");
    }
    enqueueResult(london);
    Block b = client.getBlockByNumber(BlockId.number(12_965_000), false).send().orElseThrow();
    assertTrue(b.withdrawals().isEmpty());
    BlockHeader h = b.header();
    assertTrue(h.withdrawalsRoot().isEmpty());
    assertTrue(h.blobGasUsed().isEmpty());
    assertTrue(h.excessBlobGas().isEmpty());
    assertTrue(h.parentBeaconBlockRoot().isEmpty());
    assertTrue(h.requestsHash().isEmpty());
    assertTrue(h.baseFeePerGas().isPresent());

    // Shanghai: withdrawals but no blob fields; an empty list is present, not absent
    enqueueResult(replaceOnce(pragueBlock("[]"), "[" + WITHDRAWAL_0 + "," + WITHDRAWAL_1 + "]", "[]"));
    b = client.getBlockByNumber(BlockId.LATEST, false).send().orElseThrow();
    assertEquals(List.of(), b.withdrawals().orElseThrow());
    // null is treated like absent
    enqueueResult(replaceOnce(pragueBlock("[]"), "[" + WITHDRAWAL_0 + "," + WITHDRAWAL_1 + "]", "null"));
    assertFalse(client.getBlockByNumber(BlockId.LATEST, false).send().orElseThrow().withdrawals().isPresent());
  }

  static Stream<Arguments> malformedBlocks() {
    String w0 = "/result/withdrawals/0/";
    String w1 = "/result/withdrawals/1/";
    return Stream.of(
        Arguments.of("\"amount\":\"0x11a5c7e\"", "\"amount\":18504830", w0 + "amount", "found a number"),
        Arguments.of("\"amount\":\"0x1bf08eb000\"", "\"amount\":\"1bf08eb000\"", w1 + "amount", "0x followed by"),
        Arguments.of("\"index\":\"0x5f5e101\",", "", w1 + "index", "missing required field"),
        Arguments.of("\"validatorIndex\":\"0x1e240\",", "", w0 + "validatorIndex", "missing required field"),
        Arguments.of(",\"amount\":\"0x1bf08eb000\"", "", w1 + "amount", "missing required field"),
        Arguments.of("\"address\":\"0xb9d7934878b5fb9610b3fe8a5e441e8fad7e293f\",", "", w0 + "address",
            "missing required field"),
        Arguments.of("\"validatorIndex\":\"0x1e241\"", "\"validatorIndex\":\"0x1e24q\"", w1 + "validatorIndex",
            "non-hex character"),
        Arguments.of("\"index\":\"0x5f5e100\"", "\"index\":\"0x8000000000000000\"", w0 + "index", "exceeds"),
        Arguments.of("\"address\":\"0x4675c7e5baafbffbca748158becba61ef3b0a263\"",
            "\"address\":\"0x4675c7e5baafbffbca748158becba61ef3b0a2\"", w1 + "address", "must have 40 hex digits"),
        Arguments.of("[" + WITHDRAWAL_0 + ",", "[null,", "/result/withdrawals/0", "expected an object"),
        Arguments.of("[" + WITHDRAWAL_0 + "," + WITHDRAWAL_1 + "]", "{\"0\":" + WITHDRAWAL_0 + "}",
            "/result/withdrawals", "expected an array"),
        Arguments.of("\"blobGasUsed\":\"0x60000\"", "\"blobGasUsed\":\"0x060000\"", "/result/blobGasUsed", "leading zero"),
        Arguments.of("\"excessBlobGas\":\"0x3c0000\"", "\"excessBlobGas\":\"0x" + "f".repeat(17) + "\"",
            "/result/excessBlobGas", "at most 16 allowed"),
        Arguments.of("\"requestsHash\":\"" + REQUESTS_HASH + "\"", "\"requestsHash\":\"0xe3b0c442\"",
            "/result/requestsHash", "must have 64 hex digits"),
        Arguments.of("\"parentBeaconBlockRoot\":\"" + PARENT_BEACON_ROOT + "\"", "\"parentBeaconBlockRoot\":[]",
            "/result/parentBeaconBlockRoot", "found an array"),
        Arguments.of("\"withdrawalsRoot\":\"" + WITHDRAWALS_ROOT + "\"", "\"withdrawalsRoot\":7",
            "/result/withdrawalsRoot", "found a number"),
        Arguments.of("\"nonce\":\"0x2a\"", "\"nonce\":\"0x2g\"", "/result/transactions/0/authorizationList/0/nonce",
            "non-hex character"),
        Arguments.of(",\"s\":\"0x1f2e3d4c5b6a79881726354453627181909a8b7c6d5e4f3a2b1c0d9e8f7a6b5c\"", "",
            "/result/transactions/0/authorizationList/0/s", "missing required field"));
  }

  @ParameterizedTest
  @MethodSource("malformedBlocks")
  void malformedBlockFieldsNameTheirPath(String from, String to, String path, String fragment) {
    enqueueResult(replaceOnce(pragueBlock("[" + TX_7702 + "]"), from, to));
    TransportException e = assertThrows(TransportException.class, () -> client.getBlockByNumber(BlockId.LATEST, true).send());
    assertMalformedAt(e, path, fragment);
    assertEquals("eth_getBlockByNumber", e.method());
  }

  @Test
  void withdrawalFactoryChecksItsArguments() {
    Address a = Address.parse(SENDER);
    Withdrawal w = Withdrawal.of(0, 0, a, BigInteger.ZERO);
    assertEquals(BigInteger.ZERO, w.amountWei());
    assertEquals(w, Withdrawal.of(0, 0, a, BigInteger.ZERO));
    assertEquals(w.hashCode(), Withdrawal.of(0, 0, a, BigInteger.ZERO).hashCode());
    assertFalse(w.equals(Withdrawal.of(1, 0, a, BigInteger.ZERO)));
    assertTrue(w.toString().contains("amountGwei=0"), w.toString());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Withdrawal.of(-1, 0, a, BigInteger.ONE))
        .getMessage().contains("withdrawal.index"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Withdrawal.of(0, -1, a, BigInteger.ONE))
        .getMessage().contains("withdrawal.validatorIndex"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Withdrawal.of(0, 0, null, BigInteger.ONE))
        .getMessage().contains("withdrawal.address"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Withdrawal.of(0, 0, a, null))
        .getMessage().contains("withdrawal.amount"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Withdrawal.of(0, 0, a, BigInteger.ONE.negate()))
        .getMessage().contains("withdrawal.amount"));
  }
}
