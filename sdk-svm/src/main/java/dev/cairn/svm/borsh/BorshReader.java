package dev.cairn.svm.borsh;

import dev.cairn.core.encoding.DecodingException;
import dev.cairn.svm.Pubkey;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A strict, bounds-checked Borsh reader for hand-written codecs (and used by {@link BorshType}).
 * Every method takes the name of the field being read; a failure is a {@link DecodingException}
 * naming it and the offset. Lengths are checked against the bytes left before anything is allocated.
 * Not thread-safe.
 *
 * <pre>{@code
 * BorshReader r = new BorshReader(data);
 * int tag = r.u8("tag");
 * long amount = r.u64("amount");
 * r.expectEnd();
 * }</pre>
 */
public final class BorshReader {
  private final byte[] buf;
  private final int end;
  private int pos;

  /** A reader over all of {@code data} (not copied; do not change it while reading). */
  public BorshReader(byte[] data) {
    this(data, 0, data.length);
  }

  /** A reader over {@code data[off, off + len)}. */
  public BorshReader(byte[] data, int off, int len) {
    if (off < 0 || len < 0 || off > data.length - len) {
      throw new IndexOutOfBoundsException("range " + off + "+" + len + " outside " + data.length);
    }
    this.buf = data;
    this.pos = off;
    this.end = off + len;
  }

  /** The current offset. */
  public int position() {
    return pos;
  }

  /** Bytes left. */
  public int remaining() {
    return end - pos;
  }

  private static DecodingException wrap(String field, BorshError e) {
    return e.decoding(field);
  }

  // ------------------------------------------------------------- package-private core (BorshError)

  void need(int n) {
    if (n > end - pos) {
      throw new BorshError("needs " + n + " bytes, " + (end - pos) + " left", pos);
    }
  }

  int readU8() {
    need(1);
    return buf[pos++] & 0xff;
  }

  int readU16() {
    need(2);
    int v = (buf[pos] & 0xff) | (buf[pos + 1] & 0xff) << 8;
    pos += 2;
    return v;
  }

  long readU32() {
    need(4);
    long v = 0;
    for (int i = 0; i < 4; i++) {
      v |= (long) (buf[pos + i] & 0xff) << (8 * i);
    }
    pos += 4;
    return v;
  }

