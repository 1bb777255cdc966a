package dev.cairn.svm.ws;

import dev.cairn.svm.errors.TransactionError;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A transaction's logs ({@code logsNotification}). Immutable. */
public final class LogsNotification {
  private final long slot;
  private final String signature;
  private final TransactionError err;
  private final List<String> logs;

  private LogsNotification(long slot, String signature, TransactionError err, List<String> logs) {
    this.slot = slot;
    this.signature = signature;
    this.err = err;
    this.logs = logs;
  }

  /** A notification ({@code err} null when it succeeded). */
  public static LogsNotification of(long slot, String signature, TransactionError err, List<String> logs) {
    return new LogsNotification(slot, Objects.requireNonNull(signature, "signature"), err, List.copyOf(logs));
  }

  /** The slot. */
  public long slot() {
    return slot;
  }

  /** The transaction signature. */
  public String signature() {
    return signature;
  }

  /** The error when it failed. */
  public Optional<TransactionError> err() {
    return Optional.ofNullable(err);
  }

  /** The log lines. */
  public List<String> logs() {
    return logs;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LogsNotification)) {
      return false;
    }
    LogsNotification l = (LogsNotification) o;
    return slot == l.slot && signature.equals(l.signature) && Objects.equals(err, l.err) && logs.equals(l.logs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(slot, signature, err, logs);
  }

  @Override
  public String toString() {
    return "LogsNotification[slot " + slot + ", " + signature + ", " + logs.size() + " lines]";
  }
}
