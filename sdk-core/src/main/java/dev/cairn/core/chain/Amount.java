package dev.cairn.core.chain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A non-negative quantity of one asset in its base units (wei, lamports, uatom) with its {@link
 * Denomination}. Immutable.
 */
public final class Amount {
  /** Largest amount accepted: 2^256 - 1, the EVM's uint256 range. */
  public static final BigInteger MAX_UNITS = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private final BigInteger units;
  private final Denomination denomination;

  private Amount(BigInteger units, Denomination denomination) {
    this.units = units;
    this.denomination = denomination;
  }

  /**
   * An amount in base units.
   *
   * @throws ChainException (INVALID_INPUT) naming {@code amount.units} when negative or above
   *     {@link #MAX_UNITS}, or {@code amount.denomination} when null
   */
  public static Amount of(BigInteger units, Denomination denomination) {
    if (units == null || units.signum() < 0 || units.compareTo(MAX_UNITS) > 0) {
      throw Checks.invalid("amount.units: must be between 0 and 2^256-1");
    }
    if (denomination == null) {
      throw Checks.invalid("amount.denomination: is null");
    }
    return new Amount(units, denomination);
  }

  /** An amount in base units. */
  public static Amount of(long units, Denomination denomination) {
    return of(BigInteger.valueOf(units), denomination);
  }

  /** Zero of {@code denomination}. */
  public static Amount zero(Denomination denomination) {
    return of(BigInteger.ZERO, denomination);
  }

  /** The quantity in base units. */
  public BigInteger units() {
    return units;
  }

  /** The asset. */
  public Denomination denomination() {
    return denomination;
  }

  /** The quantity in display units, exact: {@code units / 10^decimals}. */
  public BigDecimal toDisplayUnits() {
    return new BigDecimal(units, denomination.decimals());
  }

  /** Whether the amount is zero. */
  public boolean isZero() {
    return units.signum() == 0;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Amount)) {
      return false;
    }
    Amount a = (Amount) o;
    return units.equals(a.units) && denomination.equals(a.denomination);
  }

  @Override
  public int hashCode() {
    return Objects.hash(units, denomination);
  }

  /** E.g. {@code "1500000000000000000 ETH/18"}. */
  @Override
  public String toString() {
    return units + " " + denomination;
  }
}
