package dev.cairn.core.hd;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Hashes;
import dev.cairn.core.hd.MnemonicException.Reason;
import dev.cairn.core.testing.TestData;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.*;
import org.junit.jupiter.api.Test;

class MnemonicTest {
  static final String ABANDON =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

  static final String CHECKSUM_MESSAGE = "checksum mismatch: the words are all valid but do not"
      + " form a BIP-39 mnemonic (a word is wrong or out of order)";

  static JsonNode englishVectors() throws Exception {
    JsonNode english = new ObjectMapper().readTree(TestData.read("bip39/vectors.json")).get("english");
    assertEquals(24, english.size());
    return english;
  }

  @Test
  void bip39EnglishVectors() throws Exception {
    int n = 0;
    for (JsonNode v : englishVectors()) {
      byte[] entropy = Hex.decode(v.get(0).asText());
      String sentence = v.get(1).asText();
      Mnemonic m = Mnemonic.fromEntropy(entropy);
      assertEquals(sentence, m.phrase());
      assertEquals(sentence, new String(m.phraseChars()));
      assertEquals(entropy.length * 3 / 4, m.wordCount());
      Mnemonic p = Mnemonic.parse(sentence);
      assertArrayEquals(entropy, p.entropy());
      assertEquals(v.get(2).asText(), Hex.encode(p.toSeed("TREZOR")));
      assertEquals(v.get(2).asText(), Hex.encode(m.toSeed("TREZOR".toCharArray())));
      n++;
    }
    assertEquals(24, n);
  }

  @Test
  void wordListResourceIsTheSharedOneAndVerified() throws Exception {
    byte[] shared = Files.readAllBytes(TestData.path("bip39/english.txt"));
    byte[] embedded;
    try (InputStream in = Mnemonic.class.getResourceAsStream("english.txt")) {
      embedded = in.readAllBytes();
    }
    assertArrayEquals(shared, embedded);
    assertEquals(WordList.SHA256, Hex.encode(Hashes.sha256(embedded)));
    assertEquals("abandon", WordList.word(0));
    assertEquals("zoo", WordList.word(2047));
    for (int i = 0; i < WordList.SIZE; i++) {
      String w = WordList.word(i);
      assertEquals(i, WordList.indexOf("x" + w + "y", 1, w.length()));
    }
    assertEquals(-1, WordList.indexOf("aban", 0, 4));
    assertEquals(-1, WordList.indexOf("zzz", 0, 3));
    assertEquals(-1, WordList.indexOf("", 0, 0));
  }

  @Test
  void emptyAndNonEmptyPassphrase() {
    Mnemonic m = Mnemonic.parse(ABANDON);
    assertEquals("5eb00bbddcf069084889a8ab9155568165f5c453ccb85e70811aaed6f6da5fc1"
        + "9a5ac40b389cd370d086206dec8aa6c43daea6690f20ad3d8d48b2d2ce9e38e4", Hex.encode(m.toSeed("")));
    assertArrayEquals(m.toSeed(""), m.toSeed((String) null));
    assertArrayEquals(m.toSeed(""), m.toSeed((char[]) null));
  }

  @Test
  void passphraseIsNfkdNormalised() {
    Mnemonic m = Mnemonic.parse(ABANDON);
    // U+00E9 (precomposed) and e + U+0301 (decomposed) are the same passphrase after NFKD
    assertArrayEquals(m.toSeed("caf\u00e9"), m.toSeed("cafe\u0301"));
    assertFalse(java.util.Arrays.equals(m.toSeed("cafe"), m.toSeed("caf\u00e9")));
    // NFKD maps the "fi" ligature to "fi"
    assertArrayEquals(m.toSeed("fi"), m.toSeed("\ufb01"));
  }

  @Test
  void whitespaceToleratedAndCanonicalised() {
    String messy = "  abandon\tabandon  abandon\nabandon abandon abandon\u3000abandon abandon abandon "
        + "abandon abandon   about \r\n";
    Mnemonic m = Mnemonic.parse(messy);
    assertEquals(ABANDON, m.phrase());
    assertArrayEquals(Mnemonic.parse(ABANDON).toSeed("x"), m.toSeed("x"));
    // full-width letters become ASCII under NFKD
    assertEquals(ABANDON, Mnemonic.parse(ABANDON.replace("about", "\uff41\uff42\uff4f\uff55\uff54")).phrase());
    assertEquals(ABANDON, Mnemonic.parse(ABANDON.toCharArray()).phrase());
  }

  @Test
  void wrongWordCount() {
    for (String s : new String[] {"", "   ", "abandon", ABANDON + " abandon", ABANDON.substring(8)}) {
      MnemonicException e = assertThrows(MnemonicException.class, () -> Mnemonic.parse(s));
      assertEquals(Reason.WORD_COUNT, e.reason());
      assertEquals(0, e.wordPosition());
    }
    MnemonicException e = assertThrows(MnemonicException.class,
        () -> Mnemonic.generate(13, new SecureRandom()));
    assertEquals(Reason.WORD_COUNT, e.reason());
    assertTrue(e.getMessage().contains("13"));
  }

