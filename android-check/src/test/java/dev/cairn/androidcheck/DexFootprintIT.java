package dev.cairn.androidcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The dex footprint of Cairn's Android closure next to web3j's (docs/footprint.md; the figures come from
 * here, through scripts/dex-footprint.sh). For each side, one R8 run in dex mode (--min-api 24, against
 * the Android 7.0 framework) shrinks a sample wallet app with the library's closure and its shipped
 * keep rules, and one D8 run dexes the whole closure unshrunk. The library both compile against is
 * android-all (Robolectric's Android 7.0 framework jar) plus this JDK for java.* and javax.*, which
 * android-all leaves out (whether those references exist on API 24 is AndroidLibraryCheckTest's job). R8 and D8 run through their command
 * lines in a child JVM with a 1 GiB heap; the commands are written next to the outputs
 * (target/android-check/dex-footprint/&lt;side&gt;/commands.sh) and the figures to
 * target/android-check/dex-footprint.md. In `mvn verify` only Cairn's side runs (about 3 minutes);
 * web3j's (a pinned version; about 8 more) runs with -Dcairn.dex.web3j=true, which the script sets.
 *
 * <p>Cairn's closure is the AAR's classes.jar plus what the android module's dependency tree gives an
 * app (android/target/runtime-closure.txt), with each Kotlin Multiplatform root artifact (a jar without
 * class files) replaced by its Android variant from its Gradle module metadata, as Gradle does: OkHttp
 * becomes okhttp-android's classes.jar (and its consumer rules). web3j's closure is what
 * org.web3j:core and crypto 4.12.3 resolve to on their own (web3j-closure/pom.xml).
 */
class DexFootprintIT {
  static final int MIN_API = 24;
  static final String CAIRN_APP = "dev.cairn.androidcheck.sample.WalletSample";
  static final String WEB3J_APP = "dev.cairn.androidcheck.web3jsample.Web3jWalletSample";

  /**
   * Classes a closure references but does not ship, each named so that R8 does not stop on them (R8
   * fails on missing classes). Cairn's closure needs none beyond the rules its jars and AARs carry.
   */
  static final List<String> CAIRN_DONTWARN = List.of();

  /**
   * web3j's closure, as R8 8.5.35 reports it: errorprone's compile-only annotations (Tuweni), Groovy
   * (ConnId's script executor; ConnId comes with tuweni-bytes) and BlockHound (Netty's
   * optional integration, a META-INF/services entry; Netty comes with the AWS KMS SDK).
   */
  static final List<String> WEB3J_DONTWARN = List.of(
      "-dontwarn com.google.errorprone.annotations.**",
      "-dontwarn groovy.lang.**",
      "-dontwarn reactor.blockhound.**");

  /**
   * The classes*.dex of one output, and the Java resources R8 or D8 passed through next to them
   * (outside META-INF; an APK packages those too: word lists, KZG trusted setup, ...).
   */
  record Dex(long bytes, int files, long methods, long fields, long classes, boolean hasType, long resources) {
  }

  record Side(String name, Dex shrunk, Dex full, List<String> closure, List<String> dontwarn) {}

  @Test
  void shrunkSampleAppsAgainstTheirUnshrunkClosures() throws Exception {
    Path out = Paths.get(System.getProperty("cairn.android.out"), "dex-footprint");
    List<Side> sides = new ArrayList<>();
    sides.add(cairn(out.resolve("cairn")));
    // web3j's side (a pinned version; about 8 of the 11 minutes on 2 cores) runs when asked for:
    // scripts/dex-footprint.sh sets -Dcairn.dex.web3j=true
    if (Boolean.parseBoolean(System.getProperty("cairn.dex.web3j", "false"))) {
      sides.add(web3j(out.resolve("web3j")));
    }
    String report = report(sides);
    Files.writeString(out.resolveSibling("dex-footprint.md"), report);
    System.out.println(report);

    for (Side s : sides) {
      assertTrue(s.shrunk.hasType, s.name + ": the app's entry class is not in the R8 output");
      assertTrue(s.shrunk.bytes < s.full.bytes, s.name + ": shrunk " + s.shrunk + " vs unshrunk " + s.full);
      assertTrue(s.shrunk.methods < s.full.methods, s.name + ": shrunk " + s.shrunk + " vs unshrunk " + s.full);
      // the app really holds the wallet (keys, BIP-32, ABI, signing, HTTP): not an empty shrink
      assertTrue(s.shrunk.methods > 1_000, s.name + ": " + s.shrunk);
    }
    Side cairn = sides.get(0);
    // Cairn's sample app fits one dex file, under the 64K method reference limit, without multidex
    assertEquals(1, cairn.shrunk.files, cairn.shrunk.toString());
    assertTrue(cairn.shrunk.methods < 65_536, cairn.shrunk.toString());
  }

  // ---------------------------------------------------------------------------------------------
  // the two sides

  static Side cairn(Path dir) throws Exception {
    Files.createDirectories(dir);
    List<Path> closure = new ArrayList<>();
    List<String> rules = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Path aarClasses = dir.resolve("cairn-android-classes.jar");
    try (ZipFile aar = new ZipFile(R8SampleIT.aar().toFile())) {
      copy(aar, "classes.jar", aarClasses);
      rules.add("# the AAR's consumer rules (proguard.txt)\n" + text(aar, "proguard.txt"));
    }
    closure.add(aarClasses);
    names.add("cairn-android (AAR classes.jar)");
    String cp = Files.readString(Paths.get(System.getProperty("cairn.android.closureFile"))).trim();
    for (String p : cp.split(File.pathSeparator)) {
      Path jar = Paths.get(p);
      if (hasClasses(jar)) {
        closure.add(jar);
        names.add(jar.getFileName().toString());
        rules.addAll(R8SampleIT.embeddedRules(jar));
        continue;
      }
      Path variant = androidVariant(jar);
      if (variant == null) {
        continue; // a Kotlin Multiplatform metadata jar whose JVM variant is a Maven dependency too (okio -> okio-jvm)
      }
      Path classes = dir.resolve(variant.getFileName().toString().replace(".aar", "-classes.jar"));
      try (ZipFile aar = new ZipFile(variant.toFile())) {
        copy(aar, "classes.jar", classes);
        if (aar.getEntry("proguard.txt") != null) {
          rules.add("# " + variant.getFileName() + " consumer rules\n" + text(aar, "proguard.txt"));
        }
      }
      rules.addAll(R8SampleIT.embeddedRules(classes));
      closure.add(classes);
      names.add(variant.getFileName() + " (for " + jar.getFileName() + ")");
    }
    Path app = packageSample(dir.resolve("app.jar"), "dev/cairn/androidcheck/sample/");
    return measure("Cairn", dir, app, CAIRN_APP, closure, names, rules, CAIRN_DONTWARN);
  }

  static Side web3j(Path dir) throws Exception {
    Files.createDirectories(dir);
    List<Path> closure = new ArrayList<>();
    List<String> rules = new ArrayList<>();
    List<String> names = new ArrayList<>();
    String cp = web3jClosure(dir.resolve("web3j-closure.txt"));
    for (String p : cp.split(File.pathSeparator)) {
      Path jar = Paths.get(p);
      if (!hasClasses(jar)) {
        continue;
      }
      closure.add(jar);
      names.add(jar.getFileName().toString());
      rules.addAll(R8SampleIT.embeddedRules(jar));
    }
    Path app = packageSample(dir.resolve("app.jar"), "dev/cairn/androidcheck/web3jsample/");
    // the sample runs on the JVM with web3j's closure: the program R8 shrinks is a working wallet
    StringBuilder runCp = new StringBuilder(app.toString());
    for (Path c : closure) {
      runCp.append(File.pathSeparator).append(c);
    }
    Process p = new ProcessBuilder(java(), "-cp", runCp.toString(), WEB3J_APP).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0 && output.contains("sample: ok"), output);
    return measure("web3j", dir, app, WEB3J_APP, closure, names, rules, WEB3J_DONTWARN);
  }

  /**
   * web3j's run-time closure as an app that depends on org.web3j:core and crypto gets it: a separate
   * Maven run over web3j-closure/pom.xml (offline when this build is), so that no version of this
   * build mediates it.
   */
  static String web3jClosure(Path file) throws Exception {
    String mvn = Paths.get(System.getProperty("cairn.maven.home"), "bin", "mvn").toString();
    List<String> command = new ArrayList<>(List.of(mvn, "-B", "-q"));
    if ("offline=true".equals(System.getProperty("cairn.maven.offline"))) {
      command.add("-o");
    }
    command.addAll(List.of("-Dmaven.repo.local=" + System.getProperty("cairn.maven.repo"),
        "-f", System.getProperty("cairn.web3j.pom"), "dependency:build-classpath", "-Dmdep.outputFile=" + file));
    Files.deleteIfExists(file);
    Path log = file.resolveSibling("web3j-closure.log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(p.waitFor(10, TimeUnit.MINUTES) && p.exitValue() == 0 && Files.isRegularFile(file),
        "resolving web3j's closure failed: " + String.join(" ", command) + "\n" + tail(Files.readString(log)));
    return Files.readString(file).trim();
  }

  /** One R8 run (app + closure, shrunk) and one D8 run (closure, unshrunk). */
  static Side measure(String name, Path dir, Path app, String appClass, List<Path> closure, List<String> names,
      List<String> rules, List<String> dontwarn) throws Exception {
    Path pro = dir.resolve("rules.pro");
    List<String> all = new ArrayList<>();
    all.add("# the app: its entry point (the wallet method the sample's main calls)\n-keep class " + appClass
        + " { public static void wallet(java.lang.String); }");
    all.addAll(rules);
    all.add("# what the closure references but an app does not get (docs/footprint.md)");
    all.addAll(dontwarn);
    Files.writeString(pro, String.join("\n", all) + "\n");

    Path r8Out = clean(dir.resolve("r8"));
    Path d8Out = clean(dir.resolve("d8"));
    List<String> r8 = new ArrayList<>(List.of(java(), "-Xmx1g", "-cp", System.getProperty("cairn.r8.jar"),
        "com.android.tools.r8.R8", "--release", "--min-api", String.valueOf(MIN_API),
        "--lib", System.getProperty("cairn.android.lib"), "--lib", System.getProperty("java.home"), "--pg-conf", pro.toString(),
        "--output", r8Out.toString(), app.toString()));
    List<String> d8 = new ArrayList<>(List.of(java(), "-Xmx1g", "-cp", System.getProperty("cairn.r8.jar"),
        "com.android.tools.r8.D8", "--release", "--min-api", String.valueOf(MIN_API),
        "--lib", System.getProperty("cairn.android.lib"), "--lib", System.getProperty("java.home"), "--output", d8Out.toString()));
    for (Path c : closure) {
      r8.add(c.toString());
      d8.add(c.toString());
    }
    Files.writeString(dir.resolve("commands.sh"), "#!/bin/sh\nset -e\n" + shell(r8) + "\n" + shell(d8) + "\n");
    exec(r8, dir.resolve("r8.log"));
    exec(d8, dir.resolve("d8.log"));
    String type = "L" + appClass.replace('.', '/') + ";";
    return new Side(name, read(r8Out, type), read(d8Out, type), names, dontwarn);
  }

  // ---------------------------------------------------------------------------------------------
  // dex files

  /**
   * Sizes and header counts of the classes*.dex in a directory: method_ids_size (header offset 0x58),
   * field_ids_size (0x50) and class_defs_size (0x60), little-endian u4, summed over the files.
   */
  static Dex read(Path dir, String type) throws IOException {
    long bytes = 0;
    long methods = 0;
    long fields = 0;
    long classes = 0;
    int files = 0;
    boolean hasType = false;
    byte[] needle = type.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : (Iterable<Path>) s.filter(x -> x.getFileName().toString().matches("classes\\d*\\.dex"))::iterator) {
        byte[] dex = Files.readAllBytes(f);
        assertTrue(dex.length > 0x70 && dex[0] == 'd' && dex[1] == 'e' && dex[2] == 'x' && dex[3] == '\n', f + " is not a dex file");
        ByteBuffer h = ByteBuffer.wrap(dex).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(dex.length, h.getInt(0x20), f + ": file_size");
        fields += Integer.toUnsignedLong(h.getInt(0x50));
        methods += Integer.toUnsignedLong(h.getInt(0x58));
        classes += Integer.toUnsignedLong(h.getInt(0x60));
        bytes += dex.length;
        files++;
        hasType |= indexOf(dex, needle) >= 0;
      }
    }
    assertTrue(files > 0, "no dex in " + dir);
    long resources = 0;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        String rel = dir.relativize(f).toString().replace(File.separatorChar, '/');
        if (!rel.startsWith("META-INF/") && !rel.matches("classes\\d*\\.dex")) {
          resources += Files.size(f);
        }
      }
    }
    return new Dex(bytes, files, methods, fields, classes, hasType, resources);
  }

  static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  // ---------------------------------------------------------------------------------------------
  // the report

  static String report(List<Side> sides) {
    StringBuilder b = new StringBuilder();
    b.append("R8/D8 ").append(com.android.tools.r8.Version.getVersionString()).append(", --release --min-api ").append(MIN_API)
        .append(", library android-all 7.0.0_r1 + JDK ").append(System.getProperty("java.version")).append("\n\n");
    b.append("| dex |");
    for (Side s : sides) {
      b.append(' ').append(s.name).append(" |");
    }
    b.append(sides.size() == 2 ? " Cairn / web3j |\n|---|---:|---:|---:|\n" : "\n|---|---:|\n");
    row(b, sides, "closure unshrunk (D8): bytes", d -> d.full.bytes);
    row(b, sides, "closure unshrunk (D8): KiB", d -> (d.full.bytes + 512) / 1024);
    row(b, sides, "closure unshrunk (D8): dex files", d -> d.full.files);
    row(b, sides, "closure unshrunk (D8): method ids", d -> d.full.methods);
    row(b, sides, "closure unshrunk (D8): field ids", d -> d.full.fields);
    row(b, sides, "closure unshrunk (D8): classes", d -> d.full.classes);
    row(b, sides, "sample app shrunk (R8): bytes", d -> d.shrunk.bytes);
    row(b, sides, "sample app shrunk (R8): KiB", d -> (d.shrunk.bytes + 512) / 1024);
    row(b, sides, "sample app shrunk (R8): dex files", d -> d.shrunk.files);
    row(b, sides, "sample app shrunk (R8): method ids", d -> d.shrunk.methods);
    row(b, sides, "sample app shrunk (R8): field ids", d -> d.shrunk.fields);
    row(b, sides, "sample app shrunk (R8): classes", d -> d.shrunk.classes);
    row(b, sides, "sample app shrunk (R8): Java resources outside META-INF, bytes", d -> d.shrunk.resources);
    b.append('\n');
    for (Side s : sides) {
      b.append(s.name).append(" closure (").append(s.closure.size()).append("): ").append(String.join(", ", s.closure)).append("\n\n");
      b.append(s.name).append(" -dontwarn: ").append(s.dontwarn.isEmpty() ? "none" : String.join("; ", s.dontwarn)).append("\n\n");
    }
    return b.toString();
  }

  static void row(StringBuilder b, List<Side> sides, String what, java.util.function.ToLongFunction<Side> f) {
    b.append("| ").append(what).append(" |");
    for (Side s : sides) {
      b.append(' ').append(String.format(Locale.ROOT, "%,d", f.applyAsLong(s))).append(" |");
    }
    if (sides.size() == 2) {
      long w = f.applyAsLong(sides.get(1));
      b.append(' ').append(String.format(Locale.ROOT, "%.2f", w == 0 ? 0.0 : (double) f.applyAsLong(sides.get(0)) / w)).append(" |");
    }
    b.append('\n');
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  static String java() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }

  static void exec(List<String> command, Path log) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean done = p.waitFor(20, TimeUnit.MINUTES);
    if (!done) {
      p.destroyForcibly();
    }
    assertTrue(done && p.exitValue() == 0, command.get(4) + " failed (" + log + "):\n" + tail(Files.readString(log)));
  }

  static String tail(String s) {
    return s.length() <= 6000 ? s : "..." + s.substring(s.length() - 6000);
  }

  static String shell(List<String> command) {
    StringBuilder b = new StringBuilder();
    for (String c : command) {
      b.append(b.length() == 0 ? "" : " ").append(c.matches("[A-Za-z0-9_./:=+@,-]+") ? c : "'" + c + "'");
    }
    return b.toString();
  }

  static Path clean(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.walk(dir)) { // R8 also writes the inputs' resources (META-INF, kotlin/...)
        for (Path f : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
          Files.delete(f);
        }
      }
    }
    return Files.createDirectories(dir);
  }

  static boolean hasClasses(Path jar) throws IOException {
    try (ZipFile z = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> e = z.entries();
      while (e.hasMoreElements()) {
        String n = e.nextElement().getName();
        if (n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class")) {
          return true;
        }
      }
    }
    return false;
  }

  private static final Pattern AVAILABLE_AT = Pattern.compile("\"available-at\"\\s*:\\s*\\{[^}]*\"url\"\\s*:\\s*\"([^\"]+)\"");

  /**
   * The Android variant of a Kotlin Multiplatform root artifact, from the Gradle module metadata next to
   * its jar: the java-runtime variant for the androidJvm platform, as Gradle picks it on Android. Null
   * when there is none.
   */
  static Path androidVariant(Path jar) throws IOException {
    Path module = jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", ".module"));
    if (!Files.isRegularFile(module)) {
      return null;
    }
    String json = Files.readString(module);
    Matcher m = AVAILABLE_AT.matcher(json);
    while (m.find()) {
      int start = json.lastIndexOf("\"name\"", m.start());
      String variant = json.substring(Math.max(0, start), m.start());
      if (variant.contains("\"java-runtime\"") && variant.contains("\"androidJvm\"")) {
        Path target = module.getParent().resolve(m.group(1)).normalize();
        String base = target.getFileName().toString().replaceFirst("\\.module$", "");
        for (String ext : List.of(".aar", ".jar")) {
          Path f = target.resolveSibling(base + ext);
          if (Files.isRegularFile(f)) {
            return f;
          }
        }
        throw new IOException(jar.getFileName() + "'s Android variant " + base
            + " is not in the local repository (android-check's pom resolves okhttp-android)");
      }
    }
    return null;
  }

  static void copy(ZipFile z, String entry, Path to) throws IOException {
    try (InputStream in = z.getInputStream(z.getEntry(entry))) {
      Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static String text(ZipFile z, String entry) throws IOException {
    try (InputStream in = z.getInputStream(z.getEntry(entry))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The sample's classes (one package of the test classes) as the app's jar. */
  static Path packageSample(Path jar, String pkg) throws IOException {
    Path testClasses = Paths.get(System.getProperty("cairn.android.testClasses"));
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.list(testClasses.resolve(pkg))) {
      Path[] sorted = files.sorted().toArray(Path[]::new);
      for (Path f : Arrays.asList(sorted)) {
        z.putNextEntry(new ZipEntry(pkg + f.getFileName()));
        z.write(Files.readAllBytes(f));
        z.closeEntry();
      }
    }
    return jar;
  }
}
