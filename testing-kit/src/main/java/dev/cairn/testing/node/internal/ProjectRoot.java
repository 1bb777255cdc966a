package dev.cairn.testing.node.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Finds the Cairn checkout (the reactor root) that tests run in: the system property {@code
 * cairn.root} (or the environment variable {@code CAIRN_ROOT}) when set, else the nearest ancestor
 * of the working directory holding {@code marker} (e.g. {@code tools/oracle/package.json}).
 */
public final class ProjectRoot {
  private ProjectRoot() {}

  /** The root holding {@code marker}, if any. */
  public static Optional<Path> find(String marker) {
    String configured = setting("cairn.root", "CAIRN_ROOT");
    if (configured != null) {
      Path p = Paths.get(configured).toAbsolutePath().normalize();
      return Files.exists(p.resolve(marker)) ? Optional.of(p) : Optional.empty();
    }
    for (Path d = workingDirectory(); d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(marker))) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** Where the search starts. */
  public static Path workingDirectory() {
    return Paths.get(System.getProperty("user.dir")).toAbsolutePath().normalize();
  }

  /** A non-blank system property, else a non-blank environment variable, else null. */
  public static String setting(String property, String env) {
    String v = System.getProperty(property);
    if (v == null || v.isBlank()) {
      v = System.getenv(env);
    }
    return v == null || v.isBlank() ? null : v.trim();
  }

  /** Describes how the root was looked for, for error messages. */
  public static String describeSearch(String marker) {
    String configured = setting("cairn.root", "CAIRN_ROOT");
    if (configured != null) {
      return "cairn.root/CAIRN_ROOT=" + configured + " has no " + marker;
    }
    return "no " + marker + " in " + workingDirectory() + " or any parent (set -Dcairn.root=<checkout>)";
  }
}
