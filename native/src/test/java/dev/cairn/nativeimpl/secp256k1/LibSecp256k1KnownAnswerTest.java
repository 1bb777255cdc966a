package dev.cairn.nativeimpl.secp256k1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.encoding.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fixed vectors through the native backend. */
class LibSecp256k1KnownAnswerTest {

  static final BigInteger N =
      new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);
  static final String G_X = "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
  static final String G_Y = "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";

  static LibSecp256k1Backend b;

  @BeforeAll
  static void load() {
    b = LibSecp256k1AvailabilityTest.requireAvailable();
  }

  static byte[] scalar(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }

  static byte[] sha256(String s) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void privateKeyOneIsTheGenerator() {
    byte[] one = scalar(BigInteger.ONE);
    assertEquals("02" + G_X, Hex.encode(b.publicKey(one, true)));
    assertEquals("04" + G_X + G_Y, Hex.encode(b.publicKey(one, false)));
  }

  @Test
  void privateKeyNMinusOneIsMinusG() {
    byte[] key = scalar(N.subtract(BigInteger.ONE));
    // -G has the same x and odd y (G's y is even)
    assertEquals("03" + G_X, Hex.encode(b.publicKey(key, true)));
  }

  @Test
  void privateKeyTwoIsTwoG() {
    assertEquals(
        "02c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5",
        Hex.encode(b.publicKey(scalar(BigInteger.TWO), true)));
  }

  /**
   * Widely published deterministic-signature vectors for secp256k1 (RFC 6979 with HMAC-SHA256, low
   * s), over SHA-256 of the message.
   */
  @ParameterizedTest
  @CsvSource({
    "0000000000000000000000000000000000000000000000000000000000000001, Satoshi Nakamoto,"
        + " 934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8,"
        + " 2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5",
    "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140, Satoshi Nakamoto,"
        + " fd567d121db66e382991534ada77a6bd3106f0a1098c231e47993447cd6af2d0,"
        + " 6b39cd0eb1bc8603e159ef5c20a5c8ad685a45b06ce9bebed3f153d10d93bed5",
    "f8b8af8ce3c7cca5e300d33939540c10d45ce001b8f252bfbc57ba0342904181, Alan Turing,"
        + " 7063ae83e7f62bbb171798131b4a0564b956930092b33b07b395615d9ec7e15c,"
        + " 58dfcc1e00a35e1572f366ffe34ba0fc47db1e7189759b9fb233c5b05ab388ea",
  })
  void rfc6979Vectors(String key, String message, String r, String s) throws Exception {
    byte[] priv = Hex.decode(key);
    byte[] digest = sha256(message);
    byte[] sig = b.signRecoverable(digest, priv);
    assertEquals(65, sig.length);
    assertEquals(r + s, Hex.encode(Arrays.copyOf(sig, 64)));
    int recId = sig[64];
    assertTrue(recId >= 0 && recId <= 3, "recovery id " + recId);
    byte[] rs = Arrays.copyOf(sig, 64);
    byte[] pub = b.publicKey(priv, true);
    assertArrayEquals(pub, b.recover(digest, rs, recId, true));
    assertArrayEquals(b.publicKey(priv, false), b.recover(digest, rs, recId, false));
    assertTrue(b.verify(digest, rs, pub));
    assertTrue(b.verify(digest, rs, b.publicKey(priv, false)));
    // another recovery id gives another key, or none
    byte[] other = b.recover(digest, rs, recId ^ 1, true);
    assertFalse(Arrays.equals(pub, other));
  }

  @Test
  void verifyAcceptsHighS() throws Exception {
    byte[] priv = Hex.decode("f8b8af8ce3c7cca5e300d33939540c10d45ce001b8f252bfbc57ba0342904181");
    byte[] digest = sha256("Alan Turing");
    byte[] rs = Arrays.copyOf(b.signRecoverable(digest, priv), 64);
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, 32, 64));
    byte[] high = rs.clone();
    System.arraycopy(scalar(N.subtract(s)), 0, high, 32, 32);
    byte[] pub = b.publicKey(priv, true);
    assertTrue(b.verify(digest, high, pub));
    // the caller's array is not modified by the normalisation
    assertArrayEquals(scalar(N.subtract(s)), Arrays.copyOfRange(high, 32, 64));
  }

  @Test
  void verifyRejects() throws Exception {
    byte[] priv = Hex.decode("f8b8af8ce3c7cca5e300d33939540c10d45ce001b8f252bfbc57ba0342904181");
    byte[] digest = sha256("Alan Turing");
    byte[] rs = Arrays.copyOf(b.signRecoverable(digest, priv), 64);
    byte[] pub = b.publicKey(priv, true);
    assertFalse(b.verify(sha256("Alan Turing!"), rs, pub));
    assertFalse(b.verify(digest, rs, b.publicKey(scalar(BigInteger.TWO), true)));
    byte[] flipped = rs.clone();
    flipped[10] ^= 1;
    assertFalse(b.verify(digest, flipped, pub));
    // r or s zero, or >= n
    byte[] zeroR = rs.clone();
    Arrays.fill(zeroR, 0, 32, (byte) 0);
    assertFalse(b.verify(digest, zeroR, pub));
    byte[] bigS = rs.clone();
    System.arraycopy(scalar(N), 0, bigS, 32, 32);
    assertFalse(b.verify(digest, bigS, pub));
    // a public key off the curve, and malformed encodings
    byte[] offCurve = pub.clone();
    offCurve[32] ^= 1;
    if (b.parsePublicKey(offCurve, true) == null) {
      assertFalse(b.verify(digest, rs, offCurve));
    }
    assertFalse(b.verify(digest, rs, new byte[33]));
    assertFalse(b.verify(digest, rs, new byte[0]));
    assertFalse(b.verify(digest, rs, null));
  }

  @Test
  void hybridAndMalformedKeysAreRejected() {
    byte[] g = Hex.decode("04" + G_X + G_Y);
    assertArrayEquals(Hex.decode("02" + G_X), b.parsePublicKey(g, true));
    byte[] hybrid = g.clone();
    hybrid[0] = 0x06; // G's y is even, so 06 would be a valid X9.62 hybrid key
    assertNull(b.parsePublicKey(hybrid, true));
    hybrid[0] = 0x07;
    assertNull(b.parsePublicKey(hybrid, true));
    byte[] wrongLengthPrefix = Hex.decode("04" + G_X);
    assertNull(b.parsePublicKey(wrongLengthPrefix, true));
    assertNull(b.parsePublicKey(new byte[64], true));
    // x = p (not a field element)
    byte[] xIsP =
        Hex.decode("02fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f");
    assertNull(b.parsePublicKey(xIsP, false));
    assertNull(b.publicKeyTweakAdd(xIsP, new byte[32], true));
  }

  @Test
  void tweakAdd() {
    byte[] g = Hex.decode("02" + G_X);
    byte[] one = scalar(BigInteger.ONE);
    assertEquals(
        "02c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5",
        Hex.encode(b.publicKeyTweakAdd(g, one, true)));
    assertArrayEquals(Hex.decode("04" + G_X + G_Y), b.publicKeyTweakAdd(g, new byte[32], false));
    // G + (n-1)G = infinity; tweak n is out of range
    assertNull(b.publicKeyTweakAdd(g, scalar(N.subtract(BigInteger.ONE)), true));
    assertNull(b.publicKeyTweakAdd(g, scalar(N), true));
    byte[] ff = new byte[32];
    Arrays.fill(ff, (byte) 0xff);
    assertNull(b.publicKeyTweakAdd(g, ff, true));
  }

  @Test
  void recoverRejects() throws Exception {
    long illegalBefore = b.illegalArgumentCount();
    byte[] digest = sha256("x");
    byte[] rs = Arrays.copyOf(b.signRecoverable(digest, scalar(BigInteger.TEN)), 64);
    assertNull(b.recover(digest, rs, 4, true));
    assertNull(b.recover(digest, rs, -1, true));
    byte[] zero = new byte[64];
    assertNull(b.recover(digest, zero, 0, true));
    byte[] bigR = rs.clone();
    System.arraycopy(scalar(N), 0, bigR, 0, 32);
    assertNull(b.recover(digest, bigR, 0, true));
    // the backend filtered every bad input itself; none reached libsecp256k1's argument checks
    assertEquals(illegalBefore, b.illegalArgumentCount());
  }

  @Test
  void wrongLengthsAreRejectedBeforeReachingC() {
    byte[] k = scalar(BigInteger.ONE);
    assertThrows(IllegalArgumentException.class, () -> b.publicKey(new byte[31], true));
    assertThrows(IllegalArgumentException.class, () -> b.publicKey(null, true));
    assertThrows(IllegalArgumentException.class, () -> b.signRecoverable(new byte[33], k));
    assertThrows(IllegalArgumentException.class, () -> b.signRecoverable(new byte[32], new byte[1]));
    assertThrows(
        IllegalArgumentException.class, () -> b.verify(new byte[32], new byte[63], new byte[33]));
    assertThrows(
        IllegalArgumentException.class, () -> b.recover(new byte[32], new byte[65], 0, true));
    assertThrows(
        IllegalArgumentException.class,
        () -> b.publicKeyTweakAdd(b.publicKey(k, true), new byte[31], true));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> b.publicKey(new byte[32], true));
    assertTrue(e.getMessage().contains("privateKey"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> b.signRecoverable(new byte[32], scalar(N)));
  }

  @Test
  void misuseReachingTheLibraryDoesNotAbortTheJvm() {
    // recid 4 is an ARG_CHECK failure inside libsecp256k1; by default it calls abort(). The
    // backend's illegal-argument callback returns instead, and the function returns 0.
    LibSecp256k1Backend.Binding binding = b.binding();
    long before = b.illegalArgumentCount();
    int rc =
        binding.lib.secp256k1_ecdsa_recoverable_signature_parse_compact(
            binding.ctx, new byte[65], new byte[64], 4);
    assertEquals(0, rc);
    assertEquals(before + 1, b.illegalArgumentCount());
  }

  @Test
  void concurrentUseGivesTheSameResults() throws Exception {
    int keys = 64;
    byte[][] expected = new byte[keys][];
    for (int i = 0; i < keys; i++) {
      expected[i] = b.signRecoverable(sha256("m" + i), scalar(BigInteger.valueOf(1000 + i)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        final int offset = t;
        results.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 20; round++) {
                    for (int i = 0; i < keys; i++) {
                      int k = (i + offset * 7) % keys;
                      byte[] digest = sha256("m" + k);
                      byte[] sig = b.signRecoverable(digest, scalar(BigInteger.valueOf(1000 + k)));
                      if (!Arrays.equals(sig, expected[k])) {
                        return false;
                      }
                      byte[] rs = Arrays.copyOf(sig, 64);
                      byte[] pub = b.recover(digest, rs, sig[64], true);
                      if (!b.verify(digest, rs, pub)) {
                        return false;
                      }
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> f : results) {
        assertTrue(f.get(2, TimeUnit.MINUTES));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
