package dev.cairn.core.crypto.internal;

import dev.cairn.core.crypto.internal.secp256k1.Affine;
import dev.cairn.core.crypto.internal.secp256k1.Ecmult;
import dev.cairn.core.crypto.internal.secp256k1.Fe;
import dev.cairn.core.crypto.internal.secp256k1.Gen;
import dev.cairn.core.crypto.internal.secp256k1.Point;
import dev.cairn.core.crypto.spi.Secp256k1Backend;
import java.math.BigInteger;
import org.bouncycastle.util.BigIntegers;

/**
 * The pure-Java secp256k1 backend: its own field (10x26-bit limbs), group and multiplication code
 * in {@code dev.cairn.core.crypto.internal.secp256k1}, no BigInteger in the point arithmetic.
 * Always available; priority 0.
 *
 * <p>Signing computes {@code k·G} with {@link Gen} (a 4-bit comb over a table built on first use,
 * constant-time table reads, a fixed sequence of additions), derives the nonce per RFC 6979
 * (HMAC-SHA256, no extra data) with per-thread state, normalises s to the lower half and computes
 * the recovery id from R itself. Verification and recovery use {@link Ecmult} (GLV split, wNAF,
 * Strauss interleaving, variable time: their inputs are public).
 *
 * <p>Side channels: only {@code k·G} is constant time. The scalar arithmetic mod n that follows
 * ({@code s = k⁻¹(e + d·r)}) still runs on {@link BigInteger}, which is not constant time in the
 * nonce or the key, and the point's scratch state is not wiped (docs/pure-java-crypto.md).
 */
public final class JavaSecp256k1Backend implements Secp256k1Backend {

