package dev.cairn.core.crypto.internal;

import dev.cairn.core.crypto.internal.secp256k1.Affine;
import dev.cairn.core.crypto.internal.secp256k1.Ecmult;
import dev.cairn.core.crypto.internal.secp256k1.Fe;
import dev.cairn.core.crypto.internal.secp256k1.Gen;
import dev.cairn.core.crypto.internal.secp256k1.Point;
import dev.cairn.core.crypto.internal.secp256k1.Scalar;
import dev.cairn.core.crypto.spi.Secp256k1Backend;

/**
 * The pure-Java secp256k1 backend: its own field (10x26-bit limbs), group and multiplication code
 * in {@code dev.cairn.core.crypto.internal.secp256k1}, no BigInteger anywhere.
 * Always available; priority 0.
 *
 * <p>Signing computes {@code k·G} with {@link Gen} (a 4-bit comb over a table built on first use,
 * constant-time table reads, a fixed sequence of additions), derives the nonce per RFC 6979
 * (HMAC-SHA256, no extra data) with per-thread state, normalises s to the lower half and computes
 * the recovery id from R itself. Verification and recovery use {@link Ecmult} (GLV split, wNAF,
 * Strauss interleaving, variable time: their inputs are public).
 *
 * <p>Side channels: signing is constant time in the key and the nonce: {@code k·G} (comb with
 * constant-time table reads) and the scalar arithmetic mod n that follows ({@code s = k⁻¹(e +
 * d·r)}, {@link Scalar}: fixed-length word loops, safegcd inversion, branch-free low-s select).
 * The RFC 6979 state, the scalars, the comb's selected entry and every field of the point that
 * accumulated k·G (coordinates and temporaries) are wiped after each signature, and likewise after
 * a public-key derivation (docs/pure-java-crypto.md).
 */
public final class JavaSecp256k1Backend implements Secp256k1Backend {

