package dev.cairn.core.crypto.internal.secp256k1;

/** A secp256k1 point in affine coordinates (never infinity); coordinates normalized. Mutable. */
public final class Affine {
  /** The x coordinate. */
  public final Fe x = new Fe();
  /** The y coordinate. */
  public final Fe y = new Fe();

  /** The point (0, 0), to be set. */
  public Affine() {}

  /** Ints per packed point: x's ten limbs, then y's. */
  static final int PACKED = 20;

  /** Packs normalized points (26-bit limbs) into an int array, {@link #PACKED} ints each. */
  static int[] pack(Affine[] points) {
    int[] t = new int[points.length * PACKED];
    for (int i = 0; i < points.length; i++) {
      points[i].x.toInts(t, PACKED * i);
      points[i].y.toInts(t, PACKED * i + 10);
    }
    return t;
  }

  /** {@code this = } the packed point at {@code t[off..off + PACKED)}. */
  Affine loadPacked(int[] t, int off) {
    x.fromInts(t, off);
    y.fromInts(t, off + 10);
    return this;
  }

  /** Whether (x, y) satisfies y^2 = x^3 + 7. */
  public boolean isOnCurve() {
    Fe y2 = new Fe().sqr(y);
    Fe x3 = new Fe().sqr(x).mul2(x);
    x3.n0 += 7;
    x3.normalize();
    return y2.normalize().equalsNormalized(x3);
  }

  /**
   * Sets the point with this x (normalized, below p) and the given parity of y; returns false if
   * x is not the x coordinate of a curve point.
   */
  public boolean setXoVar(Fe xIn, boolean odd) {
    x.set(xIn).normalize();
    Fe c = new Fe().sqr(x).mul2(x);
    c.n0 += 7;
    if (!y.sqrtVar(c)) {
      return false;
    }
    y.normalize();
    if (y.isOdd() != odd) {
      y.negate(y, 1).normalize();
    }
    return true;
  }

  /**
   * Decodes a SEC1 point (33-byte compressed or 65-byte uncompressed); returns false if the
   * encoding is malformed, a coordinate is not below p, or the point is not on the curve.
   */
  public boolean decodeVar(byte[] enc) {
    if (enc == null) {
      return false;
    }
    if (enc.length == 33 && (enc[0] == 2 || enc[0] == 3)) {
      Fe fx = new Fe();
      if (!fx.setBytes(enc, 1)) {
        return false;
      }
      return setXoVar(fx, enc[0] == 3);
    }
    if (enc.length == 65 && enc[0] == 4) {
      if (!x.setBytes(enc, 1) || !y.setBytes(enc, 33)) {
        return false;
      }
      return isOnCurve();
    }
    return false;
  }

  /** SEC1 encoding: 33 bytes if compressed, else 65. */
  public byte[] encode(boolean compressed) {
    if (compressed) {
      byte[] out = new byte[33];
      out[0] = (byte) (y.isOdd() ? 3 : 2);
      x.getBytes(out, 1);
      return out;
    }
    byte[] out = new byte[65];
    out[0] = 4;
    x.getBytes(out, 1);
    y.getBytes(out, 33);
    return out;
  }
}
