package dev.cairn.evm.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.core.crypto.CryptoException;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.DecodingException;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Round trips and malformed input for the transaction codec, over every type. */
class TxCodecPropertiesTest {

  @Property(tries = 300)
  void signDecodeRoundTrip(@ForAll long seed, @ForAll @IntRange(min = 0, max = 4) int typeIndex) {
    RandomTxs gen = new RandomTxs(seed);
    TxType type = TxType.values()[typeIndex];
    Transaction tx = gen.tx(type);
    Secp256k1PrivateKey key = gen.key();
    SignedTransaction st = tx.sign(key);
    SignedTransaction back = SignedTransaction.decode(st.encoded());
    assertEquals(tx, back.transaction());
    assertEquals(st.from(), back.from());
    assertArrayEquals(st.hash(), back.hash());
    assertArrayEquals(st.encoded(), back.transaction().withSignature(back.signature()).encoded());
    assertArrayEquals(tx.signingHash(), back.transaction().signingHash());
  }

  /**
   * Any corruption (a flipped byte, a truncation, an appended byte) is either refused with a typed
   * exception or yields a transaction that re-encodes to exactly the corrupted bytes (canonical
   * decoding: one encoding per value).
   */
  @Property(tries = 1000)
  void corruptedInputIsRefusedOrCanonical(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 4) int typeIndex,
      @ForAll @IntRange(min = 0, max = 2) int mode, @ForAll int where, @ForAll byte value) {
    RandomTxs gen = new RandomTxs(seed);
    byte[] raw = gen.tx(TxType.values()[typeIndex]).sign(gen.key()).encoded();
    byte[] bad;
    int at = Math.floorMod(where, raw.length);
    switch (mode) {
      case 0:
        bad = raw.clone();
        bad[at] ^= (value == 0 ? 1 : value);
        break;
      case 1:
        bad = Arrays.copyOf(raw, at);
        break;
      default:
        bad = Arrays.copyOf(raw, raw.length + 1);
        bad[raw.length] = value;
    }
    SignedTransaction st;
    try {
      st = SignedTransaction.decode(bad);
    } catch (DecodingException e) {
      return;
    }
    try {
      assertArrayEquals(bad, st.transaction().withSignature(st.signature()).encoded());
      st.from();
    } catch (CryptoException | EvmTxException e) {
      // a corrupted signature: typed refusal
    }
  }
}
