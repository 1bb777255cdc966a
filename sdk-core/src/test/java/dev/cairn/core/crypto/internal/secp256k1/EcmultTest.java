package dev.cairn.core.crypto.internal.secp256k1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.crypto.internal.JavaSecp256k1Backend;
import java.math.BigInteger;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/**
 * The group code, the multiplications and the backend against BouncyCastle's secp256k1, for random
 * and edge-case scalars and points.
 */
class EcmultTest {
  static final X9ECParameters BC = CustomNamedCurves.getByName("secp256k1");
  static final ECDomainParameters DOMAIN =
      new ECDomainParameters(BC.getCurve(), BC.getG(), BC.getN(), BC.getH());
  static final BigInteger N = BC.getN();
  static final BigInteger P = FeTest.P;
  static final JavaSecp256k1Backend BACKEND = new JavaSecp256k1Backend();

  @Provide
  Arbitrary<BigInteger> scalars() {
    BigInteger two128 = BigInteger.ONE.shiftLeft(128);
    return Arbitraries.oneOf(
        Arbitraries.bigIntegers().between(BigInteger.ZERO, N.subtract(BigInteger.ONE)),
        Arbitraries.bigIntegers().between(BigInteger.ZERO, two128.add(two128)),
        Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(15),
            BigInteger.valueOf(16), BigInteger.valueOf(256), two128.subtract(BigInteger.ONE), two128,
            N.shiftRight(1), N.shiftRight(1).add(BigInteger.ONE), N.subtract(BigInteger.ONE),
            N.subtract(BigInteger.TWO), N.subtract(two128), BigInteger.ONE.shiftLeft(255),
            new BigInteger("5363AD4CC05C30E0A5261C028812645A122E22EA20816678DF02967C1B23BD72", 16)));
  }

  @Provide
  Arbitrary<BigInteger> privateKeys() {
    return scalars().filter(k -> k.signum() > 0);
  }

  static byte[] be32(BigInteger v) {
    return FeTest.be32(v);
  }

  /** The scalar words of v (below n). */
  static int[] sc(BigInteger v) {
    int[] w = Scalar.create();
    assertEquals(0, Scalar.setBytes(w, be32(v), 0));
    return w;
  }

  static Affine affine(ECPoint p) {
    Affine a = new Affine();
    assertTrue(a.decodeVar(p.getEncoded(false)));
    return a;
  }

  static byte[] encode(Point p) {
    if (p.infinity) {
      return null;
    }
    Fe zi = new Fe().invVar(p.z);
    Fe zi2 = new Fe().sqr(zi);
    Affine a = new Affine();
    a.x.mul(p.x, zi2).normalize();
    a.y.mul(p.y, zi2).mul(a.y, zi).normalize();
    return a.encode(false);
  }

  static byte[] encode(ECPoint p) {
    return p.isInfinity() ? null : p.normalize().getEncoded(false);
  }

  @Property(tries = 300)
  void doubleMultiplicationMatchesBouncyCastle(
      @ForAll("privateKeys") BigInteger a, @ForAll("scalars") BigInteger na,
      @ForAll("scalars") BigInteger ng) {
    ECPoint pa = BC.getG().multiply(a).normalize();
    ECPoint expected = ECAlgorithms.sumOfTwoMultiplies(pa, na, BC.getG(), ng);
    Point r = Ecmult.mul(new Point(), affine(pa), sc(na), sc(ng));
    assertArrayEquals(encode(expected), encode(r), "a=" + a + " na=" + na + " ng=" + ng);
  }

  @Test
  void doubleMultiplicationReachesInfinityAndDoublingCases() {
    // na·A + ng·G with A = G: na + ng = n gives infinity, na = ng exercises the doubling branch
    Affine g = Ecmult.G;
    assertTrue(Ecmult.mul(new Point(), g, sc(BigInteger.ONE), sc(N.subtract(BigInteger.ONE))).infinity);
    BigInteger k = new BigInteger("123456789abcdef", 16);
    assertTrue(Ecmult.mul(new Point(), g, sc(k), sc(N.subtract(k))).infinity);
    assertArrayEquals(encode(BC.getG().multiply(k.shiftLeft(1))), encode(Ecmult.mul(new Point(), g, sc(k), sc(k))));
    assertTrue(Ecmult.mul(new Point(), g, sc(BigInteger.ZERO), sc(BigInteger.ZERO)).infinity);
  }

  @Property(tries = 300)
  void generatorCombMatchesBouncyCastle(@ForAll("privateKeys") BigInteger k) {
    assertArrayEquals(encode(BC.getG().multiply(k)), encode(Gen.mul(new Point(), be32(k), 0)));
  }

  @Test
  void generatorCombWithZeroDigits() {
    // digits of zero in every position pattern, including a zero low byte (the offsets keep the
    // additions away from the doubling case)
    BigInteger[] ks = {BigInteger.ONE, BigInteger.valueOf(0x100), BigInteger.valueOf(0x10),
        BigInteger.ONE.shiftLeft(252), BigInteger.ONE.shiftLeft(128).add(BigInteger.ONE),
        N.subtract(BigInteger.ONE), new BigInteger("f000000000000000000000000000000000000000000000000000000000000000", 16).mod(N)};
    for (BigInteger k : ks) {
      assertArrayEquals(encode(BC.getG().multiply(k)), encode(Gen.mul(new Point(), be32(k), 0)), k.toString(16));
    }
  }

  @Property(tries = 200)
  void signVerifyRecoverMatchBouncyCastle(
      @ForAll("privateKeys") BigInteger d, @ForAll("scalars") BigInteger e) {
    byte[] digest = be32(e);
    byte[] key = be32(d);
    byte[] pub = BACKEND.publicKey(key, false);
    assertArrayEquals(BC.getG().multiply(d).getEncoded(false), pub);
    assertArrayEquals(BC.getG().multiply(d).getEncoded(true), BACKEND.publicKey(key, true));
    byte[] sig = BACKEND.signRecoverable(digest, key);
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(sig, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
    assertTrue(s.compareTo(N.shiftRight(1)) <= 0, "low s");
    assertTrue(bcVerify(digest, r, s, pub));
    byte[] rs = Arrays.copyOf(sig, 64);
    assertTrue(BACKEND.verify(digest, rs, pub));
    assertTrue(BACKEND.verify(digest, rs, BACKEND.publicKey(key, true)));
    // high s verifies too (the backend contract), and a different digest does not
    byte[] highS = rs.clone();
    System.arraycopy(be32(N.subtract(s)), 0, highS, 32, 32);
    assertTrue(BACKEND.verify(digest, highS, pub));
    byte[] other = digest.clone();
    other[31] ^= 1;
    assertEquals(bcVerify(other, r, s, pub), BACKEND.verify(other, rs, pub));
    assertArrayEquals(pub, BACKEND.recover(digest, rs, sig[64], false));
    for (int recId = 0; recId < 4; recId++) {
      assertArrayEquals(bcRecover(digest, r, s, recId), BACKEND.recover(digest, rs, recId, false),
          "recovery id " + recId);
    }
  }

  @Property(tries = 100)
  void recoveryWithXAboveTheOrder(@ForAll("scalars") BigInteger rSmall, @ForAll("privateKeys") BigInteger s,
      @ForAll("scalars") BigInteger e) {
    // r below p - n: recovery ids 2 and 3 use x = r + n, which may or may not be on the curve
    BigInteger r = rSmall.mod(P.subtract(N));
    if (r.signum() == 0) {
      r = BigInteger.ONE;
    }
    byte[] rs = new byte[64];
    System.arraycopy(be32(r), 0, rs, 0, 32);
    System.arraycopy(be32(s), 0, rs, 32, 32);
    byte[] digest = be32(e);
    for (int recId = 0; recId < 4; recId++) {
      byte[] expected = bcRecover(digest, r, s, recId);
      assertArrayEquals(expected, BACKEND.recover(digest, rs, recId, false), "recovery id " + recId);
      if (expected != null) {
        assertTrue(BACKEND.verify(digest, rs, expected));
      }
    }
    // r at or above p - n has no second x
    byte[] big = rs.clone();
    System.arraycopy(be32(P.subtract(N)), 0, big, 0, 32);
    assertNull(BACKEND.recover(digest, big, 2, false));
    assertNull(BACKEND.recover(digest, big, 3, false));
  }

  @Test
  void verifyAcceptsROfXAboveTheOrder() {
    // find a key and digest whose R has x >= n would take ~2^128 tries; instead build the point:
    // R = (x, y) with x = r + n on the curve, then Q from recovery, and verify against Q
    BigInteger s = BigInteger.valueOf(7);
    BigInteger e = BigInteger.valueOf(11);
    int found = 0;
    for (BigInteger r = BigInteger.ONE; found < 3 && r.compareTo(BigInteger.valueOf(200)) < 0; r = r.add(BigInteger.ONE)) {
      byte[] rs = new byte[64];
      System.arraycopy(be32(r), 0, rs, 0, 32);
      System.arraycopy(be32(s), 0, rs, 32, 32);
      byte[] q = BACKEND.recover(be32(e), rs, 2, false);
      if (q == null) {
        continue;
      }
      found++;
      assertTrue(BACKEND.verify(be32(e), rs, q));
      assertTrue(bcVerify(be32(e), r, s, q));
      assertArrayEquals(bcRecover(be32(e), r, s, 2), q);
    }
    assertTrue(found > 0);
  }

  @Test
  void rejectsInvalidPoints() {
    byte[] digest = new byte[32];
    byte[] rs = new byte[64];
    rs[31] = 1;
    rs[63] = 1;
    byte[] pub = BACKEND.publicKey(be32(BigInteger.TEN), false);
    byte[] offCurve = pub.clone();
    offCurve[64] ^= 1;
    assertFalse(BACKEND.verify(digest, rs, offCurve));
    assertNull(BACKEND.parsePublicKey(offCurve, true));
    byte[] xTooBig = new byte[33];
    xTooBig[0] = 2;
    System.arraycopy(be32(P), 0, xTooBig, 1, 32);
    assertNull(BACKEND.parsePublicKey(xTooBig, true));
    byte[] hybrid = pub.clone();
    hybrid[0] = 6;
    assertNull(BACKEND.parsePublicKey(hybrid, true));
    assertNull(BACKEND.parsePublicKey(new byte[33], true));
    assertNull(BACKEND.parsePublicKey(new byte[65], true));
    // x = 5 is not on the curve (5^3 + 7 = 132 is not a square mod p)
    byte[] notX = new byte[33];
    notX[0] = 2;
    notX[32] = 5;
    assertEquals(BC.getCurve().getA().isZero() && isSquare(BigInteger.valueOf(132)),
        BACKEND.parsePublicKey(notX, true) != null);
    assertFalse(BACKEND.verify(digest, rs, null));
    assertNull(BACKEND.recover(digest, rs, 4, false));
    assertNull(BACKEND.recover(digest, rs, -1, false));
  }

  @Property(tries = 100)
  void tweakAddMatchesBouncyCastle(@ForAll("privateKeys") BigInteger d, @ForAll("scalars") BigInteger t) {
    byte[] pub = BACKEND.publicKey(be32(d), true);
    ECPoint expected = BC.getG().multiply(d.add(t));
    byte[] got = BACKEND.publicKeyTweakAdd(pub, be32(t), true);
    if (expected.isInfinity()) {
      assertNull(got);
    } else {
      assertArrayEquals(expected.normalize().getEncoded(true), got);
    }
    // the tweak that cancels the key gives infinity
    assertNull(BACKEND.publicKeyTweakAdd(pub, be32(N.subtract(d)), true));
  }

  static boolean isSquare(BigInteger v) {
    return v.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P).equals(BigInteger.ONE);
  }

  static boolean bcVerify(byte[] digest, BigInteger r, BigInteger s, byte[] pub) {
    ECDSASigner v = new ECDSASigner();
    v.init(false, new ECPublicKeyParameters(BC.getCurve().decodePoint(pub), DOMAIN));
    return v.verifySignature(digest, r, s);
  }

  /** Q = r^-1 (s·R - e·G) with R from x = r (+ n) and the parity bit, in BouncyCastle. */
  static byte[] bcRecover(byte[] digest, BigInteger r, BigInteger s, int recId) {
    BigInteger x = r;
    if ((recId & 2) != 0) {
      x = r.add(N);
      if (x.compareTo(P) >= 0) {
        return null;
      }
    }
    byte[] enc = new byte[33];
    enc[0] = (byte) (2 + (recId & 1));
    System.arraycopy(be32(x), 0, enc, 1, 32);
    ECPoint rp;
    try {
      rp = BC.getCurve().decodePoint(enc);
    } catch (IllegalArgumentException ex) {
      return null;
    }
    BigInteger e = new BigInteger(1, digest).mod(N);
    BigInteger rInv = r.modInverse(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(BC.getG(), N.subtract(e).multiply(rInv).mod(N), rp,
        s.multiply(rInv).mod(N));
    return q.isInfinity() ? null : q.normalize().getEncoded(false);
  }
}
