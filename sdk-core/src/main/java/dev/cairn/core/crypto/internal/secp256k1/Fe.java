package dev.cairn.core.crypto.internal.secp256k1;

import org.bouncycastle.math.raw.Mod;

/**
 * An element of the secp256k1 base field GF(p), p = 2^256 - 2^32 - 977, as ten 26-bit limbs in
 * {@code long}s (libsecp256k1's 10x26 layout; limb 9 holds 22 bits). No BigInteger, no allocation.
 *
 * <p>Limbs may exceed 26 bits between reductions. The <em>magnitude</em> m of an element bounds
 * its limbs by {@code 2m(2^26 - 1)} (limb 9: {@code 2m(2^22 - 1)}); {@link #mul} and {@link #sqr}
 * accept magnitude up to 8 (so every column sum of 26x26-bit products stays below 2^64) and return
 * magnitude 1; {@link #add} adds magnitudes; {@link #negate} of magnitude m gives m + 1. Callers
 * track magnitudes (see {@link Point}). <em>Normalized</em> means fully reduced: limbs in range and
 * the value below p. The arithmetic is branch-free; only the methods whose names end in
 * {@code Var} branch on the value.
 *
 * <p>Mutable, not thread-safe; methods return {@code this} for chaining.
 *
 * <p>The limb layout, {@link #mul}, {@link #sqr}, {@link #normalize}, {@link #normalizesToZeroVar},
 * {@link #half}, {@link #negate} and {@link #sqrtVar}'s addition chain are ported from
 * libsecp256k1 ({@code src/field_10x26_impl.h}, {@code src/field_impl.h}; Copyright (c) 2013,
 * 2014 Pieter Wuille and contributors, MIT License).
 */
public final class Fe {
  static final long M26 = 0x3FFFFFFL;
  static final long M22 = 0x3FFFFFL;
  /** 2^260 mod p = 2^36 + 0x3D10: the low part... */
  private static final long R0 = 0x3D10L;
  /** ...and the high part, 2^10 at the next limb. */
  private static final long R1 = 0x400L;

  /** p as 32-bit little-endian words, for the modular inverse. */
  private static final int[] P_WORDS = {
    0xFFFFFC2F, 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF
  };

  long n0, n1, n2, n3, n4, n5, n6, n7, n8, n9;

  /** Zero. */
  public Fe() {}

  /** A copy of {@code a}. */
  public Fe(Fe a) {
    set(a);
  }

  /** Writes the ten limbs (normalized: 26 bits each) as ints at {@code t[off..off + 10)}. */
  void toInts(int[] t, int off) {
    t[off] = (int) n0;
    t[off + 1] = (int) n1;
    t[off + 2] = (int) n2;
    t[off + 3] = (int) n3;
    t[off + 4] = (int) n4;
    t[off + 5] = (int) n5;
    t[off + 6] = (int) n6;
    t[off + 7] = (int) n7;
    t[off + 8] = (int) n8;
    t[off + 9] = (int) n9;
  }

  /** {@code this = } the limbs at {@code t[off..off + 10)} (written by {@link #toInts}). */
  void fromInts(int[] t, int off) {
    n0 = t[off];
    n1 = t[off + 1];
    n2 = t[off + 2];
    n3 = t[off + 3];
    n4 = t[off + 4];
    n5 = t[off + 5];
    n6 = t[off + 6];
    n7 = t[off + 7];
    n8 = t[off + 8];
    n9 = t[off + 9];
  }

  /** {@code this = a}. */
  public Fe set(Fe a) {
    n0 = a.n0;
    n1 = a.n1;
    n2 = a.n2;
    n3 = a.n3;
    n4 = a.n4;
    n5 = a.n5;
    n6 = a.n6;
    n7 = a.n7;
    n8 = a.n8;
    n9 = a.n9;
    return this;
  }

  /** {@code this = v} for a small non-negative v. */
  public Fe setInt(int v) {
    n0 = v;
    n1 = n2 = n3 = n4 = n5 = n6 = n7 = n8 = n9 = 0;
    return this;
  }

