package dev.cairn.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.core.encoding.Base58;
import dev.cairn.core.hd.Bip32Key;
import dev.cairn.core.hd.ExtendedKeyException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** BIP-32 extended keys (xprv/xpub/tprv/tpub): typed rejection only; a parsed key re-serializes to its input. */
class Bip32FuzzTest {

  @FuzzTest
  void parse(byte[] input) {
    check(new String(input, StandardCharsets.UTF_8));
  }

  /**
   * The 78-byte payload under a valid Base58Check checksum, so the fuzzer reaches the version,
   * depth, prefix and key checks instead of stopping at the checksum.
   */
  @FuzzTest
  void parsePayload(byte[] payload) {
    check(Base58.encodeChecked(Arrays.copyOf(payload, Math.min(payload.length, 90))));
  }

  private static void check(String s) {
    Bip32Key key;
    try {
      key = Bip32Key.parse(s);
    } catch (ExtendedKeyException expected) {
      return;
    }
    try {
      assertEquals(s, key.serialize());
      assertEquals(s, Bip32Key.parse(key.serialize()).serialize());
      if (key.isPrivate()) {
        // the public half serializes and parses back to itself
        String pub = key.neuter().serialize();
        assertEquals(pub, Bip32Key.parse(pub).serialize());
      }
    } finally {
      key.destroy();
    }
  }
}
