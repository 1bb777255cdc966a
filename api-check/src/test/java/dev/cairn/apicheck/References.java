package dev.cairn.apicheck;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * Every class a class file refers to, wherever it does: supertypes, signatures, annotations,
 * fields, method descriptors, and code (instructions, constants, lambdas, catch blocks, local
 * variable types). Each reference is reported with the member it occurs in ("class" for the
 * class's own declaration).
 */
final class References {
  private References() {}

  /** One reference: the member of the referring class it occurs in, and the class referred to. */
  record Ref(String member, String type) {}

  static Set<Ref> of(byte[] classFile) {
    Set<Ref> refs = new LinkedHashSet<>();
    String[] member = {"class"};
    Remapper recorder =
        new Remapper() {
          @Override
          public String map(String internalName) {
            refs.add(new Ref(member[0], internalName));
            return internalName;
          }
        };
    visit(classFile, recorder, (name, desc) -> member[0] = desc == null ? "class" : name + desc);
    // the class does not refer to itself
    ClassReader reader = new ClassReader(classFile);
    String self = reader.getClassName();
    refs.removeIf(r -> r.type().equals(self));
    return refs;
  }

  private static void visit(byte[] classFile, Remapper remapper, BiConsumer<String, String> onMember) {
    ClassVisitor sink = new ClassWriter(0);
    ClassVisitor v =
        new ClassRemapper(Opcodes.ASM9, sink, remapper) {
          @Override
          public FieldVisitor visitField(
              int access, String name, String descriptor, String signature, Object value) {
            onMember.accept("field " + name, " " + descriptor);
            return super.visitField(access, name, descriptor, signature, value);
          }

          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            onMember.accept(name, descriptor);
            return super.visitMethod(access, name, descriptor, signature, exceptions);
          }

          @Override
          public RecordComponentVisitor visitRecordComponent(
              String name, String descriptor, String signature) {
            onMember.accept("component " + name, " " + descriptor);
            return super.visitRecordComponent(name, descriptor, signature);
          }

          @Override
          public void visitInnerClass(String name, String outerName, String innerName, int access) {
            onMember.accept("class", null);
            super.visitInnerClass(name, outerName, innerName, access);
          }

          @Override
          public void visitNestMember(String nestMember) {
            onMember.accept("class", null);
            super.visitNestMember(nestMember);
          }

          @Override
          public void visitPermittedSubclass(String permittedSubclass) {
            onMember.accept("class", null);
            super.visitPermittedSubclass(permittedSubclass);
          }
        };
    new ClassReader(classFile).accept(v, 0);
  }
}
