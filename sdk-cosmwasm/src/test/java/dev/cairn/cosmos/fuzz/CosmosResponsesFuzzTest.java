package dev.cairn.cosmos.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.rest.CosmosRestClient;
import dev.cairn.cosmos.rpc.CometReaders;
import dev.cairn.cosmos.rpc.CometRpcClient;
import dev.cairn.cosmos.testsupport.FixtureServer;
import dev.cairn.transport.JsonLimits;
import dev.cairn.transport.JsonRpcClient;
import dev.cairn.transport.RestClient;
import dev.cairn.transport.RetryPolicy;
import dev.cairn.transport.TransportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;

/**
 * The REST (Cosmos SDK gRPC-gateway) and CometBFT JSON-RPC response readers of {@link
 * CosmosRestClient} and {@link CometRpcClient}, through the real transport against one scripted
 * server that answers with the fuzzer's bytes: every call returns a value or throws {@link
 * TransportException} / {@link CosmosException} / {@link ChainException} (the client's
 * translation of node errors). The transport turns any other RuntimeException a reader throws
 * into MALFORMED_RESPONSE "unexpected value: <class>"; such a message fails here, so a reader that
 * lets a NullPointerException or an IndexOutOfBoundsException escape is caught.
 *
 * <p>data[0]: the low 4 bits pick the call, the high bits the HTTP status (200, 400, 404, 500) of
 * a REST answer; the rest is the body (REST) or the {@code result} (CometBFT).
 */
class CosmosResponsesFuzzTest {
  static final String ADDR = "cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu";
  static final String TXH = "9166CFC0BC11C4BB687642F88F65C5333F77EFBD122397CCC07128A6383392AC";
  static final byte[] TX = {1, 2, 3};
  static final int[] STATUS = {200, 400, 404, 500};
  static final AtomicReference<byte[]> BODY = new AtomicReference<>(new byte[0]);
  static final AtomicReference<Integer> CODE = new AtomicReference<>(200);
  static final FixtureServer SERVER;
  static final CosmosRestClient REST;
  static final CometRpcClient RPC;

  static {
    try {
      SERVER = new FixtureServer(r -> {
        String body = new String(BODY.get(), StandardCharsets.UTF_8);
        return r.method.equals("POST") && r.target.equals("/")
            ? FixtureServer.rpcResult(r, body)
            : FixtureServer.status(CODE.get(), body);
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RetryPolicy none = RetryPolicy.of(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(5));
    REST = CosmosRestClient.of(RestClient.builder(SERVER.url()).retryPolicy(none).build(), ChainId.cosmos("testing"));
    RPC = CometRpcClient.of(JsonRpcClient.builder(SERVER.url()).retryPolicy(none).build(), ChainId.cosmos("testing"));
  }

  @AfterAll
  static void stop() throws IOException {
    REST.close();
    RPC.close();
    SERVER.close();
  }

  @FuzzTest(maxDuration = "10m")
  void restAndComet(byte[] data) {
    if (data.length == 0) {
      return;
    }
    int call = data[0] & 0x0f;
    CODE.set(STATUS[(data[0] >> 4) & 3]);
    BODY.set(Arrays.copyOfRange(data, 1, data.length));
    SERVER.requests.clear();
    try {
      switch (call) {
        case 0: REST.account(ADDR); break;
        case 1: REST.balancesPage(ADDR, null, 0); break;
        case 2: REST.balance(ADDR, "uatom"); break;
        case 3: REST.simulate(TX); break;
        case 4: REST.broadcast(TX); break;
        case 5: REST.tx(TXH); break;
        case 6: REST.latestHeight(); break;
        case 7: REST.smartQuery(ADDR, "{\"config\":{}}"); break;
        case 8: REST.contractInfo(ADDR); break;
        case 9: REST.codeInfo(1); break;
        case 10: RPC.status(); break;
        case 11: RPC.abciQuery("/store/bank/key", new byte[] {1}, 0, false); break;
        case 12: RPC.broadcastTxSync(TX); break;
        case 13: RPC.tx(TXH); break;
        case 14: RPC.block(0); break;
        default: RPC.blockResults(5); break;
      }
    } catch (TransportException e) {
      assertFalse(e.getMessage().contains("unexpected value: "), () -> "a reader let a RuntimeException escape: " + e.getMessage());
    } catch (CosmosException | ChainException e) {
      assertFalse(e.getMessage().contains("unexpected value: "), () -> "a reader let a RuntimeException escape: " + e.getMessage());
    }
  }

  /** The CometBFT WebSocket {@code Tx} event reader, called directly on the fuzzer's bytes. */
  @FuzzTest(maxDuration = "10m")
  void cometTxEvent(byte[] data) throws IOException {
    try (JsonParser p = JsonLimits.jsonFactory().createParser(data)) {
      if (p.nextToken() == null) {
        return;
      }
      CometReaders.txEvent(p);
    } catch (TransportException | JsonProcessingException | DecodingException | CosmosException e) {
      // the typed rejection
    }
  }
}
