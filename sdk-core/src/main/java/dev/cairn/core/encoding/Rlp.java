package dev.cairn.core.encoding;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Objects;

/**
 * Ethereum's Recursive Length Prefix encoding.
 *
 * <p>Encoding: the static helpers return complete encodings; {@link #encode(RlpItem)} writes a
 * whole tree into one exactly sized array (every {@link RlpItem} knows its encoded length, so
 * nested lists are never encoded separately and copied). Integers are encoded as minimal
 * big-endian strings, zero as the empty string.
 *
 * <p>Decoding is strict and canonical: {@link #decode(byte[])} accepts exactly the encodings
 * {@link #encode(RlpItem)} produces. It rejects a single byte below 0x80 wrapped in a one-byte
 * string header, long-form lengths below 56, leading zeros in length fields, lengths that run past
 * the input or their enclosing list, trailing bytes after the top-level item, and lists nested
 * deeper than {@link #MAX_DEPTH}, each with a {@link DecodingException} naming the offset. Every
 * length is checked against the remaining input before anything is allocated. For hot paths that
 * know the expected shape, {@link RlpReader} reads without building a tree.
 */
public final class Rlp {
  /** The deepest list nesting the decoders accept (the top-level list is depth 1). */
  public static final int MAX_DEPTH = 1024;

  private Rlp() {}

  /** The encoding of a byte string. */
  public static byte[] encodeBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length == 1 && (bytes[0] & 0xff) < 0x80) {
      return new byte[] {bytes[0]};
    }
    byte[] out = new byte[headerLength(bytes.length) + bytes.length];
    int p = writeHeader(out, 0, 0x80, bytes.length);
    System.arraycopy(bytes, 0, out, p, bytes.length);
    return out;
  }

  /**
   * The encoding of a non-negative integer as a minimal big-endian string.
   *
   * @throws IllegalArgumentException if {@code value < 0}
   */
  public static byte[] encodeLong(long value) {
    return encodeBytes(minimalBytes(value));
  }

  /**
   * The encoding of a non-negative big integer as a minimal big-endian string.
   *
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public static byte[] encodeBigInteger(BigInteger value) {
    return encodeBytes(minimalBytes(value));
  }

  /**
   * The encoding of a list whose elements are given already encoded (each must be one complete RLP
   * item; they are concatenated, not checked). To encode a tree of {@link RlpItem}s, use {@link
   * #encode(RlpItem)} with {@link RlpItem#ofList(RlpItem...)}.
   */
  public static byte[] encodeList(byte[]... encodedItems) {
    long payload = 0;
    for (byte[] e : encodedItems) {
      payload += e.length;
    }
    if (payload > RlpItem.MAX_ENCODED) {
      throw new IllegalArgumentException("RLP list too large to encode");
    }
    int n = (int) payload;
    byte[] out = new byte[headerLength(n) + n];
    int p = writeHeader(out, 0, 0xc0, n);
    for (byte[] e : encodedItems) {
      System.arraycopy(e, 0, out, p, e.length);
      p += e.length;
    }
    return out;
  }

  /** The encoding of {@code item}, written into one exactly sized array. */
  public static byte[] encode(RlpItem item) {
    byte[] out = new byte[item.encodedLength()];
    int end = write(item, out, 0);
    assert end == out.length;
    return out;
  }

  private static int write(RlpItem item, byte[] out, int p) {
    byte[] b = item.rawBytes();
    if (b != null) {
      if (b.length == 1 && (b[0] & 0xff) < 0x80) {
        out[p] = b[0];
        return p + 1;
      }
      p = writeHeader(out, p, 0x80, b.length);
      System.arraycopy(b, 0, out, p, b.length);
      return p + b.length;
    }
    p = writeHeader(out, p, 0xc0, item.payloadLength());
    for (RlpItem child : item.rawItems()) {
      p = write(child, out, p);
    }
    return p;
  }

  static int headerLength(int payloadLength) {
    if (payloadLength < 56) {
      return 1;
    }
    return 1 + byteCount(payloadLength);
  }

  private static int byteCount(int v) {
    return (32 - Integer.numberOfLeadingZeros(v) + 7) >>> 3;
  }

  /** Writes a string (base 0x80) or list (base 0xc0) header and returns the payload position. */
  private static int writeHeader(byte[] out, int p, int base, int len) {
    if (len < 56) {
      out[p] = (byte) (base + len);
      return p + 1;
    }
    int n = byteCount(len);
    out[p++] = (byte) (base + 55 + n);
    for (int i = n - 1; i >= 0; i--) {
      out[p++] = (byte) (len >>> (8 * i));
    }
    return p;
  }

  static byte[] minimalBytes(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("RLP integers are non-negative, got " + value);
    }
    int n = (64 - Long.numberOfLeadingZeros(value) + 7) >>> 3;
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (value >>> (8 * (n - 1 - i)));
    }
    return b;
  }

  static byte[] minimalBytes(BigInteger value) {
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0) {
      throw new IllegalArgumentException("RLP integers are non-negative");
    }
    if (value.signum() == 0) {
      return new byte[0];
    }
    byte[] b = value.toByteArray();
    if (b[0] == 0) {
      byte[] t = new byte[b.length - 1];
      System.arraycopy(b, 1, t, 0, t.length);
      return t;
    }
    return b;
  }

  /**
   * Decodes exactly one item that must span all of {@code encoded}.
   *
   * @throws DecodingException on any malformed or non-canonical input (see the class description)
   */
  public static RlpItem decode(byte[] encoded) {
    Objects.requireNonNull(encoded, "encoded");
    return decode(encoded, 0, encoded.length);
  }

  /**
   * Decodes exactly one item spanning {@code encoded[offset, offset+length)}; exception offsets are
   * relative to {@code offset}.
   */
  public static RlpItem decode(byte[] encoded, int offset, int length) {
    RlpReader r = RlpReader.of(encoded, offset, length);
    if (!r.hasNext()) {
      throw new DecodingException("rlp", 0, "empty input");
    }
    RlpItem item = read(r);
    r.requireEnd();
    return item;
  }

  private static RlpItem read(RlpReader r) {
    int at = r.position();
    if (!r.nextIsList()) {
      return RlpItem.decodedString(r.readBytes(), at);
    }
    RlpReader inner = r.enterList();
    int payloadStart = inner.position();
    ArrayList<RlpItem> items = new ArrayList<>();
    while (inner.hasNext()) {
      items.add(read(inner));
    }
    return RlpItem.decodedList(items, r.position() - payloadStart, at);
  }
}
