package dev.cairn.core.signer.internal;

import dev.cairn.core.encoding.Hex;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.SignerDescriptor;
import dev.cairn.core.signer.SignerException;
import dev.cairn.core.signer.SoftwareSigner;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javax.security.auth.Destroyable;

/**
 * What the software signers share: request checks, failure mapping and a toString that shows
 * only the public key. Subclasses own the key: they say which kinds they sign, how, and destroy it.
 */
abstract class SoftwareSignerBase implements SoftwareSigner {
  private final KeyType keyType;
  private final byte[] publicKey;
  private volatile SignerDescriptor descriptor;

  SoftwareSignerBase(KeyType keyType, byte[] publicKey) {
    this.keyType = keyType;
    this.publicKey = publicKey;
  }

  /** Null and destroyed checks for a constructor argument; returns {@code key}. */
  static <K extends Destroyable> K checkKey(K key) {
    if (key == null) {
      throw new SignerException(SignerException.Reason.INVALID_REQUEST, "key", "is null");
    }
    if (key.isDestroyed()) {
      throw destroyed();
    }
    return key;
  }

  /** Signs a request whose kind {@link #supports} accepted, with a live key; may throw. */
  abstract Signature signSupported(SignRequest request);

  @Override
  public final KeyType keyType() {
    return keyType;
  }

  @Override
  public final byte[] publicKey() {
    return publicKey.clone();
  }

  /** Backend {@code "software"}, no key id, no path; built once. */
  @Override
  public final SignerDescriptor descriptor() {
    SignerDescriptor d = descriptor;
    if (d == null) {
      d = SignerDescriptor.describe(this).withBackend("software");
      descriptor = d;
    }
    return d;
  }

  @Override
  public final CompletableFuture<Signature> signAsync(SignRequest request) {
    try {
      if (request == null) {
        throw new SignerException(SignerException.Reason.INVALID_REQUEST, "request", "is null");
      }
      if (!supports(request.kind())) {
        throw new SignerException(SignerException.Reason.UNSUPPORTED_REQUEST, "kind",
            "a software " + keyType + " signer cannot sign " + request.kind());
      }
      if (isDestroyed()) {
        throw destroyed();
      }
      return CompletableFuture.completedFuture(signSupported(request));
    } catch (IllegalStateException e) {
      // the key was destroyed between the check and the signature
      return failed(destroyed());
    } catch (SignerException e) {
      return failed(e);
    } catch (RuntimeException e) {
      return failed(new SignerException(SignerException.Reason.FAILED, "signer",
          "signing failed: " + e.getClass().getSimpleName(), e));
    }
  }

  @Override
  public final String toString() {
    return "SoftwareSigner[" + keyType.name().toLowerCase(Locale.ROOT) + ", publicKey="
        + Hex.encode(publicKey) + (isDestroyed() ? ", destroyed]" : "]");
  }

  private static SignerException destroyed() {
    return new SignerException(SignerException.Reason.DEVICE_UNAVAILABLE, "key", "has been destroyed");
  }

  /** A failed future without Java 9 API (Android). */
  private static <T> CompletableFuture<T> failed(Throwable t) {
    CompletableFuture<T> f = new CompletableFuture<>();
    f.completeExceptionally(t);
    return f;
  }
}
