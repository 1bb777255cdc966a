/**
 * A software Ledger for tests and demos: {@link dev.cairn.hsm.emulator.LedgerEmulator} holds a seed
 * from a test mnemonic, installed {@link dev.cairn.hsm.emulator.EmulatorApp}s (one open at a time,
 * commands routed by CLA), and a {@link dev.cairn.hsm.emulator.ScriptedUser} (approve, reject,
 * lock); it is reached at APDU level ({@code transport()}) or at HID-report level ({@code
 * hidDevice()}, an in-memory pipe). Apps implement {@code EmulatorApp} and take keys and user
 * decisions from the {@link dev.cairn.hsm.emulator.DeviceContext}; the Ethereum app is {@link
 * dev.cairn.hsm.emulator.EthereumEmulatorApp}.
 *
 * <pre>{@code
 * try (LedgerEmulator emu = LedgerEmulator.builder().app(EthereumEmulatorApp.create()).build()) {
 *   emu.user().script(ScriptedUser.Decision.REJECT);           // the next confirmation is rejected
 *   EthApp eth = EthApp.on(HidTransport.open(emu.hidDevice()));
 *   EthAddress a = eth.getAddress("44'/60'/0'/0/0", true, false);
 * }
 * }</pre>
 */
package dev.cairn.hsm.emulator;
