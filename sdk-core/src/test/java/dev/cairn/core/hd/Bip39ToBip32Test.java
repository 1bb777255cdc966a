package dev.cairn.core.hd;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** BIP-39 English vectors end to end: mnemonic + "TREZOR" -> seed -> BIP-32 master xprv. */
class Bip39ToBip32Test {
  @Test
  void englishVectorsGiveTheirXprv() throws Exception {
    int n = 0;
    for (JsonNode v : MnemonicTest.englishVectors()) {
      Mnemonic m = Mnemonic.parse(v.get(1).asText());
      byte[] seed = m.toSeed("TREZOR");
      Bip32Key master = Bip32Key.fromSeed(seed);
      assertEquals(v.get(3).asText(), master.serialize());
      assertEquals(master.serialize(), Bip32Key.parse(v.get(3).asText()).serialize());
      n++;
    }
    assertEquals(24, n);
  }
}