  /**
   * Reads a 32-byte big-endian number. Returns whether it is below p (if not, this holds the
   * unreduced value, magnitude 1).
   */
  public boolean setBytes(byte[] a, int off) {
    n0 = (a[off + 31] & 0xFFL) | ((a[off + 30] & 0xFFL) << 8) | ((a[off + 29] & 0xFFL) << 16)
        | ((a[off + 28] & 0x3L) << 24);
    n1 = ((a[off + 28] >>> 2) & 0x3FL) | ((a[off + 27] & 0xFFL) << 6) | ((a[off + 26] & 0xFFL) << 14)
        | ((a[off + 25] & 0xFL) << 22);
    n2 = ((a[off + 25] >>> 4) & 0xFL) | ((a[off + 24] & 0xFFL) << 4) | ((a[off + 23] & 0xFFL) << 12)
        | ((a[off + 22] & 0x3FL) << 20);
    n3 = ((a[off + 22] >>> 6) & 0x3L) | ((a[off + 21] & 0xFFL) << 2) | ((a[off + 20] & 0xFFL) << 10)
        | ((a[off + 19] & 0xFFL) << 18);
    n4 = (a[off + 18] & 0xFFL) | ((a[off + 17] & 0xFFL) << 8) | ((a[off + 16] & 0xFFL) << 16)
        | ((a[off + 15] & 0x3L) << 24);
    n5 = ((a[off + 15] >>> 2) & 0x3FL) | ((a[off + 14] & 0xFFL) << 6) | ((a[off + 13] & 0xFFL) << 14)
        | ((a[off + 12] & 0xFL) << 22);
    n6 = ((a[off + 12] >>> 4) & 0xFL) | ((a[off + 11] & 0xFFL) << 4) | ((a[off + 10] & 0xFFL) << 12)
        | ((a[off + 9] & 0x3FL) << 20);
    n7 = ((a[off + 9] >>> 6) & 0x3L) | ((a[off + 8] & 0xFFL) << 2) | ((a[off + 7] & 0xFFL) << 10)
        | ((a[off + 6] & 0xFFL) << 18);
    n8 = (a[off + 5] & 0xFFL) | ((a[off + 4] & 0xFFL) << 8) | ((a[off + 3] & 0xFFL) << 16)
        | ((a[off + 2] & 0x3L) << 24);
    n9 = ((a[off + 2] >>> 2) & 0x3FL) | ((a[off + 1] & 0xFFL) << 6) | ((a[off] & 0xFFL) << 14);
    boolean geP = (n9 == M22)
        & ((n8 & n7 & n6 & n5 & n4 & n3 & n2) == M26)
        & ((n1 + 0x40L + ((n0 + 0x3D1L) >>> 26)) > M26);
    return !geP;
  }

  /** Writes the 32-byte big-endian value; requires a normalized element. */
  public void getBytes(byte[] r, int off) {
    writeInt(r, off, (n9 << 10) | (n8 >>> 16));
    writeInt(r, off + 4, (n8 << 16) | (n7 >>> 10));
    writeInt(r, off + 8, (n7 << 22) | (n6 >>> 4));
    writeInt(r, off + 12, (n6 << 28) | (n5 << 2) | (n4 >>> 24));
    writeInt(r, off + 16, (n4 << 8) | (n3 >>> 18));
    writeInt(r, off + 20, (n3 << 14) | (n2 >>> 12));
    writeInt(r, off + 24, (n2 << 20) | (n1 >>> 6));
    writeInt(r, off + 28, (n1 << 26) | n0);
  }

  private static void writeInt(byte[] r, int off, long v) {
    r[off] = (byte) (v >>> 24);
    r[off + 1] = (byte) (v >>> 16);
    r[off + 2] = (byte) (v >>> 8);
    r[off + 3] = (byte) v;
  }

  /** {@code this += a} (magnitudes add). */
  public Fe add(Fe a) {
    n0 += a.n0;
    n1 += a.n1;
    n2 += a.n2;
    n3 += a.n3;
    n4 += a.n4;
    n5 += a.n5;
    n6 += a.n6;
    n7 += a.n7;
    n8 += a.n8;
    n9 += a.n9;
    return this;
  }

