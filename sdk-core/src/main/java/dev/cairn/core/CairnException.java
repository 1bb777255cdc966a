package dev.cairn.core;

/**
 * Root of every exception the SDK throws on purpose. Each concern has its own subclass (decoding,
 * cryptography, HD wallets, chains), so callers can catch one concern or all of them.
 *
 * <p>Messages name the offending field or offset. They never contain key material, seeds or
 * mnemonics: constructors of subclasses that take user input only ever quote non-secret values.
 */
public abstract class CairnException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected CairnException(String message) {
    super(message);
  }

  protected CairnException(String message, Throwable cause) {
    super(message, cause);
  }
}
