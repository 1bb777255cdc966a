package dev.cairn.cosmos;

import java.math.BigInteger;

/**
 * An amount of one Cosmos denomination ({@code cosmos.base.v1beta1.Coin}): a denom such as {@code
 * uatom} or {@code ibc/27394F...} and a non-negative integer amount in its base unit. Immutable.
 *
 * <p>The denom follows the Cosmos SDK's rule: 3 to 128 characters, a letter first, then letters,
 * digits and {@code / : . _ -}. The amount fits in 256 bits (the SDK's {@code math.Int}).
 */
public final class Coin {
  /** The largest amount: 2^256 - 1. */
  public static final BigInteger MAX_AMOUNT = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private final String denom;
  private final BigInteger amount;

  private Coin(String denom, BigInteger amount) {
    this.denom = denom;
    this.amount = amount;
  }

  /**
   * A coin.
   *
   * @throws CosmosException (INVALID_INPUT) naming {@code coin.denom} or {@code coin.amount}
   */
  public static Coin of(String denom, BigInteger amount) {
    checkDenom(denom);
    if (amount == null || amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0) {
      throw CosmosException.invalid("coin.amount", "must be an integer between 0 and 2^256-1");
    }
    return new Coin(denom, amount);
  }

  /** A coin. */
  public static Coin of(String denom, long amount) {
    return of(denom, BigInteger.valueOf(amount));
  }

  /**
   * A coin whose amount is a decimal string, as in Cosmos JSON ({@code "1000"}).
   *
   * @throws CosmosException (INVALID_INPUT) naming {@code coin.amount} when it is not a plain
   *     non-negative decimal integer (no sign, no exponent, at most 78 digits)
   */
  public static Coin parse(String denom, String amount) {
    if (amount == null || amount.isEmpty() || amount.length() > 78) {
      throw CosmosException.invalid("coin.amount", "must be 1 to 78 decimal digits");
    }
    for (int i = 0; i < amount.length(); i++) {
      char c = amount.charAt(i);
      if (c < '0' || c > '9') {
        throw CosmosException.invalid("coin.amount", "not a decimal digit at offset " + i);
      }
    }
    return of(denom, new BigInteger(amount));
  }

  /**
   * Checks a denom against the Cosmos SDK's rule.
   *
   * @throws CosmosException (INVALID_INPUT) naming {@code coin.denom} and the offending offset
   */
  public static void checkDenom(String denom) {
    if (denom == null || denom.length() < 3 || denom.length() > 128) {
      throw CosmosException.invalid("coin.denom", "must be 3 to 128 characters");
    }
    char first = denom.charAt(0);
    if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
      throw CosmosException.invalid("coin.denom", "must start with a letter");
    }
    for (int i = 1; i < denom.length(); i++) {
      char c = denom.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '/' || c == ':' || c == '.' || c == '_' || c == '-';
      if (!ok) {
        throw CosmosException.invalid("coin.denom", "character not allowed at offset " + i);
      }
    }
  }

  /** The denomination, e.g. {@code uatom}. */
  public String denom() {
    return denom;
  }

  /** The amount in base units. */
  public BigInteger amount() {
    return amount;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Coin && ((Coin) o).denom.equals(denom) && ((Coin) o).amount.equals(amount);
  }

  @Override
  public int hashCode() {
    return denom.hashCode() * 31 + amount.hashCode();
  }

  /** {@code 1000uatom}, the Cosmos SDK's string form. */
  @Override
  public String toString() {
    return amount + denom;
  }
}