  /** {@code this *= k} for a small k (magnitude times k). */
  public Fe mulInt(int k) {
    n0 *= k;
    n1 *= k;
    n2 *= k;
    n3 *= k;
    n4 *= k;
    n5 *= k;
    n6 *= k;
    n7 *= k;
    n8 *= k;
    n9 *= k;
    return this;
  }

  /** {@code this = -a} for a of magnitude at most m; the result has magnitude m + 1. */
  public Fe negate(Fe a, int m) {
    long k = 2L * (m + 1);
    n0 = 0x3FFFC2FL * k - a.n0;
    n1 = 0x3FFFFBFL * k - a.n1;
    n2 = M26 * k - a.n2;
    n3 = M26 * k - a.n3;
    n4 = M26 * k - a.n4;
    n5 = M26 * k - a.n5;
    n6 = M26 * k - a.n6;
    n7 = M26 * k - a.n7;
    n8 = M26 * k - a.n8;
    n9 = M22 * k - a.n9;
    return this;
  }

  /** {@code this = this / 2}: magnitude m becomes m/2 + 1. Constant time. */
  public Fe half() {
    long mask = (-(n0 & 1L)) & M26;
    long t0 = n0 + (0x3FFFC2FL & mask);
    long t1 = n1 + (0x3FFFFBFL & mask);
    long t2 = n2 + mask;
    long t3 = n3 + mask;
    long t4 = n4 + mask;
    long t5 = n5 + mask;
    long t6 = n6 + mask;
    long t7 = n7 + mask;
    long t8 = n8 + mask;
    long t9 = n9 + (mask >>> 4);
    n0 = (t0 >>> 1) + ((t1 & 1L) << 25);
    n1 = (t1 >>> 1) + ((t2 & 1L) << 25);
    n2 = (t2 >>> 1) + ((t3 & 1L) << 25);
    n3 = (t3 >>> 1) + ((t4 & 1L) << 25);
    n4 = (t4 >>> 1) + ((t5 & 1L) << 25);
    n5 = (t5 >>> 1) + ((t6 & 1L) << 25);
    n6 = (t6 >>> 1) + ((t7 & 1L) << 25);
    n7 = (t7 >>> 1) + ((t8 & 1L) << 25);
    n8 = (t8 >>> 1) + ((t9 & 1L) << 25);
    n9 = t9 >>> 1;
    return this;
  }

  /** Reduces to magnitude 1 (not necessarily below p). */
  public Fe normalizeWeak() {
    carry(this, n0, n1, n2, n3, n4, n5, n6, n7, n8, n9);
    return this;
  }

  /** Reduces fully: limbs in range and value below p. Constant time. */
  public Fe normalize() {
    long t0 = n0, t1 = n1, t2 = n2, t3 = n3, t4 = n4, t5 = n5, t6 = n6, t7 = n7, t8 = n8, t9 = n9;
    long x = t9 >>> 22;
    t9 &= M22;
    t0 += x * 0x3D1L;
    t1 += x << 6;
    t1 += t0 >>> 26;
    t0 &= M26;
    t2 += t1 >>> 26;
    t1 &= M26;
    t3 += t2 >>> 26;
    t2 &= M26;
    long m = t2;
    t4 += t3 >>> 26;
    t3 &= M26;
    m &= t3;
    t5 += t4 >>> 26;
    t4 &= M26;
    m &= t4;
    t6 += t5 >>> 26;
    t5 &= M26;
    m &= t5;
    t7 += t6 >>> 26;
    t6 &= M26;
    m &= t6;
    t8 += t7 >>> 26;
    t7 &= M26;
    m &= t7;
    t9 += t8 >>> 26;
    t8 &= M26;
    m &= t8;
    // at most one more reduction: the value is >= p if bit 256 is set or it is in [p, 2^256)
    long geP = ((t9 == M22 ? 1L : 0L) & (m == M26 ? 1L : 0L)
        & ((t1 + 0x40L + ((t0 + 0x3D1L) >>> 26)) > M26 ? 1L : 0L));
    x = (t9 >>> 22) | geP;
    t0 += x * 0x3D1L;
    t1 += x << 6;
    t1 += t0 >>> 26;
    t0 &= M26;
    t2 += t1 >>> 26;
    t1 &= M26;
    t3 += t2 >>> 26;
    t2 &= M26;
    t4 += t3 >>> 26;
    t3 &= M26;
    t5 += t4 >>> 26;
    t4 &= M26;
    t6 += t5 >>> 26;
    t5 &= M26;
    t7 += t6 >>> 26;
    t6 &= M26;
    t8 += t7 >>> 26;
    t7 &= M26;
    t9 += t8 >>> 26;
    t8 &= M26;
    t9 &= M22;
    n0 = t0;
    n1 = t1;
    n2 = t2;
    n3 = t3;
    n4 = t4;
    n5 = t5;
    n6 = t6;
    n7 = t7;
    n8 = t8;
    n9 = t9;
    return this;
  }

