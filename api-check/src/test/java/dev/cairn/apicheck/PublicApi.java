package dev.cairn.apicheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InnerClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The public API of a set of classes: public and protected classes outside {@code internal}
 * packages (nested ones only when every enclosing class is API too), with their public and
 * protected members (protected only where a subclass outside the package can exist), rendered in a
 * stable, sorted text form close to Kotlin's binary-compatibility-validator dumps.
 */
final class PublicApi {

  /** One API member: its rendered line, its kind and name, and every type it mentions. */
  record Member(String line, String kind, String name, String desc, Set<String> types) {}

  /** One API class: its header line, its supertypes and signature types, its members. */
  record ApiClass(String name, String header, Set<String> types, List<Member> members) {}

  private final List<ApiClass> classes;

  private PublicApi(List<ApiClass> classes) {
    this.classes = classes;
  }

  List<ApiClass> classes() {
    return classes;
  }

  static PublicApi of(List<ClassNode> nodes) {
    Map<String, ClassNode> byName = new HashMap<>();
    for (ClassNode n : nodes) {
      byName.put(n.name, n);
    }
    List<ApiClass> classes = new ArrayList<>();
    for (ClassNode n : nodes) {
      if (isApi(n, byName)) {
        classes.add(describe(n));
      }
    }
    classes.sort(Comparator.comparing(ApiClass::name));
    return new PublicApi(classes);
  }

