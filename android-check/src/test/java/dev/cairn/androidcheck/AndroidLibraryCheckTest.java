package dev.cairn.androidcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The build's Android check: the library modules an Android wallet uses (sdk-core, sdk-abi,
 * sdk-transport, sdk-evm, sdk-svm, sdk-cosmwasm, sdk-hsm), dexed by D8 at min-api 24 against the
 * Android 7.0 framework, with their run-time closure (BouncyCastle, OkHttp, Okio, Kotlin stdlib,
 * Jackson core, protobuf-javalite, jnr-ffi) as classpath: no D8 warning, no reference that Android
 * 7.0 lacks after D8's desugaring, except java.time (core-library desugaring, required below API 26).
 */
class AndroidLibraryCheckTest {
  static final int MIN_API = 24;
  static final List<String> DESUGARED_LIBRARY = List.of("java/time/");

  static Path lib() {
    return Path.of(System.getProperty("cairn.android.lib"));
  }

  static Path signature() {
    return Path.of(System.getProperty("cairn.android.signature"));
  }

  static List<Path> paths(String property, String separator) {
    List<Path> out = new ArrayList<>();
    String v = System.getProperty(property, "");
    for (String s : v.split(separator)) {
      if (!s.isBlank()) {
        out.add(Path.of(s.trim()));
      }
    }
    return out;
  }

  static Set<String> excludedClasses() throws IOException {
    Set<String> out = new TreeSet<>();
    try (InputStream in = AndroidLibraryCheckTest.class.getResourceAsStream("/android-check-excluded-classes.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("#")) {
          out.add(t);
        }
      }
    }
    return out;
  }

  static Path out(String name) throws IOException {
    Path dir = Path.of(System.getProperty("cairn.android.out", "target/android-check"));
    Files.createDirectories(dir);
    return dir.resolve(name);
  }

  @Test
  void libraryModulesDexCleanlyAndResolveOnApi24() throws IOException {
    List<Path> program = paths("cairn.android.program", ",");
    assertEquals(7, program.size(), "the seven Android library modules: " + program);
    List<Path> closure = paths("cairn.android.closure", java.io.File.pathSeparator);
    assertTrue(closure.stream().anyMatch(p -> p.getFileName().toString().startsWith("bcprov")), "closure: " + closure);

    AndroidApiCheck.Report r = AndroidApiCheck.run(new AndroidApiCheck.Config(
        MIN_API, lib(), signature(), program, closure, excludedClasses(), DESUGARED_LIBRARY, out("library-classes.dex.zip")));

    Files.write(out("library-report.txt"), r.problems());
    assertTrue(r.classesChecked() > 500, "classes checked: " + r.classesChecked());
    assertEquals(List.of(), r.problems(),
        r.problems().size() + " Android API " + MIN_API + " problem(s); see docs/android.md");
  }
}