  /** Whether this (of any magnitude up to 31) is 0 mod p. Not constant time. */
  public boolean normalizesToZeroVar() {
    long t0 = n0, t1 = n1, t2 = n2, t3 = n3, t4 = n4, t5 = n5, t6 = n6, t7 = n7, t8 = n8, t9 = n9;
    long x = t9 >>> 22;
    t9 &= M22;
    t0 += x * 0x3D1L;
    t1 += x << 6;
    // z0 tracks a raw value of 0, z1 a raw value of p
    long z0;
    long z1;
    t1 += t0 >>> 26;
    t0 &= M26;
    z0 = t0;
    z1 = t0 ^ 0x3D0L;
    t2 += t1 >>> 26;
    t1 &= M26;
    z0 |= t1;
    z1 &= t1 ^ 0x40L;
    t3 += t2 >>> 26;
    t2 &= M26;
    z0 |= t2;
    z1 &= t2;
    t4 += t3 >>> 26;
    t3 &= M26;
    z0 |= t3;
    z1 &= t3;
    t5 += t4 >>> 26;
    t4 &= M26;
    z0 |= t4;
    z1 &= t4;
    t6 += t5 >>> 26;
    t5 &= M26;
    z0 |= t5;
    z1 &= t5;
    t7 += t6 >>> 26;
    t6 &= M26;
    z0 |= t6;
    z1 &= t6;
    t8 += t7 >>> 26;
    t7 &= M26;
    z0 |= t7;
    z1 &= t7;
    t9 += t8 >>> 26;
    t8 &= M26;
    z0 |= t8;
    z1 &= t8;
    z0 |= t9;
    z1 &= t9 ^ 0x3C00000L;
    return (z0 == 0) | (z1 == M26);
  }

  /** Whether a normalized element is zero. */
  public boolean isZero() {
    return (n0 | n1 | n2 | n3 | n4 | n5 | n6 | n7 | n8 | n9) == 0;
  }

  /** Whether a normalized element is odd. */
  public boolean isOdd() {
    return (n0 & 1) != 0;
  }

  /** Whether two normalized elements are equal. */
  public boolean equalsNormalized(Fe a) {
    return ((n0 ^ a.n0) | (n1 ^ a.n1) | (n2 ^ a.n2) | (n3 ^ a.n3) | (n4 ^ a.n4) | (n5 ^ a.n5)
        | (n6 ^ a.n6) | (n7 ^ a.n7) | (n8 ^ a.n8) | (n9 ^ a.n9)) == 0;
  }

