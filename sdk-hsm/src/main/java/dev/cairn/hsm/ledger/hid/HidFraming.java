package dev.cairn.hsm.ledger.hid;

import dev.cairn.hsm.ledger.LedgerException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Ledger HID framing, the same in both directions: an APDU (command or response) is prefixed
 * with its big-endian 2-byte length and cut into 64-byte reports, each starting with the 2-byte
 * channel id, the tag {@code 0x05} and a 2-byte big-endian sequence index (0, 1, ...); the last
 * report is zero-padded. Use {@link #encode} to frame and a {@link Decoder} to reassemble.
 *
 * <pre>{@code
 * List<byte[]> reports = HidFraming.encode(HidFraming.DEFAULT_CHANNEL, apdu);
 * HidFraming.Decoder d = HidFraming.decoder(HidFraming.DEFAULT_CHANNEL);
 * for (byte[] r : reports) { d.accept(r); }
 * byte[] back = d.result();
 * }</pre>
 */
public final class HidFraming {
  /** The report size Ledger devices use. */
  public static final int REPORT_SIZE = 64;
  /** The tag of APDU reports. */
  public static final int TAG_APDU = 0x05;
  /** The channel ledgerjs uses. */
  public static final int DEFAULT_CHANNEL = 0x0101;
  /** The largest APDU the 2-byte length can announce. */
  public static final int MAX_APDU = 0xFFFF;

  private static final int HEADER = 5;

  private HidFraming() {}

  /**
   * Frames an APDU into 64-byte reports.
   *
   * @throws LedgerException (INVALID_ARGUMENT) on a channel outside 0..0xFFFF, a null APDU or one
   *     longer than {@value #MAX_APDU} bytes
   */
  public static List<byte[]> encode(int channel, byte[] apdu) {
    if (channel < 0 || channel > 0xFFFF) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "channel", "is not a 16-bit value");
    }
    if (apdu == null || apdu.length > MAX_APDU) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "apdu",
          apdu == null ? "is null" : "has " + apdu.length + " bytes, more than " + MAX_APDU);
    }
    List<byte[]> out = new ArrayList<>(apdu.length / (REPORT_SIZE - HEADER) + 1);
    int offset = 0;
    int seq = 0;
    do {
      byte[] r = new byte[REPORT_SIZE];
      r[0] = (byte) (channel >>> 8);
      r[1] = (byte) channel;
      r[2] = (byte) TAG_APDU;
      r[3] = (byte) (seq >>> 8);
      r[4] = (byte) seq;
      int pos = HEADER;
      if (seq == 0) {
        r[5] = (byte) (apdu.length >>> 8);
        r[6] = (byte) apdu.length;
        pos = HEADER + 2;
      }
      int n = Math.min(REPORT_SIZE - pos, apdu.length - offset);
      System.arraycopy(apdu, offset, r, pos, n);
      offset += n;
      out.add(r);
      seq++;
    } while (offset < apdu.length);
    return out;
  }

  /** A decoder for one APDU on {@code channel}. */
  public static Decoder decoder(int channel) {
    if (channel < 0 || channel > 0xFFFF) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "channel", "is not a 16-bit value");
    }
    return new Decoder(channel);
  }

  /**
   * Reassembles one APDU from reports. Not thread-safe; one instance per APDU (or {@link #reset()}).
   * Every violation is a {@link LedgerException} of kind MALFORMED_FRAME naming the field: a report
   * that is not 64 bytes (short read), the wrong channel or tag, an out-of-order sequence index.
   */
  public static final class Decoder {
    private final int channel;
    private byte[] buffer;
    private int filled;
    private int expectedSeq;

    private Decoder(int channel) {
      this.channel = channel;
    }

    /**
     * Takes the next report.
     *
     * @return whether the APDU is complete
     * @throws LedgerException (MALFORMED_FRAME) on a malformed report, or if the APDU is already complete
     */
    public boolean accept(byte[] report) {
      if (buffer != null && filled == buffer.length) {
        throw malformed("frame", "the APDU is already complete");
      }
      if (report == null || report.length != REPORT_SIZE) {
        throw malformed("frame.length", "short read: a report has " + (report == null ? 0 : report.length)
            + " bytes, expected " + REPORT_SIZE);
      }
      int ch = ((report[0] & 0xFF) << 8) | (report[1] & 0xFF);
      if (ch != channel) {
        throw malformed("frame.channel", "is 0x" + Integer.toHexString(ch) + ", expected 0x" + Integer.toHexString(channel));
      }
      if ((report[2] & 0xFF) != TAG_APDU) {
        throw malformed("frame.tag", "is 0x" + Integer.toHexString(report[2] & 0xFF) + ", expected 0x05");
      }
      int seq = ((report[3] & 0xFF) << 8) | (report[4] & 0xFF);
      if (seq != expectedSeq) {
        throw malformed("frame.sequence", "is " + seq + ", expected " + expectedSeq);
      }
      int pos = HEADER;
      if (seq == 0) {
        int len = ((report[5] & 0xFF) << 8) | (report[6] & 0xFF);
        buffer = new byte[len];
        filled = 0;
        pos = HEADER + 2;
      }
      int n = Math.min(REPORT_SIZE - pos, buffer.length - filled);
      System.arraycopy(report, pos, buffer, filled, n);
      filled += n;
      expectedSeq++;
      return filled == buffer.length;
    }

    /** Whether a whole APDU has been received. */
    public boolean isComplete() {
      return buffer != null && filled == buffer.length;
    }

    /**
     * The reassembled APDU.
     *
     * @throws LedgerException (MALFORMED_FRAME) if it is not complete yet
     */
    public byte[] result() {
      if (!isComplete()) {
        throw malformed("frame", "the APDU is incomplete: " + filled + " of "
            + (buffer == null ? "?" : Integer.toString(buffer.length)) + " bytes");
      }
      return buffer.clone();
    }

    /** Forgets any partial APDU. */
    public void reset() {
      buffer = null;
      filled = 0;
      expectedSeq = 0;
    }

    private static LedgerException malformed(String field, String problem) {
      return new LedgerException(LedgerException.Kind.MALFORMED_FRAME, field, problem);
    }
  }
}
