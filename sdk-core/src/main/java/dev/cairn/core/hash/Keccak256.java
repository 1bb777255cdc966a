package dev.cairn.core.hash;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;


/**
 * Keccak-256 with the original Keccak padding ({@code 0x01 ... 0x80}) as used by Ethereum, which
 * differs from the standardised SHA3-256 ({@code 0x06} domain padding).
 *
 * <p>A self-contained implementation of Keccak-f[1600]: the 25 lanes live in locals during a
 * permutation, input is XORed into the state a whole little-endian lane at a time. On HotSpot and
 * GraalVM whole lanes are read through one little-endian {@link ByteBuffer} view per call (a single
 * 8-byte load each; the view is scalar-replaced); on Android's ART, which has no escape analysis,
 * they are assembled from bytes with shifts (API 24 has no VarHandle). No step allocates per
 * absorbed block. The one-shot hash allocates the returned digest and, for inputs of a block or
 * more, the 25-lane state; the one-shot {@link #hash(byte[], int, int)} of a single block (under
 * 136 bytes) keeps the whole sponge in locals.
 *
 * <p>Instances are mutable and not thread-safe; the static {@link #hash(byte[])} methods are. A
 * {@code null} array or an offset/length outside the array throws {@link NullPointerException} or
 * {@link IndexOutOfBoundsException}.
 */
public final class Keccak256 {
  /** Digest length in bytes. */
  public static final int DIGEST_LENGTH = 32;

  /** Rate in bytes: 1600 - 2 * 256 bits. */
  private static final int RATE = 136;
  private static final int RATE_LANES = RATE / 8;

  /**
   * Whether whole lanes are read through a {@link ByteBuffer} view (HotSpot, GraalVM: one unaligned
   * load, the view scalar-replaced) or assembled from bytes with shifts (Android's ART, which has
   * no escape analysis: each view would be an allocation, and a heap buffer's {@code getLong} is
   * no single load there either). Measured on HotSpot 17: the shifts cost about 8% at 1 KiB.
   */
  private static final boolean BYTE_BUFFER_LOADS = !isArt();


  private final long[] state = new long[25];
  /** Bytes absorbed into the current block, 0..RATE-1. */
  private int pos;

  private Keccak256() {}

  /** Returns a fresh incremental hasher. */
  public static Keccak256 create() {
    return new Keccak256();
  }

  /** Keccak-256 of {@code in}. */
  public static byte[] hash(byte[] in) {
    return hash(in, 0, in.length);
  }

