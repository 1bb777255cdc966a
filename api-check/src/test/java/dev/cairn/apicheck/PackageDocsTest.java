package dev.cairn.apicheck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import javax.lang.model.SourceVersion;
import org.junit.jupiter.api.Test;

/**
 * Every API package of every library module has a package-info.java with a usage example, and
 * every library jar declares its JPMS name (Automatic-Module-Name).
 */
class PackageDocsTest {

  /** The API packages of a module: packages (with slashes) holding at least one API class. */
  static TreeSet<String> apiPackages(String module) {
    TreeSet<String> packages = new TreeSet<>();
    Reactor.Output main = Reactor.mainClasses(module);
    if (main != null) {
      for (PublicApi.ApiClass c : PublicApi.of(ClassFiles.declarations(main.dir())).classes()) {
        packages.add(ClassFiles.packageOf(c.name()));
      }
    }
    return packages;
  }

  static final String SNIPPETS = "api-check/src/test/java/dev/cairn/apicheck/snippets/PackageSnippets.java";

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /**
   * Each API package has a package-info.java whose Javadoc holds a usage example; the example must
   * equal the region named after the package in the compiled snippet sources, so it compiles
   * against the real API (and fails the build when the API changes under it).
   */
  @Test
  void everyApiPackageHasAPackageInfoWithAnExample() throws IOException {
    List<String> problems = new ArrayList<>();
    Map<String, String> regions = Snippets.regions();
    TreeSet<String> all = new TreeSet<>();
    for (String module : Reactor.LIBRARY_MODULES) {
      for (String pkg : apiPackages(module)) {
        all.add(pkg.replace('/', '.'));
      }
    }
    for (String name : regions.keySet()) {
      if (name.startsWith("dev.cairn.") && !all.contains(name)) {
        problems.add(SNIPPETS + ": region " + name + " is not an API package any more: delete it");
      }
    }
    for (String module : Reactor.LIBRARY_MODULES) {
      List<Path> roots = Reactor.mainSourceRoots(module);
      for (String pkg : apiPackages(module)) {
        Path found = null;
        for (Path root : roots) {
          Path p = root.resolve(pkg).resolve("package-info.java");
          if (Files.isRegularFile(p)) {
            found = p;
            break;
          }
        }
        String dotted = pkg.replace('/', '.');
        if (found == null) {
          problems.add(module + ": package " + dotted + " has no package-info.java (in " + module
              + "/src/main/java/" + pkg + "/)");
          continue;
        }
        String text = Files.readString(found);
        int doc = text.indexOf("/**");
        int decl = text.indexOf("package " + dotted + ";");
        if (decl < 0) {
          problems.add(found + ": does not declare package " + dotted);
        } else if (doc < 0 || doc > decl) {
          problems.add(found + ": no Javadoc comment before the package declaration");
        } else {
          String example = Snippets.javadocExample(text.substring(doc, decl));
          String region = regions.get(dotted);
          if (example == null) {
            problems.add(found + ": the Javadoc has no usage example (<pre>{@code ... }</pre>)");
          } else if (region == null) {
            problems.add(found + ": its example has no compiled twin: add a region '// region:" + dotted
                + "' with the same code to " + SNIPPETS);
          } else if (!region.equals(example)) {
            problems.add(found + ": its example differs from region " + dotted + " of " + SNIPPETS
                + " (the compiled copy); first line here: " + firstLine(example));
          }
        }
      }
    }
    assertTrue(problems.isEmpty(), "API packages without documentation:\n  " + String.join("\n  ", problems));
  }

  @Test
  void everyLibraryJarDeclaresAValidUniqueAutomaticModuleName() throws IOException {
    String version = System.getProperty("cairn.version", "0.1.0-SNAPSHOT");
    List<String> problems = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>();
    for (String module : Reactor.LIBRARY_MODULES) {
      Path jar = Reactor.root().resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
      if (!Files.isRegularFile(jar)) {
        problems.add(module + ": no jar at " + jar + " (api-check runs after `package` of every module: use `mvn verify`)");
        continue;
      }
      try (JarFile jf = new JarFile(jar.toFile())) {
        if (jf.getEntry("module-info.class") != null) {
          continue; // an explicit module: its name is in module-info
        }
        Manifest mf = jf.getManifest();
        String name = mf == null ? null : mf.getMainAttributes().getValue("Automatic-Module-Name");
        if (name == null) {
          problems.add(module + ": " + jar.getFileName() + " has no Automatic-Module-Name in its manifest");
        } else if (!SourceVersion.isName(name)) {
          problems.add(module + ": Automatic-Module-Name '" + name + "' is not a valid module name");
        } else if (!names.add(name)) {
          problems.add(module + ": Automatic-Module-Name '" + name + "' is used by another module too");
        } else if (!name.startsWith("dev.cairn.")) {
          problems.add(module + ": Automatic-Module-Name '" + name + "' is not under dev.cairn");
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }
}
