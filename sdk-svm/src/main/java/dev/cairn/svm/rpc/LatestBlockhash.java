package dev.cairn.svm.rpc;

import dev.cairn.svm.tx.Blockhash;
import java.util.Objects;

/**
 * A recent blockhash and the last block height at which a transaction using it can be processed
 * ({@code getLatestBlockhash}). Once the cluster's block height passes {@link
 * #lastValidBlockHeight()} a transaction with this blockhash can never land: it is safe to rebuild
 * it. Immutable.
 */
public final class LatestBlockhash {
  private final Blockhash blockhash;
  private final long lastValidBlockHeight;
  private final long contextSlot;

  private LatestBlockhash(Blockhash blockhash, long lastValidBlockHeight, long contextSlot) {
    this.blockhash = blockhash;
    this.lastValidBlockHeight = lastValidBlockHeight;
    this.contextSlot = contextSlot;
  }

  /** A value (e.g. for tests). */
  public static LatestBlockhash of(Blockhash blockhash, long lastValidBlockHeight, long contextSlot) {
    return new LatestBlockhash(Objects.requireNonNull(blockhash, "blockhash"), lastValidBlockHeight, contextSlot);
  }

  /** The blockhash. */
  public Blockhash blockhash() {
    return blockhash;
  }

  /** The last block height at which the blockhash is valid. */
  public long lastValidBlockHeight() {
    return lastValidBlockHeight;
  }

  /** The slot the node answered at. */
  public long contextSlot() {
    return contextSlot;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LatestBlockhash)) {
      return false;
    }
    LatestBlockhash b = (LatestBlockhash) o;
    return blockhash.equals(b.blockhash) && lastValidBlockHeight == b.lastValidBlockHeight && contextSlot == b.contextSlot;
  }

  @Override
  public int hashCode() {
    return Objects.hash(blockhash, lastValidBlockHeight, contextSlot);
  }

  @Override
  public String toString() {
    return "LatestBlockhash[" + blockhash.toBase58() + ", lastValidBlockHeight " + lastValidBlockHeight + "]";
  }
}
