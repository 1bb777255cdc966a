package dev.cairn.androidcheck;

import com.android.tools.r8.ByteDataView;
import com.android.tools.r8.ClassFileConsumer;
import com.android.tools.r8.ClassFileResourceProvider;
import com.android.tools.r8.CompilationFailedException;
import com.android.tools.r8.D8;
import com.android.tools.r8.D8Command;
import com.android.tools.r8.Diagnostic;
import com.android.tools.r8.DiagnosticsHandler;
import com.android.tools.r8.OutputMode;
import com.android.tools.r8.ProgramResource;
import com.android.tools.r8.origin.Origin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks that class files run on Android at a minimum API level, the way an app build would treat
 * them: D8 (from {@code com.android.tools:r8}) dexes them at that {@code --min-api} against the
 * Android framework jar of that level (e.g. Robolectric's {@code android-all}), and
 *
 * <ol>
 *   <li>every D8 warning or error fails the check (D8 warns, for instance, about
 *       {@code MethodHandle.invoke} below API 26 and about missing classes it needs for desugaring);
 *   <li>D8 then desugars the same input to class files (backports such as {@code List.of} become
 *       calls to synthesized helpers, records lose {@code java.lang.Record}), and every class, method
 *       and field those class files still reference must resolve, through the class hierarchy, to a
 *       public or protected member of the framework jar, of the program itself or of the classpath.
 *       D8 does not do this itself: it dexes a call to a method Android lacks without a word.
 * </ol>
 *
 * <p>References into {@link Config#desugaredLibraryPrefixes()} (e.g. {@code java/time/}) are
 * allowed: core-library desugaring supplies them to apps that enable it. Classes named in {@link
 * Config#excludedClasses()} are not checked at all (each exclusion must be documented where it is
 * configured).
 *
 * <p>Usage from code: {@code AndroidApiCheck.run(config).problems()}; from the command line, see
 * {@link #main(String[])}.
 */
public final class AndroidApiCheck {
  private AndroidApiCheck() {}

  /** What to check and against what. */
  public record Config(
      int minApi,
      Path androidJar,
      Path apiSignature,
      List<Path> program,
      List<Path> classpath,
      Set<String> excludedClasses,
      List<String> desugaredLibraryPrefixes,
      Path dexOutput) {
    public Config {
      program = List.copyOf(program);
      classpath = List.copyOf(classpath);
      excludedClasses = Set.copyOf(excludedClasses);
      desugaredLibraryPrefixes = List.copyOf(desugaredLibraryPrefixes);
    }
  }

  /** The outcome: D8's diagnostics and the unresolved references, each a line of text. */
  public record Report(List<String> d8Diagnostics, List<String> missing, int classesChecked) {
    /** All problems, D8's first. Empty means the input passes. */
    public List<String> problems() {
      List<String> all = new ArrayList<>(d8Diagnostics);
      all.addAll(missing);
      return all;
    }
  }

  /** Runs both stages. */
  public static Report run(Config config) throws IOException {
    ApiSignature api = signature(config.apiSignature());
    Path stubs = stubs(config, api);
    Map<String, byte[]> all = readProgram(config.program());
    // excluded classes are not checked, but stay resolvable (as classpath) for the classes that use them
    Map<String, byte[]> program = new LinkedHashMap<>();
    Map<String, byte[]> excluded = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> e : all.entrySet()) {
      String name = e.getKey();
      String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
      boolean skip = config.excludedClasses().contains(name) || config.excludedClasses().contains(outer);
      (skip ? excluded : program).put(name, e.getValue());
    }
    List<String> diagnostics = new ArrayList<>();
    Map<String, byte[]> desugared = new LinkedHashMap<>();
    try {
      // stage 1: dex, every warning fatal
      D8Command.Builder dex = base(config, stubs, program, excluded, diagnostics, "dex");
      if (config.dexOutput() != null) {
        Files.createDirectories(config.dexOutput().getParent());
        dex.setOutput(config.dexOutput(), OutputMode.DexIndexed);
      } else {
        Path tmp = Files.createTempFile("android-check", ".zip");
        tmp.toFile().deleteOnExit();
        dex.setOutput(tmp, OutputMode.DexIndexed);
      }
      D8.run(dex.build());
      // stage 2: desugar to class files, then resolve every reference
      D8Command.Builder cf = base(config, stubs, program, excluded, diagnostics, "desugar");
      cf.setProgramConsumer(new ClassFileConsumer() {
        @Override
        public synchronized void accept(ByteDataView data, String descriptor, DiagnosticsHandler handler) {
          desugared.put(descriptor.substring(1, descriptor.length() - 1), data.copyByteData());
        }

        @Override
        public void finished(DiagnosticsHandler handler) {}
      });
      D8.run(cf.build());
    } catch (CompilationFailedException e) {
      diagnostics.add("D8 failed: " + e.getMessage());
      return new Report(dedupe(diagnostics), List.of(), program.size());
    }
    List<String> missing;
    try (ClassIndex index = new ClassIndex(api, config.classpath(), desugared, excluded)) {
      missing = new ReferenceChecker(index, config.desugaredLibraryPrefixes()).check(desugared);
    }
    return new Report(dedupe(diagnostics), missing, program.size());
  }

  private static D8Command.Builder base(
      Config config, Path stubs, Map<String, byte[]> program, Map<String, byte[]> excluded, List<String> diagnostics,
      String stage) {
    D8Command.Builder b = D8Command.builder(new DiagnosticsHandler() {
      @Override
      public void error(Diagnostic d) {
        diagnostics.add(stage + " error: " + describe(d));
      }

      @Override
      public void warning(Diagnostic d) {
        diagnostics.add(stage + " warning: " + describe(d));
      }

      @Override
      public void info(Diagnostic d) {}
    });
    b.setMinApiLevel(config.minApi());
    b.addLibraryFiles(config.androidJar(), stubs);
    b.addClasspathFiles(config.classpath());
    if (!excluded.isEmpty()) {
      Map<String, byte[]> byDescriptor = new LinkedHashMap<>();
      excluded.forEach((n, bytes) -> byDescriptor.put("L" + n + ";", bytes));
      b.addClasspathResourceProvider(new ClassFileResourceProvider() {
        @Override
        public Set<String> getClassDescriptors() {
          return byDescriptor.keySet();
        }

        @Override
        public ProgramResource getProgramResource(String descriptor) {
          byte[] bytes = byDescriptor.get(descriptor);
          return bytes == null ? null
              : ProgramResource.fromBytes(Origin.unknown(), ProgramResource.Kind.CF, bytes, Set.of(descriptor));
        }
      });
    }
    for (Map.Entry<String, byte[]> e : program.entrySet()) {
      String name = e.getKey();
      b.addClassProgramData(e.getValue(), new Origin(Origin.root()) {
        @Override
        public String part() {
          return name + ".class";
        }
      });
    }
    return b;
  }

  private static String describe(Diagnostic d) {
    String origin = d.getOrigin() == null || d.getOrigin() == Origin.unknown() ? "" : d.getOrigin() + ": ";
    return origin + d.getDiagnosticMessage().replace('\n', ' ');
  }

  private static List<String> dedupe(List<String> lines) {
    return List.copyOf(new TreeSet<>(lines));
  }

  /** Class files of jars and directories, by internal name; module-info and versioned entries skipped. */
  static Map<String, byte[]> readProgram(List<Path> inputs) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (Path in : inputs) {
      if (Files.isDirectory(in)) {
        try (Stream<Path> files = Files.walk(in)) {
          for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
            add(out, in.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
          }
        }
      } else {
        try (ZipFile zip = new ZipFile(in.toFile())) {
          for (ZipEntry e : Collections.list(zip.entries())) {
            if (!e.isDirectory() && e.getName().endsWith(".class")) {
              try (InputStream s = zip.getInputStream(e)) {
                add(out, e.getName(), s.readAllBytes());
              }
            }
          }
        }
      }
    }
    return out;
  }

  private static void add(Map<String, byte[]> out, String entry, byte[] bytes) {
    if (entry.startsWith("META-INF/") || entry.endsWith("module-info.class")) {
      return;
    }
    out.put(entry.substring(0, entry.length() - ".class".length()), bytes);
  }

  /**
   * Command line: {@code --min-api N --lib android-all.jar --signature android-api-level-N.signature
   * [--classpath jar]... [--exclude
   * internal/Name]... [--desugared-lib-prefix java/time/]... [--dex-output out.zip] input...};
   * prints the problems and exits 1 if there are any.
   */
  public static void main(String[] args) throws IOException {
    int minApi = 24;
    Path lib = null;
    Path signature = null;
    Path dexOut = null;
    List<Path> cp = new ArrayList<>();
    List<Path> in = new ArrayList<>();
    Set<String> excluded = new TreeSet<>();
    List<String> prefixes = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--min-api" -> minApi = Integer.parseInt(args[++i]);
        case "--lib" -> lib = Path.of(args[++i]);
        case "--signature" -> signature = Path.of(args[++i]);
        case "--classpath" -> cp.add(Path.of(args[++i]));
        case "--exclude" -> excluded.add(args[++i]);
        case "--desugared-lib-prefix" -> prefixes.add(args[++i]);
        case "--dex-output" -> dexOut = Path.of(args[++i]);
        default -> in.add(Path.of(args[i]));
      }
    }
    if (lib == null || signature == null || in.isEmpty()) {
      System.err.println("usage: AndroidApiCheck --min-api N --lib android-all.jar --signature api.signature"
          + " [--classpath jar]... input...");
      System.exit(2);
    }
    Report r = run(new Config(minApi, lib, signature, in, cp, excluded, prefixes, dexOut));
    r.problems().forEach(System.out::println);
    System.out.println(r.classesChecked() + " classes checked at min-api " + minApi + ", "
        + r.problems().size() + " problem(s)");
    if (!r.problems().isEmpty()) {
      System.exit(1);
    }
  }

  private static final Map<Path, ApiSignature> SIGNATURES = new java.util.concurrent.ConcurrentHashMap<>();
  private static final Map<List<Path>, Path> STUBS = new java.util.concurrent.ConcurrentHashMap<>();

  private static ApiSignature signature(Path p) throws IOException {
    ApiSignature s = SIGNATURES.get(p);
    if (s == null) {
      s = ApiSignature.load(p);
      SIGNATURES.put(p, s);
    }
    return s;
  }

  /** The signature's classes that android-all lacks (java.*, javax.*, ...) as a stub jar, made once. */
  private static synchronized Path stubs(Config config, ApiSignature api) throws IOException {
    List<Path> key = List.of(config.apiSignature(), config.androidJar());
    Path p = STUBS.get(key);
    if (p == null) {
      p = Files.createTempFile("android-api-stubs", ".jar");
      p.toFile().deleteOnExit();
      api.writeStubs(config.androidJar(), p);
      STUBS.put(key, p);
    }
    return p;
  }

  static UncheckedIOException unchecked(IOException e) {
    return new UncheckedIOException(e);
  }
}
