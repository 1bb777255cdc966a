package dev.cairn.androidcheck;

import dev.cairn.androidcheck.ClassIndex.ClassInfo;
import dev.cairn.androidcheck.ClassIndex.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Resolves every class, method and field reference of the (desugared) program classes the way the
 * VM links them: a member is found in the named class, its superclasses or its superinterfaces; a
 * member found in the framework jar counts only if it is public or protected (android-all is the
 * runtime jar, with the platform's private and hidden members too).
 */
final class ReferenceChecker {
  private final ClassIndex index;
  private final List<String> allowedPrefixes;
  private final Set<String> problems = new TreeSet<>();

  ReferenceChecker(ClassIndex index, List<String> allowedPrefixes) {
    this.index = index;
    this.allowedPrefixes = allowedPrefixes;
  }

  List<String> check(Map<String, byte[]> classes) {
    for (Map.Entry<String, byte[]> e : classes.entrySet()) {
      scan(e.getKey(), e.getValue());
    }
    return new ArrayList<>(problems);
  }

  private void scan(String className, byte[] bytes) {
    new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        if (superName != null) {
          type(className, superName);
        }
        if (interfaces != null) {
          for (String i : interfaces) {
            type(className, i);
          }
        }
      }

      @Override
      public FieldVisitor visitField(int access, String name, String desc, String signature, Object value) {
        descriptorTypes(className + "." + name, Type.getType(desc));
        return null;
      }

      @Override
      public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
        String where = className + "." + name + desc;
        descriptorTypes(where, Type.getMethodType(desc));
        return new MethodVisitor(Opcodes.ASM9) {
          @Override
          public void visitTypeInsn(int opcode, String type) {
            type(where, type);
          }

          @Override
          public void visitFieldInsn(int opcode, String owner, String fname, String fdesc) {
            field(where, owner, fname, fdesc);
          }

          @Override
          public void visitMethodInsn(int opcode, String owner, String mname, String mdesc, boolean itf) {
            method(where, owner, mname, mdesc);
          }

          @Override
          public void visitInvokeDynamicInsn(String iname, String idesc, Handle bsm, Object... args) {
            handle(where, bsm);
            for (Object a : args) {
              constant(where, a);
            }
          }

          @Override
          public void visitLdcInsn(Object value) {
            constant(where, value);
          }

          @Override
          public void visitMultiANewArrayInsn(String desc, int dims) {
            descriptorTypes(where, Type.getType(desc));
          }

          @Override
          public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            if (type != null) {
              type(where, type);
            }
          }
        };
      }
    }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
  }

  private void constant(String where, Object c) {
    if (c instanceof Type t) {
      descriptorTypes(where, t);
    } else if (c instanceof Handle h) {
      handle(where, h);
    }
  }

  private void handle(String where, Handle h) {
    if (h.getTag() <= Opcodes.H_PUTSTATIC) {
      field(where, h.getOwner(), h.getName(), h.getDesc());
    } else {
      method(where, h.getOwner(), h.getName(), h.getDesc());
    }
  }

  private void descriptorTypes(String where, Type t) {
    switch (t.getSort()) {
      case Type.METHOD -> {
        descriptorTypes(where, t.getReturnType());
        for (Type a : t.getArgumentTypes()) {
          descriptorTypes(where, a);
        }
      }
      case Type.ARRAY -> descriptorTypes(where, t.getElementType());
      case Type.OBJECT -> type(where, t.getInternalName());
      default -> { }
    }
  }

  private boolean allowed(String internalName) {
    for (String p : allowedPrefixes) {
      if (internalName.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  private void type(String where, String internalName) {
    if (internalName.startsWith("[")) {
      descriptorTypes(where, Type.getType(internalName));
      return;
    }
    if (allowed(internalName)) {
      return;
    }
    ClassInfo c = index.lookup(internalName);
    if (c == null) {
      problems.add(where + ": missing class " + internalName);
    } else if (c.kind() == Kind.LIBRARY && (c.access() & Opcodes.ACC_PUBLIC) == 0) {
      problems.add(where + ": class " + internalName + " is not public on Android");
    }
  }

  private void method(String where, String owner, String name, String desc) {
    if (owner.startsWith("[")) {
      owner = "java/lang/Object"; // clone() and Object's methods
      if (name.equals("clone")) {
        return;
      }
    }
    if (allowed(owner)) {
      return;
    }
    descriptorTypes(where, Type.getMethodType(desc));
    String r = resolve(owner, name + desc, true);
    if (r != null) {
      problems.add(where + ": " + r + " " + owner + "." + name + desc);
    }
  }

  private void field(String where, String owner, String name, String desc) {
    if (allowed(owner)) {
      return;
    }
    descriptorTypes(where, Type.getType(desc));
    String r = resolve(owner, name + ":" + desc, false);
    if (r != null) {
      problems.add(where + ": " + r + " " + owner + "." + name + ":" + desc);
    }
  }

  /** Null if {@code key} resolves from {@code owner}, else the reason. */
  private String resolve(String owner, String key, boolean isMethod) {
    Deque<String> interfaces = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    for (String c = owner; c != null; ) {
      ClassInfo info = index.lookup(c);
      if (info == null) {
        return allowed(c) ? null : "missing class " + c + " (in the hierarchy) for";
      }
      Integer acc = (isMethod ? info.methods() : info.fields()).get(key);
      if (acc != null) {
        return accessible(info, acc) ? null : "not public on Android:";
      }
      if (isMethod && signaturePolymorphic(info, key)) {
        return null;
      }
      interfaces.addAll(info.interfaces());
      c = info.superName();
    }
    while (!interfaces.isEmpty()) {
      String i = interfaces.poll();
      if (!seen.add(i)) {
        continue;
      }
      ClassInfo info = index.lookup(i);
      if (info == null) {
        if (allowed(i)) {
          continue;
        }
        return "missing interface " + i + " (in the hierarchy) for";
      }
      Integer acc = (isMethod ? info.methods() : info.fields()).get(key);
      if (acc != null && accessible(info, acc)) {
        return null;
      }
      interfaces.addAll(info.interfaces());
    }
    return "missing " + (isMethod ? "method" : "field");
  }

  private static boolean accessible(ClassInfo info, int access) {
    return info.kind() != Kind.LIBRARY || (access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) != 0;
  }

  /** MethodHandle.invoke/invokeExact (and VarHandle's) match any descriptor. */
  private static boolean signaturePolymorphic(ClassInfo info, String key) {
    if (!info.name().equals("java/lang/invoke/MethodHandle") && !info.name().equals("java/lang/invoke/VarHandle")) {
      return false;
    }
    String name = key.substring(0, key.indexOf('('));
    Integer acc = info.methods().get(name + "([Ljava/lang/Object;)Ljava/lang/Object;");
    int poly = Opcodes.ACC_NATIVE | Opcodes.ACC_VARARGS;
    return acc != null && (acc & poly) == poly;
  }
}
