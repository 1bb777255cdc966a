package dev.cairn.testing.node.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** A minimal JSON POST over {@link HttpURLConnection}, for probes and node-control calls. */
public final class HttpPost {
  /** Longest response body read. */
  public static final int MAX_BODY = 64 << 20;

  private HttpPost() {}

  /** Status and body of an answer. */
  public static final class Response {
    private final int status;
    private final String body;

    Response(int status, String body) {
      this.status = status;
      this.body = body;
    }

    /** The HTTP status. */
    public int status() {
      return status;
    }

    /** The body as text (empty when none). */
    public String body() {
      return body;
    }
  }

  /** POSTs {@code json} to {@code url}. */
  public static Response post(URI url, String json, int timeoutMillis) throws IOException {
    HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
    try {
      c.setConnectTimeout(timeoutMillis);
      c.setReadTimeout(timeoutMillis);
      c.setRequestMethod("POST");
      c.setDoOutput(true);
      c.setRequestProperty("Content-Type", "application/json");
      byte[] b = json.getBytes(StandardCharsets.UTF_8);
      c.setFixedLengthStreamingMode(b.length);
      try (OutputStream out = c.getOutputStream()) {
        out.write(b);
      }
      int status = c.getResponseCode();
      InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
      String body = "";
      if (in != null) {
        try (InputStream is = in) {
          ByteArrayOutputStream buf = new ByteArrayOutputStream();
          byte[] chunk = new byte[8192];
          int n;
          while ((n = is.read(chunk)) > 0) {
            if (buf.size() + n > MAX_BODY) {
              throw new IOException("response from " + url + " larger than " + MAX_BODY + " bytes");
            }
            buf.write(chunk, 0, n);
          }
          body = buf.toString(StandardCharsets.UTF_8);
        }
      }
      return new Response(status, body);
    } finally {
      c.disconnect();
    }
  }
}
