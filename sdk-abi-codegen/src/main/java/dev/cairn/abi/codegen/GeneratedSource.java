package dev.cairn.abi.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One generated Java source file.
 *
 * @param packageName the package
 * @param className the simple class name
 * @param content the Java source text
 */
public record GeneratedSource(String packageName, String className, String content) {
  /** The fully qualified class name. */
  public String qualifiedName() {
    return packageName.isEmpty() ? className : packageName + "." + className;
  }

  /** The path of the file relative to a source root, e.g. {@code dev/cairn/x/Erc20.java}. */
  public Path relativePath() {
    return Path.of(qualifiedName().replace('.', '/') + ".java");
  }

  /**
   * Writes the file below {@code sourceRoot}, creating directories. The file is left untouched
   * when it already has exactly this content (so that incremental compilers see no change).
   *
   * @param sourceRoot the source root directory
   * @return whether the file was written
   * @throws IOException if writing fails
   */
  public boolean writeTo(Path sourceRoot) throws IOException {
    Path file = sourceRoot.resolve(relativePath());
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
      return false;
    }
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    return true;
  }
}
