package dev.cairn.core.signer;

import static org.junit.jupiter.api.Assertions.*;

import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.crypto.Ed25519PrivateKey;
import dev.cairn.core.crypto.Ed25519PublicKey;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.crypto.Secp256k1PublicKey;
import dev.cairn.core.encoding.Hex;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import net.jqwik.api.*;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

class SoftwareSignerTest {
  private static final dev.cairn.core.chain.AccountId EVM_ACCOUNT =
      dev.cairn.core.chain.AccountId.parse("eip155:1:0xab5801a7d398351b8be11c439e05c5b3259aec9b");
  private static final dev.cairn.core.chain.AccountId SOL_ACCOUNT =
      dev.cairn.core.chain.AccountId.parse("solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp:9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM");

  private static final String SECP_KEY = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
  // RFC 8032, section 7.1, TEST 1 and TEST 2
  private static final String ED_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
  private static final String ED_PUB = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
  private static final String ED_SIG_EMPTY = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
  private static final String ED2_SEED = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";
  private static final String ED2_SIG_72 = "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";

  private static SoftwareSigner secp() {
    return Signers.software(Secp256k1PrivateKey.of(Hex.decode(SECP_KEY)));
  }

  private static byte[] digest(int seed) {
    byte[] d = new byte[32];
    for (int i = 0; i < 32; i++) {
      d[i] = (byte) (seed * 31 + i * 7);
    }
    return d;
  }

  @Test
  void secp256k1SignsDigestVerifiableAndRecoverable() {
    SoftwareSigner signer = secp();
    assertEquals(KeyType.SECP256K1, signer.keyType());
    byte[] pub = signer.publicKey();
    assertEquals(33, pub.length);
    byte[] d = digest(1);
    Signature sig = signer.sign(SignRequest.digest(d));
    assertEquals(KeyType.SECP256K1, sig.keyType());
    assertEquals(64, sig.bytes().length);
    assertTrue(sig.hasRecoveryId());
    assertTrue(sig.recoveryId() >= 0 && sig.recoveryId() <= 3);
    EcdsaSignature ecdsa = sig.toEcdsaSignature();
    assertTrue(ecdsa.isLowS());
    assertTrue(Secp256k1PublicKey.fromBytes(pub).verify(d, ecdsa));
    assertArrayEquals(pub, Secp256k1PublicKey.recover(d, ecdsa).compressed());
    assertEquals(sig, Signature.secp256k1Recoverable(sig.toRecoverable()));
  }

  @Test
  void secp256k1MatchesWeb3jOracle() {
    byte[] d = digest(7);
    Signature sig = secp().sign(SignRequest.digest(d));
    Sign.SignatureData w = Sign.signMessage(d, ECKeyPair.create(new BigInteger(SECP_KEY, 16)), false);
    byte[] rs = new byte[64];
    System.arraycopy(w.getR(), 0, rs, 0, 32);
    System.arraycopy(w.getS(), 0, rs, 32, 32);
    assertArrayEquals(rs, sig.bytes());
    assertEquals(w.getV()[0] - 27, sig.recoveryId());
  }

  @Test
  void secp256k1SignsChainKindsByTheirDigest() {
    SoftwareSigner signer = secp();
    byte[] rlp = Hex.decode("02ef0180843b9aca00850ba43b740082520894000000000000000000000000000000000000dead8080c0");
    byte[] d = dev.cairn.core.hash.Keccak256.hash(rlp);
    Signature viaTx = signer.sign(SignRequest.of(SignRequest.Kind.EVM_TRANSACTION, EVM_ACCOUNT, rlp));
    Signature viaDigest = signer.sign(SignRequest.digest(d));
    assertEquals(viaDigest, viaTx);
    for (SignRequest.Kind k : SignRequest.Kind.values()) {
      assertEquals(k.appliesTo(KeyType.SECP256K1) && k.digestRequired(), signer.supports(k), k.name());
    }
  }

