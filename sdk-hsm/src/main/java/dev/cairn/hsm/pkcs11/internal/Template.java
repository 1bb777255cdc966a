package dev.cairn.hsm.pkcs11.internal;

import java.util.Arrays;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * An array of {@code CK_ATTRIBUTE {CK_ULONG type; void *pValue; CK_ULONG ulValueLen}} (or one
 * {@code CK_MECHANISM}, which has the same layout) in native memory, with natural alignment (the
 * Unix ABIs; Windows' 1-byte packing of PKCS#11 structs is not handled). Not thread-safe; built,
 * passed to one call and read back.
 */
public final class Template {
  private final Runtime runtime;
  private final int longSize;
  private final int addressSize;
  private final int valueOffset;
  private final int lenOffset;
  private final int stride;
  private final Pointer array;
  private final Pointer[] values;
  private int count;

  public Template(Runtime runtime, int capacity) {
    this.runtime = runtime;
    this.longSize = runtime.longSize();
    this.addressSize = runtime.addressSize();
    this.valueOffset = align(longSize, addressSize);
    this.lenOffset = valueOffset + addressSize;
    int align = Math.max(longSize, addressSize);
    this.stride = align(lenOffset + longSize, align);
    this.array = Memory.allocateDirect(runtime, Math.max(1, capacity) * stride, true);
    this.values = new Pointer[capacity];
  }

  private static int align(int offset, int alignment) {
    return (offset + alignment - 1) / alignment * alignment;
  }

  /** Adds an attribute with a byte-string value. */
  public Template bytes(long type, byte[] value) {
    Pointer v = Memory.allocateDirect(runtime, Math.max(1, value.length), true);
    v.put(0, value, 0, value.length);
    return put(type, v, value.length);
  }

  /** A {@code CK_MECHANISM} without parameters. */
  public static Template mechanism(Runtime runtime, long type) {
    Template t = new Template(runtime, 1);
    t.array.putNativeLong(0, type);
    t.array.putAddress(t.valueOffset, 0L);
    t.array.putNativeLong(t.lenOffset, 0L);
    t.count = 1;
    return t;
  }

  /** Adds a CK_BBOOL attribute. */
  public Template bool(long type, boolean value) {
    return bytes(type, new byte[] {(byte) (value ? 1 : 0)});
  }

  /** Adds a CK_ULONG attribute. */
  public Template ulong(long type, long value) {
    Pointer v = Memory.allocateDirect(runtime, longSize, true);
    v.putNativeLong(0, value);
    return put(type, v, longSize);
  }

  /** Adds an attribute to be read by C_GetAttributeValue into a buffer of {@code capacity} bytes. */
  public Template out(long type, int capacity) {
    return put(type, Memory.allocateDirect(runtime, capacity, true), capacity);
  }

  private Template put(long type, Pointer value, long len) {
    int off = count * stride;
    array.putNativeLong(off, type);
    array.putAddress(off + valueOffset, value.address());
    array.putNativeLong(off + lenOffset, len);
    values[count++] = value;
    return this;
  }

  /** The attribute array (or mechanism) to pass. */
  public Pointer pointer() {
    return array;
  }

  /** How many attributes were added. */
  public int count() {
    return count;
  }

  /** The length the module wrote for attribute {@code i}, or -1 for CK_UNAVAILABLE_INFORMATION. */
  public long length(int i) {
    long len = array.getNativeLong(i * stride + lenOffset);
    return len == Ck.UNAVAILABLE_INFORMATION || len < 0 ? -1 : len;
  }

  /** The value of attribute {@code i} as the module wrote it (at most the buffer's capacity). */
  public byte[] value(int i) {
    long len = length(i);
    if (len < 0) {
      return null;
    }
    long cap = values[i].size();
    byte[] out = new byte[(int) Math.min(len, cap)];
    values[i].get(0, out, 0, out.length);
    return out;
  }

  /** Overwrites every value buffer with zeros (for templates that carried a secret). */
  public void clear() {
    for (int i = 0; i < count; i++) {
      if (values[i] == null) {
        continue;
      }
      byte[] zero = new byte[(int) values[i].size()];
      values[i].put(0, zero, 0, zero.length);
    }
    Arrays.fill(values, null);
  }
}
