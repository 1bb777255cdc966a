package dev.cairn.svm.rpc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/** A token balance: the raw amount (u64) and the mint's decimals ({@code getTokenAccountBalance}). Immutable. */
public final class TokenAmount {
  private final BigInteger amount;
  private final int decimals;

  private TokenAmount(BigInteger amount, int decimals) {
    this.amount = amount;
    this.decimals = decimals;
  }

  /** A balance. */
  public static TokenAmount of(BigInteger amount, int decimals) {
    Objects.requireNonNull(amount, "amount");
    if (amount.signum() < 0 || amount.bitLength() > 64) {
      throw new IllegalArgumentException("amount: must be a u64, got " + amount);
    }
    if (decimals < 0 || decimals > 255) {
      throw new IllegalArgumentException("decimals: must be 0..255, got " + decimals);
    }
    return new TokenAmount(amount, decimals);
  }

  /** The raw amount in the smallest unit. */
  public BigInteger amount() {
    return amount;
  }

  /** The mint's decimals. */
  public int decimals() {
    return decimals;
  }

  /** The amount in whole tokens ({@code amount / 10^decimals}), exact. */
  public BigDecimal uiAmount() {
    return new BigDecimal(amount, decimals).stripTrailingZeros();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TokenAmount && ((TokenAmount) o).amount.equals(amount) && ((TokenAmount) o).decimals == decimals;
  }

  @Override
  public int hashCode() {
    return amount.hashCode() * 31 + decimals;
  }

  @Override
  public String toString() {
    return uiAmount().toPlainString() + " (" + amount + " / 10^" + decimals + ")";
  }
}
