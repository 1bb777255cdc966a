package dev.cairn.transport;

import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * Plain REST over HTTP for APIs that are not JSON-RPC (Cosmos REST and gRPC-gateway, indexers):
 * {@code GET} and {@code POST} with JSON bodies in and out, over the same channels, retry policy,
 * limits and typed failures as {@link JsonRpcClient}. Paths are relative to the base URL. The
 * channel is chosen by endpoint in the same way (pipelined HTTP/1.1 for plain {@code http://} to a
 * nearby address, OkHttp otherwise) unless the builder chooses.
 *
 * <pre>{@code
 * try (RestClient rest = RestClient.create("https://rest.cosmos.directory/cosmoshub")) {
 *   String height = rest.get("/cosmos/base/tendermint/v1beta1/blocks/latest",
 *       p -> JsonValues.rawJson(p)).send();
 * }
 * }</pre>
 *
 * Thread-safe; share one instance per base URL.
 */
public final class RestClient implements AutoCloseable {
  final Transport transport;

  private RestClient(Builder b) {
    this.transport = b.settings.newTransport();
  }

  /** A client for {@code baseUrl} with the defaults. */
  public static RestClient create(String baseUrl) {
    return builder(baseUrl).build();
  }

  /**
   * A builder for {@code baseUrl} ({@code http://} or {@code https://}).
   *
   * @throws IllegalArgumentException if it is not a valid HTTP(S) URL
   */
  public static Builder builder(String baseUrl) {
    return new Builder(new HttpSettings(baseUrl));
  }

  /** The base URL. */
  public String baseUrl() {
    return transport.url.toString();
  }

  /** The channel in use. */
  public HttpChannelKind channel() {
    return transport.channelKind;
  }

  /**
   * A {@code GET} of {@code target} (path and query below the base URL, starting with {@code /};
   * printable ASCII without spaces, already percent-encoded). Retried per the policy.
   *
   * @throws IllegalArgumentException if {@code target} is not a valid request target
   */
  public <T> RestCall<T> get(String target, ResultReader<T> reader) {
    return new RestCall<>(this, "GET", checkTarget(target), null, Objects.requireNonNull(reader, "reader"), true,
        null);
  }

  /**
   * A {@code POST} of a JSON body to {@code target}.
   *
   * @param idempotent whether the request may be repeated after it may have reached the server
   *     (a query: true; a transaction broadcast: false, retried only when nothing was sent)
   */
  public <T> RestCall<T> post(String target, BodyWriter body, ResultReader<T> reader, boolean idempotent) {
    return new RestCall<>(this, "POST", checkTarget(target), Objects.requireNonNull(body, "body"),
        Objects.requireNonNull(reader, "reader"), idempotent, null);
  }

  static String checkTarget(String target) {
    Objects.requireNonNull(target, "target");
    if (target.isEmpty() || target.charAt(0) != '/') {
      throw new IllegalArgumentException("target must start with /");
    }
    if (target.length() > 8192) {
      throw new IllegalArgumentException("target is longer than 8192 characters");
    }
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == '#') {
        throw new IllegalArgumentException("target has a character not allowed in a request target at offset " + i);
      }
    }
    return target;
  }

  /** Closes the channel (and the OkHttp client if this client created it). */
  @Override
  public void close() {
    transport.close();
  }

  @Override
  public String toString() {
    return "RestClient{" + transport.url.redact() + ", " + transport.channelKind + "}";
  }

  /** Builds a {@link RestClient}. Not thread-safe. */
  public static final class Builder {
    final HttpSettings settings;

    Builder(HttpSettings settings) {
      this.settings = settings;
    }

    /** Uses the caller's OkHttp client (not closed by {@link #close()}); implies the OkHttp channel. */
    public Builder okHttpClient(OkHttpClient client) {
      settings.okHttpClient(client);
      return this;
    }

    /** Uses OkHttp whatever the endpoint. */
    public Builder okHttp() {
      settings.pipelineConnections = -1;
      return this;
    }

    /** Uses the pipelined HTTP/1.1 channel (see {@link JsonRpcClient.Builder#pipelinedHttp1}). */
    public Builder pipelinedHttp1(int connections) {
      settings.pipelinedHttp1(connections);
      return this;
    }

    /** Adds a header to every request. */
    public Builder header(String name, String value) {
      settings.headers.add(name, value);
      return this;
    }

    /** The default timeout of a request, retries included (default 30 s). */
    public Builder timeout(Duration timeout) {
      settings.timeout(timeout);
      return this;
    }

    /** The retry policy (default {@link RetryPolicy#DEFAULT}). */
    public Builder retryPolicy(RetryPolicy policy) {
      settings.retry = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The largest response body accepted (default {@link JsonLimits#MAX_BODY_BYTES}). */
    public Builder maxResponseBytes(long bytes) {
      settings.maxResponseBytes(bytes);
      return this;
    }

    /** The client. */
    public RestClient build() {
      return new RestClient(this);
    }
  }
}
