package dev.cairn.core.encoding;

import java.util.Arrays;
import java.util.Objects;

/**
 * Bech32 (BIP-173) and Bech32m (BIP-350) strings: a human-readable part (hrp), the separator
 * {@code '1'}, 5-bit data and a 6-character checksum.
 *
 * <p>Decoding is strict: characters must be in 33..126, upper and lower case may not be mixed, the
 * hrp is 1..83 characters, the whole string is at most {@link #MAX_LENGTH} characters unless a
 * higher limit is passed explicitly (Cosmos uses longer plain Bech32 strings), and the checksum must
 * be valid for one of the two variants, which is reported in the result. Conversion of the 5-bit
 * data to bytes rejects non-zero padding and padding of a whole group or more. Output is always
 * lowercase.
 *
 * <p>Invalid arguments to the encoders (a bad hrp, a 5-bit value over 31, a result over the length
 * limit) are programmer errors and throw {@link IllegalArgumentException}; anything wrong with a
 * string being decoded throws {@link DecodingException} with the offset of the problem.
 */
public final class Bech32 {
  /** The length limit of BIP-173 for a whole string. */
  public static final int MAX_LENGTH = 90;

  private static final String FIELD = "bech32";
  private static final char[] CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l".toCharArray();
  private static final byte[] VALUES = new byte[128];
  private static final int[] GENERATOR = {
    0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3
  };

  static {
    Arrays.fill(VALUES, (byte) -1);
    for (int i = 0; i < CHARSET.length; i++) {
      VALUES[CHARSET[i]] = (byte) i;
      VALUES[Character.toUpperCase(CHARSET[i])] = (byte) i;
    }
  }

  /** The checksum variant. */
  public enum Variant {
    /** BIP-173 Bech32 (segwit v0, Cosmos, Lightning invoices). */
    BECH32(1),
    /** BIP-350 Bech32m (segwit v1 and later). */
    BECH32M(0x2bc830a3);

    private final int constant;

    Variant(int constant) {
      this.constant = constant;
    }
  }

  /**
   * A decoded string with its data converted to 8-bit bytes.
   *
   * @param hrp the human-readable part, lowercase
   * @param data8bit the data bytes (a copy is taken and returned)
   * @param variant the checksum variant found
   */
  public record Decoded(String hrp, byte[] data8bit, Variant variant) {
    /** Validates non-null components and copies the data. */
    public Decoded {
      Objects.requireNonNull(hrp, "hrp");
      Objects.requireNonNull(variant, "variant");
      data8bit = data8bit.clone();
    }

    /** A copy of the data bytes. */
    @Override
    public byte[] data8bit() {
      return data8bit.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Decoded d
          && hrp.equals(d.hrp)
          && variant == d.variant
          && Arrays.equals(data8bit, d.data8bit);
    }

    @Override
    public int hashCode() {
      return (hrp.hashCode() * 31 + variant.hashCode()) * 31 + Arrays.hashCode(data8bit);
    }

    @Override
    public String toString() {
      return "Bech32.Decoded[hrp=" + hrp + ", data=" + Hex.encode(data8bit) + ", " + variant + "]";
    }
  }

  /**
   * A decoded string with its data as 5-bit values (e.g. a segwit version followed by the program).
   *
   * @param hrp the human-readable part, lowercase
   * @param data5bit the data values, each 0..31 (a copy is taken and returned)
   * @param variant the checksum variant found
   */
  public record Decoded5(String hrp, byte[] data5bit, Variant variant) {
    /** Validates non-null components and copies the data. */
    public Decoded5 {
      Objects.requireNonNull(hrp, "hrp");
      Objects.requireNonNull(variant, "variant");
      data5bit = data5bit.clone();
    }

    /** A copy of the 5-bit values. */
    @Override
    public byte[] data5bit() {
      return data5bit.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Decoded5 d
          && hrp.equals(d.hrp)
          && variant == d.variant
          && Arrays.equals(data5bit, d.data5bit);
    }

    @Override
    public int hashCode() {
      return (hrp.hashCode() * 31 + variant.hashCode()) * 31 + Arrays.hashCode(data5bit);
    }

    @Override
    public String toString() {
      return "Bech32.Decoded5[hrp=" + hrp + ", data=" + Hex.encode(data5bit) + ", " + variant + "]";
    }
  }

  private Bech32() {}

  /**
   * Encodes bytes: converts {@code data8bit} to 5-bit groups (zero-padded) and encodes them.
   *
   * @throws IllegalArgumentException on an invalid hrp or a result over {@link #MAX_LENGTH}
   */
  public static String encode(String hrp, byte[] data8bit, Variant variant) {
    return encode(hrp, data8bit, variant, MAX_LENGTH);
  }

