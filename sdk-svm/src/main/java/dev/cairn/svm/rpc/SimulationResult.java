package dev.cairn.svm.rpc;

import dev.cairn.svm.errors.TransactionError;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The outcome of {@code simulateTransaction}: the error it would fail with, the program logs, the
 * compute units consumed, the return data, the requested accounts after it, and the blockhash used
 * when it was replaced. Immutable.
 */
public final class SimulationResult {
  private final long contextSlot;
  private final TransactionError err;
  private final List<String> logs;
  private final long unitsConsumed;
  private final ReturnData returnData;
  private final List<Optional<AccountInfo>> accounts;
  private final LatestBlockhash replacementBlockhash;

  private SimulationResult(long contextSlot, TransactionError err, List<String> logs, long unitsConsumed, ReturnData returnData,
      List<Optional<AccountInfo>> accounts, LatestBlockhash replacementBlockhash) {
    this.contextSlot = contextSlot;
    this.err = err;
    this.logs = logs;
    this.unitsConsumed = unitsConsumed;
    this.returnData = returnData;
    this.accounts = accounts;
    this.replacementBlockhash = replacementBlockhash;
  }

  /**
   * A result.
   *
   * @param err the error, or {@code null}
   * @param unitsConsumed the compute units, or -1 when the node did not say
   * @param returnData the return data, or {@code null}
   * @param replacementBlockhash the blockhash used, or {@code null}
   */
  public static SimulationResult of(long contextSlot, TransactionError err, List<String> logs, long unitsConsumed,
      ReturnData returnData, List<Optional<AccountInfo>> accounts, LatestBlockhash replacementBlockhash) {
    return new SimulationResult(contextSlot, err, List.copyOf(logs), unitsConsumed < 0 ? -1 : unitsConsumed, returnData,
        List.copyOf(accounts), replacementBlockhash);
  }

  /** The slot the node simulated at. */
  public long contextSlot() {
    return contextSlot;
  }

  /** The error the transaction would fail with. */
  public Optional<TransactionError> err() {
    return Optional.ofNullable(err);
  }

  /** Whether it would succeed. */
  public boolean isSuccess() {
    return err == null;
  }

  /** The program logs (empty when the node returned none). */
  public List<String> logs() {
    return logs;
  }

  /** The compute units consumed. */
  public OptionalLong unitsConsumed() {
    return unitsConsumed < 0 ? OptionalLong.empty() : OptionalLong.of(unitsConsumed);
  }

  /** The return data, if a program set any. */
  public Optional<ReturnData> returnData() {
    return Optional.ofNullable(returnData);
  }

  /** The requested accounts after the simulation, in request order (empty entries: no such account). */
  public List<Optional<AccountInfo>> accounts() {
    return accounts;
  }

  /** The blockhash the node put in, with {@link SimulateOptions#replaceRecentBlockhash}. */
  public Optional<LatestBlockhash> replacementBlockhash() {
    return Optional.ofNullable(replacementBlockhash);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SimulationResult)) {
      return false;
    }
    SimulationResult s = (SimulationResult) o;
    return contextSlot == s.contextSlot && Objects.equals(err, s.err) && logs.equals(s.logs) && unitsConsumed == s.unitsConsumed
        && Objects.equals(returnData, s.returnData) && accounts.equals(s.accounts)
        && Objects.equals(replacementBlockhash, s.replacementBlockhash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(contextSlot, err, logs, unitsConsumed, returnData, accounts, replacementBlockhash);
  }

  @Override
  public String toString() {
    return "SimulationResult[" + (err == null ? "ok" : "err " + err) + ", " + unitsConsumed + " CU, " + logs.size() + " log lines]";
  }
}
