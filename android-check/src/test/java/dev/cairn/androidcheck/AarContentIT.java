package dev.cairn.androidcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The AAR (module android) as Android tooling reads it: the files an AAR must have, a manifest with
 * minSdk 24, every module's ServiceLoader entries merged, no class that its dependencies also carry
 * (so an app gets no duplicate classes), and a POM whose OkHttp is the artifact whose Gradle metadata
 * resolves to OkHttp's Android variant on Android.
 */
class AarContentIT {

  static String entry(ZipFile z, String name) throws IOException {
    ZipEntry e = z.getEntry(name);
    assertNotNull(e, "the AAR has no " + name);
    try (InputStream in = z.getInputStream(e)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void hasTheFilesOfAnAndroidLibraryWithMinSdk24() throws IOException {
    try (ZipFile aar = new ZipFile(R8SampleIT.aar().toFile())) {
      String manifest = entry(aar, "AndroidManifest.xml");
      assertTrue(manifest.contains("android:minSdkVersion=\"24\""), manifest);
      assertTrue(manifest.contains("package=\"dev.cairn.android\""), manifest);
      assertTrue(entry(aar, "proguard.txt").contains("-keep class * implements dev.cairn.core.crypto.spi.Secp256k1Backend"));
      entry(aar, "R.txt");
      assertNotNull(aar.getEntry("classes.jar"));
    }
  }

  @Test
  void serviceFilesAreTheUnionOfTheModules() throws IOException {
    Map<String, Set<String>> expected = new TreeMap<>();
    for (Path jar : programJars()) {
      services(jar, expected);
    }
    assertFalse(expected.isEmpty());
    Map<String, Set<String>> actual = new TreeMap<>();
    services(classesJar(), actual);
    // PKCS#11 is left out of the AAR; nothing of it is a service provider
    assertEquals(expected, actual);
  }

  @Test
  void noClassIsAlsoInADependency() throws IOException {
    Set<String> ours = classes(classesJar());
    assertTrue(ours.contains("dev/cairn/core/crypto/Secp256k1.class"));
    assertFalse(ours.stream().anyMatch(c -> c.startsWith("dev/cairn/hsm/pkcs11/")), "PKCS#11 is not for Android");
    List<String> dupes = new ArrayList<>();
    for (String p : System.getProperty("cairn.android.closure").split(File.pathSeparator)) {
      if (p.isEmpty()) {
        continue;
      }
      for (String c : classes(Paths.get(p))) {
        if (ours.contains(c)) {
          dupes.add(c + " (also in " + Paths.get(p).getFileName() + ")");
        }
      }
    }
    assertTrue(dupes.isEmpty(), "classes in the AAR and in a dependency: " + dupes);
  }

  /**
   * Every Cairn class a class of the AAR names is in the AAR: leaving a package out (PKCS#11) must
   * not leave a dangling reference that throws NoClassDefFoundError on a device.
   */
  @Test
  void everyCairnClassTheAarReferencesIsInIt() throws IOException {
    Set<String> ours = classes(classesJar());
    List<String> dangling = new ArrayList<>();
    try (ZipFile z = new ZipFile(classesJar().toFile())) {
      Enumeration<? extends ZipEntry> e = z.entries();
      while (e.hasMoreElements()) {
        ZipEntry entry = e.nextElement();
        if (!entry.getName().endsWith(".class") || entry.getName().startsWith("META-INF/")) {
          continue;
        }
        byte[] bytes;
        try (InputStream in = z.getInputStream(entry)) {
          bytes = in.readAllBytes();
        }
        for (String ref : cairnReferences(bytes)) {
          if (!ours.contains(ref + ".class")) {
            dangling.add(entry.getName() + " -> " + ref);
          }
        }
      }
    }
    assertTrue(dangling.isEmpty(), "classes of the AAR name Cairn classes it leaves out: " + dangling);
  }

  /** The dev/cairn/... internal class names in a class file's constant pool (CONSTANT_Class entries). */
  static Set<String> cairnReferences(byte[] b) {
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(b);
    in.position(8);
    int count = in.getShort() & 0xffff;
    String[] utf8 = new String[count];
    int[] classIdx = new int[count];
    for (int i = 1; i < count; i++) {
      int tag = in.get() & 0xff;
      switch (tag) {
        case 1: {
          int len = in.getShort() & 0xffff;
          byte[] s = new byte[len];
          in.get(s);
          utf8[i] = new String(s, StandardCharsets.UTF_8);
          break;
        }
        case 7: classIdx[i] = in.getShort() & 0xffff; break;
        case 8: case 16: case 19: case 20: in.getShort(); break;
        case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18: in.getInt(); break;
        case 5: case 6: in.getLong(); i++; break;
        case 15: in.get(); in.getShort(); break;
        default: throw new IllegalStateException("constant pool tag " + tag);
      }
    }
    Set<String> out = new TreeSet<>();
    for (int i = 1; i < count; i++) {
      if (classIdx[i] != 0) {
        String n = utf8[classIdx[i]];
        while (n.startsWith("[")) {
          n = n.substring(1);
        }
        if (n.startsWith("L") && n.endsWith(";")) {
          n = n.substring(1, n.length() - 1);
        }
        if (n.startsWith("dev/cairn/")) {
          out.add(n);
        }
      }
    }
    return out;
  }

  @Test
  void thePomNamesOnlyExternalLibrariesAndTheMultiplatformOkHttp() throws IOException {
    String pom = Files.readString(Paths.get(System.getProperty("cairn.android.aar")).getParent().getParent().resolve("pom.xml"));
    String deps = pom.substring(pom.indexOf("<dependencies>"), pom.indexOf("</dependencies>"));
    for (String dep : deps.split("<dependency>")) {
      if (dep.contains("<groupId>dev.cairn</groupId>")) {
        assertTrue(dep.contains("<scope>provided</scope>"), "a Cairn module must not be passed on: " + dep);
      }
    }
    assertTrue(deps.contains("<artifactId>okhttp</artifactId>"), deps);
    assertFalse(deps.replaceAll("<exclusion>.*?</exclusion>", "").contains("<artifactId>okhttp-jvm</artifactId>"), deps);
    // okhttp's Gradle module metadata, of the version the build uses (the pom copies it into
    // target/okhttp-module): an Android consumer resolves the android variant (okhttp-android)
    Path module = Paths.get(System.getProperty("cairn.okhttp.module"));
    assertTrue(Files.isRegularFile(module), "OkHttp's module metadata was not resolved: " + module);
    String json = Files.readString(module);
    assertTrue(json.contains("\"org.gradle.jvm.environment\": \"android\""), "no android variant in " + module);
    assertTrue(json.contains("\"module\": \"okhttp-android\""), "the android variant is not okhttp-android in " + module);
  }

  static Path classesJar() throws IOException {
    Path out = Paths.get(System.getProperty("cairn.android.out"), "aar-classes.jar");
    Files.createDirectories(out.getParent());
    try (ZipFile aar = new ZipFile(R8SampleIT.aar().toFile()); InputStream in = aar.getInputStream(aar.getEntry("classes.jar"))) {
      Files.copy(in, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return out;
  }

  static List<Path> programJars() {
    List<Path> out = new ArrayList<>();
    for (String p : System.getProperty("cairn.android.program").split(",")) {
      out.add(Paths.get(p.trim()));
    }
    return out;
  }

  static void services(Path jar, Map<String, Set<String>> into) throws IOException {
    try (ZipFile z = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> e = z.entries();
      while (e.hasMoreElements()) {
        ZipEntry entry = e.nextElement();
        if (!entry.isDirectory() && entry.getName().startsWith("META-INF/services/")) {
          try (InputStream in = z.getInputStream(entry)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
              String l = line.trim();
              if (!l.isEmpty() && !l.startsWith("#")) {
                into.computeIfAbsent(entry.getName(), k -> new TreeSet<>()).add(l);
              }
            }
          }
        }
      }
    }
  }

  static Set<String> classes(Path jar) throws IOException {
    Set<String> out = new TreeSet<>();
    try (ZipFile z = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> e = z.entries();
      while (e.hasMoreElements()) {
        String n = e.nextElement().getName();
        if (n.endsWith(".class") && !n.startsWith("META-INF/")) {
          out.add(n);
        }
      }
    }
    return out;
  }
}
