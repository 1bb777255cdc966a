package dev.cairn.abi.codegen.internal;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.cairn.abi.codegen.CodegenException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Keccak256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;

/**
 * Builds the Java source of one contract binding from parsed ABI entries.
 *
 * <p>Everything is static: the class holds the parsed {@code Function}, {@code Event} and {@code
 * AbiError} objects in static finals and offers typed encode/decode methods. Members are emitted
 * in a fixed order (by kind, then by Java name), so the output depends only on the ABI content.
 */
public final class ContractGenerator {
  private static final String ABI = "dev.cairn.abi";
  static final ClassName ADDRESS = ClassName.get(ABI, "Address");
  static final ClassName TUPLE = ClassName.get(ABI, "Tuple");
  static final ClassName FUNCTION = ClassName.get(ABI, "Function");
  static final ClassName EVENT = ClassName.get(ABI, "Event");
  static final ClassName ABI_ERROR = ClassName.get(ABI, "AbiError");
  static final ClassName ABI_TYPES = ClassName.get(ABI, "AbiTypes");
  static final ClassName ABI_EXCEPTION = ClassName.get(ABI, "AbiException");
  static final ClassName DECODED_LOG = ClassName.get(ABI, "DecodedLog");
  static final ClassName INDEXED_HASH = ClassName.get(ABI, "IndexedHash");
  static final ClassName TOPIC_FILTER = ClassName.get(ABI, "TopicFilter");
  static final ClassName HEX = ClassName.get("dev.cairn.core.encoding", "Hex");
  static final ClassName BIG_INTEGER = ClassName.get("java.math", "BigInteger");
  static final ClassName LIST = ClassName.get("java.util", "List");
  static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");
  static final ClassName COLLECTORS = ClassName.get("java.util.stream", "Collectors");
  static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
  static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
  static final TypeName BYTES = ArrayTypeName.of(TypeName.BYTE);
  static final TypeName TOPICS = ParameterizedTypeName.get(LIST, BYTES);

  private final String source;
  private final String packageName;
  private final ClassName contract;
  private final List<AbiEntry> entries;

  /** Struct records by identity key, in first-seen order. */
  private final Map<String, StructDef> structs = new LinkedHashMap<>();
  /** Nested type simple names taken so far, with what took them. */
  private final Map<String, String> nestedNames = new HashMap<>();

  private boolean needChecked;
  private boolean needCheckedSize;

  /**
   * Creates a generator.
   *
   * @param source file name for messages and the header comment
   * @param packageName package of the generated class
   * @param className simple name of the generated class
   * @param entries parsed ABI entries
   */
  public ContractGenerator(
      String source, String packageName, String className, List<AbiEntry> entries) {
    this.source = source;
    this.packageName = packageName;
    this.contract = ClassName.get(packageName, className);
    this.entries = entries;
  }

  // ---------------------------------------------------------------------------------------------
  // model

  /** A resolved parameter. */
  private record Param(String solName, String javaName, SolType type, boolean indexed) {}

  /** A resolved function, event or error with its Java name. */
  private static final class Member {
    final AbiEntry entry;
    final List<Param> inputs;
    final List<Param> outputs;
    String javaName;

    Member(AbiEntry entry, List<Param> inputs, List<Param> outputs) {
      this.entry = entry;
      this.inputs = inputs;
      this.outputs = outputs;
    }

    String signature() {
      StringBuilder b = new StringBuilder(entry.name()).append('(');
      for (int i = 0; i < inputs.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        b.append(inputs.get(i).type().canonical());
      }
      return b.append(')').toString();
    }
  }

  private String where(AbiEntry e) {
    return source + ": " + e.describe();
  }

  private List<Param> params(List<dev.cairn.abi.Param> ps, String role, Set<String> reserved) {
    List<Param> out = new ArrayList<>();
    Set<String> used = new HashSet<>(reserved);
    for (int i = 0; i < ps.size(); i++) {
      dev.cairn.abi.Param p = ps.get(i);
      SolType t = SolType.of(p);
      String base = Names.variable(p.name(), (role.equals("output") ? "value" : "arg") + i);
      String name = base;
      for (int n = 2; !used.add(name); n++) {
        name = base + n;
      }
      out.add(new Param(p.name(), name, t, p.isIndexed()));
    }
    return out;
  }

  /** Resolves the Java names of one overload group (same Solidity name). */
  private void nameGroup(List<Member> group) {
    if (group.size() == 1) {
      group.get(0).javaName = group.get(0).entry.name();
      return;
    }
    Set<Integer> arities = new HashSet<>();
    boolean distinct = true;
    for (Member m : group) {
      distinct &= arities.add(m.inputs.size());
    }
    for (Member m : group) {
      if (distinct) {
        m.javaName = m.entry.name() + m.inputs.size();
      } else {
        StringBuilder b = new StringBuilder(m.entry.name());
        for (Param p : m.inputs) {
          b.append(typeWord(p.type()));
        }
        m.javaName = b.toString();
      }
    }
  }

  private static String typeWord(SolType t) {
    switch (t.kind()) {
      case ARRAY:
        return typeWord(t.element()) + "Array";
      case TUPLE:
        return "Tuple";
      default:
        return Names.capitalize(t.canonical());
    }
  }

