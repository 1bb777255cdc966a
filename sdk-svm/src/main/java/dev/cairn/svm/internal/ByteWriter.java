package dev.cairn.svm.internal;

import java.util.Arrays;

/** A growable little-endian byte buffer for wire encodings. Not thread-safe. */
public final class ByteWriter {
  private byte[] buf;
  private int size;

  public ByteWriter(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }

  public ByteWriter u8(int v) {
    ensure(1);
    buf[size++] = (byte) v;
    return this;
  }

  public ByteWriter u16(int v) {
    ensure(2);
    buf[size++] = (byte) v;
    buf[size++] = (byte) (v >>> 8);
    return this;
  }

  public ByteWriter u32(long v) {
    ensure(4);
    for (int i = 0; i < 4; i++) {
      buf[size++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  public ByteWriter u64(long v) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      buf[size++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  public ByteWriter bytes(byte[] b) {
    return bytes(b, 0, b.length);
  }

  public ByteWriter bytes(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
    return this;
  }

  /** Appends the compact-u16 encoding of {@code v} (0..65535). */
  public ByteWriter compactU16(int v) {
    ensure(3);
    int rem = v;
    while (true) {
      int b = rem & 0x7f;
      rem >>>= 7;
      if (rem == 0) {
        buf[size++] = (byte) b;
        return this;
      }
      buf[size++] = (byte) (b | 0x80);
    }
  }

  public int size() {
    return size;
  }

  public byte[] toByteArray() {
    return size == buf.length ? buf : Arrays.copyOf(buf, size);
  }
}
