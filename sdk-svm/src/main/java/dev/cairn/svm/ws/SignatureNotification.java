package dev.cairn.svm.ws;

import dev.cairn.svm.errors.TransactionError;
import java.util.Objects;
import java.util.Optional;

/**
 * A transaction reached the subscribed commitment ({@code signatureNotification}), with its error
 * if it failed; or, with received notifications on, the node received it ({@link #isReceived()}).
 * The node ends the subscription after the processed notification. Immutable.
 */
public final class SignatureNotification {
  private final long slot;
  private final boolean received;
  private final TransactionError err;

  private SignatureNotification(long slot, boolean received, TransactionError err) {
    this.slot = slot;
    this.received = received;
    this.err = err;
  }

  /** A processed notification ({@code err} null when it succeeded). */
  public static SignatureNotification processed(long slot, TransactionError err) {
    return new SignatureNotification(slot, false, err);
  }

  /** A "receivedSignature" notification. */
  public static SignatureNotification received(long slot) {
    return new SignatureNotification(slot, true, null);
  }

  /** The slot. */
  public long slot() {
    return slot;
  }

  /** Whether this only says the node received the transaction. */
  public boolean isReceived() {
    return received;
  }

  /** The error when the transaction failed. */
  public Optional<TransactionError> err() {
    return Optional.ofNullable(err);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignatureNotification && ((SignatureNotification) o).slot == slot
        && ((SignatureNotification) o).received == received && Objects.equals(((SignatureNotification) o).err, err);
  }

  @Override
  public int hashCode() {
    return Objects.hash(slot, received, err);
  }

  @Override
  public String toString() {
    return "SignatureNotification[slot " + slot + (received ? ", received" : err == null ? ", ok" : ", err " + err) + "]";
  }
}
