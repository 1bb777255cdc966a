package dev.cairn.cli;

import dev.cairn.core.CairnException;
import dev.cairn.core.crypto.Secp256k1;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code wallet backend}: which secp256k1 implementation runs, and why the others do not. */
@Command(
    name = "backend",
    mixinStandardHelpOptions = true,
    description = {
      "Show the secp256k1 backends found, which one is in use, and why the others are not.",
      "The available backend with the highest priority wins; force one with the JVM property",
      "-Dcairn.secp256k1.backend=<name> (with ./wallet: WALLET_JAVA_OPTS=-Dcairn.secp256k1.backend=java)."
    })
final class BackendCommand extends WalletCommand implements Callable<Integer> {
  /** The native backend's name, looked for to explain its absence. */
  static final String NATIVE = "libsecp256k1";

  @Override
  public Integer call() {
    List<Secp256k1.BackendInfo> infos = Secp256k1.backends();
    String inUse;
    try {
      inUse = Secp256k1.backendName();
    } catch (CairnException e) {
      err().println("wallet: no secp256k1 backend selected: " + e.getMessage());
      printTable(infos);
      return ExitCodes.INVALID_INPUT;
    }
    out().println("secp256k1 backend in use: " + inUse);
    printTable(infos);
    for (String line : whyNot(infos)) {
      out().println(line);
    }
    return ExitCodes.OK;
  }

  private void printTable(List<Secp256k1.BackendInfo> infos) {
    for (Secp256k1.BackendInfo b : infos) {
      out().printf(
          "  %-14s priority %-4d %s%n",
          b.name(),
          b.priority(),
          b.selected()
              ? "selected"
              : b.available() ? "available, not selected" : "unavailable: " + b.unavailableReason());
    }
  }

  /** One line per backend that is not in use, saying why (empty when all is as expected). */
  static List<String> whyNot(List<Secp256k1.BackendInfo> infos) {
    List<String> lines = new java.util.ArrayList<>();
    boolean nativeFound = false;
    Secp256k1.BackendInfo selected = null;
    for (Secp256k1.BackendInfo b : infos) {
      nativeFound |= b.name().equals(NATIVE);
      if (b.selected()) {
        selected = b;
      }
    }
    for (Secp256k1.BackendInfo b : infos) {
      if (b.selected()) {
        continue;
      }
      if (!b.available()) {
        lines.add(b.name() + " is not used: " + b.unavailableReason());
      } else if (selected != null) {
        lines.add(
            b.name() + " is not used: "
                + (System.getProperty(Secp256k1.BACKEND_PROPERTY) != null
                    ? "system property " + Secp256k1.BACKEND_PROPERTY + " selects " + selected.name()
                    : selected.name() + " has a higher priority"));
      }
    }
    if (!nativeFound) {
      lines.add(
          NATIVE + " is not used: its backend (module 'native') is not registered in this build,"
              + " so only the pure-Java backend can run");
    }
    return lines;
  }
}
