package dev.cairn.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.core.encoding.DecodingException;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Round trips and malformed-input properties of the codec over random nested types. */
class CodecPropertiesTest {

  @Provide
  Arbitrary<RandomAbi.Case> cases() {
    return Arbitraries.randomValue(RandomAbi::randomCase);
  }

  @Provide
  Arbitrary<Random> randoms() {
    return Arbitraries.longs().map(Random::new);
  }

  @Property(tries = 1000)
  void roundTrip(@ForAll("cases") RandomAbi.Case c) {
    byte[] enc = c.type().encode(c.value());
    Tuple dec = c.type().decode(enc);
    assertEquals(c.value(), dec);
    assertArrayEquals(enc, c.type().encode(dec));
    // decoding in place inside a larger array
    byte[] framed = new byte[enc.length + 7];
    System.arraycopy(enc, 0, framed, 3, enc.length);
    assertEquals(c.value(), c.type().decode(framed, 3, enc.length));
  }

  /** Decoding either succeeds with a value that re-encodes to exactly the input, or throws DecodingException. */
  private static void decodesCanonicallyOrRejects(TupleType t, byte[] data) {
    Tuple v;
    try {
      v = t.decode(data);
    } catch (DecodingException e) {
      return;
    }
    assertArrayEquals(data, t.encode(v), "accepted a non-canonical encoding of " + t);
  }

  @Property(tries = 250)
  void everySingleByteMutation(@ForAll("cases") RandomAbi.Case c, @ForAll("randoms") Random r) {
    byte[] enc = c.type().encode(c.value());
    // every position, with a random xor and with 0x00/0xff/0x01 overwrites (interesting for words)
    for (int i = 0; i < enc.length; i++) {
      byte keep = enc[i];
      byte[] variants = {(byte) (keep ^ (1 + r.nextInt(255))), 0x00, (byte) 0xff, 0x01, (byte) 0x80, (byte) (keep ^ 1)};
      for (byte m : variants) {
        enc[i] = m;
        decodesCanonicallyOrRejects(c.type(), enc);
      }
      enc[i] = keep;
    }
  }

  @Property(tries = 400)
  void truncationAndExtension(@ForAll("cases") RandomAbi.Case c, @ForAll("randoms") Random r) {
    byte[] enc = c.type().encode(c.value());
    for (int len = 0; len < enc.length; len++) {
      byte[] cut = Arrays.copyOf(enc, len);
      assertThrows(DecodingException.class, () -> c.type().decode(cut), "truncated to " + len);
    }
    for (int extra = 1; extra <= 64; extra += 1 + r.nextInt(16)) {
      byte[] longer = Arrays.copyOf(enc, enc.length + extra);
      if (r.nextBoolean()) {
        byte[] tail = new byte[extra];
        r.nextBytes(tail);
        System.arraycopy(tail, 0, longer, enc.length, extra);
      }
      assertThrows(DecodingException.class, () -> c.type().decode(longer), "extended by " + extra);
    }
  }

  @Property(tries = 300)
  void randomBytesNeverCrash(@ForAll("cases") RandomAbi.Case c, @ForAll("randoms") Random r) {
    byte[] data = new byte[r.nextInt(300)];
    r.nextBytes(data);
    // random words, sometimes small (so lengths and offsets look plausible)
    for (int i = 0; i + 32 <= data.length; i += 32) {
      if (r.nextBoolean()) {
        Arrays.fill(data, i, i + 31, (byte) 0);
        data[i + 31] = (byte) r.nextInt(0x80);
      }
    }
    decodesCanonicallyOrRejects(c.type(), data);
  }
}
