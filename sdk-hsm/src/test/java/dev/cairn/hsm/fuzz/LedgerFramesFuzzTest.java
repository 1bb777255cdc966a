package dev.cairn.hsm.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.hsm.ledger.ApduCommand;
import dev.cairn.hsm.ledger.ApduResponse;
import dev.cairn.hsm.ledger.LedgerException;
import dev.cairn.hsm.ledger.StatusWords;
import dev.cairn.hsm.ledger.hid.HidFraming;
import java.util.Arrays;
import java.util.List;

/**
 * What a Ledger sends back, below the apps: USB-HID reports (channel, tag, sequence index, APDU
 * length), response APDUs and their status words, and command APDUs (which the emulator — and any
 * relay — takes from outside too). Each decoder returns a value or throws {@link LedgerException}
 * and nothing else; the formats are canonical, so a decoded APDU re-frames to the same report
 * bytes (up to the padding of the last report) and a parsed response or command re-encodes to its
 * input (the one leniency: a bare 4-byte command header is read as Lc = 0 and written with it).
 */
class LedgerFramesFuzzTest {

  /** The bytes are cut into 64-byte reports (a shorter last piece is a short read). */
  @FuzzTest(maxDuration = "10m")
  void hidFrames(byte[] data) {
    HidFraming.Decoder d = HidFraming.decoder(HidFraming.DEFAULT_CHANNEL);
    int used = 0;
    byte[] apdu = null;
    try {
      for (int off = 0; off < data.length; off += HidFraming.REPORT_SIZE) {
        byte[] report = Arrays.copyOfRange(data, off, Math.min(data.length, off + HidFraming.REPORT_SIZE));
        used++;
        if (d.accept(report)) {
          apdu = d.result();
          break;
        }
      }
      if (apdu == null) {
        assertTrue(!d.isComplete());
        d.result(); // must throw: incomplete
        throw new AssertionError("result() of an incomplete APDU returned");
      }
    } catch (LedgerException e) {
      assertEquals(LedgerException.Kind.MALFORMED_FRAME, e.kind());
      return;
    }
    List<byte[]> frames = HidFraming.encode(HidFraming.DEFAULT_CHANNEL, apdu);
    assertEquals(used, frames.size(), "report count");
    int remaining = apdu.length + 2;
    for (int i = 0; i < frames.size(); i++) {
      int meaningful = Math.min(HidFraming.REPORT_SIZE, 5 + remaining);
      byte[] in = Arrays.copyOfRange(data, i * HidFraming.REPORT_SIZE, i * HidFraming.REPORT_SIZE + meaningful);
      assertArrayEquals(in, Arrays.copyOf(frames.get(i), meaningful), "report " + i);
      remaining -= meaningful - 5;
    }
    // and a further report after completion is refused
    try {
      d.accept(new byte[HidFraming.REPORT_SIZE]);
      throw new AssertionError("a report after a complete APDU was accepted");
    } catch (LedgerException e) {
      assertEquals(LedgerException.Kind.MALFORMED_FRAME, e.kind());
    }
  }

  @FuzzTest(maxDuration = "10m")
  void apduResponse(byte[] data) {
    ApduResponse r;
    try {
      r = ApduResponse.parse(data);
    } catch (LedgerException e) {
      return;
    }
    assertArrayEquals(data, r.encode());
    int sw = r.statusWord();
    assertNotNull(StatusWords.classify(sw));
    assertNotNull(StatusWords.describe(sw));
    assertEquals(4, StatusWords.hex(sw).length() - (StatusWords.hex(sw).startsWith("0x") ? 2 : 0));
    try {
      assertArrayEquals(r.data(), r.dataOrThrow());
      assertTrue(r.isOk());
    } catch (LedgerException e) {
      assertTrue(!r.isOk());
      assertEquals(sw, e.statusWord());
    }
    r.toString();
  }

  @FuzzTest(maxDuration = "10m")
  void apduCommand(byte[] data) {
    ApduCommand c;
    try {
      c = ApduCommand.parse(data);
    } catch (LedgerException e) {
      return;
    }
    if (data.length == 4) {
      // documented leniency: a bare header is a command without data, written back with Lc = 0
      assertArrayEquals(Arrays.copyOf(data, 5), c.encode());
      assertEquals(c, ApduCommand.parse(c.encode()));
    } else {
      assertArrayEquals(data, c.encode());
    }
    c.toString();
  }
}
