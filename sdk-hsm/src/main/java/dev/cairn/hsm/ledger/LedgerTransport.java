package dev.cairn.hsm.ledger;

/**
 * A connection to a Ledger device that exchanges APDUs: USB-HID ({@code ledger.hid}), the Speculos
 * TCP protocol ({@code ledger.speculos}), the software emulator ({@code dev.cairn.hsm.emulator}),
 * or a transport the app supplies (Android USB host, BLE) — implement {@link #exchange(byte[])}.
 *
 * <p>Implementations are thread-safe: exchanges are serialised, one APDU in flight at a time.
 * Apps build on {@link #exchange(ApduCommand)}, which parses the status word but does not throw
 * on an error status word (an app decides what its status words mean; see {@link
 * ApduResponse#dataOrThrow()}).
 */
public interface LedgerTransport extends AutoCloseable {

  /**
   * Sends one encoded command APDU and returns the encoded response (data and status word).
   *
   * @throws LedgerException TRANSPORT on I/O failure, timeout or a closed transport, MALFORMED_FRAME
   *     on a reply that cannot be decoded
   */
  byte[] exchange(byte[] commandApdu);

  /** Sends a command and parses the response; does not throw on an error status word. */
  default ApduResponse exchange(ApduCommand command) {
    return ApduResponse.parse(exchange(command.encode()));
  }

  /** What this transport is connected to. */
  TransportDescriptor descriptor();

  /** Releases the connection; idempotent; later exchanges fail with TRANSPORT. */
  @Override
  void close();
}
