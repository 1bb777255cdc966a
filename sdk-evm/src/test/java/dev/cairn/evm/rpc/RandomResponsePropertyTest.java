package dev.cairn.evm.rpc;

import dev.cairn.transport.*;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Random JSON-ish bodies produce a valid result or an TransportException, never anything else. */
class RandomResponsePropertyTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static MockWebServer server;
  private static EvmRpcClient client;
  private static volatile String body = "";

  @BeforeContainer
  static void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String id = "1";
        try {
          id = MAPPER.readTree(request.getBody().utf8()).get("id").toString();
        } catch (Exception ignored) {
          // keep "1"
        }
        return new MockResponse.Builder().body(body.replace("ID", id)).build();
      }
    });
    server.start();
    client = EvmRpcClient.builder(server.url("/").toString()).retryPolicy(RetryPolicy.NONE)
        .timeout(Duration.ofSeconds(10)).build();
  }

  @AfterContainer
  static void stop() {
    client.close();
    server.close();
  }

  private static final List<Function<EvmRpcClient, RpcCall<?>>> CALLS = List.of(
      c -> c.blockNumber(),
      c -> c.getBalance(dev.cairn.abi.Address.ZERO, BlockId.LATEST),
      c -> c.getTransactionReceipt(Hash32.ZERO),
      c -> c.getBlockByNumber(BlockId.LATEST, true),
      c -> c.getBlockByNumber(BlockId.LATEST, false),
      c -> c.getLogs(LogFilter.builder().build()),
      c -> c.feeHistory(1, BlockId.LATEST, 50),
      c -> c.getProof(dev.cairn.abi.Address.ZERO, List.of(), BlockId.LATEST),
      c -> c.getTransactionByHash(Hash32.ZERO),
      c -> c.call(CallRequest.builder().build(), BlockId.LATEST));

  @Property(tries = 400)
  void randomBodiesGiveResultOrTypedError(@ForAll("bodies") String b, @ForAll("callIndex") int which) {
    body = b;
    RpcCall<?> call = CALLS.get(which).apply(client);
    try {
      call.send();
    } catch (TransportException expected) {
      // typed: fine
    }
  }

  @Provide
  Arbitrary<Integer> callIndex() {
    return Arbitraries.integers().between(0, CALLS.size() - 1);
  }

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> scalar = Arbitraries.oneOf(
        Arbitraries.of("null", "true", "false", "0", "-1", "1e400", "12345678901234567890123", "\"\"", "\"0x\"", "\"0x0\"",
            "\"0x00\"", "\"0x1\"", "\"0xff\"", "\"0x" + "a".repeat(64) + "\"", "\"0x" + "1".repeat(40) + "\"",
            "\"0x" + "f".repeat(1000) + "\"", "\"0x" + "0".repeat(512) + "\"", "\"latest\"", "\"\\u0000\""),
        Arbitraries.strings().withCharRange('0', 'z').ofMaxLength(12).map(s -> "\"" + s + "\""));
    Arbitrary<String> key = Arbitraries.of("\"number\"", "\"hash\"", "\"parentHash\"", "\"stateRoot\"", "\"transactions\"",
        "\"logs\"", "\"address\"", "\"topics\"", "\"data\"", "\"status\"", "\"gasUsed\"", "\"from\"", "\"value\"",
        "\"baseFeePerGas\"", "\"gasUsedRatio\"", "\"oldestBlock\"", "\"reward\"", "\"accountProof\"", "\"storageProof\"",
        "\"key\"", "\"proof\"", "\"x\"");
    Arbitrary<String> value = Arbitraries.lazyOf(
        () -> scalar,
        () -> scalar,
        () -> Arbitraries.lazy(this::value).list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]"),
        () -> Combinators.combine(key, Arbitraries.lazy(this::value)).as((k, v) -> k + ":" + v).list().ofMaxSize(4)
            .map(l -> "{" + String.join(",", l) + "}"));
    Arbitrary<String> envelope = Combinators.combine(
        Arbitraries.of("\"result\":", "\"error\":", "\"result\":null,\"error\":", "\"resultx\":"),
        value,
        Arbitraries.of("\"id\":ID,", "\"id\":null,", "", "\"id\":\"ID\",", "\"id\":7.5,"))
        .as((member, v, id) -> "{\"jsonrpc\":\"2.0\"," + id + member + v + "}");
    Arbitrary<String> noise = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"result\"", "\"id\"", "ID", "\"0x1\"", "null", "<html>")
        .list().ofMaxSize(12).map(l -> String.join("", l));
    Arbitrary<String> truncated = envelope.flatMap(e -> Arbitraries.integers().between(0, e.length()).map(n -> e.substring(0, n)));
    return Arbitraries.oneOf(envelope, envelope, truncated, noise, value);
  }

  Arbitrary<String> value() {
    return Arbitraries.oneOf(
        Arbitraries.of("null", "\"0x1\"", "1", "\"0x" + "b".repeat(64) + "\"", "[]", "{}"),
        Arbitraries.of("\"0x" + "c".repeat(40) + "\"", "\"0x\"", "false"));
  }
}
