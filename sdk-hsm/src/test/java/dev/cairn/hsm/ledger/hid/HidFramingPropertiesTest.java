package dev.cairn.hsm.ledger.hid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.hsm.ledger.ApduCommand;
import dev.cairn.hsm.ledger.ApduResponse;
import dev.cairn.hsm.ledger.LedgerException;
import dev.cairn.hsm.ledger.StatusWords;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class HidFramingPropertiesTest {

  @Property(tries = 300)
  void roundTrip(@ForAll @Size(max = 2000) byte[] apdu, @ForAll @IntRange(min = 0, max = 0xFFFF) int channel) {
    List<byte[]> reports = HidFraming.encode(channel, apdu);
    assertEquals(Math.max(1, (apdu.length + 2 + 58) / 59), reports.size());
    HidFraming.Decoder d = HidFraming.decoder(channel);
    for (int i = 0; i < reports.size(); i++) {
      byte[] r = reports.get(i);
      assertEquals(64, r.length);
      assertEquals(channel, ((r[0] & 0xFF) << 8) | (r[1] & 0xFF));
      assertEquals(5, r[2]);
      assertEquals(i, ((r[3] & 0xFF) << 8) | (r[4] & 0xFF));
      assertEquals(i == reports.size() - 1, d.accept(r));
    }
    assertArrayEquals(apdu, d.result());
  }

  @Test
  void knownFrame() {
    // ledgerjs: e006000000 on channel 0x0101 -> 0101 05 0000 0005 e006000000 then zeros
    byte[] r = HidFraming.encode(0x0101, new byte[] {(byte) 0xe0, 6, 0, 0, 0}).get(0);
    assertEquals("010105000000" + "05e006000000", dev.cairn.core.encoding.Hex.encode(Arrays.copyOf(r, 12)));
  }

  @Property(tries = 200)
  void wrongSequenceIsTyped(@ForAll @Size(min = 60, max = 600) byte[] apdu, @ForAll @IntRange(min = 1, max = 60000) int bump) {
    List<byte[]> reports = HidFraming.encode(0x0101, apdu);
    HidFraming.Decoder d = HidFraming.decoder(0x0101);
    d.accept(reports.get(0));
    byte[] second = reports.get(1).clone();
    int seq = 1 + bump;
    second[3] = (byte) (seq >>> 8);
    second[4] = (byte) seq;
    LedgerException e = assertThrows(LedgerException.class, () -> d.accept(second));
    assertEquals(LedgerException.Kind.MALFORMED_FRAME, e.kind());
    assertEquals("frame.sequence", e.field());
  }

  @Property(tries = 200)
  void shortReadsAreTyped(@ForAll @Size(max = 63) byte[] report) {
    LedgerException e = assertThrows(LedgerException.class, () -> HidFraming.decoder(0x0101).accept(report));
    assertEquals("frame.length", e.field());
    assertEquals(LedgerException.Kind.MALFORMED_FRAME, e.kind());
  }

  @Property(tries = 300)
  void arbitraryReportsNeverCrash(@ForAll @Size(min = 64, max = 64) byte[] a, @ForAll @Size(min = 64, max = 64) byte[] b) {
    HidFraming.Decoder d = HidFraming.decoder(0x0101);
    try {
      if (!d.accept(a)) {
        d.accept(b);
      }
    } catch (LedgerException e) {
      assertEquals(LedgerException.Kind.MALFORMED_FRAME, e.kind());
      assertTrue(e.field().startsWith("frame"));
    }
  }

  @Test
  void wrongChannelAndTagAreTyped() {
    byte[] r = HidFraming.encode(0x0101, new byte[] {1, 2, 3}).get(0);
    assertEquals("frame.channel", assertThrows(LedgerException.class, () -> HidFraming.decoder(0x0202).accept(r)).field());
    byte[] t = r.clone();
    t[2] = 0x02;
    assertEquals("frame.tag", assertThrows(LedgerException.class, () -> HidFraming.decoder(0x0101).accept(t)).field());
    assertEquals("frame", assertThrows(LedgerException.class, () -> HidFraming.decoder(0x0101).result()).field());
  }

  /** A device that answers a scripted list of reports (possibly malformed). */
  static final class ScriptedDevice implements HidDevice {
    final Deque<byte[]> replies = new ArrayDeque<>();
    int written;

    @Override
    public void write(byte[] report) {
      written++;
    }

    @Override
    public byte[] read(int timeoutMillis) {
      return replies.pollFirst();
    }

    @Override
    public String location() {
      return "scripted";
    }

    @Override
    public void close() {}
  }

  @Test
  void transportTypesFramingErrorsTimeoutsAndUnknownStatusWords() {
    ScriptedDevice dev = new ScriptedDevice();
    HidTransport t = HidTransport.open(dev, 0x0101, 50);
    byte[] cmd = {(byte) 0xe0, 6, 0, 0, 0};
    // short read
    dev.replies.add(new byte[10]);
    assertEquals("frame.length", assertThrows(LedgerException.class, () -> t.exchange(cmd)).field());
    // timeout (no report): TRANSPORT
    LedgerException timeout = assertThrows(LedgerException.class, () -> t.exchange(cmd));
    assertEquals(LedgerException.Kind.TRANSPORT, timeout.kind());
    // truncated multi-report answer then silence
    List<byte[]> big = HidFraming.encode(0x0101, new byte[200]);
    dev.replies.add(big.get(0));
    assertEquals(LedgerException.Kind.TRANSPORT, assertThrows(LedgerException.class, () -> t.exchange(cmd)).kind());
    // unknown status word: typed by number
    dev.replies.addAll(HidFraming.encode(0x0101, new byte[] {0x6f, 0x42}));
    ApduResponse r = t.exchange(ApduCommand.of(0xe0, 6, 0, 0, new byte[0]));
    LedgerException sw = assertThrows(LedgerException.class, r::dataOrThrow);
    assertEquals(LedgerException.Kind.DEVICE_ERROR, sw.kind());
    assertEquals(0x6f42, sw.statusWord());
    assertTrue(sw.getMessage().contains("0x6F42"), sw.getMessage());
    t.close();
    assertEquals(LedgerException.Kind.TRANSPORT, assertThrows(LedgerException.class, () -> t.exchange(cmd)).kind());
  }

  @Property(tries = 200)
  void everyStatusWordIsTyped(@ForAll @IntRange(min = 0, max = 0xFFFF) int sw) {
    ApduResponse r = ApduResponse.parse(new byte[] {(byte) (sw >>> 8), (byte) sw});
    if (sw == StatusWords.OK) {
      assertEquals(0, r.dataOrThrow().length);
      return;
    }
    LedgerException e = assertThrows(LedgerException.class, r::dataOrThrow);
    assertEquals(sw, e.statusWord());
    assertEquals(StatusWords.classify(sw), e.kind());
  }

  @Test
  void statusWordsMapToSignerReasons() {
    assertEquals(dev.cairn.core.signer.SignerException.Reason.REJECTED_BY_USER,
        LedgerException.ofStatus(0x6985).toSignerException().reason());
    for (int sw : new int[] {0x6D00, 0x6E00, 0x6511, 0x5515}) {
      assertEquals(dev.cairn.core.signer.SignerException.Reason.DEVICE_UNAVAILABLE,
          LedgerException.ofStatus(sw).toSignerException().reason(), Integer.toHexString(sw));
    }
    assertEquals(LedgerException.Kind.INVALID_DATA, LedgerException.ofStatus(0x6A80).kind());
    assertEquals(LedgerException.Kind.DEVICE_LOCKED, LedgerException.ofStatus(0x5515).kind());
    assertEquals(LedgerException.Kind.WRONG_APP, LedgerException.ofStatus(0x6511).kind());
  }
}
