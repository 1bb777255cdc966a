package dev.cairn.nativeimpl.secp256k1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.crypto.Secp256k1;
import dev.cairn.core.crypto.spi.Secp256k1Backend;
import dev.cairn.core.encoding.Hex;
import java.math.BigInteger;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The native backend and the pure-Java backend must agree byte for byte on every SPI operation,
 * including the null/false answers for invalid points, out-of-range tweaks and bad recovery ids.
 */
class BackendAgreementTest {

  static final BigInteger N = LibSecp256k1KnownAnswerTest.N;
  static final BigInteger P =
      new BigInteger("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f", 16);

  static LibSecp256k1Backend lib;
  static final Secp256k1Backend java = Secp256k1.backend("java");

  @BeforeContainer
  static void load() {
    lib = LibSecp256k1AvailabilityTest.requireAvailable();
  }

  static byte[] scalar(BigInteger v) {
    return LibSecp256k1KnownAnswerTest.scalar(v);
  }

  // ---- generators ------------------------------------------------------------------------------

  static Arbitrary<byte[]> bytes(int size) {
    return Arbitraries.bytes().array(byte[].class).ofSize(size);
  }

  /** Private keys in [1, n-1], with the edges. */
  @Provide
  Arbitrary<byte[]> privateKeys() {
    Arbitrary<byte[]> random =
        bytes(32)
            .map(
                b ->
                    scalar(
                        new BigInteger(1, b).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE)));
    Arbitrary<byte[]> edges =
        Arbitraries.of(
                BigInteger.ONE,
                BigInteger.TWO,
                N.subtract(BigInteger.ONE),
                N.subtract(BigInteger.TWO),
                N.shiftRight(1),
                N.shiftRight(1).add(BigInteger.ONE))
            .map(LibSecp256k1KnownAnswerTest::scalar);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(9, random), net.jqwik.api.Tuple.of(1, edges));
  }

  /** Digests: random, plus 0, n-1, n, n+1 and 2^256-1 (digests >= n are reduced mod n). */
  @Provide
  Arbitrary<byte[]> digests() {
    byte[] ff = new byte[32];
    Arrays.fill(ff, (byte) 0xff);
    Arbitrary<byte[]> edges =
        Arbitraries.of(
            new byte[32],
            scalar(BigInteger.ONE),
            scalar(N.subtract(BigInteger.ONE)),
            scalar(N),
            scalar(N.add(BigInteger.ONE)),
            ff);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, bytes(32)), net.jqwik.api.Tuple.of(2, edges.map(byte[]::clone)));
  }

  /** Tweaks: random (so a few &gt;= n are rare), plus 0, 1, n-1, n, 2^256-1. */
  @Provide
  Arbitrary<byte[]> tweaks() {
    byte[] ff = new byte[32];
    Arrays.fill(ff, (byte) 0xff);
    Arbitrary<byte[]> edges =
        Arbitraries.of(
            new byte[32],
            scalar(BigInteger.ONE),
            scalar(N.subtract(BigInteger.ONE)),
            scalar(N),
            ff);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, bytes(32)), net.jqwik.api.Tuple.of(2, edges.map(byte[]::clone)));
  }

  /** SEC1 encodings that are valid points or not: off-curve, hybrid, bad prefix, x &gt;= p, etc. */
  @Provide
  Arbitrary<byte[]> publicKeys() {
    Arbitrary<byte[]> valid =
        Combinators.combine(privateKeys(), Arbitraries.of(true, false))
            .as((k, c) -> java.publicKey(k, c));
    Arbitrary<byte[]> randomCompressed =
        Combinators.combine(bytes(32), Arbitraries.of((byte) 2, (byte) 3))
            .as((x, prefix) -> concat(new byte[] {prefix}, x));
    Arbitrary<byte[]> randomUncompressed = bytes(64).map(xy -> concat(new byte[] {4}, xy));
    Arbitrary<byte[]> corrupted =
        Combinators.combine(valid, Arbitraries.integers().between(1, 64), Arbitraries.integers().between(0, 7))
            .as(
                (v, i, bit) -> {
                  byte[] c = v.clone();
                  int idx = Math.min(i, c.length - 1);
                  c[idx] ^= (byte) (1 << bit);
                  return c;
                });
    Arbitrary<byte[]> hybrid =
        privateKeys()
            .map(
                k -> {
                  byte[] u = java.publicKey(k, false);
                  u[0] = (byte) (6 + (u[64] & 1)); // correct hybrid parity
                  return u;
                });
    Arbitrary<byte[]> badPrefix =
        Combinators.combine(valid, Arbitraries.of((byte) 0, (byte) 1, (byte) 5, (byte) 6, (byte) 7, (byte) 0xff))
            .as(
                (v, p) -> {
                  byte[] c = v.clone();
                  c[0] = p;
                  return c;
                });
    Arbitrary<byte[]> xAtLeastP =
        Combinators.combine(Arbitraries.integers().between(0, 1000), Arbitraries.of(true, false))
            .as(
                (d, c) -> {
                  byte[] x = scalar(P.add(BigInteger.valueOf(d)));
                  return c
                      ? concat(new byte[] {2}, x)
                      : concat(new byte[] {4}, concat(x, scalar(BigInteger.valueOf(d))));
                });
    Arbitrary<byte[]> wrongLength =
        Arbitraries.integers()
            .between(0, 70)
            .filter(n -> n != 33 && n != 65)
            .flatMap(n -> bytes(n));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, valid),
        net.jqwik.api.Tuple.of(3, randomCompressed),
        net.jqwik.api.Tuple.of(1, randomUncompressed),
        net.jqwik.api.Tuple.of(2, corrupted),
        net.jqwik.api.Tuple.of(1, hybrid),
        net.jqwik.api.Tuple.of(1, badPrefix),
        net.jqwik.api.Tuple.of(1, xAtLeastP),
        net.jqwik.api.Tuple.of(1, wrongLength));
  }

  /** 64-byte r||s values, some in range and some not (0, n, 2^256-1). */
  @Provide
  Arbitrary<byte[]> rsValues() {
    byte[] ff = new byte[32];
    Arrays.fill(ff, (byte) 0xff);
    Arbitrary<byte[]> part =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(12, bytes(32)),
            net.jqwik.api.Tuple.of(
                1,
                Arbitraries.of(new byte[32], scalar(N), scalar(N.subtract(BigInteger.ONE)), ff)
                    .map(byte[]::clone)));
    return Combinators.combine(part, part).as(BackendAgreementTest::concat);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static String hex(byte[] b) {
    return b == null ? "null" : Hex.encode(b);
  }

  static void assertSame(byte[] expected, byte[] actual, String what) {
    assertEquals(hex(expected), hex(actual), what);
  }

  // ---- properties ------------------------------------------------------------------------------

  @Property(tries = 1000)
  void publicKeyBothForms(@ForAll("privateKeys") byte[] key) {
    assertArrayEquals(java.publicKey(key, true), lib.publicKey(key, true));
    assertArrayEquals(java.publicKey(key, false), lib.publicKey(key, false));
  }

  @Property(tries = 1000)
  void signRecoverable(@ForAll("privateKeys") byte[] key, @ForAll("digests") byte[] digest) {
    byte[] expected = java.signRecoverable(digest, key);
    assertSame(expected, lib.signRecoverable(digest, key), "signature");
  }

  @Property(tries = 1000)
  void recoverOwnSignature(
      @ForAll("privateKeys") byte[] key,
      @ForAll("digests") byte[] digest,
      @ForAll boolean compressed) {
    byte[] sig = lib.signRecoverable(digest, key);
    byte[] rs = Arrays.copyOf(sig, 64);
    byte[] recovered = lib.recover(digest, rs, sig[64], compressed);
    assertSame(lib.publicKey(key, compressed), recovered, "recovered key");
    assertSame(java.recover(digest, rs, sig[64], compressed), recovered, "java recovered key");
    for (int other = 0; other < 4; other++) {
      assertSame(
          java.recover(digest, rs, other, compressed),
          lib.recover(digest, rs, other, compressed),
          "recovery id " + other);
    }
  }

  @Property(tries = 1000)
  void recoverArbitrary(
      @ForAll("digests") byte[] digest,
      @ForAll("rsValues") byte[] rs,
      @ForAll("recoveryIds") int recId,
      @ForAll boolean compressed) {
    assertSame(
        java.recover(digest, rs, recId, compressed),
        lib.recover(digest, rs, recId, compressed),
        "recover");
  }

  @Provide
  Arbitrary<Integer> recoveryIds() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(10, Arbitraries.integers().between(0, 3)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(-1, 4, 27, Integer.MIN_VALUE)));
  }

  /** Verification of real signatures (low and high s) against right, wrong and invalid keys. */
  @Property(tries = 1000)
  void verify(
      @ForAll("privateKeys") byte[] key,
      @ForAll("digests") byte[] digest,
      @ForAll("publicKeys") byte[] otherKey,
      @ForAll("mutations") int mutation) {
    byte[] sig = java.signRecoverable(digest, key);
    byte[] rs = Arrays.copyOf(sig, 64);
    byte[] pub = java.publicKey(key, (mutation & 1) == 0);
    byte[] d = digest;
    switch (mutation >> 1) {
      case 0: // as signed
        break;
      case 1: // high s
        System.arraycopy(
            scalar(N.subtract(new BigInteger(1, Arrays.copyOfRange(rs, 32, 64)))), 0, rs, 32, 32);
        break;
      case 2: // another key, valid or not
        pub = otherKey;
        break;
      case 3: // another digest
        d = digest.clone();
        d[31] ^= 1;
        break;
      default: // a flipped bit in r or s
        rs[mutation % 64] ^= (byte) 0x10;
        break;
    }
    boolean expected = java.verify(d, rs, pub);
    if ((mutation >> 1) <= 1) {
      assertTrue(expected, "java backend rejected a genuine signature");
    }
    assertEquals(expected, lib.verify(d, rs, pub));
  }

  @Provide
  Arbitrary<Integer> mutations() {
    return Arbitraries.integers().between(0, 11);
  }

  @Property(tries = 1000)
  void verifyArbitrary(
      @ForAll("digests") byte[] digest,
      @ForAll("rsValues") byte[] rs,
      @ForAll("publicKeys") byte[] pub) {
    assertEquals(java.verify(digest, rs, pub), lib.verify(digest, rs, pub));
  }

  @Property(tries = 1000)
  void parsePublicKey(@ForAll("publicKeys") byte[] pub, @ForAll boolean compressed) {
    assertSame(
        java.parsePublicKey(pub, compressed), lib.parsePublicKey(pub, compressed), "parsed key");
  }

  @Property(tries = 1000)
  void publicKeyTweakAdd(
      @ForAll("publicKeys") byte[] pub, @ForAll("tweaks") byte[] tweak, @ForAll boolean compressed) {
    assertSame(
        java.publicKeyTweakAdd(pub, tweak, compressed),
        lib.publicKeyTweakAdd(pub, tweak, compressed),
        "tweaked key");
  }

  /** The tweak that cancels the key ((n - k)·G + k·G = infinity) gives null on both. */
  @Property(tries = 1000)
  void publicKeyTweakAddToInfinity(@ForAll("privateKeys") byte[] key, @ForAll boolean compressed) {
    byte[] pub = java.publicKey(key, compressed);
    byte[] cancel = scalar(N.subtract(new BigInteger(1, key)));
    assertEquals(null, java.publicKeyTweakAdd(pub, cancel, compressed));
    assertEquals(null, lib.publicKeyTweakAdd(pub, cancel, compressed));
    // and a private-key tweak matches the public one: (k + t)·G = k·G + t·G
    byte[] t = scalar(BigInteger.valueOf(12345));
    BigInteger sum = new BigInteger(1, key).add(BigInteger.valueOf(12345)).mod(N);
    if (sum.signum() != 0) {
      byte[] viaPrivate = lib.publicKey(scalar(sum), compressed);
      byte[] viaPublic = lib.publicKeyTweakAdd(pub, t, compressed);
      assertNotNull(viaPublic);
      assertArrayEquals(viaPrivate, viaPublic);
    }
  }
}
