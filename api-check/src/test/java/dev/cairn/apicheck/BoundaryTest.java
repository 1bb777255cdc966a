package dev.cairn.apicheck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The internal-package boundary: (b) no public API mentions an {@code internal} type; (c) no class
 * of any module (main and test classes, examples and benchmarks included) refers to another
 * module's {@code internal} package.
 *
 * <p>{@code api/known-violations.txt} lists offences that other work is removing; it may only
 * shrink: an offence not in it fails the build, and so does a line in it that no longer occurs.
 */
class BoundaryTest {

  static final String KNOWN = "known-violations.txt";

  private static List<String> leaks;
  private static List<String> references;

  static synchronized List<String> leaks() {
    if (leaks == null) {
      List<String> out = new ArrayList<>();
      for (String m : Reactor.LIBRARY_MODULES) {
        Reactor.Output main = Reactor.mainClasses(m);
        if (main != null) {
          out.addAll(Boundary.leaks(m, PublicApi.of(ClassFiles.declarations(main.dir()))));
        }
      }
      leaks = out;
    }
    return leaks;
  }

  static synchronized List<String> references() {
    if (references == null) {
      List<Reactor.Output> outputs = new ArrayList<>();
      for (String m : Reactor.reactorModules()) {
        if (m.equals("bom")) {
          continue;
        }
        Reactor.Output main = Reactor.mainClasses(m);
        Reactor.Output test = Reactor.testClasses(m);
        if (main != null) {
          outputs.add(main);
        }
        if (test != null) {
          outputs.add(test);
        }
      }
      Map<String, String> owners = Boundary.packageOwners(outputs);
      List<String> out = new ArrayList<>();
      for (Reactor.Output o : outputs) {
        for (Path p : ClassFiles.list(o.dir())) {
          String rel = o.dir().relativize(p).toString().replace('\\', '/');
          String name = rel.substring(0, rel.length() - ".class".length());
          out.addAll(Boundary.foreignInternalReferences(o.module(), o.label(), name, ClassFiles.read(p), owners));
        }
      }
      references = out;
    }
    return references;
  }

  static Set<String> known() {
    Path file = Reactor.apiDir().resolve(KNOWN);
    if (!Files.exists(file)) {
      return Set.of();
    }
    try {
      return Files.readAllLines(file).stream()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .collect(Collectors.toCollection(LinkedHashSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertNone(List<String> offences, String rule, String fix) {
    Set<String> known = known();
    List<String> unknown = offences.stream().filter(o -> !known.contains(o)).collect(Collectors.toList());
    assertTrue(unknown.isEmpty(), unknown.size() + " " + rule + ":\n  " + String.join("\n  ", unknown)
        + "\n" + fix);
  }

  @Test
  void noPublicApiMentionsAnInternalType() {
    assertNone(leaks(), "public API declarations mention a type from an internal package",
        "Move the type out of the internal package (it is API then), or keep it out of public and"
            + " protected signatures (package-private or an API interface in its place).");
  }

  @Test
  void noModuleRefersToAnotherModulesInternalPackages() {
    assertNone(references(), "references to another module's internal package",
        "Use the owning module's public API instead (give it a public way if it has none, e.g. "
            + "Secp256k1.backend(\"java\") for a secp256k1 backend by name).");
  }

  @Test
  void knownViolationsStillOccur() {
    Set<String> all = new LinkedHashSet<>(leaks());
    all.addAll(references());
    List<String> gone = known().stream().filter(k -> !all.contains(k)).collect(Collectors.toList());
    assertTrue(gone.isEmpty(), "api/" + KNOWN + " lists offences that no longer occur; delete these lines:\n  "
        + String.join("\n  ", gone));
  }
}
