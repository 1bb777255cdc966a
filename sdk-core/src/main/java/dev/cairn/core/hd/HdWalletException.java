package dev.cairn.core.hd;

import dev.cairn.core.CairnException;

/**
 * An HD-wallet operation failed: a malformed derivation path, an invalid mnemonic, a malformed
 * extended key, a derivation the key cannot perform (a hardened child from a public key, a
 * non-hardened Ed25519 child), a seed of the wrong length, or use of a destroyed key.
 *
 * <p>Subclasses carry the details: {@link DerivationPathException} (character position),
 * {@link MnemonicException} (reason and word position), {@link ExtendedKeyException} (reason) and
 * {@link InvalidChildKeyException} (the BIP-32 "skip this index" case). Messages never contain
 * words, seeds, keys or passphrases.
 */
public class HdWalletException extends CairnException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that must not contain secret material. */
  public HdWalletException(String message) {
    super(message);
  }

  /** Creates an exception with a cause; the message must not contain secret material. */
  public HdWalletException(String message, Throwable cause) {
    super(message, cause);
  }
}
