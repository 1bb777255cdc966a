package dev.cairn.evm.rpc;

import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import java.util.Arrays;

/** A 32-byte value: a block, transaction or code hash, a log topic, a storage key. Immutable. */
public final class Hash32 implements Comparable<Hash32> {
  /** All zeros. */
  public static final Hash32 ZERO = new Hash32(new byte[32]);

  private final byte[] bytes;

  private Hash32(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * The hash with these 32 bytes (copied).
   *
   * @throws DecodingException if {@code bytes} is null or not 32 bytes long
   */
  public static Hash32 of(byte[] bytes) {
    if (bytes == null || bytes.length != 32) {
      throw new DecodingException("hash", -1, "expected 32 bytes, got " + (bytes == null ? "null" : bytes.length));
    }
    return new Hash32(bytes.clone());
  }

  /** Wraps without copying; the caller gives up the array. */
  static Hash32 wrap(byte[] bytes) {
    return new Hash32(bytes);
  }

  /**
   * Parses {@code 0x} followed by 64 hex digits (either case).
   *
   * @throws DecodingException naming field {@code hash}
   */
  public static Hash32 parse(String hex) {
    if (hex == null || hex.length() != 66 || hex.charAt(0) != '0' || (hex.charAt(1) != 'x' && hex.charAt(1) != 'X')) {
      throw new DecodingException("hash", -1, "expected 0x followed by 64 hex digits");
    }
    return new Hash32(Hex.decode("hash", hex));
  }

  /** A copy of the 32 bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** {@code 0x} and 64 lowercase hex digits. */
  public String toHex() {
    return Hex.encodePrefixed(bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hash32 && Arrays.equals(bytes, ((Hash32) o).bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(Hash32 o) {
    return compareUnsignedBytes(bytes, o.bytes);
  }

  /**
   * {@code Arrays.compareUnsigned(a, b)} for non-null arrays, as a loop: Android before API 33 lacks
   * it. Lexicographic over unsigned bytes, a proper prefix first.
   */
  private static int compareUnsignedBytes(byte[] a, byte[] b) {
    int n = Math.min(a.length, b.length);
    for (int i = 0; i < n; i++) {
      if (a[i] != b[i]) {
        return (a[i] & 0xff) - (b[i] & 0xff);
      }
    }
    return a.length - b.length;
  }
}