  /** The text form: one block per class, sorted by name, members sorted by kind and name. */
  String render() {
    StringBuilder sb = new StringBuilder();
    for (ApiClass c : classes) {
      sb.append(c.header()).append(" {\n");
      for (Member m : c.members()) {
        sb.append('\t').append(m.line()).append('\n');
      }
      sb.append("}\n\n");
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------------------------------------

  private static InnerClassNode self(ClassNode n) {
    for (InnerClassNode ic : n.innerClasses) {
      if (ic.name.equals(n.name)) {
        return ic;
      }
    }
    return null;
  }

  /** The class's own access flags (for a nested class, those of its InnerClasses entry). */
  static int access(ClassNode n) {
    InnerClassNode self = self(n);
    return self != null ? self.access : n.access;
  }

  static boolean isApi(ClassNode n, Map<String, ClassNode> byName) {
    if ((n.access & Opcodes.ACC_SYNTHETIC) != 0
        || n.name.endsWith("/package-info")
        || n.name.equals("module-info")
        || ClassFiles.isInternalPackage(ClassFiles.packageOf(n.name))) {
      return false;
    }
    InnerClassNode self = self(n);
    if (self == null) {
      return (n.access & Opcodes.ACC_PUBLIC) != 0;
    }
    if (self.outerName == null || self.innerName == null) {
      return false; // local or anonymous
    }
    ClassNode outer = byName.get(self.outerName);
    if (outer == null || !isApi(outer, byName)) {
      return false;
    }
    if ((self.access & Opcodes.ACC_PUBLIC) != 0) {
      return true;
    }
    return (self.access & Opcodes.ACC_PROTECTED) != 0 && subclassable(outer);
  }

  /** Whether a subclass outside the package can see the protected members. */
  private static boolean subclassable(ClassNode n) {
    return (access(n) & Opcodes.ACC_FINAL) == 0 && (access(n) & Opcodes.ACC_INTERFACE) == 0;
  }

  private static ApiClass describe(ClassNode n) {
    int access = access(n);
    Set<String> types = new LinkedHashSet<>();
    StringBuilder h = new StringBuilder();
    h.append((access & Opcodes.ACC_PUBLIC) != 0 ? "public" : "protected");
    boolean isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
    if ((access & Opcodes.ACC_STATIC) != 0) {
      h.append(" static");
    }
    if ((access & Opcodes.ACC_ABSTRACT) != 0 && !isInterface) {
      h.append(" abstract");
    }
    if ((access & Opcodes.ACC_FINAL) != 0) {
      h.append(" final");
    }
    if (n.permittedSubclasses != null && !n.permittedSubclasses.isEmpty()) {
      h.append(" sealed");
    }
    if ((access & Opcodes.ACC_ANNOTATION) != 0) {
      h.append(" annotation");
    } else if (isInterface) {
      h.append(" interface");
    } else if ((access & Opcodes.ACC_ENUM) != 0) {
      h.append(" enum");
    } else if (n.recordComponents != null) {
      h.append(" record");
    } else {
      h.append(" class");
    }
    h.append(' ').append(n.name);
    if (n.superName != null && !n.superName.equals("java/lang/Object")) {
      h.append(" extends ").append(n.superName);
      types.add(n.superName);
    }
    if (!n.interfaces.isEmpty()) {
      h.append(isInterface ? " extends " : " implements ").append(String.join(", ", n.interfaces));
      types.addAll(n.interfaces);
    }
    if (n.permittedSubclasses != null && !n.permittedSubclasses.isEmpty()) {
      List<String> permitted = new ArrayList<>(n.permittedSubclasses);
      permitted.sort(null);
      h.append(" permits ").append(String.join(", ", permitted));
    }
    if (n.signature != null) {
      h.append(" sig ").append(n.signature);
      types.addAll(signatureTypes(n.signature));
    }

    boolean protectedVisible = subclassable(n);
    List<Member> members = new ArrayList<>();
    for (FieldNode f : n.fields) {
      if (!visible(f.access, protectedVisible) || (f.access & Opcodes.ACC_SYNTHETIC) != 0) {
        continue;
      }
      StringBuilder l = new StringBuilder(modifiers(f.access, false));
      l.append("field ").append(f.name).append(' ').append(f.desc);
      Set<String> t = new LinkedHashSet<>(descriptorTypes(f.desc));
      if (f.signature != null) {
        l.append(" sig ").append(f.signature);
        t.addAll(signatureTypes(f.signature));
      }
      if (f.value != null) {
        l.append(" = ").append(constant(f.value));
      }
      members.add(new Member(l.toString(), "field", f.name, f.desc, t));
    }
    for (MethodNode m : n.methods) {
      if (!visible(m.access, protectedVisible)
          || (m.access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) != 0
          || m.name.equals("<clinit>")) {
        continue;
      }
      String mods = modifiers(m.access, true);
      if (isInterface && (m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_STATIC)) == 0) {
        mods += "default ";
      }
      StringBuilder l = new StringBuilder(mods);
      l.append("fun ").append(m.name).append(' ').append(m.desc);
      Set<String> t = new LinkedHashSet<>(descriptorTypes(m.desc));
      if (m.signature != null) {
        l.append(" sig ").append(m.signature);
        t.addAll(signatureTypes(m.signature));
      }
      if (m.exceptions != null && !m.exceptions.isEmpty()) {
        List<String> ex = new ArrayList<>(m.exceptions);
        ex.sort(null);
        l.append(" throws ").append(String.join(", ", ex));
        t.addAll(ex);
      }
      members.add(new Member(l.toString(), "fun", m.name, m.desc, t));
    }
    members.sort(
        Comparator.comparing((Member m) -> m.kind().equals("field") ? 0 : m.name().equals("<init>") ? 1 : 2)
            .thenComparing(Member::name)
            .thenComparing(Member::desc)
            .thenComparing(Member::line));
    return new ApiClass(n.name, h.toString(), types, members);
  }

  private static boolean visible(int access, boolean protectedVisible) {
    return (access & Opcodes.ACC_PUBLIC) != 0
        || (protectedVisible && (access & Opcodes.ACC_PROTECTED) != 0);
  }

  private static String modifiers(int access, boolean method) {
    StringBuilder sb = new StringBuilder();
    sb.append((access & Opcodes.ACC_PUBLIC) != 0 ? "public " : "protected ");
    if ((access & Opcodes.ACC_STATIC) != 0) {
      sb.append("static ");
    }
    if ((access & Opcodes.ACC_ABSTRACT) != 0) {
      sb.append("abstract ");
    }
    if ((access & Opcodes.ACC_FINAL) != 0) {
      sb.append("final ");
    }
    if (!method && (access & Opcodes.ACC_VOLATILE) != 0) {
      sb.append("volatile ");
    }
    if (!method && (access & Opcodes.ACC_ENUM) != 0) {
      sb.append("enum-constant ");
    }
    if (method && (access & Opcodes.ACC_VARARGS) != 0) {
      sb.append("varargs ");
    }
    return sb.toString();
  }

  private static String constant(Object value) {
    if (!(value instanceof String)) {
      return value.toString();
    }
    String s = (String) value;
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  /** The class types (internal names) a field or method descriptor mentions. */
  static Set<String> descriptorTypes(String desc) {
    Set<String> out = new LinkedHashSet<>();
    Type t = Type.getType(desc);
    if (t.getSort() == Type.METHOD) {
      for (Type a : t.getArgumentTypes()) {
        addType(a, out);
      }
      addType(t.getReturnType(), out);
    } else {
      addType(t, out);
    }
    return out;
  }

  private static void addType(Type t, Set<String> out) {
    if (t.getSort() == Type.ARRAY) {
      t = t.getElementType();
    }
    if (t.getSort() == Type.OBJECT) {
      out.add(t.getInternalName());
    }
  }

  /** The class types a generic signature mentions (type arguments and bounds included). */
  static Set<String> signatureTypes(String signature) {
    Set<String> out = new TreeSet<>();
    new SignatureReader(signature)
        .accept(
            new SignatureVisitor(Opcodes.ASM9) {
              @Override
              public void visitClassType(String name) {
                out.add(name);
              }
            });
    return out;
  }
}
