/**
 * The Ledger core every app client builds on: {@link dev.cairn.hsm.ledger.LedgerTransport} (one
 * interface for USB-HID, Speculos TCP, the emulator and app-supplied Android transports), short
 * command APDUs ({@link dev.cairn.hsm.ledger.ApduCommand}), responses with their status word
 * ({@link dev.cairn.hsm.ledger.ApduResponse}), and status words mapped to typed errors ({@link
 * dev.cairn.hsm.ledger.StatusWords}, {@link dev.cairn.hsm.ledger.LedgerException} with a {@code
 * Kind} and {@code toSignerException()} onto sdk-core's signer reasons). App clients live in
 * sub-packages ({@code ledger.eth}, {@code ledger.solana}, {@code ledger.cosmos}) and refine status
 * words with {@code LedgerException.ofStatus(sw, kind)}.
 *
 * <pre>{@code
 * ApduResponse r = transport.exchange(ApduCommand.of(0xE0, 0x06, 0x00, 0x00, new byte[0]));
 * if (r.statusWord() == StatusWords.USER_REJECTED) {
 *   throw LedgerException.ofStatus(r.statusWord()).toSignerException();   // REJECTED_BY_USER
 * }
 * byte[] config = r.dataOrThrow();
 * }</pre>
 */
package dev.cairn.hsm.ledger;
