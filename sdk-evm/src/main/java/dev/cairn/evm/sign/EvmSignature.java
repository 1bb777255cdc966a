package dev.cairn.evm.sign;

import dev.cairn.core.crypto.CryptoException;
import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.crypto.Secp256k1;
import dev.cairn.core.encoding.Hex;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * An Ethereum ECDSA signature: r, s and the y parity (0 or 1) of the nonce point R, as used by
 * transactions, EIP-7702 authorizations, {@code personal_sign} and EIP-712.
 *
 * <p>Its 65-byte form is {@code r || s || v} with {@code v = 27 + yParity} (the form wallets return
 * from {@code personal_sign} and {@code eth_signTypedData_v4}). Immutable. r and s are always in
 * [1, n-1]; signatures made by this SDK are low-s, but {@link #fromBytes(byte[])} accepts high s
 * (ecrecover does); check {@link #isLowS()} where a protocol requires it.
 */
public final class EvmSignature {
  private final byte[] rs; // 64 bytes r || s
  private final int yParity;

  private EvmSignature(byte[] rs, int yParity) {
    this.rs = rs;
    this.yParity = yParity;
  }

  /**
   * A signature from its components.
   *
   * @param yParity 0 or 1
   * @param r in [1, n-1]
   * @param s in [1, n-1]
   * @throws CryptoException if a value is out of range
   */
  public static EvmSignature of(int yParity, BigInteger r, BigInteger s) {
    checkParity(yParity);
    return new EvmSignature(EcdsaSignature.of(r, s, yParity).toCompact(), yParity);
  }

  /**
   * A signature from an {@link EcdsaSignature} whose recovery id is 0 or 1.
   *
   * @throws CryptoException if the recovery id is unknown or 2/3 (R.x at least n: not expressible
   *     in Ethereum's one-bit parity)
   */
  public static EvmSignature from(EcdsaSignature signature) {
    if (signature == null) {
      throw new CryptoException("signature: null");
    }
    int id = signature.recoveryId();
    if (id < 0) {
      throw new CryptoException("signature.recoveryId: unknown");
    }
    if (id > 1) {
      throw new CryptoException(
          "signature.recoveryId: " + id + " (R.x >= n) cannot be expressed as a y parity");
    }
    return new EvmSignature(signature.toCompact(), id);
  }

  /**
   * Parses the 65-byte form {@code r || s || v}, with v 27 or 28 (also accepted: 0 or 1).
   *
   * @throws CryptoException if the length, v, r or s is invalid
   */
  public static EvmSignature fromBytes(byte[] rsv) {
    if (rsv == null || rsv.length != 65) {
      throw new CryptoException(
          "signature: must be 65 bytes r||s||v, got " + (rsv == null ? "null" : rsv.length + " bytes"));
    }
    int v = rsv[64] & 0xff;
    int parity;
    if (v == 27 || v == 28) {
      parity = v - 27;
    } else if (v == 0 || v == 1) {
      parity = v;
    } else {
      throw new CryptoException("signature.v: must be 27 or 28 (or 0/1), got " + v);
    }
    byte[] rs = Arrays.copyOf(rsv, 64);
    EcdsaSignature.fromCompact(rs); // range checks of r and s
    return new EvmSignature(rs, parity);
  }

  /** Parses {@code 0x}-prefixed (or bare) hex of the 65-byte form; see {@link #fromBytes}. */
  public static EvmSignature fromHex(String hex) {
    return fromBytes(Hex.decode("signature", hex));
  }

  private static void checkParity(int yParity) {
    if (yParity != 0 && yParity != 1) {
      throw new CryptoException("signature.yParity: must be 0 or 1, got " + yParity);
    }
  }

  /** r. */
  public BigInteger r() {
    return new BigInteger(1, Arrays.copyOfRange(rs, 0, 32)); // BigInteger(int, byte[], int, int) is API 33 on Android
  }

  /** s. */
  public BigInteger s() {
    return new BigInteger(1, Arrays.copyOfRange(rs, 32, 64));
  }

  /** The y parity of R: 0 or 1. */
  public int yParity() {
    return yParity;
  }

  /** {@code 27 + yParity}, the v of {@code personal_sign} signatures. */
  public int v() {
    return 27 + yParity;
  }

  /** Whether {@code s <= n/2}. */
  public boolean isLowS() {
    return s().compareTo(Secp256k1.HALF_ORDER) <= 0;
  }

  /** 32 bytes of r (a copy). */
  public byte[] rBytes() {
    return Arrays.copyOfRange(rs, 0, 32);
  }

  /** 32 bytes of s (a copy). */
  public byte[] sBytes() {
    return Arrays.copyOfRange(rs, 32, 64);
  }

  /** The 65-byte form {@code r || s || v} with {@code v = 27 + yParity}. */
  public byte[] toBytes() {
    byte[] out = Arrays.copyOf(rs, 65);
    out[64] = (byte) (27 + yParity);
    return out;
  }

  /** {@link #toBytes()} as lowercase {@code 0x} hex. */
  public String toHex() {
    return Hex.encodePrefixed(toBytes());
  }

  /** This signature as an {@link EcdsaSignature} with recovery id {@code yParity}. */
  public EcdsaSignature toEcdsaSignature() {
    byte[] b = Arrays.copyOf(rs, 65);
    b[64] = (byte) yParity;
    return EcdsaSignature.fromCompact(b);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof EvmSignature)) {
      return false;
    }
    EvmSignature e = (EvmSignature) o;
    return yParity == e.yParity && Arrays.equals(rs, e.rs);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(rs) + yParity;
  }

  /** The 65-byte hex form. */
  @Override
  public String toString() {
    return toHex();
  }
}
