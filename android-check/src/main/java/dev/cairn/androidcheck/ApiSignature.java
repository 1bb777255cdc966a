package dev.cairn.androidcheck;

import dev.cairn.androidcheck.ClassIndex.ClassInfo;
import dev.cairn.androidcheck.ClassIndex.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.codehaus.mojo.animal_sniffer.Clazz;
import org.codehaus.mojo.animal_sniffer.SignatureChecker;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The public API of an Android level, read from an animal-sniffer signature (e.g. {@code
 * net.sf.androidscents.signature:android-api-level-24}, made from that level's SDK {@code
 * android.jar}): the classes with their supertypes and public or protected members. It is what the
 * reference check resolves framework references against. Robolectric's {@code android-all} jar,
 * D8's library, lacks {@code java.*} (Robolectric runs on the host JDK's), so {@link
 * #writeStubs(Path, Path)} writes the signature's classes that {@code android-all} lacks as stub
 * class files for D8's library.
 */
final class ApiSignature {
  private final Map<String, Clazz> classes;

  private ApiSignature(Map<String, Clazz> classes) {
    this.classes = classes;
  }

  static ApiSignature load(Path signature) throws IOException {
    try (InputStream in = Files.newInputStream(signature)) {
      return new ApiSignature(SignatureChecker.loadClasses(in));
    }
  }

  int size() {
    return classes.size();
  }

  /** The class as the checker sees it (every member public), or null if the level lacks it. */
  ClassInfo lookup(String internalName) {
    Clazz c = classes.get(internalName);
    if (c == null) {
      return null;
    }
    Map<String, Integer> methods = new HashMap<>();
    Map<String, Integer> fields = new HashMap<>();
    for (String s : c.getSignatures()) {
      int hash = s.indexOf('#');
      if (hash >= 0) {
        fields.put(s.substring(0, hash) + ":" + s.substring(hash + 1), Opcodes.ACC_PUBLIC);
      } else {
        methods.put(s, Opcodes.ACC_PUBLIC);
      }
    }
    String[] itfs = c.getSuperInterfaces();
    return new ClassInfo(internalName, Kind.LIBRARY, Opcodes.ACC_PUBLIC, c.getSuperClass(),
        itfs == null ? List.of() : List.of(itfs), methods, fields);
  }

  /**
   * Writes a jar of stub classes for the signature's classes that {@code androidAll} lacks: the
   * supertypes and members of the level, bodies that throw, and the class and method kinds (interface,
   * static) taken from the host JDK's class of the same name where it has one.
   */
  Path writeStubs(Path androidAll, Path out) throws IOException {
    Files.createDirectories(out.getParent());
    try (ZipFile all = new ZipFile(androidAll.toFile());
        OutputStream os = Files.newOutputStream(out);
        ZipOutputStream zip = new ZipOutputStream(os)) {
      for (Clazz c : classes.values()) {
        String entry = c.getName() + ".class";
        if (all.getEntry(entry) != null) {
          continue;
        }
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(stub(c));
        zip.closeEntry();
      }
    }
    return out;
  }

  private static byte[] stub(Clazz c) throws IOException {
    Map<String, Integer> hostAccess = new HashMap<>();
    int[] classAccess = {Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER};
    try (InputStream host = ClassLoader.getSystemResourceAsStream(c.getName() + ".class")) {
      if (host != null) {
        new ClassReader(host).accept(new ClassVisitor(Opcodes.ASM9) {
          @Override
          public void visit(int v, int access, String n, String s, String sup, String[] itf) {
            classAccess[0] = Opcodes.ACC_PUBLIC | (access & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT
                | Opcodes.ACC_FINAL | Opcodes.ACC_ENUM | Opcodes.ACC_ANNOTATION | Opcodes.ACC_SUPER));
          }

          @Override
          public MethodVisitor visitMethod(int access, String n, String d, String s, String[] e) {
            hostAccess.put(n + d, access);
            return null;
          }

          @Override
          public org.objectweb.asm.FieldVisitor visitField(int access, String n, String d, String s, Object v) {
            hostAccess.put(n + ":" + d, access);
            return null;
          }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
      }
    }
    boolean itf = (classAccess[0] & Opcodes.ACC_INTERFACE) != 0;
    ClassWriter w = new ClassWriter(0);
    w.visit(Opcodes.V1_8, classAccess[0], c.getName(), null,
        c.getSuperClass() == null ? (c.getName().equals("java/lang/Object") ? null : "java/lang/Object") : c.getSuperClass(),
        c.getSuperInterfaces());
    for (String s : c.getSignatures()) {
      int hash = s.indexOf('#');
      if (hash >= 0) {
        String name = s.substring(0, hash);
        String desc = s.substring(hash + 1);
        int acc = hostAccess.getOrDefault(name + ":" + desc, Opcodes.ACC_PUBLIC);
        w.visitField(Opcodes.ACC_PUBLIC | (acc & (Opcodes.ACC_STATIC | Opcodes.ACC_FINAL)), name, desc, null, null).visitEnd();
        continue;
      }
      int paren = s.indexOf('(');
      String name = s.substring(0, paren);
      String desc = s.substring(paren);
      int acc = hostAccess.getOrDefault(s, Opcodes.ACC_PUBLIC);
      boolean isStatic = (acc & Opcodes.ACC_STATIC) != 0;
      boolean isAbstract = itf && !isStatic && (acc & Opcodes.ACC_ABSTRACT) != 0;
      int flags = Opcodes.ACC_PUBLIC | (isStatic ? Opcodes.ACC_STATIC : 0) | (isAbstract ? Opcodes.ACC_ABSTRACT : 0);
      MethodVisitor mv = w.visitMethod(flags, name, desc, null, null);
      if (!isAbstract) {
        mv.visitCode();
        mv.visitInsn(Opcodes.ACONST_NULL);
        mv.visitInsn(Opcodes.ATHROW);
        mv.visitMaxs(1, org.objectweb.asm.Type.getArgumentsAndReturnSizes(desc) >> 2);
      }
      mv.visitEnd();
    }
    w.visitEnd();
    return w.toByteArray();
  }
}
