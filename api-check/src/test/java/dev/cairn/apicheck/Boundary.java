package dev.cairn.apicheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The internal-package boundary rules, as functions over compiled classes. */
final class Boundary {
  private Boundary() {}

  /**
   * Rule (b): an API class or API member that mentions a type from an {@code internal} package (of
   * any module or library) in its supertypes, descriptor, generic signature or throws clause.
   *
   * @return one line per offence: "module: class [member] mentions type"
   */
  static List<String> leaks(String module, PublicApi api) {
    List<String> out = new ArrayList<>();
    for (PublicApi.ApiClass c : api.classes()) {
      for (String t : new TreeSet<>(c.types())) {
        if (ClassFiles.isInternalPackage(ClassFiles.packageOf(t))) {
          out.add(module + ": " + c.name() + " (supertype or type parameter) mentions " + t);
        }
      }
      for (PublicApi.Member m : c.members()) {
        for (String t : new TreeSet<>(m.types())) {
          if (ClassFiles.isInternalPackage(ClassFiles.packageOf(t))) {
            out.add(module + ": " + c.name() + " " + m.kind() + " " + m.name() + " " + m.desc() + " mentions " + t);
          }
        }
      }
    }
    return out;
  }

  /**
   * Which module owns each package that holds compiled classes (main or test).
   *
   * @param outputs every module's main and test class directories
   */
  static Map<String, String> packageOwners(List<Reactor.Output> outputs) {
    Map<String, String> owners = new TreeMap<>();
    // main classes first: a package is owned by the module that ships it
    for (boolean test : new boolean[] {false, true}) {
      for (Reactor.Output o : outputs) {
        if (o.test() != test) {
          continue;
        }
        for (Path p : ClassFiles.list(o.dir())) {
          String rel = o.dir().relativize(p).toString().replace('\\', '/');
          int i = rel.lastIndexOf('/');
          owners.putIfAbsent(i < 0 ? "" : rel.substring(0, i), o.module());
        }
      }
    }
    return owners;
  }

  /**
   * Rule (c): a class that refers to a type in another module's {@code internal} package (or to a
   * project ({@code dev/cairn/}) internal package that no module of the reactor owns).
   *
   * @return one line per offence: "module (main|test classes): class member -> type (owner)"
   */
  static List<String> foreignInternalReferences(
      String module, String label, String className, byte[] classFile, Map<String, String> owners) {
    List<String> out = new ArrayList<>();
    for (References.Ref r : References.of(classFile)) {
      String pkg = ClassFiles.packageOf(r.type());
      if (!r.type().startsWith("dev/cairn/") || !ClassFiles.isInternalPackage(pkg)) {
        continue;
      }
      String owner = owners.get(pkg);
      if (module.equals(owner)) {
        continue;
      }
      out.add(label + ": " + className + " " + r.member() + " -> " + r.type()
          + " (internal to " + (owner == null ? "no module of the reactor" : owner) + ")");
    }
    return out;
  }
}
