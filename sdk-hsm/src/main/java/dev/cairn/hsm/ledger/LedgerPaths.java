package dev.cairn.hsm.ledger;

import dev.cairn.core.CairnException;
import dev.cairn.core.hd.DerivationPath;

/**
 * BIP-32 paths as Ledger apps take them: a 1-byte component count followed by each component as a
 * 4-byte big-endian integer (hardened components with bit 31 set). Paths are accepted with or
 * without the leading {@code m/} ({@code "44'/60'/0'/0/0"} as ledgerjs writes them).
 */
public final class LedgerPaths {
  /** The deepest path Ledger apps accept. */
  public static final int MAX_DEPTH = 10;

  private LedgerPaths() {}

  /**
   * Parses {@code "44'/60'/0'/0/0"} or {@code "m/44'/60'/0'/0/0"}.
   *
   * @throws LedgerException (INVALID_ARGUMENT, field "path") on a malformed path or one deeper
   *     than {@value #MAX_DEPTH}
   */
  public static DerivationPath parse(String path) {
    if (path == null) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "path", "is null");
    }
    DerivationPath p;
    try {
      p = DerivationPath.parse(path.startsWith("m") ? path : "m/" + path);
    } catch (CairnException e) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "path", e.getMessage(), e);
    }
    check(p);
    return p;
  }

  /**
   * The count-prefixed encoding of {@code path}.
   *
   * @throws LedgerException (INVALID_ARGUMENT) on a null path, the master path, or one deeper than
   *     {@value #MAX_DEPTH}
   */
  public static byte[] encode(DerivationPath path) {
    check(path);
    int n = path.depth();
    byte[] out = new byte[1 + 4 * n];
    out[0] = (byte) n;
    for (int i = 0; i < n; i++) {
      int c = path.get(i);
      out[1 + 4 * i] = (byte) (c >>> 24);
      out[2 + 4 * i] = (byte) (c >>> 16);
      out[3 + 4 * i] = (byte) (c >>> 8);
      out[4 + 4 * i] = (byte) c;
    }
    return out;
  }

  /**
   * Decodes a count-prefixed path at {@code offset} of {@code data}.
   *
   * @return the path; its encoded length is {@code 1 + 4 * depth}
   * @throws LedgerException (INVALID_DATA, status 0x6A80) on a truncated or empty path or a depth
   *     above {@value #MAX_DEPTH} — the status a device answers
   */
  public static DerivationPath decode(byte[] data, int offset) {
    if (data == null || offset < 0 || offset >= data.length) {
      throw LedgerException.ofStatus(StatusWords.INVALID_DATA);
    }
    int n = data[offset] & 0xFF;
    if (n == 0 || n > MAX_DEPTH || offset + 1 + 4 * n > data.length) {
      throw LedgerException.ofStatus(StatusWords.INVALID_DATA);
    }
    int[] c = new int[n];
    for (int i = 0; i < n; i++) {
      int p = offset + 1 + 4 * i;
      c[i] = ((data[p] & 0xFF) << 24) | ((data[p + 1] & 0xFF) << 16) | ((data[p + 2] & 0xFF) << 8) | (data[p + 3] & 0xFF);
    }
    return DerivationPath.of(c);
  }

  private static void check(DerivationPath p) {
    if (p == null) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "path", "is null");
    }
    if (p.depth() == 0 || p.depth() > MAX_DEPTH) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "path",
          "has depth " + p.depth() + ", Ledger apps take 1 to " + MAX_DEPTH + " components");
    }
  }
}
