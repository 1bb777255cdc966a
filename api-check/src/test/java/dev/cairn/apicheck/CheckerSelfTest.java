package dev.cairn.apicheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;

/** The checks themselves must catch what they are for: synthetic classes with known offences. */
class CheckerSelfTest {

  private static final int PUBLIC = Opcodes.ACC_PUBLIC;

  /** A class with the given members; each member is {access, name, descriptor, signature}. */
  private static byte[] classFile(
      int access, String name, String superName, String[] interfaces, String signature,
      String[][] inner, Object[][] members) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(Opcodes.V17, access, name, signature, superName, interfaces);
    if (inner != null) {
      for (String[] ic : inner) {
        cw.visitInnerClass(ic[0], ic[1], ic[2], Integer.parseInt(ic[3]));
      }
    }
    for (Object[] m : members) {
      int acc = (Integer) m[0];
      String mname = (String) m[1];
      String desc = (String) m[2];
      String sig = (String) m[3];
      if (desc.startsWith("(")) {
        MethodVisitor mv = cw.visitMethod(acc, mname, desc, sig, null);
        if ((acc & Opcodes.ACC_ABSTRACT) == 0) {
          mv.visitCode();
          Type ret = Type.getReturnType(desc);
          if (ret.getSort() == Type.VOID) {
            mv.visitInsn(Opcodes.RETURN);
          } else {
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitInsn(Opcodes.ARETURN);
          }
          mv.visitMaxs(0, 0);
        }
        mv.visitEnd();
      } else {
        cw.visitField(acc, mname, desc, sig, null).visitEnd();
      }
    }
    cw.visitEnd();
    return cw.toByteArray();
  }

  private static ClassNode node(byte[] b) {
    return ClassFiles.declarations(b);
  }

  private static List<ClassNode> sample() {
    String nestedEntry = String.valueOf(PUBLIC | Opcodes.ACC_STATIC);
    String hiddenEntry = String.valueOf(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC);
    String[][] inner = {
      {"p/Api$Nested", "p/Api", "Nested", nestedEntry},
      {"p/Api$Hidden", "p/Api", "Hidden", hiddenEntry}
    };
    byte[] api = classFile(PUBLIC, "p/Api", "java/lang/Object", null, null, inner, new Object[][] {
      {PUBLIC, "open", "(Ljava/lang/String;)V", null},
      {Opcodes.ACC_PROTECTED, "forSubclasses", "()V", null},
      {Opcodes.ACC_PRIVATE, "secret", "()V", null},
      {0, "packagePrivate", "()V", null},
      {PUBLIC, "leak", "(Lp/internal/Impl;)V", null},
      {PUBLIC | Opcodes.ACC_STATIC, "leakInSignature", "()Ljava/util/List;",
          "()Ljava/util/List<Lp/internal/Impl;>;"},
      {PUBLIC, "count", "I", null},
    });
    byte[] nested = classFile(PUBLIC | Opcodes.ACC_STATIC, "p/Api$Nested", "java/lang/Object", null, null,
        new String[][] {{"p/Api$Nested", "p/Api", "Nested", nestedEntry}},
        new Object[][] {{PUBLIC, "<init>", "()V", null}});
    byte[] hidden = classFile(Opcodes.ACC_STATIC, "p/Api$Hidden", "java/lang/Object", null, null,
        new String[][] {{"p/Api$Hidden", "p/Api", "Hidden", hiddenEntry}},
        new Object[][] {{PUBLIC, "visibleOnlyIfTheClassWere", "()V", null}});
    byte[] impl = classFile(PUBLIC, "p/internal/Impl", "java/lang/Object", null, null, null,
        new Object[][] {{PUBLIC, "run", "()V", null}});
    byte[] leakySuper = classFile(PUBLIC | Opcodes.ACC_FINAL, "p/Leaky", "p/internal/Impl", null, null, null,
        new Object[][] {});
    return List.of(node(api), node(nested), node(hidden), node(impl), node(leakySuper));
  }

  @Test
  void dumpHasPublicAndProtectedApiOnly() {
    String dump = PublicApi.of(sample()).render();
    assertTrue(dump.contains("public class p/Api {\n"), dump);
    assertTrue(dump.contains("\tpublic fun open (Ljava/lang/String;)V\n"), dump);
    assertTrue(dump.contains("\tprotected fun forSubclasses ()V\n"), dump);
    assertTrue(dump.contains("\tpublic field count I\n"), dump);
    assertTrue(dump.contains("public static class p/Api$Nested {\n\tpublic fun <init> ()V\n}"), dump);
    assertTrue(dump.contains("public final class p/Leaky extends p/internal/Impl {"), dump);
    assertTrue(dump.contains(
        "\tpublic static fun leakInSignature ()Ljava/util/List; sig ()Ljava/util/List<Lp/internal/Impl;>;\n"), dump);
    assertFalse(dump.contains("secret"), dump);
    assertFalse(dump.contains("packagePrivate"), dump);
    assertFalse(dump.contains("Hidden"), dump);
    assertFalse(dump.contains("class p/internal/Impl"), dump);
    // stable: the same classes in another order give the same text
    List<ClassNode> reversed = new java.util.ArrayList<>(sample());
    java.util.Collections.reverse(reversed);
    assertEquals(dump, PublicApi.of(reversed).render());
  }

  @Test
  void leaksOfInternalTypesAreListedWithClassMemberAndType() {
    List<String> leaks = Boundary.leaks("m", PublicApi.of(sample()));
    assertEquals(List.of(
        "m: p/Api fun leak (Lp/internal/Impl;)V mentions p/internal/Impl",
        "m: p/Api fun leakInSignature ()Ljava/util/List; mentions p/internal/Impl",
        "m: p/Leaky (supertype or type parameter) mentions p/internal/Impl"), leaks.stream().sorted().collect(Collectors.toList()));
  }

  private static byte[] userOf(String internalType) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(Opcodes.V17, PUBLIC, "dev/cairn/user/User", null, "java/lang/Object", null);
    MethodVisitor mv = cw.visitMethod(PUBLIC | Opcodes.ACC_STATIC, "make", "()Ljava/lang/Object;", null, null);
    mv.visitCode();
    mv.visitTypeInsn(Opcodes.NEW, internalType); // only in code: no signature mentions it
    mv.visitInsn(Opcodes.DUP);
    mv.visitMethodInsn(Opcodes.INVOKESPECIAL, internalType, "<init>", "()V", false);
    mv.visitInsn(Opcodes.ARETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    MethodVisitor ldc = cw.visitMethod(PUBLIC | Opcodes.ACC_STATIC, "type", "()Ljava/lang/Class;", null, null);
    ldc.visitCode();
    ldc.visitLdcInsn(Type.getObjectType("dev/cairn/other/internal/Lit"));
    ldc.visitInsn(Opcodes.ARETURN);
    ldc.visitMaxs(0, 0);
    ldc.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  @Test
  void referencesFromCodeToAnotherModulesInternalPackageAreFound() {
    Map<String, String> owners = Map.of(
        "dev/cairn/lib/internal", "lib", "dev/cairn/user", "app", "dev/cairn/other/internal", "app");
    List<String> found = Boundary.foreignInternalReferences(
        "app", "app (test classes)", "dev/cairn/user/User", userOf("dev/cairn/lib/internal/Impl"), owners);
    assertEquals(List.of(
        "app (test classes): dev/cairn/user/User make()Ljava/lang/Object; -> dev/cairn/lib/internal/Impl (internal to lib)"),
        found);
    // its own module's internal package is fine
    assertEquals(List.of(), Boundary.foreignInternalReferences(
        "lib", "lib (main classes)", "dev/cairn/user/User", userOf("dev/cairn/lib/internal/Impl"),
        Map.of("dev/cairn/lib/internal", "lib", "dev/cairn/other/internal", "lib")));
    // an internal package no module owns is reported, never silently passed
    List<String> unknown = Boundary.foreignInternalReferences(
        "app", "app (main classes)", "dev/cairn/user/User", userOf("dev/cairn/gone/internal/Impl"),
        Map.of("dev/cairn/other/internal", "app"));
    assertEquals(1, unknown.size(), unknown.toString());
    assertTrue(unknown.get(0).endsWith("(internal to no module of the reactor)"), unknown.get(0));
  }

  @Test
  void constantsInCodeAreReferencesToo() {
    List<String> found = Boundary.foreignInternalReferences(
        "app", "app", "dev/cairn/user/User", userOf("java/lang/Object"), Map.of("dev/cairn/other/internal", "lib"));
    assertEquals(List.of("app: dev/cairn/user/User type()Ljava/lang/Class; -> dev/cairn/other/internal/Lit (internal to lib)"), found);
  }

  @Test
  void diffClassifiesRemovedAndChangedAsBreakingAndAdditionsAsCompatible() {
    String before = "public class a/A {\n\tpublic fun f ()V\n\tpublic fun g (I)V\n\tpublic fun h ()V\n}\n\n"
        + "public class a/Gone {\n}\n\npublic class a/Header {\n}\n\n";
    String after = "public class a/A {\n\tpublic fun f ()V\n\tpublic fun g (J)V\n\tpublic fun k ()V\n}\n\n"
        + "public final class a/Header {\n}\n\npublic interface a/New {\n}\n\n";
    List<ApiDiff.Change> changes = ApiDiff.diff(before, after, "before");
    List<String> described = changes.stream().map(ApiDiff.Change::describe).collect(Collectors.toList());
    assertEquals(List.of(
        "BREAKING   member changed: a/A\n      + public fun g (J)V\n      - public fun g (I)V",
        "BREAKING   member removed: a/A\n      - public fun h ()V",
        "compatible member added: a/A\n      + public fun k ()V",
        "BREAKING   class removed (or no longer public): a/Gone\n      - public class a/Gone",
        "BREAKING   class declaration changed: a/Header\n      + public final class a/Header\n      - public class a/Header",
        "compatible class added: a/New\n      + public interface a/New"), described);
    assertEquals(List.of(), ApiDiff.diff(before, before, "same"));
  }

  @Test
  void aCorruptBaselineIsAnErrorNotAnEmptyApi() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ApiDiff.diff("public class a/A {\n\tpublic fun f ()V\n", "", "api/x.api"));
    assertTrue(e.getMessage().contains("api/x.api"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ApiDiff.diff("garbage\n", "", "api/x.api"));
  }

  @Test
  void theRealDumpOfSdkCoreHasItsKnownShape() {
    String dump = ApiBaselineTest.currentApi("sdk-core");
    assertTrue(dump.contains("public final class dev/cairn/core/crypto/Secp256k1 {\n"), "Secp256k1 missing");
    assertTrue(dump.contains(
        "\tpublic static fun backend (Ljava/lang/String;)Ldev/cairn/core/crypto/spi/Secp256k1Backend;\n"));
    assertFalse(dump.contains("class dev/cairn/core/crypto/internal/"), "an internal class is in the dump");
    assertFalse(dump.contains("$Holder"), "a private nested class is in the dump");
  }

  @Test
  void readmeBlocksAndJavadocExamplesNormaliseLikeRegions() {
    List<Snippets.Block> blocks =
        Snippets.markdownJavaBlocks("x\n```java\n  int a = 1;\n    a++;\n```\n```sh\nls\n```\n");
    assertEquals(1, blocks.size());
    assertEquals("int a = 1;\n  a++;\n", blocks.get(0).text());
    assertEquals(3, blocks.get(0).line());
    assertEquals("int a = 1;\n  a++;\n", Snippets.javadocExample(
        "/**\n * Text.\n *\n * <pre>{@code\n * int a = 1;\n *   a++;\n * }</pre>\n */"));
    assertEquals(Snippets.normalise(List.of("    int a = 1;", "      a++;", "")), blocks.get(0).text());
    assertThrows(IllegalStateException.class, () -> Snippets.markdownJavaBlocks("```java\nint a;\n"));
  }
}
