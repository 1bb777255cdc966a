package dev.cairn.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cairn.core.CairnException;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

class Secp256k1PropertiesTest {
  private static final BigInteger N = Secp256k1.ORDER;
  private static final X9ECParameters BC = CustomNamedCurves.getByName("secp256k1");
  private static final BigInteger P = BC.getCurve().getField().getCharacteristic();

  static byte[] be32(BigInteger v) {
    byte[] b = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(b.length, 32);
    System.arraycopy(b, b.length - n, out, 32 - n, n);
    return out;
  }

  @Provide
  Arbitrary<byte[]> privateKeys() {
    Arbitrary<BigInteger> edge = Arbitraries.of(BigInteger.ONE, BigInteger.TWO, N.subtract(BigInteger.ONE),
        N.subtract(BigInteger.TWO), Secp256k1.HALF_ORDER, Secp256k1.HALF_ORDER.add(BigInteger.ONE));
    Arbitrary<BigInteger> random = Arbitraries.bigIntegers().between(BigInteger.ONE, N.subtract(BigInteger.ONE));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, edge), net.jqwik.api.Tuple.of(9, random)).map(Secp256k1PropertiesTest::be32);
  }

  @Provide
  Arbitrary<byte[]> digests() {
    Arbitrary<byte[]> edge = Arbitraries.of(new byte[32], be32(N), be32(N.subtract(BigInteger.ONE)),
        be32(N.add(BigInteger.ONE)), Hex.decode("ff".repeat(32)));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, edge),
        net.jqwik.api.Tuple.of(9, Arbitraries.bytes().array(byte[].class).ofSize(32)));
  }

  @Provide
  Arbitrary<byte[]> tweaks() {
    return Arbitraries.bigIntegers().between(BigInteger.ZERO, N.subtract(BigInteger.ONE)).map(Secp256k1PropertiesTest::be32);
  }

  // ---- round trips ----

  @Property(tries = 200)
  void signVerifyRecoverRoundTrip(@ForAll("privateKeys") byte[] priv, @ForAll("digests") byte[] digest) {
    Secp256k1PrivateKey key = Secp256k1PrivateKey.of(priv);
    Secp256k1PublicKey pub = key.publicKey();
    EcdsaSignature sig = key.sign(digest);
    assertTrue(sig.isLowS());
    assertTrue(sig.recoveryId() >= 0 && sig.recoveryId() <= 3);
    assertTrue(pub.verify(digest, sig));
    assertTrue(pub.verifyStrict(digest, sig));
    assertEquals(pub, Secp256k1PublicKey.recover(digest, sig));
    assertEquals(sig, key.sign(digest), "deterministic");

    // the high-s twin verifies loosely, not strictly, and recovers with bit 0 flipped
    EcdsaSignature high = EcdsaSignature.of(sig.r(), N.subtract(sig.s()), sig.recoveryId() ^ 1);
    assertFalse(high.isLowS());
    assertTrue(pub.verify(digest, high));
    assertFalse(pub.verifyStrict(digest, high));
    assertEquals(pub, Secp256k1PublicKey.recover(digest, high));
    assertEquals(sig, high.normalizedS());

    // another digest does not verify
    byte[] other = digest.clone();
    other[7] ^= 1;
    assertFalse(pub.verify(other, sig));
    // a wrong recovery id gives another key (or none)
    EcdsaSignature wrong = EcdsaSignature.of(sig.r(), sig.s(), sig.recoveryId() ^ 1);
    assertNotEquals(pub, Secp256k1PublicKey.recover(digest, wrong));
  }

  @Property(tries = 100)
  void encodingsRoundTrip(@ForAll("privateKeys") byte[] priv, @ForAll("digests") byte[] digest) {
    Secp256k1PrivateKey key = Secp256k1PrivateKey.of(priv);
    Secp256k1PublicKey pub = key.publicKey();
    assertEquals(pub, Secp256k1PublicKey.fromBytes(pub.compressed()));
    assertEquals(pub, Secp256k1PublicKey.fromBytes(pub.uncompressed()));
    assertArrayEquals(pub.compressed(), Secp256k1PublicKey.fromBytes(pub.compressed()).compressed());
    assertArrayEquals(priv, key.bytes());

    EcdsaSignature sig = key.sign(digest);
    assertEquals(sig, EcdsaSignature.fromCompact(sig.toRecoverable()));
    EcdsaSignature noId = EcdsaSignature.fromCompact(sig.toCompact());
    assertEquals(-1, noId.recoveryId());
    assertEquals(noId, EcdsaSignature.fromDer(sig.toDer()));
    assertEquals(noId, EcdsaSignature.of(sig.r(), sig.s(), -1));
    assertTrue(pub.verify(digest, noId));
    assertThrows(CryptoException.class, () -> Secp256k1PublicKey.recover(digest, noId));
    assertThrows(IllegalStateException.class, noId::toRecoverable);
  }

  @Property(tries = 100)
  void publicKeyMatchesBouncyCastle(@ForAll("privateKeys") byte[] priv) {
    ECPoint ref = BC.getG().multiply(new BigInteger(1, priv)).normalize();
    Secp256k1PublicKey pub = Secp256k1PrivateKey.of(priv).publicKey();
    assertArrayEquals(ref.getEncoded(false), pub.uncompressed());
    assertArrayEquals(ref.getEncoded(true), pub.compressed());
  }

  @Property(tries = 100)
  void tweakAddIsConsistent(@ForAll("privateKeys") byte[] priv, @ForAll("tweaks") byte[] tweak) {
    Secp256k1PrivateKey key = Secp256k1PrivateKey.of(priv);
    BigInteger sum = new BigInteger(1, priv).add(new BigInteger(1, tweak)).mod(N);
    if (sum.signum() == 0) {
      assertThrows(CryptoException.class, () -> key.tweakAdd(tweak));
      assertThrows(CryptoException.class, () -> key.publicKey().tweakAdd(tweak));
      return;
    }
    Secp256k1PrivateKey child = key.tweakAdd(tweak);
    assertArrayEquals(be32(sum), child.bytes());
    assertEquals(child.publicKey(), key.publicKey().tweakAdd(tweak));
  }

  @Test
  void tweakEdgeCases() {
    Secp256k1PrivateKey one = Secp256k1PrivateKey.of(be32(BigInteger.ONE));
    byte[] minusOne = be32(N.subtract(BigInteger.ONE));
    CryptoException e = assertThrows(CryptoException.class, () -> one.tweakAdd(minusOne));
    assertEquals("tweak: result is zero", e.getMessage());
    assertThrows(CryptoException.class, () -> one.publicKey().tweakAdd(minusOne));
    assertThrows(CryptoException.class, () -> one.tweakAdd(be32(N)));
    assertThrows(CryptoException.class, () -> one.publicKey().tweakAdd(be32(N)));
    assertThrows(CryptoException.class, () -> one.tweakAdd(new byte[31]));
    assertThrows(CryptoException.class, () -> one.publicKey().tweakAdd(null));
    assertEquals(one.publicKey(), one.publicKey().tweakAdd(new byte[32]));
    // (n-1) + 2 wraps to 1
    Secp256k1PrivateKey top = Secp256k1PrivateKey.of(minusOne);
    assertArrayEquals(be32(BigInteger.ONE), top.tweakAdd(be32(BigInteger.TWO)).bytes());
    // generator: 1·G
    assertEquals("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798", Hex.encode(one.publicKey().compressed()));
  }

  // ---- validation ----

  @Test
  void privateKeyValidation() {
    for (byte[] bad : new byte[][] {new byte[32], be32(N), be32(N.add(BigInteger.ONE)), Hex.decode("ff".repeat(32))}) {
      CryptoException e = assertThrows(CryptoException.class, () -> Secp256k1PrivateKey.of(bad));
      assertEquals("privateKey: not in [1, n-1]", e.getMessage());
    }
    assertThrows(CryptoException.class, () -> Secp256k1PrivateKey.of(new byte[31]));
    assertThrows(CryptoException.class, () -> Secp256k1PrivateKey.of(new byte[33]));
    assertThrows(CryptoException.class, () -> Secp256k1PrivateKey.of(null));
    Secp256k1PrivateKey.of(be32(N.subtract(BigInteger.ONE)));
    Secp256k1PrivateKey.of(be32(BigInteger.ONE));
  }

  @Test
  void privateKeyLifecycle() {
    byte[] raw = Hex.decode("c85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4");
    Secp256k1PrivateKey key = Secp256k1PrivateKey.of(raw);
    raw[0] ^= 1; // the key holds its own copy
    assertEquals("c85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4", Hex.encode(key.bytes()));
    byte[] copy = key.bytes();
    copy[1] ^= 1;
    assertEquals("c85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4", Hex.encode(key.bytes()));
    assertFalse(key.toString().contains("c85e"));
    assertFalse(key.isDestroyed());
    key.destroy();
    key.destroy();
    assertTrue(key.isDestroyed());
    assertThrows(IllegalStateException.class, key::bytes);
    assertThrows(IllegalStateException.class, key::publicKey);
    assertThrows(IllegalStateException.class, () -> key.sign(new byte[32]));
    assertThrows(IllegalStateException.class, () -> key.tweakAdd(new byte[32]));
    assertTrue(key.toString().contains("destroyed"));
    Secp256k1PrivateKey gen = Secp256k1PrivateKey.generate(new SecureRandom());
    assertEquals(32, gen.bytes().length);
  }

  @Test
  void digestValidation() {
    Secp256k1PrivateKey key = Secp256k1PrivateKey.of(be32(BigInteger.TEN));
    EcdsaSignature sig = key.sign(new byte[32]);
    for (byte[] bad : new byte[][] {new byte[0], new byte[31], new byte[33], new byte[64]}) {
      CryptoException e = assertThrows(CryptoException.class, () -> key.sign(bad));
      assertTrue(e.getMessage().startsWith("digest:"), e.getMessage());
      assertThrows(CryptoException.class, () -> key.publicKey().verify(bad, sig));
      assertThrows(CryptoException.class, () -> Secp256k1PublicKey.recover(bad, sig));
    }
    assertThrows(CryptoException.class, () -> key.sign(null));
    assertThrows(CryptoException.class, () -> key.publicKey().verify(new byte[32], null));
  }

  @Test
  void signatureComponentValidation() {
    assertThrows(CryptoException.class, () -> EcdsaSignature.of(BigInteger.ZERO, BigInteger.ONE, 0));
    assertThrows(CryptoException.class, () -> EcdsaSignature.of(BigInteger.ONE, N, 0));
    assertThrows(CryptoException.class, () -> EcdsaSignature.of(BigInteger.ONE.negate(), BigInteger.ONE, 0));
    assertThrows(CryptoException.class, () -> EcdsaSignature.of(BigInteger.ONE, BigInteger.ONE, 4));
    assertThrows(CryptoException.class, () -> EcdsaSignature.of(BigInteger.ONE, BigInteger.ONE, -2));
    assertThrows(CryptoException.class, () -> EcdsaSignature.of(null, BigInteger.ONE, 0));
    CryptoException e = assertThrows(CryptoException.class,
        () -> EcdsaSignature.fromCompact(Arrays.copyOf(be32(N), 64)));
    assertEquals("signature.r: not in [1, n-1]", e.getMessage());
    byte[] rec = new byte[65];
    rec[31] = 1;
    rec[63] = 1;
    rec[64] = 27;
    e = assertThrows(CryptoException.class, () -> EcdsaSignature.fromCompact(rec));
    assertTrue(e.getMessage().startsWith("signature.recoveryId"), e.getMessage());
    assertThrows(CryptoException.class, () -> EcdsaSignature.fromCompact(new byte[63]));
    assertThrows(CryptoException.class, () -> EcdsaSignature.fromCompact(null));
  }

  @Test
  void publicKeyValidation() {
    byte[] g = Secp256k1PrivateKey.of(be32(BigInteger.ONE)).publicKey().uncompressed();
    byte[] offCurve = g.clone();
    offCurve[64] ^= 1;
    byte[] xTooBig = new byte[33];
    xTooBig[0] = 2;
    System.arraycopy(be32(P), 0, xTooBig, 1, 32);
    byte[] wrongPrefix = g.clone();
    wrongPrefix[0] = 6; // hybrid encodings are not accepted
    byte[] compressedWithBadPrefix = Secp256k1PrivateKey.of(be32(BigInteger.ONE)).publicKey().compressed();
    compressedWithBadPrefix[0] = 4;
    byte[] noSqrt = new byte[33]; // x = 5: x^3 + 7 = 132 is not a square mod p
    noSqrt[0] = 2;
    noSqrt[32] = 5;
    for (byte[] bad : new byte[][] {offCurve, xTooBig, wrongPrefix, compressedWithBadPrefix, new byte[33],
        new byte[65], new byte[] {0}, new byte[64], noSqrt}) {
      CryptoException e = assertThrows(CryptoException.class, () -> Secp256k1PublicKey.fromBytes(bad), Hex.encode(bad));
      assertTrue(e.getMessage().startsWith("publicKey:"), e.getMessage());
    }
    assertThrows(CryptoException.class, () -> Secp256k1PublicKey.fromBytes(null));
  }

  // ---- malformed input: typed exception or a canonical round trip, never anything else ----

  @Property(tries = 1000)
  void arbitraryPublicKeyBytes(@ForAll @IntRange(min = 0, max = 3) int prefixChoice,
      @ForAll @Size(max = 66) byte[] tail, @ForAll boolean fullLength,
      @ForAll("privateKeys") byte[] priv) {
    byte prefix = (byte) new int[] {2, 3, 4, 7}[prefixChoice];
    byte[] enc;
    if (fullLength) {
      enc = new byte[prefix == 4 ? 65 : 33];
      enc[0] = prefix;
      System.arraycopy(tail, 0, enc, 1, Math.min(tail.length, enc.length - 1));
    } else {
      enc = tail;
    }
    try {
      Secp256k1PublicKey pub = Secp256k1PublicKey.fromBytes(enc);
      assertArrayEquals(enc, enc.length == 33 ? pub.compressed() : pub.uncompressed());
    } catch (CryptoException expected) {
      assertTrue(expected.getMessage().startsWith("publicKey:"));
    }
    // and a real key survives both encodings
    Secp256k1PublicKey real = Secp256k1PrivateKey.of(priv).publicKey();
    assertEquals(real, Secp256k1PublicKey.fromBytes(real.compressed()));
  }

  @Property(tries = 1000)
  void arbitraryCompactSignatures(@ForAll @Size(min = 60, max = 66) byte[] bytes) {
    try {
      EcdsaSignature sig = EcdsaSignature.fromCompact(bytes);
      assertArrayEquals(bytes, bytes.length == 64 ? sig.toCompact() : sig.toRecoverable());
    } catch (CryptoException expected) {
      assertTrue(expected.getMessage().startsWith("signature"));
    }
  }

  @Provide
  Arbitrary<byte[]> derLike() {
    Arbitrary<byte[]> valid = Combinators.combine(privateKeys(), digests())
        .as((k, d) -> Secp256k1PrivateKey.of(k).sign(d).toDer());
    Arbitrary<byte[]> mutated = Combinators.combine(valid, Arbitraries.integers().between(0, 200),
            Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 3))
        .as((der, pos, val, op) -> {
          int p = pos % (der.length + 1);
          switch (op) {
            case 0: { byte[] c = der.clone(); if (p < c.length) c[p] = (byte) (int) val; return c; }
            case 1: return Arrays.copyOf(der, p); // truncate
            case 2: { byte[] c = Arrays.copyOf(der, der.length + 1); c[der.length] = (byte) (int) val; return c; }
            default: { // insert a byte
              byte[] c = new byte[der.length + 1];
              System.arraycopy(der, 0, c, 0, p);
              c[p] = (byte) (int) val;
              System.arraycopy(der, p, c, p + 1, der.length - p);
              return c;
            }
          }
        });
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(80);
    return Arbitraries.oneOf(valid, mutated, mutated, random);
  }

  @Property(tries = 2000)
  void derIsStrict(@ForAll("derLike") byte[] der) {
    try {
      EcdsaSignature sig = EcdsaSignature.fromDer(der);
      // strictness means a unique encoding: whatever parses re-encodes to the same bytes
      assertArrayEquals(der, sig.toDer());
    } catch (DecodingException e) {
      assertEquals("signature.der", e.field());
      assertTrue(e.offset() >= -1 && e.offset() <= der.length, e.getMessage());
    } catch (CryptoException e) {
      assertTrue(e.getMessage().startsWith("signature."), e.getMessage());
    } catch (RuntimeException e) {
      fail("untyped exception for " + Hex.encode(der), e);
    }
  }

  @Test
  void derSpecificRejections() {
    String r = "02020080"; // 0x80 with its required leading zero
    String s = "020101";
    assertEquals(BigInteger.valueOf(0x80), EcdsaSignature.fromDer(Hex.decode("3007" + r + s)).r());
    String[][] bad = {
        {"3006" + r + s, "1"}, // sequence length mismatch
        {"3006" + "020180" + s, "4"}, // negative r
        {"3008" + "0203000080" + s, "4"}, // superfluous zero
        {"308107" + r + s, "1"}, // long-form length
        {"3008" + r + "02810101", "7"}, // long-form integer length
        {"3009" + r + s + "0500", "9"}, // trailing data inside the sequence
        {"3107" + r + s, "0"}, // wrong tag
        {"3006" + r + "0200", "7"}, // empty integer: offset of its length
        {"3007" + r + "020201", "7"}, // integer longer than what remains
    };
    for (String[] b : bad) {
      DecodingException e = assertThrows(DecodingException.class, () -> EcdsaSignature.fromDer(Hex.decode(b[0])), b[0]);
      assertEquals(Long.parseLong(b[1]), e.offset(), b[0] + ": " + e.getMessage());
    }
    // r = 0 is well-formed DER but not a valid signature
    CryptoException e = assertThrows(CryptoException.class, () -> EcdsaSignature.fromDer(Hex.decode("3006020100" + s)));
    assertEquals("signature.r: not in [1, n-1]", e.getMessage());
  }

  @Property(tries = 300)
  void recoverNeverThrowsUntyped(@ForAll @Size(value = 64) byte[] rs, @ForAll @IntRange(min = 0, max = 3) int recId,
      @ForAll("digests") byte[] digest) {
    EcdsaSignature sig;
    try {
      sig = EcdsaSignature.fromCompact(rs);
    } catch (CryptoException e) {
      return;
    }
    EcdsaSignature withId = EcdsaSignature.of(sig.r(), sig.s(), recId);
    try {
      Secp256k1PublicKey pub = Secp256k1PublicKey.recover(digest, withId);
      assertTrue(pub.verify(digest, withId), "a recovered key verifies its signature");
    } catch (CryptoException expected) {
      assertTrue(expected.getMessage().startsWith("signature"));
    }
  }

  @Test
  void recoveryIdWithHighX() {
    // r values >= p - n cannot have x = r + n; recovery ids 2 and 3 then fail with CryptoException
    EcdsaSignature sig = EcdsaSignature.of(N.subtract(BigInteger.ONE), BigInteger.ONE, 2);
    assertThrows(CryptoException.class, () -> Secp256k1PublicKey.recover(new byte[32], sig));
  }

  @Test
  void verifyRejectsForeignAndMismatchedKeys() {
    Secp256k1PrivateKey a = Secp256k1PrivateKey.of(be32(BigInteger.valueOf(12345)));
    Secp256k1PrivateKey b = Secp256k1PrivateKey.of(be32(BigInteger.valueOf(54321)));
    byte[] d = new byte[32];
    d[0] = 1;
    EcdsaSignature sig = a.sign(d);
    assertTrue(a.publicKey().verify(d, sig));
    assertFalse(b.publicKey().verify(d, sig));
  }

  @Test
  void concurrentSigningMatchesSequential() throws Exception {
    int n = 40;
    Secp256k1PrivateKey[] keys = new Secp256k1PrivateKey[n];
    byte[][] digests = new byte[n][];
    EcdsaSignature[] expected = new EcdsaSignature[n];
    SecureRandom rnd = new SecureRandom();
    for (int i = 0; i < n; i++) {
      keys[i] = Secp256k1PrivateKey.generate(rnd);
      digests[i] = new byte[32];
      rnd.nextBytes(digests[i]);
      expected[i] = keys[i].sign(digests[i]);
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        final int shift = t;
        results.add(pool.submit(() -> {
          for (int j = 0; j < n; j++) {
            int i = (j + shift * 7) % n;
            if (!expected[i].equals(keys[i].sign(digests[i]))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (java.util.concurrent.Future<Boolean> f : results) {
        assertTrue(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void cairnExceptionHierarchy() {
    assertTrue(CairnException.class.isAssignableFrom(CryptoException.class));
  }
}