  /** Keccak-256 of {@code in[off, off+len)}. */
  public static byte[] hash(byte[] in, int off, int len) {
    checkRange(in.length, off, len);
    if (len >= RATE) {
      long[] s = new long[25];
      int end = off + len;
      off = BYTE_BUFFER_LOADS
          ? absorbBlocksBuffer(s, in, off, len)
          : absorbBlocksShifts(s, in, off, len);
      finish(s, in, off, end - off);
      byte[] out = new byte[DIGEST_LENGTH];
      squeeze(s, out, 0);
      return out;
    }
    // one block (the common case: keys, addresses, selectors): the sponge lives in locals
    long a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0;
    long a10 = 0, a11 = 0, a12 = 0, a13 = 0, a14 = 0, a15 = 0, a16 = 0, a17 = 0, a18 = 0, a19 = 0;
    long a20 = 0, a21 = 0, a22 = 0, a23 = 0, a24 = 0;
    a0 ^= lastLane(in, off, len, 0);
    a1 ^= lastLane(in, off, len, 1);
    a2 ^= lastLane(in, off, len, 2);
    a3 ^= lastLane(in, off, len, 3);
    a4 ^= lastLane(in, off, len, 4);
    a5 ^= lastLane(in, off, len, 5);
    a6 ^= lastLane(in, off, len, 6);
    a7 ^= lastLane(in, off, len, 7);
    a8 ^= lastLane(in, off, len, 8);
    a9 ^= lastLane(in, off, len, 9);
    a10 ^= lastLane(in, off, len, 10);
    a11 ^= lastLane(in, off, len, 11);
    a12 ^= lastLane(in, off, len, 12);
    a13 ^= lastLane(in, off, len, 13);
    a14 ^= lastLane(in, off, len, 14);
    a15 ^= lastLane(in, off, len, 15);
    a16 ^= lastLane(in, off, len, 16);
    for (int round = 0; round < 24; round += 2) {
      long c0, c1, c2, c3, c4, d0, d1, d2, d3, d4;
      long b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12;
      long b13, b14, b15, b16, b17, b18, b19, b20, b21, b22, b23, b24;
      c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20;
      c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21;
      c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22;
      c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23;
      c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24;
      d0 = c4 ^ Long.rotateLeft(c1, 1);
      d1 = c0 ^ Long.rotateLeft(c2, 1);
      d2 = c1 ^ Long.rotateLeft(c3, 1);
      d3 = c2 ^ Long.rotateLeft(c4, 1);
      d4 = c3 ^ Long.rotateLeft(c0, 1);
      b0 = a0 ^ d0;
      b16 = Long.rotateLeft(a5 ^ d0, 36);
      b7 = Long.rotateLeft(a10 ^ d0, 3);
      b23 = Long.rotateLeft(a15 ^ d0, 41);
      b14 = Long.rotateLeft(a20 ^ d0, 18);
      b10 = Long.rotateLeft(a1 ^ d1, 1);
      b1 = Long.rotateLeft(a6 ^ d1, 44);
      b17 = Long.rotateLeft(a11 ^ d1, 10);
      b8 = Long.rotateLeft(a16 ^ d1, 45);
      b24 = Long.rotateLeft(a21 ^ d1, 2);
      b20 = Long.rotateLeft(a2 ^ d2, 62);
      b11 = Long.rotateLeft(a7 ^ d2, 6);
      b2 = Long.rotateLeft(a12 ^ d2, 43);
      b18 = Long.rotateLeft(a17 ^ d2, 15);
      b9 = Long.rotateLeft(a22 ^ d2, 61);
      b5 = Long.rotateLeft(a3 ^ d3, 28);
      b21 = Long.rotateLeft(a8 ^ d3, 55);
      b12 = Long.rotateLeft(a13 ^ d3, 25);
      b3 = Long.rotateLeft(a18 ^ d3, 21);
      b19 = Long.rotateLeft(a23 ^ d3, 56);
      b15 = Long.rotateLeft(a4 ^ d4, 27);
      b6 = Long.rotateLeft(a9 ^ d4, 20);
      b22 = Long.rotateLeft(a14 ^ d4, 39);
      b13 = Long.rotateLeft(a19 ^ d4, 8);
      b4 = Long.rotateLeft(a24 ^ d4, 14);
      a0 = b0 ^ (~b1 & b2);
      a1 = b1 ^ (~b2 & b3);
      a2 = b2 ^ (~b3 & b4);
      a3 = b3 ^ (~b4 & b0);
      a4 = b4 ^ (~b0 & b1);
      a5 = b5 ^ (~b6 & b7);
      a6 = b6 ^ (~b7 & b8);
      a7 = b7 ^ (~b8 & b9);
      a8 = b8 ^ (~b9 & b5);
      a9 = b9 ^ (~b5 & b6);
      a10 = b10 ^ (~b11 & b12);
      a11 = b11 ^ (~b12 & b13);
      a12 = b12 ^ (~b13 & b14);
      a13 = b13 ^ (~b14 & b10);
      a14 = b14 ^ (~b10 & b11);
      a15 = b15 ^ (~b16 & b17);
      a16 = b16 ^ (~b17 & b18);
      a17 = b17 ^ (~b18 & b19);
      a18 = b18 ^ (~b19 & b15);
      a19 = b19 ^ (~b15 & b16);
      a20 = b20 ^ (~b21 & b22);
      a21 = b21 ^ (~b22 & b23);
      a22 = b22 ^ (~b23 & b24);
      a23 = b23 ^ (~b24 & b20);
      a24 = b24 ^ (~b20 & b21);
      a0 ^= RC[round];
      c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20;
      c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21;
      c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22;
      c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23;
      c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24;
      d0 = c4 ^ Long.rotateLeft(c1, 1);
      d1 = c0 ^ Long.rotateLeft(c2, 1);
      d2 = c1 ^ Long.rotateLeft(c3, 1);
      d3 = c2 ^ Long.rotateLeft(c4, 1);
      d4 = c3 ^ Long.rotateLeft(c0, 1);
      b0 = a0 ^ d0;
      b16 = Long.rotateLeft(a5 ^ d0, 36);
      b7 = Long.rotateLeft(a10 ^ d0, 3);
      b23 = Long.rotateLeft(a15 ^ d0, 41);
      b14 = Long.rotateLeft(a20 ^ d0, 18);
      b10 = Long.rotateLeft(a1 ^ d1, 1);
      b1 = Long.rotateLeft(a6 ^ d1, 44);
      b17 = Long.rotateLeft(a11 ^ d1, 10);
      b8 = Long.rotateLeft(a16 ^ d1, 45);
      b24 = Long.rotateLeft(a21 ^ d1, 2);
      b20 = Long.rotateLeft(a2 ^ d2, 62);
      b11 = Long.rotateLeft(a7 ^ d2, 6);
      b2 = Long.rotateLeft(a12 ^ d2, 43);
      b18 = Long.rotateLeft(a17 ^ d2, 15);
      b9 = Long.rotateLeft(a22 ^ d2, 61);
      b5 = Long.rotateLeft(a3 ^ d3, 28);
      b21 = Long.rotateLeft(a8 ^ d3, 55);
      b12 = Long.rotateLeft(a13 ^ d3, 25);
      b3 = Long.rotateLeft(a18 ^ d3, 21);
      b19 = Long.rotateLeft(a23 ^ d3, 56);
      b15 = Long.rotateLeft(a4 ^ d4, 27);
      b6 = Long.rotateLeft(a9 ^ d4, 20);
      b22 = Long.rotateLeft(a14 ^ d4, 39);
      b13 = Long.rotateLeft(a19 ^ d4, 8);
      b4 = Long.rotateLeft(a24 ^ d4, 14);
      a0 = b0 ^ (~b1 & b2);
      a1 = b1 ^ (~b2 & b3);
      a2 = b2 ^ (~b3 & b4);
      a3 = b3 ^ (~b4 & b0);
      a4 = b4 ^ (~b0 & b1);
      a5 = b5 ^ (~b6 & b7);
      a6 = b6 ^ (~b7 & b8);
      a7 = b7 ^ (~b8 & b9);
      a8 = b8 ^ (~b9 & b5);
      a9 = b9 ^ (~b5 & b6);
      a10 = b10 ^ (~b11 & b12);
      a11 = b11 ^ (~b12 & b13);
      a12 = b12 ^ (~b13 & b14);
      a13 = b13 ^ (~b14 & b10);
      a14 = b14 ^ (~b10 & b11);
      a15 = b15 ^ (~b16 & b17);
      a16 = b16 ^ (~b17 & b18);
      a17 = b17 ^ (~b18 & b19);
      a18 = b18 ^ (~b19 & b15);
      a19 = b19 ^ (~b15 & b16);
      a20 = b20 ^ (~b21 & b22);
      a21 = b21 ^ (~b22 & b23);
      a22 = b22 ^ (~b23 & b24);
      a23 = b23 ^ (~b24 & b20);
      a24 = b24 ^ (~b20 & b21);
      a0 ^= RC[round + 1];
    }
    byte[] out = new byte[DIGEST_LENGTH];
    putLe(out, 0, a0);
    putLe(out, 8, a1);
    putLe(out, 16, a2);
    putLe(out, 24, a3);
    return out;
  }

