package dev.cairn.transport.ws;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cairn.transport.JsonLimits;
import dev.cairn.transport.JsonRpcClient;
import dev.cairn.transport.JsonValues;
import dev.cairn.transport.ParamsWriter;
import dev.cairn.transport.ResultReader;
import dev.cairn.transport.RetryPolicy;
import dev.cairn.transport.TransportException;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * JSON-RPC 2.0 over a WebSocket (OkHttp), for any chain: requests matched to responses by id, and
 * subscriptions ({@link WsSubscriptionSpec}) that survive reconnections. When the connection drops
 * the client reconnects with the backoff of its {@link RetryPolicy} (the same policy HTTP calls
 * use; reconnection never gives up until {@link #close()}, and a refused handshake's {@code
 * Retry-After} on 429/503 is honoured up to the policy's {@code maxRetryAfter}), resubscribes every
 * open subscription and tells each listener about the gap ({@link
 * WsSubscriptionListener#onResubscribed}) before delivering its new events. Requests in flight
 * when the connection drops fail with {@link TransportException.Kind#IO}; requests made while it
 * is down fail at once with {@link TransportException.Kind#CLOSED}. Responses are parsed with the
 * {@link JsonLimits}. Thread-safe.
 *
 * <pre>{@code
 * try (WsRpcClient ws = WsRpcClient.connect("wss://node.example")) {
 *   WsSubscription s = ws.subscribe(WsSubscriptionSpec.of("slot", "slotSubscribe", ParamsWriter.NONE,
 *       "slotUnsubscribe", JsonValues::rawJson), event -> System.out.println(event));
 * }
 * }</pre>
 */
public final class WsRpcClient implements AutoCloseable {
  private final OkHttpClient http;
  private final Request request;
  private final RetryPolicy retry;
  private final Duration requestTimeout;
  private final long maxMessageBytes;
  private final boolean ownsHttp;
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;
  private volatile ScheduledFuture<?> reconnect;
  private final AtomicLong ids = new AtomicLong(1);
  private final Map<Long, Pending<?>> pending = new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<Sub<?>> subs = new CopyOnWriteArrayList<>();
  private final Map<String, Sub<?>> byServerId = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  private WebSocket socket;
  private boolean open;
  private boolean closed;
  private int failures;
  private int attemptsSinceLoss;
  private Instant disconnectedAt;

  private WsRpcClient(Builder b) {
    this.ownsHttp = b.http == null;
    this.http = b.http == null ? JsonRpcClient.defaultOkHttpClient() : b.http;
    this.request = new Request.Builder().url(b.url).build();
    this.retry = b.retry;
    this.requestTimeout = b.requestTimeout;
    this.maxMessageBytes = b.maxMessageBytes;
    this.ownsScheduler = b.scheduler == null;
    if (b.scheduler == null) {
      ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "cairn-ws-scheduler");
        t.setDaemon(true);
        return t;
      });
      s.setRemoveOnCancelPolicy(true);
      this.scheduler = s;
    } else {
      this.scheduler = b.scheduler;
    }
    connect();
  }

  /** A builder for a {@code ws://} or {@code wss://} URL. */
  public static Builder builder(String url) {
    return new Builder(Objects.requireNonNull(url, "url"));
  }

  /** Connects to {@code url} with the defaults. */
  public static WsRpcClient connect(String url) {
    return builder(url).build();
  }

  /** Whether the socket is currently open. */
  public boolean isConnected() {
    synchronized (lock) {
      return open;
    }
  }

  /** The retry policy whose backoff paces reconnections. */
  public RetryPolicy retryPolicy() {
    return retry;
  }

  /**
   * Sends one request; the future fails with a {@link TransportException} ({@code RPC_ERROR},
   * {@code MALFORMED_RESPONSE}, {@code TIMEOUT}, {@code IO} if the connection dropped, {@code
   * CLOSED} if it is down). Requests are not retried (a subscription is resubscribed instead).
   */
  public <T> CompletableFuture<T> call(String method, ParamsWriter params, ResultReader<T> reader) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(reader, "reader");
    return send(method, params == null ? ParamsWriter.NONE : params, reader);
  }

  /**
   * Subscribes; events go to {@code listener} from the moment the server confirms, and the
   * subscription is renewed after every reconnection. If the socket is not open yet, the
   * subscription is sent once it is.
   */
  public <T> WsSubscription subscribe(WsSubscriptionSpec<T> spec, WsSubscriptionListener<T> listener) {
    Sub<T> s = new Sub<>(Objects.requireNonNull(spec, "spec"), Objects.requireNonNull(listener, "listener"));
    subs.add(s);
    boolean isOpen;
    synchronized (lock) {
      isOpen = open;
    }
    if (isOpen) {
      subscribe(s, null, 0);
    }
    return s;
  }

  // ------------------------------------------------------------------ connection

  private void connect() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      attemptsSinceLoss++;
      socket = http.newWebSocket(request, new Listener());
    }
  }

  private final class Listener extends WebSocketListener {
    @Override
    public void onOpen(WebSocket ws, Response response) {
      Instant lostAt;
      int attempts;
      synchronized (lock) {
        if (ws != socket) {
          return;
        }
        open = true;
        failures = 0;
        lostAt = disconnectedAt;
        attempts = attemptsSinceLoss;
        disconnectedAt = null;
        attemptsSinceLoss = 0;
      }
      for (Sub<?> s : subs) {
        subscribe(s, lostAt, attempts);
      }
    }

    @Override
    public void onMessage(WebSocket ws, String text) {
      if (text.length() > maxMessageBytes / 3 && utf8Length(text) > maxMessageBytes) {
        // RFC 6455 1009 "message too big": nothing of it is parsed; requests in flight fail with IO
        ws.close(1009, "message too big");
        lost(ws, "message of more than " + maxMessageBytes + " bytes (maxMessageBytes)", null);
        return;
      }
      handleMessage(text);
    }

    @Override
    public void onClosing(WebSocket ws, int code, String reason) {
      ws.close(1000, null);
      lost(ws, "closed by server: " + code, null);
    }

    @Override
    public void onClosed(WebSocket ws, int code, String reason) {
      lost(ws, "closed: " + code, null);
    }

    @Override
    public void onFailure(WebSocket ws, Throwable t, Response response) {
      Duration retryAfter = null;
      if (response != null && (response.code() == 429 || response.code() == 503)) {
        retryAfter = RetryPolicy.parseRetryAfter(response.header("Retry-After"), System.currentTimeMillis());
      }
      if (response != null) {
        response.close();
      }
      lost(ws, t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()), retryAfter);
    }
  }

  /** The delay before reconnection attempt {@code failures + 1}: the policy's backoff, or a longer Retry-After. */
  long reconnectDelayNanos(int failureCount, Duration retryAfter) {
    long d = retry.backoffNanos(Math.min(failureCount, 40));
    if (retryAfter != null) {
      long ra = Math.min(retryAfter.toNanos(), retry.maxRetryAfter().toNanos());
      d = Math.max(d, ra);
    }
    return d;
  }

  static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  private void lost(WebSocket ws, String why, Duration retryAfter) {
    long delay;
    synchronized (lock) {
      if (ws != socket || closed) {
        return;
      }
      socket = null;
      open = false;
      if (disconnectedAt == null) {
        disconnectedAt = Instant.now();
      }
      delay = reconnectDelayNanos(failures++, retryAfter);
    }
    byServerId.clear();
    for (Sub<?> s : subs) {
      s.serverId = null;
      s.serverIdRaw = null;
    }
    TransportException e = TransportException.io(null, "WebSocket " + why, null);
    for (Map.Entry<Long, Pending<?>> p : pending.entrySet()) {
      p.getValue().future.completeExceptionally(e.forMethod(p.getValue().method));
    }
    pending.clear();
    try {
      reconnect = scheduler.schedule((Runnable) this::connect, delay, TimeUnit.NANOSECONDS);
    } catch (RuntimeException ignored) {
      // closed (or the caller's scheduler was shut down)
    }
  }

  // ------------------------------------------------------------------ requests

  private static final class Pending<T> {
    final String method;
    final ResultReader<T> reader;
    final CompletableFuture<T> future = new CompletableFuture<>();

    Pending(String method, ResultReader<T> reader) {
      this.method = method;
      this.reader = reader;
    }

    void complete(String rawResult) {
      try {
        future.complete(read(reader, rawResult, method));
      } catch (TransportException e) {
        future.completeExceptionally(e);
      }
    }
  }

  private <T> CompletableFuture<T> send(String method, ParamsWriter params, ResultReader<T> reader) {
    return send(ids.getAndIncrement(), method, params, reader, null);
  }

  /**
   * Sends a request with the given id; {@code beforeSend} (if any) sees the future before the
   * request is written, so that its completion handlers run on the reader thread before any later
   * message is handled.
   */
  private <T> CompletableFuture<T> send(long id, String method, ParamsWriter params, ResultReader<T> reader,
      java.util.function.Consumer<CompletableFuture<T>> beforeSend) {
    Pending<T> p = new Pending<>(method, reader);
    if (beforeSend != null) {
      beforeSend.accept(p.future);
    }
    StringWriter w = new StringWriter(128);
    try (JsonGenerator g = JsonLimits.jsonFactory().createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("jsonrpc", "2.0");
      g.writeNumberField("id", id);
      g.writeStringField("method", method);
      g.writeArrayFieldStart("params");
      params.write(g);
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException | RuntimeException e) {
      p.future.completeExceptionally(new IllegalArgumentException("cannot encode the request: " + e, e));
      return p.future;
    }
    pending.put(id, p);
    WebSocket ws;
    synchronized (lock) {
      ws = open ? socket : null;
    }
    if (ws == null || !ws.send(w.toString())) {
      pending.remove(id);
      p.future.completeExceptionally(TransportException.closed(method, "WebSocket not connected"));
      return p.future;
    }
    try {
      Runnable expire = () -> {
        if (pending.remove(id) != null) {
          p.future.completeExceptionally(TransportException.timeout(method, requestTimeout, null));
        }
      };
      ScheduledFuture<?> timer = scheduler.schedule(expire, requestTimeout.toNanos(),
          TimeUnit.NANOSECONDS);
      p.future.whenComplete((v, t) -> {
        timer.cancel(false);
        pending.remove(id);
      });
    } catch (RuntimeException rejected) {
      pending.remove(id);
      p.future.completeExceptionally(TransportException.closed(method, "client closed"));
    }
    return p.future;
  }

  private void subscribe(Sub<?> s, Instant lostAt, int attempts) {
    long id = ids.getAndIncrement();
    String eventKey = s.spec.eventIdSuffix == null ? null : id + s.spec.eventIdSuffix;
    if (eventKey != null) {
      // events follow the subscribe response on the same socket: be ready for them before sending
      s.pendingKey = eventKey;
      byServerId.put(eventKey, s);
    }
    send(id, s.spec.subscribeMethod, s.spec.params, JsonValues::rawJson, f -> f.whenComplete((rawId, err) -> {
      if (err != null) {
        if (eventKey != null) {
          byServerId.remove(eventKey, s);
        }
        s.error(err);
        return;
      }
      if (s.closed) {
        if (eventKey != null) {
          byServerId.remove(eventKey, s);
        }
        unsubscribe(s, rawId);
        return;
      }
      String key = eventKey != null ? eventKey : idKey(rawId);
      if (key == null) {
        s.error(TransportException.malformed(s.spec.subscribeMethod, "/result",
            "subscription id must be a string or an integer"));
        return;
      }
      if (lostAt != null && s.confirmed) {
        s.gap(new WsGap(lostAt, Instant.now(), s.lastEventAt, attempts));
      } else if (!s.confirmed) {
        s.confirmed = true;
        s.subscribed();
      }
      s.serverIdRaw = rawId;
      s.serverId = key;
      byServerId.put(key, s);
    }));
  }

  private void unsubscribe(Sub<?> s, String rawId) {
    if (s.spec.unsubscribeParams != null) {
      send(s.spec.unsubscribeMethod, s.spec.unsubscribeParams, JsonValues::rawJson);
    } else {
      send(s.spec.unsubscribeMethod, g -> g.writeRawValue(rawId), JsonValues::rawJson);
    }
  }

  /** A string id without its quotes, an integer id as digits; null for anything else. */
  private static String idKey(String raw) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    if (raw.charAt(0) == '"' && raw.length() >= 2 && raw.indexOf('\\') < 0) {
      return raw.substring(1, raw.length() - 1);
    }
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    return raw;
  }

  private void handleMessage(String text) {
    try (JsonParser p = JsonLimits.jsonFactory().createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return;
      }
      long id = -1;
      String idText = null;
      String method = null;
      String subId = null;
      String rawResult = null;
      String rawParamsResult = null;
      TransportException error = null;
      String f;
      while ((f = JsonValues.nextField(p)) != null) {
        switch (f) {
          case "id":
            id = p.currentToken() == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
            idText = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : null;
            p.skipChildren();
            break;
          case "method":
            method = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : null;
            break;
          case "result":
            rawResult = JsonValues.rawJson(p);
            break;
          case "error":
            error = readError(p);
            break;
          case "params":
            if (p.currentToken() == JsonToken.START_OBJECT) {
              String g;
              while ((g = JsonValues.nextField(p)) != null) {
                if (g.equals("subscription") && (p.currentToken() == JsonToken.VALUE_STRING
                    || p.currentToken() == JsonToken.VALUE_NUMBER_INT)) {
                  subId = p.getText();
                } else if (g.equals("result")) {
                  rawParamsResult = JsonValues.rawJson(p);
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
      if (method != null && subId != null && rawParamsResult != null) {
        Sub<?> s = byServerId.get(subId);
        if (s != null) {
          s.deliver(rawParamsResult);
        }
        return;
      }
      if (idText != null) {
        // an event delivered as a response (WsSubscriptionSpec.ofResponseEvents)
        Sub<?> s = byServerId.get(idText);
        if (s != null && s.spec.eventIdSuffix != null) {
          if (error != null) {
            s.error(error.forMethod(s.spec.subscribeMethod));
          } else if (rawResult != null) {
            s.deliver(rawResult);
          }
        }
        return;
      }
      if (id >= 0) {
        Pending<?> pd = pending.remove(id);
        if (pd == null) {
          return;
        }
        if (error != null) {
          pd.future.completeExceptionally(error.forMethod(pd.method));
        } else if (rawResult == null) {
          pd.future.completeExceptionally(TransportException.malformed(pd.method, "",
              "response has neither result nor error"));
        } else {
          pd.complete(rawResult);
        }
      }
    } catch (IOException | RuntimeException e) {
      // a garbled frame: nothing to match it to; ignore
    }
  }

  private static TransportException readError(JsonParser p) throws IOException {
    JsonValues.expectObject(p);
    long code = 0;
    String message = null;
    String data = null;
    String f;
    while ((f = JsonValues.nextField(p)) != null) {
      if (f.equals("code") && p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
        code = p.getLongValue();
      } else if (f.equals("message") && p.currentToken() == JsonToken.VALUE_STRING) {
        message = p.getText();
      } else if (f.equals("data")) {
        data = JsonValues.rawJson(p);
      } else {
        p.skipChildren();
      }
    }
    return TransportException.rpcError(null, code, message, data);
  }

  static <T> T read(ResultReader<T> reader, String raw, String method) {
    try (JsonParser q = JsonLimits.jsonFactory().createParser(raw)) {
      q.nextToken();
      return reader.read(q);
    } catch (TransportException e) {
      throw e.forMethod(method);
    } catch (IOException | RuntimeException e) {
      throw TransportException.malformed(method, "", "unexpected value: " + e);
    }
  }

  // ------------------------------------------------------------------ subscriptions

  private final class Sub<T> implements WsSubscription {
    final WsSubscriptionSpec<T> spec;
    final WsSubscriptionListener<T> listener;
    volatile String serverId;
    volatile String serverIdRaw;
    volatile String pendingKey;
    volatile boolean closed;
    volatile Instant lastEventAt;
    volatile boolean confirmed;

    Sub(WsSubscriptionSpec<T> spec, WsSubscriptionListener<T> listener) {
      this.spec = spec;
      this.listener = listener;
    }

    void deliver(String raw) {
      if (closed) {
        return;
      }
      T event;
      try {
        event = read(spec.eventReader, raw, spec.name);
      } catch (TransportException e) {
        error(e);
        return;
      }
      lastEventAt = Instant.now();
      try {
        listener.onEvent(event);
      } catch (RuntimeException ignored) {
        // a listener's failure must not stop the stream
      }
    }

    void subscribed() {
      try {
        listener.onSubscribed();
      } catch (RuntimeException ignored) {
        // see deliver
      }
    }

    void gap(WsGap g) {
      try {
        listener.onResubscribed(g);
      } catch (RuntimeException ignored) {
        // see deliver
      }
    }

    void error(Throwable t) {
      Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
      TransportException e = c instanceof TransportException ? (TransportException) c
          : TransportException.io(spec.subscribeMethod, String.valueOf(c), c);
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
    public String name() {
      return spec.name;
    }

    @Override
    public void close() {
      closed = true;
      subs.remove(this);
      String id = serverId;
      String raw = serverIdRaw;
      String pk = pendingKey;
      if (pk != null) {
        byServerId.remove(pk, this);
      }
      if (id != null) {
        byServerId.remove(id);
        unsubscribe(this, raw);
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
    TransportException e = TransportException.closed(null, "client closed");
    for (Pending<?> p : pending.values()) {
      p.future.completeExceptionally(e.forMethod(p.method));
    }
    pending.clear();
    if (ws != null) {
      ws.close(1000, "client closed");
    }
    if (ownsScheduler) {
      scheduler.shutdownNow();
    } else {
      // a shared scheduler keeps running: take this client's tasks off it (the request timers were
      // cancelled when their calls failed above)
      ScheduledFuture<?> r = reconnect;
      if (r != null) {
        r.cancel(false);
      }
    }
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** Builds a {@link WsRpcClient}. */
  public static final class Builder {
    private final String url;
    private OkHttpClient http;
    private ScheduledExecutorService scheduler;
    private RetryPolicy retry = RetryPolicy.DEFAULT;
    private Duration requestTimeout = Duration.ofSeconds(30);
    private long maxMessageBytes = JsonLimits.MAX_BODY_BYTES;

    private Builder(String url) {
      this.url = url;
    }

    /** Uses the caller's OkHttp client (e.g. {@link JsonRpcClient#okHttpClient()}); not closed by {@link #close()}. */
    public Builder okHttpClient(OkHttpClient client) {
      this.http = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Runs request timeouts and reconnections on the caller's scheduler, e.g. one shared by many
     * clients, instead of a thread of the client's own; {@link #close()} cancels the client's tasks
     * on it and leaves it running. It must keep running while the client is used (once it refuses
     * tasks, calls fail as if the client were closed). A {@link ScheduledThreadPoolExecutor} with
     * {@link ScheduledThreadPoolExecutor#setRemoveOnCancelPolicy remove-on-cancel} set frees a
     * finished call's timer at once rather than when it would have expired.
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * The policy whose backoff paces reconnections (default {@link RetryPolicy#DEFAULT}, the same
     * as HTTP calls); its attempt limit does not apply (reconnection goes on until closed).
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retry = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Timeout of requests, subscribe and unsubscribe included (default 30 s). */
    public Builder requestTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.requestTimeout = timeout;
      return this;
    }

    /**
     * The largest message accepted, in UTF-8 bytes (default {@link JsonLimits#MAX_BODY_BYTES}). A
     * larger one is not parsed: the connection is closed with status 1009 ("message too big"),
     * requests in flight fail with {@link TransportException.Kind#IO} and the client reconnects and
     * resubscribes as after any drop.
     */
    public Builder maxMessageBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxMessageBytes must be positive");
      }
      this.maxMessageBytes = bytes;
      return this;
    }

    /** Connects (asynchronously; subscriptions made before the socket opens are sent once it does). */
    public WsRpcClient build() {
      return new WsRpcClient(this);
    }
  }
}
