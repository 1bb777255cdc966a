package dev.cairn.cli;

import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.hd.DerivationPathException;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.cli.HdWallets.Chain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wallet hd ...}: HD wallet keys and addresses from a mnemonic. */
@Command(
    name = "hd",
    mixinStandardHelpOptions = true,
    description = "HD wallet addresses and keys from a BIP-39 mnemonic (EVM, Solana, Cosmos).",
    subcommands = {HdCommand.Address.class, HdCommand.PrivateKey.class})
final class HdCommand extends WalletCommand implements Runnable {
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this), "missing subcommand: address or private-key");
  }

  static Chain chain(String id) {
    Chain c = Chain.of(id);
    if (c == null) {
      throw new UserInputException("--chain must be evm, svm or cosmos, not '" + id + "'");
    }
    return c;
  }

  static DerivationPath path(String text, Chain chain) {
    if (text == null) {
      return chain.defaultPath();
    }
    try {
      return DerivationPath.parse(text);
    } catch (DerivationPathException e) {
      throw new UserInputException("--path: " + e.getMessage());
    }
  }

  /** The path with its last component increased by {@code i} (hardened stays hardened). */
  static DerivationPath plus(DerivationPath path, int i) {
    if (i == 0) {
      return path;
    }
    int[] c = path.toArray();
    if (c.length == 0) {
      throw new UserInputException("--count needs a path with at least one component");
    }
    int last = c.length - 1;
    boolean hardened = DerivationPath.isHardened(c[last]);
    long index = (c[last] & 0x7fff_ffffL) + i;
    if (index > 0x7fff_ffffL) {
      throw new UserInputException("--count runs past the largest child index 2^31-1");
    }
    c[last] = (int) index | (hardened ? DerivationPath.HARDENED_BIT : 0);
    return DerivationPath.of(c);
  }

  /** {@code wallet hd address}. */
  @Command(
      name = "address",
      mixinStandardHelpOptions = true,
      description = {
        "Print the address(es) of a mnemonic. Without --chain: all three chains on their default",
        "paths. Default paths: evm m/44'/60'/0'/0/0, svm m/44'/501'/0'/0' (SLIP-0010 Ed25519,",
        "hardened only), cosmos m/44'/118'/0'/0/0.",
        "The mnemonic is read from WALLET_MNEMONIC (or --mnemonic-env), a hidden prompt, or",
        "stdin; never from arguments (other users can read those with ps)."
      })
  static final class Address extends WalletCommand implements Runnable {
    @Option(names = {"-c", "--chain"}, paramLabel = "CHAIN", description = "evm, svm or cosmos.")
    String chain;

    @Option(names = {"-p", "--path"}, paramLabel = "PATH", description = "Derivation path, e.g. m/44'/60'/0'/0/7.")
    String path;

    @Option(names = "--hrp", paramLabel = "PREFIX", defaultValue = HdWallets.DEFAULT_HRP,
        description = "Bech32 prefix for cosmos (default: ${DEFAULT-VALUE}).")
    String hrp;

    @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "1",
        description = "Print N addresses, increasing the last path component (default: 1).")
    int count;

    @Mixin SecretOptions secrets;
    @Mixin SecretOptions.Passphrase passphrase;

    @Override
    public void run() {
      if (count < 1 || count > 10_000) {
        throw new UserInputException("--count must be in [1, 10000]");
      }
      List<Chain> chains = new ArrayList<>();
      if (chain == null) {
        if (path != null) {
          throw new UserInputException("--path needs --chain");
        }
        chains.addAll(Arrays.asList(Chain.values()));
      } else {
        chains.add(chain(chain));
      }
      if (chains.contains(Chain.COSMOS)) {
        try {
          Addresses.checkHrp(hrp);
        } catch (InvalidAddressException e) {
          throw new UserInputException("--hrp: " + e.problem());
        }
      }
      Mnemonic m = MnemonicCommand.parse(secrets.mnemonic(in(), env()));
      String pass = passphrase.passphrase(in(), env());
      try {
        for (Chain c : chains) {
          DerivationPath base = path(path, c);
          for (int i = 0; i < count; i++) {
            DerivationPath p = plus(base, i);
            String addr = HdWallets.address(c, m, pass, p, hrp);
            if (chains.size() == 1 && count == 1) {
              out().println(addr);
            } else {
              out().printf("%-7s %-22s %s%n", c.id(), p, addr);
            }
          }
        }
      } finally {
        m.destroy();
      }
    }
  }

  /** {@code wallet hd private-key}. */
  @Command(
      name = "private-key",
      mixinStandardHelpOptions = true,
      description = {
        "Print the 32-byte private key (0x-hex, a SECRET) at a path; for svm the Ed25519 seed.",
        "The mnemonic is read from WALLET_MNEMONIC (or --mnemonic-env), a hidden prompt, or stdin."
      })
  static final class PrivateKey extends WalletCommand implements Runnable {
    @Option(names = {"-c", "--chain"}, required = true, paramLabel = "CHAIN",
        description = "evm, svm or cosmos.")
    String chain;

    @Option(names = {"-p", "--path"}, paramLabel = "PATH", description = "Derivation path.")
    String path;

    @Mixin SecretOptions secrets;
    @Mixin SecretOptions.Passphrase passphrase;

    @Override
    public void run() {
      Chain c = chain(chain);
      DerivationPath p = path(path, c);
      Mnemonic m = MnemonicCommand.parse(secrets.mnemonic(in(), env()));
      try {
        byte[] key = HdWallets.privateKey(c, m, passphrase.passphrase(in(), env()), p);
        out().println(Hex.encodePrefixed(key));
        Arrays.fill(key, (byte) 0);
      } finally {
        m.destroy();
      }
    }
  }
}