  private List<Member> members(String kind) {
    Map<String, List<Member>> groups = new TreeMap<>();
    List<Member> all = new ArrayList<>();
    for (AbiEntry e : entries) {
      if (!e.kind().equals(kind)) {
        continue;
      }
      if (!Names.isIdentifier(e.name()) || e.name().indexOf('$') >= 0) {
        throw new CodegenException(where(e) + ": the name is not a usable Java identifier");
      }
      Set<String> reserved = kind.equals("function") ? Set.of(contract.simpleName()) : Set.of();
      Member m =
          new Member(
              e,
              params(e.inputs(), "input", reserved),
              params(e.outputs(), "output", Set.of()));
      groups.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(m);
      all.add(m);
    }
    Set<String> seenSignatures = new HashSet<>();
    for (Member m : all) {
      if (!seenSignatures.add(m.signature() + (m.entry.anonymous() ? " anonymous" : ""))) {
        throw new CodegenException(
            where(m.entry) + ": duplicate " + kind + " " + m.signature() + " in the ABI");
      }
    }
    for (List<Member> g : groups.values()) {
      nameGroup(g);
    }
    Map<String, Member> byJavaName = new HashMap<>();
    for (Member m : all) {
      Member prev = byJavaName.put(m.javaName, m);
      if (prev != null) {
        throw new CodegenException(
            where(m.entry)
                + ": its Java name '"
                + m.javaName
                + "' (from overload naming) clashes with "
                + prev.entry.describe());
      }
    }
    all.sort(Comparator.comparing((Member m) -> m.javaName));
    return all;
  }

