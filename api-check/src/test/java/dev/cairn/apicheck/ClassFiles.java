package dev.cairn.apicheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/** Reads compiled classes with ASM. */
final class ClassFiles {
  private ClassFiles() {}

  /** Every .class file under {@code dir}, sorted by path (stable output). */
  static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The declarations (no code) of every class under {@code dir}, module-info excluded. */
  static List<ClassNode> declarations(Path dir) {
    List<ClassNode> nodes = new ArrayList<>();
    for (Path p : list(dir)) {
      nodes.add(declarations(read(p)));
    }
    nodes.removeIf(n -> n.name.equals("module-info"));
    return nodes;
  }

  static ClassNode declarations(byte[] classFile) {
    ClassNode node = new ClassNode();
    new ClassReader(classFile)
        .accept(node, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return node;
  }

  /** The package of an internal name, with slashes ("" for the default package). */
  static String packageOf(String internalName) {
    int i = internalName.lastIndexOf('/');
    return i < 0 ? "" : internalName.substring(0, i);
  }

  /** Whether a package (slashes or dots) has a segment named {@code internal}. */
  static boolean isInternalPackage(String pkg) {
    for (String seg : pkg.split("[/.]")) {
      if (seg.equals("internal")) {
        return true;
      }
    }
    return false;
  }
}
