package dev.cairn.core.signer.internal;

import dev.cairn.core.encoding.Hex;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.SignerException;
import java.util.concurrent.CompletableFuture;

/** Shared pieces of the software signers. */
final class SoftwareSupport {
  private SoftwareSupport() {}

  static SignerException destroyed() {
    return new SignerException(SignerException.Reason.DEVICE_UNAVAILABLE, "key", "has been destroyed");
  }

  static SignerException unsupported(KeyType type, SignRequest.Kind kind) {
    return new SignerException(SignerException.Reason.UNSUPPORTED_REQUEST, "kind",
        "a software " + type + " signer cannot sign " + kind);
  }

  static SignerException wrap(RuntimeException e) {
    if (e instanceof SignerException) {
      return (SignerException) e;
    }
    return new SignerException(SignerException.Reason.FAILED, "signer",
        "signing failed: " + e.getClass().getSimpleName(), e);
  }

  /** A failed future without Java 9 API (Android). */
  static <T> CompletableFuture<T> failed(Throwable t) {
    CompletableFuture<T> f = new CompletableFuture<>();
    f.completeExceptionally(t);
    return f;
  }

  static String describe(String type, byte[] publicKey, boolean destroyed) {
    return "SoftwareSigner[" + type + ", publicKey=" + Hex.encode(publicKey) + (destroyed ? ", destroyed]" : "]");
  }
}
