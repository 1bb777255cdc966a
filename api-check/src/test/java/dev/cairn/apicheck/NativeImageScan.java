package dev.cairn.apicheck;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Finds, in compiled classes, every use of what a GraalVM native image must be told about ahead of
 * time: reflection ({@code java.lang.reflect}, {@code Class.forName}, {@code Class.getDeclared*},
 * {@code newInstance}, {@code MethodHandles.Lookup.find*}), dynamic class loading
 * ({@code ClassLoader.loadClass/defineClass}, {@code Lookup.defineClass}), service loading,
 * {@code java.lang.reflect.Proxy}, resource lookups ({@code Class} and {@code ClassLoader}
 * {@code getResource*}), native access ({@code System.load/loadLibrary}, jnr-ffi's
 * {@code LibraryLoader}) and Java serialization, plus picocli's annotated command classes (picocli
 * reads them reflectively). The arguments are resolved with ASM's {@link SourceInterpreter}: an
 * argument produced by one {@code ldc} is a literal; anything else is "?" (not literal).
 *
 * <p>{@link #uncovered} then tells which uses the module's {@link NativeMetadata} does not cover.
 */
final class NativeImageScan {
  private NativeImageScan() {}

  /** The kinds of use. */
  enum Kind {
    SERVICE, FOR_NAME, REFLECT, METHOD_HANDLE, CLASS_LOADING, PROXY, RESOURCE, NATIVE, SERIALIZATION,
    PICOCLI
  }

  /**
   * One use in one method.
   *
   * @param module the module whose classes contain it
   * @param where the class and method, {@code dev.cairn.x.Foo#bar}
   * @param kind what it is
   * @param api the API called, {@code Class.forName}
   * @param target what it names (a class, "a.b.C#member", a resource path; "?" when not literal)
   */
  record Use(String module, String where, Kind kind, String api, String target) {
    /** The key the allow-list names: {@code module where kind target}. */
    String key() {
      return module + " " + where + " " + kind + " " + target;
    }

    @Override
    public String toString() {
      return key() + " (" + api + ")";
    }
  }

  static final String UNKNOWN = "?";

  /** Every use in one class file. */
  static List<Use> scan(String module, byte[] classFile) {
    ClassNode cn = new ClassNode();
    new ClassReader(classFile).accept(cn, ClassReader.SKIP_FRAMES);
    List<Use> out = new ArrayList<>();
    String cls = cn.name.replace('/', '.');
    picocli(module, cn, cls, out);
    for (MethodNode m : cn.methods) {
      if (m.instructions.size() == 0) {
        continue;
      }
      Frame<SourceValue>[] frames = null;
      for (AbstractInsnNode insn : m.instructions) {
        if (!(insn instanceof MethodInsnNode)) {
          continue;
        }
        MethodInsnNode call = (MethodInsnNode) insn;
        Kind kind = kindOf(call);
        if (kind == null) {
          continue;
        }
        if (frames == null) {
          try {
            frames = new Analyzer<>(new SourceInterpreter()).analyze(cn.name, m);
          } catch (AnalyzerException e) {
            throw new IllegalStateException("cannot analyse " + cls + "#" + m.name + ": " + e.getMessage(), e);
          }
        }
        Frame<SourceValue> f = frames[m.instructions.indexOf(call)];
        String where = cls + "#" + m.name;
        String api = simple(call.owner) + "." + call.name;
        out.add(new Use(module, where, kind, api, target(kind, call, f, cn, frames, m.instructions)));
      }
    }
    return out;
  }

  private static String simple(String internalName) {
    return internalName.substring(internalName.lastIndexOf('/') + 1).replace('$', '.');
  }

  /** What a call is, or null when it needs no metadata. */
  static Kind kindOf(MethodInsnNode c) {
    String o = c.owner;
    String n = c.name;
    switch (o) {
      case "java/util/ServiceLoader":
        return n.equals("load") || n.equals("loadInstalled") ? Kind.SERVICE : null;
      case "java/lang/Class":
        if (n.equals("forName")) {
          return Kind.FOR_NAME;
        }
        if (n.equals("getResource") || n.equals("getResourceAsStream")) {
          return Kind.RESOURCE;
        }
        if (n.startsWith("getDeclared") || n.equals("getMethod") || n.equals("getMethods")
            || n.equals("getField") || n.equals("getFields") || n.equals("getConstructor")
            || n.equals("getConstructors") || n.equals("newInstance") || n.equals("getRecordComponents")
            || n.equals("getEnclosingMethod") || n.equals("getEnclosingConstructor")) {
          return Kind.REFLECT;
        }
        return null;
      case "java/lang/ClassLoader":
      case "java/net/URLClassLoader":
      case "java/security/SecureClassLoader":
        if (n.equals("loadClass") || n.equals("defineClass")) {
          return Kind.CLASS_LOADING;
        }
        if (n.startsWith("getResource") || n.startsWith("getSystemResource") || n.equals("resources")) {
          return Kind.RESOURCE;
        }
        return null;
      case "java/lang/Module":
        return n.equals("getResourceAsStream") ? Kind.RESOURCE : null;
      case "java/lang/invoke/MethodHandles$Lookup":
        if (n.startsWith("find") || n.startsWith("unreflect")) {
          return n.equals("findClass") ? Kind.CLASS_LOADING : Kind.METHOD_HANDLE;
        }
        return n.equals("defineClass") || n.equals("defineHiddenClass") ? Kind.CLASS_LOADING : null;
      case "java/lang/reflect/Proxy":
        return Kind.PROXY;
      case "java/lang/System":
      case "java/lang/Runtime":
        return n.equals("load") || n.equals("loadLibrary") ? Kind.NATIVE : null;
      case "jnr/ffi/LibraryLoader":
        return n.equals("create") || n.equals("loadLibrary") ? Kind.NATIVE : null;
      case "java/io/ObjectInputStream":
        return n.equals("readObject") || n.equals("readUnshared") ? Kind.SERIALIZATION : null;
      case "java/io/ObjectOutputStream":
        return n.equals("writeObject") || n.equals("writeUnshared") ? Kind.SERIALIZATION : null;
      default:
        return o.startsWith("java/lang/reflect/") ? Kind.REFLECT : null;
    }
  }

  /** The literal an argument was produced by (its single source an ldc), else null. */
  private static Object literal(Frame<SourceValue> f, int argFromTop) {
    if (f == null || f.getStackSize() <= argFromTop) {
      return null;
    }
    SourceValue v = f.getStack(f.getStackSize() - 1 - argFromTop);
    if (v.insns.size() != 1) {
      return null;
    }
    AbstractInsnNode src = v.insns.iterator().next();
    return src instanceof LdcInsnNode ? ((LdcInsnNode) src).cst : null;
  }

  private static String literalString(Frame<SourceValue> f, int argFromTop) {
    Object o = literal(f, argFromTop);
    return o instanceof String ? (String) o : null;
  }

  /** The class named by a {@code Foo.class} literal argument, or by {@code this.getClass()}. */
  private static String literalClass(Frame<SourceValue> f, int argFromTop, ClassNode self) {
    Object o = literal(f, argFromTop);
    if (o instanceof Type && ((Type) o).getSort() == Type.OBJECT) {
      return ((Type) o).getClassName();
    }
    if (f == null || f.getStackSize() <= argFromTop) {
      return null;
    }
    SourceValue v = f.getStack(f.getStackSize() - 1 - argFromTop);
    if (v.insns.size() == 1 && v.insns.iterator().next() instanceof MethodInsnNode) {
      MethodInsnNode m = (MethodInsnNode) v.insns.iterator().next();
      if (m.name.equals("getClass") && m.desc.equals("()Ljava/lang/Class;")
          && (self.access & Opcodes.ACC_FINAL) != 0) {
        return self.name.replace('/', '.'); // a final class: getClass() is this class
      }
    }
    return null;
  }

  private static int argCount(MethodInsnNode c) {
    return Type.getArgumentTypes(c.desc).length;
  }

  private static String target(Kind kind, MethodInsnNode c, Frame<SourceValue> f, ClassNode self,
      Frame<SourceValue>[] frames, InsnList insns) {
    int args = argCount(c);
    boolean isStatic = c.getOpcode() == Opcodes.INVOKESTATIC;
    String r;
    switch (kind) {
      case SERVICE:
        // load(Class), load(Class, ClassLoader), loadInstalled(Class), load(ModuleLayer, Class)
        Type[] at = Type.getArgumentTypes(c.desc);
        int idx = -1;
        for (int i = 0; i < at.length; i++) {
          if (at[i].getDescriptor().equals("Ljava/lang/Class;")) {
            idx = i;
          }
        }
        r = idx < 0 ? null : literalClass(f, args - 1 - idx, self);
        break;
      case FOR_NAME:
        // forName(String), forName(String, boolean, ClassLoader), forName(Module, String)
        if (c.desc.startsWith("(Ljava/lang/Module;")) {
          r = literalString(f, 0);
        } else {
          r = literalString(f, args - 1);
        }
        break;
      case RESOURCE:
        r = resourceName(c, f, self, args, isStatic);
        break;
      case REFLECT:
      case METHOD_HANDLE:
        r = member(c, f, self, args);
        break;
      case CLASS_LOADING:
        r = c.name.equals("loadClass") || c.name.equals("findClass") ? literalString(f, args - 1) : null;
        break;
      case PROXY:
        r = c.name.equals("newProxyInstance") || c.name.equals("getProxyClass") ? proxyInterfaces(f, c, frames, insns) : null;
        break;
      case NATIVE:
        r = c.owner.equals("jnr/ffi/LibraryLoader") && c.name.equals("create")
            ? literalClass(f, 0, self)
            : literalString(f, 0);
        break;
      default:
        r = null;
    }
    return r == null ? UNKNOWN : r;
  }

  private static String resourceName(MethodInsnNode c, Frame<SourceValue> f, ClassNode self, int args, boolean isStatic) {
    String name = literalString(f, args - 1);
    if (name == null) {
      return null;
    }
    if (!c.owner.equals("java/lang/Class")) {
      return name; // ClassLoader and Module names are absolute
    }
    if (name.startsWith("/")) {
      return name.substring(1);
    }
    String receiver = literalClass(f, args, self);
    if (receiver == null) {
      return null;
    }
    int dot = receiver.lastIndexOf('.');
    return dot < 0 ? name : receiver.substring(0, dot).replace('.', '/') + "/" + name;
  }

  /** "pkg.Class#member" for getDeclaredMethod/Field/Constructor and Lookup.find* with literals. */
  private static String member(MethodInsnNode c, Frame<SourceValue> f, ClassNode self, int args) {
    String n = c.name;
    if (c.owner.equals("java/lang/Class")) {
      String cls = literalClass(f, args, self);
      if (cls == null) {
        return null;
      }
      if (n.equals("getDeclaredConstructor") || n.equals("getConstructor") || n.equals("newInstance")) {
        // only the no-argument constructor is resolved (an empty varargs array)
        return args == 0 || emptyArray(f, 0) ? cls + "#<init>()" : null;
      }
      if (n.equals("getDeclaredMethod") || n.equals("getMethod") || n.equals("getDeclaredField")
          || n.equals("getField")) {
        String m = literalString(f, n.endsWith("Method") ? args - 1 : 0);
        return m == null ? null : cls + "#" + m;
      }
      return null; // the plural forms and the rest: listed in the allow-list
    }
    if (c.owner.equals("java/lang/invoke/MethodHandles$Lookup") && n.startsWith("find")) {
      // findVirtual(Class, String, MethodType), findGetter(Class, String, Class), findConstructor(Class, MethodType)
      String cls = literalClass(f, args - 1, self);
      if (cls == null) {
        return null;
      }
      if (n.equals("findConstructor")) {
        return cls + "#<init>";
      }
      String m = args >= 2 ? literalString(f, args - 2) : null;
      return m == null ? null : cls + "#" + m;
    }
    return null;
  }

  private static boolean emptyArray(Frame<SourceValue> f, int argFromTop) {
    if (f == null || f.getStackSize() <= argFromTop) {
      return false;
    }
    SourceValue v = f.getStack(f.getStackSize() - 1 - argFromTop);
    if (v.insns.size() != 1 || !(v.insns.iterator().next() instanceof TypeInsnNode)) {
      return false;
    }
    AbstractInsnNode prev = v.insns.iterator().next().getPrevious();
    return prev instanceof InsnNode && prev.getOpcode() == Opcodes.ICONST_0;
  }

  /** The interfaces of {@code new Class[] {A.class, B.class}} as "A,B", or null. */
  private static String proxyInterfaces(
      Frame<SourceValue> f, MethodInsnNode c, Frame<SourceValue>[] frames, InsnList insns) {
    // newProxyInstance(ClassLoader, Class[], InvocationHandler), getProxyClass(ClassLoader, Class...)
    int arrayArg = c.name.equals("newProxyInstance") ? 1 : 0;
    if (f == null || f.getStackSize() <= arrayArg) {
      return null;
    }
    SourceValue v = f.getStack(f.getStackSize() - 1 - arrayArg);
    if (v.insns.size() != 1) {
      return null;
    }
    AbstractInsnNode src = v.insns.iterator().next();
    // ASM's Frame gives both values of a DUP the DUP as their source: follow it to what was duplicated
    while (src != null && src.getOpcode() == Opcodes.DUP) {
      Frame<SourceValue> at = frames[insns.indexOf(src)];
      SourceValue top = at.getStack(at.getStackSize() - 1);
      src = top.insns.size() == 1 ? top.insns.iterator().next() : null;
    }
    if (src == null || src.getOpcode() != Opcodes.ANEWARRAY) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (AbstractInsnNode i = src.getNext(); i != null && i != c; i = i.getNext()) {
      if (i instanceof LdcInsnNode && ((LdcInsnNode) i).cst instanceof Type) {
        names.add(((Type) ((LdcInsnNode) i).cst).getClassName());
      } else if (i instanceof MethodInsnNode || i instanceof VarInsnNode && i.getOpcode() != Opcodes.ALOAD
          || i instanceof IntInsnNode && i.getOpcode() == Opcodes.NEWARRAY) {
        return null;
      }
    }
    return names.isEmpty() ? null : String.join(",", names);
  }

  /** picocli reads {@code @Command} classes and their annotated fields and methods reflectively. */
  private static void picocli(String module, ClassNode cn, String cls, List<Use> out) {
    if (!hasAnnotation(cn.visibleAnnotations, "Lpicocli/CommandLine$Command;")) {
      return;
    }
    out.add(new Use(module, cls + "#<class>", Kind.PICOCLI, "@Command", cls + "#<init>()"));
    for (FieldNode fn : cn.fields) {
      if (hasPicocliAnnotation(fn.visibleAnnotations)) {
        out.add(new Use(module, cls + "#" + fn.name, Kind.PICOCLI, "@field", cls + "#" + fn.name));
      }
    }
    for (MethodNode mn : cn.methods) {
      if (hasPicocliAnnotation(mn.visibleAnnotations)) {
        out.add(new Use(module, cls + "#" + mn.name, Kind.PICOCLI, "@method", cls + "#" + mn.name));
      }
    }
  }

  private static boolean hasPicocliAnnotation(List<AnnotationNode> as) {
    if (as == null) {
      return false;
    }
    for (AnnotationNode a : as) {
      if (a.desc.startsWith("Lpicocli/CommandLine$")) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasAnnotation(List<AnnotationNode> as, String desc) {
    if (as == null) {
      return false;
    }
    for (AnnotationNode a : as) {
      if (a.desc.equals(desc)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- coverage

  /**
   * The uses that metadata does not cover and the allow-list does not excuse. {@code all} is every
   * scanned module's metadata (a class or resource may be registered by the module that owns it).
   *
   * @param allowed allow-list keys ({@link Use#key()})
   */
  static List<String> uncovered(List<Use> uses, Map<String, NativeMetadata> all, Set<String> allowed) {
    List<String> out = new ArrayList<>();
    for (Use u : uses) {
      if (allowed.contains(u.key())) {
        continue;
      }
      String why = uncoveredReason(u, all);
      if (why != null) {
        out.add(u + ": " + why);
      }
    }
    return out;
  }

  /** Why one use is not covered, or null when it is. */
  static String uncoveredReason(Use u, Map<String, NativeMetadata> all) {
    NativeMetadata own = all.get(u.module());
    if (u.target().equals(UNKNOWN)) {
      return "not a literal: list it in the allow-list with a justification";
    }
    switch (u.kind()) {
      case SERVICE: {
        String file = "META-INF/services/" + u.target();
        if (own == null || !own.includesResource(file)) {
          return "resource-config.json of " + u.module() + " must include " + file;
        }
        List<String> problems = new ArrayList<>();
        for (NativeMetadata m : all.values()) {
          List<String> providers = m.services.get(u.target());
          if (providers != null) {
            problems.addAll(providerProblems(m, u.target(), providers));
          }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
      }
      case FOR_NAME:
      case PICOCLI:
      case REFLECT:
      case METHOD_HANDLE:
      case CLASS_LOADING:
        return reflectionCovered(u, all.values()) ? null : "no reflect-config.json entry covers " + u.target();
      case RESOURCE:
        for (NativeMetadata m : all.values()) {
          if ((m == own || m.resourceFiles.contains(u.target())) && m.includesResource(u.target())) {
            return null;
          }
        }
        return "no resource-config.json pattern of " + u.module() + " (or of the module holding it) includes " + u.target();
      case PROXY:
        List<String> ifaces = List.of(u.target().split(","));
        for (NativeMetadata m : all.values()) {
          if (m.proxies.contains(ifaces)) {
            return null;
          }
        }
        return "no proxy-config.json lists " + ifaces;
      default:
        return "cannot be covered by metadata (" + u.kind() + "): list it in the allow-list with a justification";
    }
  }

  /** What is wrong with one META-INF/services file's registration, empty when nothing is. */
  static List<String> providerProblems(NativeMetadata m, String service, Collection<String> providers) {
    List<String> out = new ArrayList<>();
    String file = "META-INF/services/" + service;
    if (!m.includesResource(file)) {
      out.add(m.module + " ships " + file + " but its resource-config.json does not include it");
    }
    for (String p : providers) {
      NativeMetadata.TypeEntry t = m.reflect.get(p);
      if (t == null || !t.hasConstructor("")) {
        out.add(m.module + " provides " + service + " with " + p + " but its reflect-config.json does not"
            + " register the public no-argument constructor of " + p);
      }
    }
    return out;
  }

  private static boolean reflectionCovered(Use u, Collection<NativeMetadata> all) {
    String t = u.target();
    for (NativeMetadata m : all) {
      if (m.reflect.containsKey(t)) {
        return true; // Class.forName / loadClass of a registered class
      }
      int dot = memberDot(t);
      if (dot < 0) {
        continue;
      }
      NativeMetadata.TypeEntry e = m.reflect.get(t.substring(0, dot));
      if (e == null) {
        continue;
      }
      String member = t.substring(dot + 1);
      if (member.startsWith("<init>")) {
        String params = member.equals("<init>") ? null : member.substring("<init>(".length(), member.length() - 1);
        if (params == null ? e.allConstructors || e.methodNames.contains("<init>") : e.hasConstructor(params)) {
          return true;
        }
      } else if (e.hasMethod(member) || e.hasField(member)) {
        return true;
      }
    }
    return false;
  }

  /** The '#' between class and member in "a.b.C#member" / "a.b.C#<init>()", or -1 for a class. */
  private static int memberDot(String target) {
    return target.indexOf('#');
  }
}
