package dev.cairn.testing.node.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;

/** Locating Node.js and the npm packages a script needs, with messages that say how to fix it. */
public final class NodeRuntime {
  private NodeRuntime() {}

  /**
   * The node binary: {@code explicit} when non-null, else the system property {@code cairn.node}
   * or the environment variable {@code CAIRN_NODE}, else {@code node} on the PATH.
   *
   * @return the binary, or empty with {@code why} filled with the reason
   */
  public static Optional<Path> node(Path explicit, StringBuilder why) {
    if (explicit != null) {
      if (Files.isRegularFile(explicit) && Files.isExecutable(explicit)) {
        return Optional.of(explicit);
      }
      why.append("the configured node binary ").append(explicit).append(" is not an executable file");
      return Optional.empty();
    }
    String configured = ProjectRoot.setting("cairn.node", "CAIRN_NODE");
    if (configured != null) {
      Path p = Paths.get(configured);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Optional.of(p);
      }
      why.append("cairn.node/CAIRN_NODE=").append(configured).append(" is not an executable file");
      return Optional.empty();
    }
    Optional<Path> onPath = Executables.onPath("node");
    if (onPath.isEmpty()) {
      why.append("node (Node.js 18+) is not on the PATH (").append(System.getenv("PATH"))
          .append("); install it or set -Dcairn.node=/path/to/node");
    }
    return onPath;
  }

  /**
   * The first package of {@code packages} that node would not find for a script in {@code
   * scriptDir} (node_modules of that directory or of any parent), or empty when all are there.
   */
  public static Optional<String> missingPackage(Path scriptDir, List<String> packages) {
    for (String pkg : packages) {
      boolean found = false;
      for (Path d = scriptDir.toAbsolutePath().normalize(); d != null && !found; d = d.getParent()) {
        found = Files.isRegularFile(d.resolve("node_modules").resolve(pkg).resolve("package.json"));
      }
      if (!found) {
        return Optional.of(pkg);
      }
    }
    return Optional.empty();
  }
}
