package dev.cairn.apicheck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.ClassNode;

/**
 * GraalVM native image: every reflective access, dynamic class load, service load, proxy, resource
 * lookup, native access and picocli command in the library modules' and the wallet CLI's compiled
 * classes is covered by the reachability metadata the module ships (see {@link NativeImageScan},
 * {@link NativeMetadata}), or is listed with a justification in {@value #ALLOWED}. The metadata
 * itself must name classes, members and resources that exist.
 */
class NativeImageTest {

  /** The allow-list, relative to the reactor root: "<use key> -- <justification>" per line. */
  static final String ALLOWED = "api-check/src/test/resources/native-image-allowed.txt";

  /** The modules whose classes end up in an image: the library modules and the CLI. */
  static List<String> modules() {
    List<String> m = new ArrayList<>(Reactor.LIBRARY_MODULES);
    m.add("wallet-cli");
    return m;
  }

  private static Map<String, NativeMetadata> metadata;
  private static List<NativeImageScan.Use> uses;
  private static Map<String, ClassNode> classes;

  static synchronized void load() {
    if (metadata != null) {
      return;
    }
    Map<String, NativeMetadata> md = new LinkedHashMap<>();
    List<NativeImageScan.Use> us = new ArrayList<>();
    Map<String, ClassNode> cls = new LinkedHashMap<>();
    for (String m : modules()) {
      Reactor.Output out = Reactor.mainClasses(m);
      if (out == null) {
        continue;
      }
      md.put(m, NativeMetadata.read(m, out.dir()));
      for (Path p : ClassFiles.list(out.dir())) {
        byte[] b = ClassFiles.read(p);
        ClassNode n = ClassFiles.declarations(b);
        cls.put(n.name.replace('/', '.'), n);
        us.addAll(NativeImageScan.scan(m, b));
      }
    }
    metadata = md;
    uses = us;
    classes = cls;
  }

  /** Allow-list keys to their justification. */
  static Map<String, String> allowed() {
    Path file = Reactor.root().resolve(ALLOWED);
    Map<String, String> out = new LinkedHashMap<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      int sep = l.indexOf(" -- ");
      String key = sep < 0 ? l : l.substring(0, sep).strip();
      String why = sep < 0 ? "" : l.substring(sep + 4).strip();
      out.put(key, why.isEmpty() ? null : why);
      if (why.length() < 20) {
        throw new IllegalStateException(ALLOWED + " line " + (i + 1) + ": '" + key
            + "' needs a justification after ' -- ' (at least a sentence)");
      }
    }
    return out;
  }

  @Test
  void everyUseIsCoveredByMetadataOrJustified() {
    load();
    List<String> bad = NativeImageScan.uncovered(uses, metadata, allowed().keySet());
    assertTrue(bad.isEmpty(), bad.size() + " uses a native image needs metadata for are not covered:\n  "
        + String.join("\n  ", bad)
        + "\nAdd the class, member or resource to the module's src/main/resources/META-INF/native-image/"
        + "dev.cairn/<module>/{reflect,resource,proxy}-config.json, or (for a use no metadata can"
        + " cover) a line '<use> -- <why it is safe in an image>' to " + ALLOWED);
  }

  @Test
  void everyServiceProviderIsRegistered() {
    load();
    List<String> bad = new ArrayList<>();
    for (NativeMetadata m : metadata.values()) {
      m.services.forEach((service, providers) ->
          bad.addAll(NativeImageScan.providerProblems(m, service, providers)));
    }
    assertTrue(bad.isEmpty(), String.join("\n", bad));
  }

  @Test
  void allowListEntriesStillOccur() {
    load();
    Set<String> keys = uses.stream().map(NativeImageScan.Use::key).collect(Collectors.toSet());
    List<String> gone = allowed().keySet().stream().filter(k -> !keys.contains(k)).collect(Collectors.toList());
    assertTrue(gone.isEmpty(), ALLOWED + " lists uses that no longer occur; delete these lines:\n  "
        + String.join("\n  ", gone));
  }

  /** Metadata that names what does not exist is stale: it hides a rename. */
  @Test
  void metadataNamesExistingClassesMembersAndResources() {
    load();
    List<String> bad = new ArrayList<>();
    Set<String> allResources = new LinkedHashSet<>();
    metadata.values().forEach(m -> allResources.addAll(m.resourceFiles));
    for (NativeMetadata m : metadata.values()) {
      List<String> all = new ArrayList<>(m.files);
      all.addAll(m.otherFiles);
      for (String f : all) {
        if (!f.startsWith("META-INF/native-image/dev.cairn/" + m.module + "/")
            && !f.startsWith("META-INF/native-image/picocli-generated/")) {
          bad.add(m.module + ": " + f + " is not under META-INF/native-image/dev.cairn/" + m.module + "/");
        }
      }
      for (NativeMetadata.TypeEntry t : m.reflect.values()) {
        if (!t.name.startsWith("dev.cairn.")) {
          continue; // a dependency's class (picocli's own, say): not in the scanned output
        }
        ClassNode c = classes.get(t.name);
        if (c == null) {
          bad.add(m.module + ": reflect-config.json names " + t.name + ", which no scanned module has");
          continue;
        }
        for (String method : t.methodNames) {
          if (c.methods.stream().map(mn -> mn.name).noneMatch(method::equals)) {
            bad.add(m.module + ": reflect-config.json names " + t.name + "#" + method + ", which does not exist");
          }
        }
        for (String field : t.fields) {
          if (c.fields.stream().map(fn -> fn.name).noneMatch(field::equals)) {
            bad.add(m.module + ": reflect-config.json names field " + t.name + "#" + field + ", which does not exist");
          }
        }
      }
      for (Pattern p : m.resources) {
        if (allResources.stream().noneMatch(r -> p.matcher(r).matches())) {
          bad.add(m.module + ": resource-config.json pattern " + p + " matches no resource of any scanned module");
        }
      }
    }
    assertTrue(bad.isEmpty(), String.join("\n", bad));
  }

  /**
   * A module with a service file or any use (covered or allow-listed) ships metadata at the agreed
   * place, {@code META-INF/native-image/dev.cairn/<module>/}, so that an image build finds it.
   */
  @Test
  void modulesThatNeedMetadataShipIt() {
    load();
    List<String> bad = new ArrayList<>();
    Set<String> needing = uses.stream().map(NativeImageScan.Use::module).collect(Collectors.toCollection(LinkedHashSet::new));
    metadata.values().stream().filter(m -> !m.services.isEmpty()).forEach(m -> needing.add(m.module));
    for (String module : needing) {
      NativeMetadata m = metadata.get(module);
      List<String> all = new ArrayList<>(m.files);
      all.addAll(m.otherFiles);
      if (all.stream().noneMatch(f -> f.startsWith("META-INF/native-image/dev.cairn/" + module + "/"))) {
        bad.add(module + " needs META-INF/native-image/dev.cairn/" + module + "/ (the *-config.json files its"
            + " uses need, or a native-image.properties that says why it needs none)");
      }
    }
    assertTrue(bad.isEmpty(), String.join("\n", bad));
  }
}
