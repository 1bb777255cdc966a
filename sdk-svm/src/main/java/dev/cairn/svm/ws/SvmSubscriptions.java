package dev.cairn.svm.ws;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.rpc.AccountEncoding;
import dev.cairn.svm.rpc.AccountFilter;
import dev.cairn.svm.rpc.Commitment;
import dev.cairn.svm.rpc.internal.RpcJson;
import dev.cairn.transport.RetryPolicy;
import dev.cairn.transport.ws.WsRpcClient;
import dev.cairn.transport.ws.WsSubscription;
import dev.cairn.transport.ws.WsSubscriptionListener;
import dev.cairn.transport.ws.WsSubscriptionSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * Solana WebSocket subscriptions (account, program, signature, logs, slot) over sdk-transport's
 * {@link WsRpcClient}: typed notifications, and subscriptions that survive reconnections (the
 * client reconnects with its retry policy's backoff, resubscribes, and calls each listener's
 * {@link WsSubscriptionListener#onResubscribed} with the gap before any new event, so that a
 * caller can re-read state it may have missed). A notification of the wrong shape goes to {@link
 * WsSubscriptionListener#onError} as a {@code MALFORMED_RESPONSE} naming the field.
 *
 * <p>A signature subscription ends at the node after its processed notification; close it then
 * (after a reconnection the node would otherwise be asked again, and answers at once only if the
 * signature is still in its status cache).
 *
 * <pre>{@code
 * try (SvmSubscriptions subs = SvmSubscriptions.builder("ws://127.0.0.1:8900").commitment(Commitment.CONFIRMED).build()) {
 *   WsSubscription balance = subs.accountSubscribe(wallet, AccountEncoding.BASE64,
 *       n -> System.out.println(n.slot() + ": " + n.account().lamports()));
 *   WsSubscription landed = subs.signatureSubscribe(signature,
 *       n -> System.out.println(n.err().map(e -> "failed: " + e).orElse("confirmed")));
 * }
 * }</pre>
 *
 * Thread-safe.
 */
public final class SvmSubscriptions implements AutoCloseable {
  private final WsRpcClient ws;
  private final Commitment commitment;
  private final boolean owned;

  private SvmSubscriptions(WsRpcClient ws, Commitment commitment, boolean owned) {
    this.ws = ws;
    this.commitment = commitment;
    this.owned = owned;
  }

  /** Connects to {@code url} ({@code ws://} or {@code wss://}) with the defaults. */
  public static SvmSubscriptions connect(String url) {
    return builder(url).build();
  }

  /** A builder for {@code url}. */
  public static Builder builder(String url) {
    return new Builder(url);
  }

  /** Subscriptions over an existing client (not closed by {@link #close()}); {@code commitment} may be null (the node's default). */
  public static SvmSubscriptions over(WsRpcClient client, Commitment commitment) {
    return new SvmSubscriptions(Objects.requireNonNull(client, "client"), commitment, false);
  }

  /** The WebSocket client underneath. */
  public WsRpcClient transport() {
    return ws;
  }

  /** Whether the socket is open now. */
  public boolean isConnected() {
    return ws.isConnected();
  }

  /** {@code accountSubscribe}: the account's state whenever it changes. */
  public WsSubscription accountSubscribe(Pubkey address, AccountEncoding encoding, WsSubscriptionListener<AccountNotification> listener) {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(encoding, "encoding");
    return ws.subscribe(WsSubscriptionSpec.of("accountSubscribe " + address, "accountSubscribe", g -> {
      g.writeString(address.toBase58());
      config(g, encoding);
    }, "accountUnsubscribe", p -> RpcJson.accountNotification(p, address)), listener);
  }

  /** {@code programSubscribe}: every account owned by {@code programId} (passing the filters) whenever it changes. */
  public WsSubscription programSubscribe(Pubkey programId, List<AccountFilter> filters, AccountEncoding encoding,
      WsSubscriptionListener<AccountNotification> listener) {
    Objects.requireNonNull(programId, "programId");
    Objects.requireNonNull(encoding, "encoding");
    List<AccountFilter> fs = RpcJson.checkFilters(filters);
    return ws.subscribe(WsSubscriptionSpec.of("programSubscribe " + programId, "programSubscribe", g -> {
      g.writeString(programId.toBase58());
      g.writeStartObject();
      g.writeStringField("encoding", encoding.wireName());
      if (commitment != null) {
        g.writeStringField("commitment", commitment.wireName());
      }
      RpcJson.writeFilters(g, fs);
      g.writeEndObject();
    }, "programUnsubscribe", RpcJson::programNotification), listener);
  }

  /** {@code signatureSubscribe}: one notification when the transaction reaches the client's commitment. */
  public WsSubscription signatureSubscribe(String signature, WsSubscriptionListener<SignatureNotification> listener) {
    Objects.requireNonNull(signature, "signature");
    if (signature.length() < 64 || signature.length() > 88) {
      throw new IllegalArgumentException("signature: not a base58 signature: " + signature);
    }
    return ws.subscribe(WsSubscriptionSpec.of("signatureSubscribe " + signature, "signatureSubscribe", g -> {
      g.writeString(signature);
      if (commitment != null) {
        g.writeStartObject();
        g.writeStringField("commitment", commitment.wireName());
        g.writeEndObject();
      }
    }, "signatureUnsubscribe", RpcJson::signatureNotification), listener);
  }

  /** {@code logsSubscribe}: the logs of each transaction the filter selects. */
  public WsSubscription logsSubscribe(LogsFilter filter, WsSubscriptionListener<LogsNotification> listener) {
    Objects.requireNonNull(filter, "filter");
    return ws.subscribe(WsSubscriptionSpec.of("logsSubscribe " + filter, "logsSubscribe", g -> {
      if (filter.address().isPresent()) {
        g.writeStartObject();
        g.writeArrayFieldStart("mentions");
        g.writeString(filter.address().get().toBase58());
        g.writeEndArray();
        g.writeEndObject();
      } else {
        g.writeString(filter.kind());
      }
      if (commitment != null) {
        g.writeStartObject();
        g.writeStringField("commitment", commitment.wireName());
        g.writeEndObject();
      }
    }, "logsUnsubscribe", RpcJson::logsNotification), listener);
  }

  /** {@code slotSubscribe}: every new slot. */
  public WsSubscription slotSubscribe(WsSubscriptionListener<SlotNotification> listener) {
    return ws.subscribe(WsSubscriptionSpec.of("slotSubscribe", "slotSubscribe", g -> { }, "slotUnsubscribe", RpcJson::slotNotification), listener);
  }

  private void config(JsonGenerator g, AccountEncoding encoding) throws IOException {
    g.writeStartObject();
    g.writeStringField("encoding", encoding.wireName());
    if (commitment != null) {
      g.writeStringField("commitment", commitment.wireName());
    }
    g.writeEndObject();
  }

  /** Closes the WebSocket client when this instance made it. */
  @Override
  public void close() {
    if (owned) {
      ws.close();
    }
  }

  @Override
  public String toString() {
    return "SvmSubscriptions[" + ws + "]";
  }

  /** Options of {@link SvmSubscriptions}. */
  public static final class Builder {
    private final WsRpcClient.Builder ws;
    private Commitment commitment;

    private Builder(String url) {
      this.ws = WsRpcClient.builder(Objects.requireNonNull(url, "url"));
    }

    /** The commitment of every subscription (default: omitted, the node's default, finalized). */
    public Builder commitment(Commitment c) {
      this.commitment = Objects.requireNonNull(c, "commitment");
      return this;
    }

    /** The OkHttp client (e.g. the RPC client's, to share its pool). */
    public Builder okHttpClient(OkHttpClient client) {
      ws.okHttpClient(client);
      return this;
    }

    /** The reconnection backoff (default {@link RetryPolicy#DEFAULT}; reconnection never gives up). */
    public Builder retryPolicy(RetryPolicy policy) {
      ws.retryPolicy(policy);
      return this;
    }

    /** The timeout of subscribe and unsubscribe requests. */
    public Builder requestTimeout(Duration timeout) {
      ws.requestTimeout(timeout);
      return this;
    }

    /** Connects (the socket opens in the background; subscriptions made before are sent once it is open). */
    public SvmSubscriptions build() {
      return new SvmSubscriptions(ws.build(), commitment, true);
    }
  }
}
