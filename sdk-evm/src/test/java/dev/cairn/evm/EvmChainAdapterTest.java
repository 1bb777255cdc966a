package dev.cairn.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.abi.Address;
import dev.cairn.abi.ContractAbi;
import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.CallPayload;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainResult;
import dev.cairn.core.chain.ContractCall;
import dev.cairn.core.chain.Denomination;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.chain.Fee;
import dev.cairn.core.chain.SignedTransaction;
import dev.cairn.core.chain.TransactionRequest;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.evm.rpc.EvmRpcClient;
import dev.cairn.testing.node.Anvil;
import dev.cairn.evm.testing.TestContracts;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter's error mapping and nonce-lease settlement against scripted node answers. */
class EvmChainAdapterTest {
  static final ObjectMapper JSON = new ObjectMapper();
  MockWebServer server;
  EvmChainAdapter adapter;
  final Deque<String> sendAnswers = new ArrayDeque<>();
  volatile String callError;
  long pendingNonce = 5;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        try {
          JsonNode req = JSON.readTree(request.getBody().utf8());
          String id = req.get("id").toString();
          String method = req.get("method").asText();
          String result;
          switch (method) {
            case "eth_getTransactionCount": result = "\"0x" + Long.toHexString(pendingNonce) + "\""; break;
            case "eth_sendRawTransaction": {
              String a = sendAnswers.poll();
              if (a != null) {
                return json("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":" + a + "}");
              }
              result = "\"0x" + "ab".repeat(32) + "\"";
              break;
            }
            case "eth_call":
              return json("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":" + callError + "}");
            default:
              return json("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":-32601,\"message\":\"no " + method + "\"}}");
          }
          return json("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + result + "}");
        } catch (Exception e) {
          return new MockResponse.Builder().code(500).body(e.toString()).build();
        }
      }
    });
    server.start();
    adapter = EvmChainAdapter.builder(EvmRpcClient.create(server.url("/").toString())).chainId(31337).closeRpcOnClose(true).build();
  }

  static MockResponse json(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
  }

  @AfterEach
  void stop() throws Exception {
    adapter.close();
    server.close();
  }

  @Test
  void toStringRedactsTheEndpointPathAndQuery() {
    try (EvmChainAdapter a = EvmChainAdapter.builder(
            EvmRpcClient.create("https://user:pw@rpc.example/v3/secret-api-key?token=secret-token"))
        .chainId(1).closeRpcOnClose(true).build()) {
      String s = a.toString();
      assertTrue(s.contains("rpc.example"), s);
      for (String secret : new String[] {"secret-api-key", "secret-token", "pw"}) {
        assertTrue(!s.contains(secret), secret + " in " + s);
      }
    }
  }

  private TransactionRequest transfer(SoftwareSigner s) {
    AccountId from = adapter.accountOf(s);
    return TransactionRequest.transfer(from, adapter.accountOf(Address.parse("0x000000000000000000000000000000000000c0de")),
            Amount.of(BigInteger.ONE, Denomination.ETH))
        .withFee(Fee.of(Denomination.ETH, 21_000, new BigDecimal("2000000000"), new BigDecimal("1000000000"), BigInteger.ZERO));
  }

  private long nonceOf(dev.cairn.core.chain.UnsignedTransaction u) {
    return ((EvmUnsignedTransaction) u).transaction().nonce();
  }

  private static ChainException failure(ExecutionException e) {
    return assertInstanceOf(ChainException.class, e.getCause());
  }

  @Test
  void sendSettlesTheNonceLease() throws Exception {
    SoftwareSigner s = TestContracts.devSigner(0);
    // rejected (insufficient funds): the nonce goes back and is reused
    var u1 = adapter.build(transfer(s)).get();
    assertEquals(5, nonceOf(u1));
    sendAnswers.add("{\"code\":-32000,\"message\":\"insufficient funds for gas * price + value\"}");
    SignedTransaction t1 = adapter.sign(u1, s).get();
    ChainException e = failure(assertThrows(ExecutionException.class, () -> adapter.send(t1).get()));
    assertEquals(ErrorKind.INSUFFICIENT_FUNDS, e.kind());
    assertEquals(t1.id(), e.error().transactionId().orElseThrow());
    var u2 = adapter.build(transfer(s)).get();
    assertEquals(5, nonceOf(u2));
    // "already known": success with the local hash, nonce used
    sendAnswers.add("{\"code\":-32000,\"message\":\"already known\"}");
    SignedTransaction t2 = adapter.sign(u2, s).get();
    assertEquals(t2.id(), adapter.send(t2).get().transactionId());
    assertEquals(6, nonceOf(adapter.build(transfer(s)).get()));
    // "nonce too low": NONCE_MISMATCH (transient), the nonce is not handed out again; a resync follows
    pendingNonce = 10;
    var u4 = adapter.build(transfer(s)).get();
    assertEquals(7, nonceOf(u4));
    sendAnswers.add("{\"code\":-32000,\"message\":\"nonce too low\"}");
    e = failure(assertThrows(ExecutionException.class, () -> adapter.send(adapter.sign(u4, s).get()).get()));
    assertEquals(ErrorKind.NONCE_MISMATCH, e.kind());
    assertTrue(e.kind().isTransient());
    Thread.sleep(100); // the resync is asynchronous
    assertEquals(10, nonceOf(adapter.build(transfer(s)).get()));
  }

  @Test
  void signingChecksTheSigner() throws Exception {
    var u = adapter.build(transfer(TestContracts.devSigner(0))).get();
    ChainException e = failure(assertThrows(ExecutionException.class, () -> adapter.sign(u, TestContracts.devSigner(1)).get()));
    assertEquals(ErrorKind.INVALID_INPUT, e.kind());
    // the lease was given back
    assertEquals(5, nonceOf(adapter.build(transfer(TestContracts.devSigner(0))).get()));
    assertThrows(ChainException.class, () -> adapter.accountOf(KeyType.ED25519, new byte[32]));
    assertThrows(ChainException.class, () -> adapter.accountOf(KeyType.SECP256K1, new byte[33]));
    SoftwareSigner random = Signers.software(Secp256k1PrivateKey.of(Anvil.devKey(3)));
    assertEquals(TestContracts.devAddress(3).toChecksumString(), adapter.accountOf(random).address());
  }

  @Test
  void queryFailuresAreChainResultsWithDecodedReasons() throws Exception {
    ContractAbi abi = TestContracts.tokenAbi();
    Address token = Address.parse("0x00000000000000000000000000000000000000aa");
    adapter.registerAbi(token, abi);
    byte[] revert = abi.error("Unauthorized").orElseThrow().encode(token);
    callError = "{\"code\":3,\"message\":\"execution reverted\",\"data\":\"0x" + dev.cairn.core.encoding.Hex.encode(revert) + "\"}";
    ChainResult<byte[]> r = adapter.query(ContractCall.of(adapter.accountOf(token), CallPayload.evm(new byte[] {1, 2, 3, 4}))).get();
    assertEquals(ErrorKind.REVERTED, r.error().orElseThrow().kind());
    assertEquals("Unauthorized(caller=" + token.toChecksumString() + ")", r.error().orElseThrow().revertReason().orElseThrow());
    assertEquals("eip155:31337", r.error().orElseThrow().chainId().orElseThrow().toString());
    callError = "{\"code\":-32000,\"message\":\"out of gas\"}";
    r = adapter.query(ContractCall.of(adapter.accountOf(token), CallPayload.evm(new byte[] {1, 2, 3, 4}))).get();
    assertEquals(ErrorKind.OUT_OF_GAS, r.error().orElseThrow().kind());
  }
}
