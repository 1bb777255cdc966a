package dev.cairn.svm.rpc;

import java.util.Optional;

/** How settled the state a Solana node answers from (or waits for) must be. */
public enum Commitment {
  /** The node's most recent block; may still be skipped or rolled back. */
  PROCESSED("processed"),
  /** Voted on by a supermajority of the cluster (optimistic confirmation). */
  CONFIRMED("confirmed"),
  /** Rooted: 31+ confirmed blocks built on it; will not be rolled back. */
  FINALIZED("finalized");

  private final String wire;

  Commitment(String wire) {
    this.wire = wire;
  }

  /** The JSON-RPC name, e.g. {@code "confirmed"}. */
  public String wireName() {
    return wire;
  }

  /** The commitment of a JSON-RPC name ({@code processed}, {@code confirmed}, {@code finalized}), or empty. */
  public static Optional<Commitment> fromWireName(String name) {
    for (Commitment c : values()) {
      if (c.wire.equals(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Whether state at this level also satisfies {@code wanted} (finalized satisfies every level). */
  public boolean satisfies(Commitment wanted) {
    return compareTo(wanted) >= 0;
  }
}
