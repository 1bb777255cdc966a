package dev.cairn.hsm.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.crypto.Ed25519PrivateKey;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.SignerDescriptor;
import dev.cairn.core.signer.SignerException;
import dev.cairn.core.signer.Signers;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Keys, a device stand-in that counts how often it is asked, and assertions shared by the policy tests. */
final class Fixtures {
  private Fixtures() {}

  static final byte[] SECP_SECRET = Hex.decode("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
  static final byte[] ED_SEED = Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

  static Secp256k1PrivateKey secp() {
    return Secp256k1PrivateKey.of(SECP_SECRET.clone());
  }

  static Ed25519PrivateKey ed() {
    return Ed25519PrivateKey.fromSeed(ED_SEED.clone());
  }

  /** Wraps a signer, counting requests that reach it; optionally fails every {@code failEvery}-th one. */
  static final class Device implements Signer {
    final Signer inner;
    final String keyId;
    final AtomicInteger asked = new AtomicInteger();
    final int failEvery;

    Device(Signer inner, String keyId, int failEvery) {
      this.inner = inner;
      this.keyId = keyId;
      this.failEvery = failEvery;
    }

    static Device of(Signer inner) {
      return new Device(inner, "test-key", 0);
    }

    @Override
    public KeyType keyType() {
      return inner.keyType();
    }

    @Override
    public byte[] publicKey() {
      return inner.publicKey();
    }

    @Override
    public boolean supports(SignRequest.Kind kind) {
      return inner.supports(kind);
    }

    @Override
    public SignerDescriptor descriptor() {
      SignerDescriptor d = inner.descriptor().withBackend("test-device");
      return keyId == null ? d : d.withKeyId(keyId);
    }

    @Override
    public CompletableFuture<Signature> signAsync(SignRequest request) {
      int n = asked.incrementAndGet();
      if (failEvery > 0 && n % failEvery == 0) {
        CompletableFuture<Signature> f = new CompletableFuture<>();
        f.completeExceptionally(new SignerException(SignerException.Reason.REJECTED_BY_USER, "device", "user pressed reject"));
        return f;
      }
      return inner.signAsync(request);
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  /** Asserts a POLICY_DENIED failure of {@code rule} whose message mentions {@code offending}; returns the message. */
  static String denied(Signer s, SignRequest r, String rule, String offending) {
    CompletableFuture<Signature> f = s.signAsync(r);
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
    SignerException se = assertInstanceOf(SignerException.class, e.getCause());
    assertEquals(SignerException.Reason.POLICY_DENIED, se.reason(), se.getMessage());
    assertEquals("policy." + rule, se.field(), se.getMessage());
    if (offending != null) {
      assertTrue(se.getMessage().contains(offending), se.getMessage() + " should name " + offending);
    }
    return se.getMessage();
  }

  static Signature signed(Signer s, SignRequest r) {
    return s.sign(r, java.time.Duration.ofSeconds(30));
  }
}
