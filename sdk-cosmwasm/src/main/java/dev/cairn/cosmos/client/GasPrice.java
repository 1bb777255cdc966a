package dev.cairn.cosmos.client;

import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A gas price such as {@code 0.025uatom}: a non-negative decimal amount of a denom per unit of
 * gas. The fee for a gas limit is {@code ceil(amount × gasLimit)} of the denom, as CosmJS's {@code
 * calculateFee} computes it. Immutable.
 */
public final class GasPrice {
  /** At most this many characters in the decimal amount. */
  private static final int MAX_AMOUNT_CHARS = 40;

  private final BigDecimal amount;
  private final String denom;

  private GasPrice(BigDecimal amount, String denom) {
    this.amount = amount;
    this.denom = denom;
  }

  /**
   * A gas price.
   *
   * @throws CosmosException (INVALID_INPUT) naming {@code gasPrice.amount} or {@code coin.denom}
   */
  public static GasPrice of(BigDecimal amount, String denom) {
    if (amount == null || amount.signum() < 0) {
      throw CosmosException.invalid("gasPrice.amount", "must be a non-negative decimal");
    }
    Coin.checkDenom(denom);
    return new GasPrice(amount, denom);
  }

  /**
   * Parses {@code <decimal><denom>}, e.g. {@code 0.025uatom}, {@code 25ibc/27394F...} or {@code
   * 0.0025inj}: digits with at most one decimal point (no sign, no exponent), then a denom.
   *
   * @throws CosmosException (INVALID_INPUT) naming {@code gasPrice} and the offending offset
   */
  public static GasPrice parse(String text) {
    if (text == null || text.isEmpty()) {
      throw CosmosException.invalid("gasPrice", "must not be empty");
    }
    int i = 0;
    boolean dot = false;
    int digits = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        break;
      }
      i++;
    }
    if (digits == 0) {
      throw CosmosException.invalid("gasPrice", "expected a decimal amount at offset 0");
    }
    if (i > MAX_AMOUNT_CHARS) {
      throw CosmosException.invalid("gasPrice", "amount longer than " + MAX_AMOUNT_CHARS + " characters");
    }
    if (text.charAt(i - 1) == '.' || text.charAt(0) == '.') {
      throw CosmosException.invalid("gasPrice", "decimal point without digits on both sides at offset "
          + (text.charAt(0) == '.' ? 0 : i - 1));
    }
    if (i == text.length()) {
      throw CosmosException.invalid("gasPrice", "missing denom at offset " + i);
    }
    return of(new BigDecimal(text.substring(0, i)), text.substring(i));
  }

  /** The amount per unit of gas. */
  public BigDecimal amount() {
    return amount;
  }

  /** The denom. */
  public String denom() {
    return denom;
  }

  /**
   * The fee for {@code gasLimit}: {@code ceil(amount × gasLimit)} of the denom.
   *
   * @throws CosmosException (INVALID_INPUT) naming {@code gasLimit} when it is negative
   */
  public Coin fee(long gasLimit) {
    if (gasLimit < 0) {
      throw CosmosException.invalid("gasLimit", "must not be negative");
    }
    BigInteger v = amount.multiply(BigDecimal.valueOf(gasLimit)).setScale(0, RoundingMode.CEILING).toBigIntegerExact();
    return Coin.of(denom, v);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GasPrice && ((GasPrice) o).amount.compareTo(amount) == 0 && ((GasPrice) o).denom.equals(denom);
  }

  @Override
  public int hashCode() {
    return Objects.hash(amount.stripTrailingZeros(), denom);
  }

  /** {@code 0.025uatom}. */
  @Override
  public String toString() {
    return amount.toPlainString() + denom;
  }
}
