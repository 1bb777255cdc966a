package dev.cairn.core.crypto;

import dev.cairn.core.CairnException;

/**
 * A cryptographic operation was refused: an invalid private or public key, an invalid signature, a
 * digest of the wrong length, a public key that cannot be recovered, or no usable secp256k1
 * backend. The message names the offending field (e.g. {@code "privateKey: not in [1, n-1]"}) and
 * never contains key material.
 */
public final class CryptoException extends CairnException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message naming the offending field.
   *
   * @param message the message; must not contain secrets
   */
  public CryptoException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message naming the offending field and a cause.
   *
   * @param message the message; must not contain secrets
   * @param cause the underlying problem
   */
  public CryptoException(String message, Throwable cause) {
    super(message, cause);
  }
}
