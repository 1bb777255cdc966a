package dev.cairn.cosmos.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.testing.server.ScriptedHttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted HTTP server that answers each request with what {@link Handler} returns, and keeps
 * the requests (request line and body) for assertions. For JSON-RPC, {@link #rpcResult} and
 * {@link #rpcError} wrap a fixture with the request's id.
 */
public final class FixtureServer implements AutoCloseable {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  /** One request. */
  public static final class Request {
    public final String method;
    public final String target;
    public final String body;

    Request(String method, String target, String body) {
      this.method = method;
      this.target = target;
      this.body = body;
    }

    /** The JSON body. */
    public JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public String toString() {
      return method + " " + target + (body.isEmpty() ? "" : " " + body);
    }
  }

  /** Answers a request with complete response bytes. */
  @FunctionalInterface
  public interface Handler {
    byte[] answer(Request r) throws Exception;
  }

  public final List<Request> requests = new CopyOnWriteArrayList<>();
  private final ScriptedHttpServer server;

  public FixtureServer(Handler handler) throws IOException {
    server = new ScriptedHttpServer(c -> {
      byte[] body;
      while ((body = c.readRequest()) != null) {
        String line = c.lastRequestLine();
        String[] parts = line.split(" ");
        Request r = new Request(parts[0], parts[1], new String(body, StandardCharsets.UTF_8));
        requests.add(r);
        byte[] answer;
        try {
          answer = handler.answer(r);
        } catch (Exception e) {
          answer = status(599, "{\"test-handler-failed\":\"" + e.toString().replace('"', '\'') + "\"}");
        }
        c.write(answer);
      }
    });
  }

  /** The base URL. */
  public String url() {
    return server.url("");
  }

  /** 200 with {@code json}. */
  public static byte[] ok(String json) {
    return ScriptedHttpServer.ok(json);
  }

  /** {@code status} with {@code json}. */
  public static byte[] status(int status, String json) {
    return ScriptedHttpServer.response(status, "Status", "", json.getBytes(StandardCharsets.UTF_8));
  }

  /** A JSON-RPC success answering {@code r}, with {@code resultJson} as the result. */
  public static byte[] rpcResult(Request r, String resultJson) {
    return ok("{\"jsonrpc\":\"2.0\",\"id\":" + r.json().get("id") + ",\"result\":" + resultJson + "}");
  }

  /** A JSON-RPC error answering {@code r}, with {@code errorJson} as the error object. */
  public static byte[] rpcError(Request r, String errorJson) {
    return ok("{\"jsonrpc\":\"2.0\",\"id\":" + r.json().get("id") + ",\"error\":" + errorJson + "}");
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