  private static final BigInteger N = Ecmult.N;
  private static final BigInteger HALF_N = N.shiftRight(1);
  private static final BigInteger P =
      BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE.shiftLeft(32)).subtract(BigInteger.valueOf(977));
  /** p - n: a field element x below this may have a second preimage x + n of the same r. */
  private static final BigInteger P_MINUS_N = P.subtract(N);

  private static final ThreadLocal<Rfc6979> NONCES =
      new ThreadLocal<Rfc6979>() {
        @Override
        protected Rfc6979 initialValue() {
          return new Rfc6979();
        }
      };

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
    Point p = Gen.mul(new Point(), privateKey, 0);
    return toAffine(p, true).encode(compressed);
  }

  @Override
  public byte[] signRecoverable(byte[] digest, byte[] privateKey) {
    BigInteger d = new BigInteger(1, privateKey);
    BigInteger e = new BigInteger(1, digest);
    BigInteger eModN = e.compareTo(N) >= 0 ? e.subtract(N) : e;
    Rfc6979 nonces = NONCES.get();
    byte[] out = new byte[65];
    byte[] rx = new byte[32];
    nonces.init(privateKey, eModN);
    Point rp = new Point();
    try {
      while (true) {
        byte[] kBytes = nonces.next();
        Affine ra = toAffine(Gen.mul(rp, kBytes, 0), true);
        ra.x.getBytes(rx, 0);
        BigInteger r = new BigInteger(1, rx);
        int recId = 0;
        if (r.compareTo(N) >= 0) {
          r = r.subtract(N);
          recId = 2;
        }
        if (r.signum() == 0) {
          continue;
        }
        BigInteger k = new BigInteger(1, kBytes);
        BigInteger kInv = BigIntegers.modOddInverse(N, k);
        BigInteger s = kInv.multiply(eModN.add(d.multiply(r))).mod(N);
        if (s.signum() == 0) {
          continue;
        }
        if (ra.y.isOdd()) {
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
      rp.x.setInt(0);
      rp.y.setInt(0);
      rp.z.setInt(0);
    }
  }

  @Override
  public boolean verify(byte[] digest, byte[] rs, byte[] publicKey) {
    Affine q = new Affine();
    if (!q.decodeVar(publicKey)) {
      return false;
    }
    BigInteger r = unsigned(rs, 0);
    BigInteger s = unsigned(rs, 32);
    if (r.signum() == 0 || s.signum() == 0 || r.compareTo(N) >= 0 || s.compareTo(N) >= 0) {
      return false;
    }
    BigInteger e = new BigInteger(1, digest);
    BigInteger w = BigIntegers.modOddInverseVar(N, s);
    BigInteger u1 = e.multiply(w).mod(N);
    BigInteger u2 = r.multiply(w).mod(N);
    Point point = Ecmult.mul(new Point(), q, u2, u1);
    if (point.infinity) {
      return false;
    }
    // Compare x(point) with r (or r + n) without an inversion: x = X / Z^2, so test X == r·Z^2.
    Fe x = new Fe(point.x).normalize();
    Fe z2 = new Fe().sqr(point.z);
    Fe rz2 = new Fe();
    rz2.setBytes(rs, 0);
    rz2.mul(rz2, z2).normalize();
    if (rz2.equalsNormalized(x)) {
      return true;
    }
    if (r.compareTo(P_MINUS_N) >= 0) {
      return false;
    }
    Fe rn = fe(r.add(N));
    rn.mul(rn, z2).normalize();
    return rn.equalsNormalized(x);
  }

  @Override
  public byte[] recover(byte[] digest, byte[] rs, int recoveryId, boolean compressed) {
    if (recoveryId < 0 || recoveryId > 3) {
      return null;
    }
    BigInteger r = unsigned(rs, 0);
    BigInteger s = unsigned(rs, 32);
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
    Affine rPoint = new Affine();
    if (!rPoint.setXoVar(fe(x), (recoveryId & 1) != 0)) {
      return null;
    }
    BigInteger e = new BigInteger(1, digest);
    if (e.compareTo(N) >= 0) {
      e = e.subtract(N);
    }
    BigInteger rInv = BigIntegers.modOddInverseVar(N, r);
    BigInteger u1 = N.subtract(e).multiply(rInv).mod(N);
    BigInteger u2 = s.multiply(rInv).mod(N);
    Point q = Ecmult.mul(new Point(), rPoint, u2, u1);
    if (q.infinity) {
      return null;
    }
    return toAffine(q, false).encode(compressed);
  }

  @Override
  public byte[] parsePublicKey(byte[] publicKey, boolean compressed) {
    Affine q = new Affine();
    return q.decodeVar(publicKey) ? q.encode(compressed) : null;
  }

  @Override
  public byte[] publicKeyTweakAdd(byte[] publicKey, byte[] tweak, boolean compressed) {
    BigInteger t = new BigInteger(1, tweak);
    if (t.compareTo(N) >= 0) {
      return null;
    }
    Affine q = new Affine();
    if (!q.decodeVar(publicKey)) {
      return null;
    }
    if (t.signum() == 0) {
      return q.encode(compressed);
    }
    Point sum = Gen.mul(new Point(), tweak, 0).addVar(q, false);
    if (sum.infinity) {
      return null;
    }
    return toAffine(sum, true).encode(compressed);
  }

  /** Affine form of a finite point; the inversion is constant time if {@code secret}. */
  private static Affine toAffine(Point p, boolean secret) {
    Fe zi = secret ? new Fe().inv(p.z) : new Fe().invVar(p.z);
    Fe zi2 = new Fe().sqr(zi);
    Affine a = new Affine();
    a.x.mul(p.x, zi2).normalize();
    a.y.mul(p.y, zi2).mul(a.y, zi).normalize();
    return a;
  }

  private static Fe fe(BigInteger v) {
    byte[] b = new byte[32];
    BigIntegers.asUnsignedByteArray(v, b, 0, 32);
    Fe f = new Fe();
    f.setBytes(b, 0);
    return f;
  }

  /** The unsigned big-endian 32 bytes at {@code off} (BigInteger(int, byte[], int, int) is API 33). */
  private static BigInteger unsigned(byte[] a, int off) {
    byte[] b = new byte[32];
    System.arraycopy(a, off, b, 0, 32);
    return new BigInteger(1, b);
  }
}
