package dev.cairn.core.crypto.internal;

/**
 * Big-endian 256-bit scalar helpers on byte arrays, so that secret scalars never have to become
 * (unzeroable) {@link java.math.BigInteger}s in the key types. Not part of the public API.
 */
public final class Scalars {
  private Scalars() {}

  /** The order n of the secp256k1 group, big-endian. */
  private static final byte[] N = {
    (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
    (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE,
    (byte) 0xBA, (byte) 0xAE, (byte) 0xDC, (byte) 0xE6, (byte) 0xAF, (byte) 0x48, (byte) 0xA0, (byte) 0x3B,
    (byte) 0xBF, (byte) 0xD2, (byte) 0x5E, (byte) 0x8C, (byte) 0xD0, (byte) 0x36, (byte) 0x41, (byte) 0x41
  };

  /** Whether the 32 bytes at {@code off} are, as a big-endian number, less than n. */
  public static boolean lessThanOrder(byte[] a, int off) {
    // constant-time comparison: walk from least significant byte, tracking the last difference
    int lt = 0;
    int gt = 0;
    for (int i = 31; i >= 0; i--) {
      int x = a[off + i] & 0xFF;
      int y = N[i] & 0xFF;
      int d1 = (x - y) >>> 31; // x < y
      int d2 = (y - x) >>> 31; // x > y
      int eq = 1 ^ (d1 | d2);
      lt = d1 | (eq & lt);
      gt = d2 | (eq & gt);
    }
    return lt == 1;
  }

  /** Whether the 32 bytes at {@code off} are all zero. */
  public static boolean isZero(byte[] a, int off) {
    int acc = 0;
    for (int i = 0; i < 32; i++) {
      acc |= a[off + i];
    }
    return acc == 0;
  }

  /** Whether the 32 bytes at {@code off} are in [1, n-1]. */
  public static boolean isValidScalar(byte[] a, int off) {
    return !isZero(a, off) & lessThanOrder(a, off);
  }

  /**
   * {@code (a + b) mod n} for a in [0, n-1] and b in [0, n-1], written to a new array.
   */
  public static byte[] addModOrder(byte[] a, byte[] b) {
    byte[] sum = new byte[32];
    int carry = 0;
    for (int i = 31; i >= 0; i--) {
      int t = (a[i] & 0xFF) + (b[i] & 0xFF) + carry;
      sum[i] = (byte) t;
      carry = t >>> 8;
    }
    // subtract n if sum >= n (sum < 2n < 2^257)
    byte[] diff = new byte[32];
    int borrow = 0;
    for (int i = 31; i >= 0; i--) {
      int t = (sum[i] & 0xFF) - (N[i] & 0xFF) - borrow;
      diff[i] = (byte) t;
      borrow = (t >>> 31);
    }
    // use diff if carry out of the addition, or no borrow out of the subtraction
    int useDiff = carry | (1 ^ borrow);
    int mask = -useDiff;
    for (int i = 0; i < 32; i++) {
      sum[i] = (byte) ((diff[i] & mask) | (sum[i] & ~mask));
    }
    java.util.Arrays.fill(diff, (byte) 0);
    return sum;
  }
}
