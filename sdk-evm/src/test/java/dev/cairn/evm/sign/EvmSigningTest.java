package dev.cairn.evm.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.abi.Address;
import dev.cairn.core.crypto.CryptoException;
import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.crypto.Secp256k1;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.SignerException;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class EvmSigningTest {

  @Test
  void personalSignVectors() throws Exception {
    JsonNode root = new ObjectMapper().readTree(TestData.read("eip/eip191_personal_sign.json"));
    int n = 0;
    for (JsonNode c : root.get("cases")) {
      byte[] message = Hex.decode(c.get("message").asText());
      if (c.has("text")) {
        assertArrayEquals(c.get("text").asText().getBytes(StandardCharsets.UTF_8), message);
      }
      Secp256k1PrivateKey key = Secp256k1PrivateKey.of(Hex.decode(c.get("privateKey").asText()));
      assertEquals(c.get("hash").asText(), Hex.encodePrefixed(EvmSigning.personalMessageHash(message)));
      String want = c.get("signature").asText();
      assertEquals(want, EvmSigning.signPersonalMessage(message, key).toHex());
      assertEquals(want, EvmSigning.signPersonalMessage(message, Signers.software(
          Secp256k1PrivateKey.of(Hex.decode(c.get("privateKey").asText())))).toHex());
      Address addr = Address.parse(c.get("address").asText().toLowerCase());
      assertEquals(addr, EvmSigning.recoverPersonalMessage(message, EvmSignature.fromHex(want)));
      n++;
    }
    assertEquals(4, n);
  }

  @Test
  void signatureForms() {
    Secp256k1PrivateKey key = Secp256k1PrivateKey.of(new byte[] {
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
      17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
    byte[] digest = new byte[32];
    Arrays.fill(digest, (byte) 7);
    EvmSignature s = EvmSigning.signDigest(digest, key);
    byte[] b = s.toBytes();
    assertEquals(65, b.length);
    assertEquals(27 + s.yParity(), b[64]);
    assertEquals(s, EvmSignature.fromBytes(b));
    b[64] = (byte) s.yParity(); // 0/1 form accepted too
    assertEquals(s, EvmSignature.fromBytes(b));
    assertTrue(s.isLowS());
    assertEquals(Address.fromPublicKey(key.publicKey()), EvmSigning.recoverAddress(digest, s));
    // high s: accepted by the parser, flagged, recovers the same key with the flipped parity
    EvmSignature high = EvmSignature.of(1 - s.yParity(), s.r(), Secp256k1.ORDER.subtract(s.s()));
    assertFalse(high.isLowS());
    assertEquals(Address.fromPublicKey(key.publicKey()), EvmSigning.recoverAddress(digest, high));
    // malformed
    b[64] = 29;
    assertThrows(CryptoException.class, () -> EvmSignature.fromBytes(b));
    assertThrows(CryptoException.class, () -> EvmSignature.fromBytes(new byte[64]));
    assertThrows(CryptoException.class, () -> EvmSignature.fromBytes(new byte[65]));
    assertThrows(CryptoException.class, () -> EvmSignature.fromBytes(null));
    assertThrows(CryptoException.class, () -> EvmSigning.recoverAddress(new byte[31], s));
  }

  /** A signer that behaves like a device: no recovery id, possibly high s, any thread. */
  static class DeviceLikeSigner implements Signer {
    private final Secp256k1PrivateKey key;
    private final boolean highS;
    SignRequest last;

    DeviceLikeSigner(Secp256k1PrivateKey key, boolean highS) {
      this.key = key;
      this.highS = highS;
    }

    @Override
    public KeyType keyType() {
      return KeyType.SECP256K1;
    }

    @Override
    public byte[] publicKey() {
      return key.publicKey().compressed();
    }

    @Override
    public boolean supports(SignRequest.Kind kind) {
      return true;
    }

    @Override
    public CompletableFuture<Signature> signAsync(SignRequest request) {
      last = request;
      EcdsaSignature s = key.sign(request.digest().orElseThrow());
      byte[] rs = s.toCompact();
      if (highS) {
        byte[] hs = EcdsaSignature.of(s.r(), Secp256k1.ORDER.subtract(s.s()), -1).toCompact();
        rs = hs;
      }
      byte[] out = rs;
      return CompletableFuture.supplyAsync(() -> Signature.secp256k1(out, Signature.UNKNOWN_RECOVERY_ID));
    }
  }

  @Test
  void signerWithoutRecoveryIdAndHighSIsNormalised() {
    Secp256k1PrivateKey key = Secp256k1PrivateKey.of(Hex.decode(
        "4af1bceebf7f3634ec3cff8a2c38e51178d5d4ce585c52d6043e5e2cc3418bb0"));
    byte[] msg = "Hello, world!".getBytes(StandardCharsets.UTF_8);
    String want = EvmSigning.signPersonalMessage(msg, key).toHex();
    for (boolean highS : new boolean[] {false, true}) {
      DeviceLikeSigner dev = new DeviceLikeSigner(key, highS);
      assertEquals(want, EvmSigning.signPersonalMessage(msg, dev).toHex());
      assertEquals(SignRequest.Kind.EVM_PERSONAL_MESSAGE, dev.last.kind());
      assertArrayEquals(msg, dev.last.payload());
      assertEquals(want, EvmSigning.signAsync(EvmSigning.personalMessageRequest(EvmSigning.accountOf(dev, 1), msg), dev).join().toHex());
    }
  }

  @Test
  void signerWithAnotherKeyIsRefused() {
    Secp256k1PrivateKey key = Secp256k1PrivateKey.of(Hex.decode(
        "4af1bceebf7f3634ec3cff8a2c38e51178d5d4ce585c52d6043e5e2cc3418bb0"));
    Secp256k1PrivateKey other = Secp256k1PrivateKey.of(Hex.decode(
        "6969696969696969696969696969696969696969696969696969696969696969"));
    Signer lying = new DeviceLikeSigner(key, false) {
      @Override
      public byte[] publicKey() {
        return other.publicKey().compressed();
      }
    };
    assertThrows(CryptoException.class, () -> EvmSigning.signPersonalMessage(new byte[] {1}, lying));
    Signer ed = Signers.software(dev.cairn.core.crypto.Ed25519PrivateKey.fromSeed(new byte[32]));
    assertThrows(SignerException.class, () -> EvmSigning.signPersonalMessage(new byte[] {1}, ed));
  }
}
