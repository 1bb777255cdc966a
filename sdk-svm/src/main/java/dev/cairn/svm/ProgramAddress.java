package dev.cairn.svm;

/**
 * A program-derived address and the bump seed that produced it ({@link
 * Pubkey#findProgramAddress}). Immutable.
 */
public final class ProgramAddress {
  private final Pubkey address;
  private final int bump;

  ProgramAddress(Pubkey address, int bump) {
    this.address = address;
    this.bump = bump;
  }

  /** The address (off the Ed25519 curve). */
  public Pubkey address() {
    return address;
  }

  /** The bump seed, 0..255: the last seed appended to find it. */
  public int bump() {
    return bump;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProgramAddress
        && ((ProgramAddress) o).bump == bump
        && ((ProgramAddress) o).address.equals(address);
  }

  @Override
  public int hashCode() {
    return address.hashCode() * 31 + bump;
  }

  @Override
  public String toString() {
    return address + "#" + bump;
  }
}
