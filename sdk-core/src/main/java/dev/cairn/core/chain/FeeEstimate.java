package dev.cairn.core.chain;

import java.util.Objects;

/** Fees for the three {@link FeeLevel}s on one chain, for one request. Immutable. */
public final class FeeEstimate {
  private final ChainId chainId;
  private final Fee slow;
  private final Fee normal;
  private final Fee fast;

  private FeeEstimate(ChainId chainId, Fee slow, Fee normal, Fee fast) {
    this.chainId = chainId;
    this.slow = slow;
    this.normal = normal;
    this.fast = fast;
  }

  /**
   * An estimate.
   *
   * @throws ChainException (INVALID_INPUT) if a level is missing or the levels use different
   *     denominations
   */
  public static FeeEstimate of(ChainId chainId, Fee slow, Fee normal, Fee fast) {
    if (chainId == null) {
      throw Checks.invalid("feeEstimate.chainId: is null");
    }
    if (slow == null || normal == null || fast == null) {
      throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chainId,
          "feeEstimate." + (slow == null ? "slow" : normal == null ? "normal" : "fast") + ": is null"));
    }
    if (!slow.denomination().equals(normal.denomination()) || !slow.denomination().equals(fast.denomination())) {
      throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chainId,
          "feeEstimate: levels use different denominations"));
    }
    return new FeeEstimate(chainId, slow, normal, fast);
  }

  /** The chain. */
  public ChainId chainId() {
    return chainId;
  }

  /** The fee for {@code level}. */
  public Fee get(FeeLevel level) {
    switch (Objects.requireNonNull(level, "level")) {
      case SLOW: return slow;
      case FAST: return fast;
      default: return normal;
    }
  }

  /** The {@link FeeLevel#SLOW} fee. */
  public Fee slow() {
    return slow;
  }

  /** The {@link FeeLevel#NORMAL} fee. */
  public Fee normal() {
    return normal;
  }

  /** The {@link FeeLevel#FAST} fee. */
  public Fee fast() {
    return fast;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof FeeEstimate)) {
      return false;
    }
    FeeEstimate e = (FeeEstimate) o;
    return chainId.equals(e.chainId) && slow.equals(e.slow) && normal.equals(e.normal) && fast.equals(e.fast);
  }

  @Override
  public int hashCode() {
    return Objects.hash(chainId, slow, normal, fast);
  }

  @Override
  public String toString() {
    return "FeeEstimate{" + chainId + ", slow=" + slow + ", normal=" + normal + ", fast=" + fast + "}";
  }
}
