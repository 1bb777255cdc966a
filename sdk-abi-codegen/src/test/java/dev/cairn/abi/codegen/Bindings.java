package dev.cairn.abi.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Test support: generates bindings for the ABI test resources, compiles them with {@code
 * javax.tools.JavaCompiler} ({@code --release 17 -Xlint:all -Werror}) against the test class path
 * and loads them. Reflection is used here, in the test, only to call the classes compiled at run
 * time; the generated code itself uses none.
 */
final class Bindings {
  static final String PACKAGE = "dev.cairn.abi.codegen.it";
  /**
   * The ABI test resources. All but {@code clashes.json} are compiled from the .sol files next to
   * them (see compile.sh); {@code clashes.json} is hand-written, with struct, parameter and event
   * names that collide with the types and constants the generated code uses.
   */
  static final String[] ABIS = {"erc20", "erc721", "erc1155", "nested", "small", "clashes"};

  private static Bindings instance;

  final Path sources;
  final List<GeneratedSource> generated = new ArrayList<>();
  private final ClassLoader loader;

  private Bindings() throws IOException {
    Path root = Files.createTempDirectory("cairn-codegen-");
    sources = root.resolve("src");
    Path classes = root.resolve("classes");
    Files.createDirectories(classes);
    AbiCodegen codegen = AbiCodegen.forPackage(PACKAGE);
    List<Path> files = new ArrayList<>();
    for (String abi : ABIS) {
      GeneratedSource src =
          codegen.generate(abi + ".json", AbiCodegen.defaultClassName(abi + ".json"), resource("abi/" + abi + ".json"));
      src.writeTo(sources);
      generated.add(src);
      files.add(sources.resolve(src.relativePath()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of(
              "--release", "17", "-Xlint:all", "-Werror", "-d", classes.toString(),
              "-classpath", System.getProperty("java.class.path"));
      boolean ok =
          javac.getTask(null, fm, diags, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
      StringBuilder report = new StringBuilder();
      for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
        report.append(d.getKind()).append(' ').append(d.getSource() == null ? "" : d.getSource().getName())
            .append(':').append(d.getLineNumber()).append(": ").append(d.getMessage(Locale.ROOT)).append('\n');
      }
      assertTrue(ok, "generated sources do not compile cleanly:\n" + report);
      assertEquals("", report.toString(), "javac reported diagnostics");
    }
    loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, Bindings.class.getClassLoader());
  }

  static synchronized Bindings get() {
    if (instance == null) {
      try {
        instance = new Bindings();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  static String resource(String name) {
    try (InputStream in = Bindings.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Class<?> type(String simpleName) {
    try {
      return Class.forName(PACKAGE + "." + simpleName, true, loader);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("not generated: " + simpleName, e);
    }
  }

  /** Calls the static method {@code name} of {@code cls}, chosen by name and argument count. */
  static Object call(Class<?> cls, String name, Object... args) {
    Method found = null;
    for (Method m : cls.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == args.length) {
        found = m;
      }
    }
    if (found == null) {
      throw new AssertionError(cls.getSimpleName() + " has no method " + name + "/" + args.length);
    }
    try {
      return found.invoke(null, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw new AssertionError(e.getCause());
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  /** Reads a static field. */
  static Object field(Class<?> cls, String name) {
    try {
      return cls.getField(name).get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(cls.getSimpleName() + " has no field " + name, e);
    }
  }

  /** Calls an instance method without arguments (record accessors, toTuple). */
  static Object get(Object target, String accessor) {
    try {
      return target.getClass().getMethod(accessor).invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(target.getClass().getSimpleName() + "." + accessor, e);
    }
  }

  /** Constructs a record of the nested type {@code Outer$Inner} with its canonical constructor. */
  Object record(String binaryName, Object... components) {
    Class<?> cls = type(binaryName);
    var rc = cls.getRecordComponents();
    Class<?>[] types = new Class<?>[rc.length];
    for (int i = 0; i < rc.length; i++) {
      types[i] = rc[i].getType();
    }
    try {
      return cls.getDeclaredConstructor(types).newInstance(components);
    } catch (InvocationTargetException e) {
      throw new AssertionError(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
