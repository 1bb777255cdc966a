package dev.cairn.cosmos.tx;

import dev.cairn.cosmos.CosmosAddress;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.CosmosPublicKey;

/**
 * One signer of a transaction: its public key, the chain's address prefix, its account number and
 * sequence (from the chain's auth module), and the sign mode it signs in. Immutable.
 */
public final class TxSigner {
  private final CosmosPublicKey publicKey;
  private final CosmosAddress address;
  private final long accountNumber;
  private final long sequence;
  private final SignMode mode;

  private TxSigner(CosmosPublicKey publicKey, CosmosAddress address, long accountNumber, long sequence, SignMode mode) {
    this.publicKey = publicKey;
    this.address = address;
    this.accountNumber = accountNumber;
    this.sequence = sequence;
    this.mode = mode;
  }

  /**
   * A signer.
   *
   * @param prefix the chain's account prefix, e.g. {@code cosmos}
   * @throws CosmosException (INVALID_INPUT) naming the field
   */
  public static TxSigner of(CosmosPublicKey publicKey, String prefix, long accountNumber, long sequence, SignMode mode) {
    if (publicKey == null) {
      throw CosmosException.invalid("signer.publicKey", "is null");
    }
    if (mode == null) {
      throw CosmosException.invalid("signer.mode", "is null");
    }
    if (mode == SignMode.AMINO_JSON && (sequence < 0 || sequence > 9007199254740991L)) {
      throw CosmosException.invalid("signer.sequence", "must be below 2^53 in amino JSON mode");
    }
    return new TxSigner(publicKey, publicKey.address(prefix), accountNumber, sequence, mode);
  }

  public CosmosPublicKey publicKey() {
    return publicKey;
  }

  /** The signer's account address, derived from its key. */
  public CosmosAddress address() {
    return address;
  }

  public long accountNumber() {
    return accountNumber;
  }

  public long sequence() {
    return sequence;
  }

  public SignMode mode() {
    return mode;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TxSigner)) {
      return false;
    }
    TxSigner s = (TxSigner) o;
    return s.publicKey.equals(publicKey) && s.address.equals(address) && s.accountNumber == accountNumber
        && s.sequence == sequence && s.mode == mode;
  }

  @Override
  public int hashCode() {
    return publicKey.hashCode() * 31 + Long.hashCode(sequence);
  }

  @Override
  public String toString() {
    return "TxSigner{" + address + ", account=" + Long.toUnsignedString(accountNumber) + ", sequence="
        + Long.toUnsignedString(sequence) + ", " + mode + "}";
  }
}
