package dev.cairn.svm.rpc;

import dev.cairn.svm.errors.TransactionError;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The status of a processed transaction ({@code getSignatureStatuses}): the slot it landed in, its
 * error if it failed, and how settled it is. Immutable.
 */
public final class SignatureStatus {
  private final long slot;
  private final long confirmations;
  private final TransactionError err;
  private final Commitment confirmationStatus;

  private SignatureStatus(long slot, long confirmations, TransactionError err, Commitment confirmationStatus) {
    this.slot = slot;
    this.confirmations = confirmations;
    this.err = err;
    this.confirmationStatus = confirmationStatus;
  }

  /**
   * A status.
   *
   * @param confirmations the number of confirmations, or -1 when rooted (the node's {@code null})
   * @param err the error, or {@code null} when it succeeded
   * @param confirmationStatus the level, or {@code null} when the node did not say
   */
  public static SignatureStatus of(long slot, long confirmations, TransactionError err, Commitment confirmationStatus) {
    return new SignatureStatus(slot, confirmations < 0 ? -1 : confirmations, err, confirmationStatus);
  }

  /** The slot it was processed in. */
  public long slot() {
    return slot;
  }

  /** Blocks since it was confirmed; empty when rooted (finalized). */
  public OptionalLong confirmations() {
    return confirmations < 0 ? OptionalLong.empty() : OptionalLong.of(confirmations);
  }

  /** The error when the transaction failed (it landed and paid its fee). */
  public Optional<TransactionError> err() {
    return Optional.ofNullable(err);
  }

  /** Whether it succeeded. */
  public boolean isSuccess() {
    return err == null;
  }

  /** The commitment level reached, when the node says. */
  public Optional<Commitment> confirmationStatus() {
    return Optional.ofNullable(confirmationStatus);
  }

  /** Whether it reached {@code wanted} (a rooted status without a level counts as finalized). */
  public boolean satisfies(Commitment wanted) {
    Objects.requireNonNull(wanted, "wanted");
    if (confirmationStatus != null) {
      return confirmationStatus.satisfies(wanted);
    }
    return confirmations < 0 || wanted != Commitment.FINALIZED;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SignatureStatus)) {
      return false;
    }
    SignatureStatus s = (SignatureStatus) o;
    return slot == s.slot && confirmations == s.confirmations && Objects.equals(err, s.err) && confirmationStatus == s.confirmationStatus;
  }

  @Override
  public int hashCode() {
    return Objects.hash(slot, confirmations, err, confirmationStatus);
  }

  @Override
  public String toString() {
    return "SignatureStatus[slot " + slot + ", " + (confirmationStatus == null ? "?" : confirmationStatus.wireName())
        + (err == null ? ", ok" : ", err " + err) + "]";
  }
}
