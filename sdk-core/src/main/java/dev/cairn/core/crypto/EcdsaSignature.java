package dev.cairn.core.crypto;

import dev.cairn.core.crypto.internal.Scalars;
import dev.cairn.core.encoding.DecodingException;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * An immutable secp256k1 ECDSA signature (r, s) with an optional recovery id.
 *
 * <p>r and s are always in [1, n-1]. The recovery id is 0..3 (bit 0: parity of R.y; bit 1: R.x was
 * at least n) or -1 when unknown (e.g. after {@link #fromDer(byte[])}). Signatures made by
 * {@link Secp256k1PrivateKey#sign(byte[])} are low-s and carry their recovery id.
 */
public final class EcdsaSignature {
  private static final String FIELD_DER = "signature.der";

  /** r (32 bytes) || s (32 bytes), big-endian. */
  private final byte[] rs;
  private final int recoveryId;

  private EcdsaSignature(byte[] rs, int recoveryId) {
    this.rs = rs;
    this.recoveryId = recoveryId;
  }

  /** Wraps r||s known to be valid (from a backend); takes ownership of the array. */
  static EcdsaSignature trusted(byte[] rs, int recoveryId) {
    return new EcdsaSignature(rs, recoveryId);
  }

  /**
   * A signature from its components.
   *
   * @param r in [1, n-1]
   * @param s in [1, n-1]
   * @param recoveryId 0..3, or -1 if unknown
   * @return the signature
   * @throws CryptoException if a value is out of range
   */
  public static EcdsaSignature of(BigInteger r, BigInteger s, int recoveryId) {
    checkRange("r", r);
    checkRange("s", s);
    checkRecoveryId(recoveryId);
    byte[] rs = new byte[64];
    put(r, rs, 0);
    put(s, rs, 32);
    return new EcdsaSignature(rs, recoveryId);
  }

  /**
   * A signature from 64 bytes r||s (recovery id unknown) or 65 bytes r||s||recoveryId, where the
   * last byte is 0..3 (subtract 27 from an Ethereum {@code v} first).
   *
   * @param compact the encoding
   * @return the signature
   * @throws CryptoException if the length, r, s or the recovery id is invalid
   */
  public static EcdsaSignature fromCompact(byte[] compact) {
    if (compact == null) {
      throw new CryptoException("signature: null");
    }
    if (compact.length != 64 && compact.length != 65) {
      throw new CryptoException(
          "signature: must be 64 or 65 bytes, got " + compact.length);
    }
    if (!Scalars.isValidScalar(compact, 0)) {
      throw new CryptoException("signature.r: not in [1, n-1]");
    }
    if (!Scalars.isValidScalar(compact, 32)) {
      throw new CryptoException("signature.s: not in [1, n-1]");
    }
    int recId = -1;
    if (compact.length == 65) {
      recId = compact[64] & 0xFF;
      if (recId > 3) {
        throw new CryptoException(
            "signature.recoveryId: must be 0..3, got " + recId);
      }
    }
    return new EcdsaSignature(Arrays.copyOf(compact, 64), recId);
  }

  /**
   * Parses a strict DER signature: {@code SEQUENCE { INTEGER r, INTEGER s }} with minimal length
   * encodings, no negative integers, no superfluous leading zero bytes and nothing after the
   * sequence. The recovery id is unknown (-1).
   *
   * @param der the encoding
   * @return the signature
   * @throws DecodingException if the encoding is not strict DER (naming the offset)
   * @throws CryptoException if r or s is not in [1, n-1]
   */
  public static EcdsaSignature fromDer(byte[] der) {
    if (der == null) {
      throw new DecodingException(FIELD_DER, -1, "null");
    }
    int len = der.length;
    if (len < 2) {
      throw new DecodingException(FIELD_DER, len, "truncated sequence header");
    }
    if (der[0] != 0x30) {
      throw new DecodingException(FIELD_DER, 0, "expected SEQUENCE tag 0x30");
    }
    int seqLen = der[1] & 0xFF;
    if (seqLen >= 0x80) {
      // a signature is at most 70 bytes of content, so the long form is never minimal
      throw new DecodingException(FIELD_DER, 1, "sequence length not in minimal short form");
    }
    if (2 + seqLen != len) {
      throw new DecodingException(FIELD_DER, 1,
          "sequence length " + seqLen + " does not match the " + (len - 2) + " bytes that follow");
    }
    byte[] rs = new byte[64];
    int off = readInteger(der, 2, "r", rs, 0);
    off = readInteger(der, off, "s", rs, 32);
    if (off != len) {
      throw new DecodingException(FIELD_DER, off, "trailing bytes inside the sequence");
    }
    return new EcdsaSignature(rs, -1);
  }

  /** Reads one DER INTEGER at off into out[outOff..outOff+32); returns the offset after it. */
  private static int readInteger(byte[] der, int off, String name, byte[] out, int outOff) {
    int len = der.length;
    if (off >= len) {
      throw new DecodingException(FIELD_DER, off, "missing INTEGER " + name);
    }
    if (der[off] != 0x02) {
      throw new DecodingException(FIELD_DER, off, "expected INTEGER tag 0x02 for " + name);
    }
    if (off + 1 >= len) {
      throw new DecodingException(FIELD_DER, off + 1, "missing length of " + name);
    }
    int n = der[off + 1] & 0xFF;
    if (n >= 0x80) {
      throw new DecodingException(FIELD_DER, off + 1,
          "length of " + name + " not in minimal short form");
    }
    int start = off + 2;
    if (n == 0) {
      throw new DecodingException(FIELD_DER, off + 1, "empty INTEGER " + name);
    }
    if (n > len - start) {
      throw new DecodingException(FIELD_DER, off + 1,
          "length of " + name + " (" + n + ") exceeds the remaining " + (len - start) + " bytes");
    }
    if ((der[start] & 0x80) != 0) {
      throw new DecodingException(FIELD_DER, start, "negative INTEGER " + name);
    }
    if (n > 1 && der[start] == 0 && (der[start + 1] & 0x80) == 0) {
      throw new DecodingException(FIELD_DER, start, "superfluous leading zero in " + name);
    }
    int vStart = start;
    int vLen = n;
    if (der[start] == 0 && n > 1) {
      vStart++;
      vLen--;
    }
    if (vLen > 32) {
      throw new CryptoException("signature." + name + ": not in [1, n-1]");
    }
    System.arraycopy(der, vStart, out, outOff + 32 - vLen, vLen);
    if (!Scalars.isValidScalar(out, outOff)) {
      throw new CryptoException("signature." + name + ": not in [1, n-1]");
    }
    return start + n;
  }

  /** r, in [1, n-1]. */
  public BigInteger r() {
    return new BigInteger(1, Arrays.copyOfRange(rs, 0, 32)); // BigInteger(int, byte[], int, int) is API 33 on Android
  }

  /** s, in [1, n-1]. */
  public BigInteger s() {
    return new BigInteger(1, Arrays.copyOfRange(rs, 32, 64));
  }

  /** The recovery id 0..3, or -1 if unknown. */
  public int recoveryId() {
    return recoveryId;
  }

  /** Whether a recovery id is known. */
  public boolean hasRecoveryId() {
    return recoveryId >= 0;
  }

  /** 64 bytes r||s, big-endian. */
  public byte[] toCompact() {
    return rs.clone();
  }

  /**
   * 65 bytes r||s||recoveryId.
   *
   * @throws IllegalStateException if the recovery id is unknown
   */
  public byte[] toRecoverable() {
    if (recoveryId < 0) {
      throw new IllegalStateException("signature has no recovery id");
    }
    byte[] out = Arrays.copyOf(rs, 65);
    out[64] = (byte) recoveryId;
    return out;
  }

  /** The strict DER encoding {@code SEQUENCE { INTEGER r, INTEGER s }}. */
  public byte[] toDer() {
    int rStart = firstNonZero(0);
    int sStart = firstNonZero(32);
    int rLen = 32 - rStart + ((rs[rStart] & 0x80) != 0 ? 1 : 0);
    int sLen = 64 - sStart + ((rs[sStart] & 0x80) != 0 ? 1 : 0);
    byte[] out = new byte[6 + rLen + sLen];
    out[0] = 0x30;
    out[1] = (byte) (4 + rLen + sLen);
    out[2] = 0x02;
    out[3] = (byte) rLen;
    System.arraycopy(rs, rStart, out, 4 + rLen - (32 - rStart), 32 - rStart);
    int o = 4 + rLen;
    out[o] = 0x02;
    out[o + 1] = (byte) sLen;
    System.arraycopy(rs, sStart, out, o + 2 + sLen - (64 - sStart), 64 - sStart);
    return out;
  }

  private int firstNonZero(int from) {
    int i = from;
    while (i < from + 31 && rs[i] == 0) {
      i++;
    }
    return i;
  }

  /** Whether {@code s <= n/2} (the form Ethereum and Bitcoin require). */
  public boolean isLowS() {
    return s().compareTo(Secp256k1.HALF_ORDER) <= 0;
  }

  /**
   * This signature with s replaced by {@code n - s} if s is high (bit 0 of a known recovery id is
   * flipped accordingly, since R is negated); this signature itself if s is already low.
   */
  public EcdsaSignature normalizedS() {
    BigInteger s = s();
    if (s.compareTo(Secp256k1.HALF_ORDER) <= 0) {
      return this;
    }
    byte[] out = Arrays.copyOf(rs, 64);
    put(Secp256k1.ORDER.subtract(s), out, 32);
    return new EcdsaSignature(out, recoveryId < 0 ? -1 : recoveryId ^ 1);
  }

  /** r||s without copying, for the key types in this package. */
  byte[] rsUnsafe() {
    return rs;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof EcdsaSignature)) {
      return false;
    }
    EcdsaSignature other = (EcdsaSignature) o;
    return recoveryId == other.recoveryId && Arrays.equals(rs, other.rs);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(rs) + recoveryId;
  }

  @Override
  public String toString() {
    return "EcdsaSignature{r=" + dev.cairn.core.encoding.Hex.encode(rs, 0, 32)
        + ", s=" + dev.cairn.core.encoding.Hex.encode(rs, 32, 32)
        + ", recoveryId=" + recoveryId + "}";
  }

  private static void checkRange(String name, BigInteger v) {
    if (v == null) {
      throw new CryptoException("signature." + name + ": null");
    }
    if (v.signum() <= 0 || v.compareTo(Secp256k1.ORDER) >= 0) {
      throw new CryptoException("signature." + name + ": not in [1, n-1]");
    }
  }

  private static void checkRecoveryId(int recoveryId) {
    if (recoveryId < -1 || recoveryId > 3) {
      throw new CryptoException(
          "signature.recoveryId: must be -1 (unknown) or 0..3, got " + recoveryId);
    }
  }

  private static void put(BigInteger v, byte[] out, int off) {
    byte[] b = v.toByteArray();
    int n = Math.min(b.length, 32);
    Arrays.fill(out, off, off + 32, (byte) 0);
    System.arraycopy(b, b.length - n, out, off + 32 - n, n);
  }
}
