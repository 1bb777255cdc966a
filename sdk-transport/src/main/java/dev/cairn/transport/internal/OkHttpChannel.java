package dev.cairn.transport.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** {@link HttpChannel} over OkHttp: each post is one {@link Call} with its own deadline. */
public final class OkHttpChannel implements HttpChannel {
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient http;
  private final HttpUrl url;
  private final Headers headers;

  public OkHttpChannel(OkHttpClient http, HttpUrl url, Headers headers) {
    this.http = http;
    this.url = url;
    this.headers = headers;
  }

  /**
   * A body OkHttp may not send twice: OkHttp silently retries a request on some connection
   * failures, even after it was written, unless its body is one-shot. Non-idempotent requests get
   * one so that only the transport's policy (which retries them only when nothing was sent) decides.
   */
  private static RequestBody body(byte[] body, boolean idempotent) {
    RequestBody rb = RequestBody.create(body, JSON);
    if (idempotent) {
      return rb;
    }
    return new RequestBody() {
      @Override
      public MediaType contentType() {
        return JSON;
      }

      @Override
      public long contentLength() {
        return body.length;
      }

      @Override
      public boolean isOneShot() {
        return true;
      }

      @Override
      public void writeTo(okio.BufferedSink sink) throws IOException {
        sink.write(body);
      }
    };
  }

  private Call newCall(byte[] body, long timeoutNanos, boolean idempotent) {
    return newCall(url, "POST", body, timeoutNanos, idempotent);
  }

  private Call newCall(HttpUrl target, String method, byte[] body, long timeoutNanos, boolean idempotent) {
    Request.Builder b = new Request.Builder().url(target);

    if (body != null) {
      b.post(body(body, idempotent));
    } else if (!method.equals("GET")) {
      throw new IllegalArgumentException("a " + method + " request needs a body");
    }
    if (headers != null && headers.size() > 0) {
      b.headers(headers);
    }
    if (target != url) {
      b.header("Accept", "application/json");
    }
    Call c = http.newCall(b.build());
    c.timeout().timeout(timeoutNanos, TimeUnit.NANOSECONDS);
    return c;
  }

  @Override
  public HttpReply post(byte[] body, long timeoutNanos, boolean idempotent) throws IOException {
    return new Reply(newCall(body, timeoutNanos, idempotent).execute());
  }

  @Override
  public void postAsync(byte[] body, long timeoutNanos, boolean idempotent, HttpChannel.Callback callback) {
    Call call;
    try {
      call = newCall(body, timeoutNanos, idempotent);
    } catch (RuntimeException e) {
      callback.done(null, new IOException(e.toString(), e));
      return;
    }
    enqueue(call, callback);
  }

  /** {@code target} (path and query, starting with /) resolved below the base URL's path. */
  private HttpUrl resolve(String target) {
    String base = url.encodedPath();
    String path = base.endsWith("/") && target.startsWith("/") ? base + target.substring(1)
        : base.equals("/") ? target : base + target;
    HttpUrl u = HttpUrl.parse(url.scheme() + "://" + url.host() + ":" + url.port() + path);
    if (u == null) {
      throw new IllegalArgumentException("not a valid request target");
    }
    return u;
  }

  @Override
  public HttpReply request(String method, String target, byte[] body, long timeoutNanos, boolean idempotent)
      throws IOException {
    return new Reply(newCall(resolve(target), method, body, timeoutNanos, idempotent).execute());
  }

  @Override
  public void requestAsync(String method, String target, byte[] body, long timeoutNanos, boolean idempotent,
      HttpChannel.Callback callback) {
    Call call;
    try {
      call = newCall(resolve(target), method, body, timeoutNanos, idempotent);
    } catch (RuntimeException e) {
      callback.done(null, new IOException(e.toString(), e));
      return;
    }
    enqueue(call, callback);
  }

  private static void enqueue(Call call, HttpChannel.Callback callback) {
    call.enqueue(new okhttp3.Callback() {
      @Override
      public void onFailure(Call c, IOException e) {
        callback.done(null, e);
      }

      @Override
      public void onResponse(Call c, Response response) {
        callback.done(new Reply(response), null);
      }
    });
  }

  @Override
  public void close() {
    // the OkHttp client belongs to whoever made it; the client that created it releases it
  }

  private static final class Reply extends HttpReply {
    private final Response r;

    Reply(Response r) {
      super(r.code(), r.header("Retry-After"));
      this.r = r;
    }

    @Override
    public long contentLength() {
      return r.body().contentLength();
    }

    @Override
    public byte[] bodyBytes() {
      return null;
    }

    @Override
    public InputStream bodyStream() {
      return r.body().byteStream();
    }

    @Override
    public byte[] peek(int max) {
      try {
        return r.peekBody(max).bytes();
      } catch (IOException | RuntimeException e) {
        return new byte[0];
      }
    }

    @Override
    public void close() {
      r.close();
    }
  }
}
