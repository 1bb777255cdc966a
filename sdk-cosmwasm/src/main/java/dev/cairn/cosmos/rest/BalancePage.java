package dev.cairn.cosmos.rest;

import dev.cairn.cosmos.Coin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** One page of {@code /cosmos/bank/v1beta1/balances/{address}}: the coins and the key of the next page. Immutable. */
public final class BalancePage {
  private final List<Coin> balances;
  private final String nextKey;

  private BalancePage(List<Coin> balances, String nextKey) {
    this.balances = balances;
    this.nextKey = nextKey;
  }

  /** A page; {@code nextKey} is the base64 key of the next page, or {@code null}/empty on the last one. */
  public static BalancePage of(List<Coin> balances, String nextKey) {
    return new BalancePage(Collections.unmodifiableList(new ArrayList<>(balances)),
        nextKey == null || nextKey.isEmpty() ? null : nextKey);
  }

  /** The coins of this page. */
  public List<Coin> balances() {
    return balances;
  }

  /** The key to pass for the next page, empty on the last page. */
  public Optional<String> nextKey() {
    return Optional.ofNullable(nextKey);
  }

  @Override
  public String toString() {
    return "BalancePage{" + balances + (nextKey == null ? "" : ", more") + "}";
  }
}
