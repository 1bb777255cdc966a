package dev.cairn.core.signer;

import static org.junit.jupiter.api.Assertions.*;

import dev.cairn.core.signer.SignRequest.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SignRequestTest {
  private static final byte[] D = new byte[32];

  private static void invalid(String field, Executable e) {
    SignerException ex = assertThrows(SignerException.class, e);
    assertEquals(SignerException.Reason.INVALID_REQUEST, ex.reason());
    assertEquals(field, ex.field());
    assertTrue(ex.getMessage().startsWith(field + ":"), ex.getMessage());
  }

  @Test
  void validatesPerKind() {
    invalid("digest", () -> SignRequest.digest(new byte[31]));
    invalid("digest", () -> SignRequest.digest(null));
    invalid("digest", () -> SignRequest.of(Kind.EVM_TRANSACTION, new byte[] {1}));
    invalid("digest", () -> SignRequest.of(Kind.COSMOS_AMINO_JSON, new byte[] {'{', '}'}, new byte[33]));
    invalid("digest", () -> SignRequest.of(Kind.SOLANA_MESSAGE, new byte[] {1}, D));
    invalid("digest", () -> SignRequest.of(Kind.DIGEST, D, new byte[] {1}));
    invalid("payload", () -> SignRequest.of(Kind.EVM_TRANSACTION, new byte[0], D));
    invalid("payload", () -> SignRequest.of(Kind.SOLANA_MESSAGE, new byte[0]));
    invalid("payload", () -> SignRequest.of(Kind.EVM_TYPED_DATA, new byte[65], D));
    invalid("payload", () -> SignRequest.of(Kind.EVM_AUTHORIZATION, new byte[] {0x05}, D));
    invalid("payload", () -> SignRequest.of(Kind.EVM_AUTHORIZATION, new byte[] {0x04, (byte) 0xc0}, D));
    invalid("digest", () -> SignRequest.of(Kind.EVM_AUTHORIZATION, new byte[] {0x05, (byte) 0xc0}));
    assertEquals(Kind.EVM_AUTHORIZATION,
        SignRequest.of(Kind.EVM_AUTHORIZATION, new byte[] {0x05, (byte) 0xc0}, D).kind());
    invalid("payload", () -> SignRequest.of(Kind.EVM_TYPED_DATA, new byte[66], D));
    invalid("payload", () -> SignRequest.message(null));
    invalid("kind", () -> SignRequest.of(null, new byte[1]));
    byte[] typed = new byte[66];
    typed[0] = 0x19;
    typed[1] = 0x01;
    assertEquals(Kind.EVM_TYPED_DATA, SignRequest.of(Kind.EVM_TYPED_DATA, typed, D).kind());
    assertTrue(SignRequest.of(Kind.MESSAGE, new byte[] {1}, D).hasDigest());
    assertFalse(SignRequest.message(new byte[0]).hasDigest());
    assertEquals(SignRequest.digest(D), SignRequest.of(Kind.DIGEST, D, D));
  }

  @Test
  void immutableAndRedacted() {
    byte[] payload = {1, 2, 3};
    byte[] digest = new byte[32];
    SignRequest r = SignRequest.of(Kind.EVM_PERSONAL_MESSAGE, payload, digest);
    payload[0] = 9;
    digest[0] = 9;
    assertEquals(1, r.payload()[0]);
    assertEquals(0, r.digest().get()[0]);
    r.payload()[1] = 7;
    assertEquals(2, r.payload()[1]);
    assertEquals(3, r.payloadLength());
    assertEquals(r, SignRequest.of(Kind.EVM_PERSONAL_MESSAGE, new byte[] {1, 2, 3}, new byte[32]));
    assertEquals(r.hashCode(), SignRequest.of(Kind.EVM_PERSONAL_MESSAGE, new byte[] {1, 2, 3}, new byte[32]).hashCode());
    assertTrue(r.toString().contains("3 bytes"));
  }

  @Test
  void kindsDeclareKeyTypes() {
    assertTrue(Kind.MESSAGE.appliesTo(KeyType.SECP256K1));
    assertTrue(Kind.MESSAGE.appliesTo(KeyType.ED25519));
    assertFalse(Kind.SOLANA_MESSAGE.appliesTo(KeyType.SECP256K1));
    assertFalse(Kind.EVM_TRANSACTION.appliesTo(KeyType.ED25519));
    for (Kind k : Kind.values()) {
      assertEquals(k.appliesTo(KeyType.SECP256K1) && k != Kind.MESSAGE, k.digestRequired(), k.name());
    }
  }

  @Test
  void signatureFactories() {
    assertEquals(SignerException.Reason.INVALID_REQUEST,
        assertThrows(SignerException.class, () -> Signature.secp256k1(new byte[63], 0)).reason());
    assertThrows(SignerException.class, () -> Signature.secp256k1(new byte[64], 4));
    assertThrows(SignerException.class, () -> Signature.ed25519(new byte[65]));
    assertThrows(SignerException.class, () -> Signature.secp256k1Recoverable(new byte[64]));
    assertThrows(SignerException.class, () -> Signature.secp256k1Recoverable(null));
    Signature ed = Signature.ed25519(new byte[64]);
    assertThrows(SignerException.class, ed::toRecoverable);
    assertThrows(SignerException.class, ed::toEcdsaSignature);
    Signature unknown = Signature.secp256k1(new byte[64], Signature.UNKNOWN_RECOVERY_ID);
    assertFalse(unknown.hasRecoveryId());
    assertThrows(SignerException.class, unknown::toRecoverable);
    byte[] rsv = new byte[65];
    rsv[10] = 1;
    rsv[40] = 1;
    rsv[64] = 1;
    Signature s = Signature.secp256k1Recoverable(rsv);
    assertEquals(1, s.recoveryId());
    assertArrayEquals(rsv, s.toRecoverable());
    assertEquals(s, Signature.secp256k1(s.toEcdsaSignature()));
  }
}
