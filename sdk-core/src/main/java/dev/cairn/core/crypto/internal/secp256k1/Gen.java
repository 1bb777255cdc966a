package dev.cairn.core.crypto.internal.secp256k1;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * Multiplication of the generator by a secret scalar: {@code k·G = Σ_i T[i][k_i]} over the 64
 * 4-bit digits k_i of k, with a table {@code T[i][j] = j·16^i·G + H_i} of 64 x 16 affine points
 * built once on first use. The offsets H_i (2^i·H for i below 63, -(2^63 - 1)·H for the last
 * row) sum to zero, where H is a point of unknown discrete logarithm (its x is the first
 * SHA-256("cairn/secp256k1/gen-offset" || counter) that is on the curve). After i rows the sum
 * is P + (2^i - 1)·H and the next entry Q + 2^i·H, so no entry is infinity and no addition meets
 * the doubling or the inverse case unless someone knows the discrete logarithm of H: the 63 mixed
 * additions always take the same path through {@link Point#addVar(Affine, boolean)}.
 *
 * <p>Side channels: no branch and no table index depends on the secret. Each digit selects its
 * entry by reading all 16 entries of its row and keeping one with masks; the digit only feeds
 * the masks. Field arithmetic is branch-free. The number and order of operations are fixed.
 * (As with any JVM code, the JIT's output is not under our control; see docs/pure-java-crypto.md.)
 */
public final class Gen {
  private Gen() {}

  private static final int ROWS = 64;
  private static final int COLS = 16;
  /** 20 limbs (x then y) per entry. */
  private static final int ENTRY = Affine.PACKED;

  /** The table, built on first use (holder idiom). */
  private static final class Table {
    static final int[] T = build();
  }

  /** Forces the table to be built now (for measuring its cost). */
  public static void init() {
    if (Table.T.length == 0) {
      throw new IllegalStateException();
    }
  }

  private static int[] build() {
    // offsets H_i = 2^i·H for rows 0..62 and -(2^63 - 1)·H for the last, so that they sum to zero
    Point[] offsets = new Point[ROWS];
    Point hi = new Point().set(offsetPoint());
    Point sum = new Point();
    for (int i = 0; i < ROWS - 1; i++) {
      offsets[i] = new Point().set(hi);
      sum.addVar(hi);
      hi.dbl();
    }
    sum.y.negate(sum.y, 4);
    offsets[ROWS - 1] = sum;

    int count = ROWS * COLS;
    Fe[] xs = new Fe[count];
    Fe[] ys = new Fe[count];
    Fe[] zs = new Fe[count];
    Point base = new Point().set(Ecmult.G);
    Point p = new Point();
    for (int i = 0; i < ROWS; i++) {
      p.set(offsets[i]);
      for (int j = 0; j < COLS; j++) {
        if (j > 0) {
          p.addVar(base);
        }
        int e = i * COLS + j;
        xs[e] = new Fe(p.x);
        ys[e] = new Fe(p.y);
        zs[e] = new Fe(p.z);
      }
      for (int d = 0; d < 4; d++) {
        base.dbl();
      }
    }
    Affine[] aff = Ecmult.toAffine(xs, ys, zs);
    int[] t = Affine.pack(aff);
    return t;
  }

  /** H: the first x = SHA-256("cairn/secp256k1/gen-offset" || counter) on the curve, even y. */
  static Affine offsetPoint() {
    byte[] tag = "cairn/secp256k1/gen-offset".getBytes(StandardCharsets.US_ASCII);
    byte[] hash = new byte[32];
    Affine h = new Affine();
    for (int counter = 0; ; counter++) {
      SHA256Digest sha = new SHA256Digest();
      sha.update(tag, 0, tag.length);
      sha.update((byte) counter);
      sha.doFinal(hash, 0);
      Fe x = new Fe();
      if (x.setBytes(hash, 0) && h.setXoVar(x, false)) {
        return h;
      }
    }
  }

  /**
   * {@code r = k·G} for the 32-byte big-endian scalar k (in [1, n-1]); constant time in k, see the
   * class comment.
   */
  public static Point mul(Point r, byte[] k, int off) {
    int[] t = Table.T;
    Affine e = new Affine();
    int[] sel = new int[ENTRY];
    for (int i = 0; i < ROWS; i++) {
      int digit = (k[off + 31 - (i >>> 1)] >>> ((i & 1) << 2)) & 0xF;
      java.util.Arrays.fill(sel, 0);
      int rowBase = i * COLS * ENTRY;
      for (int j = 0; j < COLS; j++) {
        // mask = -1 if j == digit else 0, without a branch
        int mask = ((j ^ digit) - 1) >> 31;
        int o = rowBase + j * ENTRY;
        for (int l = 0; l < ENTRY; l++) {
          sel[l] |= t[o + l] & mask;
        }
      }
      e.loadPacked(sel, 0);
      if (i == 0) {
        r.set(e);
      } else {
        r.addVar(e, false);
      }
    }
    java.util.Arrays.fill(sel, 0);
    e.x.setInt(0);
    e.y.setInt(0);
    return r;
  }
}
