package dev.cairn.svm;

/**
 * A serialized transaction exceeds the 1232-byte packet limit (IPv6 MTU minus headers), so no
 * validator would accept it. Carries the size it reached.
 */
public final class TransactionTooLargeException extends SvmException {
  private static final long serialVersionUID = 1L;

  /** The largest serialized transaction a Solana validator accepts, in bytes. */
  public static final int PACKET_DATA_SIZE = 1232;

  private final int size;

  public TransactionTooLargeException(int size) {
    super(
        Reason.TOO_LARGE,
        "transaction: " + size + " bytes serialized, more than the " + PACKET_DATA_SIZE
            + "-byte packet limit");
    this.size = size;
  }

  /** The serialized size in bytes. */
  public int size() {
    return size;
  }
}
