package dev.cairn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code wallet} command: the Cairn SDK from a terminal or a script. Run {@code wallet --help}.
 *
 * <p>Secrets (mnemonics, passphrases) are never taken from the command line, which other users
 * can read in {@code ps}: they come from standard input, a terminal prompt or an environment
 * variable.
 */
@Command(
    name = "wallet",
    mixinStandardHelpOptions = true,
    versionProvider = WalletCli.Version.class,
    description = {
      "Multi-chain wallet tool built on the Cairn SDK (EVM, Solana, Cosmos; Solidity ABI).",
      "Secrets are read from stdin, a prompt or an environment variable, never from arguments."
    },
    subcommands = {
      MnemonicCommand.class,
      HdCommand.class,
      AbiCommand.class,
      EvmCommand.class,
      SvmCommand.class,
      CosmosCommand.class,
      BackendCommand.class,
      DemoCommand.class,
      BatchCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success (batch: end of input reached; failed requests are answered in-band)",
      "1:invalid input (bad mnemonic, path, option value)",
      "2:usage error, stdin/stdout cannot be read/written, or the node cannot be reached",
      "3:internal error (a bug; please report it)"
    })
public final class WalletCli implements Runnable {

  /** Where commands read and write; replaced in tests. */
  static final class Io {
    final InputStream in;
    final PrintStream out;
    final PrintStream err;
    final Map<String, String> env;

    Io(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
      this.in = in;
      this.out = out;
      this.err = err;
      this.env = env;
    }
  }

  private final Io io;

  WalletCli(Io io) {
    this.io = io;
  }

  Io io() {
    return io;
  }

  @Override
  public void run() {
    // `wallet` alone: show the usage.
    new CommandLine(this).usage(io.out);
  }

  /** Entry point of the shaded jar. */
  public static void main(String[] args) {
    System.exit(
        execute(
            args,
            System.in,
            new PrintStream(System.out, true, StandardCharsets.UTF_8),
            new PrintStream(System.err, true, StandardCharsets.UTF_8),
            System.getenv()));
  }

  /**
   * Runs the command in-process with the given streams and environment.
   *
   * @return the exit code
   */
  public static int execute(
      String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
    Io io = new Io(in, out, err, env);
    CommandLine cl = new CommandLine(new WalletCli(io), new Factory(io));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setExitCodeExceptionMapper(WalletCli::exitCodeOf);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (EvmSupport.isNodeUnreachable(e)) {
            commandLine.getErr().println("wallet: cannot reach the node: " + e.getMessage());
          } else if (e instanceof UserInputException || e instanceof dev.cairn.core.CairnException) {
            commandLine.getErr().println("wallet: " + e.getMessage());
          } else if (e instanceof UncheckedIOException || e instanceof IOException) {
            commandLine.getErr().println("wallet: I/O error: " + e.getMessage());
          } else {
            // never print an unexpected exception's message: it could quote a secret
            commandLine.getErr().println("wallet: internal error: " + e.getClass().getName());
          }
          return exitCodeOf(e);
        });
    return cl.execute(args);
  }

  private static int exitCodeOf(Throwable e) {
    if (EvmSupport.isNodeUnreachable(e)) {
      return ExitCodes.USAGE_OR_IO;
    }
    if (e instanceof UserInputException || e instanceof dev.cairn.core.CairnException) {
      return ExitCodes.INVALID_INPUT;
    }
    if (e instanceof CommandLine.ParameterException) {
      return ExitCodes.USAGE_OR_IO;
    }
    if (e instanceof UncheckedIOException || e instanceof IOException) {
      return ExitCodes.USAGE_OR_IO;
    }
    return ExitCodes.INTERNAL;
  }

  /** Gives every subcommand the same I/O. */
  private static final class Factory implements CommandLine.IFactory {
    private final Io io;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    Factory(Io io) {
      this.io = io;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (WalletCommand.class.isAssignableFrom(cls)) {
        K k = fallback.create(cls);
        ((WalletCommand) k).init(io);
        return k;
      }
      return fallback.create(cls);
    }
  }

  /** Reads the version from the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"wallet " + version() + " (Cairn SDK)"};
    }
  }

  /** The project version, from the build. */
  public static String version() {
    Properties p = new Properties();
    try (InputStream in = WalletCli.class.getResourceAsStream("/wallet-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }
}
