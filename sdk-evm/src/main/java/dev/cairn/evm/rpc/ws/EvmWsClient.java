package dev.cairn.evm.rpc.ws;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cairn.evm.rpc.BlockHeader;
import dev.cairn.evm.rpc.EvmRpcClient;
import dev.cairn.evm.rpc.Hash32;
import dev.cairn.evm.rpc.Log;
import dev.cairn.evm.rpc.LogFilter;
import dev.cairn.evm.rpc.ParamsWriter;
import dev.cairn.evm.rpc.ResultReader;
import dev.cairn.evm.rpc.RpcException;
import dev.cairn.evm.rpc.internal.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * {@code eth_subscribe} over a WebSocket (OkHttp): {@code newHeads}, {@code logs} with a filter,
 * {@code newPendingTransactions}. When the connection drops, the client reconnects with
 * exponential backoff and jitter, resubscribes every open subscription and tells each listener
 * what it may have missed ({@link SubscriptionListener#onGap}): for heads, the block numbers
 * between the last header seen and the first after reconnecting; for logs, the range from the
 * last log's block (or the head at subscription time) to the head after reconnecting, which
 * {@link LogBackfill} fetches. Thread-safe.
 */
public final class EvmWsClient implements AutoCloseable {
  private final OkHttpClient http;
  private final Request request;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration requestTimeout;
  private final boolean ownsHttp;
  private final ScheduledExecutorService scheduler;
  private final AtomicLong ids = new AtomicLong(1);
  private final Map<Long, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
  private final Map<Long, ResultReader<?>> pendingReaders = new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<Sub<?>> subs = new CopyOnWriteArrayList<>();
  private final Map<String, Sub<?>> byServerId = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  private WebSocket socket;
  private boolean open;
  private boolean closed;
  private int failures;
  private Instant disconnectedAt;

  private EvmWsClient(Builder b) {
    this.ownsHttp = b.http == null;
    this.http = b.http == null ? EvmRpcClient.defaultOkHttpClient() : b.http;
    this.request = new Request.Builder().url(b.url).build();
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.requestTimeout = b.requestTimeout;
    ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "cairn-evm-ws-reconnect");
      t.setDaemon(true);
      return t;
    });
    s.setRemoveOnCancelPolicy(true);
    this.scheduler = s;
    connect();
  }

  /** A builder for {@code ws://} or {@code wss://} {@code url}. */
  public static Builder builder(String url) {
    return new Builder(Objects.requireNonNull(url, "url"));
  }

  /** Connects to {@code url} with the defaults. */
  public static EvmWsClient connect(String url) {
    return builder(url).build();
  }

  /** Whether the socket is currently open. */
  public boolean isConnected() {
    synchronized (lock) {
      return open;
    }
  }

  /** Subscribes to new block headers. */
  public Subscription subscribeNewHeads(SubscriptionListener<BlockHeader> listener) {
    return add(new Sub<>("newHeads", g -> g.writeString("newHeads"), BlockHeader.reader(), listener, null));
  }

  /** Subscribes to logs matching {@code filter} (its block range, if any, is ignored). */
  public Subscription subscribeLogs(LogFilter filter, SubscriptionListener<Log> listener) {
    Objects.requireNonNull(filter, "filter");
    return add(new Sub<>("logs", g -> {
      g.writeString("logs");
      filter.write(g, false);
    }, Log.reader(), listener, filter));
  }

  /** Subscribes to the hashes of new pending transactions. */
  public Subscription subscribeNewPendingTransactions(SubscriptionListener<Hash32> listener) {
    return add(new Sub<>("newPendingTransactions", g -> g.writeString("newPendingTransactions"),
        p -> Hash32.parse(Json.string(p)), listener, null));
  }

  private <T> Sub<T> add(Sub<T> s) {
    Objects.requireNonNull(s.listener, "listener");
    subs.add(s);
    boolean isOpen;
    synchronized (lock) {
      isOpen = open;
    }
    if (isOpen) {
      subscribe(s, false);
    }
    return s;
  }

  // ------------------------------------------------------------------ connection

  private void connect() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      socket = http.newWebSocket(request, new Listener());
    }
  }

  private final class Listener extends WebSocketListener {
    @Override
    public void onOpen(WebSocket ws, Response response) {
      boolean reconnect;
      synchronized (lock) {
        if (ws != socket) {
          return;
        }
        open = true;
        failures = 0;
        reconnect = disconnectedAt != null;
      }
      for (Sub<?> s : subs) {
        subscribe(s, reconnect);
      }
    }

    @Override
    public void onMessage(WebSocket ws, String text) {
      handleMessage(text);
    }

    @Override
    public void onClosing(WebSocket ws, int code, String reason) {
      ws.close(1000, null);
      lost(ws, "closed by server: " + code);
    }

    @Override
    public void onClosed(WebSocket ws, int code, String reason) {
      lost(ws, "closed: " + code);
    }

    @Override
    public void onFailure(WebSocket ws, Throwable t, Response response) {
      lost(ws, t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
    }
  }

  private void lost(WebSocket ws, String why) {
    long delay;
    synchronized (lock) {
      if (ws != socket || closed) {
        return;
      }
      socket = null;
      open = false;
      if (disconnectedAt == null || failures == 0) {
        disconnectedAt = Instant.now();
      }
      int k = Math.min(failures++, 30);
      long init = initialBackoff.toNanos();
      long d = Math.min(maxBackoff.toNanos(), init << Math.min(k, 20));
      if (d <= 0) {
        d = maxBackoff.toNanos();
      }
      delay = d / 2 + ThreadLocalRandom.current().nextLong(d / 2 + 1);
    }
    byServerId.clear();
    for (Sub<?> s : subs) {
      s.serverId = null;
    }
    RpcException e = RpcException.transport(null, "WebSocket " + why, null);
    for (Map.Entry<Long, CompletableFuture<Object>> p : pending.entrySet()) {
      p.getValue().completeExceptionally(e);
    }
    pending.clear();
    pendingReaders.clear();
    try {
      scheduler.schedule(() -> connect(), delay, TimeUnit.NANOSECONDS);
    } catch (RuntimeException ignored) {
      // closed
    }
  }

  // ------------------------------------------------------------------ requests

  private <T> CompletableFuture<T> send(String method, ParamsWriter params, ResultReader<T> reader) {
    long id = ids.getAndIncrement();
    CompletableFuture<Object> f = new CompletableFuture<>();
    StringWriter w = new StringWriter(128);
    try (JsonGenerator g = Json.FACTORY.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("jsonrpc", "2.0");
      g.writeNumberField("id", id);
      g.writeStringField("method", method);
      g.writeArrayFieldStart("params");
      params.write(g);
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      f.completeExceptionally(RpcException.transport(method, e.toString(), e));
      return cast(f);
    }
    pending.put(id, f);
    pendingReaders.put(id, reader);
    WebSocket ws;
    synchronized (lock) {
      ws = open ? socket : null;
    }
    if (ws == null || !ws.send(w.toString())) {
      pending.remove(id);
      pendingReaders.remove(id);
      f.completeExceptionally(RpcException.transport(method, "WebSocket not connected", null));
    }
    f.orTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((v, t) -> {
      pending.remove(id);
      pendingReaders.remove(id);
    });
    return cast(f);
  }

  @SuppressWarnings("unchecked")
  private static <T> CompletableFuture<T> cast(CompletableFuture<Object> f) {
    return (CompletableFuture<T>) (CompletableFuture<?>) f;
  }

  private void subscribe(Sub<?> s, boolean reconnect) {
    Instant lostAt;
    synchronized (lock) {
      lostAt = disconnectedAt;
    }
    send("eth_subscribe", s.params, Json::string).whenComplete((serverId, err) -> {
      if (err != null) {
        s.error(err);
        return;
      }
      if (s.closed) {
        send("eth_unsubscribe", g -> g.writeString(serverId), p -> Json.bool(p));
        return;
      }
      s.serverId = serverId;
      byServerId.put(serverId, s);
      if (s.type.equals("logs")) {
        // the head now bounds what the old connection may have missed (logs) and starts tracking
        send("eth_blockNumber", ParamsWriter.NONE, Json::quantityLong).whenComplete((head, e2) -> {
          if (e2 != null) {
            s.error(e2);
            return;
          }
          if (reconnect && s.lastBlock >= 0 && head >= s.lastBlock) {
            s.gap(new Gap(s.lastBlock, head, lostAt, Instant.now()));
          }
          if (s.lastBlock < 0 || !s.lastFromLog) {
            s.lastBlock = Math.max(s.lastBlock, head + 1);
            s.lastFromLog = false;
          }
        });
      } else if (reconnect && s.type.equals("newPendingTransactions")) {
        s.gap(new Gap(-1, -1, lostAt, Instant.now()));
      } else if (reconnect) {
        s.headGapPending = lostAt;
      }
      synchronized (lock) {
        if (open && subs.stream().allMatch(x -> x.serverId != null || x.closed)) {
          disconnectedAt = null;
        }
      }
    });
  }

  private void handleMessage(String text) {
    try (JsonParser p = Json.FACTORY.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return;
      }
      long id = -1;
      String method = null;
      String subId = null;
      String rawResult = null;
      String rawParamsResult = null;
      RpcException error = null;
      String f;
      while ((f = Json.nextField(p)) != null) {
        switch (f) {
          case "id":
            id = p.currentToken() == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
            p.skipChildren();
            break;
          case "method":
            method = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : null;
            break;
          case "result":
            rawResult = Json.rawJson(p);
            break;
          case "error":
            error = readError(p);
            break;
          case "params":
            if (p.currentToken() == JsonToken.START_OBJECT) {
              String g;
              while ((g = Json.nextField(p)) != null) {
                if (g.equals("subscription") && p.currentToken() == JsonToken.VALUE_STRING) {
                  subId = p.getText();
                } else if (g.equals("result")) {
                  rawParamsResult = Json.rawJson(p);
                } else {
                  p.skipChildren();
                }
              }
            } else {
              p.skipChildren();
            }
            break;
          default:
            p.skipChildren();
        }
      }
      if ("eth_subscription".equals(method) && subId != null && rawParamsResult != null) {
        Sub<?> s = byServerId.get(subId);
        if (s != null) {
          s.deliver(rawParamsResult);
        }
        return;
      }
      if (id >= 0) {
        CompletableFuture<Object> fut = pending.remove(id);
        ResultReader<?> reader = pendingReaders.remove(id);
        if (fut == null) {
          return;
        }
        if (error != null) {
          fut.completeExceptionally(error);
        } else if (rawResult == null) {
          fut.completeExceptionally(RpcException.malformed(null, "", "response has neither result nor error"));
        } else {
          try {
            fut.complete(read(reader, rawResult));
          } catch (RpcException e) {
            fut.completeExceptionally(e);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // a garbled frame: nothing to match it to; ignore
    }
  }

  private static RpcException readError(JsonParser p) throws IOException {
    Json.expectObject(p);
    long code = 0;
    String message = null;
    String data = null;
    String f;
    while ((f = Json.nextField(p)) != null) {
      if (f.equals("code") && p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
        code = p.getLongValue();
      } else if (f.equals("message") && p.currentToken() == JsonToken.VALUE_STRING) {
        message = p.getText();
      } else if (f.equals("data")) {
        data = Json.rawJson(p);
      } else {
        p.skipChildren();
      }
    }
    return RpcException.jsonRpc(null, code, message, data);
  }

  static <T> T read(ResultReader<T> reader, String raw) {
    try (JsonParser q = Json.FACTORY.createParser(raw)) {
      q.nextToken();
      return reader.read(q);
    } catch (RpcException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw RpcException.malformed(null, "", "unexpected value: " + e);
    }
  }

  // ------------------------------------------------------------------ subscriptions

  private final class Sub<T> implements Subscription {
    final String type;
    final ParamsWriter params;
    final ResultReader<T> reader;
    final SubscriptionListener<T> listener;
    final LogFilter filter;
    volatile String serverId;
    volatile boolean closed;
    volatile long lastBlock = -1;
    volatile boolean lastFromLog;
    volatile Instant headGapPending;

    Sub(String type, ParamsWriter params, ResultReader<T> reader, SubscriptionListener<T> listener, LogFilter filter) {
      this.type = type;
      this.params = params;
      this.reader = reader;
      this.listener = listener;
      this.filter = filter;
    }

    void deliver(String raw) {
      if (closed) {
        return;
      }
      T event;
      try {
        event = read(reader, raw);
      } catch (RpcException e) {
        error(e);
        return;
      }
      if (event instanceof BlockHeader) {
        long n = ((BlockHeader) event).numberOrMinusOne();
        Instant lostAt = headGapPending;
        if (lostAt != null) {
          headGapPending = null;
          if (lastBlock >= 0 && n > lastBlock + 1) {
            gap(new Gap(lastBlock + 1, n - 1, lostAt, Instant.now()));
          }
        }
        if (n >= 0) {
          lastBlock = n;
        }
      } else if (event instanceof Log) {
        long n = ((Log) event).blockNumber().orElse(-1L);
        if (n >= 0) {
          lastBlock = n;
          lastFromLog = true;
        }
      }
      try {
        listener.onEvent(event);
      } catch (RuntimeException ignored) {
        // a listener's failure must not stop the stream
      }
    }

    void gap(Gap g) {
      try {
        listener.onGap(g);
      } catch (RuntimeException ignored) {
        // see deliver
      }
    }

    void error(Throwable t) {
      Throwable c = t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
      RpcException e = c instanceof RpcException ? (RpcException) c
          : c instanceof java.util.concurrent.TimeoutException ? RpcException.timeout("eth_subscribe", requestTimeout, c)
          : RpcException.transport("eth_subscribe", String.valueOf(c), c);
      try {
        listener.onError(e);
      } catch (RuntimeException ignored) {
        // see deliver
      }
    }

    @Override
    public String serverId() {
      return serverId;
    }

    @Override
    public String type() {
      return type;
    }

    @Override
    public void close() {
      closed = true;
      subs.remove(this);
      String id = serverId;
      if (id != null) {
        byServerId.remove(id);
        send("eth_unsubscribe", g -> g.writeString(id), p -> Json.bool(p));
      }
    }
  }

  /** Closes every subscription and the socket; no reconnection afterwards. */
  @Override
  public void close() {
    WebSocket ws;
    synchronized (lock) {
      closed = true;
      open = false;
      ws = socket;
      socket = null;
    }
    subs.clear();
    if (ws != null) {
      ws.close(1000, "client closed");
    }
    scheduler.shutdownNow();
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** Builds an {@link EvmWsClient}. */
  public static final class Builder {
    private final String url;
    private OkHttpClient http;
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private Duration requestTimeout = Duration.ofSeconds(30);

    private Builder(String url) {
      this.url = url;
    }

    /** Uses the caller's OkHttp client (e.g. {@link EvmRpcClient#okHttpClient()}). */
    public Builder okHttpClient(OkHttpClient client) {
      this.http = Objects.requireNonNull(client, "client");
      return this;
    }

    /** Reconnection backoff: first delay and cap (jittered to [d/2, d]); defaults 200 ms and 30 s. */
    public Builder reconnectBackoff(Duration initial, Duration max) {
      if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("backoff must be positive and max >= initial");
      }
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /** Timeout of subscribe/unsubscribe requests (default 30 s). */
    public Builder requestTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.requestTimeout = timeout;
      return this;
    }

    /** Connects (asynchronously; subscriptions made before the socket opens are sent once it does). */
    public EvmWsClient build() {
      return new EvmWsClient(this);
    }
  }
}
