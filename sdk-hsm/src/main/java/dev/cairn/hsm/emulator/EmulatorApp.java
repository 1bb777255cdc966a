package dev.cairn.hsm.emulator;

import dev.cairn.hsm.ledger.ApduCommand;
import dev.cairn.hsm.ledger.ApduResponse;

/**
 * One app of the {@link LedgerEmulator} (Ethereum, Solana, Cosmos, ...): the emulator routes every
 * command whose CLA equals {@link #cla()} to the open app's {@link #handle}. An app answers with a
 * response (data and status word) or throws {@link dev.cairn.hsm.ledger.LedgerException} made by
 * {@link dev.cairn.hsm.ledger.LedgerException#ofStatus(int)}, whose status word becomes the answer;
 * any other exception answers 0x6F00. It asks the {@link DeviceContext} for keys and for the
 * scripted user's decision. Instances keep multi-APDU state (chunked transactions); {@link #reset()}
 * is called when the app is (re)opened.
 */
public interface EmulatorApp {

  /** The app's name as the dashboard reports it, e.g. {@code "Ethereum"}. */
  String name();

  /** The app's version, e.g. {@code "1.10.3"}. */
  String version();

  /** The class byte the app answers. */
  int cla();

  /** Handles one command; called with the emulator's lock held (one command at a time). */
  ApduResponse handle(ApduCommand command, DeviceContext device);

  /** Forgets multi-APDU state; called when the app is opened. The default does nothing. */
  default void reset() {}
}
