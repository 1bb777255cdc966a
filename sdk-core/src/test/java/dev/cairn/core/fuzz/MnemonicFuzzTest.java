package dev.cairn.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.core.hd.MnemonicException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * BIP-39 mnemonics. The parser is lenient by design (NFKD normalization, any run of Unicode
 * whitespace between words), so the canonical check is: the parsed mnemonic's canonical phrase
 * parses to the same entropy, and that entropy gives the same phrase back.
 */
class MnemonicFuzzTest {
  private static final String[] WORDS = loadWords();
  private static final String[] SEPARATORS = {" ", "  ", "\t", "\n", "\u3000", " \u00a0"};

  @FuzzTest
  void parse(byte[] input) {
    check(new String(input, StandardCharsets.UTF_8));
  }

  /** Sentences of real words (so the checksum is right now and then) with assorted separators. */
  @FuzzTest
  void parseWords(FuzzedDataProvider data) {
    int count = data.consumeInt(11, 25);
    StringBuilder sb = new StringBuilder();
    if (data.consumeBoolean()) {
      sb.append(data.pickValue(SEPARATORS));
    }
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        sb.append(data.pickValue(SEPARATORS));
      }
      String w = WORDS[data.consumeInt(0, WORDS.length - 1)];
      if (data.consumeProbabilityDouble() < 0.02) {
        w = data.consumeString(8); // now and then a word that is not one
      }
      sb.append(w);
    }
    check(sb.toString());
  }

  /** Any valid entropy: phrase, parse back, same entropy and phrase. */
  @FuzzTest
  void fromEntropy(byte[] entropy) {
    Mnemonic m;
    try {
      m = Mnemonic.fromEntropy(entropy);
    } catch (MnemonicException expected) {
      assertTrue(entropy.length < 16 || entropy.length > 32 || entropy.length % 4 != 0);
      return;
    }
    Mnemonic again = Mnemonic.parse(m.phrase());
    assertArrayEquals(entropy, again.entropy());
    assertEquals(m.phrase(), again.phrase());
  }

  private static void check(String sentence) {
    Mnemonic m;
    try {
      m = Mnemonic.parse(sentence);
    } catch (MnemonicException expected) {
      return;
    }
    String phrase = m.phrase();
    Mnemonic again = Mnemonic.parse(phrase);
    assertArrayEquals(m.entropy(), again.entropy());
    assertEquals(phrase, Mnemonic.fromEntropy(m.entropy()).phrase());
    assertEquals(m.wordCount(), phrase.split(" ").length);
    assertTrue(Mnemonic.isValid(sentence));
  }

  private static String[] loadWords() {
    List<String> words = new ArrayList<>();
    try (InputStream in = Mnemonic.class.getResourceAsStream("/dev/cairn/core/hd/english.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          words.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertEquals(2048, words.size());
    return words.toArray(new String[0]);
  }
}
