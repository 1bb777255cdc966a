package dev.cairn.svm.rpc;

/** The lowest compute-unit price paid in a recent slot ({@code getRecentPrioritizationFees}). Immutable. */
public final class PrioritizationFee {
  private final long slot;
  private final long microLamports;

  private PrioritizationFee(long slot, long microLamports) {
    this.slot = slot;
    this.microLamports = microLamports;
  }

  /** A value. */
  public static PrioritizationFee of(long slot, long microLamports) {
    return new PrioritizationFee(slot, microLamports);
  }

  /** The slot. */
  public long slot() {
    return slot;
  }

  /** The price in micro-lamports per compute unit. */
  public long microLamports() {
    return microLamports;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PrioritizationFee && ((PrioritizationFee) o).slot == slot && ((PrioritizationFee) o).microLamports == microLamports;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(slot) * 31 + Long.hashCode(microLamports);
  }

  @Override
  public String toString() {
    return "PrioritizationFee[slot " + slot + ", " + microLamports + " micro-lamports/CU]";
  }
}
