package dev.cairn.core.hd;

/**
 * A BIP-39 mnemonic (or the entropy for one) is invalid. {@link #reason()} says how, and for
 * {@link Reason#UNKNOWN_WORD} {@link #wordPosition()} says which word (1-based). The message never
 * quotes any word of the mnemonic: a mnemonic is a secret, and even one word narrows it down.
 */
public final class MnemonicException extends HdWalletException {
  private static final long serialVersionUID = 1L;

  /** Why a mnemonic was rejected. */
  public enum Reason {
    /** The number of words is not 12, 15, 18, 21 or 24. */
    WORD_COUNT,
    /** A word is not in the English BIP-39 word list. */
    UNKNOWN_WORD,
    /** All words are known but the checksum bits do not match the entropy. */
    CHECKSUM,
    /** Entropy length is not 16, 20, 24, 28 or 32 bytes. */
    ENTROPY_LENGTH
  }

  private final Reason reason;
  private final int wordPosition;

  /** Creates the exception; {@code wordPosition} is 1-based, or 0 when not about one word. */
  public MnemonicException(Reason reason, int wordPosition, String message) {
    super(message);
    this.reason = reason;
    this.wordPosition = wordPosition;
  }

  /** Why the mnemonic was rejected. */
  public Reason reason() {
    return reason;
  }

  /** 1-based position of the offending word, or 0 when the problem is not about one word. */
  public int wordPosition() {
    return wordPosition;
  }
}
