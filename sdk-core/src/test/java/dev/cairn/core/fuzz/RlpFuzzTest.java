package dev.cairn.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Rlp;
import dev.cairn.core.encoding.RlpItem;
import dev.cairn.core.encoding.RlpReader;

/** RLP (strict: canonical lengths only): typed rejection only; a decoded item re-encodes to its input. */
class RlpFuzzTest {

  @FuzzTest
  void decode(byte[] input) {
    RlpItem item;
    try {
      item = Rlp.decode(input);
    } catch (DecodingException expected) {
      return;
    }
    byte[] again = Rlp.encode(item);
    assertArrayEquals(input, again);
    assertEquals(item, Rlp.decode(again));
    assertEquals(input.length, item.encodedLength());
    scalars(item);
  }

  /** The streaming reader over the same bytes: walks everything, or refuses with the typed exception. */
  @FuzzTest
  void reader(byte[] input) {
    try {
      walk(RlpReader.of(input), 0);
    } catch (DecodingException expected) {
      // refused
    }
  }

  private static void walk(RlpReader r, int depth) {
    while (r.hasNext()) {
      if (r.nextIsList()) {
        walk(r.enterList(), depth + 1);
      } else if (depth % 3 == 0) {
        r.readBigInteger();
      } else if (depth % 3 == 1) {
        r.readLong();
      } else {
        r.readBytes();
      }
    }
    r.requireEnd();
  }

  // the scalar accessors refuse what is not a canonical scalar with the typed exception
  private static void scalars(RlpItem item) {
    if (item.isList()) {
      for (RlpItem i : item.items()) {
        scalars(i);
      }
      return;
    }
    try {
      assertEquals(item.asBigInteger().longValue(), item.asLong());
    } catch (DecodingException expected) {
      // not a canonical scalar, or too big for a long
    }
    try {
      item.asInt();
    } catch (DecodingException expected) {
      // as above
    }
  }
}
