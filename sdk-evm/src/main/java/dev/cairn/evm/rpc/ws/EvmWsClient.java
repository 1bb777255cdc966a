package dev.cairn.evm.rpc.ws;

import dev.cairn.evm.rpc.BlockHeader;
import dev.cairn.evm.rpc.EvmRpcClient;
import dev.cairn.evm.rpc.Hash32;
import dev.cairn.evm.rpc.Log;
import dev.cairn.evm.rpc.LogFilter;
import dev.cairn.evm.rpc.internal.Json;
import dev.cairn.transport.ParamsWriter;
import dev.cairn.transport.ResultReader;
import dev.cairn.transport.RetryPolicy;
import dev.cairn.transport.TransportException;
import dev.cairn.transport.ws.WsGap;
import dev.cairn.transport.ws.WsRpcClient;
import dev.cairn.transport.ws.WsSubscription;
import dev.cairn.transport.ws.WsSubscriptionListener;
import dev.cairn.transport.ws.WsSubscriptionSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * {@code eth_subscribe} over a WebSocket: {@code newHeads}, {@code logs} with a filter, {@code
 * newPendingTransactions}. The EVM layer over sdk-transport's {@link WsRpcClient}, which keeps the
 * connection: when it drops, it reconnects with the backoff of the transport's one {@link
 * RetryPolicy}, resubscribes every open subscription, and this class tells each listener what it
 * may have missed ({@link SubscriptionListener#onGap}): for heads, the block numbers between the
 * last header seen and the first after reconnecting; for logs, the range from the last log's block
 * (or the head at subscription time) to the head after reconnecting, which {@link LogBackfill}
 * fetches. Thread-safe.
 */
public final class EvmWsClient implements AutoCloseable {
  private final WsRpcClient ws;

  private EvmWsClient(Builder b) {
    WsRpcClient.Builder wb = WsRpcClient.builder(b.url).retryPolicy(b.retry).requestTimeout(b.requestTimeout);
    if (b.http != null) {
      wb.okHttpClient(b.http);
    }
    this.ws = wb.build();
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
    return ws.isConnected();
  }

  /** The chain-neutral WebSocket JSON-RPC client underneath. */
  public WsRpcClient transport() {
    return ws;
  }

  /** Subscribes to new block headers. */
  public Subscription subscribeNewHeads(SubscriptionListener<BlockHeader> listener) {
    return add("newHeads", g -> g.writeString("newHeads"), BlockHeader.reader(), listener, Kind.HEADS);
  }

  /** Subscribes to logs matching {@code filter} (its block range, if any, is ignored). */
  public Subscription subscribeLogs(LogFilter filter, SubscriptionListener<Log> listener) {
    Objects.requireNonNull(filter, "filter");
    return add("logs", g -> {
      g.writeString("logs");
      filter.write(g, false);
    }, Log.reader(), listener, Kind.LOGS);
  }

  /** Subscribes to the hashes of new pending transactions. */
  public Subscription subscribeNewPendingTransactions(SubscriptionListener<Hash32> listener) {
    return add("newPendingTransactions", g -> g.writeString("newPendingTransactions"),
        p -> Hash32.parse(Json.string(p)), listener, Kind.PENDING);
  }

  private enum Kind { HEADS, LOGS, PENDING }

  private <T> Subscription add(String type, ParamsWriter params, ResultReader<T> reader,
      SubscriptionListener<T> listener, Kind kind) {
    Objects.requireNonNull(listener, "listener");
    Sub<T> s = new Sub<>(type, kind, listener);
    s.handle = ws.subscribe(WsSubscriptionSpec.of(type, "eth_subscribe", params, "eth_unsubscribe", reader), s);
    return s;
  }

  /** Tracks the blocks a subscription has seen and turns the transport's gaps into block ranges. */
  private final class Sub<T> implements Subscription, WsSubscriptionListener<T> {
    final String type;
    final Kind kind;
    final SubscriptionListener<T> listener;
    volatile WsSubscription handle;
    volatile long lastBlock = -1;
    volatile boolean lastFromLog;
    volatile Instant headGapPending;

    Sub(String type, Kind kind, SubscriptionListener<T> listener) {
      this.type = type;
      this.kind = kind;
      this.listener = listener;
    }

    /** Reads the head: it bounds what a logs subscription may have missed, and starts its tracking. */
    void trackHead(WsGap gap) {
      ws.call("eth_blockNumber", ParamsWriter.NONE, Json::quantityLong).whenComplete((head, err) -> {
        if (err != null) {
          onError(asTransport(err));
          return;
        }
        if (gap != null && lastBlock >= 0 && head >= lastBlock) {
          emitGap(new Gap(lastBlock, head, gap.disconnectedAt(), gap.resubscribedAt()));
        }
        if (lastBlock < 0 || !lastFromLog) {
          lastBlock = Math.max(lastBlock, head + 1);
          lastFromLog = false;
        }
      });
    }

    @Override
    public void onSubscribed() {
      if (kind == Kind.LOGS) {
        trackHead(null);
      }
    }

    @Override
    public void onResubscribed(WsGap gap) {
      switch (kind) {
        case LOGS:
          trackHead(gap);
          break;
        case PENDING:
          emitGap(new Gap(-1, -1, gap.disconnectedAt(), gap.resubscribedAt()));
          break;
        default:
          headGapPending = gap.disconnectedAt();
      }
    }

    @Override
    public void onEvent(T event) {
      if (event instanceof BlockHeader) {
        long n = ((BlockHeader) event).numberOrMinusOne();
        Instant lostAt = headGapPending;
        if (lostAt != null) {
          headGapPending = null;
          if (lastBlock >= 0 && n > lastBlock + 1) {
            emitGap(new Gap(lastBlock + 1, n - 1, lostAt, Instant.now()));
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

    void emitGap(Gap g) {
      try {
        listener.onGap(g);
      } catch (RuntimeException ignored) {
        // see onEvent
      }
    }

    @Override
    public void onError(TransportException error) {
      try {
        listener.onError(error);
      } catch (RuntimeException ignored) {
        // see onEvent
      }
    }

    @Override
    public String serverId() {
      WsSubscription h = handle;
      return h == null ? null : h.serverId();
    }

    @Override
    public String type() {
      return type;
    }

    @Override
    public void close() {
      WsSubscription h = handle;
      if (h != null) {
        h.close();
      }
    }
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  private static TransportException asTransport(Throwable t) {
    Throwable c = unwrap(t);
    return c instanceof TransportException ? (TransportException) c
        : TransportException.io("eth_blockNumber", String.valueOf(c), c);
  }

  /** Closes every subscription and the socket; no reconnection afterwards. */
  @Override
  public void close() {
    ws.close();
  }

  /** Builds an {@link EvmWsClient}. */
  public static final class Builder {
    private final String url;
    private OkHttpClient http;
    private RetryPolicy retry = RetryPolicy.DEFAULT;
    private Duration requestTimeout = Duration.ofSeconds(30);

    private Builder(String url) {
      this.url = url;
    }

    /** Uses the caller's OkHttp client (e.g. {@link EvmRpcClient#okHttpClient()}). */
    public Builder okHttpClient(OkHttpClient client) {
      this.http = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * The policy whose backoff paces reconnections (default {@link RetryPolicy#DEFAULT}, the one
     * HTTP calls use too).
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retry = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Reconnection backoff: first delay and cap (jittered to [d/2, d]); shorthand for a {@link
     * #retryPolicy} with these backoffs and the default's other settings.
     */
    public Builder reconnectBackoff(Duration initial, Duration max) {
      if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("backoff must be positive and max >= initial");
      }
      this.retry = RetryPolicy.of(RetryPolicy.DEFAULT.maxAttempts(), initial, max, RetryPolicy.DEFAULT.maxRetryAfter());
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
