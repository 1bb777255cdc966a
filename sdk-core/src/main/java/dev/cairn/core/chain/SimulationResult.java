package dev.cairn.core.chain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ChainAdapter#simulate} found: whether the transaction would succeed, the units it
 * would use (EVM gas, Solana compute units, Cosmos gas), the program logs (Solana; empty where the
 * node gives none, as EVM {@code eth_call}), and the return data. A simulated failure (revert,
 * program error) is a value here, not an exception. Immutable.
 */
public final class SimulationResult {
  private static final byte[] EMPTY = new byte[0];

  private final ChainError error;
  private final long unitsUsed;
  private final List<String> logs;
  private final byte[] returnData;

  private SimulationResult(ChainError error, long unitsUsed, List<String> logs, byte[] returnData) {
    this.error = error;
    this.unitsUsed = unitsUsed;
    this.logs = logs;
    this.returnData = returnData;
  }

  /**
   * A successful simulation.
   *
   * @param unitsUsed units consumed, or -1 when the node did not say
   * @param logs log lines (may be {@code null} for none)
   * @param returnData returned bytes (may be {@code null} for none)
   */
  public static SimulationResult success(long unitsUsed, List<String> logs, byte[] returnData) {
    return new SimulationResult(null, checkUnits(unitsUsed), copy(logs), returnData == null ? EMPTY : returnData.clone());
  }

  /** A simulation that failed with {@code error}; units and logs as far as the node reported them. */
  public static SimulationResult failure(ChainError error, long unitsUsed, List<String> logs) {
    if (error == null) {
      throw Checks.invalid("simulation.error: is null");
    }
    return new SimulationResult(error, checkUnits(unitsUsed), copy(logs), EMPTY);
  }

  private static long checkUnits(long units) {
    if (units < -1) {
      throw Checks.invalid("simulation.unitsUsed: " + units + " is below -1");
    }
    return units;
  }

  private static List<String> copy(List<String> logs) {
    if (logs == null || logs.isEmpty()) {
      return Collections.emptyList();
    }
    ArrayList<String> l = new ArrayList<>(logs.size());
    for (String s : logs) {
      if (s == null) {
        throw Checks.invalid("simulation.logs: contains null");
      }
      l.add(s);
    }
    return Collections.unmodifiableList(l);
  }

  /** Whether it would succeed. */
  public boolean isSuccess() {
    return error == null;
  }

  /** Why it would fail. */
  public Optional<ChainError> error() {
    return Optional.ofNullable(error);
  }

  /** Units it would use, -1 when unknown. */
  public long unitsUsed() {
    return unitsUsed;
  }

  /** Log lines (unmodifiable). */
  public List<String> logs() {
    return logs;
  }

  /** A copy of the return data; empty when none or failed. */
  public byte[] returnData() {
    return returnData.clone();
  }

  /** The outcome as a {@link ChainResult}. */
  public ChainResult<byte[]> outcome() {
    return error == null ? ChainResult.success(returnData.clone()) : ChainResult.failure(error);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SimulationResult)) {
      return false;
    }
    SimulationResult r = (SimulationResult) o;
    return unitsUsed == r.unitsUsed && Objects.equals(error, r.error) && logs.equals(r.logs)
        && java.util.Arrays.equals(returnData, r.returnData);
  }

  @Override
  public int hashCode() {
    return Objects.hash(error, unitsUsed, logs);
  }

  @Override
  public String toString() {
    return "SimulationResult{" + (error == null ? "success" : "failed: " + error) + ", unitsUsed=" + unitsUsed
        + ", logs=" + logs.size() + ", returnData=" + returnData.length + " bytes}";
  }
}
