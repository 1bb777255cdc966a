package dev.cairn.androidcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.androidcheck.fixtures.UsesApi33;
import dev.cairn.androidcheck.fixtures.UsesBackports;
import dev.cairn.androidcheck.fixtures.UsesVarHandle;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.codehaus.mojo.animal_sniffer.SignatureChecker;
import org.codehaus.mojo.animal_sniffer.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both checks can fail: tiny classes that use what Android 7.0 lacks are reported, backports are not. */
class DeliberateViolationTest {
  @TempDir Path tmp;

  /** Copies the compiled fixture (with its nested classes) into its own directory. */
  private Path fixture(Class<?> c) throws IOException {
    Path classes = Path.of(c.getProtectionDomain().getCodeSource().getLocation().getPath());
    String rel = c.getName().replace('.', '/');
    Path dir = tmp.resolve(c.getSimpleName());
    if (Files.isDirectory(dir)) {
      return dir;
    }
    Files.createDirectories(dir);
    try (var files = Files.walk(classes.resolve(rel).getParent())) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (name.equals(c.getSimpleName() + ".class") || name.startsWith(c.getSimpleName() + "$")) {
          Path target = dir.resolve(classes.relativize(f).toString());
          Files.createDirectories(target.getParent());
          Files.copy(f, target);
        }
      }
    }
    return dir;
  }

  private AndroidApiCheck.Report check(Class<?> c) throws IOException {
    return AndroidApiCheck.run(new AndroidApiCheck.Config(24, AndroidLibraryCheckTest.lib(), AndroidLibraryCheckTest.signature(),
        List.of(fixture(c)),
        List.of(), Set.of(), AndroidLibraryCheckTest.DESUGARED_LIBRARY, null));
  }

  @Test
  void api33MethodsAreReported() throws IOException {
    AndroidApiCheck.Report r = check(UsesApi33.class);
    assertEquals(List.of(), r.d8Diagnostics(), "D8 itself says nothing about a missing method");
    String all = String.join("\n", r.missing());
    assertEquals(2, r.missing().size(), all);
    assertTrue(all.contains("missing method java/math/BigInteger.<init>(I[BII)V"), all);
    assertTrue(all.contains("missing method java/util/Arrays.equals([BII[BII)Z"), all);
    assertTrue(all.contains("dev/cairn/androidcheck/fixtures/UsesApi33.slice([B)"), all);
  }

  @Test
  void varHandleIsReportedByD8AndTheResolver() throws IOException {
    AndroidApiCheck.Report r = check(UsesVarHandle.class);
    String d8 = String.join("\n", r.d8Diagnostics());
    assertTrue(d8.contains("MethodHandle.invoke and MethodHandle.invokeExact are only supported starting with Android O"), d8);
    String missing = String.join("\n", r.missing());
    assertTrue(missing.contains("java/lang/invoke/MethodHandles.byteArrayViewVarHandle"), missing);
  }

  @Test
  void backportsRecordsAndJavaTimePass() throws IOException {
    AndroidApiCheck.Report r = check(UsesBackports.class);
    assertEquals(List.of(), r.problems());
    // without core-library desugaring, java.time is missing on API 24
    AndroidApiCheck.Report strict = AndroidApiCheck.run(new AndroidApiCheck.Config(24, AndroidLibraryCheckTest.lib(), AndroidLibraryCheckTest.signature(),
        List.of(fixture(UsesBackports.class)), List.of(), Set.of(), List.of(), null));
    String missing = String.join("\n", strict.missing());
    assertTrue(missing.contains("missing class java/time/Duration"), missing);
    assertFalse(missing.contains("List.of"), missing);
  }

  @Test
  void animalSnifferReportsTheSameViolations() throws IOException {
    List<String> errors = new ArrayList<>();
    Logger log = new Logger() {
      @Override public void info(String m) {}
      @Override public void info(String m, Throwable t) {}
      @Override public void debug(String m) {}
      @Override public void debug(String m, Throwable t) {}
      @Override public void warn(String m) {}
      @Override public void warn(String m, Throwable t) {}
      @Override public void error(String m) { errors.add(m); }
      @Override public void error(String m, Throwable t) { errors.add(m); }
    };
    try (InputStream sig = new FileInputStream(System.getProperty("cairn.android.signature"))) {
      SignatureChecker checker = new SignatureChecker(sig, Set.of(), log);
      checker.setSourcePath(List.of());
      checker.process(new File[] {fixture(UsesApi33.class).toFile()});
      assertTrue(checker.isSignatureBroken());
    }
    String all = String.join("\n", errors);
    assertTrue(all.contains("java.math.BigInteger.<init>(int, byte[], int, int)"), all);
    assertTrue(all.contains("java.util.Arrays.equals(byte[], int, int, byte[], int, int)"), all);
  }
}
