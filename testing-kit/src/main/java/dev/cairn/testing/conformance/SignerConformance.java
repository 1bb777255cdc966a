package dev.cairn.testing.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cairn.core.crypto.Ed25519PublicKey;
import dev.cairn.core.crypto.Secp256k1PublicKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.SignerDescriptor;
import dev.cairn.core.signer.SignerException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Signer} must do, as JUnit 5 tests. Extend it and supply a signer:
 *
 * <pre>{@code
 * class LedgerSignerConformanceTest extends SignerConformance {
 *   protected Signer createSigner() { return LedgerSigner.open(...); }
 *   protected Set<SignRequest.Kind> kinds() { return Set.of(SignRequest.Kind.COSMOS_AMINO_JSON); }
 *   protected boolean deterministic() { return true; }
 * }
 * }</pre>
 *
 * Checked: {@code signAsync} never throws (null, unsupported kind, wrong key type: failed futures
 * with {@link SignerException} of the right reason); signatures verify against the public key and
 * the request's digest (or payload for Ed25519); identical requests give identical signatures
 * (unless {@link #deterministic()} is false); concurrent signing from many threads; {@code close}
 * is idempotent and signing afterwards fails with DEVICE_UNAVAILABLE; the descriptor agrees with
 * {@code publicKey}/{@code supports}; sign-request checks (a digest that is not the payload's hash is
 * refused); {@code toString} shows no secret.
 */
public abstract class SignerConformance {
  private final List<Signer> made = new ArrayList<>();

  /** A new, open signer (called once or more per test; each is closed after the test). */
  protected abstract Signer createSigner();

  /**
   * The kinds to exercise; by default every kind. For each, the signer must either sign a sample
   * request (see {@link SampleRequests}) or refuse it with UNSUPPORTED_REQUEST, as {@link
   * Signer#supports} says.
   */
  protected Set<SignRequest.Kind> kinds() {
    return EnumSet.allOf(SignRequest.Kind.class);
  }

  /** Whether identical requests give identical signatures (RFC 6979, Ed25519). Default true. */
  protected boolean deterministic() {
    return true;
  }

  /** Secret material that must never appear in {@code toString()} (e.g. the private key), if the test knows it. */
  protected Optional<byte[]> secret() {
    return Optional.empty();
  }

  /** How long to wait for one signature (devices may need a human; default 30 s). */
  protected Duration signTimeout() {
    return Duration.ofSeconds(30);
  }

  /** Threads and signatures per thread for the concurrency test (default 8 × 16). */
  protected int[] concurrency() {
    return new int[] {8, 16};
  }

  private Signer signer() {
    Signer s = createSigner();
    assertNotNull(s, "createSigner() returned null");
    made.add(s);
    return s;
  }

  @AfterEach
  void closeSigners() {
    for (Signer s : made) {
      s.close();
    }
    made.clear();
  }

  private Signature await(CompletableFuture<Signature> f) throws Exception {
    return f.get(signTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  private static SignerException failure(CompletableFuture<?> f) {
    assertNotNull(f, "signAsync returned null");
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
    return assertInstanceOf(SignerException.class, e.getCause(), "a signer fails with SignerException");
  }

  private CompletableFuture<Signature> call(Signer s, SignRequest r) {
    try {
      return s.signAsync(r);
    } catch (RuntimeException e) {
      fail("signAsync threw " + e + " instead of failing the future");
      return null;
    }
  }

  /** A supported request of the test's kinds, or fails the test if the signer supports none. */
  private SignRequest supportedRequest(Signer s, int seed) {
    for (SignRequest.Kind k : kinds()) {
      if (s.supports(k)) {
        return SampleRequests.of(k, seed);
      }
    }
    fail("the signer supports none of the kinds " + kinds());
    return null;
  }

  @Test
  public void signAsyncNeverThrowsForNull() {
    assertEquals(SignerException.Reason.INVALID_REQUEST, failure(call(signer(), null)).reason());
  }

  @Test
  public void everyKindIsSignedOrRefusedAsSupportsSays() throws Exception {
    Signer s = signer();
    for (SignRequest.Kind k : kinds()) {
      SignRequest r = SampleRequests.of(k, 1);
      if (s.supports(k)) {
        Signature sig = await(call(s, r));
        assertNotNull(sig, k.name());
        verify(s, r, sig);
      } else {
        assertEquals(SignerException.Reason.UNSUPPORTED_REQUEST, failure(call(s, r)).reason(), k.name());
      }
    }
  }

  @Test
  public void kindsOfTheOtherKeyTypeAreRefused() {
    Signer s = signer();
    for (SignRequest.Kind k : SignRequest.Kind.values()) {
      if (!k.appliesTo(s.keyType())) {
        assertFalse(s.supports(k), k + " cannot be signed with " + s.keyType());
        assertEquals(SignerException.Reason.UNSUPPORTED_REQUEST, failure(call(s, SampleRequests.of(k, 2))).reason(), k.name());
      }
    }
  }

  /** Checks {@code sig} against the signer's public key. */
  protected void verify(Signer s, SignRequest r, Signature sig) {
    assertEquals(s.keyType(), sig.keyType(), "signature key type");
    byte[] pk = s.publicKey();
    if (sig.keyType() == KeyType.ED25519) {
      assertTrue(Ed25519PublicKey.of(pk).verify(r.payload(), sig.bytes()), "Ed25519 signature verifies for " + r.kind());
      return;
    }
    Optional<byte[]> digest = r.digest();
    if (digest.isEmpty()) {
      return; // secp256k1 over a raw MESSAGE: the device's own hash, not checkable here
    }
    Secp256k1PublicKey key = Secp256k1PublicKey.fromBytes(pk);
    assertTrue(key.verify(digest.get(), sig.toEcdsaSignature()), "ECDSA signature verifies for " + r.kind());
    assertTrue(sig.toEcdsaSignature().isLowS(), "low s");
    if (sig.hasRecoveryId()) {
      assertEquals(key, Secp256k1PublicKey.recover(digest.get(), sig.toEcdsaSignature()), "recovery id recovers the key");
    }
  }

  @Test
  public void identicalRequestsGiveIdenticalSignatures() throws Exception {
    Signer s = signer();
    SignRequest r = supportedRequest(s, 3);
    Signature a = await(call(s, r));
    Signature b = await(call(s, SampleRequests.of(r.kind(), 3)));
    verify(s, r, a);
    verify(s, r, b);
    if (deterministic()) {
      assertEquals(a, b, "a deterministic signer signs identical requests identically");
    }
    Signature other = await(call(s, supportedRequest(s, 4)));
    assertFalse(Arrays.equals(a.bytes(), other.bytes()), "different requests, different signatures");
  }

  @Test
  public void concurrentSigningFromManyThreads() throws Exception {
    Signer s = signer();
    int threads = concurrency()[0];
    int each = concurrency()[1];
    CountDownLatch start = new CountDownLatch(1);
    AtomicReference<Throwable> problem = new AtomicReference<>();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int base = 1000 + t * each;
      Thread w = new Thread(() -> {
        try {
          start.await();
          for (int i = 0; i < each; i++) {
            SignRequest r = supportedRequest(s, base + i);
            verify(s, r, await(call(s, r)));
          }
        } catch (Throwable e) {
          problem.compareAndSet(null, e);
        }
      });
      w.start();
      workers.add(w);
    }
    start.countDown();
    for (Thread w : workers) {
      w.join(TimeUnit.MINUTES.toMillis(5));
      assertFalse(w.isAlive(), "a signing thread is stuck");
    }
    if (problem.get() != null) {
      throw new AssertionError("concurrent signing failed", problem.get());
    }
  }

  @Test
  public void closeIsIdempotentAndSigningAfterwardsFailsTyped() {
    Signer s = signer();
    SignRequest r = supportedRequest(s, 5);
    s.close();
    s.close();
    assertEquals(SignerException.Reason.DEVICE_UNAVAILABLE, failure(call(s, r)).reason());
    SignerException blocking = assertThrows(SignerException.class, () -> s.sign(r));
    assertEquals(SignerException.Reason.DEVICE_UNAVAILABLE, blocking.reason());
  }

  @Test
  public void descriptorAgreesWithTheSigner() {
    Signer s = signer();
    SignerDescriptor d = s.descriptor();
    assertNotNull(d);
    assertEquals(s.keyType(), d.keyType());
    assertArrayEquals(s.publicKey(), d.publicKey());
    assertEquals(s.keyType().publicKeyLength(), s.publicKey().length);
    for (SignRequest.Kind k : SignRequest.Kind.values()) {
      assertEquals(s.supports(k), d.supports(k), "descriptor and supports() disagree on " + k);
    }
    assertFalse(s.supports(null));
    assertFalse(d.backend().isEmpty());
    byte[] pk = s.publicKey();
    pk[0] ^= 1;
    assertFalse(Arrays.equals(pk, s.publicKey()), "publicKey() returns a copy");
  }

  @Test
  public void signRequestChecksRefuseADigestThatIsNotThePayloadsHash() {
    Signer s = signer();
    SignRequest r = supportedRequest(s, 6);
    if (r.hasDigest() && r.kind() != SignRequest.Kind.DIGEST && r.kind() != SignRequest.Kind.EVM_TYPED_DATA_JSON) {
      byte[] wrong = r.digest().get();
      wrong[0] ^= 1;
      SignerException e = assertThrows(SignerException.class,
          () -> SignRequest.of(r.kind(), r.account().orElse(null), r.payload(), wrong));
      assertEquals(SignerException.Reason.INVALID_REQUEST, e.reason());
      assertEquals("digest", e.field());
    }
    assertEquals(SignerException.Reason.INVALID_REQUEST, assertThrows(SignerException.class,
        () -> SignRequest.of(SignRequest.Kind.EVM_TRANSACTION, null, new byte[] {1})).reason());
  }

  @Test
  public void toStringShowsNoSecret() {
    Signer s = signer();
    String text = String.valueOf(s) + " " + s.descriptor();
    Optional<byte[]> secret = secret();
    if (secret.isPresent()) {
      byte[] k = secret.get();
      String hex = Hex.encode(k);
      assertFalse(text.toLowerCase(Locale.ROOT).contains(hex), "toString shows the secret in hex");
      assertFalse(text.contains(Base64.getEncoder().encodeToString(k)), "toString shows the secret in base64");
      assertFalse(text.contains(Arrays.toString(k)), "toString shows the secret as an array");
    }
    SignerException e = failure(call(s, null));
    if (secret.isPresent()) {
      assertFalse(String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains(Hex.encode(secret.get())));
    }
  }
}
