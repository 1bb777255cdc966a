package dev.cairn.core.crypto.internal.secp256k1;

/**
 * Variable-time multi-scalar multiplication {@code na·A + ng·G} for verification and public-key
 * recovery (public inputs only): both scalars are split with the GLV endomorphism
 * {@code λ·(x, y) = (β·x, y)} into halves of about 128 bits, each half is written in wNAF, and the
 * four wNAFs are walked together with one shared doubling chain (Strauss/Shamir). A uses a
 * window of {@value #WINDOW_A} (8 odd multiples sharing one Z, no inversion: {@link
 * #oddMultiplesGlobalZ}); G uses static tables of {@value #WINDOW_G}-bit window odd multiples of G
 * and of λ·G, built once on first use. The split constants and the wNAF recoding follow libsecp256k1
 * ({@code src/scalar_impl.h}, {@code src/ecmult_impl.h}; MIT License, Copyright (c) 2013, 2014
 * Pieter Wuille and contributors).
 */
public final class Ecmult {
  private Ecmult() {}

  /** β, a cube root of unity mod p. */
  static final Fe BETA = fe("7AE96A2B657C07106E64479EAC3434E99CF0497512F58995C1396C28719501EE");

  /** Window of the variable point. */
  static final int WINDOW_A = 5;
  /**
   * Window of the generator's static tables: 2 x 1024 affine points, packed into int arrays (160
   * KiB), built on the first verification or recovery (a few milliseconds). Window 10 took 2 x 256
   * points and about 3.6 more additions per multiplication.
   */
  static final int WINDOW_G = 12;
  /** wNAF length: the split halves are below 2^129 in absolute value. */
  private static final int WNAF_LEN = 131;

  /** The generator G. */
  public static final Affine G = affine(
      "79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798",
      "483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8");

  /** The generator tables, built when first needed (not when Gen only needs G). */
  private static final class GTables {
    /** Odd multiples (2i+1)·G, entry i at [20i, 20i + 20): x's ten limbs, then y's. */
    static final int[] PRE_G;
    /** The same for λ·G: (β·x, y). */
    static final int[] PRE_G_LAM;

    static {
      Affine[] pre = oddMultiples(G, 1 << (WINDOW_G - 2));
      PRE_G = Affine.pack(pre);
      PRE_G_LAM = Affine.pack(lambdaTable(pre));
    }
  }