  /**
   * Carries limbs below 2^64 (unsigned) into 26-bit limbs and folds what lies above 2^256 back
   * in; the result has magnitude 1 (limb 2 may exceed 26 bits by a little).
   */
  private static void carry(
      Fe f, long r0, long r1, long r2, long r3, long r4, long r5, long r6, long r7, long r8, long r9) {
    r1 += r0 >>> 26;
    r0 &= M26;
    r2 += r1 >>> 26;
    r1 &= M26;
    r3 += r2 >>> 26;
    r2 &= M26;
    r4 += r3 >>> 26;
    r3 &= M26;
    r5 += r4 >>> 26;
    r4 &= M26;
    r6 += r5 >>> 26;
    r5 &= M26;
    r7 += r6 >>> 26;
    r6 &= M26;
    r8 += r7 >>> 26;
    r7 &= M26;
    r9 += r8 >>> 26;
    r8 &= M26;
    long t = r9 >>> 22;
    r9 &= M22;
    r0 += t * 0x3D1L;
    r1 += t << 6;
    // t < 2^42, so r0 < 2^52 and r1 < 2^49: after two carries r2 < 2^26 + 2^23, within magnitude 1
    r1 += r0 >>> 26;
    r0 &= M26;
    r2 += r1 >>> 26;
    r1 &= M26;
    f.n0 = r0;
    f.n1 = r1;
    f.n2 = r2;
    f.n3 = r3;
    f.n4 = r4;
    f.n5 = r5;
    f.n6 = r6;
    f.n7 = r7;
    f.n8 = r8;
    f.n9 = r9;
  }

