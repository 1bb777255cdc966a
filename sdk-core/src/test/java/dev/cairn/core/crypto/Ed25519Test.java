package dev.cairn.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.encoding.Hex;
import java.security.SecureRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Ed25519Test {

  /** RFC 8032 section 7.1, TEST 1 and TEST 3. */
  @Test
  void rfc8032Vectors() {
    Ed25519PrivateKey k1 = Ed25519PrivateKey.fromSeed(
        Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    assertEquals("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        Hex.encode(k1.publicKey().bytes()));
    assertEquals("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
        + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        Hex.encode(k1.sign(new byte[0])));

    Ed25519PrivateKey k3 = Ed25519PrivateKey.fromSeed(
        Hex.decode("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7"));
    byte[] msg = Hex.decode("af82");
    byte[] sig = k3.sign(msg);
    assertEquals("6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
        + "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a", Hex.encode(sig));
    assertTrue(k3.publicKey().verify(msg, sig));
  }

  @Property(tries = 100)
  void signVerifyRoundTrip(@ForAll @Size(32) byte[] seed, @ForAll @Size(max = 300) byte[] message) {
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(seed);
    Ed25519PublicKey pub = key.publicKey();
    byte[] sig = key.sign(message);
    assertEquals(64, sig.length);
    assertTrue(pub.verify(message, sig));
    assertArrayEquals(sig, key.sign(message), "deterministic");
    assertEquals(pub, Ed25519PublicKey.of(pub.bytes()));
    assertArrayEquals(seed, key.seed());
    byte[] tampered = sig.clone();
    tampered[message.length % 64] ^= 1;
    assertFalse(pub.verify(message, tampered));
    assertFalse(pub.verify(message, java.util.Arrays.copyOf(sig, 63)));
  }

  @Test
  void validationAndLifecycle() {
    assertThrows(CryptoException.class, () -> Ed25519PrivateKey.fromSeed(new byte[31]));
    assertThrows(CryptoException.class, () -> Ed25519PrivateKey.fromSeed(null));
    assertThrows(CryptoException.class, () -> Ed25519PublicKey.of(new byte[33]));
    // y = 2 is not the y-coordinate of any point on edwards25519
    byte[] notAPoint = new byte[32];
    notAPoint[0] = 2;
    assertThrows(CryptoException.class, () -> Ed25519PublicKey.of(notAPoint));

    Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());
    assertFalse(key.toString().contains(Hex.encode(key.seed()).substring(0, 8)));
    key.destroy();
    assertTrue(key.isDestroyed());
    assertThrows(IllegalStateException.class, key::seed);
    assertThrows(IllegalStateException.class, () -> key.sign(new byte[1]));
    assertThrows(IllegalStateException.class, key::publicKey);
    assertThrows(CryptoException.class, () -> Ed25519PublicKey.of(new byte[32]).verify(null, new byte[64]));
  }
}