  /** Absorbs {@code in}. */
  public Keccak256 update(byte[] in) {
    return update(in, 0, in.length);
  }

  /** Absorbs {@code in[off, off+len)}. */
  public Keccak256 update(byte[] in, int off, int len) {
    checkRange(in.length, off, len);
    long[] s = state;
    int p = pos;
    // finish a partially filled lane byte by byte
    while ((p & 7) != 0 && len > 0) {
      s[p >>> 3] ^= (in[off++] & 0xffL) << ((p & 7) << 3);
      len--;
      if (++p == RATE) {
        permute(s);
        p = 0;
      }
    }
    // whole lanes until the block is full
    if (p != 0) {
      while (len >= 8) {
        s[p >>> 3] ^= le(in, off);
        off += 8;
        len -= 8;
        p += 8;
        if (p == RATE) {
          permute(s);
          p = 0;
          break;
        }
      }
    }
    // whole blocks
    if (p == 0) {
      if (len >= RATE) {
        int end = off + len;
        off = BYTE_BUFFER_LOADS
            ? absorbBlocksBuffer(s, in, off, len)
            : absorbBlocksShifts(s, in, off, len);
        len = end - off;
      }
      while (len >= 8) {
        s[p >>> 3] ^= le(in, off);
        off += 8;
        len -= 8;
        p += 8;
      }
    }
    // trailing bytes (fewer than 8, and the block cannot fill here)
    while (len > 0) {
      s[p >>> 3] ^= (in[off++] & 0xffL) << ((p & 7) << 3);
      len--;
      p++;
    }
    pos = p;
    return this;
  }

