package dev.cairn.core.hash;

import static org.junit.jupiter.api.Assertions.*;

import dev.cairn.core.encoding.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.jqwik.api.*;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.SHA3Digest;
import org.junit.jupiter.api.Test;

class Keccak256Test {
  private static byte[] oracle(byte[] in, int off, int len) {
    KeccakDigest d = new KeccakDigest(256);
    d.update(in, off, len);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  @Test
  void knownVectors() {
    assertEquals(
        "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        Hex.encode(Keccak256.hash(new byte[0])));
    assertEquals(
        "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
        Hex.encode(Keccak256.hash("abc".getBytes(StandardCharsets.US_ASCII))));
    // the ERC-20 Transfer event topic
    assertEquals(
        "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef",
        Hex.encode(
            Keccak256.hash(
                "Transfer(address,address,uint256)".getBytes(StandardCharsets.US_ASCII))));
  }

  @Test
  void isNotSha3() {
    SHA3Digest sha3 = new SHA3Digest(256);
    byte[] s = new byte[32];
    sha3.doFinal(s, 0);
    assertFalse(java.util.Arrays.equals(s, Keccak256.hash(new byte[0])));
  }

  @Test
  void everyLengthAroundTheRate() {
    Random r = new Random(1);
    for (int len = 0; len <= 3 * 136 + 9; len++) {
      byte[] in = new byte[len + 5];
      r.nextBytes(in);
      assertArrayEquals(oracle(in, 3, len), Keccak256.hash(in, 3, len), "length " + len);
      assertArrayEquals(
          oracle(in, 3, len),
          Keccak256.create().update(in, 3, len).digest(),
          "incremental length " + len);
    }
  }

  @Property
  void equalsBouncyCastle(@ForAll @Size(max = 2000) byte[] in) {
    assertArrayEquals(oracle(in, 0, in.length), Keccak256.hash(in));
  }

  @Provide
  Arbitrary<byte[]> nearRate() {
    return Arbitraries.integers()
        .between(0, 4)
        .flatMap(
            k ->
                Arbitraries.integers()
                    .between(-9, 9)
                    .flatMap(
                        d ->
                            Arbitraries.bytes()
                                .array(byte[].class)
                                .ofSize(Math.max(0, k * 136 + d))));
  }

  @Property
  void equalsBouncyCastleAroundRateBoundary(@ForAll("nearRate") byte[] in) {
    assertArrayEquals(oracle(in, 0, in.length), Keccak256.hash(in));
  }

  @Property
  void incrementalSplitsEqualOneShot(
      @ForAll @Size(max = 700) byte[] in, @ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int parts) {
    Random r = new Random(seed);
    Keccak256 k = Keccak256.create();
    int off = 0;
    for (int i = 1; i < parts && off < in.length; i++) {
      int n = r.nextInt(in.length - off + 1);
      k.update(in, off, n);
      off += n;
    }
    k.update(in, off, in.length - off);
    byte[] out = new byte[40];
    k.digest(out, 5);
    assertArrayEquals(oracle(in, 0, in.length), java.util.Arrays.copyOfRange(out, 5, 37));
    // digest() resets: hashing again gives the same value
    assertArrayEquals(Keccak256.hash(in), k.update(in).digest());
  }

  @Test
  void rejectsBadRanges() {
    byte[] in = new byte[10];
    assertThrows(IndexOutOfBoundsException.class, () -> Keccak256.hash(in, 5, 6));
    assertThrows(IndexOutOfBoundsException.class, () -> Keccak256.hash(in, -1, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> Keccak256.hash(in, Integer.MAX_VALUE, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> Keccak256.hash(in, 2, Integer.MAX_VALUE));
    assertThrows(
        IndexOutOfBoundsException.class, () -> Keccak256.create().update(in, Integer.MAX_VALUE, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> Keccak256.create().update(in, 0, -1));
    assertThrows(IndexOutOfBoundsException.class, () -> Keccak256.create().digest(new byte[31], 0));
    assertThrows(NullPointerException.class, () -> Keccak256.hash(null));
  }
}
