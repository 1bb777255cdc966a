package dev.cairn.evm.nonce;

import java.util.Objects;

/** A transaction signed for one nonce: its encoding (for eth_sendRawTransaction) and its hash. Immutable. */
public final class SignedForNonce {
  private final long nonce;
  private final byte[] encoded;
  private final String hash;

  private SignedForNonce(long nonce, byte[] encoded, String hash) {
    this.nonce = nonce;
    this.encoded = encoded;
    this.hash = hash;
  }

  /**
   * Creates one.
   *
   * @param nonce the nonce the transaction was signed with
   * @param encoded the signed encoding (copied)
   * @param hash the transaction hash, 0x-prefixed
   */
  public static SignedForNonce of(long nonce, byte[] encoded, String hash) {
    if (nonce < 0) {
      throw new IllegalArgumentException("nonce: " + nonce + " is negative");
    }
    Objects.requireNonNull(encoded, "encoded");
    Objects.requireNonNull(hash, "hash");
    return new SignedForNonce(nonce, encoded.clone(), hash);
  }

  /** The nonce. */
  public long nonce() {
    return nonce;
  }

  /** The signed encoding (copy). */
  public byte[] encoded() {
    return encoded.clone();
  }

  byte[] encodedNoCopy() {
    return encoded;
  }

  /** The transaction hash. */
  public String hash() {
    return hash;
  }

  @Override
  public String toString() {
    return "SignedForNonce{nonce=" + nonce + ", hash=" + hash + ", " + encoded.length + " bytes}";
  }
}
