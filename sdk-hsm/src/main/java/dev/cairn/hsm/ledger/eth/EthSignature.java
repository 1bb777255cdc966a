package dev.cairn.hsm.ledger.eth;

import dev.cairn.core.encoding.Hex;
import java.math.BigInteger;

/**
 * A signature from the Ethereum app: r, s, the device's one-byte v and the full v computed as
 * ledgerjs does (legacy transactions: EIP-155 {@code chainId * 2 + 35 + parity} rebuilt from the
 * device's truncated byte; typed transactions: the parity; messages: 27 or 28 as the device sent).
 */
public final class EthSignature {
  private final int deviceV;
  private final BigInteger v;
  private final int yParity;
  private final byte[] r;
  private final byte[] s;

  EthSignature(int deviceV, BigInteger v, int yParity, byte[] r, byte[] s) {
    this.deviceV = deviceV;
    this.v = v;
    this.yParity = yParity;
    this.r = r;
    this.s = s;
  }

  /** The v byte the device returned. */
  public int deviceV() {
    return deviceV;
  }

  /** The full v (see the class comment). */
  public BigInteger v() {
    return v;
  }

  /** The recovery parity (0 or 1). */
  public int yParity() {
    return yParity;
  }

  /** r, 32 bytes (copy). */
  public byte[] r() {
    return r.clone();
  }

  /** s, 32 bytes (copy). */
  public byte[] s() {
    return s.clone();
  }

  /** r || s || parity, 65 bytes. */
  public byte[] toRecoverable() {
    byte[] out = new byte[65];
    System.arraycopy(r, 0, out, 0, 32);
    System.arraycopy(s, 0, out, 32, 32);
    out[64] = (byte) yParity;
    return out;
  }

  @Override
  public String toString() {
    return "EthSignature{v=0x" + v.toString(16) + ", r=" + Hex.encode(r) + ", s=" + Hex.encode(s) + "}";
  }
}
