package dev.cairn.apicheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Finds weak or seeded randomness in compiled code: every use of {@code java.util.Random} (other
 * than through {@code SecureRandom}), {@code ThreadLocalRandom} and {@code SplittableRandom}; every
 * {@code new SecureRandom(byte[])} and every {@code setSeed} call on a random source.
 *
 * <p>A finding is one line {@code <class>.<method>: <what>}; the test compares them with an
 * allow-list that names each non-secret use and why.
 */
final class Randomness {
  private Randomness() {}

  static final Set<String> WEAK =
      Set.of("java/util/Random", "java/util/concurrent/ThreadLocalRandom", "java/util/SplittableRandom");

  static final String SECURE = "java/security/SecureRandom";

  /** The findings of one class file. */
  static List<String> scan(byte[] classFile) {
    ClassNode node = new ClassNode();
    new ClassReader(classFile).accept(node, ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
    List<String> out = new ArrayList<>();
    String cls = node.name.replace('/', '.');
    if (WEAK.contains(node.superName)) {
      out.add(cls + ": extends " + node.superName.replace('/', '.'));
    }
    for (FieldNode f : node.fields) {
      String weak = weakIn(f.desc);
      if (weak != null) {
        out.add(cls + "." + f.name + ": field of type " + weak);
      }
    }
    for (MethodNode m : node.methods) {
      String where = cls + "." + m.name;
      String weakSig = weakIn(m.desc);
      if (weakSig != null) {
        out.add(where + ": signature mentions " + weakSig);
      }
      if (m.instructions == null) {
        continue;
      }
      for (AbstractInsnNode insn : m.instructions) {
        if (insn instanceof MethodInsnNode mi) {
          if (WEAK.contains(mi.owner)) {
            out.add(where + ": calls " + mi.owner.replace('/', '.') + "." + mi.name);
          } else if (mi.owner.equals(SECURE) && mi.name.equals("<init>") && mi.desc.startsWith("([B")) {
            out.add(where + ": new SecureRandom(byte[] seed)");
          }
          if (mi.name.equals("setSeed") && (mi.owner.equals(SECURE) || WEAK.contains(mi.owner))) {
            out.add(where + ": calls " + mi.owner.replace('/', '.') + ".setSeed");
          }
          String weakDesc = weakIn(mi.desc);
          if (weakDesc != null && !WEAK.contains(mi.owner)) {
            out.add(where + ": passes or receives " + weakDesc + " (" + mi.owner.replace('/', '.') + "." + mi.name + ")");
          }
        } else if (insn instanceof TypeInsnNode ti && WEAK.contains(ti.desc)) {
          out.add(where + ": " + opcodeName(ti.getOpcode()) + " " + ti.desc.replace('/', '.'));
        } else if (insn instanceof FieldInsnNode fi && weakIn(fi.desc) != null) {
          out.add(where + ": reads or writes a field of type " + weakIn(fi.desc));
        } else if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof Type t
            && WEAK.contains(t.getInternalName())) {
          out.add(where + ": class literal " + t.getClassName());
        } else if (insn instanceof InvokeDynamicInsnNode indy && weakIn(indy.desc) != null) {
          out.add(where + ": lambda over " + weakIn(indy.desc));
        }
      }
    }
    return out;
  }

  /** The first weak random type named in a descriptor, or null. */
  static String weakIn(String desc) {
    for (String w : WEAK) {
      if (desc.contains("L" + w + ";")) {
        return w.replace('/', '.');
      }
    }
    return null;
  }

  private static String opcodeName(int opcode) {
    return switch (opcode) {
      case 187 -> "new";
      case 192 -> "checkcast";
      case 193 -> "instanceof";
      case 189 -> "anewarray";
      default -> "type use";
    };
  }
}
