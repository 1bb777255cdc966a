package dev.cairn.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.encoding.Base58;
import dev.cairn.core.encoding.Bech32;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Rlp;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.hd.DerivationPathException;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.core.hd.MnemonicException;
import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonLimits;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Bounded resources (issue 13): every input size and nesting limit of sdk-core, at the limit (accepted)
 * and one past it (a typed exception whose message names the limit). The table with all limits of
 * the SDK is docs/reliability.md.
 */
class LimitsTest {

  @Test
  void base58LengthBoundsTheQuadraticDecoder() {
    String atLimit = "2".repeat(Base58.MAX_ENCODED_LENGTH);
    long t0 = System.nanoTime();
    byte[] b = Base58.decode(atLimit);
    long micros = (System.nanoTime() - t0) / 1000;
    assertTrue(b.length > 700, "decoded " + b.length);
    assertTrue(micros < 2_000_000, "1024 characters took " + micros + " us");
    DecodingException e = assertThrows(DecodingException.class, () -> Base58.decode(atLimit + "2"));
    assertTrue(e.getMessage().contains("1025 > 1024"), e.getMessage());
    // the checked form refuses before hashing, too
    assertThrows(DecodingException.class, () -> Base58.decodeChecked("2".repeat(Base58.MAX_ENCODED_LENGTH + 1)));
    // a huge input is refused at once (no O(n^2) work)
    String huge = "2".repeat(1 << 22);
    long t1 = System.nanoTime();
    assertThrows(DecodingException.class, () -> Base58.decode(huge));
    assertTrue(System.nanoTime() - t1 < 1_000_000_000L);
  }

  @Test
  void bech32Length() {
    // "a" + "1" + data: hrp of 1 character, the longest valid string is MAX_LENGTH characters
    byte[] data = new byte[(Bech32.MAX_LENGTH - 2 - 6) * 5 / 8];
    String s = Bech32.encode("a", data, Bech32.Variant.BECH32);
    assertTrue(s.length() <= Bech32.MAX_LENGTH);
    assertDoesNotThrow(() -> Bech32.decode(s));
    String longer = Bech32.encode("a", new byte[data.length + 1], Bech32.Variant.BECH32, 200);
    assertTrue(longer.length() > Bech32.MAX_LENGTH);
    DecodingException e = assertThrows(DecodingException.class, () -> Bech32.decode(longer));
    assertTrue(e.getMessage().contains(String.valueOf(Bech32.MAX_LENGTH)), e.getMessage());
  }

  @Test
  void rlpNestingDepth() {
    assertDoesNotThrow(() -> Rlp.decode(nestedLists(Rlp.MAX_DEPTH)));
    DecodingException e = assertThrows(DecodingException.class, () -> Rlp.decode(nestedLists(Rlp.MAX_DEPTH + 1)));
    assertTrue(e.getMessage().contains("nested deeper than " + Rlp.MAX_DEPTH), e.getMessage());
  }

  /** {@code depth} lists, each holding the next; the innermost is empty. */
  static byte[] nestedLists(int depth) {
    byte[] cur = {(byte) 0xc0};
    for (int i = 1; i < depth; i++) {
      cur = Rlp.encodeList(cur);
    }
    return cur;
  }

  @Test
  void jsonDepthLengthStringNumberAndEntries() {
    JsonLimits d = JsonLimits.defaults();
    int depth = JsonLimits.DEFAULT_MAX_DEPTH;
    assertEquals(depth, d.maxDepth());
    assertDoesNotThrow(() -> Json.parse("[".repeat(depth) + "]".repeat(depth)));
    DecodingException e = assertThrows(DecodingException.class,
        () -> Json.parse("[".repeat(depth + 1) + "]".repeat(depth + 1)));
    assertTrue(e.getMessage().contains(String.valueOf(depth)), e.getMessage());

    JsonLimits small = d.withMaxDocumentLength(64).withMaxStringLength(10).withMaxNumberLength(5).withMaxEntries(3);
    String doc = "\"" + "x".repeat(10) + "\"";
    assertDoesNotThrow(() -> Json.parse(doc, small));
    assertTrue(assertThrows(DecodingException.class, () -> Json.parse("\"" + "x".repeat(11) + "\"", small))
        .getMessage().contains("10"));
    assertDoesNotThrow(() -> Json.parse("12345", small));
    assertTrue(assertThrows(DecodingException.class, () -> Json.parse("123456", small)).getMessage().contains("5"));
    assertDoesNotThrow(() -> Json.parse("[1,2,3]", small));
    assertTrue(assertThrows(DecodingException.class, () -> Json.parse("[1,2,3,4]", small)).getMessage().contains("3"));
    assertDoesNotThrow(() -> Json.parse(" ".repeat(63) + "1", small));
    assertTrue(assertThrows(DecodingException.class, () -> Json.parse(" ".repeat(64) + "1", small))
        .getMessage().contains("64"));
    byte[] bytes = (" ".repeat(64) + "1").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThrows(DecodingException.class, () -> Json.parse(bytes, small));
  }

  @Test
  void mnemonicSentenceLength() {
    String words = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    String padded = words + " ".repeat(Mnemonic.MAX_SENTENCE_LENGTH - words.length());
    assertEquals(Mnemonic.MAX_SENTENCE_LENGTH, padded.length());
    Mnemonic.parse(padded).destroy();
    MnemonicException e = assertThrows(MnemonicException.class, () -> Mnemonic.parse(padded + " "));
    assertEquals(MnemonicException.Reason.WORD_COUNT, e.reason());
    assertTrue(e.getMessage().contains("MAX_SENTENCE_LENGTH"), e.getMessage());
    // a huge input is refused before NFKD normalisation copies it
    char[] huge = new char[1 << 24];
    Arrays.fill(huge, 'a');
    assertThrows(MnemonicException.class, () -> Mnemonic.parse(huge));
  }

  @Test
  void derivationPathDepth() {
    String at = "m" + "/0".repeat(DerivationPath.MAX_DEPTH);
    assertEquals(DerivationPath.MAX_DEPTH, DerivationPath.parse(at).depth());
    DerivationPathException e = assertThrows(DerivationPathException.class, () -> DerivationPath.parse(at + "/0"));
    assertTrue(e.getMessage().contains(String.valueOf(DerivationPath.MAX_DEPTH)), e.getMessage());
  }

  @SuppressWarnings("unused")
  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
