package dev.cairn.abi.internal;

/**
 * Big-endian word helpers for the codec. Plain shifts rather than a {@code VarHandle} byte-array
 * view: Android before API 33 has no {@code MethodHandles.byteArrayViewVarHandle}, and HotSpot's C2
 * merges these byte loads into one load anyway.
 */
public final class Words {
  private Words() {}

  /** Reads 4 bytes big-endian. */
  public static int getInt(byte[] b, int off) {
    return (b[off] << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
  }

  /** Writes 4 bytes big-endian. */
  public static void putInt(byte[] b, int off, int v) {
    b[off + 3] = (byte) v;
    b[off + 2] = (byte) (v >>> 8);
    b[off + 1] = (byte) (v >>> 16);
    b[off] = (byte) (v >>> 24);
  }

  /** Reads 8 bytes big-endian. */
  public static long getLong(byte[] b, int off) {
    return ((long) getInt(b, off) << 32) | (getInt(b, off + 4) & 0xffffffffL);
  }

  /** Writes 8 bytes big-endian. */
  public static void putLong(byte[] b, int off, long v) {
    putInt(b, off + 4, (int) v);
    putInt(b, off, (int) (v >>> 32));
  }

  /** True if {@code b[off, off+len)} are all zero. */
  public static boolean isZero(byte[] b, int off, int len) {
    int i = 0;
    for (; i + 8 <= len; i += 8) {
      int o = off + i;
      if ((b[o] | b[o + 1] | b[o + 2] | b[o + 3] | b[o + 4] | b[o + 5] | b[o + 6] | b[o + 7]) != 0) {
        return false;
      }
    }
    for (; i < len; i++) {
      if (b[off + i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** Index of the first non-zero byte in {@code b[off, off+len)}, or -1. */
  public static int firstNonZero(byte[] b, int off, int len) {
    for (int i = 0; i < len; i++) {
      if (b[off + i] != 0) {
        return off + i;
      }
    }
    return -1;
  }

  /** True if {@code b[off, off+len)} are all equal to {@code v}. */
  public static boolean isAll(byte[] b, int off, int len, byte v) {
    for (int i = 0; i < len; i++) {
      if (b[off + i] != v) {
        return false;
      }
    }
    return true;
  }

  /** Writes a non-negative int as a 32-byte word at {@code off} (the upper bytes must be zero). */
  public static void putIntWord(byte[] b, int off, int v) {
    int p = off + 28;
    b[p] = (byte) (v >>> 24);
    b[p + 1] = (byte) (v >>> 16);
    b[p + 2] = (byte) (v >>> 8);
    b[p + 3] = (byte) v;
  }

  /**
   * Reads a 32-byte word at {@code off} as a length or offset: returns the value, or -1 if it is
   * larger than {@code Integer.MAX_VALUE}. The caller checks {@code off + 32 <= limit}.
   */
  public static int getIntWord(byte[] b, int off) {
    if (!isZero(b, off, 24)) {
      return -1;
    }
    long v = getLong(b, off + 24);
    return v < 0 || v > Integer.MAX_VALUE ? -1 : (int) v;
  }
}
