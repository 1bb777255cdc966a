package dev.cairn.svm.ws;

import dev.cairn.svm.Pubkey;
import java.util.Objects;

/** Which transactions' logs {@code logsSubscribe} delivers. Immutable. */
public final class LogsFilter {
  private static final LogsFilter ALL = new LogsFilter("all", null);
  private static final LogsFilter ALL_WITH_VOTES = new LogsFilter("allWithVotes", null);

  private final String kind;
  private final Pubkey mentions;

  private LogsFilter(String kind, Pubkey mentions) {
    this.kind = kind;
    this.mentions = mentions;
  }

  /** Every transaction except simple votes. */
  public static LogsFilter all() {
    return ALL;
  }

  /** Every transaction, votes included. */
  public static LogsFilter allWithVotes() {
    return ALL_WITH_VOTES;
  }

  /** Transactions that mention {@code address} (one address: the node's limit). */
  public static LogsFilter mentions(Pubkey address) {
    return new LogsFilter("mentions", Objects.requireNonNull(address, "address"));
  }

  /** {@code all}, {@code allWithVotes} or {@code mentions}. */
  public String kind() {
    return kind;
  }

  /** The mentioned address, for {@link #mentions}. */
  public java.util.Optional<Pubkey> address() {
    return java.util.Optional.ofNullable(mentions);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogsFilter && ((LogsFilter) o).kind.equals(kind) && Objects.equals(((LogsFilter) o).mentions, mentions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, mentions);
  }

  @Override
  public String toString() {
    return mentions == null ? kind : "mentions " + mentions;
  }
}
