package dev.cairn.core.crypto.internal.secp256k1;

/**
 * A secp256k1 point in Jacobian coordinates (x = X/Z^2, y = Y/Z^3), with an infinity flag. The
 * coordinates' magnitudes (see {@link Fe}) stay at most 4 for X and Y and 1 for Z after every
 * operation, so no operation needs a carry pass of its own. Each instance carries its own
 * temporaries, so the group operations allocate nothing. Mutable, not thread-safe.
 *
 * <p>Formulas (a = 0): doubling 3M + 4S; mixed addition (Jacobian + affine) 8M + 3S and full
 * addition 12M + 4S as in libsecp256k1's {@code gej_add_ge_var} / {@code gej_add_var}
 * ({@code src/group_impl.h}, MIT License, Copyright (c) 2013, 2014 Pieter Wuille and contributors).
 */
public final class Point {
  /** X. */
  public final Fe x = new Fe();
  /** Y. */
  public final Fe y = new Fe();
  /** Z. */
  public final Fe z = new Fe();
  /** Whether this is the point at infinity (then x, y, z are meaningless). */
  public boolean infinity = true;

  private final Fe t1 = new Fe();
  private final Fe t2 = new Fe();
  private final Fe t3 = new Fe();
  private final Fe t4 = new Fe();
  private final Fe t5 = new Fe();
  private final Fe t6 = new Fe();
  private final Fe t7 = new Fe();
  private final Fe f1 = new Fe();
  private final Fe f2 = new Fe();
  private final Fe f3 = new Fe();
  private final Fe f4 = new Fe();

  /** The point at infinity. */
  public Point() {}

  /**
   * Zeroes the coordinates and every temporary (after a multiplication by a secret scalar, whose
   * partial sums they hold); the point is then infinity.
   */
  public void wipe() {
    for (Fe f : new Fe[] {x, y, z, t1, t2, t3, t4, t5, t6, t7, f1, f2, f3, f4}) {
      f.setInt(0);
    }
    infinity = true;
  }

  /** {@code this = infinity}. */
  public Point setInfinity() {
    infinity = true;
    return this;
  }

  /** {@code this = a} (Z = 1). */
  public Point set(Affine a) {
    x.set(a.x);
    y.set(a.y);
    z.setInt(1);
    infinity = false;
    return this;
  }

  /** {@code this = a}. */
  public Point set(Point a) {
    x.set(a.x);
    y.set(a.y);
    z.set(a.z);
    infinity = a.infinity;
    return this;
  }

  /** {@code this = 2 * this}. */
  public Point dbl() {
    if (infinity) {
      return this;
    }
    // libsecp256k1's formula: L = (3/2)*X1^2, S = Y1^2, T = -X1*S,
    // X3 = L^2 + 2*T, Y3 = -(L*(X3 + T) + S^2), Z3 = Y1*Z1
    z.mul(z, y); // (1)
    Fe s = t1.sqr(y); // (1)
    Fe l = t2.sqr(x).mulInt(3).half(); // (3) -> (2)
    Fe t = t3.negate(s, 1).mul2(x); // (1)
    x.sqr(l).add(t).add(t); // (3)
    s.sqr(s); // (1)
    t.add(x); // (4)
    y.mul(t, l).add(s); // (2)
    y.negate(y, 2); // (3)
    return this;
  }

  /** {@code this = this + b} (or {@code this - b} if {@code negate}); variable time. */
  public Point addVar(Affine b, boolean negate) {
    return addZinvVar(b, negate, null);
  }

  /**
   * {@code this = this + b}, also writing {@code zr = Z(this after) / Z(this before)} (the h of the
   * addition), for building tables that share one Z. Variable time; this must not be infinity and
   * the sum must not hit a special case (b = ±this), which odd multiples of a curve point never
   * do.
   */
  Point addVarRatio(Affine b, Fe zr) {
    addZinvVar(b, false, null);
    zr.set(t4);
    return this;
  }

  /**
   * {@code this = this ± b} where b's affine coordinates are taken relative to a Z of {@code
   * 1/bzinv} (null: 1): the sum is computed as (this.x, this.y, this.z·bzinv) + (b.x, b.y, 1) and
   * keeps this.z·h as its Z (libsecp256k1's {@code gej_add_zinv_var}). Used when the running point
   * lives on the isomorphic curve of a table that shares a global Z. Variable time.
   */
  Point addZinvVar(Affine b, boolean negate, Fe bzinv) {
    Fe by = b.y;
    if (negate) {
      by = t7.negate(b.y, 1);
    }
    if (infinity) {
      if (bzinv == null) {
        x.set(b.x);
        y.set(by);
      } else {
        Fe zi2 = t1.sqr(bzinv);
        x.mul(b.x, zi2);
        y.mul(by, zi2).mul2(bzinv);
      }
      z.setInt(1);
      infinity = false;
      return this;
    }
    Fe az = z;
    if (bzinv != null) {
      az = t6.mul(z, bzinv);
    }
    Fe z12 = t1.sqr(az);
    Fe u2 = t2.mul(b.x, z12);
    Fe s2 = t3.mul(by, z12).mul2(az);
    Fe h = t4.negate(x, 4).add(u2); // u2 - u1, mag 6
    Fe i = t5.negate(s2, 1).add(y); // s1 - s2, mag at most 6
    if (h.normalizesToZeroVar()) {
      if (i.normalizesToZeroVar()) {
        return dbl();
      }
      infinity = true;
      return this;
    }
    return finishAdd(x, y, h, i);
  }

  /** {@code this = this + b}; variable time. {@code b} must not be {@code this}. */
  public Point addVar(Point b) {
    if (b.infinity) {
      return this;
    }
    if (infinity) {
      return set(b);
    }
    Fe z22 = t1.sqr(b.z);
    Fe z12 = t2.sqr(z);
    Fe u1 = t3.mul(x, z22);
    Fe u2 = t4.mul(b.x, z12);
    Fe s1 = t5.mul(y, z22).mul2(b.z);
    Fe s2 = t6.mul(b.y, z12).mul2(z);
    Fe h = u2.add(t1.negate(u1, 1)); // u2 - u1, mag 3
    Fe i = s2.negate(s2, 1).add(s1); // s1 - s2, mag 3
    if (h.normalizesToZeroVar()) {
      if (i.normalizesToZeroVar()) {
        return dbl();
      }
      infinity = true;
      return this;
    }
    z.mul2(b.z); // Z1*Z2; finishAdd multiplies by h
    return finishAdd(u1, s1, h, i);
  }

  /**
   * The common tail of both additions, with h = u2 - u1 and i = s1 - s2: Z3 = Z*h,
   * X3 = i^2 - h^3 - 2*u1*h^2, Y3 = i*(X3 - u1*h^2) - s1*h^3. u1 and s1 may be x and y.
   */
  private Point finishAdd(Fe u1, Fe s1, Fe h, Fe i) {
    z.mul2(h);
    Fe h2 = f1.sqr(h).negate(f1, 1); // -h^2, mag 2
    Fe h3 = f2.mul(h2, h); // -h^3
    Fe t = f3.mul(u1, h2); // -u1*h^2
    Fe sh3 = f4.mul(h3, s1); // -s1*h^3
    x.sqr(i).add(h3).add(t).add(t); // (4)
    t.add(x); // X3 - u1*h^2, (5)
    y.mul(t, i).add(sh3); // (2)
    infinity = false;
    return this;
  }
}