  /** Finishes, returns the 32-byte digest and resets this hasher. */
  public byte[] digest() {
    byte[] out = new byte[DIGEST_LENGTH];
    digest(out, 0);
    return out;
  }

  /** Finishes, writes the 32-byte digest to {@code out[outOff..outOff+32)} and resets this hasher. */
  public void digest(byte[] out, int outOff) {
    checkRange(out.length, outOff, DIGEST_LENGTH);
    long[] s = state;
    pad(s, pos);
    permute(s);
    squeeze(s, out, outOff);
    java.util.Arrays.fill(s, 0L);
    pos = 0;
  }

  /**
   * Absorbs and permutes every whole block of {@code in[off, off+len)} and returns the offset
   * after the last one. Lanes are read with one little-endian {@link ByteBuffer} view for the whole
   * call (a single 8-byte load per lane on HotSpot, the view itself scalar-replaced).
   */
  static int absorbBlocksBuffer(long[] s, byte[] in, int off, int len) {
    ByteBuffer bb = ByteBuffer.wrap(in).order(ByteOrder.LITTLE_ENDIAN);
    for (int end = off + len - RATE; off <= end; off += RATE) {
      s[0] ^= bb.getLong(off);
      s[1] ^= bb.getLong(off + 8);
      s[2] ^= bb.getLong(off + 16);
      s[3] ^= bb.getLong(off + 24);
      s[4] ^= bb.getLong(off + 32);
      s[5] ^= bb.getLong(off + 40);
      s[6] ^= bb.getLong(off + 48);
      s[7] ^= bb.getLong(off + 56);
      s[8] ^= bb.getLong(off + 64);
      s[9] ^= bb.getLong(off + 72);
      s[10] ^= bb.getLong(off + 80);
      s[11] ^= bb.getLong(off + 88);
      s[12] ^= bb.getLong(off + 96);
      s[13] ^= bb.getLong(off + 104);
      s[14] ^= bb.getLong(off + 112);
      s[15] ^= bb.getLong(off + 120);
      s[16] ^= bb.getLong(off + 128);
      permute(s);
    }
    return off;
  }

  /** As {@link #absorbBlocksBuffer}, lanes assembled from bytes with shifts (ART, no allocation). */
  static int absorbBlocksShifts(long[] s, byte[] in, int off, int len) {
    for (int end = off + len - RATE; off <= end; off += RATE) {
      s[0] ^= le(in, off);
      s[1] ^= le(in, off + 8);
      s[2] ^= le(in, off + 16);
      s[3] ^= le(in, off + 24);
      s[4] ^= le(in, off + 32);
      s[5] ^= le(in, off + 40);
      s[6] ^= le(in, off + 48);
      s[7] ^= le(in, off + 56);
      s[8] ^= le(in, off + 64);
      s[9] ^= le(in, off + 72);
      s[10] ^= le(in, off + 80);
      s[11] ^= le(in, off + 88);
      s[12] ^= le(in, off + 96);
      s[13] ^= le(in, off + 104);
      s[14] ^= le(in, off + 112);
      s[15] ^= le(in, off + 120);
      s[16] ^= le(in, off + 128);
      permute(s);
    }
    return off;
  }

