package dev.cairn.core.signer;

import javax.security.auth.Destroyable;

/**
 * A {@link Signer} over a private key held in memory, made by {@link Signers#software}. It signs
 * in the calling thread and returns already-completed futures. {@link #destroy()} (and {@link
 * #close()}) destroy the underlying key, after which every request fails with {@link
 * SignerException.Reason#DEVICE_UNAVAILABLE}. {@code toString()} never shows the key.
 */
public interface SoftwareSigner extends Signer, Destroyable {

  /** Destroys the underlying private key (zeroes it). Idempotent. */
  @Override
  void destroy();

  /** Whether the underlying key has been destroyed. */
  @Override
  boolean isDestroyed();

  /** Same as {@link #destroy()}. */
  @Override
  default void close() {
    destroy();
  }
}
