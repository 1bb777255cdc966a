package dev.cairn.nativeimpl.secp256k1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.crypto.Secp256k1;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.crypto.Secp256k1PublicKey;
import dev.cairn.core.encoding.Hex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** The SDK's key types, with libsecp256k1 selected as their backend, on a published vector. */
class PublicApiThroughNativeTest {

  @Test
  void signRecoverVerify() throws Exception {
    LibSecp256k1AvailabilityTest.requireAvailable();
    assertEquals("libsecp256k1", Secp256k1.backendName());
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest("Alan Turing".getBytes(StandardCharsets.UTF_8));
    Secp256k1PrivateKey key =
        Secp256k1PrivateKey.of(
            Hex.decode("f8b8af8ce3c7cca5e300d33939540c10d45ce001b8f252bfbc57ba0342904181"));
    EcdsaSignature sig = key.sign(digest);
    assertEquals(
        "7063ae83e7f62bbb171798131b4a0564b956930092b33b07b395615d9ec7e15c"
            + "58dfcc1e00a35e1572f366ffe34ba0fc47db1e7189759b9fb233c5b05ab388ea",
        Hex.encode(sig.toCompact()));
    assertTrue(sig.isLowS());
    Secp256k1PublicKey pub = key.publicKey();
    assertEquals(
        "0292df7b245b81aa637ab4e867c8d511008f79161a97d64f2ac709600352f7acbc",
        Hex.encode(pub.compressed()));
    assertEquals(pub, Secp256k1PublicKey.recover(digest, sig));
    assertTrue(pub.verify(digest, sig));
    EcdsaSignature high =
        EcdsaSignature.of(sig.r(), Secp256k1.ORDER.subtract(sig.s()), sig.recoveryId() ^ 1);
    assertTrue(pub.verify(digest, high));
    assertFalse(pub.verifyStrict(digest, high));
    byte[] tweak = new byte[32];
    tweak[31] = 7;
    assertArrayEquals(key.tweakAdd(tweak).publicKey().compressed(), pub.tweakAdd(tweak).compressed());
    key.destroy();
  }
}
