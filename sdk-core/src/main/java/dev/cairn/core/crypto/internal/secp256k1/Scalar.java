package dev.cairn.core.crypto.internal.secp256k1;

import java.util.Arrays;
import org.bouncycastle.math.raw.Mod;
import org.bouncycastle.math.raw.Nat256;

/**
 * Arithmetic modulo the group order n on 256-bit scalars held as eight 32-bit words, least
 * significant first ({@code int[8]}), without BigInteger. Every method is constant time (fixed
 * loops, no branch or index on the value) except those whose names end in {@code Var}, which are
 * for public values only. Results may alias inputs. Static methods only; callers own the arrays and
 * wipe the secret ones.
 *
 * <p>The reduction of a 512-bit product folds the high half through {@code 2^256 ≡ n_c (mod n)},
 * {@code n_c = 2^256 - n} (129 bits), three times, as libsecp256k1's {@code scalar_8x32} does;
 * the GLV split ({@link #splitLambda}) uses libsecp256k1's constants ({@code src/scalar_impl.h};
 * MIT License, Copyright (c) 2013, 2014 Pieter Wuille and contributors). Inversion is
 * BouncyCastle's safegcd ({@link Mod#modOddInverse}, constant time, and its variable-time twin).
 */
public final class Scalar {
  private Scalar() {}

  private static final long M = 0xFFFFFFFFL;

  /** n, least significant word first. */
  static final int[] N = words("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141");
  /** 2^256 - n (129 bits, five words). */
  private static final int[] N_C = {0x2FC9BEBF, 0x402DA173, 0x50B75FC4, 0x45512319, 1};
  /** floor(n / 2). */
  private static final int[] N_HALF = words("7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0");
  private static final int[] MINUS_LAMBDA =
      words("AC9C52B33FA3CF1F5AD9E3FD77ED9BA4A880B9FC8EC739C2E0CFC810B51283CF");
  private static final int[] MINUS_B1 = words("00000000000000000000000000000000E4437ED6010E88286F547FA90ABFE4C3");
  private static final int[] MINUS_B2 = words("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFE8A280AC50774346DD765CDA83DB1562C");
  private static final int[] G1 = words("3086D221A7D46BCDE86C90E49284EB153DAA8A1471E8CA7FE893209A45DBB031");
  private static final int[] G2 = words("E4437ED6010E88286F547FA90ABFE4C4221208AC9DF506C61571B4AE8AC47F71");

  /** The scalar with this big-endian hex (64 digits), reduced by nothing: for constants. */
  public static int[] words(String hex) {
    int[] w = new int[8];
    for (int i = 0; i < 8; i++) {
      int end = 64 - 8 * i;
      w[i] = (int) Long.parseLong(hex.substring(end - 8, end), 16);
    }
    return w;
  }

  /** A new zero scalar. */
  public static int[] create() {
    return new int[8];
  }

  /**
   * {@code r = b[off..off+32)} read big-endian, reduced mod n once; returns 1 if the value was at
   * least n (the reduction happened), else 0.
   */
  public static int setBytes(int[] r, byte[] b, int off) {
    for (int i = 0; i < 8; i++) {
      int o = off + 28 - 4 * i;
      r[i] = ((b[o] & 0xFF) << 24) | ((b[o + 1] & 0xFF) << 16) | ((b[o + 2] & 0xFF) << 8)
          | (b[o + 3] & 0xFF);
    }
    return condSubtractN(r, 0);
  }

  /** Writes a (below n) as 32 big-endian bytes at {@code off}. */
  public static void getBytes(int[] a, byte[] out, int off) {
    for (int i = 0; i < 8; i++) {
      int o = off + 28 - 4 * i;
      int w = a[i];
      out[o] = (byte) (w >>> 24);
      out[o + 1] = (byte) (w >>> 16);
      out[o + 2] = (byte) (w >>> 8);
      out[o + 3] = (byte) w;
    }
  }

  /** Whether a is zero (constant time). */
  public static boolean isZero(int[] a) {
    int acc = 0;
    for (int i = 0; i < 8; i++) {
      acc |= a[i];
    }
    return acc == 0;
  }

  /** Whether a is above floor(n / 2) (constant time). */
  public static boolean isHigh(int[] a) {
    // borrow of N_HALF - a: set exactly when a > N_HALF
    long borrow = 0;
    for (int i = 0; i < 8; i++) {
      long t = (N_HALF[i] & M) - (a[i] & M) - borrow;
      borrow = (t >>> 63);
    }
    return borrow != 0;
  }

  /** {@code r = -a mod n} (0 stays 0). */
  public static void negate(int[] r, int[] a) {
    int nz = 0;
    for (int i = 0; i < 8; i++) {
      nz |= a[i];
    }
    int mask = -((nz | -nz) >>> 31); // all ones when a != 0
    long borrow = 0;
    for (int i = 0; i < 8; i++) {
      long t = (N[i] & M) - (a[i] & M) - borrow;
      r[i] = (int) t & mask;
      borrow = t >>> 63;
    }
  }

