package dev.cairn.core.chain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A fee offer in family-neutral terms: a resource limit, a price per unit of it, a priority part
 * and a fixed part, all in base units of the chain's native denomination. How each family fills it:
 *
 * <table>
 *   <caption>Fee fields per family</caption>
 *   <tr><th>field</th><th>EVM (EIP-1559)</th><th>SVM</th><th>Cosmos</th></tr>
 *   <tr><td>{@link #limit()}</td><td>gas limit</td><td>compute-unit limit</td><td>gas limit</td></tr>
 *   <tr><td>{@link #unitPrice()}</td><td>maxFeePerGas (wei)</td><td>compute-unit price in lamports
 *       (micro-lamports / 10^6)</td><td>gas price, e.g. 0.025 (uatom)</td></tr>
 *   <tr><td>{@link #priorityUnitPrice()}</td><td>maxPriorityFeePerGas (wei)</td><td>same as unit
 *       price</td><td>0, or the tip on fee-market chains</td></tr>
 *   <tr><td>{@link #fixed()}</td><td>0</td><td>5000 lamports per signature</td><td>0</td></tr>
 * </table>
 *
 * {@link #maxTotal()} is the most the sender pays: {@code fixed + ceil(limit * unitPrice)}.
 * Immutable.
 */
public final class Fee {
  private final Denomination denomination;
  private final long limit;
  private final BigDecimal unitPrice;
  private final BigDecimal priorityUnitPrice;
  private final BigInteger fixed;

  private Fee(Denomination d, long limit, BigDecimal unitPrice, BigDecimal priority, BigInteger fixed) {
    this.denomination = d;
    this.limit = limit;
    this.unitPrice = unitPrice;
    this.priorityUnitPrice = priority;
    this.fixed = fixed;
  }

  /**
   * A fee.
   *
   * @throws ChainException (INVALID_INPUT) naming the field when a value is null or negative, or
   *     the priority price exceeds the unit price
   */
  public static Fee of(Denomination denomination, long limit, BigDecimal unitPrice,
      BigDecimal priorityUnitPrice, BigInteger fixed) {
    if (denomination == null) {
      throw Checks.invalid("fee.denomination: is null");
    }
    if (limit < 0) {
      throw Checks.invalid("fee.limit: " + limit + " is negative");
    }
    if (unitPrice == null || unitPrice.signum() < 0) {
      throw Checks.invalid("fee.unitPrice: is null or negative");
    }
    if (priorityUnitPrice == null || priorityUnitPrice.signum() < 0) {
      throw Checks.invalid("fee.priorityUnitPrice: is null or negative");
    }
    if (priorityUnitPrice.compareTo(unitPrice) > 0) {
      throw Checks.invalid("fee.priorityUnitPrice: exceeds fee.unitPrice");
    }
    if (fixed == null || fixed.signum() < 0) {
      throw Checks.invalid("fee.fixed: is null or negative");
    }
    return new Fee(denomination, limit, unitPrice, priorityUnitPrice, fixed);
  }

  /** The native denomination all prices are in. */
  public Denomination denomination() {
    return denomination;
  }

  /** Gas or compute-unit limit. */
  public long limit() {
    return limit;
  }

  /** Maximum price per unit of {@link #limit()}, in base units (may be fractional). */
  public BigDecimal unitPrice() {
    return unitPrice;
  }

  /** The priority (tip) part of the unit price, in base units. */
  public BigDecimal priorityUnitPrice() {
    return priorityUnitPrice;
  }

  /** The fixed part, independent of the limit, in base units. */
  public BigInteger fixed() {
    return fixed;
  }

  /** The most the sender pays: {@code fixed + ceil(limit * unitPrice)}. */
  public Amount maxTotal() {
    BigInteger variable = unitPrice.multiply(BigDecimal.valueOf(limit)).setScale(0, RoundingMode.CEILING).toBigIntegerExact();
    return Amount.of(fixed.add(variable), denomination);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Fee)) {
      return false;
    }
    Fee f = (Fee) o;
    return limit == f.limit && denomination.equals(f.denomination)
        && unitPrice.compareTo(f.unitPrice) == 0
        && priorityUnitPrice.compareTo(f.priorityUnitPrice) == 0
        && fixed.equals(f.fixed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(denomination, limit, unitPrice.stripTrailingZeros(), priorityUnitPrice.stripTrailingZeros(), fixed);
  }

  @Override
  public String toString() {
    return "Fee{limit=" + limit + ", unitPrice=" + unitPrice.toPlainString() + ", priority="
        + priorityUnitPrice.toPlainString() + ", fixed=" + fixed + ", max=" + maxTotal() + "}";
  }
}
