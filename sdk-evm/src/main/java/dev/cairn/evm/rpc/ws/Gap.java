package dev.cairn.evm.rpc.ws;

import java.time.Instant;

/**
 * What a subscription may have missed while its connection was down. For {@code newHeads}: the
 * block numbers between the last header seen and the first one after reconnecting. For {@code
 * logs}: the block range to backfill with {@code eth_getLogs} (see {@link LogBackfill}); it starts
 * at the block of the last log seen (that block's logs may have been cut off; deduplicate by block
 * hash and log index) or after the head when the subscription started. For pending transactions
 * there is no block range. Immutable.
 */
public final class Gap {
  private final long fromBlock;
  private final long toBlock;
  private final Instant disconnectedAt;
  private final Instant reconnectedAt;

  Gap(long fromBlock, long toBlock, Instant disconnectedAt, Instant reconnectedAt) {
    this.fromBlock = fromBlock;
    this.toBlock = toBlock;
    this.disconnectedAt = disconnectedAt;
    this.reconnectedAt = reconnectedAt;
  }

  /** Whether the gap has a block range ({@link #fromBlock()}..{@link #toBlock()}). */
  public boolean hasBlockRange() {
    return fromBlock >= 0 && toBlock >= fromBlock;
  }

  /** The first block possibly missed (inclusive), or -1. */
  public long fromBlock() {
    return fromBlock;
  }

  /** The last block possibly missed (inclusive), or -1. */
  public long toBlock() {
    return toBlock;
  }

  /** When the connection was lost. */
  public Instant disconnectedAt() {
    return disconnectedAt;
  }

  /** When the subscription was re-established. */
  public Instant reconnectedAt() {
    return reconnectedAt;
  }

  @Override
  public String toString() {
    return hasBlockRange() ? "Gap{blocks " + fromBlock + ".." + toBlock + "}"
        : "Gap{" + disconnectedAt + " .. " + reconnectedAt + "}";
  }
}
