package dev.cairn.transport;

import dev.cairn.transport.internal.EndpointRule;
import dev.cairn.transport.internal.Http1Channel;
import dev.cairn.transport.internal.HttpChannel;
import dev.cairn.transport.internal.OkHttpChannel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/** The HTTP options the JSON-RPC and REST builders share, and the channel choice. */
final class HttpSettings {
  private static final String[] RESERVED_HEADERS = {
      "Host", "Content-Length", "Content-Type", "Transfer-Encoding", "Connection", "Accept", "Accept-Encoding"};
  /**
   * Pipelined connections idle longer than this are replaced before use (servers drop idle ones;
   * Node's http server after 5 s).
   */
  private static final long PIPELINE_IDLE_NANOS = TimeUnit.SECONDS.toNanos(4);

  final HttpUrl url;
  OkHttpClient http;
  final Headers.Builder headers = new Headers.Builder();
  RetryPolicy retry = RetryPolicy.DEFAULT;
  Duration timeout = Duration.ofSeconds(30);
  long maxResponseBytes = JsonLimits.MAX_BODY_BYTES;
  /** 0: choose by endpoint; -1: OkHttp; n > 0: pipelined with n connections. */
  int pipelineConnections;

  HttpSettings(String url) {
    HttpUrl u = HttpUrl.parse(Objects.requireNonNull(url, "url"));
    if (u == null) {
      throw new IllegalArgumentException("not an http(s) URL");
    }
    this.url = u;
  }

  void okHttpClient(OkHttpClient client) {
    this.http = Objects.requireNonNull(client, "client");
  }

  void pipelinedHttp1(int connections) {
    if (!url.scheme().equals("http")) {
      throw new IllegalArgumentException("pipelinedHttp1 needs an http:// URL; use OkHttp for https");
    }
    if (connections < 1 || connections > 1024) {
      throw new IllegalArgumentException("connections must be 1..1024");
    }
    this.pipelineConnections = connections;
  }

  void timeout(Duration t) {
    if (t.isNegative() || t.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    this.timeout = t;
  }

  void maxResponseBytes(long bytes) {
    if (bytes < 1024) {
      throw new IllegalArgumentException("maxResponseBytes must be at least 1024");
    }
    this.maxResponseBytes = bytes;
  }

  private static boolean hasReservedHeader(Headers h) {
    for (int i = 0; i < h.size(); i++) {
      for (String reserved : RESERVED_HEADERS) {
        if (h.name(i).equalsIgnoreCase(reserved)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The channel this configuration gets: explicit choice, else the endpoint rule. */
  HttpChannelKind channelKind() {
    if (pipelineConnections > 0) {
      return HttpChannelKind.PIPELINED_HTTP1;
    }
    if (pipelineConnections < 0 || http != null || hasReservedHeader(headers.build())) {
      return HttpChannelKind.OKHTTP;
    }
    return EndpointRule.isNearbyPlainHttp(url.scheme(), url.host()) ? HttpChannelKind.PIPELINED_HTTP1
        : HttpChannelKind.OKHTTP;
  }

  Transport newTransport() {
    if (http != null && pipelineConnections > 0) {
      throw new IllegalStateException("okHttpClient(...) and pipelinedHttp1(...) exclude each other");
    }
    HttpChannelKind kind = channelKind();
    Headers h = headers.build();
    HttpChannel channel;
    OkHttpClient client = http;
    if (kind == HttpChannelKind.PIPELINED_HTTP1) {
      StringBuilder block = new StringBuilder();
      for (int i = 0; i < h.size(); i++) {
        String name = h.name(i);
        for (String reserved : RESERVED_HEADERS) {
          if (name.equalsIgnoreCase(reserved)) {
            throw new IllegalStateException("header " + reserved + " is set by the HTTP/1.1 channel itself");
          }
        }
        block.append(name).append(": ").append(h.value(i)).append("\r\n");
      }
      String path = url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery());
      int n = pipelineConnections > 0 ? pipelineConnections : EndpointRule.DEFAULT_PIPELINE_CONNECTIONS;
      channel = new Http1Channel(url.host(), url.port(), path, block.toString(), n, 10_000, maxResponseBytes,
          PIPELINE_IDLE_NANOS);
    } else {
      if (client == null) {
        client = defaultOkHttpClient();
      }
      channel = new OkHttpChannel(client, url, h);
    }
    return new Transport(client, http == null, url, channel, kind, retry, timeout, maxResponseBytes);
  }

  /** See {@link JsonRpcClient#defaultOkHttpClient()}. */
  static OkHttpClient defaultOkHttpClient() {
    Dispatcher d = new Dispatcher();
    d.setMaxRequests(256);
    d.setMaxRequestsPerHost(256);
    return new OkHttpClient.Builder()
        .dispatcher(d)
        .connectionPool(new ConnectionPool(128, 5, TimeUnit.MINUTES))
        .protocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1))
        .connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT))
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ZERO)
        .writeTimeout(Duration.ZERO)
        .build();
  }
}
