package dev.cairn.svm.borsh;

import dev.cairn.svm.Pubkey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable little-endian Borsh writer, for hand-written codecs and used by {@link BorshType}.
 * Integer methods take the value's bits (an {@code int} or {@code long} is written as its low bytes,
 * so a {@code long} holding a u64 above {@link Long#MAX_VALUE} is written correctly); {@link
 * #uint(BigInteger, int)} and {@link #sint(BigInteger, int)} check the range. Not thread-safe.
 *
 * <pre>{@code
 * byte[] data = new BorshWriter().u8(3).u64(amount).string("memo").toByteArray();
 * }</pre>
 */
public final class BorshWriter {
  private byte[] buf;
  private int len;

  /** An empty writer. */
  public BorshWriter() {
    this(64);
  }

  /** An empty writer with room for {@code capacity} bytes before it grows. */
  public BorshWriter(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  private void ensure(int n) {
    if (n > buf.length - len) {
      long want = Math.max((long) buf.length * 2, (long) len + n);
      if (want > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("borsh: output larger than 2 GiB");
      }
      buf = Arrays.copyOf(buf, (int) want);
    }
  }

  /** Bytes written so far. */
  public int size() {
    return len;
  }

  /** A copy of the bytes written. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  /** The low 8 bits of {@code v}. */
  public BorshWriter u8(int v) {
    ensure(1);
    buf[len++] = (byte) v;
    return this;
  }

  /** The low 16 bits of {@code v}, little-endian. */
  public BorshWriter u16(int v) {
    ensure(2);
    buf[len++] = (byte) v;
    buf[len++] = (byte) (v >>> 8);
    return this;
  }

  /** The low 32 bits of {@code v}, little-endian (u32 or i32). */
  public BorshWriter u32(long v) {
    ensure(4);
    for (int i = 0; i < 4; i++) {
      buf[len++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  /** The 64 bits of {@code v}, little-endian (u64 or i64). */
  public BorshWriter u64(long v) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      buf[len++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  /** An unsigned integer of {@code bytes} bytes; throws IllegalArgumentException when it does not fit. */
  public BorshWriter uint(BigInteger v, int bytes) {
    if (v.signum() < 0 || v.bitLength() > bytes * 8) {
      throw new IllegalArgumentException("value " + v + " does not fit in u" + (bytes * 8));
    }
    return twos(v, bytes);
  }

  /** A two's-complement signed integer of {@code bytes} bytes; throws IllegalArgumentException when it does not fit. */
  public BorshWriter sint(BigInteger v, int bytes) {
    if (v.bitLength() > bytes * 8 - 1) {
      throw new IllegalArgumentException("value " + v + " does not fit in i" + (bytes * 8));
    }
    return twos(v, bytes);
  }

  private BorshWriter twos(BigInteger v, int bytes) {
    ensure(bytes);
    byte[] be = v.toByteArray();
    byte fill = (byte) (v.signum() < 0 ? 0xff : 0);
    for (int i = 0; i < bytes; i++) {
      int src = be.length - 1 - i;
      buf[len++] = src >= 0 ? be[src] : fill;
    }
    return this;
  }

  /** The low {@code n} bytes of {@code v}, little-endian. */
  BorshWriter le(long v, int n) {
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  /** A bool: 0 or 1. */
  public BorshWriter bool(boolean v) {
    return u8(v ? 1 : 0);
  }

  /** An f32 (IEEE 754, little-endian); NaN is refused, as by Rust's borsh. */
  public BorshWriter f32(float v) {
    if (Float.isNaN(v)) {
      throw new IllegalArgumentException("f32 NaN is not allowed in Borsh");
    }
    return u32(Float.floatToRawIntBits(v) & 0xffffffffL);
  }

  /** An f64 (IEEE 754, little-endian); NaN is refused, as by Rust's borsh. */
  public BorshWriter f64(double v) {
    if (Double.isNaN(v)) {
      throw new IllegalArgumentException("f64 NaN is not allowed in Borsh");
    }
    return u64(Double.doubleToRawLongBits(v));
  }

  /** Raw bytes, no length. */
  public BorshWriter raw(byte[] b) {
    return raw(b, 0, b.length);
  }

  /** Raw bytes, no length. */
  public BorshWriter raw(byte[] b, int off, int n) {
    ensure(n);
    System.arraycopy(b, off, buf, len, n);
    len += n;
    return this;
  }

  /** {@code Vec<u8>}: a u32 length and the bytes. */
  public BorshWriter bytes(byte[] b) {
    return u32(b.length).raw(b);
  }

  /** A string: a u32 byte length and the UTF-8. */
  public BorshWriter string(String s) {
    return bytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** A public key: its 32 bytes. */
  public BorshWriter pubkey(Pubkey key) {
    ensure(Pubkey.LENGTH);
    key.copyTo(buf, len);
    len += Pubkey.LENGTH;
    return this;
  }
}
