package dev.cairn.svm.adapter;

import dev.cairn.svm.tx.Blockhash;
import dev.cairn.svm.tx.Message;
import dev.cairn.svm.tx.Transaction;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * Chooses the compute budget of a transaction: the priority fee (a capped nearest-rank percentile of
 * {@code getRecentPrioritizationFees} over the written accounts, per fee level) and the compute-unit
 * limit (a simulation of the same transaction plus a margin).
 */
final class BudgetPlanner {
  private final SvmNode node;
  private final SvmNode.Level commitment;
  private final int[] percentiles;
  private final long maxPriorityFee;
  private final double computeUnitMargin;

  BudgetPlanner(SvmNode node, SvmNode.Level commitment, int[] percentiles, long maxPriorityFee, double computeUnitMargin) {
    this.node = node;
    this.commitment = commitment;
    this.percentiles = percentiles.clone();
    this.maxPriorityFee = maxPriorityFee;
    this.computeUnitMargin = computeUnitMargin;
  }

  /** The priority fee for slow, normal and fast, in micro-lamports per compute unit. */
  CompletableFuture<long[]> prices(Draft d, Blockhash blockhash) {
    return node.recentPrioritizationFees(d.writable(blockhash)).thenApply(fees -> {
      long[] sorted = fees == null ? new long[0] : fees.clone();
      Arrays.sort(sorted);
      long[] out = new long[3];
      for (int i = 0; i < 3; i++) {
        out[i] = Math.min(maxPriorityFee, percentile(sorted, percentiles[i]));
      }
      return out;
    });
  }

  /** The nearest-rank percentile of sorted values; 0 for none. */
  static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** Simulated compute units plus the margin, or empty when the simulation fails. */
  CompletableFuture<OptionalLong> units(Draft d, Blockhash blockhash, long price) {
    if (d.userBudget) {
      return CompletableFuture.completedFuture(OptionalLong.empty());
    }
    Message probe = d.compile(blockhash, SvmChainAdapter.MAX_COMPUTE_UNIT_LIMIT, price);
    byte[] wire = Transaction.unsigned(probe).serialize();
    return node.simulate(wire, false, d.nonceAccount == null, commitment).handle((sim, err) -> {
      if (err != null || sim == null || sim.error != null || sim.unitsConsumed <= 0) {
        return OptionalLong.empty();
      }
      long withMargin = (long) Math.ceil(sim.unitsConsumed * (1 + computeUnitMargin));
      return OptionalLong.of(Math.min(SvmChainAdapter.MAX_COMPUTE_UNIT_LIMIT, withMargin));
    });
  }
}