  /**
   * {@code this = a * b} (inputs of magnitude at most 8; output magnitude 1). Aliasing allowed.
   * One level of Karatsuba over the two five-limb halves (75 limb products instead of 100; about a
   * fifth faster than the schoolbook product on HotSpot, measured with thread CPU time), then one
   * carry pass over the 19 columns and the fold of 2^260 = 2^36 + 0x3D10 (mod p). Every column is
   * a sum of non-negative 26x26-bit products below 2^64 for inputs of magnitude 8, so the middle
   * terms, computed as {@code (aL + aH)(bL + bH) - aL·bL - aH·bH} in wrapping 64-bit arithmetic,
   * come out exact; the columns are then read as unsigned.
   */
  public Fe mul(Fe a, Fe b) {
    long a0 = a.n0, a1 = a.n1, a2 = a.n2, a3 = a.n3, a4 = a.n4;
    long a5 = a.n5, a6 = a.n6, a7 = a.n7, a8 = a.n8, a9 = a.n9;
    long b0 = b.n0, b1 = b.n1, b2 = b.n2, b3 = b.n3, b4 = b.n4;
    long b5 = b.n5, b6 = b.n6, b7 = b.n7, b8 = b.n8, b9 = b.n9;
    // low x low
    long l0 = a0 * b0;
    long l1 = a0 * b1 + a1 * b0;
    long l2 = a0 * b2 + a1 * b1 + a2 * b0;
    long l3 = a0 * b3 + a1 * b2 + a2 * b1 + a3 * b0;
    long l4 = a0 * b4 + a1 * b3 + a2 * b2 + a3 * b1 + a4 * b0;
    long l5 = a1 * b4 + a2 * b3 + a3 * b2 + a4 * b1;
    long l6 = a2 * b4 + a3 * b3 + a4 * b2;
    long l7 = a3 * b4 + a4 * b3;
    long l8 = a4 * b4;
    long h0 = a5 * b5;
    long h1 = a5 * b6 + a6 * b5;
    long h2 = a5 * b7 + a6 * b6 + a7 * b5;
    long h3 = a5 * b8 + a6 * b7 + a7 * b6 + a8 * b5;
    long h4 = a5 * b9 + a6 * b8 + a7 * b7 + a8 * b6 + a9 * b5;
    long h5 = a6 * b9 + a7 * b8 + a8 * b7 + a9 * b6;
    long h6 = a7 * b9 + a8 * b8 + a9 * b7;
    long h7 = a8 * b9 + a9 * b8;
    long h8 = a9 * b9;
    long s0 = a0 + a5, s1 = a1 + a6, s2 = a2 + a7, s3 = a3 + a8, s4 = a4 + a9;
    long q0 = b0 + b5, q1 = b1 + b6, q2 = b2 + b7, q3 = b3 + b8, q4 = b4 + b9;
    long m0 = s0 * q0 - l0 - h0;
    long m1 = s0 * q1 + s1 * q0 - l1 - h1;
    long m2 = s0 * q2 + s1 * q1 + s2 * q0 - l2 - h2;
    long m3 = s0 * q3 + s1 * q2 + s2 * q1 + s3 * q0 - l3 - h3;
    long m4 = s0 * q4 + s1 * q3 + s2 * q2 + s3 * q1 + s4 * q0 - l4 - h4;
    long m5 = s1 * q4 + s2 * q3 + s3 * q2 + s4 * q1 - l5 - h5;
    long m6 = s2 * q4 + s3 * q3 + s4 * q2 - l6 - h6;
    long m7 = s3 * q4 + s4 * q3 - l7 - h7;
    long m8 = s4 * q4 - l8 - h8;
    // columns c0..c18
    long c, t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15, t16, t17, t18;
    c = l0;             t0 = c & M26; c >>>= 26;
    c += l1;            t1 = c & M26; c >>>= 26;
    c += l2;            t2 = c & M26; c >>>= 26;
    c += l3;            t3 = c & M26; c >>>= 26;
    c += l4;            t4 = c & M26; c >>>= 26;
    c += l5 + m0;       t5 = c & M26; c >>>= 26;
    c += l6 + m1;       t6 = c & M26; c >>>= 26;
    c += l7 + m2;       t7 = c & M26; c >>>= 26;
    c += l8 + m3;       t8 = c & M26; c >>>= 26;
    c += m4;            t9 = c & M26; c >>>= 26;
    c += m5 + h0;       t10 = c & M26; c >>>= 26;
    c += m6 + h1;       t11 = c & M26; c >>>= 26;
    c += m7 + h2;       t12 = c & M26; c >>>= 26;
    c += m8 + h3;       t13 = c & M26; c >>>= 26;
    c += h4;            t14 = c & M26; c >>>= 26;
    c += h5;            t15 = c & M26; c >>>= 26;
    c += h6;            t16 = c & M26; c >>>= 26;
    c += h7;            t17 = c & M26; c >>>= 26;
    c += h8;            t18 = c & M26; c >>>= 26;
    long t19 = c;
    // 2^260 = 2^36 + 0x3D10 (mod p): t_k (k >= 10) goes to k-10 times 0x3D10 and k-9 times 2^10
    long r0 = t0 + t10 * 0x3D10L;
    long r1 = t1 + t11 * 0x3D10L + (t10 << 10);
    long r2 = t2 + t12 * 0x3D10L + (t11 << 10);
    long r3 = t3 + t13 * 0x3D10L + (t12 << 10);
    long r4 = t4 + t14 * 0x3D10L + (t13 << 10);
    long r5 = t5 + t15 * 0x3D10L + (t14 << 10);
    long r6 = t6 + t16 * 0x3D10L + (t15 << 10);
    long r7 = t7 + t17 * 0x3D10L + (t16 << 10);
    long r8 = t8 + t18 * 0x3D10L + (t17 << 10);
    long r9 = t9 + t19 * 0x3D10L + (t18 << 10);
    long r10 = t19 << 10; // at 2^260 again
    r0 += r10 * 0x3D10L;
    r1 += r10 << 10;
    // carry, then fold the bits above 2^256 (limb 9 keeps 22 bits): 2^256 = 2^32 + 977
    c = r0;       r0 = c & M26; c >>>= 26;
    c += r1;      r1 = c & M26; c >>>= 26;
    c += r2;      r2 = c & M26; c >>>= 26;
    c += r3;      r3 = c & M26; c >>>= 26;
    c += r4;      r4 = c & M26; c >>>= 26;
    c += r5;      r5 = c & M26; c >>>= 26;
    c += r6;      r6 = c & M26; c >>>= 26;
    c += r7;      r7 = c & M26; c >>>= 26;
    c += r8;      r8 = c & M26; c >>>= 26;
    c += r9;      r9 = c & M22; c >>>= 22;
    r0 += c * 0x3D1L;
    r1 += c << 6;
    c = r0 >>> 26;
    r0 &= M26;
    r1 += c;
    n0 = r0;
    n1 = r1;
    n2 = r2;
    n3 = r3;
    n4 = r4;
    n5 = r5;
    n6 = r6;
    n7 = r7;
    n8 = r8;
    n9 = r9;
    return this;
  }

