package dev.cairn.cli;

import dev.cairn.core.crypto.Secp256k1PrivateKey;
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

  /**
   * Where {@code wallet evm send} and {@code sign} read the secp256k1 private key from: the
   * variable named by {@code --private-key-env}, else {@code WALLET_PRIVATE_KEY}, else a prompt
   * without echo on a terminal, else standard input. Never from the command line.
   */
  static final class PrivateKey {
    @Option(
        names = "--private-key-env",
        paramLabel = "VAR",
        description =
            "Read the private key (64 hex digits, 0x optional) from environment variable VAR"
                + " (default: " + PRIVATE_KEY_ENV + " if set, else a hidden prompt on a terminal,"
                + " else stdin). Never pass it as an argument.")
    String privateKeyEnv;

    Secp256k1PrivateKey privateKey(InputStream in, Map<String, String> env) {
      String text;
      String source;
      if (privateKeyEnv != null) {
        text = env.get(privateKeyEnv);
        source = "environment variable " + privateKeyEnv;
        if (text == null) {
          throw new UserInputException(source + " is not set");
        }
      } else if (env.get(PRIVATE_KEY_ENV) != null) {
        text = env.get(PRIVATE_KEY_ENV);
        source = "environment variable " + PRIVATE_KEY_ENV;
      } else {
        Console console = in == System.in ? System.console() : null;
        if (console != null) {
          char[] c = console.readPassword("Private key (input hidden): ");
          if (c == null) {
            throw new UserInputException("no private key given");
          }
          text = new String(c);
          java.util.Arrays.fill(c, '\0');
          source = "the prompt";
        } else {
          text = readAll(in, "private key", PRIVATE_KEY_ENV);
          source = "stdin";
        }
      }
      return parsePrivateKey(source, text);
    }
  }

  static final String PRIVATE_KEY_ENV = "WALLET_PRIVATE_KEY";

  /**
   * A secp256k1 key from 64 hex digits (0x optional, surrounding white space ignored). Messages
   * name where the key came from, never its digits.
   */
  static Secp256k1PrivateKey parsePrivateKey(String source, String text) {
    String s = text.strip();
    if (s.startsWith("0x") || s.startsWith("0X")) {
      s = s.substring(2);
    }
    if (s.length() != 64) {
      throw new UserInputException("private key from " + source
          + " must be 64 hex digits (0x optional), got " + s.length() + " characters");
    }
    byte[] k = new byte[32];
    try {
      for (int i = 0; i < 32; i++) {
        int hi = Character.digit(s.charAt(2 * i), 16);
        int lo = Character.digit(s.charAt(2 * i + 1), 16);
        if (hi < 0 || lo < 0) {
          throw new UserInputException("private key from " + source + " is not hex (character "
              + (hi < 0 ? 2 * i : 2 * i + 1) + ")");
        }
        k[i] = (byte) ((hi << 4) | lo);
      }
      return Secp256k1PrivateKey.of(k);
    } catch (dev.cairn.core.CairnException e) {
      throw new UserInputException("private key from " + source
          + " is not a valid secp256k1 key (zero, or not below the curve order)");
    } finally {
      java.util.Arrays.fill(k, (byte) 0);
    }
  }

  private static String readAll(InputStream in) {
    return readAll(in, "mnemonic", MNEMONIC_ENV);
  }

  private static String readAll(InputStream in, String what, String envName) {
    try {
      ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
      byte[] chunk = new byte[1024];
      int n;
      while ((n = in.read(chunk)) != -1) {
        if (buf.size() + n > MAX_STDIN) {
          throw new UserInputException("stdin holds more than " + MAX_STDIN + " bytes: not a " + what);
        }
        buf.write(chunk, 0, n);
      }
      String s = buf.toString(StandardCharsets.UTF_8);
      if (s.isBlank()) {
        throw new UserInputException(
            "no " + what + " on stdin (pipe it in, or set " + envName + ")");
      }
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read stdin", e);
    }
  }
}
