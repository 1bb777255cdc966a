package dev.cairn.apicheck;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The public API of every library module must equal its recorded baseline {@code api/<module>.api}
 * (our japicmp/revapi: see docs/decisions for why a text baseline). With
 * {@code -Dcairn.api.update=true} the baselines are rewritten instead.
 */
class ApiBaselineTest {

  static String currentApi(String module) {
    Reactor.Output main = Reactor.mainClasses(module);
    return main == null ? "" : PublicApi.of(ClassFiles.declarations(main.dir())).render();
  }

  @TestFactory
  Stream<DynamicTest> everyLibraryModuleMatchesItsBaseline() {
    return Reactor.LIBRARY_MODULES.stream()
        .map(m -> DynamicTest.dynamicTest(m, () -> check(m)));
  }

  private static void check(String module) throws IOException {
    String current = currentApi(module);
    Path file = Reactor.apiDir().resolve(module + ".api");
    if (Reactor.updating()) {
      Files.createDirectories(file.getParent());
      if (!Files.exists(file) || !Files.readString(file).equals(current)) {
        Files.writeString(file, current, StandardCharsets.UTF_8);
        System.out.println("api-check: re-recorded " + file);
      }
      return;
    }
    if (!Files.exists(file)) {
      fail(module + ": no API baseline " + Reactor.root().relativize(file)
          + "; record it (and commit it) with\n  " + Reactor.UPDATE_COMMAND);
    }
    String baseline = Files.readString(file);
    List<ApiDiff.Change> changes = ApiDiff.diff(baseline, current, file.toString());
    if (changes.isEmpty()) {
      return;
    }
    long breaking = changes.stream().filter(ApiDiff.Change::breaking).count();
    StringBuilder sb = new StringBuilder();
    sb.append(module).append(": the public API differs from ").append(Reactor.root().relativize(file))
        .append(" (").append(breaking).append(" breaking, ").append(changes.size() - breaking)
        .append(" compatible; + now, - recorded):\n");
    // breaking first
    List<ApiDiff.Change> sorted = new ArrayList<>(changes);
    sorted.sort((a, b) -> Boolean.compare(b.breaking(), a.breaking()));
    for (ApiDiff.Change c : sorted) {
      sb.append("  ").append(c.describe()).append('\n');
    }
    sb.append(breaking > 0
        ? "Breaking changes break existing callers; make them only deliberately. "
        : "Additions are compatible, but the API grows only deliberately. ");
    sb.append("To accept the change, re-record the baseline and commit ")
        .append(Reactor.root().relativize(file)).append(" with the change:\n  ")
        .append(Reactor.UPDATE_COMMAND);
    fail(sb.toString());
  }

  @Test
  void everyBaselineBelongsToALibraryModule() throws IOException {
    Path dir = Reactor.apiDir();
    assertTrue(Files.isDirectory(dir) || Reactor.updating(), "no api/ directory at the reactor root; record with "
        + Reactor.UPDATE_COMMAND);
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<String> stale;
    try (Stream<Path> s = Files.list(dir)) {
      stale = s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".api"))
          .filter(n -> !Reactor.LIBRARY_MODULES.contains(n.substring(0, n.length() - 4)))
          .sorted()
          .collect(Collectors.toList());
    }
    assertTrue(stale.isEmpty(), "api/ holds baselines of modules that are not in Reactor.LIBRARY_MODULES: "
        + stale + " (delete them, or add the module to the list)");
  }

  @Test
  void everyLibraryModuleIsInTheReactor() {
    List<String> reactor = Reactor.reactorModules();
    List<String> missing = new ArrayList<>(Reactor.LIBRARY_MODULES);
    missing.removeAll(reactor);
    assertTrue(missing.isEmpty(), "library modules missing from the root pom's <modules>: " + missing);
    assertTrue(reactor.indexOf("api-check") == reactor.size() - 1,
        "api-check must be the last module of the reactor (it reads every other module's classes)");
  }
}