  /** Like {@link #encode(String, byte[], Variant)} with a different length limit. */
  public static String encode(String hrp, byte[] data8bit, Variant variant, int maxLength) {
    Objects.requireNonNull(data8bit, "data8bit");
    return encode5(hrp, convertBits(data8bit, 8, 5, true), variant, maxLength);
  }

  /**
   * Encodes 5-bit values.
   *
   * @throws IllegalArgumentException on an invalid hrp (length 1..83, characters 33..126), a value
   *     over 31, or a result over {@link #MAX_LENGTH}
   */
  public static String encode5(String hrp, byte[] data5bit, Variant variant) {
    return encode5(hrp, data5bit, variant, MAX_LENGTH);
  }

  /** Like {@link #encode5(String, byte[], Variant)} with a different length limit. */
  public static String encode5(String hrp, byte[] data5bit, Variant variant, int maxLength) {
    Objects.requireNonNull(hrp, "hrp");
    Objects.requireNonNull(data5bit, "data5bit");
    Objects.requireNonNull(variant, "variant");
    int hl = hrp.length();
    if (hl < 1 || hl > 83) {
      throw new IllegalArgumentException("hrp length must be 1..83, got " + hl);
    }
    long total = (long) hl + 1 + data5bit.length + 6;
    if (total > maxLength) {
      throw new IllegalArgumentException(
          "encoded length " + total + " exceeds the limit of " + maxLength);
    }
    char[] out = new char[(int) total];
    for (int i = 0; i < hl; i++) {
      char c = hrp.charAt(i);
      if (c < 33 || c > 126) {
        throw new IllegalArgumentException("hrp character out of range at index " + i);
      }
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      out[i] = c;
    }
    out[hl] = '1';
    int chk = hrpChecksum(out, hl);
    for (int i = 0; i < data5bit.length; i++) {
      int v = data5bit[i];
      if (v < 0 || v > 31) {
        throw new IllegalArgumentException("5-bit value out of range at index " + i);
      }
      chk = polymodStep(chk) ^ v;
      out[hl + 1 + i] = CHARSET[v];
    }
    for (int i = 0; i < 6; i++) {
      chk = polymodStep(chk);
    }
    chk ^= variant.constant;
    int base = hl + 1 + data5bit.length;
    for (int i = 0; i < 6; i++) {
      out[base + i] = CHARSET[(chk >>> (5 * (5 - i))) & 31];
    }
    return new String(out);
  }

  /** Decodes {@code s} (at most {@link #MAX_LENGTH} characters) and converts the data to bytes. */
  public static Decoded decode(String s) {
    return decode(s, MAX_LENGTH);
  }

  /**
   * Decodes {@code s} of at most {@code maxLength} characters and converts the data to bytes.
   *
   * @throws DecodingException if the string is invalid or its data is not a whole number of bytes
   *     with zero padding
   */
  public static Decoded decode(String s, int maxLength) {
    Decoded5 d = decode5(s, maxLength);
    byte[] data5 = d.data5bit;
    int hrpLen = d.hrp.length();
    byte[] data8 = convert(data5, 5, 8, false, FIELD, hrpLen + 1);
    return new Decoded(d.hrp, data8, d.variant);
  }

  /** Decodes {@code s} (at most {@link #MAX_LENGTH} characters) to 5-bit values. */
  public static Decoded5 decode5(String s) {
    return decode5(s, MAX_LENGTH);
  }