  private void reserveNestedName(String simpleName, String owner) {
    if (simpleName.equals(contract.simpleName())) {
      throw new CodegenException(
          source + ": " + owner + " would generate a nested type named like the class itself ("
              + simpleName + "); choose another class name");
    }
    String prev = nestedNames.putIfAbsent(simpleName, owner);
    if (prev != null && !prev.equals(owner)) {
      throw new CodegenException(
          source + ": " + owner + " and " + prev + " both generate a nested type named " + simpleName);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // structs

  /** Collects the structs of the parameters {@code ps} of {@code entry}, in order. */
  private void collectStructs(List<Param> ps, AbiEntry entry) {
    if (ps.isEmpty()) {
      return; // entry may be null (no constructor)
    }
    String origin = where(entry);
    for (Param p : ps) {
      collectStructs(p.type(), origin, Names.capitalize(p.solName()), new ArrayList<>());
    }
  }

  private void collectStructs(SolType t, String origin, String fallbackName, List<SolType> seen) {
    if (t.kind() == SolType.Kind.ARRAY) {
      collectStructs(t.element(), origin, fallbackName, seen);
      return;
    }
    if (t.kind() != SolType.Kind.TUPLE) {
      return;
    }
    for (SolType.Component c : t.components()) {
      collectStructs(c.type(), origin, Names.capitalize(c.name()), seen);
    }
    seen.add(t);
    if (!structs.containsKey(structKey(t))) {
      structs.put(structKey(t), new StructDef(null, t, origin + "|" + fallbackName));
    }
  }

  private static String structKey(SolType t) {
    StringBuilder b = new StringBuilder();
    b.append(t.structName() == null ? "" : t.structName()).append('|').append(t.canonical());
    for (SolType.Component c : t.components()) {
      b.append('|').append(c.name());
    }
    return b.toString();
  }

  /** Assigns record names to all collected structs. */
  private void nameStructs() {
    // simple names of internalType structs, and how many qualified names share each
    Map<String, Set<String>> qualifiedBySimple = new HashMap<>();
    Map<String, String> shapeByQualified = new HashMap<>();
    for (StructDef d : structs.values()) {
      String q = d.type().structName();
      if (q != null) {
        qualifiedBySimple.computeIfAbsent(simpleStructName(q), k -> new HashSet<>()).add(q);
        String prev = shapeByQualified.putIfAbsent(q, d.type().canonical());
        if (prev != null && !prev.equals(d.type().canonical())) {
          throw new CodegenException(
              source + ": struct " + q + " appears with two different shapes: " + prev + " and "
                  + d.type().canonical());
        }
      }
    }
    Map<String, StructDef> named = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    for (Map.Entry<String, StructDef> en : structs.entrySet()) {
      StructDef d = en.getValue();
      String q = d.type().structName();
      String name;
      String owner;
      if (q != null) {
        String simple = simpleStructName(q);
        name = qualifiedBySimple.get(simple).size() > 1 ? identifierOf(q) : identifierOf(simple);
        owner = "struct " + q;
        if (!taken.add(name)) {
          // the same struct with different component names: keep the first, number the rest
          String base = name;
          for (int n = 2; !taken.add(name); n++) {
            name = base + n;
          }
        }
      } else {
        String origin = d.origin();
        String fallback = origin.substring(origin.indexOf('|') + 1);
        String base = fallback.isEmpty() ? "Struct" : identifierOf(fallback);
        if (base.isEmpty()) {
          base = "Struct";
        }
        name = base;
        for (int n = 2; !taken.add(name); n++) {
          name = base + n;
        }
        owner = "tuple " + d.type().canonical() + " (no internalType)";
      }
      reserveNestedName(name, owner);
      named.put(en.getKey(), new StructDef(contract.nestedClass(name), d.type(), owner));
    }
    structs.clear();
    structs.putAll(named);
  }

  private static String simpleStructName(String qualified) {
    int dot = qualified.lastIndexOf('.');
    return qualified.substring(dot + 1);
  }

  private static String identifierOf(String s) {
    StringBuilder b = new StringBuilder();
    boolean upper = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '_') {
        b.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
    if (b.length() > 0 && Character.isDigit(b.charAt(0))) {
      b.insert(0, 'S');
    }
    return b.toString();
  }

  private ClassName structClass(SolType t) {
    StructDef d = structs.get(structKey(t));
    if (d == null) {
      throw new IllegalStateException("struct not collected: " + t.canonical());
    }
    return d.className();
  }

  // ---------------------------------------------------------------------------------------------
  // type mapping and conversions

  /** The Java type for an ABI type (see docs/codegen.md, "Type mapping"). */
  TypeName javaType(SolType t) {
    switch (t.kind()) {
      case INT:
        if (t.bits() <= (t.signed() ? 32 : 24)) {
          return TypeName.INT;
        }
        if (t.bits() <= (t.signed() ? 64 : 56)) {
          return TypeName.LONG;
        }
        return BIG_INTEGER;
      case ADDRESS:
        return ADDRESS;
      case BOOL:
        return TypeName.BOOLEAN;
      case FIXED_BYTES:
      case BYTES:
      case FUNCTION:
        return BYTES;
      case STRING:
        return ClassName.get(String.class);
      case ARRAY:
        return ParameterizedTypeName.get(LIST, javaType(t.element()).box());
      case TUPLE:
        return structClass(t);
      default:
        throw new IllegalStateException(t.kind().toString());
    }
  }

  /** Java value of type {@link #javaType} from the runtime value {@code obj} (an Object). */
  private CodeBlock fromRuntime(SolType t, CodeBlock obj, int depth) {
    switch (t.kind()) {
      case INT: {
        TypeName jt = javaType(t);
        if (jt.equals(TypeName.INT)) {
          return CodeBlock.of("((Number) $L).intValue()", obj);
        }
        if (jt.equals(TypeName.LONG)) {
          return CodeBlock.of("((Number) $L).longValue()", obj);
        }
        return CodeBlock.of("($T) $L", BIG_INTEGER, obj);
      }
      case BOOL:
        return CodeBlock.of("(($T) $L).booleanValue()", Boolean.class, obj);
      case ARRAY: {
        String v = "e" + depth;
        CodeBlock inner = fromRuntime(t.element(), CodeBlock.of("$L", v), depth + 1);
        return CodeBlock.of(
            // not Collectors.toUnmodifiableList(): Android before API 33 lacks it (List.copyOf is
            // backported by D8), and generated code runs on Android too
            "(($T<?>) $L).stream().map($L -> $L).collect($T.collectingAndThen($T.toList(), $T::copyOf))",
            LIST, obj, v, inner, COLLECTORS, COLLECTORS, LIST);
      }
      case TUPLE:
        return CodeBlock.of("$T.fromTuple(($T) $L)", structClass(t), TUPLE, obj);
      default:
        return CodeBlock.of("($T) $L", javaType(t), obj);
    }
  }

  /**
   * Runtime value (for {@code Tuple.of}/{@code encodeCall}) from the Java value {@code val}:
   * records become tuples, fixed-size lists are size-checked; anything else is passed as is (the
   * runtime codec range-checks numbers and rejects nulls).
   */
  private CodeBlock toRuntime(SolType t, CodeBlock val, String label, int depth) {
    if (t.kind() == SolType.Kind.TUPLE) {
      needChecked = true;
      return CodeBlock.of("checked($L, $S).toTuple()", val, label);
    }
    if (t.kind() != SolType.Kind.ARRAY || !(t.containsTuple() || t.containsFixedArray())) {
      return val;
    }
    CodeBlock list;
    if (t.length() >= 0) {
      needCheckedSize = true;
      list = CodeBlock.of("checkedSize($L, $L, $S)", val, t.length(), label);
    } else {
      needChecked = true;
      list = CodeBlock.of("checked($L, $S)", val, label);
    }
    SolType el = t.element();
    if (!(el.containsTuple() || el.containsFixedArray())) {
      return list;
    }
    String v = "e" + depth;
    CodeBlock inner = toRuntime(el, CodeBlock.of("$L", v), label + "[]", depth + 1);
    return CodeBlock.of(
        "$L.stream().map($L -> $L).collect($T.toList())", list, v, inner, COLLECTORS);
  }

  /** Whether the Java value holds byte arrays directly or in (nested) lists, not in records. */
  private static boolean hasByteArrayDeep(SolType t) {
    return t.kind() == SolType.Kind.ARRAY ? hasByteArrayDeep(t.element()) : hasByteArray(t);
  }

  private static boolean hasByteArray(SolType t) {
    switch (t.kind()) {
      case FIXED_BYTES:
      case BYTES:
      case FUNCTION:
        return true;
      default:
        return false;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // signatures for the runtime parsers

  private static String typeList(List<Param> ps, boolean withIndexed) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < ps.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(ps.get(i).type().canonical());
      if (withIndexed && ps.get(i).indexed()) {
        b.append(" indexed");
      }
    }
    return b.toString();
  }

  private static String functionFragment(Member m) {
    StringBuilder b = new StringBuilder("function ");
    b.append(m.entry.name()).append('(').append(typeList(m.inputs, false)).append(')');
    String mut = m.entry.stateMutability();
    if (mut.equals("view") || mut.equals("pure") || mut.equals("payable")) {
      b.append(' ').append(mut);
    }
    if (!m.outputs.isEmpty()) {
      b.append(" returns (").append(typeList(m.outputs, false)).append(')');
    }
    return b.toString();
  }

  private static String eventFragment(Member m) {
    return "event "
        + m.entry.name()
        + "("
        + typeList(m.inputs, true)
        + ")"
        + (m.entry.anonymous() ? " anonymous" : "");
  }

  private static String errorFragment(Member m) {
    return "error " + m.entry.name() + "(" + typeList(m.inputs, false) + ")";
  }

  private static String keccakHex(String signature, int bytes) {
    byte[] h = Keccak256.hash(signature.getBytes(StandardCharsets.UTF_8));
    return "0x" + Hex.encode(h, 0, bytes);
  }

  // ---------------------------------------------------------------------------------------------
  // generation

  /**
   * Generates the Java file.
   *
   * @throws CodegenException naming the file and entry when the ABI cannot be bound
   */
  public JavaFile generate() {
    List<Member> functions = members("function");
    List<Member> events = members("event");
    List<Member> errors = members("error");
    AbiEntry ctor = null;
    for (AbiEntry e : entries) {
      if (e.kind().equals("constructor")) {
        ctor = e;
      }
    }
    List<Param> ctorParams = ctor == null ? List.of() : params(ctor.inputs(), "input", Set.of());

    for (Member m : functions) {
      collectStructs(m.inputs, m.entry);
      collectStructs(m.outputs, m.entry);
    }
    for (Member m : events) {
      // indexed structs too: the topic filter takes them as records
      collectStructs(m.inputs, m.entry);
    }
    for (Member m : errors) {
      collectStructs(m.inputs, m.entry);
    }
    collectStructs(ctorParams, ctor);
    nameStructs();

    TypeSpec.Builder cls =
        TypeSpec.classBuilder(contract)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(
                "Typed bindings for the contract ABI in {@code $L}.\n\n"
                    + "<p>Generated by Cairn abi-codegen; do not edit. All members are static: the"
                    + " parsed\nfunctions, events and errors are held in static finals and parsed"
                    + " once.\n",
                source);
    cls.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());

    List<TypeSpec> structTypes = new ArrayList<>();
    List<StructDef> sortedStructs = new ArrayList<>(structs.values());
    sortedStructs.sort(Comparator.comparing(d -> d.className().simpleName()));
    for (StructDef d : sortedStructs) {
      structTypes.add(structRecord(d));
    }

    List<FieldSpec> fields = new ArrayList<>();
    List<MethodSpec> methods = new ArrayList<>();
    List<TypeSpec> nested = new ArrayList<>(structTypes);

    if (ctor != null && !ctorParams.isEmpty()) {
      methods.add(constructorEncoder(ctorParams));
    }
    for (Member m : functions) {
      function(m, fields, methods, nested);
    }
    for (Member m : events) {
      event(m, fields, methods, nested);
    }
    if (!errors.isEmpty()) {
      errors(errors, fields, methods, nested);
    }
    if (needChecked || needCheckedSize) {
      methods.add(checkedHelper());
    }
    if (needCheckedSize) {
      methods.add(checkedSizeHelper());
    }
    cls.addFields(fields);
    cls.addMethods(methods);
    cls.addTypes(nested);
    return JavaFile.builder(packageName, cls.build())
        .addFileComment("Generated by Cairn abi-codegen from $L. Do not edit.", source)
        .indent("  ")
        .skipJavaLangImports(true)
        .build();
  }

  private TypeSpec structRecord(StructDef d) {
    SolType t = d.type();
    List<Param> comps = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (int i = 0; i < t.components().size(); i++) {
      SolType.Component c = t.components().get(i);
      String base = Names.variable(c.name(), "field" + i);
      String name = base;
      for (int n = 2; !used.add(name); n++) {
        name = base + n;
      }
      comps.add(new Param(c.name(), name, c.type(), false));
    }
    String doc =
        "The Solidity "
            + (t.structName() == null ? "tuple {@code " + t.canonical() + "}" : "struct {@code " + t.structName() + "}")
            + " (ABI type {@code "
            + t.canonical()
            + "}).\n";
    return recordOf(d.className(), comps, doc, null, true);
  }

  /**
   * A record with {@code fromTuple}/{@code toTuple} and, when a component is a byte array,
   * content-based equals/hashCode/toString.
   */
  private TypeSpec recordOf(
      ClassName name, List<Param> comps, String doc, ClassName iface, boolean withToTuple) {
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
    StringBuilder javadoc = new StringBuilder(doc).append('\n');
    for (Param p : comps) {
      ctor.addParameter(javaType(p.type()), p.javaName());
      javadoc
          .append("@param ")
          .append(p.javaName())
          .append(" ")
          .append(p.solName().isEmpty() ? "component" : "{@code " + p.solName() + "}")
          .append(" ({@code ")
          .append(p.type().canonical())
          .append("})\n");
    }
    TypeSpec.Builder rec =
        TypeSpec.recordBuilder(name)
            .addModifiers(Modifier.PUBLIC)
            .recordConstructor(ctor.build())
            .addJavadoc("$L", javadoc.toString());
    if (iface != null) {
      rec.addSuperinterface(iface);
    }
    CodeBlock.Builder from = CodeBlock.builder().add("return new $T(", name);
    for (int i = 0; i < comps.size(); i++) {
      if (i > 0) {
        from.add(", ");
      }
      from.add(fromRuntime(comps.get(i).type(), CodeBlock.of("tuple.get($L)", i), 0));
    }
    from.add(")");
    rec.addMethod(
        MethodSpec.methodBuilder("fromTuple")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addJavadoc(
                "Converts a decoded tuple.\n\n@param tuple the runtime value\n@return the record\n")
            .returns(name)
            .addParameter(TUPLE, "tuple")
            .addStatement("$L", from.build())
            .build());
    if (withToTuple) {
      CodeBlock.Builder to = CodeBlock.builder().add("return $T.of(", TUPLE);
      for (int i = 0; i < comps.size(); i++) {
        if (i > 0) {
          to.add(", ");
        }
        Param p = comps.get(i);
        to.add(
            toRuntime(p.type(), CodeBlock.of("$N", p.javaName()), name.simpleName() + "." + p.javaName(), 0));
      }
      to.add(")");
      rec.addMethod(
          MethodSpec.methodBuilder("toTuple")
              .addModifiers(Modifier.PUBLIC)
              .addJavadoc("Converts this record to its runtime tuple.\n\n@return the tuple\n")
              .returns(TUPLE)
              .addStatement("$L", to.build())
              .build());
    }
    boolean bytes = false;
    for (Param p : comps) {
      bytes |= hasByteArrayDeep(p.type());
    }
    if (bytes) {
      addContentEquality(rec, name, comps);
    }
    return rec.build();
  }

  private void addContentEquality(TypeSpec.Builder rec, ClassName name, List<Param> comps) {
    CodeBlock.Builder eq = CodeBlock.builder().add("return o instanceof $T other", name);
    CodeBlock.Builder hash = CodeBlock.builder().add("int h = 1;\n");
    CodeBlock.Builder str = CodeBlock.builder().add("return $S", name.simpleName() + "[");
    for (int i = 0; i < comps.size(); i++) {
      Param p = comps.get(i);
      String n = p.javaName();
      TypeName jt = javaType(p.type());
      String label = (i > 0 ? ", " : "") + n + "=";
      if (p.type().kind() == SolType.Kind.ARRAY && hasByteArrayDeep(p.type())) {
        // lists holding byte arrays: the runtime Tuple compares and hashes them by content
        eq.add(
            "\n    && ($N == null ? other.$N == null : other.$N != null && $T.of($N).equals($T.of(other.$N)))",
            n, n, n, TUPLE, n, TUPLE, n);
        hash.add("h = 31 * h + ($N == null ? 0 : $T.of($N).hashCode());\n", n, TUPLE, n);
        str.add(" + $S + $N", label, n);
      } else if (hasByteArray(p.type())) {
        eq.add("\n    && $T.equals($N, other.$N)", ARRAYS, n, n);
        hash.add("h = 31 * h + $T.hashCode($N);\n", ARRAYS, n);
        str.add(" + $S + ($N == null ? $S : $T.encodePrefixed($N))", label, n, "null", HEX, n);
      } else if (jt.isPrimitive()) {
        eq.add("\n    && $N == other.$N", n, n);
        hash.add("h = 31 * h + $T.hashCode($N);\n", jt.box(), n);
        str.add(" + $S + $N", label, n);
      } else {
        eq.add("\n    && $T.equals($N, other.$N)", OBJECTS, n, n);
        hash.add("h = 31 * h + $T.hashCode($N);\n", OBJECTS, n);
        str.add(" + $S + $N", label, n);
      }
    }
    str.add(" + $S", "]");
    CodeBlock eqBlock = eq.build();
    rec.addMethod(
        MethodSpec.methodBuilder("equals")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(TypeName.BOOLEAN)
            .addParameter(Object.class, "o")
            .addJavadoc("Compares by content, byte arrays included.\n")
            .addStatement("$L", eqBlock)
            .build());
    rec.addMethod(
        MethodSpec.methodBuilder("hashCode")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(TypeName.INT)
            .addJavadoc("Hash of the content, byte arrays included.\n")
            .addCode(hash.build())
            .addStatement("return h")
            .build());
    rec.addMethod(
        MethodSpec.methodBuilder("toString")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addJavadoc("The components, byte arrays in hex.\n")
            .addStatement("$L", str.build())
            .build());
  }

  private MethodSpec constructorEncoder(List<Param> params) {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("encodeConstructorArgs")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(BYTES)
            .addJavadoc(
                "ABI-encodes the constructor arguments (to append to the creation bytecode).\n\n");
    CodeBlock.Builder types = CodeBlock.builder();
    CodeBlock.Builder args = CodeBlock.builder();
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      m.addParameter(javaType(p.type()), p.javaName());
      m.addJavadoc("@param $L {@code $L}\n", p.javaName(), p.type().canonical());
      if (i > 0) {
        types.add(", ");
        args.add(", ");
      }
      types.add("$S", p.type().canonical());
      args.add(toRuntime(p.type(), CodeBlock.of("$N", p.javaName()), p.javaName(), 0));
    }
    m.addJavadoc("@return the encoded arguments\n");
    m.addStatement(
        "return $T.tuple($L).encode($T.of($L))", ABI_TYPES, types.build(), TUPLE, args.build());
    return m.build();
  }

