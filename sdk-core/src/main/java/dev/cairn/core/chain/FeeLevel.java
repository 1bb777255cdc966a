package dev.cairn.core.chain;

/** How quickly a transaction should be included, trading fee against latency. */
public enum FeeLevel {
  /** Cheapest; may wait several blocks. */
  SLOW,
  /** Typical inclusion within a block or two. */
  NORMAL,
  /** Outbids most of the mempool. */
  FAST
}