  /** {@code r = a + b mod n} for a, b below n. */
  public static void add(int[] r, int[] a, int[] b) {
    long carry = 0;
    for (int i = 0; i < 8; i++) {
      long t = (a[i] & M) + (b[i] & M) + carry;
      r[i] = (int) t;
      carry = t >>> 32;
    }
    condSubtractN(r, (int) carry);
  }

  /**
   * Subtracts n from r when r (plus {@code carry}·2^256) is at least n; returns 1 if it did. The
   * value must be below 2n.
   */
  private static int condSubtractN(int[] r, int carry) {
    int[] t = new int[8];
    long borrow = 0;
    for (int i = 0; i < 8; i++) {
      long d = (r[i] & M) - (N[i] & M) - borrow;
      t[i] = (int) d;
      borrow = d >>> 63;
    }
    int use = carry | (1 ^ (int) borrow); // subtract if 2^256 overflowed or no borrow
    int mask = -use;
    for (int i = 0; i < 8; i++) {
      r[i] = (t[i] & mask) | (r[i] & ~mask);
    }
    return use;
  }

  /** {@code r = a * b mod n} for a, b below 2^256. */
  public static void mul(int[] r, int[] a, int[] b) {
    int[] zz = new int[16];
    Nat256.mul(a, b, zz);
    reduce512(r, zz);
    Arrays.fill(zz, 0);
  }

  /** {@code r = zz mod n} for a 512-bit zz (16 words). */
  static void reduce512(int[] r, int[] zz) {
    int[] m = new int[14];
    fold(zz, 16, m); // < 2^385: 13 words (+1 spare)
    int[] p = new int[11];
    fold(m, 13, p); // < 2^259: 9 words (+ spare)
    int[] q = new int[10];
    fold(p, 10, q); // < 2^256 + 2^134: a carry in word 8 at most
    // 2^256 ≡ n_c: fold the carry word (0 or 1) once more, then one conditional subtraction
    int c = q[8];
    long carry = 0;
    for (int i = 0; i < 8; i++) {
      long add = i < 5 ? (N_C[i] & M) * (c & M) : 0;
      long t = (q[i] & M) + add + carry;
      r[i] = (int) t;
      carry = t >>> 32;
    }
    condSubtractN(r, (int) carry);
    Arrays.fill(m, 0);
    Arrays.fill(p, 0);
    Arrays.fill(q, 0);
  }

  /** {@code out = in[0..8) + in[8..len) * n_c}; out must hold max(8, len - 8 + 5) + 1 words. */
  private static void fold(int[] in, int len, int[] out) {
    int outLen = out.length;
    for (int i = 0; i < outLen; i++) {
      out[i] = i < 8 ? in[i] : 0;
    }
    for (int i = 8; i < len; i++) {
      long hi = in[i] & M;
      long carry = 0;
      int k = i - 8;
      for (int j = 0; j < 5; j++) {
        long t = hi * (N_C[j] & M) + (out[k + j] & M) + carry;
        out[k + j] = (int) t;
        carry = t >>> 32;
      }
      for (int j = k + 5; j < outLen; j++) {
        long t = (out[j] & M) + carry;
        out[j] = (int) t;
        carry = t >>> 32;
      }
    }
  }

  /** {@code r = 1 / a mod n} (0 for 0), constant time. */
  public static void inverse(int[] r, int[] a) {
    Mod.modOddInverse(N, a, r);
  }

  /** {@code r = 1 / a mod n} (0 for 0), variable time: public values only. */
  public static void inverseVar(int[] r, int[] a) {
    if (!Mod.modOddInverseVar(N, a, r)) {
      Arrays.fill(r, 0);
    }
  }

  /** {@code round(a * g / 2^384)} for a below n, into r (below 2^129). */
  private static void mulShift384(int[] r, int[] a, int[] g) {
    int[] zz = new int[16];
    Nat256.mul(a, g, zz);
    long carry = (zz[11] >>> 31) & 1; // bit 383 rounds
    for (int i = 0; i < 4; i++) {
      long t = (zz[12 + i] & M) + carry;
      r[i] = (int) t;
      carry = t >>> 32;
    }
    r[4] = (int) carry;
    r[5] = 0;
    r[6] = 0;
    r[7] = 0;
  }

  /**
   * Splits k (below n) into r1 + r2·λ ≡ k (mod n) with r1 and r2 each within 2^128 of 0 or n
   * (libsecp256k1's {@code scalar_split_lambda}).
   */
  public static void splitLambda(int[] r1, int[] r2, int[] k) {
    int[] c1 = new int[8];
    int[] c2 = new int[8];
    mulShift384(c1, k, G1);
    mulShift384(c2, k, G2);
    mul(c1, c1, MINUS_B1);
    mul(c2, c2, MINUS_B2);
    add(r2, c1, c2);
    mul(r1, r2, MINUS_LAMBDA);
    add(r1, r1, k);
  }
}
