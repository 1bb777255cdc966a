package dev.cairn.transport;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.cairn.transport.internal.ByteBuf;
import dev.cairn.transport.internal.ChannelClosedException;
import dev.cairn.transport.internal.NotSentException;
import dev.cairn.transport.internal.HttpChannel;
import dev.cairn.transport.internal.HttpReply;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** Executes single calls and batches over HTTP: encoding, retries, timeouts, response parsing. */
final class Transport {
  private static final ThreadLocal<ByteBuf> BUF = ThreadLocal.withInitial(() -> new ByteBuf(512));

  private OkHttpClient http;
  private boolean ownsHttp;
  final HttpUrl url;
  final HttpChannel channel;
  final HttpChannelKind channelKind;
  final RetryPolicy retry;
  final Duration defaultTimeout;
  final long maxResponseBytes;
  private final AtomicLong ids = new AtomicLong(1);
  private volatile ScheduledExecutorService scheduler;
  volatile AutoBatcher autoBatcher;

  Transport(OkHttpClient http, boolean ownsHttp, HttpUrl url, HttpChannel channel, HttpChannelKind channelKind,
      RetryPolicy retry, Duration defaultTimeout, long maxResponseBytes) {
    this.http = http;
    this.ownsHttp = ownsHttp;
    this.url = url;
    this.channel = channel;
    this.channelKind = channelKind;
    this.retry = retry;
    this.defaultTimeout = defaultTimeout;
    this.maxResponseBytes = maxResponseBytes;
  }

