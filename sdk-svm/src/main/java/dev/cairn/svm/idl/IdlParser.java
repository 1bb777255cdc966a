package dev.cairn.svm.idl;

import dev.cairn.core.CairnException;
import dev.cairn.core.hash.Hashes;
import dev.cairn.core.json.JsonArray;
import dev.cairn.core.json.JsonBoolean;
import dev.cairn.core.json.JsonNumber;
import dev.cairn.core.json.JsonObject;
import dev.cairn.core.json.JsonString;
import dev.cairn.core.json.JsonValue;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.SvmException;
import dev.cairn.svm.borsh.BorshType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the two IDL formats into the model; every problem is an {@link IdlException} naming the JSON path. */
final class IdlParser {
  private static final int MAX_ARRAY = 1 << 20;

  final boolean legacy;
  private final JsonObject root;
  /** Type definitions by name, and their JSON paths. */
  private final Map<String, JsonObject> typeDefs = new LinkedHashMap<>();
  private final Map<String, String> typePaths = new HashMap<>();
  private final Map<String, BorshType> resolved = new HashMap<>();
  private final Set<String> resolving = new HashSet<>();

  IdlParser(JsonValue json) {
    if (!(json instanceof JsonObject)) {
      throw new IdlException("$", "an IDL is a JSON object, got " + json.kind());
    }
    root = (JsonObject) json;
    JsonValue md = root.get("metadata");
    boolean hasSpec = md instanceof JsonObject && ((JsonObject) md).has("spec");
    legacy = !root.has("address") && !hasSpec;
    if (legacy && !root.has("name")) {
      throw new IdlException("$", "neither an Anchor 0.30+ IDL (address, metadata.spec) nor an older one (name)");
    }
    JsonValue types = root.get("types");
    if (types != null) {
      JsonArray a = arr(types, "$.types");
      for (int i = 0; i < a.size(); i++) {
        String p = "$.types[" + i + "]";
        JsonObject t = obj(a.get(i), p);
        String name = str(t, "name", p);
        if (typeDefs.put(name, t) != null) {
          throw new IdlException(p + ".name", "duplicate type " + name);
        }
        typePaths.put(name, p);
      }
    }
  }

  // ------------------------------------------------------------------ JSON helpers

  static JsonObject obj(JsonValue v, String path) {
    if (!(v instanceof JsonObject)) {
      throw new IdlException(path, "expected an object, got " + (v == null ? "nothing" : v.kind()));
    }
    return (JsonObject) v;
  }

  static JsonArray arr(JsonValue v, String path) {
    if (!(v instanceof JsonArray)) {
      throw new IdlException(path, "expected an array, got " + (v == null ? "nothing" : v.kind()));
    }
    return (JsonArray) v;
  }

  static String str(JsonObject o, String key, String path) {
    JsonValue v = o.get(key);
    if (!(v instanceof JsonString)) {
      throw new IdlException(path + "." + key, v == null ? "is missing" : "expected a string, got " + v.kind());
    }
    return ((JsonString) v).value();
  }

