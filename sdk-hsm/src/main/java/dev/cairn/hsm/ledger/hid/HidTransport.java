package dev.cairn.hsm.ledger.hid;

import dev.cairn.hsm.ledger.LedgerException;
import dev.cairn.hsm.ledger.LedgerTransport;
import dev.cairn.hsm.ledger.TransportDescriptor;
import java.util.List;

/**
 * A {@link LedgerTransport} over a {@link HidDevice}: frames each command APDU with {@link
 * HidFraming}, writes the reports, and reads reports until the response is complete. One exchange
 * at a time (synchronised). A read timeout applies to each report; a user confirming on the device
 * takes time, so the default is generous (5 minutes).
 *
 * <pre>{@code
 * try (LedgerTransport t = HidTransport.open(hidDevice)) {
 *   ApduResponse r = t.exchange(ApduCommand.of(0xE0, 0x06, 0, 0, new byte[0]));
 * }
 * }</pre>
 */
public final class HidTransport implements LedgerTransport {
  /** The default wait for one report: 5 minutes (the user may be reading the device's screen). */
  public static final int DEFAULT_TIMEOUT_MILLIS = 300_000;

  private final HidDevice device;
  private final int channel;
  private final int timeoutMillis;
  private final TransportDescriptor descriptor;
  private boolean closed;

  private HidTransport(HidDevice device, int channel, int timeoutMillis) {
    this.device = device;
    this.channel = channel;
    this.timeoutMillis = timeoutMillis;
    this.descriptor = TransportDescriptor.of("hid", device.location());
  }

  /** A transport on {@link HidFraming#DEFAULT_CHANNEL} with the default timeout. */
  public static HidTransport open(HidDevice device) {
    return open(device, HidFraming.DEFAULT_CHANNEL, DEFAULT_TIMEOUT_MILLIS);
  }

  /**
   * A transport with an explicit channel and per-report read timeout.
   *
   * @throws LedgerException (INVALID_ARGUMENT) on a null device, a channel outside 16 bits or a
   *     non-positive timeout
   */
  public static HidTransport open(HidDevice device, int channel, int timeoutMillis) {
    if (device == null) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "device", "is null");
    }
    if (channel < 0 || channel > 0xFFFF) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "channel", "is not a 16-bit value");
    }
    if (timeoutMillis <= 0) {
      throw new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, "timeoutMillis", "must be positive");
    }
    return new HidTransport(device, channel, timeoutMillis);
  }

  @Override
  public synchronized byte[] exchange(byte[] commandApdu) {
    if (closed) {
      throw new LedgerException(LedgerException.Kind.TRANSPORT, "transport", "is closed");
    }
    List<byte[]> reports = HidFraming.encode(channel, commandApdu);
    for (byte[] r : reports) {
      device.write(r);
    }
    HidFraming.Decoder decoder = HidFraming.decoder(channel);
    while (true) {
      byte[] report = device.read(timeoutMillis);
      if (report == null) {
        throw new LedgerException(LedgerException.Kind.TRANSPORT, "read",
            "no report from the device within " + timeoutMillis + " ms");
      }
      if (decoder.accept(report)) {
        return decoder.result();
      }
    }
  }

  @Override
  public TransportDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      device.close();
    }
  }

  @Override
  public String toString() {
    return "HidTransport{" + descriptor + "}";
  }
}
