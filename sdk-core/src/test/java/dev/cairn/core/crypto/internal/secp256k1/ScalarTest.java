package dev.cairn.core.crypto.internal.secp256k1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link Scalar} against BigInteger arithmetic mod n, on random and edge-case scalars. */
class ScalarTest {
  static final BigInteger N =
      new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
  static final BigInteger TWO256 = BigInteger.ONE.shiftLeft(256);
  static final BigInteger LAMBDA =
      new BigInteger("5363AD4CC05C30E0A5261C028812645A122E22EA20816678DF02967C1B23BD72", 16);

  @Provide
  Arbitrary<BigInteger> scalars() {
    BigInteger one = BigInteger.ONE;
    return Arbitraries.oneOf(
        Arbitraries.bigIntegers().between(BigInteger.ZERO, N.subtract(one)),
        Arbitraries.bigIntegers().between(N.subtract(BigInteger.ONE.shiftLeft(130)), N.subtract(one)),
        Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(130)),
        Arbitraries.of(BigInteger.ZERO, one, BigInteger.TWO, N.subtract(one), N.subtract(BigInteger.TWO),
            N.shiftRight(1), N.shiftRight(1).add(one), N.shiftRight(1).subtract(one), LAMBDA,
            BigInteger.ONE.shiftLeft(255), BigInteger.ONE.shiftLeft(128), TWO256.subtract(N)));
  }

  /** Any 256-bit value, including the ones at or above n. */
  @Provide
  Arbitrary<BigInteger> raw() {
    return Arbitraries.oneOf(
        Arbitraries.bigIntegers().between(BigInteger.ZERO, TWO256.subtract(BigInteger.ONE)),
        Arbitraries.bigIntegers().between(N.subtract(BigInteger.TEN), TWO256.subtract(BigInteger.ONE)),
        Arbitraries.of(N, N.add(BigInteger.ONE), TWO256.subtract(BigInteger.ONE)));
  }

  static byte[] be32(BigInteger v) {
    return FeTest.be32(v);
  }

  static int[] sc(BigInteger v) {
    int[] w = Scalar.create();
    Scalar.setBytes(w, be32(v), 0);
    return w;
  }

  static BigInteger big(int[] w) {
    byte[] b = new byte[32];
    Scalar.getBytes(w, b, 0);
    return new BigInteger(1, b);
  }

  @Property(tries = 500)
  void setBytesReducesOnceAndReportsOverflow(@ForAll("raw") BigInteger v) {
    int[] w = Scalar.create();
    int overflow = Scalar.setBytes(w, be32(v), 0);
    assertEquals(v.compareTo(N) >= 0 ? 1 : 0, overflow, v.toString(16));
    assertEquals(v.mod(N), big(w), v.toString(16));
  }

  @Property(tries = 1000)
  void mulMatchesBigInteger(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b) {
    int[] r = Scalar.create();
    Scalar.mul(r, sc(a), sc(b));
    assertEquals(a.multiply(b).mod(N), big(r), a.toString(16) + " * " + b.toString(16));
  }

  @Property(tries = 500)
  void mulOfUnreducedWordsMatchesBigInteger(@ForAll("raw") BigInteger a, @ForAll("raw") BigInteger b) {
    // the reduction accepts any 512-bit product, also of operands at or above n
    int[] r = Scalar.create();
    Scalar.mul(r, Scalar.words(String.format("%064x", a)), Scalar.words(String.format("%064x", b)));
    assertEquals(a.multiply(b).mod(N), big(r));
  }

  @Test
  void reductionAtItsExtremes() {
    BigInteger max = TWO256.subtract(BigInteger.ONE);
    int[] r = Scalar.create();
    Scalar.mul(r, Scalar.words(String.format("%064x", max)), Scalar.words(String.format("%064x", max)));
    assertEquals(max.multiply(max).mod(N), big(r));
    BigInteger nm1 = N.subtract(BigInteger.ONE);
    Scalar.mul(r, sc(nm1), sc(nm1));
    assertEquals(BigInteger.ONE, big(r));
  }

  @Property(tries = 500)
  void addNegateAndHalfMatchBigInteger(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b) {
    int[] r = Scalar.create();
    Scalar.add(r, sc(a), sc(b));
    assertEquals(a.add(b).mod(N), big(r));
    Scalar.negate(r, sc(a));
    assertEquals(a.negate().mod(N), big(r));
    assertEquals(a.compareTo(N.shiftRight(1)) > 0, Scalar.isHigh(sc(a)), a.toString(16));
    assertEquals(a.signum() == 0, Scalar.isZero(sc(a)));
  }

  @Property(tries = 300)
  void inversesMatchBigInteger(@ForAll("scalars") BigInteger a) {
    int[] r = Scalar.create();
    int[] rv = Scalar.create();
    Scalar.inverse(r, sc(a));
    Scalar.inverseVar(rv, sc(a));
    BigInteger expected = a.signum() == 0 ? BigInteger.ZERO : a.modInverse(N);
    assertEquals(expected, big(r));
    assertEquals(expected, big(rv));
  }

  @Property(tries = 1000)
  void splitLambdaRecombinesWithShortHalves(@ForAll("scalars") BigInteger k) {
    int[] r1 = Scalar.create();
    int[] r2 = Scalar.create();
    Scalar.splitLambda(r1, r2, sc(k));
    BigInteger a = big(r1);
    BigInteger b = big(r2);
    assertEquals(k, a.add(b.multiply(LAMBDA)).mod(N), k.toString(16));
    BigInteger bound = BigInteger.ONE.shiftLeft(128);
    assertTrue(a.min(N.subtract(a)).compareTo(bound) < 0, "r1 " + a.toString(16));
    assertTrue(b.min(N.subtract(b)).compareTo(bound) < 0, "r2 " + b.toString(16));
  }

  @Test
  void bytesRoundTrip() {
    byte[] in = be32(N.subtract(BigInteger.TWO));
    byte[] out = new byte[34];
    Scalar.getBytes(sc(N.subtract(BigInteger.TWO)), out, 1);
    byte[] mid = new byte[32];
    System.arraycopy(out, 1, mid, 0, 32);
    assertArrayEquals(in, mid);
  }
}
