package dev.cairn.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/** Base of the subcommands: the streams and environment they use. */
abstract class WalletCommand {
  private WalletCli.Io io;

  final void init(WalletCli.Io io) {
    this.io = io;
  }

  final InputStream in() {
    return io.in;
  }

  final PrintStream out() {
    return io.out;
  }

  final PrintStream err() {
    return io.err;
  }

  final Map<String, String> env() {
    return io.env;
  }
}
