package dev.cairn.core.crypto.internal.secp256k1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The 10x26 field against BigInteger arithmetic mod p, including unreduced (high-magnitude) inputs. */
class FeTest {
  static final BigInteger P = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE.shiftLeft(32))
      .subtract(BigInteger.valueOf(977));

  static Fe fe(BigInteger v) {
    Fe f = new Fe();
    f.setBytes(be32(v.mod(BigInteger.ONE.shiftLeft(256))), 0);
    return f;
  }

  static byte[] be32(BigInteger v) {
    byte[] b = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(b.length, 32);
    System.arraycopy(b, b.length - n, out, 32 - n, n);
    return out;
  }

  /** The exact (unreduced) integer held by the limbs. */
  static BigInteger raw(Fe f) {
    long[] l = {f.n0, f.n1, f.n2, f.n3, f.n4, f.n5, f.n6, f.n7, f.n8, f.n9};
    BigInteger v = BigInteger.ZERO;
    for (int i = 9; i >= 0; i--) {
      v = v.shiftLeft(26).add(BigInteger.valueOf(l[i]));
    }
    return v;
  }

  static BigInteger val(Fe f) {
    return raw(f).mod(P);
  }

  static BigInteger normalized(Fe f) {
    Fe t = new Fe(f).normalize();
    byte[] b = new byte[32];
    t.getBytes(b, 0);
    BigInteger v = new BigInteger(1, b);
    assertTrue(v.compareTo(P) < 0, "normalize gives a value below p");
    assertEquals(raw(t), v);
    return v;
  }

  /** A field element of the largest limbs allowed at magnitude m: 2m(2^26-1) per limb. */
  static Fe maxLimbs(int m) {
    Fe f = new Fe();
    long k = 2L * m;
    f.n0 = f.n1 = f.n2 = f.n3 = f.n4 = f.n5 = f.n6 = f.n7 = f.n8 = Fe.M26 * k;
    f.n9 = Fe.M22 * k;
    return f;
  }

  @Provide
  Arbitrary<BigInteger> elements() {
    return Arbitraries.oneOf(
        Arbitraries.bigIntegers().between(BigInteger.ZERO, P.subtract(BigInteger.ONE)),
        Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE),
            P.subtract(BigInteger.TWO), BigInteger.ONE.shiftLeft(255),
            BigInteger.ONE.shiftLeft(32).add(BigInteger.valueOf(976)),
            BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE).subtract(P)));
  }

  @Property(tries = 2000)
  void mulAndSqrMatchBigInteger(@ForAll("elements") BigInteger a, @ForAll("elements") BigInteger b) {
    assertEquals(a.multiply(b).mod(P), normalized(new Fe().mul(fe(a), fe(b))));
    assertEquals(a.multiply(a).mod(P), normalized(new Fe().sqr(fe(a))));
    Fe x = fe(a);
    x.mul(x, x);
    assertEquals(a.multiply(a).mod(P), normalized(x));
  }

  @Property(tries = 1000)
  void addNegateMulIntAtHighMagnitude(
      @ForAll("elements") BigInteger a, @ForAll("elements") BigInteger b) {
    // a*4 (mag 4) + (-b) (mag 2) = mag 6, then multiplied by a mag-8 value
    Fe x = fe(a).mulInt(4).add(new Fe().negate(fe(b), 1));
    BigInteger xv = a.multiply(BigInteger.valueOf(4)).subtract(b).mod(P);
    assertEquals(xv, val(x));
    Fe y = fe(b).mulInt(8);
    assertEquals(xv.multiply(b).multiply(BigInteger.valueOf(8)).mod(P), normalized(new Fe().mul(x, y)));
    assertEquals(xv.multiply(xv).mod(P), normalized(new Fe().sqr(x)));
    assertEquals(xv, normalized(new Fe(x).normalizeWeak()));
    assertEquals(xv.signum() == 0, x.normalizesToZeroVar());
  }

  /** The output bound that mul and sqr promise: every limb within magnitude 1. */
  static void assertMagnitudeOne(Fe f) {
    long[] l = {f.n0, f.n1, f.n2, f.n3, f.n4, f.n5, f.n6, f.n7, f.n8, f.n9};
    for (int i = 0; i < 10; i++) {
      long max = 2 * (i == 9 ? Fe.M22 : Fe.M26);
      assertTrue(l[i] >= 0 && l[i] <= max, "limb " + i + " = " + l[i]);
    }
  }

  @Property(tries = 2000)
  void mulOutputHasMagnitudeOne(@ForAll("elements") BigInteger a, @ForAll("elements") BigInteger b) {
    Fe x = fe(a);
    Fe y = fe(b);
    x.mulInt(8);
    assertMagnitudeOne(new Fe().mul(x, y));
    assertMagnitudeOne(new Fe().mul(x, x));
    assertMagnitudeOne(new Fe().sqr(x));
  }

  @Test
  void worstCaseLimbsDoNotOverflow() {
    for (int m = 1; m <= 8; m++) {
      Fe a = maxLimbs(m);
      BigInteger av = val(a);
      assertEquals(av.multiply(av).mod(P), normalized(new Fe().mul(a, a)), "mul at magnitude " + m);
      assertMagnitudeOne(new Fe().mul(a, a));
      assertMagnitudeOne(new Fe().mul(a, maxLimbs(1)));
      assertMagnitudeOne(new Fe().sqr(a));
      assertEquals(av.multiply(av).mod(P), normalized(new Fe().sqr(a)), "sqr at magnitude " + m);
      assertEquals(av, normalized(a));
      assertEquals(av, normalized(new Fe(a).normalizeWeak()));
    }
  }

  @Test
  void normalizesToZeroForZeroAndP() {
    assertTrue(fe(BigInteger.ZERO).normalizesToZeroVar());
    Fe p = new Fe();
    assertFalse(p.setBytes(be32(P), 0));
    assertTrue(p.normalizesToZeroVar());
    assertEquals(BigInteger.ZERO, normalized(p));
    Fe pPlus1 = new Fe();
    assertFalse(pPlus1.setBytes(be32(P.add(BigInteger.ONE)), 0));
    assertFalse(pPlus1.normalizesToZeroVar());
    assertEquals(BigInteger.ONE, normalized(pPlus1));
    assertTrue(new Fe().negate(fe(BigInteger.ZERO), 1).normalizesToZeroVar());
    assertTrue(fe(P.subtract(BigInteger.ONE)).setBytes(be32(P.subtract(BigInteger.ONE)), 0));
  }

  @Property(tries = 300)
  void inverseAndSqrt(@ForAll("elements") BigInteger a) {
    BigInteger inv = a.signum() == 0 ? BigInteger.ZERO : a.modInverse(P);
    assertEquals(inv, normalized(new Fe().inv(fe(a))));
    assertEquals(inv, normalized(new Fe().invVar(fe(a))));
    Fe r = new Fe();
    boolean square = r.sqrtVar(fe(a));
    boolean expected = a.signum() == 0 || a.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P).equals(BigInteger.ONE);
    assertEquals(expected, square);
    if (square) {
      BigInteger root = normalized(r);
      assertEquals(a, root.multiply(root).mod(P));
    }
  }
}
