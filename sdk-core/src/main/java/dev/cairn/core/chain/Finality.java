package dev.cairn.core.chain;

/**
 * How final a transaction must be before {@link ChainAdapter#waitFor} returns its receipt, as a
 * value each family reads in its own terms:
 *
 * <ul>
 *   <li>EVM: {@link #confirmations(int)} (1 = in the latest block); {@link #included()} is 1.
 *   <li>Solana: the commitment levels {@link #processed()}, {@link #confirmed()} and {@link
 *       #finalized()}; {@link #included()} is {@code confirmed}.
 *   <li>Cosmos: {@link #included()} (CometBFT blocks are final once committed).
 * </ul>
 *
 * An adapter refuses a finality its family does not have with {@link ErrorKind#UNSUPPORTED}.
 * Immutable.
 */
public final class Finality {
  /** The kind of finality. */
  public enum Level {
    /** Included in a block the node accepted; the family's own notion of inclusion. */
    INCLUDED,
    /** A number of blocks on top of and including the transaction's (EVM). */
    CONFIRMATIONS,
    /** Solana "processed": in a block of the node's current fork. */
    PROCESSED,
    /** Solana "confirmed": voted on by a supermajority. */
    CONFIRMED,
    /** Solana "finalized" (rooted); EVM {@code finalized} block tag. */
    FINALIZED
  }

  private static final Finality INCLUDED = new Finality(Level.INCLUDED, 1);
  private static final Finality PROCESSED = new Finality(Level.PROCESSED, 0);
  private static final Finality CONFIRMED = new Finality(Level.CONFIRMED, 0);
  private static final Finality FINALIZED = new Finality(Level.FINALIZED, 0);

  private final Level level;
  private final int confirmations;

  private Finality(Level level, int confirmations) {
    this.level = level;
    this.confirmations = confirmations;
  }

  /** Included, as the family defines it. */
  public static Finality included() {
    return INCLUDED;
  }

  /** At least {@code n} blocks deep (EVM), n at least 1. */
  public static Finality confirmations(int n) {
    if (n < 1) {
      throw Checks.invalid("finality.confirmations: " + n + " is below 1");
    }
    return new Finality(Level.CONFIRMATIONS, n);
  }

  /** Solana "processed". */
  public static Finality processed() {
    return PROCESSED;
  }

  /** Solana "confirmed". */
  public static Finality confirmed() {
    return CONFIRMED;
  }

  /** Solana "finalized". */
  public static Finality finalized() {
    return FINALIZED;
  }

  /** The level. */
  public Level level() {
    return level;
  }

  /** Blocks required: n for {@link Level#CONFIRMATIONS}, 1 for {@link Level#INCLUDED}, 0 otherwise. */
  public int confirmationsRequired() {
    return confirmations;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Finality && ((Finality) o).level == level && ((Finality) o).confirmations == confirmations;
  }

  @Override
  public int hashCode() {
    return level.hashCode() * 31 + confirmations;
  }

  @Override
  public String toString() {
    return level == Level.CONFIRMATIONS ? "Finality{" + confirmations + " confirmations}" : "Finality{" + level + "}";
  }
}