  /** {@code public static final TYPE name = TYPE.parse("fragment");} documented by its fragment. */
  private static FieldSpec fragmentConstant(ClassName type, String name, String fragment) {
    return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("{@code $L}.\n", fragment)
        .initializer("$T.parse($S)", type, fragment)
        .build();
  }

  /**
   * A hex string constant: the first {@code bytes} bytes of the Keccak-256 of {@code sig}, documented
   * by {@code javadoc} (whose {@code $L} is the signature).
   */
  private static FieldSpec hashConstant(String name, String javadoc, String sig, int bytes) {
    return FieldSpec.builder(String.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(javadoc, sig)
        .initializer("$S", keccakHex(sig, bytes))
        .build();
  }

  private void function(
      Member m, List<FieldSpec> fields, List<MethodSpec> methods, List<TypeSpec> nested) {
    String constant = "FUNCTION_" + Names.upperSnake(m.javaName);
    String sig = m.signature();
    fields.add(fragmentConstant(FUNCTION, constant, functionFragment(m)));
    fields.add(
        hashConstant(
            constant + "_SELECTOR",
            "Selector of {@code $L}: the first 4 bytes of its Keccak-256, in hex.\n",
            sig,
            4));
    String cap = Names.capitalize(m.javaName);
    MethodSpec.Builder enc =
        MethodSpec.methodBuilder("encode" + cap)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(BYTES)
            .addJavadoc("Call data for {@code $L}: selector and ABI-encoded arguments.\n\n", sig);
    CodeBlock.Builder args = CodeBlock.builder();
    for (int i = 0; i < m.inputs.size(); i++) {
      Param p = m.inputs.get(i);
      enc.addParameter(javaType(p.type()), p.javaName());
      enc.addJavadoc(
          "@param $L $L({@code $L})\n",
          p.javaName(),
          p.solName().isEmpty() ? "" : "{@code " + p.solName() + "} ",
          p.type().canonical());
      if (i > 0) {
        args.add(", ");
      }
      args.add(toRuntime(p.type(), CodeBlock.of("$N", p.javaName()), p.javaName(), 0));
    }
    enc.addJavadoc("@return the call data\n");
    enc.addStatement("return $N.encodeCall($T.of($L))", constant, TUPLE, args.build());
    methods.add(enc.build());

    if (!m.inputs.isEmpty()) {
      MethodSpec.Builder decCall =
          MethodSpec.methodBuilder("decode" + cap + "Call")
              .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
              .addParameter(BYTES, "callData")
              .addJavadoc("Decodes call data of {@code $L} (checks the selector).\n\n", sig)
              .addJavadoc("@param callData selector and encoded arguments\n");
      if (m.inputs.size() == 1) {
        SolType t = m.inputs.get(0).type();
        decCall
            .returns(javaType(t))
            .addJavadoc("@return the argument\n")
            .addStatement(
                "return $L",
                fromRuntime(t, CodeBlock.of("$N.decodeCall(callData).get(0)", constant), 0));
      } else {
        ClassName call = contract.nestedClass(cap + "Call");
        reserveNestedName(call.simpleName(), "inputs of " + m.entry.describe());
        nested.add(recordOf(call, m.inputs, "The arguments of {@code " + sig + "}.\n", null, false));
        decCall
            .returns(call)
            .addJavadoc("@return the arguments\n")
            .addStatement("return $T.fromTuple($N.decodeCall(callData))", call, constant);
      }
      decCall.addJavadoc(
          "@throws dev.cairn.core.encoding.DecodingException if the selector differs or the"
              + " arguments do not decode\n");
      methods.add(decCall.build());
    }

    if (m.outputs.isEmpty()) {
      return;
    }
    MethodSpec.Builder dec =
        MethodSpec.methodBuilder("decode" + cap + "Result")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addParameter(BYTES, "returnData")
            .addJavadoc("Decodes the return data of {@code $L}.\n\n", sig)
            .addJavadoc("@param returnData the bytes {@code eth_call} returned\n");
    if (m.outputs.size() == 1) {
      SolType t = m.outputs.get(0).type();
      dec.returns(javaType(t))
          .addJavadoc("@return the {@code $L} result\n", t.canonical())
          .addStatement(
              "return $L",
              fromRuntime(t, CodeBlock.of("$N.decodeReturn(returnData).get(0)", constant), 0));
    } else {
      ClassName result = contract.nestedClass(cap + "Result");
      reserveNestedName(result.simpleName(), "outputs of " + m.entry.describe());
      nested.add(
          recordOf(
              result,
              m.outputs,
              "The outputs of {@code " + sig + "}.\n",
              null,
              false));
      dec.returns(result)
          .addJavadoc("@return the outputs\n")
          .addStatement("return $T.fromTuple($N.decodeReturn(returnData))", result, constant);
    }
    dec.addJavadoc(
        "@throws dev.cairn.core.encoding.DecodingException if the data is not a valid encoding\n");
    methods.add(dec.build());
  }

  /** Whether an indexed parameter of this type is stored as a Keccak-256 hash in its topic. */
  private static boolean hashedInTopic(SolType t) {
    switch (t.kind()) {
      case BYTES:
      case STRING:
      case ARRAY:
      case TUPLE:
        return true;
      default:
        return false;
    }
  }

  private void event(
      Member m, List<FieldSpec> fields, List<MethodSpec> methods, List<TypeSpec> nested) {
    String constant = "EVENT_" + Names.upperSnake(m.javaName);
    String sig = m.signature();
    fields.add(fragmentConstant(EVENT, constant, eventFragment(m)));
    if (!m.entry.anonymous()) {
      fields.add(
          hashConstant(
              constant + "_TOPIC", "Topic 0 of {@code $L}: its Keccak-256, in hex.\n", sig, 32));
    }
    String cap = Names.capitalize(m.javaName);
    ClassName rec = contract.nestedClass(cap + "Event");
    reserveNestedName(rec.simpleName(), m.entry.describe());

    // record components: indexed dynamic values are only available as their topic hash
    List<Param> comps = new ArrayList<>();
    for (Param p : m.inputs) {
      if (p.indexed() && hashedInTopic(p.type())) {
        comps.add(new Param(p.solName(), p.javaName(), SolType.bytes32(), true));
      } else {
        comps.add(p);
      }
    }
    StringBuilder doc = new StringBuilder("The event {@code " + sig + "}");
    doc.append(m.entry.anonymous() ? " (anonymous).\n" : ".\n");
    boolean anyHashed = false;
    for (Param p : m.inputs) {
      anyHashed |= p.indexed() && hashedInTopic(p.type());
    }
    if (anyHashed) {
      doc.append(
          "\n<p>Indexed parameters of dynamic or composite type (string, bytes, arrays, structs)"
              + " are\nstored as their Keccak-256 hash in the topic; their components hold that"
              + " 32-byte hash.\n");
    }
    nested.add(recordOf(rec, comps, doc.toString(), null, false));

    MethodSpec.Builder dec =
        MethodSpec.methodBuilder("decode" + cap + "Event")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(rec)
            .addParameter(TOPICS, "topics")
            .addParameter(BYTES, "data")
            .addJavadoc("Decodes a {@code $L} log.\n\n", sig)
            .addJavadoc("@param topics the log topics$L\n", m.entry.anonymous() ? "" : " (topic 0 included)")
            .addJavadoc("@param data the log data\n@return the event\n")
            .addJavadoc(
                "@throws dev.cairn.core.encoding.DecodingException if the log does not match the"
                    + " event\n")
            .addStatement("$T log = $N.decodeLog(topics, data)", DECODED_LOG, constant);
    CodeBlock.Builder args = CodeBlock.builder();
    for (int i = 0; i < m.inputs.size(); i++) {
      if (i > 0) {
        args.add(", ");
      }
      Param p = m.inputs.get(i);
      if (p.indexed() && hashedInTopic(p.type())) {
        args.add("(($T) log.get($L)).hash()", INDEXED_HASH, i);
      } else {
        args.add(fromRuntime(p.type(), CodeBlock.of("log.get($L)", i), 0));
      }
    }
    dec.addStatement("return new $T($L)", rec, args.build());
    methods.add(dec.build());

    // topic filter builder
    MethodSpec.Builder filter =
        MethodSpec.methodBuilder("filter" + cap + "Event")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(TOPIC_FILTER)
            .addJavadoc(
                "A topic filter ({@code eth_getLogs}, subscriptions) for {@code $L} logs.\n"
                    + "A {@code null} argument matches any value at its position; strings, bytes,"
                    + " arrays and structs\nare hashed as the log stores them.\n\n",
                sig);
    CodeBlock.Builder values = CodeBlock.builder();
    boolean first = true;
    for (Param p : m.inputs) {
      if (!p.indexed()) {
        continue;
      }
      String n = p.javaName();
      TypeName jt = javaType(p.type()).box();
      filter.addParameter(jt, n);
      filter.addJavadoc("@param $L {@code $L}, or null for any\n", n, p.type().canonical());
      if (!first) {
        values.add(", ");
      }
      first = false;
      CodeBlock conv = toRuntime(p.type(), CodeBlock.of("$N", n), n, 0);
      if (conv.toString().equals(n)) {
        values.add("$N", n);
      } else {
        values.add("$N == null ? null : $L", n, conv);
      }
    }
    filter.addJavadoc("@return the filter\n");
    if (first) {
      filter.addStatement("return $N.topicFilter()", constant);
    } else {
      filter.addStatement("return $N.topicFilter($L)", constant, values.build());
    }
    methods.add(filter.build());
  }

  private void errors(
      List<Member> errors, List<FieldSpec> fields, List<MethodSpec> methods, List<TypeSpec> nested) {
    ClassName iface = contract.nestedClass("CustomError");
    reserveNestedName(iface.simpleName(), "the custom error interface");
    TypeSpec.Builder sealed =
        TypeSpec.interfaceBuilder(iface)
            .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
            .addJavadoc("A custom error of this contract, decoded from revert data.\n");
    List<TypeSpec> records = new ArrayList<>();
    MethodSpec.Builder dispatch =
        MethodSpec.methodBuilder("decodeError")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(ParameterizedTypeName.get(OPTIONAL, iface))
            .addParameter(BYTES, "revertData")
            .addJavadoc(
                "Decodes revert data as one of this contract's custom errors, chosen by its"
                    + " selector.\n\n"
                    + "@param revertData the revert data (selector and arguments)\n"
                    + "@return the error, or empty if the data is shorter than a selector or the"
                    + " selector is none\n        of this contract's errors\n"
                    + "@throws dev.cairn.core.encoding.DecodingException if the selector matches but"
                    + " the arguments do\n        not decode\n")
            .beginControlFlow("if (revertData == null || revertData.length < 4)")
            .addStatement("return $T.empty()", OPTIONAL)
            .endControlFlow()
            .beginControlFlow("switch ($S + $T.encode(revertData, 0, 4))", "0x", HEX);
    for (Member m : errors) {
      String constant = "ERROR_" + Names.upperSnake(m.javaName);
      String sig = m.signature();
      fields.add(fragmentConstant(ABI_ERROR, constant, errorFragment(m)));
      fields.add(
          hashConstant(constant + "_SELECTOR", "Selector of {@code $L}, in hex.\n", sig, 4));
      String cap = Names.capitalize(m.javaName);
      String recName = cap.endsWith("Error") ? cap : cap + "Error";
      ClassName rec = contract.nestedClass(recName);
      reserveNestedName(recName, m.entry.describe());
      records.add(recordOf(rec, m.inputs, "The custom error {@code " + sig + "}.\n", iface, false));
      sealed.addPermittedSubclass(rec);
      String decName = "decode" + recName;
      MethodSpec.Builder dec =
          MethodSpec.methodBuilder(decName)
              .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
              .returns(rec)
              .addParameter(BYTES, "revertData")
              .addJavadoc("Decodes revert data as {@code $L}.\n\n", sig)
              .addJavadoc("@param revertData the revert data (selector and arguments)\n@return the error\n")
              .addJavadoc(
                  "@throws dev.cairn.core.encoding.DecodingException if the data is not this"
                      + " error\n");
      dec.addStatement("return $T.fromTuple($N.decode(revertData))", rec, constant);
      methods.add(dec.build());
      dispatch.addCode("case $S:\n", keccakHex(sig, 4));
      dispatch.addStatement("$>return $T.of($N(revertData))$<", OPTIONAL, decName);
    }
    dispatch.addCode("default:\n").addStatement("$>return $T.empty()$<", OPTIONAL);
    dispatch.endControlFlow();
    methods.add(dispatch.build());
    nested.add(sealed.build());
    nested.addAll(records);
  }

  private MethodSpec checkedHelper() {
    TypeVariableName t = TypeVariableName.get("T");
    return MethodSpec.methodBuilder("checked")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addTypeVariable(t)
        .returns(t)
        .addParameter(t, "value")
        .addParameter(String.class, "name")
        .beginControlFlow("if (value == null)")
        .addStatement(
            "throw new $T($T.Reason.INVALID_VALUE, name + $S)", ABI_EXCEPTION, ABI_EXCEPTION, ": null")
        .endControlFlow()
        .addStatement("return value")
        .build();
  }

  private MethodSpec checkedSizeHelper() {
    TypeVariableName t = TypeVariableName.get("T");
    return MethodSpec.methodBuilder("checkedSize")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addTypeVariable(t)
        .returns(ParameterizedTypeName.get(LIST, t))
        .addParameter(ParameterizedTypeName.get(LIST, t), "list")
        .addParameter(TypeName.INT, "size")
        .addParameter(String.class, "name")
        .beginControlFlow("if (list == null)")
        .addStatement(
            "throw new $T($T.Reason.INVALID_VALUE, name + $S)", ABI_EXCEPTION, ABI_EXCEPTION, ": null")
        .endControlFlow()
        .beginControlFlow("if (list.size() != size)")
        .addStatement(
            "throw new $T($T.Reason.INVALID_VALUE, name + $S + size + $S + list.size())",
            ABI_EXCEPTION, ABI_EXCEPTION, ": expected ", " elements, got ")
        .endControlFlow()
        .addStatement("return list")
        .build();
  }

}
