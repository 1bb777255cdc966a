package dev.cairn.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the human commands read a mnemonic and passphrase from. Never from the command line
 * (visible to other users in {@code ps}); in this order:
 *
 * <ol>
 *   <li>the environment variable named by {@code --mnemonic-env}, else {@code WALLET_MNEMONIC};
 *   <li>a prompt without echo, when stdin is a terminal;
 *   <li>standard input (the whole of it, at most {@value #MAX_STDIN} bytes).
 * </ol>
 *
 * The passphrase comes from the variable named by {@code --passphrase-env}, else {@code
 * WALLET_PASSPHRASE}, or a prompt with {@code --passphrase-prompt}; by default it is empty.
 */
final class SecretOptions {
  static final String MNEMONIC_ENV = "WALLET_MNEMONIC";
  static final String PASSPHRASE_ENV = "WALLET_PASSPHRASE";
  static final int MAX_STDIN = 16 * 1024;

  @Option(
      names = "--mnemonic-env",
      paramLabel = "VAR",
      description =
          "Read the mnemonic from environment variable VAR (default: WALLET_MNEMONIC if set,"
              + " else a prompt on a terminal, else stdin). Never pass it as an argument.")
  String mnemonicEnv;

  String mnemonic(InputStream in, Map<String, String> env) {
    if (mnemonicEnv != null) {
      String v = env.get(mnemonicEnv);
      if (v == null) {
        throw new UserInputException("environment variable " + mnemonicEnv + " is not set");
      }
      return v;
    }
    String v = env.get(MNEMONIC_ENV);
    if (v != null) {
      return v;
    }
    Console console = in == System.in ? System.console() : null;
    if (console != null) {
      char[] c = console.readPassword("Mnemonic (input hidden): ");
      if (c == null) {
        throw new UserInputException("no mnemonic given");
      }
      return new String(c);
    }
    return readAll(in);
  }

  /** Where the BIP-39 passphrase comes from (a separate mixin: not every command needs one). */
  static final class Passphrase {
    @Option(
        names = "--passphrase-env",
        paramLabel = "VAR",
        description =
            "Read the BIP-39 passphrase from environment variable VAR (default: WALLET_PASSPHRASE if"
                + " set, else empty).")
    String passphraseEnv;

    @Option(
        names = "--passphrase-prompt",
        description = "Prompt for the BIP-39 passphrase on the terminal (no echo).")
    boolean passphrasePrompt;

    String passphrase(InputStream in, Map<String, String> env) {
      if (passphrasePrompt) {
        Console console = System.console();
        if (console == null) {
          throw new UserInputException("--passphrase-prompt needs a terminal");
        }
        char[] c = console.readPassword("BIP-39 passphrase (input hidden): ");
        return c == null ? "" : new String(c);
      }
      if (passphraseEnv != null) {
        String v = env.get(passphraseEnv);
        if (v == null) {
          throw new UserInputException("environment variable " + passphraseEnv + " is not set");
        }
        return v;
      }
      String v = env.get(PASSPHRASE_ENV);
      return v == null ? "" : v;
    }
  }

  private static String readAll(InputStream in) {
    try {
      ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
      byte[] chunk = new byte[1024];
      int n;
      while ((n = in.read(chunk)) != -1) {
        if (buf.size() + n > MAX_STDIN) {
          throw new UserInputException("stdin holds more than " + MAX_STDIN + " bytes: not a mnemonic");
        }
        buf.write(chunk, 0, n);
      }
      String s = buf.toString(StandardCharsets.UTF_8);
      if (s.isBlank()) {
        throw new UserInputException(
            "no mnemonic on stdin (pipe it in, or set " + MNEMONIC_ENV + ")");
      }
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read stdin", e);
    }
  }
}