  /** n as little-endian 32-bit words. */
  private static final int[] N_WORDS =
      Scalar.words("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141");

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
    try {
      return toAffine(p, true).encode(compressed);
    } finally {
      p.wipe();
    }
  }

  @Override
  public byte[] signRecoverable(byte[] digest, byte[] privateKey) {
    int[] d = Scalar.create();
    int[] e = Scalar.create();
    int[] k = Scalar.create();
    int[] kInv = Scalar.create();
    int[] r = Scalar.create();
    int[] s = Scalar.create();
    Scalar.setBytes(d, privateKey, 0);
    Scalar.setBytes(e, digest, 0);
    byte[] eModN = new byte[32];
    Scalar.getBytes(e, eModN, 0);
    Rfc6979 nonces = NONCES.get();
    byte[] out = new byte[65];
    nonces.init(privateKey, eModN);
    Point rp = new Point();
    Affine ra = null;
    try {
      while (true) {
        byte[] kBytes = nonces.next();
        ra = toAffine(Gen.mul(rp, kBytes, 0), true);
        ra.x.getBytes(out, 0);
        // r = x mod n; x >= n happens for about 2^-128 of the nonces and sets bit 1 of the id
        int recId = Scalar.setBytes(r, out, 0) << 1;
        if (Scalar.isZero(r)) {
          continue;
        }
        Scalar.setBytes(k, kBytes, 0);
        Scalar.inverse(kInv, k);
        Scalar.mul(s, d, r);
        Scalar.add(s, s, e);
        Scalar.mul(s, s, kInv);
        if (Scalar.isZero(s)) {
          continue;
        }
        recId |= ra.y.isOdd() ? 1 : 0;
        // low s: negate when high (the public s is a branch-free select of s and n - s)
        boolean high = Scalar.isHigh(s);
        Scalar.negate(kInv, s);
        select(s, kInv, high);
        recId ^= high ? 1 : 0;
        Scalar.getBytes(r, out, 0);
        Scalar.getBytes(s, out, 32);
        out[64] = (byte) recId;
        return out;
      }
    } finally {
      nonces.clear();
      rp.wipe();
      if (ra != null) {
        wipe(ra.x, ra.y);
      }
      java.util.Arrays.fill(d, 0);
      java.util.Arrays.fill(e, 0);
      java.util.Arrays.fill(k, 0);
      java.util.Arrays.fill(kInv, 0);
      java.util.Arrays.fill(eModN, (byte) 0);
    }
  }

  private static void wipe(Fe... fes) {
    for (Fe f : fes) {
      f.setInt(0);
    }
  }

  /** {@code r = flag ? a : r}, without a branch on flag. */
  private static void select(int[] r, int[] a, boolean flag) {
    int mask = -(flag ? 1 : 0);
    for (int i = 0; i < 8; i++) {
      r[i] = (a[i] & mask) | (r[i] & ~mask);
    }
  }

  @Override
  public boolean verify(byte[] digest, byte[] rs, byte[] publicKey) {
    Affine q = new Affine();
    if (!q.decodeVar(publicKey)) {
      return false;
    }
    int[] r = Scalar.create();
    int[] s = Scalar.create();
    if (Scalar.setBytes(r, rs, 0) != 0 || Scalar.setBytes(s, rs, 32) != 0
        || Scalar.isZero(r) || Scalar.isZero(s)) {
      return false;
    }
    int[] e = Scalar.create();
    Scalar.setBytes(e, digest, 0);
    int[] w = Scalar.create();
    Scalar.inverseVar(w, s);
    int[] u1 = e;
    Scalar.mul(u1, e, w);
    int[] u2 = s;
    Scalar.mul(u2, r, w);
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
    Fe rn = plusOrder(r);
    if (rn == null) {
      return false;
    }
    rn.mul(rn, z2).normalize();
    return rn.equalsNormalized(x);
  }

  @Override
  public byte[] recover(byte[] digest, byte[] rs, int recoveryId, boolean compressed) {
    if (recoveryId < 0 || recoveryId > 3) {
      return null;
    }
    int[] r = Scalar.create();
    int[] s = Scalar.create();
    if (Scalar.setBytes(r, rs, 0) != 0 || Scalar.setBytes(s, rs, 32) != 0
        || Scalar.isZero(r) || Scalar.isZero(s)) {
      return null;
    }
    Fe x;
    if ((recoveryId & 2) != 0) {
      x = plusOrder(r);
      if (x == null) {
        return null;
      }
    } else {
      x = new Fe();
      x.setBytes(rs, 0);
    }
    Affine rPoint = new Affine();
    if (!rPoint.setXoVar(x, (recoveryId & 1) != 0)) {
      return null;
    }
    int[] e = Scalar.create();
    Scalar.setBytes(e, digest, 0);
    int[] rInv = Scalar.create();
    Scalar.inverseVar(rInv, r);
    int[] u1 = e;
    Scalar.negate(u1, e);
    Scalar.mul(u1, u1, rInv);
    int[] u2 = s;
    Scalar.mul(u2, s, rInv);
    Point q = Ecmult.mul(new Point(), rPoint, u2, u1);
    if (q.infinity) {
      return null;
    }
    return toAffine(q, false).encode(compressed);
  }

  /** The field element r + n, or null if it is not below p (r below n; public value). */
  private static Fe plusOrder(int[] r) {
    byte[] b = new byte[32];
    long carry = 0;
    for (int i = 0; i < 8; i++) {
      long t = (r[i] & 0xFFFFFFFFL) + (N_WORDS[i] & 0xFFFFFFFFL) + carry;
      int o = 28 - 4 * i;
      b[o] = (byte) (t >>> 24);
      b[o + 1] = (byte) (t >>> 16);
      b[o + 2] = (byte) (t >>> 8);
      b[o + 3] = (byte) t;
      carry = t >>> 32;
    }
    Fe f = new Fe();
    // setBytes refuses a value not below p; a carry out means the sum passed 2^256
    return carry == 0 && f.setBytes(b, 0) ? f : null;
  }

  @Override
  public byte[] parsePublicKey(byte[] publicKey, boolean compressed) {
    Affine q = new Affine();
    return q.decodeVar(publicKey) ? q.encode(compressed) : null;
  }

  @Override
  public byte[] publicKeyTweakAdd(byte[] publicKey, byte[] tweak, boolean compressed) {
    int[] t = Scalar.create();
    if (Scalar.setBytes(t, tweak, 0) != 0) {
      return null;
    }
    Affine q = new Affine();
    if (!q.decodeVar(publicKey)) {
      return null;
    }
    if (Scalar.isZero(t)) {
      return q.encode(compressed);
    }
    Point sum = Gen.mul(new Point(), tweak, 0).addVar(q, false);
    try {
      return sum.infinity ? null : toAffine(sum, true).encode(compressed);
    } finally {
      sum.wipe();
    }
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
}
