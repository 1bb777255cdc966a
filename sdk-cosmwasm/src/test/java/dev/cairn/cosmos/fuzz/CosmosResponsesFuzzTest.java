package dev.cairn.cosmos.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.rest.CosmosRestClient;
import dev.cairn.cosmos.rpc.CometReaders;
import dev.cairn.cosmos.rpc.CometRpcClient;
import dev.cairn.transport.JsonLimits;
import dev.cairn.transport.JsonRpcClient;
import dev.cairn.transport.RestClient;
import dev.cairn.transport.RetryPolicy;
import dev.cairn.transport.TransportException;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;

/**
 * The REST (Cosmos SDK gRPC-gateway) and CometBFT JSON-RPC response readers of {@link
 * CosmosRestClient} and {@link CometRpcClient}, through the real transport whose OkHttp client
 * answers every request in memory with the fuzzer's bytes (an application interceptor: no socket
 * is opened): every call returns a value or throws {@link TransportException} / {@link
 * CosmosException} / {@link ChainException} (the client's translation of node errors). The
 * transport turns any other RuntimeException a reader throws into MALFORMED_RESPONSE "unexpected
 * value: <class>"; such a message fails here, so a reader that lets a NullPointerException or an
 * IndexOutOfBoundsException escape is caught.
 *
 * <p>data[0]: the low 4 bits pick the call, the high bits the HTTP status (200, 400, 404, 500) of
 * a REST answer; the rest is the body (REST) or the {@code result} (CometBFT, wrapped in a JSON-RPC
 * response with the request's id).
 */
class CosmosResponsesFuzzTest {
  static final String ADDR = "cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu";
  static final String TXH = "9166CFC0BC11C4BB687642F88F65C5333F77EFBD122397CCC07128A6383392AC";
  static final byte[] TX = {1, 2, 3};
  static final int[] STATUS = {200, 400, 404, 500};
  static final String BASE = "http://node.invalid:26657/";
  static final AtomicReference<byte[]> BODY = new AtomicReference<>(new byte[0]);
  static final AtomicReference<Integer> CODE = new AtomicReference<>(200);
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final OkHttpClient HTTP = new OkHttpClient.Builder().addInterceptor(CosmosResponsesFuzzTest::answer).build();
  static final CosmosRestClient REST;
  static final CometRpcClient RPC;

  static {
    RetryPolicy none = RetryPolicy.of(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(5));
    REST = CosmosRestClient.of(RestClient.builder(BASE).okHttpClient(HTTP).retryPolicy(none).build(), ChainId.cosmos("testing"));
    RPC = CometRpcClient.of(JsonRpcClient.builder(BASE).okHttpClient(HTTP).retryPolicy(none).build(), ChainId.cosmos("testing"));
  }

  static Response answer(Interceptor.Chain chain) throws IOException {
    Request req = chain.request();
    byte[] body = BODY.get();
    int code = CODE.get();
    if (req.method().equals("POST") && req.url().encodedPath().equals("/")) {
      Buffer b = new Buffer();
      req.body().writeTo(b);
      String id = MAPPER.readTree(b.readUtf8()).get("id").toString();
      byte[] head = ("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":").getBytes(StandardCharsets.UTF_8);
      byte[] out = Arrays.copyOf(head, head.length + body.length + 1);
      System.arraycopy(body, 0, out, head.length, body.length);
      out[out.length - 1] = '}';
      body = out;
      code = 200;
    }
    return new Response.Builder().request(req).protocol(Protocol.HTTP_1_1).code(code).message("fuzz")
        .body(ResponseBody.create(body, MediaType.get("application/json"))).build();
  }

  @AfterAll
  static void stop() {
    REST.close();
    RPC.close();
  }

  @FuzzTest(maxDuration = "10m")
  void restAndComet(byte[] data) {
    if (data.length == 0) {
      return;
    }
    int call = data[0] & 0x0f;
    CODE.set(STATUS[(data[0] >> 4) & 3]);
    BODY.set(Arrays.copyOfRange(data, 1, data.length));
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
    } catch (TransportException | CosmosException | ChainException e) {
      noEscapedRuntimeException(e);
    }
  }

  /**
   * The transport's wrapping of a RuntimeException that escaped a reader: MALFORMED_RESPONSE at the
   * root path with the problem "unexpected value: <class>", i.e. a message
   * {@code <method>: malformed response at /: unexpected value: ...}. Only the structure right after
   * the method counts: a reader's own problem text may echo a value from the body (an unsupported
   * {@code @type}, say), so the fuzzer can write the phrase further on (it did, 4 December 2026,
   * crash-352842b9...), and bodies echoed in other kinds (HTTP status, RPC error) do not count.
   */
  static void noEscapedRuntimeException(Throwable t) {
    String marker = ": malformed response at ";
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof TransportException && ((TransportException) c).kind() == TransportException.Kind.MALFORMED_RESPONSE) {
        String m = String.valueOf(c.getMessage());
        int first = m.indexOf(marker);
        assertFalse(first >= 0 && m.startsWith(marker + "/: unexpected value: ", first),
            () -> "a reader let a RuntimeException escape: " + m);
      }
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
    } catch (CharConversionException e) {
      // Jackson's own encoding detection (a body starting 00 00 00 xx reads as UTF-32) fails before
      // the reader runs, with an IOException that is not a JsonProcessingException: a transport
      // matter (reported to sdk-transport), not this reader's; crash-6a3c6a42... replays it.
    }
  }
}
