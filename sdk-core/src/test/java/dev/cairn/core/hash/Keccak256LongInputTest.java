package dev.cairn.core.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.testing.TestData;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.Test;

/**
 * Multi-block inputs (up to 5000 bytes, 36 blocks) against BouncyCastle's {@link KeccakDigest}:
 * the one-shot path, the incremental path split at random points, both lane readers (the
 * {@code ByteBuffer} one HotSpot uses and the shift one ART uses), and the ethers.js vectors.
 */
class Keccak256LongInputTest {
  private static final int RATE = 136;

  private static byte[] oracle(byte[] in, int off, int len) {
    KeccakDigest d = new KeccakDigest(256);
    d.update(in, off, len);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  /** Lengths near every multiple of the rate up to 5000 bytes, and a few anywhere in 0..5000. */
  @Provide
  Arbitrary<Integer> lengths() {
    Arbitrary<Integer> nearRate =
        Arbitraries.integers().between(0, 5000 / RATE).flatMap(
            k -> Arbitraries.integers().between(-2, 2).map(d -> Math.max(0, k * RATE + d)));
    return Arbitraries.oneOf(nearRate, Arbitraries.integers().between(0, 5000));
  }

  @Property(tries = 400)
  void oneShotEqualsBouncyCastle(
      @ForAll("lengths") int len, @ForAll @IntRange(max = 9) int off, @ForAll long seed) {
    byte[] in = new byte[off + len + 3];
    new Random(seed).nextBytes(in);
    assertArrayEquals(oracle(in, off, len), Keccak256.hash(in, off, len), "length " + len);
  }

  @Property(tries = 400)
  void randomSplitsEqualBouncyCastle(
      @ForAll("lengths") int len,
      @ForAll @IntRange(min = 1, max = 12) int parts,
      @ForAll long seed) {
    Random r = new Random(seed);
    byte[] in = new byte[len];
    r.nextBytes(in);
    Keccak256 k = Keccak256.create();
    int off = 0;
    for (int i = 1; i < parts && off < len; i++) {
      // favour splits that leave the hasher mid-lane or just before/after a block boundary
      int n = r.nextBoolean()
          ? r.nextInt(len - off + 1)
          : Math.min(len - off, RATE - 1 + r.nextInt(3));
      k.update(in, off, n);
      off += n;
    }
    k.update(in, off, len - off);
    assertArrayEquals(oracle(in, 0, len), k.digest(), "length " + len);
  }

  @Test
  void everyLengthAroundEveryBlockBoundary() {
    Random r = new Random(12);
    byte[] in = new byte[5000 + 8];
    r.nextBytes(in);
    for (int k = 1; k * RATE <= 5000; k++) {
      for (int len = k * RATE - 3; len <= k * RATE + 3; len++) {
        assertArrayEquals(oracle(in, 5, len), Keccak256.hash(in, 5, len), "length " + len);
        Keccak256 h = Keccak256.create();
        h.update(in, 5, 1);
        h.update(in, 6, len - 1);
        assertArrayEquals(oracle(in, 5, len), h.digest(), "incremental length " + len);
      }
    }
  }

  @Test
  void aWrongByteAnywhereChangesTheDigest() {
    // guards the oracle comparisons: the digest depends on every byte of a multi-block input
    byte[] in = new byte[3 * RATE + 17];
    new Random(5).nextBytes(in);
    byte[] base = Keccak256.hash(in);
    for (int i = 0; i < in.length; i += 7) {
      in[i] ^= 1;
      assertTrue(!Arrays.equals(base, Keccak256.hash(in)), "byte " + i);
      in[i] ^= 1;
    }
    assertArrayEquals(base, Keccak256.hash(in));
  }

  @Property(tries = 300)
  void bothLaneReadersAgree(
      @ForAll @IntRange(max = 5000) int len,
      @ForAll @IntRange(max = 9) int off,
      @ForAll long seed) {
    Random r = new Random(seed);
    byte[] in = new byte[off + len];
    r.nextBytes(in);
    long[] a = new long[25];
    for (int i = 0; i < 25; i++) {
      a[i] = r.nextLong();
    }
    long[] b = a.clone();
    int endA = Keccak256.absorbBlocksBuffer(a, in, off, len);
    int endB = Keccak256.absorbBlocksShifts(b, in, off, len);
    assertEquals(off + len / RATE * RATE, endA);
    assertEquals(endA, endB);
    assertArrayEquals(a, b);
    // and the shift reader computes the sponge: absorb + finish by hand equals the oracle
    long[] s = new long[25];
    int end = Keccak256.absorbBlocksShifts(s, in, off, len);
    byte[] expect = oracle(in, off, len);
    byte[] viaShifts = spongeTail(s, in, end, off + len - end);
    assertArrayEquals(expect, viaShifts, "length " + len);
  }

  /** The final block with the reference byte-wise padding, then the first four lanes. */
  private static byte[] spongeTail(long[] s, byte[] in, int off, int len) {
    byte[] block = new byte[RATE];
    System.arraycopy(in, off, block, 0, len);
    block[len] ^= 0x01;
    block[RATE - 1] ^= (byte) 0x80;
    for (int i = 0; i < RATE; i++) {
      s[i >>> 3] ^= (block[i] & 0xFFL) << ((i & 7) << 3);
    }
    Keccak256.permute(s);
    byte[] out = new byte[32];
    for (int i = 0; i < 32; i++) {
      out[i] = (byte) (s[i >>> 3] >>> ((i & 7) << 3));
    }
    return out;
  }

  @Test
  void ethersVectors() throws Exception {
    JsonNode all = new ObjectMapper().readTree(TestData.read("ethers/hashes.json"));
    int n = 0;
    for (JsonNode v : all) {
      byte[] data = Hex.decode(v.get("data").asText().substring(2));
      String expected = v.get("keccak256").asText().substring(2);
      assertEquals(expected, Hex.encode(Keccak256.hash(data)), v.get("name").asText());
      assertEquals(
          expected, Hex.encode(Keccak256.create().update(data).digest()), v.get("name").asText());
      n++;
    }
    assertTrue(n > 200, "vectors read: " + n);
  }
}
