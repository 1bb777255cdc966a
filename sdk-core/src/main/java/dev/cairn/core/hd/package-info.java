/**
 * HD wallets: BIP-39 mnemonics, BIP-32/44 secp256k1 derivation with xpub/xprv serialisation, and
 * SLIP-0010 Ed25519 derivation (Solana, Cosmos ed25519 chains).
 *
 * <pre>{@code
 * Mnemonic mnemonic = Mnemonic.generate(12, new SecureRandom());
 * Bip32Key account = Bip32Key.fromSeed(mnemonic.toSeed("")).derive(DerivationPath.EVM);
 * String xpub = account.neuter().serialize();
 * mnemonic.destroy();
 * }</pre>
 */
package dev.cairn.core.hd;
