package dev.cairn.hsm.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.hsm.emulator.EthereumEmulatorApp;
import dev.cairn.hsm.emulator.LedgerEmulator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ApduPropertiesTest {
  static final LedgerEmulator EMU = LedgerEmulator.builder().app(EthereumEmulatorApp.create()).build();

  @Property(tries = 300)
  void commandRoundTrip(@ForAll @IntRange(max = 255) int cla, @ForAll @IntRange(max = 255) int ins,
      @ForAll @IntRange(max = 255) int p1, @ForAll @IntRange(max = 255) int p2, @ForAll @Size(max = 255) byte[] data) {
    ApduCommand c = ApduCommand.of(cla, ins, p1, p2, data);
    byte[] wire = c.encode();
    assertEquals(5 + data.length, wire.length);
    assertEquals(c, ApduCommand.parse(wire));
    assertArrayEquals(data, ApduCommand.parse(wire).data());
  }

  @Property(tries = 300)
  void malformedCommandsAreTyped(@ForAll @Size(max = 300) byte[] wire) {
    try {
      ApduCommand c = ApduCommand.parse(wire);
      assertTrue(wire.length == 4 || wire.length == 5 + (wire[4] & 0xFF));
      assertEquals(c.dataLength(), Math.max(0, wire.length - 5));
    } catch (LedgerException e) {
      assertEquals(LedgerException.Kind.MALFORMED_FRAME, e.kind());
    }
  }

  @Property(tries = 300)
  void responseRoundTrip(@ForAll @Size(max = 300) byte[] data, @ForAll @IntRange(max = 0xFFFF) int sw) {
    ApduResponse r = ApduResponse.of(data, sw);
    ApduResponse back = ApduResponse.parse(r.encode());
    assertEquals(r, back);
    assertEquals(sw, back.statusWord());
  }

  @Property(tries = 100)
  void tooShortResponsesAreTyped(@ForAll @Size(max = 1) byte[] wire) {
    assertEquals(LedgerException.Kind.MALFORMED_FRAME, assertThrows(LedgerException.class, () -> ApduResponse.parse(wire)).kind());
  }

  /** Whatever a host sends, the emulator answers with a status word and never throws or hangs. */
  @Property(tries = 500)
  void emulatorAnswersAnyBytesWithAStatusWord(@ForAll @IntRange(min = 0, max = 0x1F) int ins, @ForAll @IntRange(max = 255) int p1,
      @ForAll @IntRange(max = 255) int p2, @ForAll @Size(max = 255) byte[] data) {
    byte[] r = EMU.process(ApduCommand.of(0xE0, ins, p1, p2, data).encode());
    assertTrue(r.length >= 2);
    EMU.unlock();
  }

  @Property(tries = 100)
  void pathsRoundTrip(@ForAll @Size(min = 1, max = 10) int[] components) {
    dev.cairn.core.hd.DerivationPath p = dev.cairn.core.hd.DerivationPath.of(components);
    byte[] enc = LedgerPaths.encode(p);
    assertEquals(p, LedgerPaths.decode(enc, 0));
    assertEquals(p, LedgerPaths.parse(p.toString()));
  }
}
