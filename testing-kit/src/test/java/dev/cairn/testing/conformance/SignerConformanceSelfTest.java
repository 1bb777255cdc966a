package dev.cairn.testing.conformance;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.SignerDescriptor;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The signer suite can fail: broken signers are caught. */
class SignerConformanceSelfTest {
  private static final byte[] KEY = Keccak256.hash(new byte[] {42});

  /** Wraps a software signer, changing one behaviour. */
  private static Signer broken(UnaryOperator<CompletableFuture<Signature>> onSign, boolean throwOnNull, boolean lyingDescriptor) {
    SoftwareSigner real = Signers.software(Secp256k1PrivateKey.of(KEY));
    return new Signer() {
      @Override
      public KeyType keyType() {
        return real.keyType();
      }

      @Override
      public byte[] publicKey() {
        return real.publicKey();
      }

      @Override
      public boolean supports(SignRequest.Kind kind) {
        return real.supports(kind);
      }

      @Override
      public SignerDescriptor descriptor() {
        return lyingDescriptor ? SignerDescriptor.of(KeyType.SECP256K1, real.publicKey(), EnumSet.of(SignRequest.Kind.DIGEST))
            : real.descriptor();
      }

      @Override
      public CompletableFuture<Signature> signAsync(SignRequest request) {
        if (request == null && throwOnNull) {
          throw new NullPointerException("request");
        }
        return onSign.apply(real.signAsync(request));
      }

      @Override
      public void close() {
        real.close();
      }
    };
  }

  private static SignerConformance suiteFor(java.util.function.Supplier<Signer> signers) {
    return new SignerConformance() {
      @Override
      protected Signer createSigner() {
        return signers.get();
      }
    };
  }

  @Test
  void aSignerThatThrowsFails() {
    SignerConformance suite = suiteFor(() -> broken(f -> f, true, false));
    assertThrows(AssertionError.class, suite::signAsyncNeverThrowsForNull);
  }

  @Test
  void aSignerWhoseSignaturesDoNotVerifyFails() {
    Signature other = Signers.software(Secp256k1PrivateKey.of(Keccak256.hash(new byte[] {1})))
        .sign(SignRequest.digest(new byte[32]));
    SignerConformance suite = suiteFor(() -> broken(f -> f.thenApply(s -> other), false, false));
    assertThrows(AssertionError.class, suite::everyKindIsSignedOrRefusedAsSupportsSays);
  }

  @Test
  void aDescriptorThatDisagreesFails() {
    SignerConformance suite = suiteFor(() -> broken(f -> f, false, true));
    assertThrows(AssertionError.class, suite::descriptorAgreesWithTheSigner);
  }

  @Test
  void aSignerThatStillSignsAfterCloseFails() {
    Signer keepsSigning = new Signer() {
      final SoftwareSigner real = Signers.software(Secp256k1PrivateKey.of(KEY));

      @Override
      public KeyType keyType() {
        return real.keyType();
      }

      @Override
      public byte[] publicKey() {
        return real.publicKey();
      }

      @Override
      public boolean supports(SignRequest.Kind kind) {
        return real.supports(kind);
      }

      @Override
      public CompletableFuture<Signature> signAsync(SignRequest request) {
        return real.signAsync(request);
      }
    };
    SignerConformance suite = suiteFor(() -> keepsSigning);
    assertThrows(AssertionError.class, suite::closeIsIdempotentAndSigningAfterwardsFailsTyped);
  }
}
