package dev.cairn.hsm.ledger;

import java.util.Arrays;

/**
 * A short command APDU: CLA, INS, P1, P2 and up to 255 data bytes (Lc is always sent, as Ledger
 * apps expect, even when the data is empty). Immutable; the data is copied in and out.
 *
 * <pre>{@code
 * ApduCommand cmd = ApduCommand.of(0xE0, 0x06, 0, 0, new byte[0]);   // Ethereum getAppConfiguration
 * byte[] wire = cmd.encode();                                       // e006000000
 * }</pre>
 */
public final class ApduCommand {
  /** The largest data field of a short APDU. */
  public static final int MAX_DATA = 255;

  private final int cla;
  private final int ins;
  private final int p1;
  private final int p2;
  private final byte[] data;

  private ApduCommand(int cla, int ins, int p1, int p2, byte[] data) {
    this.cla = cla;
    this.ins = ins;
    this.p1 = p1;
    this.p2 = p2;
    this.data = data;
  }

  /**
   * A command.
   *
   * @throws LedgerException (INVALID_ARGUMENT) if a header byte is outside 0..255 or the data is
   *     null or longer than {@value #MAX_DATA} bytes
   */
  public static ApduCommand of(int cla, int ins, int p1, int p2, byte[] data) {
    checkByte("cla", cla);
    checkByte("ins", ins);
    checkByte("p1", p1);
    checkByte("p2", p2);
    if (data == null) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "data", "is null");
    }
    if (data.length > MAX_DATA) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "data",
          "has " + data.length + " bytes, a short APDU carries at most " + MAX_DATA);
    }
    return new ApduCommand(cla, ins, p1, p2, data.clone());
  }

  /**
   * Parses an encoded command ({@code CLA INS P1 P2 [Lc data]}; a bare 4-byte header means no data).
   *
   * @throws LedgerException (MALFORMED_FRAME) naming the offset when the length byte disagrees with
   *     the data
   */
  public static ApduCommand parse(byte[] apdu) {
    if (apdu == null || apdu.length < 4) {
      throw new LedgerException(LedgerException.Kind.MALFORMED_FRAME, "apdu",
          "has " + (apdu == null ? "no" : apdu.length) + " bytes, a command needs at least 4");
    }
    if (apdu.length == 4) {
      return new ApduCommand(apdu[0] & 0xFF, apdu[1] & 0xFF, apdu[2] & 0xFF, apdu[3] & 0xFF, new byte[0]);
    }
    int lc = apdu[4] & 0xFF;
    if (apdu.length != 5 + lc) {
      throw new LedgerException(LedgerException.Kind.MALFORMED_FRAME, "apdu.lc",
          "Lc at offset 4 is " + lc + " but " + (apdu.length - 5) + " data bytes follow");
    }
    return new ApduCommand(apdu[0] & 0xFF, apdu[1] & 0xFF, apdu[2] & 0xFF, apdu[3] & 0xFF,
        Arrays.copyOfRange(apdu, 5, apdu.length));
  }

  private static void checkByte(String field, int v) {
    if (v < 0 || v > 0xFF) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, field, "is " + v + ", not a byte (0..255)");
    }
  }

  /** The class byte. */
  public int cla() {
    return cla;
  }

  /** The instruction byte. */
  public int ins() {
    return ins;
  }

  /** P1. */
  public int p1() {
    return p1;
  }

  /** P2. */
  public int p2() {
    return p2;
  }

  /** A copy of the data field. */
  public byte[] data() {
    return data.clone();
  }

  /** The data length (Lc). */
  public int dataLength() {
    return data.length;
  }

  /** The wire form {@code CLA INS P1 P2 Lc data}. */
  public byte[] encode() {
    byte[] out = new byte[5 + data.length];
    out[0] = (byte) cla;
    out[1] = (byte) ins;
    out[2] = (byte) p1;
    out[3] = (byte) p2;
    out[4] = (byte) data.length;
    System.arraycopy(data, 0, out, 5, data.length);
    return out;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ApduCommand)) {
      return false;
    }
    ApduCommand c = (ApduCommand) o;
    return cla == c.cla && ins == c.ins && p1 == c.p1 && p2 == c.p2 && Arrays.equals(data, c.data);
  }

  @Override
  public int hashCode() {
    return ((cla * 31 + ins) * 31 + p1) * 31 + p2 + 17 * Arrays.hashCode(data);
  }

  /** Header and data length only (the data may be a transaction the caller considers private). */
  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "ApduCommand{cla=%02x, ins=%02x, p1=%02x, p2=%02x, lc=%d}", cla, ins, p1, p2,
        data.length);
  }
}
