package dev.cairn.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.testing.server.ScriptedHttpServer;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The default channel is chosen by endpoint: fast for nearby plain HTTP, OkHttp for the rest. */
class EndpointDefaultTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "http://127.0.0.1:8545", "http://localhost:8545/", "http://LOCALHOST:8545", "http://node.localhost:8545",
      "http://127.8.9.10:1", "http://10.1.2.3:8545", "http://172.16.0.5:8545", "http://172.31.255.1:8545",
      "http://192.168.1.20:8545/rpc?key=x", "http://169.254.10.10:8545", "http://[::1]:8545",
      "http://[fd12:3456::1]:8545", "http://[fe80::1]:8545"})
  void nearbyPlainHttpGetsThePipelinedChannel(String url) {
    assertEquals(HttpChannelKind.PIPELINED_HTTP1, JsonRpcClient.builder(url).channel(), url);
    try (RestClient rest = RestClient.builder(url).build()) {
      assertEquals(HttpChannelKind.PIPELINED_HTTP1, rest.channel(), url);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://127.0.0.1:8545", "https://localhost:8545", "https://eth.example.org", "http://eth.example.org",
      "http://8.8.8.8:8545", "http://172.32.0.1:8545", "http://192.169.0.1", "http://[2001:db8::1]:8545",
      "http://127.0.0.1.nip.io:8545", "http://10.0.0.1.example.com"})
  void remoteOrTlsEndpointsGetOkHttp(String url) {
    assertEquals(HttpChannelKind.OKHTTP, JsonRpcClient.builder(url).channel(), url);
  }

  @Test
  void explicitChoicesOverrideTheRule() {
    assertEquals(HttpChannelKind.OKHTTP, JsonRpcClient.builder("http://127.0.0.1:8545").okHttp().channel());
    assertEquals(HttpChannelKind.PIPELINED_HTTP1,
        JsonRpcClient.builder("http://eth.example.org").pipelinedHttp1(4).channel());
    assertEquals(HttpChannelKind.OKHTTP,
        JsonRpcClient.builder("http://127.0.0.1:8545").okHttpClient(new OkHttpClient()).channel(),
        "a caller's OkHttp client means OkHttp");
    assertEquals(HttpChannelKind.OKHTTP,
        JsonRpcClient.builder("http://127.0.0.1:8545").header("Accept-Encoding", "gzip").channel(),
        "headers the pipelined channel sets itself fall back to OkHttp");
    assertThrows(IllegalArgumentException.class, () -> JsonRpcClient.builder("https://x.example").pipelinedHttp1(2));
    assertThrows(IllegalStateException.class,
        () -> JsonRpcClient.builder("http://127.0.0.1:1").okHttpClient(new OkHttpClient()).pipelinedHttp1(2).build());
  }

  @Test
  void theObviousCodeAgainstALocalNodeUsesThePipelinedChannel() throws Exception {
    try (ScriptedHttpServer s = new ScriptedHttpServer(c -> {
      byte[] b;
      while ((b = c.readRequest()) != null) {
        String req = new String(b, java.nio.charset.StandardCharsets.UTF_8);
        c.write(ScriptedHttpServer.ok("{\"jsonrpc\":\"2.0\",\"id\":" + QueueServer.idOf(req) + ",\"result\":\"0x2a\"}"));
      }
    });
         JsonRpcClient rpc = JsonRpcClient.create(s.url("/"))) {
      assertEquals(HttpChannelKind.PIPELINED_HTTP1, rpc.channel());
      for (int i = 0; i < 20; i++) {
        assertEquals("\"0x2a\"", rpc.rawCall("eth_blockNumber", null, true).withTimeout(Duration.ofSeconds(5)).send());
      }
      assertEquals(1, s.accepted(), "sequential calls share one persistent connection");
    }
  }
}