  static Fe fe(String hex) {
    byte[] b = new byte[32];
    for (int i = 0; i < 32; i++) {
      b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    Fe f = new Fe();
    f.setBytes(b, 0);
    return f;
  }

  private static Affine affine(String x, String y) {
    Affine a = new Affine();
    a.x.set(fe(x));
    a.y.set(fe(y));
    return a;
  }

  /** {@code (2i+1)·a} for i in [0, count), in affine coordinates (one field inversion). */
  static Affine[] oddMultiples(Affine a, int count) {
    Fe[] xs = new Fe[count];
    Fe[] ys = new Fe[count];
    Fe[] zs = new Fe[count];
    Point acc = new Point().set(a);
    Point twice = new Point().set(a).dbl();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        acc.addVar(twice);
      }
      xs[i] = new Fe(acc.x);
      ys[i] = new Fe(acc.y);
      zs[i] = new Fe(acc.z);
    }
    return toAffine(xs, ys, zs);
  }

  /**
   * {@code (2i+1)·a} for i in [0, count), as x and y over one shared Z, written to {@code zOut}
   * (libsecp256k1's effective-affine table, {@code ecmult_odd_multiples_table} and {@code
   * ge_table_set_globalz}): the multiples are built by mixed additions of 2a on the isomorphic curve
   * where 2a is affine, then rescaled to the last multiple's Z with the addition's z ratios. No
   * inversion. The entries are affine points of the isomorphic curve {@code (x·Z^2, y·Z^3)}.
   */
  static Affine[] oddMultiplesGlobalZ(Affine a, int count, Fe zOut) {
    Point d = new Point().set(a).dbl();
    Affine dge = new Affine();
    dge.x.set(d.x).normalizeWeak();
    dge.y.set(d.y).normalizeWeak();
    Fe dz2 = new Fe().sqr(d.z);
    Fe dz3 = new Fe().mul(dz2, d.z);
    Affine[] pre = new Affine[count];
    Fe[] zr = new Fe[count];
    pre[0] = new Affine();
    pre[0].x.mul(a.x, dz2);
    pre[0].y.mul(a.y, dz3);
    zr[0] = new Fe(d.z);
    Point ai = new Point().set(pre[0]);
    for (int i = 1; i < count; i++) {
      zr[i] = new Fe();
      ai.addVarRatio(dge, zr[i]);
      pre[i] = new Affine();
      pre[i].x.set(ai.x);
      pre[i].y.set(ai.y);
    }
    zOut.mul(ai.z, d.z);
    Fe zs = new Fe(zr[count - 1]);
    Fe zs2 = new Fe();
    for (int i = count - 1; i > 0; ) {
      if (i != count - 1) {
        zs.mul2(zr[i]);
      }
      i--;
      zs2.sqr(zs);
      pre[i].x.mul2(zs2);
      pre[i].y.mul2(zs2).mul2(zs);
    }
    for (Affine p : pre) {
      p.x.normalizeWeak();
      p.y.normalizeWeak();
    }
    return pre;
  }

  /** Batch conversion to affine (Montgomery's trick: one inversion); no point may be infinity. */
  static Affine[] toAffine(Point[] pts) {
    int n = pts.length;
    Fe[] xs = new Fe[n];
    Fe[] ys = new Fe[n];
    Fe[] zs = new Fe[n];
    for (int i = 0; i < n; i++) {
      xs[i] = pts[i].x;
      ys[i] = pts[i].y;
      zs[i] = pts[i].z;
    }
    return toAffine(xs, ys, zs);
  }

  /** Batch conversion of Jacobian (xs, ys, zs) to affine; no z may be zero. */
  static Affine[] toAffine(Fe[] xs, Fe[] ys, Fe[] zs) {
    int n = zs.length;
    Fe[] prefix = new Fe[n];
    prefix[0] = new Fe(zs[0]);
    for (int i = 1; i < n; i++) {
      prefix[i] = new Fe().mul(prefix[i - 1], zs[i]);
    }
    Fe inv = new Fe().invVar(prefix[n - 1]);
    Affine[] out = new Affine[n];
    Fe zi = new Fe();
    Fe zi2 = new Fe();
    for (int i = n - 1; i >= 0; i--) {
      if (i > 0) {
        zi.mul(inv, prefix[i - 1]);
        inv.mul2(zs[i]);
      } else {
        zi.set(inv);
      }
      zi2.sqr(zi);
      Affine o = new Affine();
      o.x.mul(xs[i], zi2).normalize();
      o.y.mul(ys[i], zi2).mul2(zi).normalize();
      out[i] = o;
    }
    return out;
  }

  static Affine[] lambdaTable(Affine[] pre) {
    Affine[] out = new Affine[pre.length];
    for (int i = 0; i < pre.length; i++) {
      Affine o = new Affine();
      o.x.mul(pre[i].x, BETA).normalize();
      o.y.set(pre[i].y);
      out[i] = o;
    }
    return out;
  }

  /**
   * Splits k in [0, n) into k1 + k2·λ (mod n) with |k1|, |k2| below 2^129 ({@link
   * Scalar#splitLambda}), and writes the signed wNAF of each half. Returns the larger wNAF length.
   */
  static int splitWnaf(int[] k, int w, int[] wnaf1, int[] wnaf2) {
    int[] r1 = new int[8];
    int[] r2 = new int[8];
    Scalar.splitLambda(r1, r2, k);
    int l1 = wnafSigned(wnaf1, r1, w);
    int l2 = wnafSigned(wnaf2, r2, w);
    return Math.max(l1, l2);
  }

  private static int wnafSigned(int[] wnaf, int[] r, int w) {
    int sign = 1;
    if (Scalar.isHigh(r)) {
      Scalar.negate(r, r);
      sign = -1;
    }
    if (r[7] != 0 || r[6] != 0 || r[5] != 0 || (r[4] & ~1) != 0) {
      throw new IllegalStateException("GLV split out of range");
    }
    long w0 = (r[0] & 0xFFFFFFFFL) | ((long) r[1] << 32);
    long w1 = (r[2] & 0xFFFFFFFFL) | ((long) r[3] << 32);
    return wnaf(wnaf, w0, w1, r[4] & 0xFFFFFFFFL, sign, w);
  }

  /** wNAF of the non-negative (w2:w1:w0) times sign, window w; returns last nonzero index + 1. */
  static int wnaf(int[] wnaf, long w0, long w1, long w2, int sign, int w) {
    java.util.Arrays.fill(wnaf, 0);
    int len = wnaf.length;
    int carry = 0;
    int bit = 0;
    int last = -1;
    while (bit < len) {
      if (bits(w0, w1, w2, bit, 1) == carry) {
        bit++;
        continue;
      }
      int now = Math.min(w, len - bit);
      int word = bits(w0, w1, w2, bit, now) + carry;
      carry = (word >> (w - 1)) & 1;
      word -= carry << w;
      wnaf[bit] = sign * word;
      last = bit;
      bit += now;
    }
    return last + 1;
  }

  private static int bits(long w0, long w1, long w2, int bit, int count) {
    long v;
    int sh = bit & 63;
    int idx = bit >>> 6;
    long lo = idx == 0 ? w0 : idx == 1 ? w1 : idx == 2 ? w2 : 0;
    long hi = idx == 0 ? w1 : idx == 1 ? w2 : 0;
    v = lo >>> sh;
    if (sh != 0) {
      v |= hi << (64 - sh);
    }
    return (int) (v & ((1L << count) - 1));
  }

  /**
   * {@code r = na·a + ng·G} for scalars na, ng in [0, n) ({@link Scalar} words; public values,
   * variable time).
   */
  public static Point mul(Point r, Affine a, int[] na, int[] ng) {
    int[] wa1 = new int[WNAF_LEN];
    int[] wa2 = new int[WNAF_LEN];
    int[] wg1 = new int[WNAF_LEN];
    int[] wg2 = new int[WNAF_LEN];
    int bits = 0;
    Affine[] preA = null;
    Affine[] preAlam = null;
    Fe z = null;
    if (!Scalar.isZero(na)) {
      bits = splitWnaf(na, WINDOW_A, wa1, wa2);
      z = new Fe();
      preA = oddMultiplesGlobalZ(a, 1 << (WINDOW_A - 2), z);
      preAlam = lambdaTable(preA);
    }
    int[] preG = null;
    int[] preGlam = null;
    Affine ga = null;
    if (!Scalar.isZero(ng)) {
      bits = Math.max(bits, splitWnaf(ng, WINDOW_G, wg1, wg2));
      preG = GTables.PRE_G;
      preGlam = GTables.PRE_G_LAM;
      ga = new Affine();
    }
    // With an A table, r lives on the isomorphic curve where the A entries are affine (their shared
    // Z is z): the G entries enter through addZinvVar, and r's Z is multiplied by z at the end.
    r.setInfinity();
    for (int i = bits - 1; i >= 0; i--) {
      r.dbl();
      int d;
      if ((d = wa1[i]) != 0) {
        r.addVar(preA[(Math.abs(d) - 1) >> 1], d < 0);
      }
      if ((d = wa2[i]) != 0) {
        r.addVar(preAlam[(Math.abs(d) - 1) >> 1], d < 0);
      }
      if ((d = wg1[i]) != 0) {
        r.addZinvVar(ga.loadPacked(preG, Affine.PACKED * ((Math.abs(d) - 1) >> 1)), d < 0, z);
      }
      if ((d = wg2[i]) != 0) {
        r.addZinvVar(ga.loadPacked(preGlam, Affine.PACKED * ((Math.abs(d) - 1) >> 1)), d < 0, z);
      }
    }
    if (z != null && !r.infinity) {
      r.z.mul2(z);
    }
    return r;
  }
}
