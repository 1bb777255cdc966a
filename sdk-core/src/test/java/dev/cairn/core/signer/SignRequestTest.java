package dev.cairn.core.signer;

import static org.junit.jupiter.api.Assertions.*;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.ChainFamily;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Hashes;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.core.signer.SignRequest.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Set;
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

  private static final AccountId EVM = AccountId.parse("eip155:1:0xab5801a7d398351b8be11c439e05c5b3259aec9b");
  private static final AccountId SOL = AccountId.parse("solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp:9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM");
  private static final AccountId ATOM = AccountId.parse("cosmos:cosmoshub-4:cosmos1a8d4gc0w5ee0mdtkjmfsmttmd8w8ldr7ahg3sq");

  @Test
  void validatesPerKind() {
    invalid("digest", () -> SignRequest.digest(new byte[31]));
    invalid("payload", () -> SignRequest.digest(null));
    invalid("account", () -> SignRequest.of(Kind.EVM_TRANSACTION, null, new byte[] {1}));
    invalid("account", () -> SignRequest.of(Kind.EVM_TRANSACTION, SOL, new byte[] {1}));
    invalid("account", () -> SignRequest.of(Kind.SOLANA_MESSAGE, EVM, new byte[] {1}));
    invalid("account", () -> SignRequest.of(Kind.COSMOS_SIGN_DOC_DIRECT_KECCAK, EVM, new byte[] {1}));
    invalid("payload", () -> SignRequest.of(Kind.EVM_TRANSACTION, EVM, new byte[0]));
    invalid("payload", () -> SignRequest.of(Kind.SOLANA_MESSAGE, SOL, new byte[0]));
    invalid("payload", () -> SignRequest.of(Kind.EVM_TYPED_DATA, EVM, new byte[65]));
    invalid("payload", () -> SignRequest.of(Kind.EVM_TYPED_DATA, EVM, new byte[66]));
    invalid("payload", () -> SignRequest.of(Kind.EVM_AUTHORIZATION, EVM, new byte[] {0x05}));
    invalid("payload", () -> SignRequest.of(Kind.EVM_AUTHORIZATION, EVM, new byte[] {0x04, (byte) 0xc0}));
    invalid("payload", () -> SignRequest.message(null));
    invalid("kind", () -> SignRequest.of(null, EVM, new byte[1]));
    invalid("document", () -> SignRequest.of(Kind.EVM_TYPED_DATA_JSON, EVM, typed()));
    invalid("document", () -> SignRequest.typedDataJson(EVM, typed(), ""));
    invalid("payload", () -> SignRequest.typedDataJson(EVM, new byte[66], "{}"));
    assertEquals(Kind.EVM_AUTHORIZATION, SignRequest.of(Kind.EVM_AUTHORIZATION, EVM, new byte[] {0x05, (byte) 0xc0}).kind());
    assertEquals(Kind.EVM_TYPED_DATA, SignRequest.of(Kind.EVM_TYPED_DATA, EVM, typed()).kind());
    assertFalse(SignRequest.message(new byte[0]).hasDigest());
    assertFalse(SignRequest.message(new byte[0]).account().isPresent());
    assertEquals(SignRequest.digest(D), SignRequest.of(Kind.DIGEST, null, D));
    assertEquals(EVM, SignRequest.of(Kind.DIGEST, EVM, D).account().orElseThrow());
  }

  private static byte[] typed() {
    byte[] t = new byte[66];
    t[0] = 0x19;
    t[1] = 0x01;
    t[40] = 7;
    return t;
  }

  @Test
  void digestIsComputedFromThePayloadByTheKind() {
    byte[] p = "hello".getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(Keccak256.hash(p), SignRequest.of(Kind.EVM_TRANSACTION, EVM, p).digest().orElseThrow());
    assertArrayEquals(Keccak256.hash(typed()), SignRequest.of(Kind.EVM_TYPED_DATA, EVM, typed()).digest().orElseThrow());
    assertArrayEquals(Keccak256.hash(typed()), SignRequest.typedDataJson(EVM, typed(), "{\"x\":1}").digest().orElseThrow());
    // EIP-191: "\x19Ethereum Signed Message:\n5hello"
    assertEquals("50b2c43fd39106bafbba0da34fc430e1f91e3c96ea2acee2bc34119f92b37750",
        Hex.encode(SignRequest.of(Kind.EVM_PERSONAL_MESSAGE, EVM, p).digest().orElseThrow()));
    assertArrayEquals(Hashes.sha256(p), SignRequest.of(Kind.COSMOS_AMINO_JSON, ATOM, p).digest().orElseThrow());
    assertArrayEquals(Hashes.sha256(p), SignRequest.of(Kind.COSMOS_SIGN_DOC_DIRECT, ATOM, p).digest().orElseThrow());
    assertArrayEquals(Keccak256.hash(p), SignRequest.of(Kind.COSMOS_AMINO_JSON_KECCAK, ATOM, p).digest().orElseThrow());
    assertArrayEquals(Keccak256.hash(p), SignRequest.of(Kind.COSMOS_SIGN_DOC_DIRECT_KECCAK, ATOM, p).digest().orElseThrow());
    assertFalse(SignRequest.of(Kind.SOLANA_MESSAGE, SOL, p).hasDigest());
    assertArrayEquals(D, SignRequest.digest(D).digest().orElseThrow());
  }

  @Test
  void aDigestThatIsNotTheHashOfThePayloadIsRefused() {
    byte[] p = {1, 2, 3};
    byte[] right = Keccak256.hash(p);
    assertEquals(SignRequest.of(Kind.EVM_TRANSACTION, EVM, p), SignRequest.of(Kind.EVM_TRANSACTION, EVM, p, right));
    byte[] wrong = right.clone();
    wrong[31] ^= 1;
    invalid("digest", () -> SignRequest.of(Kind.EVM_TRANSACTION, EVM, p, wrong));
    invalid("digest", () -> SignRequest.of(Kind.COSMOS_SIGN_DOC_DIRECT, ATOM, p, right)); // sha256 kind, keccak digest
    invalid("digest", () -> SignRequest.of(Kind.SOLANA_MESSAGE, SOL, p, right));
    invalid("digest", () -> SignRequest.of(Kind.DIGEST, null, D, new byte[] {1}));
  }

  @Test
  void immutableAndRedacted() {
    byte[] payload = {1, 2, 3};
    SignRequest r = SignRequest.of(Kind.EVM_PERSONAL_MESSAGE, EVM, payload);
    payload[0] = 9;
    assertEquals(1, r.payload()[0]);
    r.payload()[1] = 7;
    assertEquals(2, r.payload()[1]);
    r.digest().get()[0] ^= 1;
    assertArrayEquals(SignRequest.of(Kind.EVM_PERSONAL_MESSAGE, EVM, new byte[] {1, 2, 3}).digest().get(), r.digest().get());
    assertEquals(3, r.payloadLength());
    assertEquals(r, SignRequest.of(Kind.EVM_PERSONAL_MESSAGE, EVM, new byte[] {1, 2, 3}));
    assertNotEquals(r, SignRequest.of(Kind.EVM_PERSONAL_MESSAGE, AccountId.parse("eip155:10:0xab5801a7d398351b8be11c439e05c5b3259aec9b"), new byte[] {1, 2, 3}));
    assertEquals(r.hashCode(), SignRequest.of(Kind.EVM_PERSONAL_MESSAGE, EVM, new byte[] {1, 2, 3}).hashCode());
    assertTrue(r.toString().contains("3 bytes"));
    assertTrue(r.toString().contains(EVM.toString()));
  }

  @Test
  void kindsDeclareKeyTypesFamiliesAndDigests() {
    assertTrue(Kind.MESSAGE.appliesTo(KeyType.SECP256K1));
    assertTrue(Kind.MESSAGE.appliesTo(KeyType.ED25519));
    assertFalse(Kind.SOLANA_MESSAGE.appliesTo(KeyType.SECP256K1));
    assertFalse(Kind.EVM_TRANSACTION.appliesTo(KeyType.ED25519));
    for (Kind k : Kind.values()) {
      assertEquals(k.appliesTo(KeyType.SECP256K1) && k != Kind.MESSAGE, k.digestRequired(), k.name());
      assertEquals(k != Kind.MESSAGE && k != Kind.DIGEST, k.accountRequired(), k.name());
    }
    assertEquals(ChainFamily.COSMOS, Kind.COSMOS_AMINO_JSON_KECCAK.family().orElseThrow());
    assertEquals(SignRequest.DigestAlgorithm.SHA256, Kind.COSMOS_AMINO_JSON.digestAlgorithm());
  }

  @Test
  void descriptorsValidateAndNeverShowSecrets() throws Exception {
    try (SoftwareSigner s = Signers.software(Secp256k1PrivateKey.of(Keccak256.hash(new byte[] {1})))) {
      SignerDescriptor d = s.descriptor();
      assertEquals("software", d.backend());
      assertEquals(KeyType.SECP256K1, d.keyType());
      assertArrayEquals(s.publicKey(), d.publicKey());
      for (Kind k : Kind.values()) {
        assertEquals(s.supports(k), d.supports(k), k.name());
      }
      assertTrue(d.toString().contains(Hex.encode(s.publicKey())));
      SignerDescriptor ledger = SignerDescriptor.of(KeyType.SECP256K1, s.publicKey(), Set.of(Kind.COSMOS_AMINO_JSON))
          .withBackend("ledger").withKeyId("nano-x").withDerivationPath("m/44'/118'/0'/0/0");
      assertEquals("m/44'/118'/0'/0/0", ledger.derivationPath().orElseThrow());
      assertEquals("nano-x", ledger.keyId().orElseThrow());
      assertFalse(ledger.supports(Kind.COSMOS_SIGN_DOC_DIRECT));
      assertNotEquals(d, ledger);
      invalid("derivationPath", () -> ledger.withDerivationPath("44/0"));
      invalid("supportedKinds", () -> SignerDescriptor.of(KeyType.SECP256K1, s.publicKey(), Set.of(Kind.SOLANA_MESSAGE)));
      invalid("publicKey", () -> SignerDescriptor.of(KeyType.ED25519, s.publicKey(), Set.of()));
      invalid("backend", () -> d.withBackend("a\nb"));
      assertThrows(UnsupportedOperationException.class, () -> d.supportedKinds().add(Kind.MESSAGE));
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
