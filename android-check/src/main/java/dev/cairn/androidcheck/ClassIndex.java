package dev.cairn.androidcheck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The classes references resolve against: the program (desugared), then the classpath jars, then
 * the public API of the Android level (from its signature). Class headers are parsed on first use.
 */
final class ClassIndex implements AutoCloseable {
  enum Kind { PROGRAM, CLASSPATH, LIBRARY }

  /** A class's header: its supertypes and members (name + descriptor, to access flags). */
  record ClassInfo(
      String name, Kind kind, int access, String superName, List<String> interfaces,
      Map<String, Integer> methods, Map<String, Integer> fields) {}

  private final Map<String, byte[]> program;
  private final Map<String, byte[]> extra;
  private final List<ZipFile> classpath = new ArrayList<>();
  private final ApiSignature library;
  private final Map<String, Optional<ClassInfo>> cache = new HashMap<>();

  ClassIndex(ApiSignature api, List<Path> classpathJars, Map<String, byte[]> program, Map<String, byte[]> extra)
      throws IOException {
    this.program = program;
    this.extra = extra;
    this.library = api;
    for (Path p : classpathJars) {
      classpath.add(new ZipFile(p.toFile()));
    }
  }

  /** The class named {@code internalName}, or null if no source has it. */
  ClassInfo lookup(String internalName) {
    return cache.computeIfAbsent(internalName, n -> Optional.ofNullable(load(n))).orElse(null);
  }

  private ClassInfo load(String name) {
    byte[] b = program.get(name);
    if (b != null) {
      return parse(b, Kind.PROGRAM);
    }
    b = extra.get(name);
    if (b != null) {
      return parse(b, Kind.CLASSPATH);
    }
    String entry = name + ".class";
    try {
      for (ZipFile z : classpath) {
        ZipEntry e = z.getEntry(entry);
        if (e != null) {
          return parse(read(z, e), Kind.CLASSPATH);
        }
      }
      return library.lookup(name);
    } catch (IOException ex) {
      throw AndroidApiCheck.unchecked(ex);
    }
  }

  private static byte[] read(ZipFile z, ZipEntry e) throws IOException {
    try (InputStream in = z.getInputStream(e)) {
      return in.readAllBytes();
    }
  }

  private static ClassInfo parse(byte[] bytes, Kind kind) {
    Map<String, Integer> methods = new HashMap<>();
    Map<String, Integer> fields = new HashMap<>();
    String[] header = new String[2];
    int[] access = new int[1];
    List<String> interfaces = new ArrayList<>();
    new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public void visit(int version, int acc, String name, String signature, String superName, String[] itfs) {
        header[0] = name;
        header[1] = superName;
        access[0] = acc;
        if (itfs != null) {
          interfaces.addAll(List.of(itfs));
        }
      }

      @Override
      public MethodVisitor visitMethod(int acc, String name, String desc, String signature, String[] exceptions) {
        methods.put(name + desc, acc);
        return null;
      }

      @Override
      public FieldVisitor visitField(int acc, String name, String desc, String signature, Object value) {
        fields.put(name + ":" + desc, acc);
        return null;
      }
    }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return new ClassInfo(header[0], kind, access[0], header[1], List.copyOf(interfaces), methods, fields);
  }

  @Override
  public void close() throws IOException {
    for (ZipFile z : classpath) {
      z.close();
    }
  }
}
