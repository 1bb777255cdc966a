package dev.cairn.apicheck;

import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonArray;
import dev.cairn.core.json.JsonObject;
import dev.cairn.core.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import java.util.stream.Stream;

/**
 * The GraalVM reachability metadata one module ships, read from its compiled output
 * ({@code target/classes/META-INF/native-image/**}: the files copied from src/main/resources and
 * those an annotation processor generated, e.g. picocli-codegen's), in the classic per-kind format
 * that GraalVM 23.1 (Java 17) and every later release read: {@code reflect-config.json},
 * {@code resource-config.json}, {@code proxy-config.json}, {@code jni-config.json},
 * {@code serialization-config.json}. Also the module's {@code META-INF/services} files.
 */
final class NativeMetadata {

  /** One reflect-config (or jni-config) entry. */
  static final class TypeEntry {
    final String name;
    final Set<String> methods = new LinkedHashSet<>(); // "name(param,param)"
    final Set<String> methodNames = new LinkedHashSet<>();
    final Set<String> fields = new LinkedHashSet<>();
    boolean allConstructors;
    boolean allMethods;
    boolean allFields;

    TypeEntry(String name) {
      this.name = name;
    }

    boolean hasConstructor(String params) {
      return allConstructors || methods.contains("<init>(" + params + ")");
    }

    boolean hasMethod(String methodName) {
      return allMethods || methodNames.contains(methodName);
    }

    boolean hasField(String fieldName) {
      return allFields || fields.contains(fieldName);
    }
  }

  final String module;
  /** Binary class name (dots, '$' for nested) to its merged reflection entry. */
  final Map<String, TypeEntry> reflect = new LinkedHashMap<>();
  final Map<String, TypeEntry> jni = new LinkedHashMap<>();
  /** Resource include patterns (Java regex, as resource-config.json writes them). */
  final List<Pattern> resources = new ArrayList<>();
  final List<List<String>> proxies = new ArrayList<>();
  final Set<String> serialization = new LinkedHashSet<>();
  /** Service interface (binary name) to the providers its META-INF/services file lists. */
  final Map<String, List<String>> services = new LinkedHashMap<>();
  /** The metadata files read, relative to the output directory. */
  final List<String> files = new ArrayList<>();
  /** Other files under META-INF/native-image (native-image.properties). */
  final List<String> otherFiles = new ArrayList<>();
  /** Every file name under the output directory that is not a class (the module's resources). */
  final Set<String> resourceFiles = new LinkedHashSet<>();

  private NativeMetadata(String module) {
    this.module = module;
  }

  /** A module without any metadata (for tests). */
  static NativeMetadata empty(String module) {
    return new NativeMetadata(module);
  }

