package dev.cairn.core.encoding;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A zero-copy cursor over RLP-encoded items in {@code array[offset, offset+length)}, for hot paths
 * that know the shape they expect (a transaction, a receipt) and should not build an item tree.
 *
 * <p>The reader checks every header as strictly as {@link Rlp#decode(byte[])}: lengths are
 * validated against the remaining input before anything is read or allocated, and non-canonical
 * headers are rejected. Exception offsets are relative to the start of the range given to {@link
 * #of(byte[], int, int)}. The reader does not copy the array: the caller must not modify it while
 * reading. Readers are mutable and not thread-safe.
 */
public final class RlpReader {
  private static final String FIELD = "rlp";

  private final byte[] a;
  private final int base; // offset of the whole input, for error offsets
  private final int end;
  private final int depth;
  private int pos;

  // header of the item at pos, filled by parseHeader()
  private boolean hIsList;
  private int hPayload;
  private int hLength;

  private RlpReader(byte[] a, int base, int pos, int end, int depth) {
    this.a = a;
    this.base = base;
    this.pos = pos;
    this.end = end;
    this.depth = depth;
  }

  /** A reader over all of {@code encoded}. */
  public static RlpReader of(byte[] encoded) {
    return of(encoded, 0, encoded.length);
  }

  /**
   * A reader over {@code array[offset, offset+length)}.
   *
   * @throws IndexOutOfBoundsException if the range is outside the array
   */
  public static RlpReader of(byte[] array, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, array.length);
    return new RlpReader(array, offset, offset, offset + length, 0);
  }

  /** True if another item follows. */
  public boolean hasNext() {
    return pos < end;
  }

  /** The current position relative to the start of the input. */
  public int position() {
    return pos - base;
  }

  /**
   * True if the next item is a list.
   *
   * @throws DecodingException if there is no next item or its header is invalid
   */
  public boolean nextIsList() {
    parseHeader();
    return hIsList;
  }

  /**
   * Reads the next item, which must be a list, and returns a reader over its elements; this
   * reader moves past the whole list.
   *
   * @throws DecodingException if the next item is not a list, is invalid, or nests deeper than
   *     {@link Rlp#MAX_DEPTH}
   */
  public RlpReader enterList() {
    int at = pos;
    parseHeader();
    if (!hIsList) {
      throw new DecodingException(FIELD, at - base, "expected a list, found a string");
    }
    if (depth + 1 > Rlp.MAX_DEPTH) {
      throw new DecodingException(FIELD, at - base, "lists nested deeper than " + Rlp.MAX_DEPTH);
    }
    RlpReader inner = new RlpReader(a, base, hPayload, hPayload + hLength, depth + 1);
    pos = hPayload + hLength;
    return inner;
  }

  /** Reads the next item, which must be a string, and returns a copy of its bytes. */
  public byte[] readBytes() {
    readString();
    byte[] out = new byte[hLength];
    System.arraycopy(a, hPayload, out, 0, hLength);
    return out;
  }

  /**
   * Reads the next string without copying: a read-only buffer over the backing array, positioned
   * at the string's first byte with its limit after the last.
   */
  public ByteBuffer readBuffer() {
    readString();
    return ByteBuffer.wrap(a, hPayload, hLength).slice().asReadOnlyBuffer();
  }

  /**
   * Reads the next string as a non-negative integer of at most 63 bits.
   *
   * @throws DecodingException if it is a list, has a leading zero byte or does not fit a long
   */
  public long readLong() {
    int at = readString();
    return toLong(a, hPayload, hLength, at - base);
  }

  /** Reads the next string as a non-negative integer of at most 31 bits; see {@link #readLong}. */
  public int readInt() {
    int at = readString();
    return toInt(a, hPayload, hLength, at - base);
  }

  /** Reads the next string as a non-negative big integer (no leading zero bytes). */
  public BigInteger readBigInteger() {
    int at = readString();
    return toBigInteger(a, hPayload, hLength, at - base);
  }

  /** Skips the next item (string or whole list), checking only its header. */
  public void skip() {
    parseHeader();
    pos = hPayload + hLength;
  }

  /**
   * Checks that every item has been read.
   *
   * @throws DecodingException if bytes remain
   */
  public void requireEnd() {
    if (pos < end) {
      throw new DecodingException(FIELD, pos - base, "unexpected trailing bytes");
    }
  }

  private int readString() {
    int at = pos;
    parseHeader();
    if (hIsList) {
      throw new DecodingException(FIELD, at - base, "expected a string, found a list");
    }
    pos = hPayload + hLength;
    return at;
  }

  /** Parses the header at {@code pos} into the h* fields without moving {@code pos}. */
  private void parseHeader() {
    int p = pos;
    if (p >= end) {
      throw new DecodingException(FIELD, p - base, "no more items");
    }
    int b = a[p] & 0xff;
    if (b < 0x80) {
      hIsList = false;
      hPayload = p;
      hLength = 1;
      return;
    }
    int avail = end - p - 1;
    long len;
    int headerLen;
    if (b <= 0xb7 || (b >= 0xc0 && b <= 0xf7)) {
      hIsList = b >= 0xc0;
      len = b - (hIsList ? 0xc0 : 0x80);
      headerLen = 1;
      if (len > avail) {
        throw new DecodingException(
            FIELD, p - base, "length " + len + " runs past the end of the input");
      }
      if (!hIsList && len == 1 && (a[p + 1] & 0xff) < 0x80) {
        throw new DecodingException(
            FIELD, p - base, "single byte below 0x80 must be encoded as itself");
      }
    } else {
      hIsList = b >= 0xc0;
      int lenOfLen = b - (hIsList ? 0xf7 : 0xb7);
      if (lenOfLen > avail) {
        throw new DecodingException(FIELD, p - base, "length field runs past the end of the input");
      }
      if (a[p + 1] == 0) {
        throw new DecodingException(FIELD, p + 1 - base, "leading zero in length field");
      }
      len = 0;
      for (int i = 1; i <= lenOfLen; i++) {
        len = (len << 8) | (a[p + i] & 0xff);
        if (len > avail) { // also stops before the shift can overflow
          throw new DecodingException(
              FIELD, p - base, "length runs past the end of the input");
        }
      }
      if (len < 56) {
        throw new DecodingException(
            FIELD, p - base, "long-form length " + len + " below 56 must use the short form");
      }
      headerLen = 1 + lenOfLen;
      if (len > avail - lenOfLen) {
        throw new DecodingException(
            FIELD, p - base, "length " + len + " runs past the end of the input");
      }
    }
    hPayload = p + headerLen;
    hLength = (int) len;
  }

  static long toLong(byte[] a, int off, int len, long at) {
    if (len > 0 && a[off] == 0) {
      throw new DecodingException(FIELD, at, "integer with a leading zero byte");
    }
    if (len > 8 || (len == 8 && a[off] < 0)) {
      throw new DecodingException(FIELD, at, "integer does not fit in 63 bits");
    }
    long v = 0;
    for (int i = 0; i < len; i++) {
      v = (v << 8) | (a[off + i] & 0xff);
    }
    return v;
  }

  static int toInt(byte[] a, int off, int len, long at) {
    if (len > 4 || (len == 4 && a[off] < 0)) {
      if (len > 0 && a[off] == 0) {
        throw new DecodingException(FIELD, at, "integer with a leading zero byte");
      }
      throw new DecodingException(FIELD, at, "integer does not fit in 31 bits");
    }
    return (int) toLong(a, off, len, at);
  }

  static BigInteger toBigInteger(byte[] a, int off, int len, long at) {
    if (len > 0 && a[off] == 0) {
      throw new DecodingException(FIELD, at, "integer with a leading zero byte");
    }
    if (len == 0) {
      return BigInteger.ZERO;
    }
    byte[] mag = new byte[len];
    System.arraycopy(a, off, mag, 0, len);
    return new BigInteger(1, mag);
  }
}
