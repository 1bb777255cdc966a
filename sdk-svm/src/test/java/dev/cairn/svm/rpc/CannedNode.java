package dev.cairn.svm.rpc;

import dev.cairn.testing.server.ScriptedHttpServer;
import dev.cairn.transport.RetryPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/** A JSON-RPC server answering every request with a canned {@code result} (or {@code error}) text, echoing the id. */
final class CannedNode implements AutoCloseable {
  private final AtomicReference<String> member = new AtomicReference<>("\"result\":null");
  private final AtomicReference<String> lastRequest = new AtomicReference<>();
  private final ScriptedHttpServer server;
  final SvmRpcClient client;

  CannedNode() throws IOException {
    server = new ScriptedHttpServer(c -> {
      for (byte[] req; (req = c.readRequest()) != null; ) {
        String body = new String(req, StandardCharsets.UTF_8);
        lastRequest.set(body);
        int k = body.indexOf("\"id\":");
        int end = k;
        while (end + 5 < body.length() && Character.isDigit(body.charAt(end + 5))) {
          end++;
        }
        String id = k < 0 ? "null" : body.substring(k + 5, end + 5);
        c.write(ScriptedHttpServer.ok("{\"jsonrpc\":\"2.0\",\"id\":" + id + "," + member.get() + "}"));
      }
    });
    client = SvmRpcClient.builder(server.url("/")).retryPolicy(RetryPolicy.NONE).build();
  }

  /** The next answers' result (JSON text). */
  void result(String json) {
    member.set("\"result\":" + json);
  }

  /** The next answers' error (JSON text of the error object). */
  void error(String json) {
    member.set("\"error\":" + json);
  }

  String lastRequest() {
    return lastRequest.get();
  }

  @Override
  public void close() throws IOException {
    client.close();
    server.close();
  }
}
