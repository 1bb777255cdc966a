package dev.cairn.hsm.ledger.hid;

/**
 * An open HID device seen as a stream of 64-byte reports: hidapi ({@link HidApi}), the emulator's
 * in-memory pipe, or an app-supplied Android USB host connection. Not required to be thread-safe
 * ({@link HidTransport} serialises access).
 */
public interface HidDevice extends AutoCloseable {

  /**
   * Writes one 64-byte report (without a HID report id; implementations that need one add it).
   *
   * @throws dev.cairn.hsm.ledger.LedgerException TRANSPORT on an I/O failure or a closed device
   */
  void write(byte[] report);

  /**
   * Reads one report, waiting at most {@code timeoutMillis}.
   *
   * @return the report as read (possibly short: the framing rejects it), or {@code null} on timeout
   * @throws dev.cairn.hsm.ledger.LedgerException TRANSPORT on an I/O failure or a closed device
   */
  byte[] read(int timeoutMillis);

  /** Where the device is (a hidraw path, "emulator", ...). */
  String location();

  /** Closes the device; idempotent. */
  @Override
  void close();
}