  long readU64() {
    need(8);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v |= (long) (buf[pos + i] & 0xff) << (8 * i);
    }
    pos += 8;
    return v;
  }

  /** {@code n} ≤ 8 bytes little-endian, sign-extended when {@code signed}. */
  long readLe(int n, boolean signed) {
    need(n);
    long v = 0;
    for (int i = 0; i < n; i++) {
      v |= (long) (buf[pos + i] & 0xff) << (8 * i);
    }
    pos += n;
    if (signed && n < 8) {
      int shift = 64 - 8 * n;
      v = (v << shift) >> shift;
    }
    return v;
  }

  BigInteger readBig(int bytes, boolean signed) {
    need(bytes);
    byte[] be = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      be[i] = buf[pos + bytes - 1 - i];
    }
    pos += bytes;
    return signed ? new BigInteger(be) : new BigInteger(1, be);
  }

  boolean readBool() {
    int at = pos;
    int b = readU8();
    if (b > 1) {
      throw new BorshError("bool byte must be 0 or 1, got " + b, at);
    }
    return b == 1;
  }

  float readF32() {
    int at = pos;
    float f = Float.intBitsToFloat((int) readU32());
    if (Float.isNaN(f)) {
      throw new BorshError("f32 NaN is not allowed in Borsh", at);
    }
    return f;
  }

  double readF64() {
    int at = pos;
    double d = Double.longBitsToDouble(readU64());
    if (Double.isNaN(d)) {
      throw new BorshError("f64 NaN is not allowed in Borsh", at);
    }
    return d;
  }

  /** A u32 length, checked: {@code length * minBytesEach} must not exceed the bytes left. */
  int readLength(int minBytesEach) {
    int at = pos;
    long n = readU32();
    if (n * Math.max(1, minBytesEach) > end - pos) {
      throw new BorshError("length " + n + " exceeds the " + (end - pos) + " bytes left", at);
    }
    return (int) n;
  }

  byte[] readRaw(int n) {
    need(n);
    byte[] out = new byte[n];
    System.arraycopy(buf, pos, out, 0, n);
    pos += n;
    return out;
  }

  byte[] readBytes() {
    return readRaw(readLength(1));
  }

  String readString() {
    int n = readLength(1);
    int at = pos;
    try {
      String s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(buf, pos, n))
          .toString();
      pos += n;
      return s;
    } catch (CharacterCodingException e) {
      throw new BorshError("invalid UTF-8 in string", at);
    }
  }

  Pubkey readPubkey() {
    return Pubkey.of(readRaw(Pubkey.LENGTH));
  }

  void checkEnd() {
    if (pos != end) {
      throw new BorshError((end - pos) + " trailing bytes", pos);
    }
  }

  // ------------------------------------------------------------- public API (DecodingException)

  /** A u8. */
  public int u8(String field) {
    try {
      return readU8();
    } catch (BorshError e) {
      throw wrap(field, e);
    }
  }

  /** A u16. */
  public int u16(String field) {
    try {
      return readU16();
    } catch (BorshError e) {
      throw wrap(field, e);
    }
  }

  /** A u32, as a non-negative long. */
  public long u32(String field) {
    try {
      return readU32();
    } catch (BorshError e) {
      throw wrap(field, e);
    }
  }

  /** A u64 or i64, as the 64 bits (use {@link Long#toUnsignedString} for a u64). */
  public long u64(String field) {
    try {
      return readU64();
    } catch (BorshError e) {
      throw wrap(field, e);
    }
  }

  /** An unsigned integer of {@code bytes} bytes (u128: 16). */
  public BigInteger uint(String field, int bytes) {
    try {
      return readBig(bytes, false);
    } catch (BorshError e) {
      throw wrap(field, e);
    }
  }

  /** A signed integer of {@code bytes} bytes (i128: 16). */
  public BigInteger sint(String field, int bytes) {
    try {
      return readBig(bytes, true);
    } catch (BorshError e) {
      throw wrap(field, e);
    }
  }

  /** A bool; any byte but 0 and 1 is rejected. */
  public boolean bool(String field) {
    try {
      return readBool();
    } catch (BorshError e) {
      throw wrap(field, e);
    }
  }

  /** An f32; NaN is rejected. */
  public float f32(String field) {
    try {
      return readF32();
    } catch (BorshError e) {
      throw wrap(field, e);
    }
  }

  /** An f64; NaN is rejected. */
  public double f64(String field) {
    try {
      return readF64();
    } catch (BorshError e) {
      throw wrap(field, e);
    }
  }

  /**
   * A u32 collection length, rejected when {@code length × minBytesEach} exceeds the bytes left (so
   * nothing is allocated from an untrusted length).
   */
  public int length(String field, int minBytesEach) {
    try {
      return readLength(minBytesEach);
    } catch (BorshError e) {
      throw wrap(field, e);
    }
  }

  /** An option tag: false for 0 (None), true for 1 (Some); anything else is rejected. */
  public boolean optionTag(String field) {
    int at = pos;
    int t = u8(field);
    if (t > 1) {
      throw new DecodingException(field, at, "option tag must be 0 or 1, got " + t);
    }
    return t == 1;
  }

  /** {@code n} raw bytes. */
  public byte[] raw(String field, int n) {
    try {
      return readRaw(n);
    } catch (BorshError e) {
      throw wrap(field, e);
    }
  }

  /** {@code Vec<u8>}: a u32 length and the bytes. */
  public byte[] bytes(String field) {
    try {
      return readBytes();
    } catch (BorshError e) {
      throw wrap(field, e);
    }
  }

  /** A string: a u32 length and strict UTF-8. */
  public String string(String field) {
    try {
      return readString();
    } catch (BorshError e) {
      throw wrap(field, e);
    }
  }

  /** A public key (32 bytes). */
  public Pubkey pubkey(String field) {
    try {
      return readPubkey();
    } catch (BorshError e) {
      throw wrap(field, e);
    }
  }

  /** Fails unless every byte was read. */
  public void expectEnd() {
    try {
      checkEnd();
    } catch (BorshError e) {
      throw wrap("end", e);
    }
  }
}