  @Test
  void ed25519MatchesRfc8032AndVerifies() {
    SoftwareSigner signer = Signers.software(Ed25519PrivateKey.fromSeed(Hex.decode(ED_SEED)));
    assertEquals(KeyType.ED25519, signer.keyType());
    assertEquals(ED_PUB, Hex.encode(signer.publicKey()));
    Signature sig = signer.sign(SignRequest.message(new byte[0]));
    assertEquals(ED_SIG_EMPTY, Hex.encode(sig.bytes()));
    assertFalse(sig.hasRecoveryId());
    SoftwareSigner signer2 = Signers.software(Ed25519PrivateKey.fromSeed(Hex.decode(ED2_SEED)));
    Signature sig2 = signer2.sign(SignRequest.of(SignRequest.Kind.SOLANA_MESSAGE, SOL_ACCOUNT, new byte[] {0x72}));
    assertEquals(ED2_SIG_72, Hex.encode(sig2.bytes()));
    assertTrue(Ed25519PublicKey.of(signer2.publicKey()).verify(new byte[] {0x72}, sig2.bytes()));
    assertTrue(signer.supports(SignRequest.Kind.MESSAGE));
    assertTrue(signer.supports(SignRequest.Kind.SOLANA_MESSAGE));
    assertFalse(signer.supports(SignRequest.Kind.DIGEST));
  }

  @Test
  void unsupportedKindsRefusedInTheFuture() {
    SoftwareSigner s = secp();
    SoftwareSigner e = Signers.software(Ed25519PrivateKey.fromSeed(Hex.decode(ED_SEED)));
    assertUnsupported(s, SignRequest.message(new byte[] {1, 2, 3}));
    assertUnsupported(s, SignRequest.of(SignRequest.Kind.SOLANA_MESSAGE, SOL_ACCOUNT, new byte[] {1}));
    assertUnsupported(e, SignRequest.digest(digest(1)));
    assertUnsupported(e, SignRequest.of(SignRequest.Kind.EVM_TRANSACTION, EVM_ACCOUNT, new byte[] {1}));
    assertUnsupported(e, SignRequest.of(SignRequest.Kind.COSMOS_SIGN_DOC_DIRECT,
        dev.cairn.core.chain.AccountId.parse("cosmos:cosmoshub-4:cosmos1a8d4gc0w5ee0mdtkjmfsmttmd8w8ldr7ahg3sq"), new byte[] {1}));
  }

  private static void assertUnsupported(Signer signer, SignRequest request) {
    CompletableFuture<Signature> f = signer.signAsync(request);
    assertTrue(f.isCompletedExceptionally());
    CompletionException ce = assertThrows(CompletionException.class, f::join);
    SignerException se = assertInstanceOf(SignerException.class, ce.getCause());
    assertEquals(SignerException.Reason.UNSUPPORTED_REQUEST, se.reason());
    assertEquals("kind", se.field());
    SignerException thrown = assertThrows(SignerException.class, () -> signer.sign(request));
    assertEquals(SignerException.Reason.UNSUPPORTED_REQUEST, thrown.reason());
    assertTrue(thrown.getMessage().contains(request.kind().name()));
  }

  @Test
  void asyncCompletesImmediatelyInTheCallingThread() {
    CompletableFuture<Signature> f = secp().signAsync(SignRequest.digest(digest(2)));
    assertTrue(f.isDone());
    assertFalse(f.isCompletedExceptionally());
    Thread caller = Thread.currentThread();
    Thread[] ran = new Thread[1];
    f.thenRun(() -> ran[0] = Thread.currentThread());
    assertSame(caller, ran[0]);
    CompletableFuture<Signature> nul = secp().signAsync(null);
    assertTrue(nul.isCompletedExceptionally());
  }

  @Test
  void destroyAndCloseDestroyTheKey() {
    Secp256k1PrivateKey key = Secp256k1PrivateKey.of(Hex.decode(SECP_KEY));
    SoftwareSigner signer = Signers.software(key);
    assertFalse(signer.isDestroyed());
    signer.destroy();
    assertTrue(key.isDestroyed());
    assertTrue(signer.isDestroyed());
    SignerException e = assertThrows(SignerException.class, () -> signer.sign(SignRequest.digest(digest(1))));
    assertEquals(SignerException.Reason.DEVICE_UNAVAILABLE, e.reason());
    signer.destroy(); // idempotent
    assertEquals(33, signer.publicKey().length, "public key stays available");

    Ed25519PrivateKey ed = Ed25519PrivateKey.fromSeed(Hex.decode(ED_SEED));
    try (SoftwareSigner s = Signers.software(ed)) {
      assertNotNull(s.sign(SignRequest.message(new byte[] {1})));
    }
    assertTrue(ed.isDestroyed());
    SignerException e2 = assertThrows(SignerException.class, () -> Signers.software(ed));
    assertEquals(SignerException.Reason.DEVICE_UNAVAILABLE, e2.reason());
    assertEquals(SignerException.Reason.INVALID_REQUEST,
        assertThrows(SignerException.class, () -> Signers.software((Secp256k1PrivateKey) null)).reason());
  }

