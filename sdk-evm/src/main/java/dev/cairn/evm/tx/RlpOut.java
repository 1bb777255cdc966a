package dev.cairn.evm.tx;

import dev.cairn.core.encoding.Rlp;
import java.math.BigInteger;

/**
 * Allocation-lean RLP writing for transactions: every field is first turned into its complete
 * encoding, then the list is written once into an exactly sized array (with an optional EIP-2718
 * type byte in front, and the signature fields appended without re-encoding the unsigned fields).
 * Byte strings and big integers are encoded by sdk-core's {@link Rlp}; only the list writer (which
 * {@link Rlp#encodeList} cannot do without a second copy of the whole transaction) and the
 * single-allocation {@code long} encoder live here.
 */
final class RlpOut {
  static final byte[] EMPTY_STRING = {(byte) 0x80};
  static final byte[] EMPTY_LIST = {(byte) 0xc0};

  private RlpOut() {}

  /** The encoding of a byte string. */
  static byte[] string(byte[] b) {
    return Rlp.encodeBytes(b);
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
    return v.bitLength() < 63 ? integer(v.longValue()) : Rlp.encodeBigInteger(v);
  }

  /** Length of a header for a payload of {@code n} bytes. */
  private static int header(int n) {
    return n < 56 ? 1 : 1 + ((32 - Integer.numberOfLeadingZeros(n) + 7) >>> 3);
  }

  private static int writeHeader(byte[] out, int p, int base, int n) {
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
