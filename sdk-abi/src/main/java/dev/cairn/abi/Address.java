package dev.cairn.abi;

import dev.cairn.core.crypto.Secp256k1PublicKey;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.abi.internal.Words;

/**
 * A 20-byte Ethereum address. Immutable; {@link #toString()} gives the EIP-55 mixed-case checksum
 * form. Addresses order by their bytes (unsigned).
 */
public final class Address implements Comparable<Address> {
  /** Length of an address in bytes. */
  public static final int LENGTH = 20;

  /** The zero address {@code 0x0000000000000000000000000000000000000000}. */
  public static final Address ZERO = new Address(new byte[LENGTH]);

  private static final char[] LOWER = "0123456789abcdef".toCharArray();

  // the 20 bytes as three big-endian fields: no array to allocate or chase on the hot path
  private final long b0; // bytes 0..7
  private final long b1; // bytes 8..15
  private final int b2; // bytes 16..19

  private Address(long b0, long b1, int b2) {
    this.b0 = b0;
    this.b1 = b1;
    this.b2 = b2;
  }

  private Address(byte[] bytes) {
    this(Words.getLong(bytes, 0), Words.getLong(bytes, 8), Words.getInt(bytes, 16));
  }

  /**
   * An address from its 20 bytes (copied).
   *
   * @throws AbiException (INVALID_VALUE) if {@code bytes} is null or not 20 bytes long
   */
  public static Address of(byte[] bytes) {
    if (bytes == null || bytes.length != LENGTH) {
      throw new AbiException(
          AbiException.Reason.INVALID_VALUE,
          "address: expected 20 bytes, got " + (bytes == null ? "null" : bytes.length));
    }
    return new Address(bytes);
  }

  /**
   * An address from the 20 bytes at {@code src[offset, offset+20)} (copied).
   *
   * @throws AbiException (INVALID_VALUE) if the range is outside {@code src}
   */
  public static Address of(byte[] src, int offset) {
    if (src == null || offset < 0 || offset > src.length - LENGTH) {
      throw new AbiException(
          AbiException.Reason.INVALID_VALUE, "address: 20 bytes at " + offset + " not in the array");
    }
    return new Address(Words.getLong(src, offset), Words.getLong(src, offset + 8), Words.getInt(src, offset + 16));
  }

  /**
   * Parses {@code 0x} followed by 40 hex digits. All-lowercase and all-uppercase digits are
   * accepted as they are; a mixed-case string must carry a valid EIP-55 checksum.
   *
   * @throws AbiException (INVALID_VALUE) naming the field {@code address} on any other input
   */
  public static Address parse(String s) {
    return parse("address", s);
  }

  /**
   * Like {@link #parse(String)}, naming {@code field} in the exception message.
   *
   * @param field the name of the field being parsed, for error messages
   * @param s the address string
   * @return the address
   */
  public static Address parse(String field, String s) {
    if (s == null) {
      throw invalid(field, "missing address");
    }
    if (s.length() != 42 || s.charAt(0) != '0' || s.charAt(1) != 'x') {
      throw invalid(field, "expected 0x followed by 40 hex digits (length " + s.length() + ")");
    }
    byte[] out = new byte[LENGTH];
    boolean lower = false;
    boolean upper = false;
    for (int i = 0; i < 40; i++) {
      char c = s.charAt(2 + i);
      int v;
      if (c >= '0' && c <= '9') {
        v = c - '0';
      } else if (c >= 'a' && c <= 'f') {
        v = c - 'a' + 10;
        lower = true;
      } else if (c >= 'A' && c <= 'F') {
        v = c - 'A' + 10;
        upper = true;
      } else {
        throw invalid(field, "not a hex digit at position " + (2 + i));
      }
      out[i >> 1] |= (byte) ((i & 1) == 0 ? v << 4 : v);
    }
    Address a = new Address(out);
    if (lower && upper && !a.toChecksumString().equals(s)) {
      throw invalid(field, "mixed-case address with an invalid EIP-55 checksum");
    }
    return a;
  }

  /**
   * The address of a secp256k1 public key: the last 20 bytes of the Keccak-256 of the 64-byte
   * uncompressed key (x || y, without the 0x04 prefix).
   */
  public static Address fromPublicKey(Secp256k1PublicKey publicKey) {
    if (publicKey == null) {
      throw new AbiException(AbiException.Reason.INVALID_VALUE, "publicKey: null");
    }
    byte[] u = publicKey.uncompressed();
    byte[] h = Keccak256.hash(u, 1, 64);
    return of(h, 12);
  }

  private static AbiException invalid(String field, String problem) {
    return new AbiException(AbiException.Reason.INVALID_VALUE, field + ": " + problem);
  }

  /** The 20 bytes (a copy). */
  public byte[] bytes() {
    byte[] out = new byte[LENGTH];
    copyTo(out, 0);
    return out;
  }

  /**
   * Copies the 20 bytes into {@code dst} at {@code offset} (no allocation).
   *
   * @param dst destination
   * @param offset where to write
   */
  public void copyTo(byte[] dst, int offset) {
    java.util.Objects.checkFromIndexSize(offset, LENGTH, dst.length);
    Words.putLong(dst, offset, b0);
    Words.putLong(dst, offset + 8, b1);
    Words.putInt(dst, offset + 16, b2);
  }

  /** {@code 0x} followed by 40 lowercase hex digits. */
  public String toHexLowercase() {
    return new String(lowerChars());
  }

  private char[] lowerChars() {
    char[] c = new char[42];
    c[0] = '0';
    c[1] = 'x';
    byte[] bytes = bytes();
    for (int i = 0; i < LENGTH; i++) {
      int b = bytes[i] & 0xff;
      c[2 + 2 * i] = LOWER[b >>> 4];
      c[3 + 2 * i] = LOWER[b & 15];
    }
    return c;
  }

  /** The EIP-55 mixed-case checksum form, {@code 0x} prefixed. */
  public String toChecksumString() {
    char[] c = lowerChars();
    byte[] ascii = new byte[40];
    for (int i = 0; i < 40; i++) {
      ascii[i] = (byte) c[2 + i];
    }
    byte[] h = Keccak256.hash(ascii);
    for (int i = 0; i < 40; i++) {
      char ch = c[2 + i];
      if (ch >= 'a') {
        int nibble = (i & 1) == 0 ? (h[i >> 1] & 0xff) >>> 4 : h[i >> 1] & 15;
        if (nibble >= 8) {
          c[2 + i] = (char) (ch - 32);
        }
      }
    }
    return new String(c);
  }

  /** Same as {@link #toChecksumString()}. */
  @Override
  public String toString() {
    return toChecksumString();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Address)) {
      return false;
    }
    Address a = (Address) o;
    return b0 == a.b0 && b1 == a.b1 && b2 == a.b2;
  }

  @Override
  public int hashCode() {
    long x = b0 * 31 + b1;
    return (int) (x ^ (x >>> 32)) * 31 + b2;
  }

  @Override
  public int compareTo(Address o) {
    int c = Long.compareUnsigned(b0, o.b0);
    if (c == 0) {
      c = Long.compareUnsigned(b1, o.b1);
    }
    return c != 0 ? c : Integer.compareUnsigned(b2, o.b2);
  }
}
