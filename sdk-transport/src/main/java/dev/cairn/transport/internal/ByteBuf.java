package dev.cairn.transport.internal;

import java.io.OutputStream;
import java.util.Arrays;

/** A growable, reusable byte buffer (an unsynchronized ByteArrayOutputStream). Internal. */
public final class ByteBuf extends OutputStream {
  private byte[] buf;
  private int count;

  /** A buffer with this initial capacity. */
  public ByteBuf(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  /** Empties the buffer, keeping its capacity. */
  public void reset() {
    count = 0;
    if (buf.length > (1 << 20)) {
      buf = new byte[512];
    }
  }

  private void ensure(int extra) {
    int need = count + extra;
    if (need > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(need, buf.length * 2));
    }
  }

  @Override
  public void write(int b) {
    ensure(1);
    buf[count++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, count, len);
    count += len;
  }

  /** A copy of the content. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, count);
  }

  /** The number of bytes written. */
  public int size() {
    return count;
  }
}