  @Test
  void toStringHasNoSecret() {
    SoftwareSigner s = secp();
    assertFalse(s.toString().toLowerCase().contains(SECP_KEY));
    assertTrue(s.toString().contains(Hex.encode(s.publicKey())));
    SoftwareSigner e = Signers.software(Ed25519PrivateKey.fromSeed(Hex.decode(ED_SEED)));
    assertFalse(e.toString().contains(ED_SEED));
    assertTrue(e.toString().contains(ED_PUB));
    e.destroy();
    assertTrue(e.toString().contains("destroyed"));
  }

  @Test
  void blockingSignUnwrapsFailuresAndTimesOut() {
    Signer never = new StubSigner(new CompletableFuture<>());
    SignerException t = assertThrows(SignerException.class,
        () -> never.sign(SignRequest.digest(digest(1)), Duration.ofMillis(5)));
    assertEquals(SignerException.Reason.TIMEOUT, t.reason());

    CompletableFuture<Signature> boom = new CompletableFuture<>();
    boom.completeExceptionally(new IllegalStateException("usb gone"));
    SignerException f = assertThrows(SignerException.class, () -> new StubSigner(boom).sign(SignRequest.digest(digest(1))));
    assertEquals(SignerException.Reason.FAILED, f.reason());
    assertInstanceOf(IllegalStateException.class, f.getCause());

    CompletableFuture<Signature> rejected = new CompletableFuture<>();
    rejected.completeExceptionally(new SignerException(SignerException.Reason.REJECTED_BY_USER, "device", "user pressed reject"));
    SignerException r = assertThrows(SignerException.class, () -> new StubSigner(rejected).sign(SignRequest.digest(digest(1))));
    assertEquals(SignerException.Reason.REJECTED_BY_USER, r.reason());

    CompletableFuture<Signature> cancelled = new CompletableFuture<>();
    cancelled.cancel(true);
    assertEquals(SignerException.Reason.CANCELLED,
        assertThrows(SignerException.class, () -> new StubSigner(cancelled).sign(SignRequest.digest(digest(1)))).reason());
    assertEquals(SignerException.Reason.INVALID_REQUEST,
        assertThrows(SignerException.class, () -> never.sign(SignRequest.digest(digest(1)), Duration.ofSeconds(-1))).reason());
  }

  @Property(tries = 50)
  void secp256k1RandomDigestsVerify(@ForAll("digests") byte[] d) {
    SoftwareSigner s = secp();
    Signature sig = s.sign(SignRequest.digest(d));
    assertTrue(Secp256k1PublicKey.fromBytes(s.publicKey()).verify(d, sig.toEcdsaSignature()));
    assertArrayEquals(s.publicKey(), Secp256k1PublicKey.recover(d, sig.toEcdsaSignature()).compressed());
  }

  @Property(tries = 50)
  void ed25519RandomMessagesVerify(@ForAll byte[] message) {
    SoftwareSigner s = Signers.software(Ed25519PrivateKey.fromSeed(Hex.decode(ED2_SEED)));
    Signature sig = s.sign(SignRequest.message(message));
    assertTrue(Ed25519PublicKey.of(s.publicKey()).verify(message, sig.bytes()));
    byte[] other = Arrays.copyOf(message, message.length + 1);
    assertFalse(Ed25519PublicKey.of(s.publicKey()).verify(other, sig.bytes()));
  }

  @Provide
  Arbitrary<byte[]> digests() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32);
  }

  /** A signer whose future is supplied by the test. */
  private static final class StubSigner implements Signer {
    private final CompletableFuture<Signature> future;

    StubSigner(CompletableFuture<Signature> future) {
      this.future = future;
    }

    @Override
    public KeyType keyType() {
      return KeyType.SECP256K1;
    }

    @Override
    public byte[] publicKey() {
      return new byte[33];
    }

    @Override
    public boolean supports(SignRequest.Kind kind) {
      return true;
    }

    @Override
    public CompletableFuture<Signature> signAsync(SignRequest request) {
      return future;
    }
  }
}
