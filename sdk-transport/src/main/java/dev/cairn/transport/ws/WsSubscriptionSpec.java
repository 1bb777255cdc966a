package dev.cairn.transport.ws;

import dev.cairn.transport.ParamsWriter;
import dev.cairn.transport.ResultReader;
import java.util.Objects;

/**
 * How to open and close one kind of subscription: the subscribe method and its parameters, the
 * unsubscribe method, and the reader of each notification's {@code params.result}. Notifications
 * are matched by {@code params.subscription}, the id the subscribe call returned (a string or a
 * number), whatever the notification's method name ({@code eth_subscription}, {@code
 * accountNotification}, ...). Immutable.
 *
 * @param <T> the event type
 */
public final class WsSubscriptionSpec<T> {
  final String name;
  final String subscribeMethod;
  final ParamsWriter params;
  final String unsubscribeMethod;
  final ResultReader<T> eventReader;
  /** Null for notifications matched by {@code params.subscription}; else the suffix of the event responses' id. */
  final String eventIdSuffix;
  /** Null to unsubscribe with the server id; else the unsubscribe parameters. */
  final ParamsWriter unsubscribeParams;

  private WsSubscriptionSpec(String name, String subscribeMethod, ParamsWriter params, String unsubscribeMethod,
      ResultReader<T> eventReader, String eventIdSuffix, ParamsWriter unsubscribeParams) {
    this.name = name;
    this.subscribeMethod = subscribeMethod;
    this.params = params;
    this.unsubscribeMethod = unsubscribeMethod;
    this.eventReader = eventReader;
    this.eventIdSuffix = eventIdSuffix;
    this.unsubscribeParams = unsubscribeParams;
  }

  /**
   * A subscription spec.
   *
   * @param name a short name for messages and {@link WsSubscription#name()} (e.g. {@code newHeads})
   * @param subscribeMethod e.g. {@code eth_subscribe}, {@code accountSubscribe}
   * @param params the subscribe parameters (the array's elements)
   * @param unsubscribeMethod e.g. {@code eth_unsubscribe}; called with the server id as the only parameter
   * @param eventReader reads each notification's {@code params.result}
   */
  public static <T> WsSubscriptionSpec<T> of(String name, String subscribeMethod, ParamsWriter params,
      String unsubscribeMethod, ResultReader<T> eventReader) {
    return new WsSubscriptionSpec<>(Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(subscribeMethod, "subscribeMethod"), params == null ? ParamsWriter.NONE : params,
        Objects.requireNonNull(unsubscribeMethod, "unsubscribeMethod"),
        Objects.requireNonNull(eventReader, "eventReader"), null, null);
  }

  /**
   * A subscription whose events arrive as JSON-RPC <em>responses</em> rather than notifications:
   * each event is a response whose {@code id} is the subscribe request's id followed by {@code
   * eventIdSuffix} (as a string) and whose {@code result} is the event, read by {@code eventReader};
   * the subscribe call's own result is ignored, and unsubscribing sends {@code unsubscribeParams}
   * rather than a server id. This is CometBFT's shape ({@code subscribe} with a query, events with
   * id {@code "<id>#event"}, {@code unsubscribe} with the same query). Resubscription after a
   * reconnection and gap reporting work as for {@link #of}.
   *
   * @param eventIdSuffix e.g. {@code "#event"}; not empty
   */
  public static <T> WsSubscriptionSpec<T> ofResponseEvents(String name, String subscribeMethod, ParamsWriter params,
      String eventIdSuffix, String unsubscribeMethod, ParamsWriter unsubscribeParams, ResultReader<T> eventReader) {
    Objects.requireNonNull(eventIdSuffix, "eventIdSuffix");
    if (eventIdSuffix.isEmpty()) {
      throw new IllegalArgumentException("eventIdSuffix must not be empty");
    }
    return new WsSubscriptionSpec<>(Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(subscribeMethod, "subscribeMethod"), params == null ? ParamsWriter.NONE : params,
        Objects.requireNonNull(unsubscribeMethod, "unsubscribeMethod"),
        Objects.requireNonNull(eventReader, "eventReader"), eventIdSuffix,
        unsubscribeParams == null ? ParamsWriter.NONE : unsubscribeParams);
  }

  /** The name. */
  public String name() {
    return name;
  }
}