  @Test
  void unknownWordNamesPositionNotWord() {
    String s = ABANDON.replaceFirst("abandon abandon abandon", "abandon abandon secretword");
    MnemonicException e = assertThrows(MnemonicException.class, () -> Mnemonic.parse(s));
    assertEquals(Reason.UNKNOWN_WORD, e.reason());
    assertEquals(3, e.wordPosition());
    assertTrue(e.getMessage().contains("word 3"), e.getMessage());
    assertFalse(e.getMessage().contains("secretword"));
    assertFalse(e.getMessage().contains("abandon"));
    assertFalse(e.getMessage().contains("about"));
    // case-sensitive
    MnemonicException upper =
        assertThrows(MnemonicException.class, () -> Mnemonic.parse(ABANDON.replace("about", "About")));
    assertEquals(Reason.UNKNOWN_WORD, upper.reason());
    assertEquals(12, upper.wordPosition());
  }

  @Test
  void checksumFailure() {
    MnemonicException e = assertThrows(MnemonicException.class,
        () -> Mnemonic.parse(ABANDON.replace("about", "abandon")));
    assertEquals(Reason.CHECKSUM, e.reason());
    assertEquals(CHECKSUM_MESSAGE, e.getMessage());
    assertFalse(Mnemonic.isValid(ABANDON.replace("about", "abandon")));
    assertTrue(Mnemonic.isValid(ABANDON));
  }

  @Test
  void entropyLength() {
    for (int len : new int[] {0, 4, 12, 15, 17, 36}) {
      MnemonicException e =
          assertThrows(MnemonicException.class, () -> Mnemonic.fromEntropy(new byte[len]));
      assertEquals(Reason.ENTROPY_LENGTH, e.reason());
    }
  }

  @Test
  void generateAllSizes() {
    SecureRandom r = new SecureRandom();
    for (int words : new int[] {12, 15, 18, 21, 24}) {
      Mnemonic m = Mnemonic.generate(words, r);
      assertEquals(words, m.wordCount());
      assertEquals(words / 3 * 4, m.entropy().length);
      assertEquals(m.phrase(), Mnemonic.parse(m.phrase()).phrase());
    }
  }

  @Test
  void destroyAndRedaction() {
    Mnemonic m = Mnemonic.parse(ABANDON);
    assertFalse(m.toString().contains("abandon"));
    assertEquals("Mnemonic[12 words, redacted]", m.toString());
    m.entropy()[0] = 1; // a copy
    assertEquals(0, m.entropy()[0]);
    m.destroy();
    assertTrue(m.isDestroyed());
    assertEquals("Mnemonic[destroyed]", m.toString());
    assertThrows(HdWalletException.class, m::entropy);
    assertThrows(HdWalletException.class, m::phrase);
    assertThrows(HdWalletException.class, () -> m.toSeed(""));
    assertThrows(HdWalletException.class, m::wordCount);
  }

  @Property
  void entropyRoundTrip(@ForAll("entropies") byte[] entropy) {
    Mnemonic m = Mnemonic.fromEntropy(entropy);
    Mnemonic back = Mnemonic.parse(m.phrase());
    assertArrayEquals(entropy, back.entropy());
    assertEquals(m.phrase(), back.phrase());
  }

  @Provide
  Arbitrary<byte[]> entropies() {
    return Arbitraries.of(16, 20, 24, 28, 32)
        .flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
  }

  /**
   * Replacing one word by another list word changes the encoded bits; it is accepted only when the
   * checksum happens to match (then it is a different mnemonic), else it fails with CHECKSUM.
   * Replacing it by a non-list token fails with UNKNOWN_WORD at that position.
   */
  @Property(tries = 300)
  void singleWordSubstitutions(@ForAll("entropies") byte[] entropy,
      @ForAll("positions") int position, @ForAll("wordIndices") int replacement,
      @ForAll("junkWords") String junk) {
    Mnemonic m = Mnemonic.fromEntropy(entropy);
    List<String> words = new ArrayList<>(List.of(m.phrase().split(" ")));
    int pos = position % words.size();
    String original = words.get(pos);
    String other = WordList.word(replacement);
    Assume.that(!other.equals(original));
    words.set(pos, other);
    try {
      Mnemonic changed = Mnemonic.parse(String.join(" ", words));
      assertFalse(java.util.Arrays.equals(entropy, changed.entropy()));
    } catch (MnemonicException e) {
      assertEquals(Reason.CHECKSUM, e.reason());
      // a fixed message: nothing of the mnemonic can be in it
      assertEquals(CHECKSUM_MESSAGE, e.getMessage());
    }
    Assume.that(WordList.indexOf(junk, 0, junk.length()) < 0);
    words.set(pos, junk);
    MnemonicException e =
        assertThrows(MnemonicException.class, () -> Mnemonic.parse(String.join(" ", words)));
    assertEquals(Reason.UNKNOWN_WORD, e.reason());
    assertEquals(pos + 1, e.wordPosition());
    assertEquals("word " + (pos + 1) + " is not in the BIP-39 English word list (words are lowercase)",
        e.getMessage());
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, 23);
  }

  @Provide
  Arbitrary<Integer> wordIndices() {
    return Arbitraries.integers().between(0, 2047);
  }

  @Provide
  Arbitrary<String> junkWords() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(9);
  }
}
