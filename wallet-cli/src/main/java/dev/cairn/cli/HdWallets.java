package dev.cairn.cli;

import dev.cairn.abi.Address;
import dev.cairn.core.hd.Bip32Key;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.hd.DerivationPathException;
import dev.cairn.core.hd.HdWalletException;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.core.hd.Slip10;
import java.util.Arrays;

/** Mnemonic to chain key and address, for the three chains, as wallets do it. */
public final class HdWallets {
  private HdWallets() {}

  /** The chains, with their default derivation paths and curves. */
  public enum Chain {
    /** Ethereum and other EVM chains: BIP-32 secp256k1, {@code m/44'/60'/0'/0/0}. */
    EVM("evm", DerivationPath.EVM),
    /** Solana: SLIP-0010 Ed25519, {@code m/44'/501'/0'/0'} (hardened only). */
    SVM("svm", DerivationPath.SOLANA),
    /** Cosmos SDK chains: BIP-32 secp256k1, {@code m/44'/118'/0'/0/0}. */
    COSMOS("cosmos", DerivationPath.COSMOS);

    private final String id;
    private final DerivationPath defaultPath;

    Chain(String id, DerivationPath defaultPath) {
      this.id = id;
      this.defaultPath = defaultPath;
    }

    /** The name used on the command line and in batch requests. */
    public String id() {
      return id;
    }

    /** The default derivation path. */
    public DerivationPath defaultPath() {
      return defaultPath;
    }

    /** The chain called {@code id}, or null. */
    public static Chain of(String id) {
      for (Chain c : values()) {
        if (c.id.equals(id)) {
          return c;
        }
      }
      return null;
    }
  }

  /** The default Cosmos bech32 prefix. */
  public static final String DEFAULT_HRP = "cosmos";

  /**
   * Parses a derivation path given in field {@code field}.
   *
   * @throws DerivationPathException naming the position
   */
  public static DerivationPath path(String text) {
    return DerivationPath.parse(text);
  }

  /** The BIP-32 secp256k1 key at {@code path} (EVM, Cosmos). The caller destroys it. */
  public static Bip32Key secp256k1(Mnemonic mnemonic, String passphrase, DerivationPath path) {
    byte[] seed = mnemonic.toSeed(passphrase);
    Bip32Key master = Bip32Key.fromSeed(seed);
    Arrays.fill(seed, (byte) 0);
    try {
      return master.derive(path);
    } finally {
      master.destroy();
    }
  }

  /** The SLIP-0010 Ed25519 key at {@code path} (Solana). The caller destroys it. */
  public static Slip10.Ed25519Key ed25519(
      Mnemonic mnemonic, String passphrase, DerivationPath path) {
    checkHardened(path);
    byte[] seed = mnemonic.toSeed(passphrase);
    Slip10.Ed25519Key master = Slip10.ed25519(seed);
    Arrays.fill(seed, (byte) 0);
    try {
      return master.derive(path);
    } finally {
      master.destroy();
    }
  }

  /** Fails early (before the costly seed) for a path Ed25519 cannot derive. */
  private static void checkHardened(DerivationPath path) {
    for (int i = 0; i < path.depth(); i++) {
      if (!DerivationPath.isHardened(path.get(i))) {
        throw new HdWalletException(
            "SLIP-0010 Ed25519 (svm) supports only hardened components; component "
                + (i + 1) + " of " + path + " is not hardened");
      }
    }
  }

  /** The address of the account at {@code path}; {@code hrp} is used for Cosmos only. */
  public static String address(
      Chain chain, Mnemonic mnemonic, String passphrase, DerivationPath path, String hrp) {
    switch (chain) {
      case SVM:
        {
          Slip10.Ed25519Key k = ed25519(mnemonic, passphrase, path);
          try {
            return Addresses.solana(k.publicKey());
          } finally {
            k.destroy();
          }
        }
      case COSMOS:
        {
          Addresses.checkHrp(hrp);
          Bip32Key k = secp256k1(mnemonic, passphrase, path);
          try {
            return Addresses.cosmos(hrp, k.publicKey());
          } finally {
            k.destroy();
          }
        }
      case EVM:
      default:
        {
          Bip32Key k = secp256k1(mnemonic, passphrase, path);
          try {
            return Address.fromPublicKey(k.publicKey()).toChecksumString();
          } finally {
            k.destroy();
          }
        }
    }
  }

  /**
   * The 32-byte private key of the account at {@code path} (for Ed25519, the RFC 8032 seed). A
   * secret: the caller zeroes it.
   */
  public static byte[] privateKey(
      Chain chain, Mnemonic mnemonic, String passphrase, DerivationPath path) {
    if (chain == Chain.SVM) {
      Slip10.Ed25519Key k = ed25519(mnemonic, passphrase, path);
      try {
        return k.privateKeyBytes();
      } finally {
        k.destroy();
      }
    }
    Bip32Key k = secp256k1(mnemonic, passphrase, path);
    try {
      var priv = k.privateKey();
      try {
        return priv.bytes();
      } finally {
        priv.destroy();
      }
    } finally {
      k.destroy();
    }
  }
}
