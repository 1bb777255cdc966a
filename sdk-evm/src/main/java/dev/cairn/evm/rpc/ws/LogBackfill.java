package dev.cairn.evm.rpc.ws;

import dev.cairn.evm.rpc.EvmRpcClient;
import dev.cairn.evm.rpc.Log;
import dev.cairn.evm.rpc.LogFilter;
import java.util.ArrayList;
import java.util.List;

/** Fetches the logs a {@code logs} subscription may have missed, with {@code eth_getLogs}. */
public final class LogBackfill {
  private LogBackfill() {}

  /**
   * The logs matching {@code filter} in the gap's block range, fetched in chunks of at most
   * {@code maxBlocksPerCall} blocks (providers cap the range; 1000 or 2000 is typical). Returns an
   * empty list for a gap without a block range.
   */
  public static List<Log> backfill(EvmRpcClient http, LogFilter filter, Gap gap, long maxBlocksPerCall) {
    if (maxBlocksPerCall < 1) {
      throw new IllegalArgumentException("maxBlocksPerCall must be positive");
    }
    List<Log> out = new ArrayList<>();
    if (!gap.hasBlockRange()) {
      return out;
    }
    for (long from = gap.fromBlock(); from <= gap.toBlock(); ) {
      long to = Math.min(gap.toBlock(), from + maxBlocksPerCall - 1);
      out.addAll(http.getLogs(filter.withRange(from, to)).send());
      if (to == Long.MAX_VALUE) {
        break;
      }
      from = to + 1;
    }
    return out;
  }
}
