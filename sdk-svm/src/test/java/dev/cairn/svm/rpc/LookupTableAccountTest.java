package dev.cairn.svm.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.encoding.DecodingException;
import dev.cairn.svm.Pubkey;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The lookup table account codec: round trips of random states, and rejection of malformed data. */
class LookupTableAccountTest {
  private static final Pubkey KEY = Pubkey.of(new byte[32]);

  static byte[] encode(long deactivation, long lastExtended, int startIndex, Pubkey authority, List<Pubkey> addresses) {
    ByteBuffer b = ByteBuffer.allocate(LookupTableAccount.META_SIZE + 32 * addresses.size()).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(1).putLong(deactivation).putLong(lastExtended).put((byte) startIndex);
    b.put((byte) (authority == null ? 0 : 1));
    b.put(authority == null ? new byte[32] : authority.bytes());
    b.putShort((short) 0);
    for (Pubkey a : addresses) {
      b.put(a.bytes());
    }
    return b.array();
  }

  @Property(tries = 300)
  void roundTrips(@ForAll long deactivation, @ForAll long lastExtended, @ForAll @IntRange(max = 255) int startIndex,
      @ForAll boolean frozen, @ForAll @IntRange(max = 256) int count, @ForAll long seed) {
    Random r = new Random(seed);
    List<Pubkey> addresses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] k = new byte[32];
      r.nextBytes(k);
      addresses.add(Pubkey.of(k));
    }
    byte[] auth = new byte[32];
    r.nextBytes(auth);
    Pubkey authority = frozen ? null : Pubkey.of(auth);
    LookupTableAccount t = LookupTableAccount.decode(KEY, encode(deactivation, lastExtended, startIndex, authority, addresses));
    assertEquals(addresses, t.addresses());
    assertEquals(addresses, t.table().addresses());
    assertEquals(KEY, t.table().key());
    assertEquals(Optional.ofNullable(authority), t.authority());
    assertEquals(deactivation, t.deactivationSlot());
    assertEquals(deactivation == -1L, t.isActive());
    assertEquals(lastExtended, t.lastExtendedSlot());
    assertEquals(startIndex, t.lastExtendedSlotStartIndex());
  }

  @Property(tries = 500)
  void malformedDataIsRejectedWithATypedError(@ForAll @IntRange(max = 40) int count, @ForAll long seed) {
    Random r = new Random(seed);
    List<Pubkey> addresses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      addresses.add(Pubkey.of(new byte[32]));
    }
    byte[] good = encode(-1, 5, 0, KEY, addresses);
    byte[] bad;
    switch (r.nextInt(3)) {
      case 0: // cut inside the header or an address
        int cut = r.nextInt(good.length);
        bad = java.util.Arrays.copyOf(good, cut - (cut >= LookupTableAccount.META_SIZE && (cut - LookupTableAccount.META_SIZE) % 32 == 0 ? 1 : 0));
        break;
      case 1: // another state type
        bad = good.clone();
        bad[0] = (byte) (2 + r.nextInt(200));
        break;
      default: // an invalid option tag
        bad = good.clone();
        bad[21] = (byte) (2 + r.nextInt(200));
    }
    DecodingException e = assertThrows(DecodingException.class, () -> LookupTableAccount.decode(KEY, bad));
    assertTrue(e.getMessage().contains("lookupTable"), e.getMessage());
  }

  @Property(tries = 20)
  void moreThan256AddressesAreRejected(@ForAll @IntRange(min = 257, max = 300) int count) {
    List<Pubkey> addresses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      addresses.add(KEY);
    }
    assertThrows(DecodingException.class, () -> LookupTableAccount.decode(KEY, encode(-1, 0, 0, null, addresses)));
  }
}