  /** Reads a module's compiled output directory. */
  static NativeMetadata read(String module, Path classesDir) {
    NativeMetadata m = new NativeMetadata(module);
    try (Stream<Path> s = Files.walk(classesDir)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
        String rel = classesDir.relativize(p).toString().replace('\\', '/');
        if (!rel.endsWith(".class")) {
          m.resourceFiles.add(rel);
        }
        if (rel.startsWith("META-INF/services/")) {
          m.services.put(rel.substring("META-INF/services/".length()), providers(Files.readString(p)));
        } else if (rel.startsWith("META-INF/native-image/") && rel.endsWith(".json")) {
          m.add(rel, Files.readString(p, StandardCharsets.UTF_8));
        } else if (rel.startsWith("META-INF/native-image/")) {
          m.otherFiles.add(rel); // native-image.properties
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }

  static List<String> providers(String serviceFile) {
    List<String> out = new ArrayList<>();
    for (String line : serviceFile.split("\n")) {
      int hash = line.indexOf('#');
      String l = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (!l.isEmpty()) {
        out.add(l);
      }
    }
    return out;
  }

  /** Adds one metadata file by its name (reflect-config.json, ...); other names are an error. */
  NativeMetadata add(String relPath, String json) {
    String file = relPath.substring(relPath.lastIndexOf('/') + 1);
    JsonValue v;
    try {
      v = Json.parse(json);
    } catch (RuntimeException e) {
      throw new IllegalStateException(module + ": " + relPath + " is not valid JSON: " + e.getMessage(), e);
    }
    files.add(relPath);
    switch (file) {
      case "reflect-config.json":
        types(v.asArray(relPath), reflect);
        break;
      case "jni-config.json":
        types(v.asArray(relPath), jni);
        break;
      case "resource-config.json":
        JsonObject res = v.asObject(relPath);
        if (res.has("resources")) {
          JsonValue r = res.get("resources");
          // 21.x wrote {"resources": {"includes": [...]}}, older ones an array of patterns
          JsonArray includes = r.kind() == JsonValue.Kind.ARRAY
              ? r.asArray("resources")
              : (r.asObject("resources").has("includes")
                  ? r.asObject("resources").get("includes").asArray("includes")
                  : JsonArray.of());
          for (JsonValue inc : includes.elements()) {
            JsonObject o = inc.asObject("includes[]");
            if (o.has("pattern")) {
              resources.add(Pattern.compile(o.get("pattern").asString("pattern")));
            } else if (o.has("glob")) {
              resources.add(Pattern.compile(globToRegex(o.get("glob").asString("glob"))));
            }
          }
        }
        break;
      case "proxy-config.json":
        for (JsonValue p : v.asArray(relPath).elements()) {
          JsonArray ifaces = p.kind() == JsonValue.Kind.ARRAY
              ? p.asArray("proxy")
              : p.asObject("proxy").get("interfaces").asArray("interfaces");
          List<String> names = new ArrayList<>();
          for (JsonValue i : ifaces.elements()) {
            names.add(i.asString("interfaces[]"));
          }
          proxies.add(names);
        }
        break;
      case "serialization-config.json":
        JsonValue types = v.kind() == JsonValue.Kind.ARRAY ? v : v.asObject(relPath).get("types");
        if (types != null) {
          for (JsonValue t : types.asArray("types").elements()) {
            serialization.add(t.asObject("types[]").get("name").asString("name"));
          }
        }
        break;
      default:
        throw new IllegalStateException(module + ": " + relPath + " is not a metadata file this check reads"
            + " (the project ships the classic per-kind files that GraalVM 23.1 and later read;"
            + " reachability-metadata.json is read only from GraalVM 24.2 on)");
    }
    return this;
  }

  private static void types(JsonArray entries, Map<String, TypeEntry> into) {
    for (JsonValue e : entries.elements()) {
      JsonObject o = e.asObject("entry");
      String name = o.get("name").asString("name");
      TypeEntry t = into.computeIfAbsent(name, TypeEntry::new);
      t.allConstructors |= flag(o, "allDeclaredConstructors") || flag(o, "allPublicConstructors");
      t.allMethods |= flag(o, "allDeclaredMethods") || flag(o, "allPublicMethods");
      t.allFields |= flag(o, "allDeclaredFields") || flag(o, "allPublicFields");
      if (o.has("methods")) {
        for (JsonValue mv : o.get("methods").asArray("methods").elements()) {
          JsonObject mo = mv.asObject("methods[]");
          String mname = mo.get("name").asString("name");
          List<String> params = new ArrayList<>();
          if (mo.has("parameterTypes")) {
            for (JsonValue p : mo.get("parameterTypes").asArray("parameterTypes").elements()) {
              params.add(p.asString("parameterTypes[]"));
            }
          }
          t.methodNames.add(mname);
          t.methods.add(mname + "(" + String.join(",", params) + ")");
        }
      }
      if (o.has("fields")) {
        for (JsonValue fv : o.get("fields").asArray("fields").elements()) {
          t.fields.add(fv.asObject("fields[]").get("name").asString("name"));
        }
      }
    }
  }

  private static boolean flag(JsonObject o, String key) {
    return o.has(key) && o.get(key).asBoolean(key);
  }

  static String globToRegex(String glob) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
          sb.append(".*");
          i++;
        } else {
          sb.append("[^/]*");
        }
      } else {
        sb.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return sb.toString();
  }

  /** Whether a resource name (no leading slash) is included. */
  boolean includesResource(String name) {
    for (Pattern p : resources) {
      if (p.matcher(name).matches()) {
        return true;
      }
    }
    return false;
  }

  boolean isEmpty() {
    return files.isEmpty();
  }
}
