package dev.cairn.hsm.ledger;

import java.util.Arrays;

/**
 * A response APDU: data followed by a two-byte status word. Immutable.
 *
 * <pre>{@code
 * ApduResponse r = ApduResponse.parse(reply);
 * byte[] data = r.dataOrThrow();   // LedgerException unless the status word is 0x9000
 * }</pre>
 */
public final class ApduResponse {
  private final byte[] data;
  private final int statusWord;

  private ApduResponse(byte[] data, int statusWord) {
    this.data = data;
    this.statusWord = statusWord;
  }

  /**
   * Parses {@code data || SW1 SW2}.
   *
   * @throws LedgerException (MALFORMED_FRAME) if there are fewer than 2 bytes
   */
  public static ApduResponse parse(byte[] response) {
    if (response == null || response.length < 2) {
      throw new LedgerException(LedgerException.Kind.MALFORMED_FRAME, "response",
          "has " + (response == null ? "no" : response.length) + " bytes, a response needs a 2-byte status word");
    }
    int n = response.length;
    return new ApduResponse(Arrays.copyOf(response, n - 2), ((response[n - 2] & 0xFF) << 8) | (response[n - 1] & 0xFF));
  }

  /** A response with data and status word. */
  public static ApduResponse of(byte[] data, int statusWord) {
    if (data == null) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "data", "is null");
    }
    if (statusWord < 0 || statusWord > 0xFFFF) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "statusWord", "is not a 16-bit value");
    }
    return new ApduResponse(data.clone(), statusWord);
  }

  /** A response with no data and the given status word. */
  public static ApduResponse status(int statusWord) {
    return of(new byte[0], statusWord);
  }

  /** A 0x9000 response with data. */
  public static ApduResponse ok(byte[] data) {
    return of(data, StatusWords.OK);
  }

  /** The status word. */
  public int statusWord() {
    return statusWord;
  }

  /** Whether the status word is 0x9000. */
  public boolean isOk() {
    return statusWord == StatusWords.OK;
  }

  /** A copy of the data (without the status word). */
  public byte[] data() {
    return data.clone();
  }

  /**
   * The data if the status word is 0x9000.
   *
   * @throws LedgerException classified by {@link StatusWords#classify(int)} otherwise
   */
  public byte[] dataOrThrow() {
    if (!isOk()) {
      throw LedgerException.ofStatus(statusWord);
    }
    return data.clone();
  }

  /** The wire form {@code data || SW1 SW2}. */
  public byte[] encode() {
    byte[] out = Arrays.copyOf(data, data.length + 2);
    out[data.length] = (byte) (statusWord >>> 8);
    out[data.length + 1] = (byte) statusWord;
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApduResponse && ((ApduResponse) o).statusWord == statusWord
        && Arrays.equals(((ApduResponse) o).data, data);
  }

  @Override
  public int hashCode() {
    return statusWord * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "ApduResponse{sw=" + StatusWords.hex(statusWord) + ", length=" + data.length + "}";
  }
}
