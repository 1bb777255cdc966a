package dev.cairn.core.hd;

/**
 * A derivation path string could not be parsed, or a path component is out of range.
 * {@link #position()} is the 0-based character offset of the problem in the input, or {@code -1}
 * when the problem is not tied to one character (e.g. an index given as a number).
 */
public final class DerivationPathException extends HdWalletException {
  private static final long serialVersionUID = 1L;

  private final int position;

  /** Creates the exception for a problem at {@code position} (or -1). */
  public DerivationPathException(int position, String problem) {
    super(position >= 0 ? "derivation path at position " + position + ": " + problem
        : "derivation path: " + problem);
    this.position = position;
  }

  /** 0-based character offset of the problem, or -1. */
  public int position() {
    return position;
  }
}
