package dev.cairn.testing.node.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Optional;

/** Finds executables on the PATH. */
public final class Executables {
  private Executables() {}

  /** True on Windows. */
  public static boolean windows() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
  }

  /** The first executable named {@code name} (or {@code name.exe} on Windows) on the PATH. */
  public static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      for (String n : windows() ? new String[] {name + ".exe", name + ".cmd", name} : new String[] {name}) {
        Path p = Paths.get(dir, n);
        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
          return Optional.of(p.toAbsolutePath());
        }
      }
    }
    return Optional.empty();
  }
}
