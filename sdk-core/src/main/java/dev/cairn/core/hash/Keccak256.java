package dev.cairn.core.hash;

import java.util.Objects;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Keccak-256 with the original Keccak padding (as used by Ethereum), not SHA3-256.
 *
 * <p>Instances are not thread-safe; the static methods are.
 */
public final class Keccak256 {
  /** Digest length in bytes. */
  public static final int DIGEST_LENGTH = 32;

  private final KeccakDigest digest = new KeccakDigest(256);

  private Keccak256() {}

  /** Returns a fresh incremental hasher. */
  public static Keccak256 create() {
    return new Keccak256();
  }

  /** Keccak-256 of {@code in}. */
  public static byte[] hash(byte[] in) {
    return hash(in, 0, in.length);
  }

  /** Keccak-256 of {@code in[off, off+len)}. */
  public static byte[] hash(byte[] in, int off, int len) {
    return create().update(in, off, len).digest();
  }

  /** Absorbs {@code in}. */
  public Keccak256 update(byte[] in) {
    return update(in, 0, in.length);
  }

  /** Absorbs {@code in[off, off+len)}. */
  public Keccak256 update(byte[] in, int off, int len) {
    Objects.checkFromIndexSize(off, len, in.length);
    digest.update(in, off, len);
    return this;
  }

  /** Finishes, returns the 32-byte digest and resets this hasher. */
  public byte[] digest() {
    byte[] out = new byte[DIGEST_LENGTH];
    digest(out, 0);
    return out;
  }

  /** Finishes, writes the 32-byte digest to {@code out[outOff..]} and resets this hasher. */
  public void digest(byte[] out, int outOff) {
    Objects.checkFromIndexSize(outOff, DIGEST_LENGTH, out.length);
    digest.doFinal(out, outOff);
  }
}