  /**
   * Decodes {@code s} of at most {@code maxLength} characters to 5-bit values.
   *
   * @throws DecodingException on a null or over-long string, a character outside 33..126, mixed
   *     case, a missing separator, an hrp outside 1..83 characters, fewer than 6 data characters, a
   *     character outside the data alphabet, or a checksum valid for neither variant
   */
  public static Decoded5 decode5(String s, int maxLength) {
    if (s == null) {
      throw new DecodingException(FIELD, -1, "missing string");
    }
    int len = s.length();
    if (len > maxLength) {
      throw new DecodingException(
          FIELD, -1, "too long (" + len + " > " + maxLength + " characters)");
    }
    boolean lower = false;
    boolean upper = false;
    int sep = -1;
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c < 33 || c > 126) {
        throw new DecodingException(
            FIELD, i, "character out of range (U+" + String.format("%04X", (int) c) + ")");
      }
      if (c >= 'a' && c <= 'z') {
        lower = true;
      } else if (c >= 'A' && c <= 'Z') {
        upper = true;
      }
      if (lower && upper) {
        throw new DecodingException(FIELD, i, "mixed upper and lower case");
      }
      if (c == '1') {
        sep = i;
      }
    }
    if (sep < 0) {
      throw new DecodingException(FIELD, -1, "no separator '1'");
    }
    if (sep == 0) {
      throw new DecodingException(FIELD, 0, "empty human-readable part");
    }
    if (sep > 83) {
      throw new DecodingException(FIELD, sep, "human-readable part longer than 83 characters");
    }
    int dataLen = len - sep - 1;
    if (dataLen < 6) {
      throw new DecodingException(FIELD, sep, "fewer than 6 checksum characters");
    }
    char[] hrp = new char[sep];
    for (int i = 0; i < sep; i++) {
      char c = s.charAt(i);
      hrp[i] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    int chk = hrpChecksum(hrp, sep);
    byte[] data = new byte[dataLen - 6];
    for (int i = 0; i < dataLen; i++) {
      int p = sep + 1 + i;
      char c = s.charAt(p);
      int v = VALUES[c]; // c is in 33..126 here
      if (v < 0) {
        throw new DecodingException(FIELD, p, "not a Bech32 data character ('" + c + "')");
      }
      chk = polymodStep(chk) ^ v;
      if (i < data.length) {
        data[i] = (byte) v;
      }
    }
    Variant variant;
    if (chk == Variant.BECH32.constant) {
      variant = Variant.BECH32;
    } else if (chk == Variant.BECH32M.constant) {
      variant = Variant.BECH32M;
    } else {
      throw new DecodingException(FIELD, len - 6, "invalid checksum");
    }
    return new Decoded5(new String(hrp), data, variant);
  }

  /**
   * Regroups bits: {@code in} holds values of {@code fromBits} bits each, the result values of
   * {@code toBits} bits each, most significant first. With {@code pad} the last group is filled
   * with zero bits; without it, leftover bits must be fewer than {@code fromBits} and all zero.
   *
   * @param fromBits 1..8
   * @param toBits 1..8
   * @throws DecodingException if a value has more than {@code fromBits} bits (offset = its index)
   *     or, without {@code pad}, on excess or non-zero padding
   * @throws IllegalArgumentException if {@code fromBits} or {@code toBits} is outside 1..8
   */
  public static byte[] convertBits(byte[] in, int fromBits, int toBits, boolean pad) {
    Objects.requireNonNull(in, "in");
    return convert(in, fromBits, toBits, pad, "bits", 0);
  }

  private static byte[] convert(
      byte[] in, int fromBits, int toBits, boolean pad, String field, int offBase) {
    if (fromBits < 1 || fromBits > 8 || toBits < 1 || toBits > 8) {
      throw new IllegalArgumentException("bit widths must be 1..8");
    }
    long totalBits = (long) in.length * fromBits;
    long outLen = pad ? (totalBits + toBits - 1) / toBits : totalBits / toBits;
    byte[] out = new byte[(int) outLen];
    int acc = 0;
    int bits = 0;
    int o = 0;
    int maxv = (1 << toBits) - 1;
    for (int i = 0; i < in.length; i++) {
      int v = in[i] & 0xff;
      if ((v >>> fromBits) != 0) {
        throw new DecodingException(field, offBase + i, "value exceeds " + fromBits + " bits");
      }
      acc = ((acc << fromBits) | v) & 0xffff;
      bits += fromBits;
      while (bits >= toBits) {
        bits -= toBits;
        out[o++] = (byte) ((acc >>> bits) & maxv);
      }
    }
    if (pad) {
      if (bits > 0) {
        out[o++] = (byte) ((acc << (toBits - bits)) & maxv);
      }
    } else if (bits >= fromBits) {
      throw new DecodingException(field, offBase + in.length - 1, "excess padding");
    } else if (((acc << (toBits - bits)) & maxv) != 0) {
      throw new DecodingException(field, offBase + in.length - 1, "non-zero padding");
    }
    return out;
  }

  private static int hrpChecksum(char[] hrp, int len) {
    int chk = 1;
    for (int i = 0; i < len; i++) {
      chk = polymodStep(chk) ^ (hrp[i] >>> 5);
    }
    chk = polymodStep(chk);
    for (int i = 0; i < len; i++) {
      chk = polymodStep(chk) ^ (hrp[i] & 31);
    }
    return chk;
  }

  private static int polymodStep(int pre) {
    int b = pre >>> 25;
    int chk = (pre & 0x1ffffff) << 5;
    for (int i = 0; i < 5; i++) {
      if (((b >>> i) & 1) != 0) {
        chk ^= GENERATOR[i];
      }
    }
    return chk;
  }
}