  /** Absorbs the final {@code len < RATE} bytes, pads and permutes. */
  private static void finish(long[] s, byte[] in, int off, int len) {
    int lanes = len >>> 3;
    if (BYTE_BUFFER_LOADS) {
      ByteBuffer bb = ByteBuffer.wrap(in).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < lanes; i++) {
        s[i] ^= bb.getLong(off + (i << 3));
      }
    } else {
      for (int i = 0; i < lanes; i++) {
        s[i] ^= le(in, off + (i << 3));
      }
    }
    int p = lanes << 3;
    long last = 0;
    for (int j = 0; p + j < len; j++) {
      last |= (in[off + p + j] & 0xffL) << (j << 3);
    }
    s[lanes] ^= last;
    pad(s, len);
    permute(s);
  }

  private static void pad(long[] s, int p) {
    s[p >>> 3] ^= 0x01L << ((p & 7) << 3);
    s[RATE_LANES - 1] ^= 0x80L << 56;
  }

  private static void squeeze(long[] s, byte[] out, int off) {
    putLe(out, off, s[0]);
    putLe(out, off + 8, s[1]);
    putLe(out, off + 16, s[2]);
    putLe(out, off + 24, s[3]);
  }

  /** The little-endian long at {@code in[o, o+8)} (shifts: no VarHandle, which Android lacks). */
  private static long le(byte[] in, int o) {
    return (in[o] & 0xFFL)
        | (in[o + 1] & 0xFFL) << 8
        | (in[o + 2] & 0xFFL) << 16
        | (in[o + 3] & 0xFFL) << 24
        | (in[o + 4] & 0xFFL) << 32
        | (in[o + 5] & 0xFFL) << 40
        | (in[o + 6] & 0xFFL) << 48
        | (long) in[o + 7] << 56;
  }

  private static void putLe(byte[] out, int o, long v) {
    out[o] = (byte) v;
    out[o + 1] = (byte) (v >>> 8);
    out[o + 2] = (byte) (v >>> 16);
    out[o + 3] = (byte) (v >>> 24);
    out[o + 4] = (byte) (v >>> 32);
    out[o + 5] = (byte) (v >>> 40);
    out[o + 6] = (byte) (v >>> 48);
    out[o + 7] = (byte) (v >>> 56);
  }

  /**
   * Lane i (0..16) of the final, padded block holding the {@code len < RATE} bytes at
   * {@code in[off..]}: the bytes, then 0x01, zeros, and 0x80 in the block's last byte.
   */
  private static long lastLane(byte[] in, int off, int len, int i) {
    int start = i << 3;
    long v;
    if (start + 8 <= len) {
      v = le(in, off + start);
    } else {
      v = 0;
      for (int j = 0; start + j < len; j++) {
        v |= (in[off + start + j] & 0xFFL) << (j << 3);
      }
      if (len >= start) {
        v ^= 0x01L << ((len - start) << 3);
      }
    }
    if (i == RATE_LANES - 1) {
      v ^= 0x80L << 56;
    }
    return v;
  }

  private static boolean isArt() {
    try {
      String vm = System.getProperty("java.vm.name");
      return vm != null && vm.startsWith("Dalvik");
    } catch (SecurityException e) {
      return false;
    }
  }

  /** Throws IndexOutOfBoundsException unless [off, off+len) lies within [0, length). */
  private static void checkRange(int length, int off, int len) {
    if ((off | len) < 0 || len > length - off) {
      throw new IndexOutOfBoundsException(
          "Range [" + off + ", " + off + " + " + len + ") out of bounds for length " + length);
    }
  }

  private static final long[] RC = {
    0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
    0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
    0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
    0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
    0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
    0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L,
  };

  /** Keccak-f[1600] on {@code s} (25 lanes, index x + 5y). */
  static void permute(long[] s) {
    long a0 = s[0];
    long a1 = s[1];
    long a2 = s[2];
    long a3 = s[3];
    long a4 = s[4];
    long a5 = s[5];
    long a6 = s[6];
    long a7 = s[7];
    long a8 = s[8];
    long a9 = s[9];
    long a10 = s[10];
    long a11 = s[11];
    long a12 = s[12];
    long a13 = s[13];
    long a14 = s[14];
    long a15 = s[15];
    long a16 = s[16];
    long a17 = s[17];
    long a18 = s[18];
    long a19 = s[19];
    long a20 = s[20];
    long a21 = s[21];
    long a22 = s[22];
    long a23 = s[23];
    long a24 = s[24];
    for (int round = 0; round < 24; round++) {
      long c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20;
      long c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21;
      long c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22;
      long c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23;
      long c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24;
      long d0 = c4 ^ Long.rotateLeft(c1, 1);
      long d1 = c0 ^ Long.rotateLeft(c2, 1);
      long d2 = c1 ^ Long.rotateLeft(c3, 1);
      long d3 = c2 ^ Long.rotateLeft(c4, 1);
      long d4 = c3 ^ Long.rotateLeft(c0, 1);
      long b0 = a0 ^ d0;
      long b16 = Long.rotateLeft(a5 ^ d0, 36);
      long b7 = Long.rotateLeft(a10 ^ d0, 3);
      long b23 = Long.rotateLeft(a15 ^ d0, 41);
      long b14 = Long.rotateLeft(a20 ^ d0, 18);
      long b10 = Long.rotateLeft(a1 ^ d1, 1);
      long b1 = Long.rotateLeft(a6 ^ d1, 44);
      long b17 = Long.rotateLeft(a11 ^ d1, 10);
      long b8 = Long.rotateLeft(a16 ^ d1, 45);
      long b24 = Long.rotateLeft(a21 ^ d1, 2);
      long b20 = Long.rotateLeft(a2 ^ d2, 62);
      long b11 = Long.rotateLeft(a7 ^ d2, 6);
      long b2 = Long.rotateLeft(a12 ^ d2, 43);
      long b18 = Long.rotateLeft(a17 ^ d2, 15);
      long b9 = Long.rotateLeft(a22 ^ d2, 61);
      long b5 = Long.rotateLeft(a3 ^ d3, 28);
      long b21 = Long.rotateLeft(a8 ^ d3, 55);
      long b12 = Long.rotateLeft(a13 ^ d3, 25);
      long b3 = Long.rotateLeft(a18 ^ d3, 21);
      long b19 = Long.rotateLeft(a23 ^ d3, 56);
      long b15 = Long.rotateLeft(a4 ^ d4, 27);
      long b6 = Long.rotateLeft(a9 ^ d4, 20);
      long b22 = Long.rotateLeft(a14 ^ d4, 39);
      long b13 = Long.rotateLeft(a19 ^ d4, 8);
      long b4 = Long.rotateLeft(a24 ^ d4, 14);
      a0 = b0 ^ (~b1 & b2);
      a1 = b1 ^ (~b2 & b3);
      a2 = b2 ^ (~b3 & b4);
      a3 = b3 ^ (~b4 & b0);
      a4 = b4 ^ (~b0 & b1);
      a5 = b5 ^ (~b6 & b7);
      a6 = b6 ^ (~b7 & b8);
      a7 = b7 ^ (~b8 & b9);
      a8 = b8 ^ (~b9 & b5);
      a9 = b9 ^ (~b5 & b6);
      a10 = b10 ^ (~b11 & b12);
      a11 = b11 ^ (~b12 & b13);
      a12 = b12 ^ (~b13 & b14);
      a13 = b13 ^ (~b14 & b10);
      a14 = b14 ^ (~b10 & b11);
      a15 = b15 ^ (~b16 & b17);
      a16 = b16 ^ (~b17 & b18);
      a17 = b17 ^ (~b18 & b19);
      a18 = b18 ^ (~b19 & b15);
      a19 = b19 ^ (~b15 & b16);
      a20 = b20 ^ (~b21 & b22);
      a21 = b21 ^ (~b22 & b23);
      a22 = b22 ^ (~b23 & b24);
      a23 = b23 ^ (~b24 & b20);
      a24 = b24 ^ (~b20 & b21);
      a0 ^= RC[round];
    }
    s[0] = a0;
    s[1] = a1;
    s[2] = a2;
    s[3] = a3;
    s[4] = a4;
    s[5] = a5;
    s[6] = a6;
    s[7] = a7;
    s[8] = a8;
    s[9] = a9;
    s[10] = a10;
    s[11] = a11;
    s[12] = a12;
    s[13] = a13;
    s[14] = a14;
    s[15] = a15;
    s[16] = a16;
    s[17] = a17;
    s[18] = a18;
    s[19] = a19;
    s[20] = a20;
    s[21] = a21;
    s[22] = a22;
    s[23] = a23;
    s[24] = a24;
  }
}