  /** {@code this = a^2} (input magnitude at most 8; output magnitude 1). Aliasing allowed. */
  public Fe sqr(Fe a) {
    long a0 = a.n0, a1 = a.n1, a2 = a.n2, a3 = a.n3, a4 = a.n4, a5 = a.n5, a6 = a.n6, a7 = a.n7, a8 = a.n8, a9 = a.n9;
    long c, d, u0, u1, u2, u3, u4, u5, u6, u7, u8;
    long t0, t1, t2, t3, t4, t5, t6, t7, t9;
    long r0, r1, r2, r3, r4, r5, r6, r7, r8, r9;
    d  = (a0 << 1) * a9
       + (a1 << 1) * a8
       + (a2 << 1) * a7
       + (a3 << 1) * a6
       + (a4 << 1) * a5;
    t9 = d & M26; d >>>= 26;
    c  = a0 * a0;
    d += (a1 << 1) * a9
       + (a2 << 1) * a8
       + (a3 << 1) * a7
       + (a4 << 1) * a6
       + a5 * a5;
    u0 = d & M26; d >>>= 26; c += u0 * R0;
    t0 = c & M26; c >>>= 26; c += u0 * R1;
    c += (a0 << 1) * a1;
    d += (a2 << 1) * a9
       + (a3 << 1) * a8
       + (a4 << 1) * a7
       + (a5 << 1) * a6;
    u1 = d & M26; d >>>= 26; c += u1 * R0;
    t1 = c & M26; c >>>= 26; c += u1 * R1;
    c += (a0 << 1) * a2
       + a1 * a1;
    d += (a3 << 1) * a9
       + (a4 << 1) * a8
       + (a5 << 1) * a7
       + a6 * a6;
    u2 = d & M26; d >>>= 26; c += u2 * R0;
    t2 = c & M26; c >>>= 26; c += u2 * R1;
    c += (a0 << 1) * a3
       + (a1 << 1) * a2;
    d += (a4 << 1) * a9
       + (a5 << 1) * a8
       + (a6 << 1) * a7;
    u3 = d & M26; d >>>= 26; c += u3 * R0;
    t3 = c & M26; c >>>= 26; c += u3 * R1;
    c += (a0 << 1) * a4
       + (a1 << 1) * a3
       + a2 * a2;
    d += (a5 << 1) * a9
       + (a6 << 1) * a8
       + a7 * a7;
    u4 = d & M26; d >>>= 26; c += u4 * R0;
    t4 = c & M26; c >>>= 26; c += u4 * R1;
    c += (a0 << 1) * a5
       + (a1 << 1) * a4
       + (a2 << 1) * a3;
    d += (a6 << 1) * a9
       + (a7 << 1) * a8;
    u5 = d & M26; d >>>= 26; c += u5 * R0;
    t5 = c & M26; c >>>= 26; c += u5 * R1;
    c += (a0 << 1) * a6
       + (a1 << 1) * a5
       + (a2 << 1) * a4
       + a3 * a3;
    d += (a7 << 1) * a9
       + a8 * a8;
    u6 = d & M26; d >>>= 26; c += u6 * R0;
    t6 = c & M26; c >>>= 26; c += u6 * R1;
    c += (a0 << 1) * a7
       + (a1 << 1) * a6
       + (a2 << 1) * a5
       + (a3 << 1) * a4;
    d += (a8 << 1) * a9;
    u7 = d & M26; d >>>= 26; c += u7 * R0;
    t7 = c & M26; c >>>= 26; c += u7 * R1;
    c += (a0 << 1) * a8
       + (a1 << 1) * a7
       + (a2 << 1) * a6
       + (a3 << 1) * a5
       + a4 * a4;
    d += a9 * a9;
    u8 = d & M26; d >>>= 26; c += u8 * R0;
    r3 = t3;
    r4 = t4;
    r5 = t5;
    r6 = t6;
    r7 = t7;
    r8 = c & M26; c >>>= 26; c += u8 * R1;
    c   += d * R0 + t9;
    r9 = c & (M26 >>> 4); c >>>= 22; c += d * (R1 << 4);
    d    = c * (R0 >>> 4) + t0;
    r0 = d & M26; d >>>= 26;
    d   += c * (R1 >>> 4) + t1;
    r1 = d & M26; d >>>= 26;
    d   += t2;
    r2 = d;
    n0 = r0;
    n1 = r1;
    n2 = r2;
    n3 = r3;
    n4 = r4;
    n5 = r5;
    n6 = r6;
    n7 = r7;
    n8 = r8;
    n9 = r9;
    return this;
  }

