package dev.cairn.core.hd;

/**
 * BIP-32 child derivation at this index produced an invalid key (I<sub>L</sub> &ge; n, a zero
 * private key, or the point at infinity). The specification says to skip such an index and use the
 * next one; this SDK leaves that choice to the caller, who can catch this exception and derive
 * {@link #childNumber()} + 1. The probability is below 2<sup>-127</sup> per derivation.
 */
public final class InvalidChildKeyException extends HdWalletException {
  private static final long serialVersionUID = 1L;

  private final int childNumber;

  /** Creates the exception for the raw child number (hardened bit included). */
  public InvalidChildKeyException(int childNumber, Throwable cause) {
    super("child " + DerivationPath.formatIndex(childNumber)
        + " gives an invalid key; BIP-32 says to use the next index", cause);
    this.childNumber = childNumber;
  }

  /** Raw child number (hardened bit included) that gave an invalid key. */
  public int childNumber() {
    return childNumber;
  }
}