  ScheduledExecutorService scheduler() {
    ScheduledExecutorService s = scheduler;
    if (s == null) {
      synchronized (this) {
        s = scheduler;
        if (s == null) {
          ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "cairn-rpc-scheduler");
            t.setDaemon(true);
            return t;
          });
          e.setRemoveOnCancelPolicy(true);
          scheduler = s = e;
        }
      }
    }
    return s;
  }

  /** The OkHttp client in use; for a pipelined transport one is made on first use (and owned). */
  synchronized OkHttpClient okHttp() {
    if (http == null) {
      http = HttpSettings.defaultOkHttpClient();
      ownsHttp = true;
    }
    return http;
  }

  private volatile boolean closed;

  void close() {
    closed = true;
    channel.close();
    OkHttpClient h;
    boolean owned;
    synchronized (this) {
      h = http;
      owned = ownsHttp;
    }
    if (h != null && owned) {
      h.dispatcher().executorService().shutdown();
      h.connectionPool().evictAll();
    }
    ScheduledExecutorService s = scheduler;
    if (s != null) {
      // not shutdownNow: retries and batch flushes already scheduled still run, find the channel
      // closed and fail their futures, instead of being dropped with their futures never completing
      s.shutdown();
    }
  }

  // ------------------------------------------------------------------ encoding

  private static void writeCall(JsonGenerator g, long id, RpcCall<?> c) throws IOException {
    g.writeStartObject();
    g.writeStringField("jsonrpc", "2.0");
    g.writeNumberField("id", id);
    g.writeStringField("method", c.method);
    g.writeArrayFieldStart("params");
    c.params.write(g);
    g.writeEndArray();
    g.writeEndObject();
  }

  static byte[] encode(long firstId, List<? extends RpcCall<?>> calls, boolean asBatch) {
    ByteBuf buf = BUF.get();
    buf.reset();
    try (JsonGenerator g = JsonLimits.jsonFactory().createGenerator(buf, JsonEncoding.UTF8)) {
      if (asBatch) {
        g.writeStartArray();
      }
      for (int i = 0; i < calls.size(); i++) {
        writeCall(g, firstId + i, calls.get(i));
      }
      if (asBatch) {
        g.writeEndArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode JSON-RPC request", e);
    }
    return buf.toByteArray();
  }

  // ------------------------------------------------------------------ exchanges

  /** One HTTP request/response, possibly attempted several times. */
  abstract class Exchange<R> {
    final byte[] body;
    final boolean idempotent;
    final String method;
    final Duration timeout;
    final long deadline;

    Exchange(byte[] body, boolean idempotent, String method, Duration timeout) {
      this.body = body;
      this.idempotent = idempotent;
      this.method = method;
      this.timeout = timeout;
      this.deadline = System.nanoTime() + timeout.toNanos();
    }

    abstract R parse(JsonParser p) throws IOException;

    /** One attempt: JSON-RPC posts go to the endpoint itself; REST exchanges override this. */
    HttpReply send(long timeoutNanos) throws IOException {
      return channel.post(body, timeoutNanos, idempotent);
    }

    void sendAsync(long timeoutNanos, HttpChannel.Callback cb) {
      channel.postAsync(body, timeoutNanos, idempotent, cb);
    }

    /** The request target of a REST exchange (its query may carry keys); null for JSON-RPC. */
    String target() {
      return null;
    }

    R handle(HttpReply r) throws IOException {
      if (r.code() < 200 || r.code() > 299) {
        throw httpError(method, r, secretsOf(url, target()));
      }
      return parseBody(r);
    }

    R parseBody(HttpReply r) throws IOException {
      long len = r.contentLength();
      if (len > maxResponseBytes) {
        throw TransportException.malformed(method, "", "response of " + len + " bytes exceeds the limit of " + maxResponseBytes);
      }
      byte[] bytes = r.bodyBytes();
      try (InputStream in = bytes != null ? null : new Limited(r.bodyStream(), maxResponseBytes, method);
           JsonParser p = bytes != null ? JsonLimits.jsonFactory().createParser(bytes) : JsonLimits.jsonFactory().createParser(in)) {
        R result = parse(p);
        if (p.nextToken() != null) {
          throw TransportException.malformed(method, "", "trailing content after the JSON-RPC response");
        }
        return result;
      } catch (JsonProcessingException e) {
        throw TransportException.malformed(method, "", "invalid JSON: " + e.getOriginalMessage());
      } catch (java.io.CharConversionException e) {
        // Jackson's encoding detection (e.g. a body starting 00 00 00 xx reads as UTF-32) failed: the
        // body is not JSON text; an IOException subtype, but not a network failure (found by fuzzing)
        throw TransportException.malformed(method, "", "invalid JSON text encoding: " + e.getMessage());
      } catch (TransportException e) {
        throw e.method() == null ? e.forMethod(method) : e;
      } catch (IOException e) {
        throw e;
      } catch (RuntimeException e) {
        throw TransportException.malformed(method, "", "unexpected value: " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      }
    }
  }

  /**
   * What of an endpoint may be a credential, to be cut out of error bodies that echo the request
   * (some providers' error pages quote the request line or URL): the user name and password, every
   * query parameter value of the endpoint and of a REST target, and every path segment of the
   * endpoint of 8 or more characters (Infura-style {@code /v3/<key>}). Each in raw and
   * percent-encoded form.
   */
  static List<String> secretsOf(HttpUrl url, String target) {
    List<String> out = new ArrayList<>();
    addSecret(out, url.username());
    addSecret(out, url.encodedUsername());
    addSecret(out, url.password());
    addSecret(out, url.encodedPassword());
    for (int i = 0; i < url.querySize(); i++) {
      addSecret(out, url.queryParameterValue(i));
    }
    String q = url.encodedQuery();
    if (q != null) {
      for (String kv : q.split("&")) {
        int eq = kv.indexOf('=');
        addSecret(out, eq < 0 ? null : kv.substring(eq + 1));
      }
    }
    for (String seg : url.encodedPathSegments()) {
      if (seg.length() >= 8) {
        addSecret(out, seg);
      }
    }
    if (target != null) {
      int qi = target.indexOf('?');
      if (qi >= 0) {
        for (String kv : target.substring(qi + 1).split("&")) {
          int eq = kv.indexOf('=');
          addSecret(out, eq < 0 ? null : kv.substring(eq + 1));
        }
      }
    }
    out.sort((a, b) -> b.length() - a.length()); // longest first: a value inside another is cut with it
    return out;
  }

  private static void addSecret(List<String> out, String s) {
    if (s != null && s.length() >= 4 && !out.contains(s)) {
      out.add(s);
    }
  }

  static String scrub(String text, List<String> secrets) {
    if (text == null) {
      return null;
    }
    String t = text;
    for (String s : secrets) {
      if (t.contains(s)) {
        t = t.replace(s, "***");
      }
    }
    return t;
  }

  static TransportException httpError(String method, HttpReply r, List<String> secrets) {
    String snippet = null;
    String body = null;
    try {
      byte[] head = r.peek(4 * TransportException.MAX_ERROR_BODY_CHARS);
      body = scrub(new String(head, StandardCharsets.UTF_8), secrets);
      StringBuilder sb = new StringBuilder(200);
      for (int i = 0; i < body.length() && sb.length() < 200; i++) {
        char c = body.charAt(i);
        sb.append(c < 0x20 || c == 0x7f ? ' ' : c);
      }
      snippet = sb.toString().trim();
    } catch (RuntimeException ignored) {
      // the status alone is enough
    }
    Duration ra = r.code() == 429 || r.code() == 503 ? RetryPolicy.parseRetryAfter(r.retryAfter(), System.currentTimeMillis()) : null;
    return TransportException.httpStatus(method, r.code(), snippet, ra, body);
  }

  private final class Single<T> extends Exchange<T> {
    final long id;
    final RpcCall<T> call;

    Single(long id, RpcCall<T> call, byte[] body) {
      super(body, call.idempotent, call.method, call.timeout());
      this.id = id;
      this.call = call;
    }

    @Override
    T parse(JsonParser p) throws IOException {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw TransportException.malformed(method, "", "empty response body");
      }
      if (t != JsonToken.START_OBJECT) {
        throw TransportException.malformed(method, "", "expected a JSON-RPC response object");
      }
      T result = null;
      boolean hasResult = false;
      boolean resultNull = false;
      TransportException error = null;
      boolean idSeen = false;
      boolean idNull = false;
      String f;
      while ((f = JsonValues.nextField(p)) != null) {
        switch (f) {
          case "result":
            if (hasResult) {
              throw JsonValues.malformed(p, "duplicate result");
            }
            hasResult = true;
            resultNull = JsonValues.isNull(p);
            result = call.reader.read(p);
            break;
          case "error":
            if (error != null) {
              throw JsonValues.malformed(p, "duplicate error");
            }
            error = readError(p, method);
            break;
          case "id":
            idSeen = true;
            if (JsonValues.isNull(p)) {
              idNull = true;
            } else if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
                && p.getNumberType() != JsonParser.NumberType.LONG || p.getLongValue() != id) {
              if (p.currentToken() == JsonToken.VALUE_STRING && p.getText().equals(Long.toString(id))) {
                break;
              }
              throw JsonValues.malformed(p, "response id does not match request id " + id);
            }
            break;
          default:
            JsonValues.skip(p);
        }
      }
      if (error != null && hasResult && !resultNull) {
        throw TransportException.malformed(method, "", "response has both result and error");
      }
      if (error == null && !hasResult) {
        throw TransportException.malformed(method, "", "response has neither result nor error");
      }
      if (!idSeen) {
        throw TransportException.malformed(method, "/id", "missing required field");
      }
      if (error != null) {
        throw error;
      }
      if (idNull) {
        throw TransportException.malformed(method, "/id", "null id on a successful response");
      }
      return result;
    }
  }

  static TransportException readError(JsonParser p, String method) throws IOException {
    JsonValues.expectObject(p);
    Long code = null;
    String message = null;
    String data = null;
    String f;
    while ((f = JsonValues.nextField(p)) != null) {
      switch (f) {
        case "code":
          if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
              || (p.getNumberType() != JsonParser.NumberType.INT && p.getNumberType() != JsonParser.NumberType.LONG)) {
            throw JsonValues.malformed(p, "error code must be an integer");
          }
          code = p.getLongValue();
          break;
        case "message":
          message = JsonValues.isNull(p) ? null : JsonValues.string(p);
          break;
        case "data":
          data = JsonValues.rawJson(p);
          break;
        default:
          JsonValues.skip(p);
      }
    }
    if (code == null) {
      throw JsonValues.missing(p, "code");
    }
    return TransportException.rpcError(method, code, message, data);
  }

  private final class Batch extends Exchange<Void> {
    final long firstId;
    final List<? extends RpcCall<?>> calls;
    final List<CompletableFuture<Object>> futures;

    Batch(long firstId, List<? extends RpcCall<?>> calls, List<CompletableFuture<Object>> futures, byte[] body,
        boolean idempotent, Duration timeout) {
      super(body, idempotent, null, timeout);
      this.firstId = firstId;
      this.calls = calls;
      this.futures = futures;
    }

    @Override
    Void parse(JsonParser p) throws IOException {
      int n = calls.size();
      Object[] results = new Object[n];
      TransportException[] errors = new TransportException[n];
      boolean[] done = new boolean[n];
      JsonToken t = p.nextToken();
      if (t == null) {
        throw TransportException.malformed(null, "", "empty response body");
      }
      if (t == JsonToken.START_OBJECT) {
        // a single response to a batch: an error for the whole batch (e.g. "batch too large")
        TransportException e = null;
        String f;
        while ((f = JsonValues.nextField(p)) != null) {
          if (f.equals("error")) {
            e = readError(p, null);
          } else {
            JsonValues.skip(p);
          }
        }
        throw e != null ? e : TransportException.malformed(null, "", "expected an array of responses to a batch");
      }
      JsonValues.expect(p, JsonToken.START_ARRAY, "an array of responses");
      int element = 0;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          throw TransportException.malformed(null, "", "unexpected end of input");
        }
        if (t != JsonToken.START_OBJECT) {
          p.skipChildren();
          element++;
          continue;
        }
        long id = Long.MIN_VALUE;
        byte[] raw = null;
        boolean resultNull = false;
        TransportException error = null;
        TransportException elementProblem = null;
        String f;
        while ((f = JsonValues.nextField(p)) != null) {
          switch (f) {
            case "id":
              if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && (p.getNumberType() == JsonParser.NumberType.INT
                  || p.getNumberType() == JsonParser.NumberType.LONG)) {
                id = p.getLongValue();
              } else if (p.currentToken() == JsonToken.VALUE_STRING) {
                id = parseLongOr(p.getText(), Long.MIN_VALUE);
              } else {
                p.skipChildren();
              }
              break;
            case "result":
              resultNull = JsonValues.isNull(p);
              raw = copy(p);
              break;
            case "error":
              try {
                error = readError(p, null);
              } catch (TransportException e) {
                elementProblem = e;
                skipRest(p);
              }
              break;
            default:
              JsonValues.skip(p);
          }
          if (elementProblem != null) {
            break;
          }
        }
        long idx = id - firstId;
        if (id != Long.MIN_VALUE && idx >= 0 && idx < n && !done[(int) idx]) {
          int i = (int) idx;
          RpcCall<?> call = calls.get(i);
          done[i] = true;
          String prefix = "/" + element;
          if (elementProblem != null) {
            errors[i] = elementProblem.withPathPrefix(prefix, call.method);
          } else if (error != null && raw != null && !resultNull) {
            errors[i] = TransportException.malformed(call.method, prefix, "response has both result and error");
          } else if (error != null) {
            errors[i] = error.forMethod(call.method);
          } else if (raw == null) {
            errors[i] = TransportException.malformed(call.method, prefix, "response has neither result nor error");
          } else {
            try {
              results[i] = readResult(call, raw);
            } catch (TransportException e) {
              errors[i] = e.withPathPrefix(prefix + "/result", call.method);
            }
          }
        }
        element++;
      }
      for (int i = 0; i < n; i++) {
        if (!done[i]) {
          errors[i] = TransportException.malformed(calls.get(i).method, "",
              "no response with id " + (firstId + i) + " in the batch response");
        }
      }
      // the caller checks for trailing content before completing; defer completion to complete()
      this.results = results;
      this.errors = errors;
      return null;
    }

    Object[] results;
    TransportException[] errors;

    void complete() {
      for (int i = 0; i < futures.size(); i++) {
        if (errors[i] != null) {
          futures.get(i).completeExceptionally(errors[i]);
        } else {
          futures.get(i).complete(results[i]);
        }
      }
    }

    void failAll(TransportException e) {
      for (int i = 0; i < futures.size(); i++) {
        futures.get(i).completeExceptionally(e.forMethod(calls.get(i).method));
      }
    }
  }

  private static void skipRest(JsonParser p) throws IOException {
    // skip the remainder of the current object (parser is somewhere inside a member value)
    int depth = 0;
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      p.skipChildren();
    }
    while ((t = p.nextToken()) != null) {
      if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        depth++;
      } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
        if (depth == 0) {
          return;
        }
        depth--;
      }
    }
  }

  private static long parseLongOr(String s, long dflt) {
    if (s.isEmpty() || s.length() > 18) {
      return dflt;
    }
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return dflt;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static byte[] copy(JsonParser p) throws IOException {
    ByteBuf out = new ByteBuf(64);
    try (JsonGenerator g = JsonLimits.jsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.copyCurrentStructure(p);
    }
    return out.toByteArray();
  }

  private static <T> T readResult(RpcCall<T> call, byte[] raw) {
    try (JsonParser q = JsonLimits.jsonFactory().createParser(raw)) {
      q.nextToken();
      T v = call.reader.read(q);
      if (q.nextToken() != null) {
        throw TransportException.malformed(call.method, "", "reader did not consume the whole result");
      }
      return v;
    } catch (TransportException e) {
      throw e;
    } catch (JsonProcessingException e) {
      throw TransportException.malformed(call.method, "", "invalid JSON: " + e.getOriginalMessage());
    } catch (IOException | RuntimeException e) {
      throw TransportException.malformed(call.method, "", "unexpected value: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  // ------------------------------------------------------------------ running

  static TransportException ioFailure(String method, Duration timeout, IOException e) {
    if (e instanceof ChannelClosedException) {
      return TransportException.closed(method, e.getMessage());
    }
    if (e instanceof NotSentException || e instanceof java.net.ConnectException
        || e instanceof java.net.UnknownHostException || e instanceof java.net.NoRouteToHostException) {
      return TransportException.connect(method, e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    }
    if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
      return TransportException.io(method, "interrupted", e);
    }
    if (e instanceof InterruptedIOException) {
      return TransportException.timeout(method, timeout, e);
    }
    return TransportException.io(method, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
  }

  private long retryDelay(Exchange<?> ex, TransportException e, int attempt) {
    if (Thread.currentThread().isInterrupted() || e.kind() == TransportException.Kind.CLOSED) {
      return -1;
    }
    long d = retry.delayNanos(e, attempt, ex.idempotent);
    if (d < 0 || System.nanoTime() + d >= ex.deadline) {
      return -1;
    }
    return d;
  }

  <R> R runSync(Exchange<R> ex) {
    for (int attempt = 0; ; attempt++) {
      if (closed) {
        throw TransportException.closed(ex.method, "the client is closed");
      }
      long remaining = ex.deadline - System.nanoTime();
      if (remaining <= 0) {
        throw TransportException.timeout(ex.method, ex.timeout, null);
      }
      TransportException failure;
      try (HttpReply r = ex.send(remaining)) {
        return ex.handle(r);
      } catch (TransportException e) {
        failure = e;
      } catch (IOException e) {
        failure = ioFailure(ex.method, ex.timeout, e);
      }
      long delay = retryDelay(ex, failure, attempt);
      if (delay < 0) {
        throw failure;
      }
      try {
        TimeUnit.NANOSECONDS.sleep(delay);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw TransportException.io(ex.method, "interrupted while waiting to retry", ie);
      }
    }
  }

  <R> void runAsync(Exchange<R> ex, CompletableFuture<R> f, int attempt) {
    if (closed) {
      f.completeExceptionally(TransportException.closed(ex.method, "the client is closed"));
      return;
    }
    long remaining = ex.deadline - System.nanoTime();
    if (remaining <= 0) {
      f.completeExceptionally(TransportException.timeout(ex.method, ex.timeout, null));
      return;
    }
    ex.sendAsync(remaining, (reply, io) -> {
      TransportException failure;
      if (io != null) {
        failure = ioFailure(ex.method, ex.timeout, io);
      } else {
        try (HttpReply r = reply) {
          f.complete(ex.handle(r));
          return;
        } catch (TransportException e) {
          failure = e;
        } catch (IOException e) {
          failure = ioFailure(ex.method, ex.timeout, e);
        } catch (RuntimeException e) {
          failure = TransportException.io(ex.method, e.toString(), e);
        }
      }
      long delay = retryDelay(ex, failure, attempt);
      if (delay < 0) {
        f.completeExceptionally(failure);
        return;
      }
      try {
        scheduler().schedule(() -> runAsync(ex, f, attempt + 1), delay, TimeUnit.NANOSECONDS);
      } catch (RuntimeException rejected) {
        f.completeExceptionally(failure);
      }
    });
  }

  // ------------------------------------------------------------------ entry points

  <T> T execute(RpcCall<T> c) {
    AutoBatcher ab = autoBatcher;
    if (ab != null) {
      CompletableFuture<T> f = ab.submit(c);
      return await(f, c);
    }
    long id = ids.getAndIncrement();
    return runSync(new Single<>(id, c, encode(id, List.of(c), false)));
  }

  private static <T> T await(CompletableFuture<T> f, RpcCall<T> c) {
    try {
      return f.get(c.timeout().toNanos() + TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TransportException) {
        throw (TransportException) cause;
      }
      throw TransportException.io(c.method, String.valueOf(cause), cause);
    } catch (TimeoutException e) {
      throw TransportException.timeout(c.method, c.timeout(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw TransportException.io(c.method, "interrupted", e);
    }
  }

  <T> CompletableFuture<T> executeAsync(RpcCall<T> c) {
    AutoBatcher ab = autoBatcher;
    if (ab != null) {
      return ab.submit(c);
    }
    return executeDirectAsync(c);
  }

  <T> CompletableFuture<T> executeDirectAsync(RpcCall<T> c) {
    CompletableFuture<T> f = new CompletableFuture<>();
    long id = ids.getAndIncrement();
    byte[] body;
    try {
      body = encode(id, List.of(c), false);
    } catch (RuntimeException e) {
      f.completeExceptionally(e);
      return f;
    }
    runAsync(new Single<>(id, c, body), f, 0);
    return f;
  }

  private Batch newBatch(List<? extends RpcCall<?>> calls, List<CompletableFuture<Object>> futures) {
    long first = ids.getAndAdd(calls.size());
    boolean idempotent = true;
    Duration timeout = Duration.ZERO;
    for (RpcCall<?> c : calls) {
      idempotent &= c.idempotent;
      if (c.timeout().compareTo(timeout) > 0) {
        timeout = c.timeout();
      }
    }
    return new Batch(first, calls, futures, encode(first, calls, true), idempotent, timeout);
  }

  void executeBatch(List<? extends RpcCall<?>> calls, List<CompletableFuture<Object>> futures) {
    if (calls.isEmpty()) {
      return;
    }
    Batch b = newBatch(calls, futures);
    try {
      runSync(b);
    } catch (TransportException e) {
      b.failAll(e);
      return;
    }
    b.complete();
  }

  CompletableFuture<Void> executeBatchAsync(List<? extends RpcCall<?>> calls, List<CompletableFuture<Object>> futures) {
    if (calls.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    Batch b;
    try {
      b = newBatch(calls, futures);
    } catch (RuntimeException e) {
      for (CompletableFuture<Object> f : futures) {
        f.completeExceptionally(e);
      }
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    runAsync(b, done, 0);
    return done.handle((v, t) -> {
      if (t != null) {
        b.failAll(t instanceof TransportException ? (TransportException) t : TransportException.io(null, t.toString(), t));
      } else {
        b.complete();
      }
      return null;
    });
  }

  // ------------------------------------------------------------------ REST

  private final class Rest<T> extends Exchange<T> {
    final RestCall<T> call;

    Rest(RestCall<T> call, byte[] body) {
      super(body, call.idempotent, call.label, call.timeout());
      this.call = call;
    }

    @Override
    String target() {
      return call.target;
    }

    @Override
    HttpReply send(long timeoutNanos) throws IOException {
      return channel.request(call.verb, call.target, body, timeoutNanos, idempotent);
    }

    @Override
    void sendAsync(long timeoutNanos, HttpChannel.Callback cb) {
      channel.requestAsync(call.verb, call.target, body, timeoutNanos, idempotent, cb);
    }

    @Override
    T parse(JsonParser p) throws IOException {
      if (p.nextToken() == null) {
        throw TransportException.malformed(method, "", "empty response body");
      }
      return call.reader.read(p);
    }
  }

  private static byte[] encodeBody(BodyWriter w) {
    if (w == null) {
      return null;
    }
    ByteBuf buf = BUF.get();
    buf.reset();
    try (JsonGenerator g = JsonLimits.jsonFactory().createGenerator(buf, JsonEncoding.UTF8)) {
      w.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the JSON body", e);
    }
    return buf.toByteArray();
  }

  <T> T executeRest(RestCall<T> c) {
    return runSync(new Rest<>(c, encodeBody(c.body)));
  }

  <T> CompletableFuture<T> executeRestAsync(RestCall<T> c) {
    CompletableFuture<T> f = new CompletableFuture<>();
    byte[] body;
    try {
      body = encodeBody(c.body);
    } catch (RuntimeException e) {
      f.completeExceptionally(e);
      return f;
    }
    runAsync(new Rest<>(c, body), f, 0);
    return f;
  }

  /** Counts bytes and fails past the limit, so that a hostile body cannot exhaust memory. */
  private static final class Limited extends java.io.FilterInputStream {
    private final long limit;
    private final String method;
    private long count;

    Limited(InputStream in, long limit, String method) {
      super(in);
      this.limit = limit;
      this.method = method;
    }

    private void add(long n) {
      if (n > 0) {
        count += n;
        if (count > limit) {
          throw TransportException.malformed(method, "", "response exceeds the limit of " + limit + " bytes");
        }
      }
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      add(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      add(n);
      return n;
    }
  }

  static List<CompletableFuture<Object>> newFutures(int n) {
    List<CompletableFuture<Object>> l = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      l.add(new CompletableFuture<>());
    }
    return l;
  }
}
