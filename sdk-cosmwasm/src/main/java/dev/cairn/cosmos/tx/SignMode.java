package dev.cairn.cosmos.tx;

/** The sign modes this library signs in, chosen per signer. */
public enum SignMode {
  /** SIGN_MODE_DIRECT: the signer signs the protobuf SignDoc. */
  DIRECT(ModeInfo.DIRECT),
  /** SIGN_MODE_LEGACY_AMINO_JSON: the signer signs the canonical amino JSON (Ledger's Cosmos app). */
  AMINO_JSON(ModeInfo.LEGACY_AMINO_JSON);

  private final int number;

  SignMode(int number) {
    this.number = number;
  }

  /** The protobuf SignMode number. */
  public int number() {
    return number;
  }
}
