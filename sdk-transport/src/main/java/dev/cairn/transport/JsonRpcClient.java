package dev.cairn.transport;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * A JSON-RPC 2.0 client over HTTP, for any chain: prepared {@link RpcCall}s ({@code send()} blocks,
 * {@code sendAsync()} does not), explicit {@link RpcBatch}es and optional automatic batching,
 * per-call timeouts, the {@link RetryPolicy} (idempotent calls only, {@code Retry-After}
 * honoured), bounded responses ({@link JsonLimits}) and typed failures ({@link
 * TransportException}).
 *
 * <p>The channel is chosen by endpoint unless the builder says otherwise: plain {@code http://}
 * to {@code localhost} or to a loopback, private or link-local IP address gets Cairn's pipelined
 * HTTP/1.1 channel with 2 connections (fast for a node on the same host or network);
 * {@code https://} and every other host get OkHttp (HTTP/2 where the server offers it). Override
 * with {@link Builder#okHttp()} or {@link Builder#pipelinedHttp1(int)}.
 *
 * <pre>{@code
 * try (JsonRpcClient rpc = JsonRpcClient.create("http://127.0.0.1:8899")) {
 *   long slot = rpc.call("getSlot", ParamsWriter.NONE, JsonValues::longValue, true).send();
 * }
 * }</pre>
 *
 * Thread-safe; share one instance per endpoint.
 */
public final class JsonRpcClient implements AutoCloseable {
  final Transport transport;

  private JsonRpcClient(Builder b) {
    this.transport = b.settings.newTransport();
    if (b.autoBatchWindow != null) {
      transport.autoBatcher = new AutoBatcher(transport, b.autoBatchWindow, b.autoBatchMax);
    }
  }

  /** A client for {@code url} with the defaults. */
  public static JsonRpcClient create(String url) {
    return builder(url).build();
  }

  /**
   * A builder for a client of {@code url} ({@code http://} or {@code https://}).
   *
   * @throws IllegalArgumentException if the URL is not a valid HTTP(S) URL
   */
  public static Builder builder(String url) {
    return new Builder(new HttpSettings(url));
  }

  /**
   * The OkHttp client used when none is given: a dispatcher allowing 256 concurrent requests (per
   * host too) for async callers, a pool of up to 128 idle connections kept 5 minutes, HTTP/2
   * preferred via ALPN, TLS 1.3 and 1.2 (OkHttp's modern spec) and cleartext, 10 s connect
   * timeout. Per-call deadlines are set on each call.
   */
  public static OkHttpClient defaultOkHttpClient() {
    return HttpSettings.defaultOkHttpClient();
  }

  /** The endpoint. */
  public String url() {
    return transport.url.toString();
  }

  /** The default timeout of a call (retries included). */
  public Duration timeout() {
    return transport.defaultTimeout;
  }

  /** The retry policy. */
  public RetryPolicy retryPolicy() {
    return transport.retry;
  }

  /** The channel in use (chosen by endpoint unless the builder chose). */
  public HttpChannelKind channel() {
    return transport.channelKind;
  }

  /**
   * The OkHttp client of this client (e.g. to open WebSockets with the same pool and dispatcher);
   * on the pipelined channel one is created on first use and closed with this client.
   */
  public OkHttpClient okHttpClient() {
    return transport.okHttp();
  }

  /**
   * A call of any method.
   *
   * @param params writes the parameters (the array's elements)
   * @param reader reads the result
   * @param idempotent whether the call may be retried after it may have reached the server (true
   *     for reads; false for submissions, which are retried only when nothing was sent)
   */
  public <T> RpcCall<T> call(String method, ParamsWriter params, ResultReader<T> reader, boolean idempotent) {
    Objects.requireNonNull(method, "method");
    return new RpcCall<>(this, method, params == null ? ParamsWriter.NONE : params,
        Objects.requireNonNull(reader, "reader"), idempotent, null);
  }

  /**
   * A call of any method with the parameters given as JSON text, returning the result as compact
   * JSON text ({@code "null"} for null).
   *
   * @param paramsJsonArray the params array, e.g. {@code "[\"0x1\"]"}, or {@code null} for none
   */
  public RpcCall<String> rawCall(String method, String paramsJsonArray, boolean idempotent) {
    ParamsWriter w = ParamsWriter.NONE;
    if (paramsJsonArray != null) {
      w = g -> {
        try (JsonParser p = JsonLimits.jsonFactory().createParser(paramsJsonArray)) {
          if (p.nextToken() != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("params must be a JSON array");
          }
          while (p.nextToken() != JsonToken.END_ARRAY) {
            g.copyCurrentStructure(p);
          }
        }
      };
    }
    return call(method, w, JsonValues::rawJson, idempotent);
  }

  /** A new, empty explicit batch. */
  public RpcBatch newBatch() {
    return new RpcBatch(this);
  }

  /**
   * Closes the channel and the scheduler; the OkHttp client too if this client created it (one
   * passed in by the caller is left alone). Calls in flight or scheduled fail with {@link
   * TransportException.Kind#CLOSED} or {@code IO}.
   */
  @Override
  public void close() {
    transport.close();
  }

  @Override
  public String toString() {
    return "JsonRpcClient{" + transport.url.redact() + ", " + transport.channelKind + "}";
  }

  /** Builds a {@link JsonRpcClient}. Not thread-safe. */
  public static final class Builder {
    final HttpSettings settings;
    private Duration autoBatchWindow;
    private int autoBatchMax;

    Builder(HttpSettings settings) {
      this.settings = settings;
    }

    /**
     * Uses the caller's OkHttp client (its pool, dispatcher, TLS and interceptors); not closed by
     * {@link #close()}. Implies the OkHttp channel; excludes {@link #pipelinedHttp1}.
     */
    public Builder okHttpClient(OkHttpClient client) {
      settings.okHttpClient(client);
      return this;
    }

    /** Uses OkHttp (with a client of its own) whatever the endpoint. */
    public Builder okHttp() {
      settings.pipelineConnections = -1;
      return this;
    }

    /**
     * Uses Cairn's pipelined HTTP/1.1 channel with up to {@code connections} persistent
     * connections, whatever the endpoint (it must be {@code http://}). A request goes to the
     * connection with the fewest in flight, a new connection is opened while all open ones are
     * busy, and once all are busy further requests are pipelined behind the ones in flight. Every
     * call is still its own HTTP request and JSON-RPC message. No TLS, proxy or interceptors; a
     * slow call delays the calls pipelined behind it on its connection.
     *
     * @param connections 1..1024
     * @throws IllegalArgumentException if the URL is not {@code http://} or {@code connections} is out of range
     */
    public Builder pipelinedHttp1(int connections) {
      settings.pipelinedHttp1(connections);
      return this;
    }

    /** Adds a header to every request (e.g. an API key). */
    public Builder header(String name, String value) {
      settings.headers.add(name, value);
      return this;
    }

    /** The default timeout of a call, retries included (default 30 s). */
    public Builder timeout(Duration timeout) {
      settings.timeout(timeout);
      return this;
    }

    /** The retry policy (default {@link RetryPolicy#DEFAULT}). */
    public Builder retryPolicy(RetryPolicy policy) {
      settings.retry = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * The largest response body accepted (default {@link JsonLimits#MAX_BODY_BYTES}); larger ones
     * fail as malformed.
     */
    public Builder maxResponseBytes(long bytes) {
      settings.maxResponseBytes(bytes);
      return this;
    }

    /**
     * Turns on automatic batching (off by default): calls sent within {@code window} of the first
     * pending one, up to {@code maxSize} calls, go out as one JSON-RPC batch.
     */
    public Builder autoBatch(Duration window, int maxSize) {
      if (window.isNegative() || window.isZero() || maxSize < 2) {
        throw new IllegalArgumentException("window must be positive and maxSize at least 2");
      }
      this.autoBatchWindow = window;
      this.autoBatchMax = maxSize;
      return this;
    }

    /** The channel {@link #build()} will use with the settings so far. */
    public HttpChannelKind channel() {
      return settings.channelKind();
    }

    /** The client. */
    public JsonRpcClient build() {
      return new JsonRpcClient(this);
    }
  }
}
