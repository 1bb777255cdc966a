package dev.cairn.benchmarks.abi;

import dev.cairn.benchmarks.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Deterministic raw inputs of the ABI benchmarks, as plain Java values (byte arrays, big integers,
 * strings), from which each benchmark builds the value objects of every library. {@link
 * Fixtures#COUNT} inputs per benchmark, each derived with SHA-256 from a label and an index, so
 * that the three libraries work on the same data and the JIT cannot constant-fold an input.
 */
final class AbiFixtures {

  /** The 100-entry JSON ABI of the parse benchmark (classpath resource). */
  static final String JSON_ABI_RESOURCE = "/abi/erc-mix-100.json";

  private AbiFixtures() {}

  /** 32 bytes: SHA-256 of {@code label + "-" + i}. */
  static byte[] bytes32(String label, int i) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest((label + "-" + i).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** A 20-byte address. */
  static byte[] address(String label, int i) {
    return Arrays.copyOf(bytes32("address-" + label, i), 20);
  }

  /** A positive integer of {@code 1 + i % maxBits} bits at most (small and large values mixed). */
  static BigInteger unsigned(String label, int i, int maxBits) {
    BigInteger full = new BigInteger(1, bytes32("uint-" + label, i));
    int bits = 1 + (i * 37) % maxBits;
    return full.shiftRight(256 - bits);
  }

  /** {@code n} pseudo-random bytes. */
  static byte[] bytes(String label, int i, int n) {
    byte[] out = new byte[n];
    int filled = 0;
    for (int block = 0; filled < n; block++) {
      byte[] b = bytes32("bytes-" + label + "-" + block, i);
      int k = Math.min(32, n - filled);
      System.arraycopy(b, 0, out, filled, k);
      filled += k;
    }
    return out;
  }

  /** A string of {@code i % 48} characters mixing ASCII and multi-byte UTF-8. */
  static String text(int i) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz 0123456789 \u00e9\u00fc\u20ac\ud83d\ude80";
    int[] cps = alphabet.codePoints().toArray();
    byte[] r = bytes("text", i, 64);
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < i % 48; k++) {
      sb.appendCodePoint(cps[(r[k] & 0xff) % cps.length]);
    }
    return sb.toString();
  }

  /** The JSON ABI of the parse benchmark. */
  static String jsonAbi() {
    try (InputStream in = AbiFixtures.class.getResourceAsStream(JSON_ABI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing benchmark resource " + JSON_ABI_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
