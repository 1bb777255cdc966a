package dev.cairn.core.hd;

import dev.cairn.core.hash.Hashes;
import dev.cairn.core.hd.MnemonicException.Reason;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * A BIP-39 mnemonic over the English word list: 12, 15, 18, 21 or 24 words encoding 128 to 256
 * bits of entropy plus a checksum, and the seed derived from it.
 *
 * <h2>Accepted input</h2>
 *
 * {@link #parse(CharSequence)} normalises the input to Unicode NFKD (as BIP-39 requires), then
 * splits it on whitespace: leading, trailing and repeated whitespace of any kind (spaces, tabs,
 * newlines, the ideographic space) is tolerated, so a phrase pasted from a document or typed with a
 * double space is accepted. Words are matched exactly and are case-sensitive: the English list is
 * lowercase, and "Abandon" is rejected rather than silently lowercased, because other wallets
 * would derive a different seed from a capitalised sentence. The mnemonic keeps the canonical
 * sentence (the words joined by single spaces) and {@link #toSeed(String)} derives the seed from
 * that canonical form.
 *
 * <h2>Secret handling</h2>
 *
 * A mnemonic is a secret. It is held as the entropy bytes and the word indices, never as Strings;
 * {@link #destroy()} zeroes both, after which every accessor throws {@link HdWalletException}.
 * {@link #toString()} is redacted and exception messages name only word positions, never words.
 * Zeroing on the JVM has limits: {@link #parse(CharSequence)} cannot wipe the caller's string or
 * the String that NFKD normalisation returns (Strings are immutable and may be interned or copied
 * by the garbage collector), {@link #phrase()} creates a String that can never be wiped, and a
 * moving collector may leave old copies of arrays behind. Prefer {@link #phraseChars()} and
 * {@link #toSeed(char[])}, and zero what they return.
 */
public final class Mnemonic implements Destroyable {
  /**
   * The longest sentence {@link #parse(CharSequence)} reads: 24 words of at most 8 letters need
   * 215 characters; the rest is room for extra whitespace. Longer input is refused before it is
   * normalised (NFKD copies it).
   */
  public static final int MAX_SENTENCE_LENGTH = 1024;

  private static final byte[] SALT_PREFIX = "mnemonic".getBytes(StandardCharsets.US_ASCII);
  private static final int PBKDF2_ROUNDS = 2048;

  private final byte[] entropy;
  private final short[] indices;
  private volatile boolean destroyed;

  private Mnemonic(byte[] entropy, short[] indices) {
    this.entropy = entropy;
    this.indices = indices;
  }

  /**
   * Generates a new mnemonic of {@code words} words (12, 15, 18, 21 or 24) from {@code random}.
   *
   * @throws MnemonicException with {@link Reason#WORD_COUNT} for any other word count
   */
  public static Mnemonic generate(int words, SecureRandom random) {
    Objects.requireNonNull(random, "random");
    if (!validWordCount(words)) {
      throw new MnemonicException(Reason.WORD_COUNT, 0,
          "a mnemonic has 12, 15, 18, 21 or 24 words, not " + words);
    }
    byte[] entropy = new byte[words / 3 * 4];
    random.nextBytes(entropy);
    try {
      return fromEntropy(entropy);
    } finally {
      Arrays.fill(entropy, (byte) 0);
    }
  }

  /**
   * The mnemonic encoding {@code entropy} (16, 20, 24, 28 or 32 bytes; copied).
   *
   * @throws MnemonicException with {@link Reason#ENTROPY_LENGTH} for any other length
   */
  public static Mnemonic fromEntropy(byte[] entropy) {
    Objects.requireNonNull(entropy, "entropy");
    int len = entropy.length;
    if (len < 16 || len > 32 || len % 4 != 0) {
      throw new MnemonicException(Reason.ENTROPY_LENGTH, 0,
          "entropy must be 16, 20, 24, 28 or 32 bytes, not " + len);
    }
    byte[] e = entropy.clone();
    byte[] hash = Hashes.sha256(e);
    int words = len * 3 / 4;
    short[] indices = new short[words];
    for (int w = 0; w < words; w++) {
      int v = 0;
      for (int b = 0; b < 11; b++) {
        int bit = w * 11 + b;
        v = (v << 1) | bitAt(e, hash, bit);
      }
      indices[w] = (short) v;
    }
    Arrays.fill(hash, (byte) 0);
    return new Mnemonic(e, indices);
  }

  /** Bit {@code bit} (0 = most significant) of entropy || sha256(entropy). */
  private static int bitAt(byte[] entropy, byte[] hash, int bit) {
    int i = bit >>> 3;
    byte b = i < entropy.length ? entropy[i] : hash[i - entropy.length];
    return (b >>> (7 - (bit & 7))) & 1;
  }

  /**
   * Parses and validates an English mnemonic sentence (see the class comment for the accepted
   * forms).
   *
   * @throws MnemonicException with {@link Reason#WORD_COUNT} if there are not 12, 15, 18, 21 or 24
   *     words, {@link Reason#UNKNOWN_WORD} (and the 1-based {@link MnemonicException#wordPosition()})
   *     for the first word not in the list, or {@link Reason#CHECKSUM} if the checksum fails
   */
  public static Mnemonic parse(CharSequence sentence) {
    Objects.requireNonNull(sentence, "sentence");
    if (sentence.length() > MAX_SENTENCE_LENGTH) {
      throw new MnemonicException(Reason.WORD_COUNT, 0, "a mnemonic sentence has at most " + MAX_SENTENCE_LENGTH
          + " characters (MAX_SENTENCE_LENGTH), this one has " + sentence.length());
    }
    String s = Normalizer.normalize(sentence, Normalizer.Form.NFKD);
    int n = s.length();
    // count words first, without allocating per word
    int count = 0;
    for (int i = 0; i < n; ) {
      while (i < n && isSpace(s.charAt(i))) {
        i++;
      }
      if (i < n) {
        count++;
        while (i < n && !isSpace(s.charAt(i))) {
          i++;
        }
      }
    }
    if (!validWordCount(count)) {
      throw new MnemonicException(Reason.WORD_COUNT, 0,
          "a mnemonic has 12, 15, 18, 21 or 24 words, this one has " + count);
    }
    short[] indices = new short[count];
    int w = 0;
    for (int i = 0; i < n; ) {
      while (i < n && isSpace(s.charAt(i))) {
        i++;
      }
      if (i < n) {
        int start = i;
        while (i < n && !isSpace(s.charAt(i))) {
          i++;
        }
        int idx = WordList.indexOf(s, start, i - start);
        if (idx < 0) {
          Arrays.fill(indices, (short) 0);
          throw new MnemonicException(Reason.UNKNOWN_WORD, w + 1,
              "word " + (w + 1) + " is not in the BIP-39 English word list (words are lowercase)");
        }
        indices[w++] = (short) idx;
      }
    }
    return fromIndices(indices);
  }

  /** Parses a mnemonic held in a char array (not retained; the caller may zero it afterwards). */
  public static Mnemonic parse(char[] sentence) {
    Objects.requireNonNull(sentence, "sentence");
    return parse(CharBuffer.wrap(sentence));
  }

  private static Mnemonic fromIndices(short[] indices) {
    int words = indices.length;
    int totalBits = words * 11;
    int checksumBits = words / 3;
    byte[] entropy = new byte[(totalBits - checksumBits) / 8];
    int checksum = 0;
    for (int bit = 0; bit < totalBits; bit++) {
      int v = (indices[bit / 11] >>> (10 - bit % 11)) & 1;
      if (bit < entropy.length * 8) {
        entropy[bit >>> 3] |= (byte) (v << (7 - (bit & 7)));
      } else {
        checksum = (checksum << 1) | v;
      }
    }
    byte[] hash = Hashes.sha256(entropy);
    int expected = (hash[0] & 0xff) >>> (8 - checksumBits);
    Arrays.fill(hash, (byte) 0);
    if (expected != checksum) {
      Arrays.fill(entropy, (byte) 0);
      Arrays.fill(indices, (short) 0);
      throw new MnemonicException(Reason.CHECKSUM, 0,
          "checksum mismatch: the words are all valid but do not form a BIP-39 mnemonic"
              + " (a word is wrong or out of order)");
    }
    return new Mnemonic(entropy, indices);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static boolean validWordCount(int words) {
    return words >= 12 && words <= 24 && words % 3 == 0;
  }

  /**
   * Whether {@code sentence} is a valid English mnemonic (same rules as {@link #parse}).
   */
  public static boolean isValid(CharSequence sentence) {
    try {
      parse(sentence).destroy();
      return true;
    } catch (MnemonicException e) {
      return false;
    }
  }

  /** Number of words. */
  public int wordCount() {
    check();
    return indices.length;
  }

  /** The entropy the mnemonic encodes (a copy; zero it when done). */
  public byte[] entropy() {
    check();
    return entropy.clone();
  }

  /**
   * The canonical sentence, words separated by single spaces, as a fresh char array the caller
   * should zero when done.
   */
  public char[] phraseChars() {
    check();
    int len = indices.length - 1;
    for (short i : indices) {
      len += WordList.word(i).length();
    }
    char[] out = new char[len];
    int p = 0;
    for (int w = 0; w < indices.length; w++) {
      if (w > 0) {
        out[p++] = ' ';
      }
      String word = WordList.word(indices[w]);
      word.getChars(0, word.length(), out, p);
      p += word.length();
    }
    return out;
  }

  /**
   * The canonical sentence as a String, e.g. to show it to the user once. The String cannot be
   * wiped; prefer {@link #phraseChars()}.
   */
  public String phrase() {
    char[] c = phraseChars();
    try {
      return new String(c);
    } finally {
      Arrays.fill(c, '\0');
    }
  }

  /**
   * The 64-byte BIP-39 seed: PBKDF2-HMAC-SHA512 of the canonical sentence with salt
   * {@code "mnemonic" + NFKD(passphrase)}, 2048 rounds. The caller should zero the result.
   *
   * @param passphrase the optional BIP-39 passphrase; {@code null} means the empty passphrase
   */
  public byte[] toSeed(String passphrase) {
    return seed(passphrase == null ? "" : passphrase);
  }

  /**
   * Like {@link #toSeed(String)} with the passphrase in a char array (not retained). NFKD
   * normalisation makes a transient String copy of it, which cannot be wiped.
   *
   * @param passphrase the passphrase; {@code null} means the empty passphrase
   */
  public byte[] toSeed(char[] passphrase) {
    return seed(passphrase == null ? "" : CharBuffer.wrap(passphrase));
  }

  private byte[] seed(CharSequence passphrase) {
    check();
    char[] phrase = phraseChars();
    // English words and the single spaces between them are ASCII, so each char is one UTF-8 byte
    byte[] password = new byte[phrase.length];
    for (int i = 0; i < phrase.length; i++) {
      password[i] = (byte) phrase[i];
    }
    Arrays.fill(phrase, '\0');
    byte[] pass = Normalizer.normalize(passphrase, Normalizer.Form.NFKD)
        .getBytes(StandardCharsets.UTF_8);
    byte[] salt = new byte[SALT_PREFIX.length + pass.length];
    System.arraycopy(SALT_PREFIX, 0, salt, 0, SALT_PREFIX.length);
    System.arraycopy(pass, 0, salt, SALT_PREFIX.length, pass.length);
    try {
      return Hashes.pbkdf2HmacSha512(password, salt, PBKDF2_ROUNDS, 64);
    } finally {
      Arrays.fill(password, (byte) 0);
      Arrays.fill(pass, (byte) 0);
      Arrays.fill(salt, (byte) 0);
    }
  }

  private void check() {
    if (destroyed) {
      throw new HdWalletException("mnemonic has been destroyed");
    }
  }

  /** Zeroes the entropy and word indices; the mnemonic is unusable afterwards. */
  @Override
  public void destroy() {
    destroyed = true;
    Arrays.fill(entropy, (byte) 0);
    Arrays.fill(indices, (short) 0);
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  /** Redacted: shows the word count only. */
  @Override
  public String toString() {
    return destroyed ? "Mnemonic[destroyed]" : "Mnemonic[" + indices.length + " words, redacted]";
  }
}
