package dev.cairn.core.chain;

import java.util.Objects;
import java.util.Optional;

/**
 * The handle {@link ChainAdapter#send} returns: the chain, the transaction id, the encoded
 * transaction (so that {@link ChainAdapter#waitFor} can rebroadcast it where the family needs that,
 * as Solana does) and the {@link ValidityWindow} in which it can still land. Immutable.
 */
public final class PendingTransaction {
  private static final byte[] EMPTY = new byte[0];

  private final ChainId chainId;
  private final String transactionId;
  private final byte[] encoded;
  private final ValidityWindow validity;

  private PendingTransaction(ChainId chainId, String transactionId, byte[] encoded, ValidityWindow validity) {
    this.chainId = chainId;
    this.transactionId = transactionId;
    this.encoded = encoded;
    this.validity = validity;
  }

  /** The handle of a sent transaction. */
  public static PendingTransaction of(SignedTransaction sent) {
    if (sent == null) {
      throw Checks.invalid("transaction: is null");
    }
    return of(sent.chainId(), sent.id(), sent.encoded(), sent.validity());
  }

  /**
   * A handle from its parts.
   *
   * @param encoded the wire encoding for rebroadcasts, or {@code null} when not known (a
   *     transaction sent elsewhere: it is then only waited for, never rebroadcast)
   */
  public static PendingTransaction of(ChainId chainId, String transactionId, byte[] encoded, ValidityWindow validity) {
    if (chainId == null) {
      throw Checks.invalid("pending.chainId: is null");
    }
    if (transactionId == null || transactionId.isEmpty() || transactionId.length() > 256) {
      throw Checks.invalid(chainId, "pending.transactionId: is null, empty or longer than 256 characters");
    }
    if (validity == null) {
      throw Checks.invalid(chainId, "pending.validity: is null");
    }
    return new PendingTransaction(chainId, transactionId, encoded == null ? EMPTY : encoded.clone(), validity);
  }

  /** The chain. */
  public ChainId chainId() {
    return chainId;
  }

  /** The transaction id (see {@link SignedTransaction#id()}). */
  public String transactionId() {
    return transactionId;
  }

  /** A copy of the wire encoding, when known. */
  public Optional<byte[]> encoded() {
    return encoded.length == 0 ? Optional.empty() : Optional.of(encoded.clone());
  }

  /** Until when it can land. */
  public ValidityWindow validity() {
    return validity;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PendingTransaction)) {
      return false;
    }
    PendingTransaction p = (PendingTransaction) o;
    return chainId.equals(p.chainId) && transactionId.equals(p.transactionId)
        && java.util.Arrays.equals(encoded, p.encoded) && validity.equals(p.validity);
  }

  @Override
  public int hashCode() {
    return Objects.hash(chainId, transactionId, validity);
  }

  @Override
  public String toString() {
    return "PendingTransaction{" + chainId + ", " + transactionId + ", " + validity + "}";
  }
}
