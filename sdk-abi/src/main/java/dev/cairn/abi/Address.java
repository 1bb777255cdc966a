package dev.cairn.abi;

import dev.cairn.core.crypto.Secp256k1PublicKey;
import dev.cairn.core.hash.Keccak256;
import java.util.Arrays;

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

  private final byte[] bytes;
  private final int hash;

  private Address(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
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
    return new Address(bytes.clone());
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
    return new Address(Arrays.copyOfRange(src, offset, offset + LENGTH));
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
    return new Address(Arrays.copyOfRange(h, 12, 32));
  }

  private static AbiException invalid(String field, String problem) {
    return new AbiException(AbiException.Reason.INVALID_VALUE, field + ": " + problem);
  }

  /** The 20 bytes (a copy). */
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * Copies the 20 bytes into {@code dst} at {@code offset} (no allocation).
   *
   * @param dst destination
   * @param offset where to write
   */
  public void copyTo(byte[] dst, int offset) {
    System.arraycopy(bytes, 0, dst, offset, LENGTH);
  }

  /** {@code 0x} followed by 40 lowercase hex digits. */
  public String toHexLowercase() {
    return new String(lowerChars());
  }

  private char[] lowerChars() {
    char[] c = new char[42];
    c[0] = '0';
    c[1] = 'x';
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
    return o instanceof Address && Arrays.equals(bytes, ((Address) o).bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public int compareTo(Address o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }
}
