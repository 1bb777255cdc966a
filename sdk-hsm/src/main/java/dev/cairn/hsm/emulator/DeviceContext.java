package dev.cairn.hsm.emulator;

import dev.cairn.core.hd.Bip32Key;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.hd.Slip10;

/**
 * What the emulator offers its apps: keys derived from the emulator's seed and the scripted
 * user. Keys returned are fresh copies the app should destroy after use.
 */
public interface DeviceContext {

  /** The BIP-32 secp256k1 key at {@code path} (the caller destroys it). */
  Bip32Key secp256k1(DerivationPath path);

  /** The SLIP-0010 Ed25519 key at {@code path}; every component must be hardened (the caller destroys it). */
  Slip10.Ed25519Key ed25519(DerivationPath path);

  /**
   * Shows {@code prompt} (what the user would read on the screen: "Sign transaction", the amount,
   * the recipient) and returns the scripted user's decision. The emulator records the prompt in
   * {@link ScriptedUser#prompts()}.
   *
   * @return {@link ScriptedUser.Decision#APPROVE} or {@link ScriptedUser.Decision#REJECT}
   * @throws dev.cairn.hsm.ledger.LedgerException with status word 0x5515 when the user's decision
   *     is {@link ScriptedUser.Decision#LOCK} (the device is now locked); apps let it propagate
   */
  ScriptedUser.Decision confirm(String prompt);
}
