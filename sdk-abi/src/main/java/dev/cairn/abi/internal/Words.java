package dev.cairn.abi.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Big-endian word helpers for the codec. */
public final class Words {
  private Words() {}

  private static final VarHandle BE_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private static final VarHandle BE_INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  /** Reads 4 bytes big-endian. */
  public static int getInt(byte[] b, int off) {
    return (int) BE_INT.get(b, off);
  }

  /** Writes 4 bytes big-endian. */
  public static void putInt(byte[] b, int off, int v) {
    BE_INT.set(b, off, v);
  }

  /** Reads 8 bytes big-endian. */
  public static long getLong(byte[] b, int off) {
    return (long) BE_LONG.get(b, off);
  }

  /** Writes 8 bytes big-endian. */
  public static void putLong(byte[] b, int off, long v) {
    BE_LONG.set(b, off, v);
  }

  /** True if {@code b[off, off+len)} are all zero. */
  public static boolean isZero(byte[] b, int off, int len) {
    int i = 0;
    for (; i + 8 <= len; i += 8) {
      if ((long) BE_LONG.get(b, off + i) != 0) {
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
    if ((long) BE_LONG.get(b, off) != 0
        || (long) BE_LONG.get(b, off + 8) != 0
        || (long) BE_LONG.get(b, off + 16) != 0) {
      return -1;
    }
    long v = (long) BE_LONG.get(b, off + 24);
    return v < 0 || v > Integer.MAX_VALUE ? -1 : (int) v;
  }
}
