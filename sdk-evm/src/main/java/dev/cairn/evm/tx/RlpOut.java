package dev.cairn.evm.tx;

import java.math.BigInteger;

/**
 * Allocation-lean RLP writing for transactions: every field is first turned into its complete
 * encoding, then the list is written once into an exactly sized array (with an optional EIP-2718
 * type byte in front).
 */
final class RlpOut {
  static final byte[] EMPTY_STRING = {(byte) 0x80};
  static final byte[] EMPTY_LIST = {(byte) 0xc0};

  private RlpOut() {}

  /** The encoding of a byte string. */
  static byte[] string(byte[] b) {
    int n = b.length;
    if (n == 1 && (b[0] & 0xff) < 0x80) {
      return new byte[] {b[0]};
    }
    byte[] out = new byte[header(n) + n];
    int p = writeHeader(out, 0, 0x80, n);
    System.arraycopy(b, 0, out, p, n);
    return out;
  }

  /** The encoding of an unsigned 64-bit integer as a minimal big-endian string. */
  static byte[] integer(long v) {
    if (v == 0) {
      return EMPTY_STRING;
    }
    if (v > 0 && v < 0x80) {
      return new byte[] {(byte) v};
    }
    int n = (64 - Long.numberOfLeadingZeros(v) + 7) >>> 3;
    byte[] out = new byte[1 + n];
    out[0] = (byte) (0x80 + n);
    for (int i = 0; i < n; i++) {
      out[1 + i] = (byte) (v >>> (8 * (n - 1 - i)));
    }
    return out;
  }

  /** The encoding of a non-negative big integer as a minimal big-endian string. */
  static byte[] integer(BigInteger v) {
    if (v.bitLength() < 63) {
      return integer(v.longValue());
    }
    return string(minimal(v));
  }

  /** Minimal big-endian bytes of a non-negative big integer (empty for zero). */
  static byte[] minimal(BigInteger v) {
    if (v.signum() == 0) {
      return new byte[0];
    }
    byte[] b = v.toByteArray();
    if (b[0] == 0) {
      byte[] t = new byte[b.length - 1];
      System.arraycopy(b, 1, t, 0, t.length);
      return t;
    }
    return b;
  }

  /** 32-byte big-endian string of a value below 2^256, as an encoding of its minimal form. */
  static byte[] integer32(byte[] fixed32, int off) {
    int i = off;
    int end = off + 32;
    while (i < end && fixed32[i] == 0) {
      i++;
    }
    int n = end - i;
    if (n == 0) {
      return EMPTY_STRING;
    }
    if (n == 1 && (fixed32[i] & 0xff) < 0x80) {
      return new byte[] {fixed32[i]};
    }
    byte[] out = new byte[1 + n];
    out[0] = (byte) (0x80 + n);
    System.arraycopy(fixed32, i, out, 1, n);
    return out;
  }

  /** Length of a header for a payload of {@code n} bytes. */
  static int header(int n) {
    return n < 56 ? 1 : 1 + ((32 - Integer.numberOfLeadingZeros(n) + 7) >>> 3);
  }

  static int writeHeader(byte[] out, int p, int base, int n) {
    if (n < 56) {
      out[p] = (byte) (base + n);
      return p + 1;
    }
    int k = (32 - Integer.numberOfLeadingZeros(n) + 7) >>> 3;
    out[p++] = (byte) (base + 55 + k);
    for (int i = k - 1; i >= 0; i--) {
      out[p++] = (byte) (n >>> (8 * i));
    }
    return p;
  }

  /**
   * The list of the encoded items {@code a} followed by {@code b} (either may be null), preceded by
   * {@code typeByte} unless it is negative.
   */
  static byte[] list(int typeByte, byte[][] a, byte[][] b) {
    long payload = 0;
    if (a != null) {
      for (byte[] x : a) {
        payload += x.length;
      }
    }
    if (b != null) {
      for (byte[] x : b) {
        payload += x.length;
      }
    }
    if (payload > Integer.MAX_VALUE - 64) {
      throw new EvmTxException(
          EvmTxException.Reason.INVALID_FIELD, "data", "transaction too large to encode");
    }
    int n = (int) payload;
    int prefix = typeByte >= 0 ? 1 : 0;
    byte[] out = new byte[prefix + header(n) + n];
    if (prefix == 1) {
      out[0] = (byte) typeByte;
    }
    int p = writeHeader(out, prefix, 0xc0, n);
    if (a != null) {
      for (byte[] x : a) {
        System.arraycopy(x, 0, out, p, x.length);
        p += x.length;
      }
    }
    if (b != null) {
      for (byte[] x : b) {
        System.arraycopy(x, 0, out, p, x.length);
        p += x.length;
      }
    }
    return out;
  }

  /** The list of the given encoded items. */
  static byte[] list(byte[]... items) {
    return list(-1, items, null);
  }
}
