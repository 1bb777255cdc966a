package dev.cairn.core.crypto.internal;

import dev.cairn.core.crypto.spi.Secp256k1Backend;
import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * The pure-Java secp256k1 backend, on BouncyCastle's custom secp256k1 curve (fast field arithmetic
 * and the GLV endomorphism). Always available; priority 0.
 *
 * <p>Signing computes {@code k·G} with a fixed-point comb over a cached precomputation, derives the
 * nonce per RFC 6979 (HMAC-SHA256, no extra data) with per-thread state, normalises s to the lower
 * half and computes the recovery id from R itself. Verification and recovery use
 * {@link ECAlgorithms#sumOfTwoMultiplies}.
 */
public final class JavaSecp256k1Backend implements Secp256k1Backend {

  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
  private static final ECCurve CURVE = PARAMS.getCurve();
  private static final ECPoint G = PARAMS.getG();
  private static final BigInteger N = PARAMS.getN();
  private static final BigInteger HALF_N = N.shiftRight(1);
  private static final BigInteger P = CURVE.getField().getCharacteristic();
  /** p - n: a field element x below this may have a second preimage x + n of the same r. */
  private static final BigInteger P_MINUS_N = P.subtract(N);
  private static final FixedPointCombMultiplier BASE_MULT = new FixedPointCombMultiplier();

  private static final ThreadLocal<Rfc6979> NONCES = ThreadLocal.withInitial(Rfc6979::new);

  static {
    // build the comb table for G once, up front
    BASE_MULT.multiply(G, BigInteger.ONE);
  }

  /** Creates the backend (stateless; instances are interchangeable). */
  public JavaSecp256k1Backend() {}

  @Override
  public String name() {
    return "java";
  }

  @Override
  public int priority() {
    return 0;
  }

  @Override
  public boolean isAvailable() {
    return true;
  }

  @Override
  public byte[] publicKey(byte[] privateKey, boolean compressed) {
    BigInteger d = new BigInteger(1, privateKey);
    return BASE_MULT.multiply(G, d).getEncoded(compressed);
  }

  @Override
  public byte[] signRecoverable(byte[] digest, byte[] privateKey) {
    BigInteger d = new BigInteger(1, privateKey);
    BigInteger e = new BigInteger(1, digest);
    BigInteger eModN = e.compareTo(N) >= 0 ? e.subtract(N) : e;
    Rfc6979 nonces = NONCES.get();
    byte[] out = new byte[65];
    nonces.init(privateKey, eModN);
    try {
      while (true) {
        BigInteger k = nonces.next();
        ECPoint rPoint = BASE_MULT.multiply(G, k).normalize();
        BigInteger rx = rPoint.getAffineXCoord().toBigInteger();
        int recId = 0;
        BigInteger r = rx;
        if (rx.compareTo(N) >= 0) {
          r = rx.subtract(N);
          recId = 2;
        }
        if (r.signum() == 0) {
          continue;
        }
        BigInteger kInv = BigIntegers.modOddInverse(N, k);
        BigInteger s = kInv.multiply(eModN.add(d.multiply(r))).mod(N);
        if (s.signum() == 0) {
          continue;
        }
        if (rPoint.getAffineYCoord().testBitZero()) {
          recId |= 1;
        }
        if (s.compareTo(HALF_N) > 0) {
          s = N.subtract(s);
          recId ^= 1;
        }
        BigIntegers.asUnsignedByteArray(r, out, 0, 32);
        BigIntegers.asUnsignedByteArray(s, out, 32, 32);
        out[64] = (byte) recId;
        return out;
      }
    } finally {
      nonces.clear();
    }
  }

  @Override
  public boolean verify(byte[] digest, byte[] rs, byte[] publicKey) {
    ECPoint q = decode(publicKey);
    if (q == null) {
      return false;
    }
    BigInteger r = new BigInteger(1, rs, 0, 32);
    BigInteger s = new BigInteger(1, rs, 32, 32);
    if (r.signum() == 0 || s.signum() == 0 || r.compareTo(N) >= 0 || s.compareTo(N) >= 0) {
      return false;
    }
    BigInteger e = new BigInteger(1, digest);
    BigInteger w = BigIntegers.modOddInverseVar(N, s);
    BigInteger u1 = e.multiply(w).mod(N);
    BigInteger u2 = r.multiply(w).mod(N);
    ECPoint point = ECAlgorithms.sumOfTwoMultiplies(G, u1, q, u2);
    if (point.isInfinity()) {
      return false;
    }
    // Compare x(point) with r (or r + n) without normalising: in Jacobian coordinates
    // x = X / Z^2, so test X == r·Z^2.
    ECFieldElement z = point.getZCoord(0);
    ECFieldElement x = point.getXCoord();
    if (z.isOne()) {
      BigInteger ax = x.toBigInteger();
      return ax.equals(r) || (r.compareTo(P_MINUS_N) < 0 && ax.equals(r.add(N)));
    }
    ECFieldElement z2 = z.square();
    if (CURVE.fromBigInteger(r).multiply(z2).equals(x)) {
      return true;
    }
    return r.compareTo(P_MINUS_N) < 0 && CURVE.fromBigInteger(r.add(N)).multiply(z2).equals(x);
  }

  @Override
  public byte[] recover(byte[] digest, byte[] rs, int recoveryId, boolean compressed) {
    if (recoveryId < 0 || recoveryId > 3) {
      return null;
    }
    BigInteger r = new BigInteger(1, rs, 0, 32);
    BigInteger s = new BigInteger(1, rs, 32, 32);
    if (r.signum() == 0 || s.signum() == 0 || r.compareTo(N) >= 0 || s.compareTo(N) >= 0) {
      return null;
    }
    BigInteger x = r;
    if ((recoveryId & 2) != 0) {
      if (r.compareTo(P_MINUS_N) >= 0) {
        return null;
      }
      x = r.add(N);
    }
    byte[] enc = new byte[33];
    enc[0] = (byte) (2 + (recoveryId & 1));
    BigIntegers.asUnsignedByteArray(x, enc, 1, 32);
    ECPoint rPoint = decode(enc);
    if (rPoint == null) {
      return null;
    }
    BigInteger e = new BigInteger(1, digest);
    if (e.compareTo(N) >= 0) {
      e = e.subtract(N);
    }
    BigInteger rInv = BigIntegers.modOddInverseVar(N, r);
    BigInteger u1 = N.subtract(e).multiply(rInv).mod(N);
    BigInteger u2 = s.multiply(rInv).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(G, u1, rPoint, u2);
    if (q.isInfinity()) {
      return null;
    }
    return q.getEncoded(compressed);
  }

  @Override
  public byte[] parsePublicKey(byte[] publicKey, boolean compressed) {
    ECPoint q = decode(publicKey);
    return q == null ? null : q.getEncoded(compressed);
  }

  @Override
  public byte[] publicKeyTweakAdd(byte[] publicKey, byte[] tweak, boolean compressed) {
    BigInteger t = new BigInteger(1, tweak);
    if (t.compareTo(N) >= 0) {
      return null;
    }
    ECPoint q = decode(publicKey);
    if (q == null) {
      return null;
    }
    ECPoint sum = t.signum() == 0 ? q : q.add(BASE_MULT.multiply(G, t));
    if (sum.isInfinity()) {
      return null;
    }
    return sum.getEncoded(compressed);
  }

  /** Decodes a SEC1 point (02/03 + 32 bytes or 04 + 64 bytes), or null if it is not on the curve. */
  private static ECPoint decode(byte[] enc) {
    if (enc == null) {
      return null;
    }
    if (enc.length == 33) {
      if (enc[0] != 2 && enc[0] != 3) {
        return null;
      }
    } else if (enc.length == 65) {
      if (enc[0] != 4) {
        return null;
      }
    } else {
      return null;
    }
    try {
      ECPoint p = CURVE.decodePoint(enc);
      return p.isInfinity() ? null : p;
    } catch (IllegalArgumentException | ArithmeticException e) {
      return null;
    }
  }
}
