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

  private WsSubscriptionSpec(String name, String subscribeMethod, ParamsWriter params, String unsubscribeMethod,
      ResultReader<T> eventReader) {
    this.name = name;
    this.subscribeMethod = subscribeMethod;
    this.params = params;
    this.unsubscribeMethod = unsubscribeMethod;
    this.eventReader = eventReader;
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
        Objects.requireNonNull(eventReader, "eventReader"));
  }

  /** The name. */
  public String name() {
    return name;
  }
}
