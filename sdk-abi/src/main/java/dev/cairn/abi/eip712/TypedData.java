package dev.cairn.abi.eip712;

import dev.cairn.abi.AbiException;
import dev.cairn.abi.Address;
import dev.cairn.abi.eip712.internal.FieldType;
import dev.cairn.abi.eip712.internal.JsonTree;
import dev.cairn.abi.eip712.internal.Values;
import dev.cairn.core.hash.Keccak256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * EIP-712 typed structured data: the JSON that {@code eth_signTypedData_v4} takes, its type
 * encoding and the hashes that get signed.
 *
 * <p>An instance holds the struct types (including {@code EIP712Domain}), the primary type, the
 * domain and the message. It is immutable; construction validates the types (every member type
 * declared, no cycles, bounded nesting) and the values (every field present and in range), so
 * {@link #digest()} cannot fail afterwards. Errors are {@link AbiException}s whose message names
 * the path of the offending value, such as {@code message.to.wallet} or {@code
 * message.items[2].amount}, or the offending type, such as {@code types.Mail.to}.
 *
 * <p>When {@code types} declares no {@code EIP712Domain}, it is derived from the domain fields
 * present (non-null), in the order {@code name, version, chainId, verifyingContract, salt}, as
 * viem and ethers do; other domain keys are then rejected. When it is declared, its fields are used
 * in the declared order and domain keys it does not declare are ignored, like message keys that
 * the struct type does not declare.
 *
 * <p>Values may be given as JSON values (numbers, decimal or {@code 0x} hex strings for integers,
 * {@code 0x} hex for bytes, address strings in lower, upper or EIP-55 mixed case) or, through
 * {@link #of}, as Java values: any {@link Number}, {@link Address}, {@code byte[]}, {@link
 * Boolean}, {@link String}, {@code List}/{@code Object[]} for arrays and {@code Map<String, ?>} for
 * structs.
 */
public final class TypedData {
  /** The name of the domain struct type. */
  public static final String DOMAIN_TYPE = "EIP712Domain";

  /**
   * The deepest nesting accepted: of JSON in {@link #parseJson}, and of struct references plus
   * array dimensions in a type.
   */
  public static final int MAX_DEPTH = 32;

  private static final String[][] DOMAIN_FIELDS = {
    {"name", "string"},
    {"version", "string"},
    {"chainId", "uint256"},
    {"verifyingContract", "address"},
    {"salt", "bytes32"}
  };

  /**
   * One member of a struct type.
   *
   * @param name the member name (letters, digits, {@code _}, {@code $})
   * @param type the member type: an atomic or dynamic type, a struct name, or an array of these
   */
  public record Field(String name, String type) {
    /** Checks that neither component is null. */
    public Field {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
      return type + " " + name;
    }
  }

  private final Map<String, List<Field>> types;
  private final Map<String, FieldType[]> parsed;
  private final Map<String, String> encodedTypes;
  private final Map<String, byte[]> typeHashes;
  private final String primaryType;
  private final Map<String, Object> domain;
  private final Map<String, Object> message;
  private final byte[] domainSeparator;
  private final byte[] messageHash;

  private TypedData(
      Map<String, List<Field>> declared,
      String primaryType,
      Map<String, Object> domain,
      Map<String, Object> message) {
    if (primaryType == null || primaryType.isEmpty()) {
      throw new AbiException(AbiException.Reason.INVALID_TYPE, "primaryType: missing");
    }
    this.domain = domain == null ? Map.of() : domain;
    Map<String, List<Field>> all = new LinkedHashMap<>();
    if (!declared.containsKey(DOMAIN_TYPE)) {
      all.put(DOMAIN_TYPE, inferDomainType(this.domain));
    }
    all.putAll(declared);
    this.types = Collections.unmodifiableMap(all);
    this.parsed = parseTypes(all);
    checkAcyclic();
    this.encodedTypes = new HashMap<>();
    this.typeHashes = new HashMap<>();
    for (String t : all.keySet()) {
      String enc = buildEncodeType(t);
      encodedTypes.put(t, enc);
      typeHashes.put(t, Keccak256.hash(enc.getBytes(StandardCharsets.UTF_8)));
    }
    if (!all.containsKey(primaryType)) {
      throw new AbiException(
          AbiException.Reason.INVALID_TYPE,
          "primaryType: '" + primaryType + "' is not declared in types");
    }
    this.primaryType = primaryType;
    this.domainSeparator = hashStruct(DOMAIN_TYPE, this.domain, "domain");
    if (DOMAIN_TYPE.equals(primaryType)) {
      this.message = message == null ? Map.of() : message;
      this.messageHash = null;
    } else {
      if (message == null) {
        throw new AbiException(AbiException.Reason.INVALID_VALUE, "message: missing");
      }
      this.message = message;
      this.messageHash = hashStruct(primaryType, message, "message");
    }
  }

  /**
   * Parses typed data in the JSON form of {@code eth_signTypedData_v4}: an object with {@code
   * types} (struct name to a list of {@code {"name", "type"}}), {@code primaryType}, {@code domain}
   * (optional: an empty domain when absent) and {@code message} (optional only when {@code
   * primaryType} is {@code EIP712Domain}). Other top-level keys are ignored.
   *
   * @param json the JSON text
   * @return the validated typed data
   * @throws AbiException PARSE for malformed JSON (with the character position), INVALID_TYPE for
   *     bad types, INVALID_VALUE for bad values; messages name the path
   */
  public static TypedData parseJson(String json) {
    Object root = JsonTree.parse(json, MAX_DEPTH);
    if (!(root instanceof Map<?, ?> top)) {
      throw new AbiException(AbiException.Reason.INVALID_VALUE, "typed data: not a JSON object");
    }
    Object typesNode = top.get("types");
    if (!(typesNode instanceof Map<?, ?> typesMap)) {
      throw new AbiException(AbiException.Reason.INVALID_TYPE, "types: missing or not an object");
    }
    Map<String, List<Field>> declared = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : typesMap.entrySet()) {
      String typeName = (String) e.getKey();
      String where = "types." + typeName;
      if (!(e.getValue() instanceof List<?> members)) {
        throw new AbiException(AbiException.Reason.INVALID_TYPE, where + ": not a JSON array");
      }
      List<Field> fields = new ArrayList<>(members.size());
      for (int i = 0; i < members.size(); i++) {
        if (!(members.get(i) instanceof Map<?, ?> m)
            || !(m.get("name") instanceof String name)
            || !(m.get("type") instanceof String type)) {
          throw new AbiException(
              AbiException.Reason.INVALID_TYPE,
              where + "[" + i + "]: expected {\"name\": string, \"type\": string}");
        }
        fields.add(new Field(name, type));
      }
      declared.put(typeName, fields);
    }
    Object pt = top.get("primaryType");
    if (!(pt instanceof String primary)) {
      throw new AbiException(
          AbiException.Reason.INVALID_TYPE, "primaryType: missing or not a string");
    }
    Object d = top.get("domain");
    if (d != null && !(d instanceof Map)) {
      throw new AbiException(AbiException.Reason.INVALID_VALUE, "domain: not a JSON object");
    }
    Object m = top.get("message");
    if (m != null && !(m instanceof Map)) {
      throw new AbiException(AbiException.Reason.INVALID_VALUE, "message: not a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> domain = (Map<String, Object>) d;
    @SuppressWarnings("unchecked")
    Map<String, Object> message = (Map<String, Object>) m;
    return new TypedData(declared, primary, domain, message);
  }

  /**
   * Builds typed data from Java values. The maps and lists are copied, so later changes to them do
   * not affect the result.
   *
   * @param types struct types by name; {@code EIP712Domain} may be omitted (then derived from the
   *     domain)
   * @param primaryType the type of {@code message}
   * @param domain the domain values (null: empty domain)
   * @param message the message values (may be null only when {@code primaryType} is {@code
   *     EIP712Domain})
   * @return the validated typed data
   * @throws AbiException INVALID_TYPE for bad types, INVALID_VALUE for bad values
   */
  public static TypedData of(
      Map<String, List<Field>> types,
      String primaryType,
      Map<String, ?> domain,
      Map<String, ?> message) {
    Objects.requireNonNull(types, "types");
    Map<String, List<Field>> copy = new LinkedHashMap<>();
    for (Map.Entry<String, List<Field>> e : types.entrySet()) {
      copy.put(e.getKey(), List.copyOf(e.getValue()));
    }
    return new TypedData(
        copy, primaryType, Values.snapshot(domain, 0), Values.snapshot(message, 0));
  }

  /** The struct types by name, in declaration order, including {@code EIP712Domain}. */
  public Map<String, List<Field>> types() {
    return types;
  }

  /** The primary type, the type of {@link #message()}. */
  public String primaryType() {
    return primaryType;
  }

  /** The domain values (unmodifiable; may be empty). */
  public Map<String, Object> domain() {
    return domain;
  }

  /** The message values (unmodifiable; empty when the primary type is {@code EIP712Domain}). */
  public Map<String, Object> message() {
    return message;
  }

  /**
   * {@code encodeType} of a declared struct type: the type itself, then every struct type it
   * references directly or indirectly (also as array elements), sorted by name, each written as
   * {@code Name(type1 name1,type2 name2)}.
   *
   * @throws AbiException INVALID_TYPE if {@code type} is not declared
   */
  public String encodeType(String type) {
    requireStruct(type);
    return encodedTypes.get(type);
  }

  /**
   * {@code typeHash} = keccak256(encodeType(type)).
   *
   * @throws AbiException INVALID_TYPE if {@code type} is not declared
   */
  public byte[] typeHash(String type) {
    requireStruct(type);
    return typeHashes.get(type).clone();
  }

  /**
   * {@code encodeData}: the type hash followed by one 32-byte word per member: atomic values as
   * their ABI encoding, {@code bytes} and {@code string} as the keccak256 of their content,
   * arrays as the keccak256 of the concatenated encodings of their elements, structs as their
   * {@link #hashStruct(String, Map) hashStruct}.
   *
   * @param type a declared struct type
   * @param value the struct's values (JSON-like or Java values, see the class comment)
   * @return {@code 32 * (1 + members)} bytes
   * @throws AbiException INVALID_TYPE for an undeclared type, INVALID_VALUE naming the path
   *     (rooted at {@code type}) for a bad value
   */
  public byte[] encodeData(String type, Map<String, ?> value) {
    requireStruct(type);
    return encodeData(type, value, type);
  }

  /**
   * {@code hashStruct} = keccak256(encodeData(type, value)).
   *
   * @throws AbiException as {@link #encodeData(String, Map)}
   */
  public byte[] hashStruct(String type, Map<String, ?> value) {
    requireStruct(type);
    return hashStruct(type, value, type);
  }

  /**
   * The hashStruct of the message under the primary type.
   *
   * @throws AbiException UNSUPPORTED when the primary type is {@code EIP712Domain} (there is no
   *     message then)
   */
  public byte[] hashStruct() {
    if (messageHash == null) {
      throw new AbiException(
          AbiException.Reason.UNSUPPORTED, "primaryType is EIP712Domain: there is no message hash");
    }
    return messageHash.clone();
  }

  /** The domain separator: hashStruct(EIP712Domain, domain). */
  public byte[] domainSeparator() {
    return domainSeparator.clone();
  }

  /**
   * The 32 bytes to sign: keccak256(0x19 0x01 || domainSeparator || hashStruct(message)); when the
   * primary type is {@code EIP712Domain}, keccak256(0x19 0x01 || domainSeparator) (the behaviour of
   * viem and MetaMask's eth-sig-util).
   */
  public byte[] digest() {
    Keccak256 k = Keccak256.create();
    k.update(new byte[] {0x19, 0x01});
    k.update(domainSeparator);
    if (messageHash != null) {
      k.update(messageHash);
    }
    return k.digest();
  }

  @Override
  public String toString() {
    return "TypedData[primaryType=" + primaryType + ", types=" + types.keySet() + "]";
  }

  // ---------------------------------------------------------------------------------------------
  // types

  private static List<Field> inferDomainType(Map<String, Object> domain) {
    List<Field> fields = new ArrayList<>(DOMAIN_FIELDS.length);
    for (String key : domain.keySet()) {
      boolean known = false;
      for (String[] f : DOMAIN_FIELDS) {
        known |= f[0].equals(key);
      }
      if (!known) {
        throw new AbiException(
            AbiException.Reason.INVALID_VALUE,
            "domain."
                + key
                + ": not an EIP712Domain field (declare EIP712Domain in types to use other fields)");
      }
    }
    for (String[] f : DOMAIN_FIELDS) {
      if (domain.get(f[0]) != null) {
        fields.add(new Field(f[0], f[1]));
      }
    }
    return List.copyOf(fields);
  }

  private static Map<String, FieldType[]> parseTypes(Map<String, List<Field>> all) {
    for (String name : all.keySet()) {
      if (!FieldType.isValidStructName(name)) {
        throw new AbiException(
            AbiException.Reason.INVALID_TYPE,
            "types." + name + ": invalid struct name (letters, digits, _, $ and : only, "
                + "and not an elementary type name)");
      }
    }
    Map<String, FieldType[]> out = new HashMap<>();
    for (Map.Entry<String, List<Field>> e : all.entrySet()) {
      List<Field> fields = e.getValue();
      FieldType[] ft = new FieldType[fields.size()];
      for (int i = 0; i < ft.length; i++) {
        Field f = fields.get(i);
        String where = "types." + e.getKey() + "." + f.name();
        if (!FieldType.isValidFieldName(f.name())) {
          throw new AbiException(
              AbiException.Reason.INVALID_TYPE,
              "types." + e.getKey() + "[" + i + "]: invalid member name");
        }
        for (int j = 0; j < i; j++) {
          if (fields.get(j).name().equals(f.name())) {
            throw new AbiException(
                AbiException.Reason.INVALID_TYPE, where + ": duplicate member name");
          }
        }
        ft[i] = FieldType.parse(f.type(), all.keySet(), where);
      }
      out.put(e.getKey(), ft);
    }
    return out;
  }

  /** Rejects cycles among struct types and nesting deeper than MAX_DEPTH (iterative DFS). */
  private void checkAcyclic() {
    Map<String, Integer> depth = new HashMap<>();
    for (String t : types.keySet()) {
      structDepth(t, depth, new ArrayList<>());
    }
  }

  private int structDepth(String type, Map<String, Integer> done, List<String> stack) {
    Integer known = done.get(type);
    if (known != null) {
      return known;
    }
    int at = stack.indexOf(type);
    if (at >= 0) {
      StringBuilder cycle = new StringBuilder();
      for (int i = at; i < stack.size(); i++) {
        cycle.append(stack.get(i)).append(" -> ");
      }
      cycle.append(type);
      throw new AbiException(
          AbiException.Reason.INVALID_TYPE, "types." + type + ": cyclic type reference " + cycle);
    }
    if (stack.size() > MAX_DEPTH) {
      throw new AbiException(
          AbiException.Reason.INVALID_TYPE,
          "types." + type + ": struct types nested deeper than " + MAX_DEPTH + " levels");
    }
    stack.add(type);
    int max = 0;
    for (FieldType ft : parsed.get(type)) {
      int d = 0;
      while (ft.kind() == FieldType.Kind.ARRAY) {
        d++;
        ft = ft.element();
      }
      if (ft.kind() == FieldType.Kind.STRUCT) {
        d += structDepth(ft.structName(), done, stack);
      }
      max = Math.max(max, d);
    }
    stack.remove(stack.size() - 1);
    int result = max + 1;
    if (result > MAX_DEPTH) {
      throw new AbiException(
          AbiException.Reason.INVALID_TYPE,
          "types." + type + ": nested deeper than " + MAX_DEPTH
              + " levels of structs and array dimensions");
    }
    done.put(type, result);
    return result;
  }

  private String buildEncodeType(String type) {
    TreeSet<String> deps = new TreeSet<>();
    collectDeps(type, deps);
    deps.remove(type);
    StringBuilder sb = new StringBuilder();
    appendStruct(sb, type);
    for (String d : deps) {
      appendStruct(sb, d);
    }
    return sb.toString();
  }

  private void collectDeps(String type, TreeSet<String> deps) {
    if (!deps.add(type)) {
      return;
    }
    for (FieldType ft : parsed.get(type)) {
      while (ft.kind() == FieldType.Kind.ARRAY) {
        ft = ft.element();
      }
      if (ft.kind() == FieldType.Kind.STRUCT) {
        collectDeps(ft.structName(), deps);
      }
    }
  }

  private void appendStruct(StringBuilder sb, String type) {
    sb.append(type).append('(');
    List<Field> fields = types.get(type);
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(fields.get(i).type()).append(' ').append(fields.get(i).name());
    }
    sb.append(')');
  }

  private void requireStruct(String type) {
    if (type == null || !types.containsKey(type)) {
      throw new AbiException(
          AbiException.Reason.INVALID_TYPE, "type '" + type + "' is not declared in types");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // values

  private byte[] hashStruct(String type, Object value, String path) {
    return Keccak256.hash(encodeData(type, value, path));
  }

  private byte[] encodeData(String type, Object value, String path) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new AbiException(
          AbiException.Reason.INVALID_VALUE,
          path + ": expected an object for struct " + type + ", got " + Values.describe(value));
    }
    List<Field> fields = types.get(type);
    FieldType[] ft = parsed.get(type);
    byte[] out = new byte[32 * (1 + fields.size())];
    System.arraycopy(typeHashes.get(type), 0, out, 0, 32);
    for (int i = 0; i < ft.length; i++) {
      String name = fields.get(i).name();
      String p = path + "." + name;
      Object v = map.get(name);
      if (v == null) {
        throw new AbiException(
            AbiException.Reason.INVALID_VALUE,
            p + ": missing value for " + fields.get(i).type() + " " + name);
      }
      encodeWord(ft[i], v, p, out, 32 * (i + 1));
    }
    return out;
  }

  /** Writes the 32-byte encoding of one member value at out[off]. */
  private void encodeWord(FieldType ft, Object v, String path, byte[] out, int off) {
    switch (ft.kind()) {
      case STRUCT -> {
        byte[] h = hashStruct(ft.structName(), v, path);
        System.arraycopy(h, 0, out, off, 32);
      }
      case ARRAY -> {
        List<?> items = Values.list(v, path);
        if (ft.size() >= 0 && items.size() != ft.size()) {
          throw new AbiException(
              AbiException.Reason.INVALID_VALUE,
              path + ": expected " + ft.size() + " elements, got " + items.size());
        }
        Keccak256 k = Keccak256.create();
        byte[] word = new byte[32];
        for (int i = 0; i < items.size(); i++) {
          Object item = items.get(i);
          String p = path + "[" + i + "]";
          if (item == null) {
            throw new AbiException(AbiException.Reason.INVALID_VALUE, p + ": missing value");
          }
          encodeWord(ft.element(), item, p, word, 0);
          k.update(word);
        }
        k.digest(out, off);
      }
      case BYTES -> {
        byte[] b = Values.bytes(v, path, -1);
        Keccak256.create().update(b).digest(out, off);
      }
      case STRING -> {
        byte[] b = Values.utf8(v, path);
        Keccak256.create().update(b).digest(out, off);
      }
      case FIXED_BYTES -> {
        byte[] b = Values.bytes(v, path, ft.size());
        System.arraycopy(b, 0, out, off, b.length);
      }
      case ADDRESS -> {
        byte[] a = Values.address(v, path);
        System.arraycopy(a, 0, out, off + 12, 20);
      }
      case BOOL -> out[off + 31] = Values.bool(v, path) ? (byte) 1 : 0;
      case UINT, INT -> Values.integerWord(v, ft.kind() == FieldType.Kind.INT, ft.size(), path, out, off);
      default -> throw new IllegalStateException(ft.kind().toString());
    }
  }
}
