package dev.cairn.evm.rpc;

import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.Denomination;
import dev.cairn.core.chain.Fee;
import dev.cairn.core.chain.FeeEstimate;
import dev.cairn.core.chain.FeeLevel;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * EIP-1559 fee suggestions for three urgency levels, computed from {@code eth_feeHistory} by
 * {@link EvmRpcClient#suggestFees()}. Formula, for a level with reward percentile {@code p}:
 *
 * <pre>
 *   priority(p)  = median of reward[b][p] over the sampled blocks b whose gasUsedRatio &gt; 0
 *                  (the fallback priority fee when no sampled block had transactions),
 *                  raised to at least the slower level's value
 *   maxFee(p)    = nextBaseFee * baseFeeMultiplier + priority(p)
 * </pre>
 *
 * where {@code nextBaseFee} is the last {@code baseFeePerGas} entry (the pending block's). With
 * the defaults (percentiles 10/50/90, 10 blocks, multiplier 2) this follows ethers' {@code maxFeePerGas
 * = 2 * baseFee + priority}; viem uses a multiplier of 1.2 and {@code eth_maxPriorityFeePerGas}
 * for the tip. A doubled base fee stays valid through six consecutive full blocks (each raises the
 * base fee by at most 12.5%). Immutable.
 */
public final class FeeSuggestion {
  /** One level's pair of EIP-1559 prices, in wei. */
  public static final class Level {
    private final BigInteger maxFeePerGas;
    private final BigInteger maxPriorityFeePerGas;

    Level(BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas) {
      this.maxFeePerGas = maxFeePerGas;
      this.maxPriorityFeePerGas = maxPriorityFeePerGas;
    }

    /** The max fee per gas (base fee allowance plus tip). */
    public BigInteger maxFeePerGas() {
      return maxFeePerGas;
    }

    /** The max priority fee per gas (tip). */
    public BigInteger maxPriorityFeePerGas() {
      return maxPriorityFeePerGas;
    }

    @Override
    public String toString() {
      return "{maxFee=" + maxFeePerGas + ", priority=" + maxPriorityFeePerGas + "}";
    }
  }

  private final BigInteger nextBaseFeePerGas;
  private final Level slow;
  private final Level normal;
  private final Level fast;

  private FeeSuggestion(BigInteger nextBaseFeePerGas, Level slow, Level normal, Level fast) {
    this.nextBaseFeePerGas = nextBaseFeePerGas;
    this.slow = slow;
    this.normal = normal;
    this.fast = fast;
  }

  /**
   * Applies the formula of the class comment to a fee history requested with three percentiles
   * (slow, normal, fast).
   *
   * @param multiplierNumerator base-fee multiplier numerator (e.g. 2, or 12 with denominator 10)
   * @param multiplierDenominator base-fee multiplier denominator
   * @param fallbackPriorityFee the tip used when no sampled block had transactions
   */
  public static FeeSuggestion fromFeeHistory(FeeHistory h, long multiplierNumerator, long multiplierDenominator,
      BigInteger fallbackPriorityFee) {
    if (multiplierNumerator <= 0 || multiplierDenominator <= 0) {
      throw new IllegalArgumentException("base fee multiplier must be positive");
    }
    BigInteger base = h.nextBaseFeePerGas();
    BigInteger projected = base.multiply(BigInteger.valueOf(multiplierNumerator))
        .add(BigInteger.valueOf(multiplierDenominator - 1)).divide(BigInteger.valueOf(multiplierDenominator));
    BigInteger[] prio = new BigInteger[3];
    for (int level = 0; level < 3; level++) {
      java.util.ArrayList<BigInteger> samples = new java.util.ArrayList<>();
      List<List<BigInteger>> reward = h.reward();
      for (int b = 0; b < reward.size(); b++) {
        boolean nonEmpty = b >= h.gasUsedRatio().size() || h.gasUsedRatio().get(b) > 0;
        List<BigInteger> r = reward.get(b);
        if (nonEmpty && level < r.size()) {
          samples.add(r.get(level));
        }
      }
      BigInteger p;
      if (samples.isEmpty()) {
        p = fallbackPriorityFee;
      } else {
        samples.sort(null);
        int n = samples.size();
        p = n % 2 == 1 ? samples.get(n / 2) : samples.get(n / 2 - 1).add(samples.get(n / 2)).shiftRight(1);
      }
      if (level > 0 && p.compareTo(prio[level - 1]) < 0) {
        p = prio[level - 1];
      }
      prio[level] = p;
    }
    return new FeeSuggestion(base, new Level(projected.add(prio[0]), prio[0]),
        new Level(projected.add(prio[1]), prio[1]), new Level(projected.add(prio[2]), prio[2]));
  }

  /** The next block's base fee per gas. */
  public BigInteger nextBaseFeePerGas() {
    return nextBaseFeePerGas;
  }

  /** The slow level (low percentile). */
  public Level slow() {
    return slow;
  }

  /** The normal level (median). */
  public Level normal() {
    return normal;
  }

  /** The fast level (high percentile). */
  public Level fast() {
    return fast;
  }

  /** The level for {@code level}. */
  public Level get(FeeLevel level) {
    switch (level) {
      case SLOW: return slow;
      case FAST: return fast;
      default: return normal;
    }
  }

  /**
   * These suggestions as an sdk-core {@link FeeEstimate}: per level, a {@link Fee} with {@code
   * limit = gasLimit}, {@code unitPrice = maxFeePerGas}, {@code priorityUnitPrice =
   * maxPriorityFeePerGas}, no fixed part.
   */
  public FeeEstimate toFeeEstimate(ChainId chainId, Denomination denomination, long gasLimit) {
    return FeeEstimate.of(chainId, fee(denomination, gasLimit, slow), fee(denomination, gasLimit, normal),
        fee(denomination, gasLimit, fast));
  }

  private static Fee fee(Denomination d, long gasLimit, Level l) {
    return Fee.of(d, gasLimit, new BigDecimal(l.maxFeePerGas), new BigDecimal(l.maxPriorityFeePerGas), BigInteger.ZERO);
  }

  @Override
  public String toString() {
    return "FeeSuggestion{baseFee=" + nextBaseFeePerGas + ", slow=" + slow + ", normal=" + normal + ", fast=" + fast + "}";
  }
}
