package dev.cairn.testing.node;

import dev.cairn.testing.node.internal.HttpPost;
import dev.cairn.testing.node.internal.MiniJson;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Map;

/**
 * Tells whether a started node is ready to serve. Probes use only {@code java.net}, so the kit
 * needs no HTTP client library.
 */
@FunctionalInterface
public interface ReadinessProbe {
  /** Connect and read timeout of one probe attempt, in milliseconds. */
  int ATTEMPT_TIMEOUT_MILLIS = 2000;

  /**
   * One attempt against the node's {@code url}.
   *
   * @return true when ready; false (or an IOException) when not yet
   */
  boolean ready(URI url) throws IOException;

  /** Ready once a TCP connection to the port succeeds. */
  static ReadinessProbe tcp() {
    return url -> {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(url.getHost(), url.getPort()), ATTEMPT_TIMEOUT_MILLIS);
        return true;
      }
    };
  }

  /**
   * Ready once a JSON-RPC 2.0 POST of {@code method} (no params) is answered with HTTP 200 and a
   * body holding a {@code result} member, e.g. {@code jsonRpc("eth_chainId")} or {@code
   * jsonRpc("getHealth")}.
   */
  static ReadinessProbe jsonRpc(String method) {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":" + MiniJson.write(method) + ",\"params\":[]}";
    return url -> {
      HttpPost.Response r = HttpPost.post(url, body, ATTEMPT_TIMEOUT_MILLIS);
      if (r.status() != 200) {
        return false;
      }
      try {
        Object o = MiniJson.parse(r.body());
        return o instanceof Map && ((Map<?, ?>) o).containsKey("result");
      } catch (IllegalArgumentException e) {
        return false;
      }
    };
  }

  /** Ready once {@code GET path} answers with a 2xx status. */
  static ReadinessProbe httpGet(String path) {
    return url -> {
      HttpURLConnection c = (HttpURLConnection) url.resolve(path).toURL().openConnection();
      c.setConnectTimeout(ATTEMPT_TIMEOUT_MILLIS);
      c.setReadTimeout(ATTEMPT_TIMEOUT_MILLIS);
      try {
        int status = c.getResponseCode();
        return status >= 200 && status < 300;
      } finally {
        c.disconnect();
      }
    };
  }
}
