package dev.cairn.cli;

/** The exit codes of the {@code wallet} command (also listed in {@code wallet --help}). */
public final class ExitCodes {
  private ExitCodes() {}

  /** Success; for {@code batch}: end of input reached (individual requests may have failed). */
  public static final int OK = 0;
  /** The input was rejected (an invalid mnemonic, path, option value). */
  public static final int INVALID_INPUT = 1;
  /** Command-line usage error, input/output that cannot be read or written, or an unreachable node. */
  public static final int USAGE_OR_IO = 2;
  /** An unexpected internal error (a bug): please report it. */
  public static final int INTERNAL = 3;
}
