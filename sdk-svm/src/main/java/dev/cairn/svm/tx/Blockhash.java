package dev.cairn.svm.tx;

import dev.cairn.core.encoding.Base58;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.svm.SvmException;
import java.util.Arrays;

/**
 * A recent blockhash (or a durable nonce value): 32 bytes, written in base58. Immutable.
 */
public final class Blockhash {
  /** Length in bytes. */
  public static final int LENGTH = 32;

  private final byte[] hash;

  private Blockhash(byte[] hash) {
    this.hash = hash;
  }

  /** A blockhash from its 32 bytes (copied). */
  public static Blockhash of(byte[] bytes) {
    if (bytes == null || bytes.length != LENGTH) {
      throw new SvmException(
          SvmException.Reason.INVALID_INPUT,
          "recentBlockhash: must be 32 bytes, got " + (bytes == null ? "null" : bytes.length));
    }
    return new Blockhash(bytes.clone());
  }

  /**
   * Parses a base58 blockhash.
   *
   * @throws DecodingException naming {@code recentBlockhash} if it is not base58 of 32 bytes
   */
  public static Blockhash fromBase58(String base58) {
    if (base58 != null && base58.length() > 44) {
      throw new DecodingException("recentBlockhash", -1, "longer than 44 characters");
    }
    byte[] b = Base58.decode("recentBlockhash", base58);
    if (b.length != LENGTH) {
      throw new DecodingException("recentBlockhash", -1, "must decode to 32 bytes, got " + b.length);
    }
    return new Blockhash(b);
  }

  /** A copy of the 32 bytes. */
  public byte[] bytes() {
    return hash.clone();
  }

  void copyTo(byte[] dst, int off) {
    System.arraycopy(hash, 0, dst, off, LENGTH);
  }

  byte[] raw() {
    return hash;
  }

  /** The base58 form. */
  public String toBase58() {
    return Base58.encode(hash);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Blockhash && Arrays.equals(hash, ((Blockhash) o).hash);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hash);
  }

  @Override
  public String toString() {
    return toBase58();
  }
}
