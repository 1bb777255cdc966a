package dev.cairn.svm.internal;

import java.math.BigInteger;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * Whether 32 bytes are the compressed encoding of an Ed25519 point, with the semantics of the
 * Solana runtime (curve25519-dalek's {@code CompressedEdwardsY::decompress}): the sign bit is
 * ignored for the decision, y is taken modulo p (non-canonical y accepted), and the bytes are a
 * point exactly when {@code (y^2 - 1) / (d y^2 + 1)} is a square in GF(p).
 */
public final class Curve25519 {
  private static final int[] D = X25519Field.create();

  static {
    BigInteger p = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    BigInteger d =
        BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(p)).mod(p);
    byte[] be = d.toByteArray();
    byte[] le = new byte[32];
    for (int i = 0; i < 32 && i < be.length; i++) {
      le[i] = be[be.length - 1 - i];
    }
    X25519Field.decode(le, 0, D);
  }

  private Curve25519() {}

  /** Whether {@code bytes[off..off+32)} decompress to a curve point. */
  public static boolean isOnCurve(byte[] bytes, int off) {
    int[] y = X25519Field.create();
    X25519Field.decode(bytes, off, y); // ignores the top (sign) bit
    int[] yy = X25519Field.create();
    X25519Field.sqr(y, yy);
    int[] u = X25519Field.create();
    X25519Field.copy(yy, 0, u, 0);
    X25519Field.subOne(u);
    int[] v = X25519Field.create();
    X25519Field.mul(yy, D, v);
    X25519Field.addOne(v);
    X25519Field.normalize(u);
    X25519Field.normalize(v);
    int[] x = X25519Field.create();
    return X25519Field.sqrtRatioVar(u, v, x);
  }
}
