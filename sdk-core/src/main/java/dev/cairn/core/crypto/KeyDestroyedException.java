package dev.cairn.core.crypto;

/**
 * A private key was used after {@link javax.security.auth.Destroyable#destroy() destroy()}: its
 * bytes are zero and nothing can be computed with it. An {@link IllegalStateException} (a caller
 * bug, not bad input), so code that caught that before keeps working. The message names the key
 * type only.
 */
public final class KeyDestroyedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param what the kind of key, e.g. {@code "secp256k1 private key"}; never key material
   */
  public KeyDestroyedException(String what) {
    super(what + " has been destroyed");
  }
}
