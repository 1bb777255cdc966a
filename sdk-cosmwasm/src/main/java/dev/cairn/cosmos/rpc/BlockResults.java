package dev.cairn.cosmos.rpc;

import dev.cairn.cosmos.client.TxEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * CometBFT {@code block_results}: the transactions' results in block order and the block-level
 * events. CometBFT 0.37 reports block events as {@code begin_block_events} and {@code
 * end_block_events} (concatenated here in that order); 0.38 as {@code finalize_block_events}.
 * Immutable.
 */
public final class BlockResults {
  private final long height;
  private final List<ExecResult> txResults;
  private final List<TxEvent> blockEvents;
  private final boolean finalizeBlock;

  private BlockResults(long height, List<ExecResult> txResults, List<TxEvent> blockEvents, boolean finalizeBlock) {
    this.height = height;
    this.txResults = txResults;
    this.blockEvents = blockEvents;
    this.finalizeBlock = finalizeBlock;
  }

  /** Results; {@code finalizeBlock} tells whether the node reported {@code finalize_block_events} (0.38+). */
  public static BlockResults of(long height, List<ExecResult> txResults, List<TxEvent> blockEvents,
      boolean finalizeBlock) {
    return new BlockResults(height, Collections.unmodifiableList(new ArrayList<>(txResults)),
        Collections.unmodifiableList(new ArrayList<>(blockEvents)), finalizeBlock);
  }

  /** The height. */
  public long height() {
    return height;
  }

  /** The results of the block's transactions, in order. */
  public List<ExecResult> txResults() {
    return txResults;
  }

  /** Block events: 0.37 begin-block then end-block events; 0.38 finalize-block events. */
  public List<TxEvent> blockEvents() {
    return blockEvents;
  }

  /** Whether the node speaks ABCI 2.0 ({@code finalize_block_events}, CometBFT 0.38+). */
  public boolean isFinalizeBlock() {
    return finalizeBlock;
  }

  @Override
  public String toString() {
    return "BlockResults{@" + height + ", " + txResults.size() + " txs, " + blockEvents.size() + " block events}";
  }
}
