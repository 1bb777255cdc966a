package dev.cairn.evm.rpc.internal;

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

  private Call newCall(byte[] body, long timeoutNanos) {
    Request.Builder b = new Request.Builder().url(url).post(RequestBody.create(body, JSON));
    if (headers != null && headers.size() > 0) {
      b.headers(headers);
    }
    Call c = http.newCall(b.build());
    c.timeout().timeout(timeoutNanos, TimeUnit.NANOSECONDS);
    return c;
  }

  @Override
  public HttpReply post(byte[] body, long timeoutNanos) throws IOException {
    return new Reply(newCall(body, timeoutNanos).execute());
  }

  @Override
  public void postAsync(byte[] body, long timeoutNanos, HttpChannel.Callback callback) {
    Call call;
    try {
      call = newCall(body, timeoutNanos);
    } catch (RuntimeException e) {
      callback.done(null, new IOException(e.toString(), e));
      return;
    }
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
    // the OkHttp client belongs to whoever made it; EvmRpcClient releases its own
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
