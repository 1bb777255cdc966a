package dev.cairn.abi.differential;

import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Keccak256;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Random elementary values biased towards edge cases, shared by the differential generators. */
final class Rnd {
  private static final String[] WORDS = {
    "", "a", "Moo", " ", "é", "🚀", "中文", "Ω", "\u0000", "\"quote\"", "back\\slash", "tab\t",
    "𝔘𝔫𝔦", "ß", "x".repeat(33), "日本語テキスト", "\u00ff", "👩‍👩‍👧"
  };

  private Rnd() {}

  /** An integer in range for (u)int{bits}, about a third of the time an edge value. */
  static BigInteger integer(Random r, boolean signed, int bits) {
    BigInteger max = signed ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE)
        : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    BigInteger min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
    switch (r.nextInt(12)) {
      case 0:
        return max;
      case 1:
        return min;
      case 2:
        return BigInteger.ZERO;
      case 3:
        return signed ? BigInteger.ONE.negate() : BigInteger.ONE;
      case 4:
        return max.subtract(BigInteger.valueOf(r.nextInt(3))).max(min);
      default:
        int b = 1 + r.nextInt(bits);
        BigInteger v = new BigInteger(signed ? b - 1 : b, r);
        if (signed && r.nextBoolean()) {
          v = v.negate().subtract(BigInteger.ONE).max(min);
        }
        return v;
    }
  }

  static byte[] bytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    if (n > 0 && r.nextInt(8) == 0) {
      java.util.Arrays.fill(b, r.nextBoolean() ? (byte) 0 : (byte) 0xff);
    }
    return b;
  }

  static int dynamicLength(Random r) {
    switch (r.nextInt(6)) {
      case 0:
        return 0;
      case 1:
        return 32;
      case 2:
        return 1 + r.nextInt(31);
      case 3:
        return 33 + r.nextInt(64);
      default:
        return r.nextInt(40);
    }
  }

  static String string(Random r) {
    int parts = r.nextInt(5);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts; i++) {
      if (r.nextInt(4) == 0) {
        // random BMP or supplementary code point, never a lone surrogate
        int cp;
        do {
          cp = r.nextBoolean() ? 0x20 + r.nextInt(0x60) : r.nextInt(0x10FFFF + 1);
        } while (cp >= 0xD800 && cp <= 0xDFFF);
        sb.appendCodePoint(cp);
      } else {
        sb.append(WORDS[r.nextInt(WORDS.length)]);
      }
    }
    return sb.toString();
  }

  /** 20 random bytes as lowercase or EIP-55 checksummed hex (the forms viem's strict check takes). */
  static String address(Random r) {
    byte[] a = bytes(r, 20);
    String lower = Hex.encode(a);
    if (r.nextBoolean()) {
      return "0x" + lower;
    }
    return checksum(lower);
  }

  /** EIP-55 checksum of 40 lowercase hex digits. */
  static String checksum(String lower40) {
    byte[] h = Keccak256.hash(lower40.getBytes(StandardCharsets.US_ASCII));
    StringBuilder sb = new StringBuilder("0x");
    for (int i = 0; i < 40; i++) {
      char c = lower40.charAt(i);
      int nibble = (h[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      sb.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return sb.toString();
  }
}
