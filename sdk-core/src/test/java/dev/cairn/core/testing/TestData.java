package dev.cairn.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the shared public test vectors ({@code ../shared/testdata} beside the project). The build
 * passes the location as the system property {@code cairn.testdata}; a missing directory fails the
 * test rather than skipping it.
 */
public final class TestData {
  private TestData() {}

  public static Path root() {
    String prop = System.getProperty("cairn.testdata");
    Path p = prop != null ? Paths.get(prop) : Paths.get("..", "..", "shared", "testdata");
    if (!Files.isDirectory(p)) {
      // running from a module directory inside the reactor
      Path alt = Paths.get("..", "..", "shared", "testdata");
      if (Files.isDirectory(alt)) {
        return alt.toAbsolutePath().normalize();
      }
      throw new IllegalStateException(
          "shared test vectors not found at " + p.toAbsolutePath() + " (set -Dcairn.testdata)");
    }
    return p.toAbsolutePath().normalize();
  }

  public static Path path(String relative) {
    Path p = root().resolve(relative);
    if (!Files.exists(p)) {
      throw new IllegalStateException("missing test vector file " + p);
    }
    return p;
  }

  public static String read(String relative) {
    try {
      return Files.readString(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
