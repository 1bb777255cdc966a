package dev.cairn.androidcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.android.tools.r8.ClassFileConsumer;
import com.android.tools.r8.CompilationFailedException;
import com.android.tools.r8.JdkClassFileProvider;
import com.android.tools.r8.R8;
import com.android.tools.r8.R8Command;
import com.android.tools.r8.origin.Origin;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The AAR's consumer rules against R8: a sample wallet program (sample.WalletSample) and the AAR's
 * classes.jar are shrunk and obfuscated by R8 into class files, as an app's release build would
 * (the external libraries on R8's class path), then run on the JVM. With the AAR's proguard.txt (plus the rules the
 * closure's jars embed, as the Android Gradle plugin adds them) the program must pass its checks:
 * the ServiceLoader-found backends and inspectors survived. Without Cairn's rules it must not.
 */
class R8SampleIT {
  static final String MAIN = "dev.cairn.androidcheck.sample.WalletSample";

  @Test
  void shrunkWithTheConsumerRulesTheSampleRuns() throws Exception {
    Path out = shrink("with-rules", true);
    Run r = run(out);
    assertEquals(0, r.exit, r.output);
    assertTrue(r.output.contains("sample: ok"), r.output);
    long size = Files.size(out);
    System.out.println("R8 (class files) with Cairn's rules: " + size + " bytes\n" + r.output);
  }

  /**
   * R8 keeps a ServiceLoader provider when the program's META-INF/services names it (observed: the
   * sample also runs shrunk without Cairn's keep rules; the rules are for ProGuard and for builds
   * that do not hand R8 the resources). So what must hold is that the AAR's merged service files
   * reach R8: without them the shrunk sample finds no transaction inspector, and this run shows the check sees it.
   */
  @Test
  void withoutTheServiceFilesTheShrunkSampleFails() throws Exception {
    Path out = shrink("without-services", true, true);
    Run r = run(out);
    assertNotEquals(0, r.exit, r.output);
    // the built-in java backend needs no service file; the chain inspectors do
    assertTrue(r.output.contains("FAILED  transaction inspectors found by ServiceLoader"), r.output);
  }

  static Path aar() {
    Path p = Paths.get(System.getProperty("cairn.android.aar"));
    assertTrue(Files.isRegularFile(p), "the AAR was not built: " + p);
    return p;
  }

  /** Shrinks sample + the AAR's classes + the closure; {@code cairnRules} adds the AAR's proguard.txt. */
  static Path shrink(String name, boolean cairnRules) throws IOException, CompilationFailedException {
    return shrink(name, cairnRules, false);
  }

  static Path shrink(String name, boolean cairnRules, boolean dropServices) throws IOException, CompilationFailedException {
    Path dir = Paths.get(System.getProperty("cairn.android.out"), "r8-sample", name);
    Files.createDirectories(dir);
    Path classesJar = dir.resolve("cairn-classes.jar");
    String proguardTxt;
    try (ZipFile aar = new ZipFile(aar().toFile())) {
      try (InputStream in = aar.getInputStream(aar.getEntry("classes.jar"))) {
        Files.copy(in, classesJar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      if (dropServices) {
        Path stripped = dir.resolve("cairn-classes-no-services.jar");
        try (ZipFile in = new ZipFile(classesJar.toFile());
            ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(stripped))) {
          Enumeration<? extends ZipEntry> e = in.entries();
          while (e.hasMoreElements()) {
            ZipEntry entry = e.nextElement();
            if (entry.getName().startsWith("META-INF/services/")) {
              continue;
            }
            z.putNextEntry(new ZipEntry(entry.getName()));
            try (InputStream is = in.getInputStream(entry)) {
              is.transferTo(z);
            }
            z.closeEntry();
          }
        }
        classesJar = stripped;
      }
      try (InputStream in = aar.getInputStream(aar.getEntry("proguard.txt"))) {
        proguardTxt = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    Path sampleJar = dir.resolve("sample.jar");
    Path testClasses = Paths.get(System.getProperty("cairn.android.testClasses"));
    Path samplePkg = testClasses.resolve("dev/cairn/androidcheck/sample");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(sampleJar));
        var files = Files.list(samplePkg)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        z.putNextEntry(new ZipEntry(testClasses.relativize(f).toString().replace(File.separatorChar, '/')));
        z.write(Files.readAllBytes(f));
        z.closeEntry();
      }
    }
    List<Path> program = new ArrayList<>(List.of(sampleJar, classesJar));
    List<Path> closure = new ArrayList<>();
    List<String> rules = new ArrayList<>();
    rules.add("-keep class " + MAIN + " { public static void main(java.lang.String[]); }");
    // R8 on the JVM: the JDK is the library; warnings about what the JVM closure names but does not
    // ship (Android, Conscrypt, GraalVM, ...) are the closure's own business
    rules.add("-ignorewarnings");
    for (String p : System.getProperty("cairn.android.closure").split(File.pathSeparator)) {
      if (p.isEmpty() || p.contains("jnr") || p.contains("jffi") || p.contains("asm")) {
        continue; // jnr-ffi is not in the AAR's closure (PKCS#11 and hidapi are JVM-only)
      }
      Path jar = Paths.get(p);
      closure.add(jar);
      rules.addAll(embeddedRules(jar));
    }
    if (cairnRules) {
      rules.add(proguardTxt);
    }
    Path outJar = dir.resolve("shrunk.jar");
    Files.deleteIfExists(outJar);
    R8.run(R8Command.builder()
        .addProgramFiles(program)
        // the external libraries stay as they are (an app shrinks them too, with their own rules;
        // what is checked here is what Cairn's rules keep of Cairn)
        .addClasspathFiles(closure)
        .addLibraryResourceProvider(JdkClassFileProvider.fromSystemJdk())
        .addProguardConfiguration(rules, Origin.unknown())
        .setProgramConsumer(new ClassFileConsumer.ArchiveConsumer(outJar, true))
        .build());
    CLOSURE = closure;
    return outJar;
  }

  private static List<Path> CLOSURE = List.of();

  /** The keep rules a jar carries for R8/ProGuard (META-INF/proguard/*.pro, META-INF/com.android.tools/r8*). */
  static List<String> embeddedRules(Path jar) throws IOException {
    List<String> out = new ArrayList<>();
    try (ZipFile z = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> e = z.entries();
      while (e.hasMoreElements()) {
        ZipEntry entry = e.nextElement();
        String n = entry.getName();
        if (!entry.isDirectory() && (n.startsWith("META-INF/proguard/")
            || (n.startsWith("META-INF/com.android.tools/r8") && !n.contains("upto")))) {
          try (InputStream in = z.getInputStream(entry)) {
            out.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    }
    return out;
  }

  record Run(int exit, String output) {}

  static Run run(Path jar) throws IOException, InterruptedException {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    StringBuilder cp = new StringBuilder(jar.toString());
    for (Path c : CLOSURE) {
      cp.append(File.pathSeparator).append(c);
    }
    Process p = new ProcessBuilder(java.toString(), "-cp", cp.toString(), MAIN).redirectErrorStream(true).start();
    boolean done = p.waitFor(120, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(done ? p.exitValue() : -1, output);
  }
}