  static boolean bool(JsonObject o, String key, String path) {
    JsonValue v = o.get(key);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!(v instanceof JsonBoolean)) {
      throw new IdlException(path + "." + key, "expected a boolean, got " + v.kind());
    }
    return ((JsonBoolean) v).value();
  }

  static long num(JsonValue v, String path, long min, long max) {
    if (!(v instanceof JsonNumber)) {
      throw new IdlException(path, "expected a number, got " + (v == null ? "nothing" : v.kind()));
    }
    long n;
    try {
      n = ((JsonNumber) v).longValue();
    } catch (CairnException e) {
      throw new IdlException(path, "expected an integer, got " + ((JsonNumber) v).literal());
    }
    if (n < min || n > max) {
      throw new IdlException(path, n + " outside " + min + ".." + max);
    }
    return n;
  }

  static byte[] byteArray(JsonValue v, String path) {
    JsonArray a = arr(v, path);
    byte[] out = new byte[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) num(a.get(i), path + "[" + i + "]", 0, 255);
    }
    return out;
  }

  static Pubkey key(String s, String path) {
    try {
      return Pubkey.fromBase58(path, s);
    } catch (CairnException e) {
      throw new IdlException(path, "not a base58 public key: " + e.getMessage());
    }
  }

  /** heck's snake_case, as Anchor's older IDLs derive instruction discriminators from it. */
  static String snakeCase(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '_' || c == '-' || c == ' ') {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
          out.append('_');
        }
        continue;
      }
      if (Character.isUpperCase(c)) {
        char prev = i > 0 ? s.charAt(i - 1) : 0;
        char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
        boolean boundary = i > 0 && (Character.isLowerCase(prev) || Character.isDigit(prev)
            || (Character.isUpperCase(prev) && Character.isLowerCase(next)));
        if (boundary && out.length() > 0 && out.charAt(out.length() - 1) != '_') {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    int n = out.length();
    if (n > 0 && out.charAt(n - 1) == '_') {
      out.setLength(n - 1);
    }
    return out.toString();
  }

  static byte[] sighash(String namespace, String name) {
    return Arrays.copyOf(Hashes.sha256((namespace + ":" + name).getBytes(StandardCharsets.UTF_8)), 8);
  }

  /** Names compared without case and underscores, so snake_case and camelCase both match. */
  static String norm(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '_') {
        sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------ types

  BorshType type(JsonValue t, String path, Map<String, Object> generics) {
    if (t instanceof JsonString) {
      String s = ((JsonString) t).value();
      switch (s) {
        case "bool": return BorshType.BOOL;
        case "u8": return BorshType.U8;
        case "i8": return BorshType.I8;
        case "u16": return BorshType.U16;
        case "i16": return BorshType.I16;
        case "u32": return BorshType.U32;
        case "i32": return BorshType.I32;
        case "f32": return BorshType.F32;
        case "u64": return BorshType.U64;
        case "i64": return BorshType.I64;
        case "f64": return BorshType.F64;
        case "u128": return BorshType.U128;
        case "i128": return BorshType.I128;
        case "u256": return BorshType.U256;
        case "i256": return BorshType.I256;
        case "bytes": return BorshType.BYTES;
        case "string": return BorshType.STRING;
        case "pubkey":
        case "publicKey": return BorshType.PUBKEY;
        default:
          throw new IdlException(path, "unknown type \"" + s + "\"");
      }
    }
    JsonObject o = obj(t, path);
    if (o.size() != 1 && !o.has("defined")) {
      throw new IdlException(path, "a compound type has exactly one key (option, vec, array, defined, generic)");
    }
    try {
      if (o.has("option")) {
        return BorshType.option(type(o.get("option"), path + ".option", generics));
      }
      if (o.has("vec")) {
        return BorshType.vec(type(o.get("vec"), path + ".vec", generics));
      }
      if (o.has("array")) {
        JsonArray a = arr(o.get("array"), path + ".array");
        if (a.size() != 2) {
          throw new IdlException(path + ".array", "expected [type, length]");
        }
        BorshType e = type(a.get(0), path + ".array[0]", generics);
        JsonValue len = a.get(1);
        long n;
        if (len instanceof JsonObject && ((JsonObject) len).has("generic")) {
          String g = str((JsonObject) len, "generic", path + ".array[1]");
          Object bound = generics.get(g);
          if (!(bound instanceof Long)) {
            throw new IdlException(path + ".array[1]", "generic length " + g + " is not bound to a constant");
          }
          n = (Long) bound;
        } else {
          n = num(len, path + ".array[1]", 0, MAX_ARRAY);
        }
        return BorshType.array(e, (int) n);
      }
      if (o.has("defined")) {
        return defined(o.get("defined"), path + ".defined", generics);
      }
      if (o.has("generic")) {
        String g = str(o, "generic", path);
        Object bound = generics.get(g);
        if (!(bound instanceof BorshType)) {
          throw new IdlException(path + ".generic", "generic type " + g + " is not bound");
        }
        return (BorshType) bound;
      }
      if (o.has("coption")) {
        throw new IdlException(path + ".coption", "COption is not supported (not Borsh; use the account's own layout)");
      }
    } catch (IdlException e) {
      throw e;
    } catch (SvmException e) {
      throw new IdlException(path, e.getMessage());
    }
    throw new IdlException(path, "unknown type " + o.members().keySet());
  }

  private BorshType defined(JsonValue d, String path, Map<String, Object> env) {
    String name;
    JsonArray genericArgs = null;
    if (d instanceof JsonString) {
      name = ((JsonString) d).value();
    } else {
      JsonObject o = obj(d, path);
      name = str(o, "name", path);
      if (o.has("generics")) {
        genericArgs = arr(o.get("generics"), path + ".generics");
      }
    }
    JsonObject def = typeDefs.get(name);
    if (def == null) {
      throw new IdlException(path, "type " + name + " is not defined in $.types");
    }
    String defPath = typePaths.get(name);
    JsonValue params = def.get("generics");
    boolean generic = params instanceof JsonArray && ((JsonArray) params).size() > 0;
    if (!generic) {
      if (genericArgs != null && genericArgs.size() > 0) {
        throw new IdlException(path + ".generics", "type " + name + " takes no generic arguments");
      }
      BorshType done = resolved.get(name);
      if (done != null) {
        return done;
      }
    }
    Map<String, Object> bound = new HashMap<>();
    if (generic) {
      JsonArray ps = (JsonArray) params;
      if (genericArgs == null || genericArgs.size() != ps.size()) {
        throw new IdlException(path, "type " + name + " takes " + ps.size() + " generic arguments, got "
            + (genericArgs == null ? 0 : genericArgs.size()));
      }
      for (int i = 0; i < ps.size(); i++) {
        String pp = defPath + ".generics[" + i + "]";
        JsonObject p = obj(ps.get(i), pp);
        String kind = str(p, "kind", pp);
        String pname = str(p, "name", pp);
        String ap = path + ".generics[" + i + "]";
        JsonObject a = obj(genericArgs.get(i), ap);
        if (kind.equals("type")) {
          bound.put(pname, type(a.get("type"), ap + ".type", env));
        } else if (kind.equals("const")) {
          JsonValue v = a.get("value");
          if (v instanceof JsonString) {
            try {
              long n = Long.parseLong(((JsonString) v).value());
              if (n < 0 || n > MAX_ARRAY) {
                throw new NumberFormatException();
              }
              bound.put(pname, n);
            } catch (NumberFormatException e) {
              throw new IdlException(ap + ".value", "expected an array length, got " + v);
            }
          } else {
            bound.put(pname, num(v, ap + ".value", 0, MAX_ARRAY));
          }
        } else {
          throw new IdlException(pp + ".kind", "unknown generic kind " + kind);
        }
      }
    }
    String key = generic ? null : name;
    if (!resolving.add(name)) {
      throw new IdlException(defPath, "type " + name + " is recursive (not supported)");
    }
    try {
      BorshType t = typeDef(def, defPath, name, bound);
      if (key != null) {
        resolved.put(key, t);
      }
      return t;
    } finally {
      resolving.remove(name);
    }
  }

  BorshType typeDef(JsonObject def, String path, String name, Map<String, Object> generics) {
    JsonValue ser = def.get("serialization");
    if (ser != null && !(ser instanceof JsonString && ((JsonString) ser).value().equals("borsh"))) {
      throw new IdlException(path + ".serialization", "only borsh serialization is supported, got " + ser, true);
    }
    if (def.has("repr")) {
      JsonObject repr = obj(def.get("repr"), path + ".repr");
      if (repr.has("kind") && !str(repr, "kind", path + ".repr").equals("rust")) {
        throw new IdlException(path + ".repr", "only the Rust representation is supported with borsh", true);
      }
    }
    JsonObject ty = obj(def.get("type"), path + ".type");
    String kind = str(ty, "kind", path + ".type");
    try {
      switch (kind) {
        case "struct": {
          JsonValue f = ty.get("fields");
          if (f == null || f.isNull()) {
            return BorshType.struct(name, Collections.emptyList());
          }
          JsonArray fields = arr(f, path + ".type.fields");
          if (fields.size() > 0 && !(fields.get(0) instanceof JsonObject && ((JsonObject) fields.get(0)).has("name"))) {
            return BorshType.tupleStruct(name, tupleFields(fields, path + ".type.fields", generics));
          }
          return BorshType.struct(name, namedFields(fields, path + ".type.fields", generics));
        }
        case "enum": {
          JsonArray vs = arr(ty.get("variants"), path + ".type.variants");
          List<BorshType.Variant> variants = new ArrayList<>(vs.size());
          for (int i = 0; i < vs.size(); i++) {
            String vp = path + ".type.variants[" + i + "]";
            JsonObject v = obj(vs.get(i), vp);
            String vn = str(v, "name", vp);
            JsonValue f = v.get("fields");
            if (f == null || f.isNull()) {
              variants.add(BorshType.Variant.unit(vn));
            } else {
              JsonArray fields = arr(f, vp + ".fields");
              if (fields.size() > 0 && fields.get(0) instanceof JsonObject && ((JsonObject) fields.get(0)).has("name")) {
                variants.add(BorshType.Variant.named(vn, namedFields(fields, vp + ".fields", generics)));
              } else {
                variants.add(BorshType.Variant.tuple(vn, tupleFields(fields, vp + ".fields", generics)));
              }
            }
          }
          return BorshType.enumeration(name, variants);
        }
        case "type":
          return type(ty.get("alias"), path + ".type.alias", generics);
        default:
          throw new IdlException(path + ".type.kind", "unknown kind " + kind);
      }
    } catch (IdlException e) {
      throw e;
    } catch (SvmException e) {
      throw new IdlException(path, e.getMessage());
    }
  }

  List<BorshType.Field> namedFields(JsonArray fields, String path, Map<String, Object> generics) {
    List<BorshType.Field> out = new ArrayList<>(fields.size());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < fields.size(); i++) {
      String fp = path + "[" + i + "]";
      JsonObject f = obj(fields.get(i), fp);
      String n = str(f, "name", fp);
      if (!seen.add(n)) {
        throw new IdlException(fp + ".name", "duplicate field " + n);
      }
      if (!f.has("type")) {
        throw new IdlException(fp + ".type", "is missing");
      }
      out.add(BorshType.Field.of(n, type(f.get("type"), fp + ".type", generics)));
    }
    return out;
  }

  private List<BorshType> tupleFields(JsonArray fields, String path, Map<String, Object> generics) {
    List<BorshType> out = new ArrayList<>(fields.size());
    for (int i = 0; i < fields.size(); i++) {
      out.add(type(fields.get(i), path + "[" + i + "]", generics));
    }
    return out;
  }

  /** A named type definition with no generics (accounts, events). */
  BorshType namedType(String name, String path) {
    return defined(JsonString.of(name), path, Collections.emptyMap());
  }

  boolean hasType(String name) {
    return typeDefs.containsKey(name);
  }

  // ------------------------------------------------------------------ top level

  JsonObject root() {
    return root;
  }

  List<IdlAccountSpec> accounts(JsonArray items, String path, List<IdlAccountSpec> out) {
    for (int i = 0; i < items.size(); i++) {
      String p = path + "[" + i + "]";
      JsonObject a = obj(items.get(i), p);
      String name = str(a, "name", p);
      if (a.has("accounts")) {
        accounts(arr(a.get("accounts"), p + ".accounts"), p + ".accounts", out);
        continue;
      }
      boolean writable = legacy ? bool(a, "isMut", p) : bool(a, "writable", p);
      boolean signer = legacy ? bool(a, "isSigner", p) : bool(a, "signer", p);
      boolean optional = legacy ? bool(a, "isOptional", p) : bool(a, "optional", p);
      Pubkey address = a.has("address") ? key(str(a, "address", p), p + ".address") : null;
      IdlPda pda = a.has("pda") && !a.get("pda").isNull() ? pda(obj(a.get("pda"), p + ".pda"), p + ".pda") : null;
      out.add(new IdlAccountSpec(name, writable, signer, optional, address, pda));
    }
    return out;
  }

  private IdlPda pda(JsonObject o, String path) {
    JsonArray seeds = arr(o.get("seeds"), path + ".seeds");
    if (seeds.size() > Pubkey.MAX_SEEDS) {
      throw new IdlException(path + ".seeds", "at most " + Pubkey.MAX_SEEDS + " seeds (the bump is added), got " + seeds.size());
    }
    List<IdlPda.Seed> out = new ArrayList<>(seeds.size());
    for (int i = 0; i < seeds.size(); i++) {
      out.add(seed(obj(seeds.get(i), path + ".seeds[" + i + "]"), path + ".seeds[" + i + "]"));
    }
    String progKey = legacy ? "programId" : "program";
    IdlPda.Seed program = o.has(progKey) ? seed(obj(o.get(progKey), path + "." + progKey), path + "." + progKey) : null;
    if (program != null && program.kind == IdlPda.Kind.CONST && program.value.length != 32) {
      throw new IdlException(path + "." + progKey, "a constant program must be 32 bytes, got " + program.value.length);
    }
    return new IdlPda(Collections.unmodifiableList(out), program);
  }

  private IdlPda.Seed seed(JsonObject s, String path) {
    String kind = str(s, "kind", path);
    switch (kind) {
      case "const": {
        byte[] v = legacy && !(s.get("value") instanceof JsonArray) ? legacyConst(s, path) : byteArray(s.get("value"), path + ".value");
        if (v.length > Pubkey.MAX_SEED_LENGTH) {
          throw new IdlException(path + ".value", "a seed has at most 32 bytes, got " + v.length);
        }
        return new IdlPda.Seed(IdlPda.Kind.CONST, v, null);
      }
      case "arg":
        return new IdlPda.Seed(IdlPda.Kind.ARG, null, str(s, "path", path));
      case "account":
        return new IdlPda.Seed(IdlPda.Kind.ACCOUNT, null, str(s, "path", path));
      default:
        throw new IdlException(path + ".kind", "unknown seed kind " + kind);
    }
  }

  private byte[] legacyConst(JsonObject s, String path) {
    JsonValue v = s.get("value");
    JsonValue t = s.get("type");
    if (v instanceof JsonString) {
      String str = ((JsonString) v).value();
      if (t instanceof JsonString && ((JsonString) t).value().equals("publicKey")) {
        return key(str, path + ".value").bytes();
      }
      return str.getBytes(StandardCharsets.UTF_8);
    }
    if (v instanceof JsonNumber && t != null) {
      BorshType bt = type(t, path + ".type", Collections.emptyMap());
      try {
        return bt.encode(new BigInteger(((JsonNumber) v).literal()));
      } catch (RuntimeException e) {
        throw new IdlException(path + ".value", "does not fit " + bt);
      }
    }
    throw new IdlException(path + ".value", "expected a string, a number or an array of bytes");
  }
}
