package dev.cairn.evm.nonce;

/**
 * The outcome of {@link NonceManager#submit}: the nonce used, the transaction hash, whether the
 * node already had the transaction (a resend), and how many attempts it took.
 */
public final class Submission {
  private final String account;
  private final long nonce;
  private final String hash;
  private final boolean alreadyKnown;
  private final int attempts;

  Submission(String account, long nonce, String hash, boolean alreadyKnown, int attempts) {
    this.account = account;
    this.nonce = nonce;
    this.hash = hash;
    this.alreadyKnown = alreadyKnown;
    this.attempts = attempts;
  }

  /** The sending account (lowercase 0x address). */
  public String account() {
    return account;
  }

  /** The nonce the accepted transaction carries. */
  public long nonce() {
    return nonce;
  }

  /** The accepted transaction's hash. */
  public String hash() {
    return hash;
  }

  /** Whether the node answered that it already had this transaction (counted as success). */
  public boolean alreadyKnown() {
    return alreadyKnown;
  }

  /** Attempts made (1 when the first send was accepted). */
  public int attempts() {
    return attempts;
  }

  @Override
  public String toString() {
    return "Submission{" + account + ", nonce=" + nonce + ", " + hash + (alreadyKnown ? ", already known" : "")
        + ", attempts=" + attempts + "}";
  }
}
