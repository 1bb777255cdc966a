package dev.cairn.evm.nonce;

import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ErrorKind;
import java.math.BigInteger;

/**
 * Fees for replacing a pending transaction (same sender and nonce): speed-up (same content, higher
 * fees) and cancel (a 0-value transfer to oneself, higher fees). Geth's pool accepts a replacement
 * only if every fee field rose by at least {@value #MIN_BUMP_PERCENT}% ({@code txpool.pricebump});
 * other clients use the same or a lower threshold. Immutable.
 */
public final class ReplacementFees {
  /** The minimum bump geth requires, in percent. */
  public static final int MIN_BUMP_PERCENT = 10;

  private static final BigInteger HUNDRED = BigInteger.valueOf(100);

  private final BigInteger maxFeePerGas;
  private final BigInteger maxPriorityFeePerGas;

  private ReplacementFees(BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas) {
    this.maxFeePerGas = maxFeePerGas;
    this.maxPriorityFeePerGas = maxPriorityFeePerGas;
  }

  /**
   * {@code value} raised by {@code percent}, rounded up, and at least {@code value + 1} so that a
   * zero or tiny fee still rises.
   */
  public static BigInteger bump(BigInteger value, int percent) {
    if (value == null || value.signum() < 0) {
      throw invalid("fee: null or negative");
    }
    if (percent < MIN_BUMP_PERCENT || percent > 1000) {
      throw invalid("percent: " + percent + " outside " + MIN_BUMP_PERCENT + "..1000");
    }
    BigInteger[] qr = value.multiply(BigInteger.valueOf(100L + percent)).divideAndRemainder(HUNDRED);
    BigInteger up = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    return up.max(value.add(BigInteger.ONE));
  }

  /**
   * EIP-1559 replacement fees: each of the old fees bumped by {@code percent}, and at least the
   * current market fees (so the replacement is also competitive now).
   *
   * @param oldMaxFee the pending transaction's maxFeePerGas
   * @param oldPriorityFee its maxPriorityFeePerGas
   * @param marketMaxFee the current suggestion for maxFeePerGas (or zero)
   * @param marketPriorityFee the current suggestion for maxPriorityFeePerGas (or zero)
   */
  public static ReplacementFees eip1559(BigInteger oldMaxFee, BigInteger oldPriorityFee, BigInteger marketMaxFee,
      BigInteger marketPriorityFee, int percent) {
    if (marketMaxFee == null || marketPriorityFee == null) {
      throw invalid("market fees: null");
    }
    BigInteger priority = bump(oldPriorityFee, percent).max(marketPriorityFee);
    BigInteger max = bump(oldMaxFee, percent).max(marketMaxFee).max(priority);
    return new ReplacementFees(max, priority);
  }

  /** Legacy (gasPrice) replacement: the old price bumped by {@code percent}, at least the market price. */
  public static BigInteger legacy(BigInteger oldGasPrice, BigInteger marketGasPrice, int percent) {
    if (marketGasPrice == null) {
      throw invalid("market gas price: null");
    }
    return bump(oldGasPrice, percent).max(marketGasPrice);
  }

  /** Whether a replacement with these fees passes geth's rule against the old fees. */
  public static boolean acceptableReplacement(BigInteger oldFee, BigInteger newFee) {
    return newFee.multiply(HUNDRED).compareTo(oldFee.multiply(BigInteger.valueOf(100L + MIN_BUMP_PERCENT))) >= 0;
  }

  /** The replacement's maxFeePerGas. */
  public BigInteger maxFeePerGas() {
    return maxFeePerGas;
  }

  /** The replacement's maxPriorityFeePerGas. */
  public BigInteger maxPriorityFeePerGas() {
    return maxPriorityFeePerGas;
  }

  private static ChainException invalid(String m) {
    return new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, null, "replacement " + m));
  }

  @Override
  public String toString() {
    return "ReplacementFees{maxFeePerGas=" + maxFeePerGas + ", maxPriorityFeePerGas=" + maxPriorityFeePerGas + "}";
  }
}
