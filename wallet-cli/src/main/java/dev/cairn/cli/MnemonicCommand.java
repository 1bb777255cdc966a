package dev.cairn.cli;

import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hd.Mnemonic;
import dev.cairn.core.hd.MnemonicException;
import java.security.SecureRandom;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wallet mnemonic ...}: BIP-39 mnemonics. */
@Command(
    name = "mnemonic",
    mixinStandardHelpOptions = true,
    description = "BIP-39 mnemonics (English).",
    subcommands = {
      MnemonicCommand.New.class,
      MnemonicCommand.Seed.class,
      MnemonicCommand.Validate.class
    })
final class MnemonicCommand extends WalletCommand implements Runnable {
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this), "missing subcommand: new, seed or validate");
  }

  static Mnemonic parse(String phrase) {
    try {
      return Mnemonic.parse(phrase);
    } catch (MnemonicException e) {
      throw new UserInputException("invalid mnemonic: " + e.getMessage());
    }
  }

  /** {@code wallet mnemonic new}. */
  @Command(
      name = "new",
      mixinStandardHelpOptions = true,
      description = {
        "Generate a new random mnemonic and print it (a SECRET: whoever sees it owns the funds)."
      })
  static final class New extends WalletCommand implements Runnable {
    @Option(
        names = {"-w", "--words"},
        paramLabel = "N",
        defaultValue = "12",
        description = "Number of words: 12, 15, 18, 21 or 24 (default: ${DEFAULT-VALUE}).")
    int words;

    @Override
    public void run() {
      if (words < 12 || words > 24 || words % 3 != 0) {
        throw new UserInputException("--words must be 12, 15, 18, 21 or 24, not " + words);
      }
      Mnemonic m = Mnemonic.generate(words, new SecureRandom());
      try {
        out().println(m.phrase());
      } finally {
        m.destroy();
      }
    }
  }

  /** {@code wallet mnemonic seed}. */
  @Command(
      name = "seed",
      mixinStandardHelpOptions = true,
      description = {
        "Print the 64-byte BIP-39 seed (0x-hex, a SECRET) of a mnemonic.",
        "The mnemonic is read from WALLET_MNEMONIC, a hidden prompt, or stdin; never from arguments."
      })
  static final class Seed extends WalletCommand implements Runnable {
    @Mixin SecretOptions secrets;
    @Mixin SecretOptions.Passphrase passphrase;

    @Override
    public void run() {
      Mnemonic m = parse(secrets.mnemonic(in(), env()));
      byte[] seed = m.toSeed(passphrase.passphrase(in(), env()));
      try {
        out().println(Hex.encodePrefixed(seed));
      } finally {
        Arrays.fill(seed, (byte) 0);
        m.destroy();
      }
    }
  }

  /** {@code wallet mnemonic validate}. */
  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description = {
        "Check a mnemonic (word list and checksum); exit 0 if valid, 1 if not.",
        "The mnemonic is read from WALLET_MNEMONIC, a hidden prompt, or stdin."
      })
  static final class Validate extends WalletCommand implements Runnable {
    @Mixin SecretOptions secrets;

    @Override
    public void run() {
      Mnemonic m = parse(secrets.mnemonic(in(), env()));
      out().println("valid: " + m.wordCount() + " words");
      m.destroy();
    }
  }
}
