package dev.cairn.apicheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Where the reactor's modules, their compiled classes and the API baselines are. */
final class Reactor {
  private Reactor() {}

  /**
   * The library modules: published artifacts whose public API is recorded in {@code api/} and whose
   * API packages need a package-info. Add new library modules here when they join the
   * reactor (and add them as test dependencies in api-check/pom.xml, so they build first).
   */
  static final List<String> LIBRARY_MODULES =
      List.of(
          "sdk-core",
          "native",
          "sdk-abi",
          "sdk-abi-codegen",
          "sdk-transport",
          "sdk-evm",
          "sdk-svm",
          "sdk-cosmwasm",
          "sdk-hsm",
          "testing-kit");

  /** The command that re-records the baselines (and the known boundary violations). */
  static final String UPDATE_COMMAND =
      "mvn -B verify -pl api-check -am -Dcairn.api.update=true";

  /** The reactor root (the directory of the parent pom.xml). */
  static Path root() {
    String p = System.getProperty("cairn.root");
    Path root = p != null ? Paths.get(p) : Paths.get("..");
    root = root.toAbsolutePath().normalize();
    if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("api-check"))) {
      throw new IllegalStateException("reactor root not found at " + root + " (system property cairn.root)");
    }
    return root;
  }

  /** Whether {@code -Dcairn.api.update=true} asks the checks to re-record instead of failing. */
  static boolean updating() {
    return Boolean.parseBoolean(System.getProperty("cairn.api.update", "false"));
  }

  static Path apiDir() {
    return root().resolve("api");
  }

  /** Every {@code <module>} of the root pom.xml, in reactor order. */
  static List<String> reactorModules() {
    String pom;
    try {
      pom = Files.readString(root().resolve("pom.xml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int start = pom.indexOf("<modules>");
    int end = pom.indexOf("</modules>");
    if (start < 0 || end < start) {
      throw new IllegalStateException("no <modules> in the root pom.xml");
    }
    List<String> modules = new ArrayList<>();
    Matcher m = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>").matcher(pom.substring(start, end));
    while (m.find()) {
      modules.add(m.group(1));
    }
    return modules;
  }

  /** One compiled output directory of one module. */
  record Output(String module, boolean test, Path dir) {
    String label() {
      return module + (test ? " (test classes)" : " (main classes)");
    }
  }

  /**
   * The main classes of a module. Fails loudly when the module has Java sources but no compiled
   * classes (it was not built before api-check), and returns null only when the module has no main
   * Java sources at all (an empty skeleton or a pom module).
   */
  static Output mainClasses(String module) {
    return output(module, "src/main/java", "target/classes", false);
  }

  /** The test classes of a module; the same rules as {@link #mainClasses}. */
  static Output testClasses(String module) {
    return output(module, "src/test/java", "target/test-classes", true);
  }

  private static Output output(String module, String src, String classes, boolean test) {
    Path dir = root().resolve(module);
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("module directory " + dir + " does not exist");
    }
    Path srcDir = dir.resolve(src);
    Path classesDir = dir.resolve(classes);
    boolean hasSources = hasJava(srcDir) || (!test && hasJava(dir.resolve("target/generated-sources")));
    if (!hasSources) {
      return null;
    }
    if (!Files.isDirectory(classesDir) || !hasClassFiles(classesDir)) {
      throw new IllegalStateException(
          module + " has Java sources in " + src + " but no compiled classes in " + classesDir
              + ": build it first (api-check must run after every module of the reactor, e.g. "
              + "`mvn -B verify` from the root or `mvn -B verify -pl api-check -am`)");
    }
    return new Output(module, test, classesDir);
  }

  static boolean hasJava(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.anyMatch(p -> p.toString().endsWith(".java"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean hasClassFiles(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.anyMatch(p -> p.toString().endsWith(".class"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The source roots of a module's main code: src/main/java and every generated-sources root. */
  static List<Path> mainSourceRoots(String module) {
    Path dir = root().resolve(module);
    List<Path> roots = new ArrayList<>();
    if (Files.isDirectory(dir.resolve("src/main/java"))) {
      roots.add(dir.resolve("src/main/java"));
    }
    Path gen = dir.resolve("target/generated-sources");
    if (Files.isDirectory(gen)) {
      try (Stream<Path> s = Files.list(gen)) {
        s.filter(Files::isDirectory).sorted().forEach(roots::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return roots;
  }
}
