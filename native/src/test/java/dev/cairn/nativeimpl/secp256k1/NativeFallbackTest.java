package dev.cairn.nativeimpl.secp256k1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The fallback a RISC-V machine (or any machine without the native library) takes, end to end in a
 * fresh JVM: with the native module on the class path but its library or jffi's stub unloadable,
 * the SDK selects the pure-Java backend without any error, signs correctly, and
 * {@code Secp256k1.backends()} says why the native backend is not used.
 *
 * <p>The child JVM is {@code cairn.test.java} when set (the arm64 run passes its qemu wrapper: an
 * emulated JVM cannot exec an arm64 binary itself), else this JVM's {@code bin/java}.
 */
class NativeFallbackTest {

  private static final long TIMEOUT_SECONDS = 300;

  @Test
  void missingLibraryFallsBackToPureJava() throws Exception {
    String bogus = "/nonexistent/cairn-test/libsecp256k1.so.1";
    Map<String, String> out =
        probe(testClassPath(), List.of("-D" + LibSecp256k1Backend.LIBRARY_PROPERTY + "=" + bogus));
    assertFellBack(out);
    String reason = out.get("backend.libsecp256k1.reason");
    assertTrue(reason.contains(bogus), reason);
    assertTrue(reason.contains("no such file"), reason);
    assertTrue(reason.contains("libsecp256k1-1"), reason); // what to install
  }

  @Test
  void missingJffiStubFallsBackToPureJava() throws Exception {
    // jffi ships its JNI stub per CPU in jffi-<v>-native.jar (jni/<arch>-Linux/); there is none for
    // riscv64. Without that jar the stub cannot be found, exactly as on a CPU it has no stub for.
    List<String> cp = new ArrayList<>();
    int removed = 0;
    for (String e : testClassPath()) {
      String name = Path.of(e).getFileName().toString();
      if (name.startsWith("jffi-") && name.endsWith("-native.jar")) {
        removed++;
      } else {
        cp.add(e);
      }
    }
    assertEquals(1, removed, "expected jffi's native jar on the test class path: " + testClassPath());
    Map<String, String> out = probe(cp, List.of());
    assertFellBack(out);
    String reason = out.get("backend.libsecp256k1.reason");
    // the reason says that jnr-ffi's stub, not the library, is missing, on which CPU, and what was tried
    assertTrue(reason.startsWith("jnr-ffi cannot run on this platform"), reason);
    assertTrue(reason.contains(" " + out.get("os.arch") + "): its native stub (jffi) did not load"), reason);
    assertTrue(reason.contains("libsecp256k1.so.1: "), reason);
  }

  private static void assertFellBack(Map<String, String> out) {
    assertEquals("java", out.get("selected"), out.toString());
    assertEquals("false", out.get("backend.libsecp256k1.available"), out.toString());
    assertEquals("false", out.get("backend.libsecp256k1.selected"), out.toString());
    assertEquals("true", out.get("backend.java.selected"), out.toString());
    assertEquals("ok", out.get("vector"), out.toString());
    String arch = System.getProperty("cairn.test.arch");
    if (arch != null) {
      assertEquals(arch, out.get("os.arch"), out.toString());
    }
  }

  private static List<String> testClassPath() {
    String cp = System.getProperty("surefire.test.class.path");
    if (cp == null || cp.isBlank()) {
      cp = System.getProperty("java.class.path");
    }
    List<String> out = new ArrayList<>();
    for (String e : cp.split(File.pathSeparator)) {
      if (!e.isBlank()) {
        out.add(e);
      }
    }
    return out;
  }

  private static String javaCommand() {
    String configured = System.getProperty("cairn.test.java");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Runs {@link FallbackProbe} in a child JVM; its key=value lines, after checking it ran clean. */
  private static Map<String, String> probe(List<String> classPath, List<String> jvmArgs)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaCommand());
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(String.join(File.pathSeparator, classPath));
    cmd.add(FallbackProbe.class.getName());
    ProcessBuilder pb = new ProcessBuilder(cmd);
    // the child must choose for itself, as an application does
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    Process p = pb.start();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    Thread errPump = pump(p.getErrorStream(), stderr);
    try (InputStream in = p.getInputStream()) {
      in.transferTo(stdout);
    }
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("the child JVM did not finish in " + TIMEOUT_SECONDS + " s: " + cmd);
    }
    errPump.join(10_000);
    String out = stdout.toString(StandardCharsets.UTF_8);
    String err = stderr.toString(StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), "child JVM failed: " + out + err);
    // "without error": nothing printed on stderr (no stack trace, no warning from jnr/jffi)
    assertEquals("", err.strip(), "the child JVM wrote to stderr");
    Map<String, String> map = new HashMap<>();
    for (String line : out.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        map.put(line.substring(0, eq), line.substring(eq + 1).strip());
      }
    }
    return map;
  }

  private static Thread pump(InputStream in, ByteArrayOutputStream to) {
    Thread t =
        new Thread(
            () -> {
              try (InputStream s = in) {
                s.transferTo(to);
              } catch (IOException ignored) {
                // the stream closed with the process
              }
            });
    t.setDaemon(true);
    t.start();
    return t;
  }
}