  /** {@code this = a^(2^n)}. */
  private Fe sqrN(Fe a, int n) {
    sqr(a);
    for (int i = 1; i < n; i++) {
      sqr(this);
    }
    return this;
  }

  /**
   * {@code this = sqrt(a)} if a is a square, computed as a^((p+1)/4) with libsecp256k1's addition
   * chain (253 squarings, 13 multiplications); returns whether a is a square. {@code this} must
   * not be {@code a}.
   */
  public boolean sqrtVar(Fe a) {
    Fe x2 = new Fe().sqr(a).mul2(a);
    Fe x3 = new Fe().sqr(x2).mul2(a);
    Fe x6 = new Fe().sqrN(x3, 3).mul2(x3);
    Fe x9 = new Fe().sqrN(x6, 3).mul2(x3);
    Fe x11 = new Fe().sqrN(x9, 2).mul2(x2);
    Fe x22 = new Fe().sqrN(x11, 11).mul2(x11);
    Fe x44 = new Fe().sqrN(x22, 22).mul2(x22);
    Fe x88 = new Fe().sqrN(x44, 44).mul2(x44);
    Fe x176 = new Fe().sqrN(x88, 88).mul2(x88);
    Fe x220 = new Fe().sqrN(x176, 44).mul2(x44);
    Fe x223 = new Fe().sqrN(x220, 3).mul2(x3);
    Fe t = new Fe().sqrN(x223, 23).mul2(x22);
    t.sqrN(t, 6).mul2(x2);
    t.sqr(t);
    sqr(t);
    t.sqr(this).normalize();
    return t.equalsNormalized(new Fe(a).normalize());
  }

  Fe mul2(Fe b) {
    return mul(this, b);
  }

  /** {@code this = 1/a} (0 for a = 0), constant time (BouncyCastle's safegcd on 32-bit words). */
  public Fe inv(Fe a) {
    int[] x = toWords(a);
    int[] z = new int[8];
    Mod.modOddInverse(P_WORDS, x, z);
    return fromWords(z);
  }

  /** {@code this = 1/a} (0 for a = 0), variable time: for public values only. */
  public Fe invVar(Fe a) {
    int[] x = toWords(a);
    int[] z = new int[8];
    Mod.modOddInverseVar(P_WORDS, x, z);
    return fromWords(z);
  }

  private static int[] toWords(Fe a) {
    byte[] b = new byte[32];
    new Fe(a).normalize().getBytes(b, 0);
    int[] w = new int[8];
    for (int i = 0; i < 8; i++) {
      int o = 28 - 4 * i;
      w[i] = ((b[o] & 0xFF) << 24) | ((b[o + 1] & 0xFF) << 16) | ((b[o + 2] & 0xFF) << 8)
          | (b[o + 3] & 0xFF);
    }
    return w;
  }

  private Fe fromWords(int[] w) {
    byte[] b = new byte[32];
    for (int i = 0; i < 8; i++) {
      int o = 28 - 4 * i;
      b[o] = (byte) (w[i] >>> 24);
      b[o + 1] = (byte) (w[i] >>> 16);
      b[o + 2] = (byte) (w[i] >>> 8);
      b[o + 3] = (byte) w[i];
    }
    setBytes(b, 0);
    return this;
  }
}
