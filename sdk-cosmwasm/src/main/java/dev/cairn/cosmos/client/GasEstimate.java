package dev.cairn.cosmos.client;

import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The result of simulating a transaction: gas wanted (the limit the simulated transaction carried)
 * and gas used, with the helpers that turn gas used into a gas limit ({@code ceil(gasUsed ×
 * multiplier)}, default multiplier {@value #DEFAULT_MULTIPLIER_TEXT}) and a fee. Immutable.
 *
 * <pre>{@code
 * GasEstimate est = rest.simulate(txBytes);
 * long gasLimit = est.gasLimit();                              // ceil(gasUsed * 1.3)
 * Coin fee = est.fee(GasPrice.parse("0.025uatom"));            // ceil(0.025 * gasLimit) uatom
 * }</pre>
 */
public final class GasEstimate {
  /** The default multiplier, as text. */
  public static final String DEFAULT_MULTIPLIER_TEXT = "1.3";
  /** The default multiplier applied to gas used. */
  public static final BigDecimal DEFAULT_MULTIPLIER = new BigDecimal(DEFAULT_MULTIPLIER_TEXT);

  private final long gasWanted;
  private final long gasUsed;

  private GasEstimate(long gasWanted, long gasUsed) {
    this.gasWanted = gasWanted;
    this.gasUsed = gasUsed;
  }

  /**
   * An estimate.
   *
   * @throws CosmosException (INVALID_INPUT) naming {@code gasWanted} or {@code gasUsed} when negative
   */
  public static GasEstimate of(long gasWanted, long gasUsed) {
    if (gasWanted < 0) {
      throw CosmosException.invalid("gasWanted", "must not be negative");
    }
    if (gasUsed < 0) {
      throw CosmosException.invalid("gasUsed", "must not be negative");
    }
    return new GasEstimate(gasWanted, gasUsed);
  }

  /** Gas wanted by the simulated transaction. */
  public long gasWanted() {
    return gasWanted;
  }

  /** Gas the simulation used. */
  public long gasUsed() {
    return gasUsed;
  }

  /** {@code ceil(gasUsed × 1.3)}. */
  public long gasLimit() {
    return gasLimit(gasUsed, DEFAULT_MULTIPLIER);
  }

  /** {@code ceil(gasUsed × multiplier)}. */
  public long gasLimit(BigDecimal multiplier) {
    return gasLimit(gasUsed, multiplier);
  }

  /** The fee for {@link #gasLimit()} at {@code price}. */
  public Coin fee(GasPrice price) {
    return price.fee(gasLimit());
  }

  /**
   * {@code ceil(gasUsed × multiplier)}.
   *
   * @throws CosmosException (INVALID_INPUT) naming {@code multiplier} (below 1 or over 100) or
   *     {@code gasLimit} (over 2^63-1)
   */
  public static long gasLimit(long gasUsed, BigDecimal multiplier) {
    if (multiplier == null || multiplier.compareTo(BigDecimal.ONE) < 0 || multiplier.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw CosmosException.invalid("multiplier", "must be between 1 and 100");
    }
    if (gasUsed < 0) {
      throw CosmosException.invalid("gasUsed", "must not be negative");
    }
    BigDecimal v = multiplier.multiply(BigDecimal.valueOf(gasUsed)).setScale(0, RoundingMode.CEILING);
    if (v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw CosmosException.invalid("gasLimit", "exceeds 2^63-1");
    }
    return v.longValueExact();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GasEstimate && ((GasEstimate) o).gasWanted == gasWanted && ((GasEstimate) o).gasUsed == gasUsed;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(gasWanted) * 31 + Long.hashCode(gasUsed);
  }

  @Override
  public String toString() {
    return "GasEstimate{wanted=" + gasWanted + ", used=" + gasUsed + "}";
  }
}
