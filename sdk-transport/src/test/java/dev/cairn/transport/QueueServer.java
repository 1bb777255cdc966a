package dev.cairn.transport;

import dev.cairn.testing.server.ScriptedHttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A keep-alive HTTP/1.1 server answering each request with the next queued response (computed from
 * the request body), recording request lines and bodies. A queued {@code null} closes the
 * connection right after reading the request (the request reached the server, no answer).
 */
final class QueueServer implements AutoCloseable {
  static final Function<String, byte[]> DROP = req -> null;

  final LinkedBlockingQueue<Function<String, byte[]>> answers = new LinkedBlockingQueue<>();
  final List<String> requestLines = new CopyOnWriteArrayList<>();
  final List<String> heads = new CopyOnWriteArrayList<>();
  final List<String> bodies = new CopyOnWriteArrayList<>();
  final ScriptedHttpServer server;

  QueueServer() throws IOException {
    server = new ScriptedHttpServer(c -> {
      byte[] body;
      while ((body = c.readRequest()) != null) {
        String b = new String(body, StandardCharsets.UTF_8);
        requestLines.add(c.lastRequestLine());
        heads.add(c.lastHead());
        bodies.add(b);
        Function<String, byte[]> f = answers.poll(5, TimeUnit.SECONDS);
        byte[] out = f == null ? ScriptedHttpServer.response(599, "Nothing Queued", "", new byte[0]) : f.apply(b);
        if (out == null) {
          return; // close without answering
        }
        c.write(out);
      }
    });
  }

  String url(String path) {
    return server.url(path);
  }

  int requests() {
    return requestLines.size();
  }

  void enqueue(byte[] response) {
    answers.add(req -> response);
  }

  void enqueueJson(String json) {
    enqueue(ScriptedHttpServer.ok(json));
  }

  /** A JSON-RPC success echoing the request's id (requests carry "id":N). */
  void enqueueResult(String resultJson) {
    answers.add(req -> ScriptedHttpServer.ok("{\"jsonrpc\":\"2.0\",\"id\":" + idOf(req) + ",\"result\":" + resultJson + "}"));
  }

  void enqueueStatus(int status, String extraHeaders) {
    enqueue(ScriptedHttpServer.response(status, "Status", extraHeaders, "{\"error\":\"no\"}".getBytes(StandardCharsets.UTF_8)));
  }

  void enqueueDrop() {
    answers.add(DROP);
  }

  static String idOf(String req) {
    int k = req.indexOf("\"id\":");
    int e = k;
    while (e + 5 < req.length() && Character.isDigit(req.charAt(e + 5))) {
      e++;
    }
    return k < 0 ? "1" : req.substring(k + 5, e + 5);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
