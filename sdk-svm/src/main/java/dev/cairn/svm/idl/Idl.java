package dev.cairn.svm.idl;

import dev.cairn.core.CairnException;
import dev.cairn.core.encoding.Base64;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonArray;
import dev.cairn.core.json.JsonObject;
import dev.cairn.core.json.JsonValue;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.SvmException;
import dev.cairn.svm.borsh.BorshReader;
import dev.cairn.svm.borsh.BorshType;
import dev.cairn.svm.borsh.BorshWriter;
import dev.cairn.svm.tx.AccountMeta;
import dev.cairn.svm.tx.Instruction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An Anchor IDL, parsed once into instruction, account and event codecs, so that a program with an
 * IDL is called like a contract with an ABI. Both formats are read: the 0.30+ format (top-level
 * {@code address} and {@code metadata.spec}, explicit discriminators, {@code writable}/{@code
 * signer}, {@code pubkey}, {@code defined: {name, generics}}) and the older one (top-level {@code
 * name}, discriminators derived as the first 8 bytes of sha256 of {@code "global:<snake_case
 * name>"}, {@code "account:<Name>"} and {@code "event:<Name>"}, {@code isMut}/{@code isSigner},
 * {@code publicKey}, {@code defined: "Name"}). JSON is parsed by sdk-core's strict, bounded parser.
 * Immutable and thread-safe.
 *
 * <p>Values are the Java values {@link BorshType} documents (u64 as BigInteger, structs as Maps,
 * enums as {@link dev.cairn.svm.borsh.BorshEnum}); {@link #encodeInstruction(String, JsonValue,
 * Map)} takes the arguments as JSON instead. Instruction data is decoded strictly (no trailing
 * bytes); account data may be longer than its value (accounts are often allocated larger), as Anchor
 * reads it. Program errors are decoded through the IDL's {@code errors} and Anchor's framework codes
 * ({@link #decodeError}); {@link #errorMapping()} plugs them into sdk-core's error taxonomy.
 *
 * <pre>{@code
 * Idl idl = Idl.parse(idlJson);
 * Instruction ix = idl.encodeInstruction("deposit",
 *     Map.of("amount", BigInteger.valueOf(1_000)),
 *     Map.of("user", user, "vault", vault));
 * Decoded call = idl.decodeInstruction(ix.data());
 * Optional<IdlError> err = idl.decodeError(6001);
 * }</pre>
 */
public final class Idl {
  /** Which IDL format the JSON was in. */
  public enum Format {
    /** Anchor 0.30 and later (explicit discriminators, {@code address}, {@code metadata.spec}). */
    ANCHOR_0_30,
    /** Anchor before 0.30 (name-derived discriminators, {@code isMut}/{@code isSigner}). */
    LEGACY
  }

  private static final String PROGRAM_DATA = "Program data: ";

  private final Format format;
  private final String name;
  private final String version;
  private final Pubkey address;
  private final List<IdlInstruction> instructions;
  private final Map<String, IdlInstruction> byName = new HashMap<>();
  private final Map<String, TypedItem> accounts;
  private final Map<String, TypedItem> events;
  private final Map<String, BorshType> types;
  private final Map<Long, IdlError> errors;

  /** An account or event: name, discriminator, type (or why it cannot be used). */
  private static final class TypedItem {
    final String name;
    final byte[] discriminator;
    final BorshType type;
    final IdlException unsupported;

    TypedItem(String name, byte[] discriminator, BorshType type, IdlException unsupported) {
      this.name = name;
      this.discriminator = discriminator;
      this.type = type;
      this.unsupported = unsupported;
    }

    BorshType type() {
      if (unsupported != null) {
        throw new IdlException(unsupported.path(), unsupported.getMessage().substring(unsupported.path().length() + 2), true);
      }
      return type;
    }
  }

  private Idl(IdlParser p) {
    JsonObject root = p.root();
    this.format = p.legacy ? Format.LEGACY : Format.ANCHOR_0_30;
    if (p.legacy) {
      name = IdlParser.str(root, "name", "$");
      version = root.has("version") ? IdlParser.str(root, "version", "$") : "";
      JsonValue md = root.get("metadata");
      address = md instanceof JsonObject && ((JsonObject) md).has("address")
          ? IdlParser.key(IdlParser.str((JsonObject) md, "address", "$.metadata"), "$.metadata.address") : null;
    } else {
      JsonObject md = IdlParser.obj(root.get("metadata"), "$.metadata");
      name = IdlParser.str(md, "name", "$.metadata");
      version = md.has("version") ? IdlParser.str(md, "version", "$.metadata") : "";
      address = IdlParser.key(IdlParser.str(root, "address", "$"), "$.address");
    }
    // instructions
    JsonArray ixs = IdlParser.arr(root.get("instructions"), "$.instructions");
    List<IdlInstruction> list = new ArrayList<>(ixs.size());
    for (int i = 0; i < ixs.size(); i++) {
      String ip = "$.instructions[" + i + "]";
      JsonObject o = IdlParser.obj(ixs.get(i), ip);
      String n = IdlParser.str(o, "name", ip);
      byte[] disc = p.legacy ? IdlParser.sighash("global", IdlParser.snakeCase(n)) : discriminator(o, ip);
      List<BorshType.Field> args = o.has("args")
          ? Collections.unmodifiableList(p.namedFields(IdlParser.arr(o.get("args"), ip + ".args"), ip + ".args", Collections.emptyMap()))
          : Collections.<BorshType.Field>emptyList();
      List<IdlAccountSpec> accs = o.has("accounts")
          ? Collections.unmodifiableList(p.accounts(IdlParser.arr(o.get("accounts"), ip + ".accounts"), ip + ".accounts", new ArrayList<>()))
          : Collections.<IdlAccountSpec>emptyList();
      BorshType returns = o.has("returns") && !o.get("returns").isNull()
          ? p.type(o.get("returns"), ip + ".returns", Collections.emptyMap()) : null;
      IdlInstruction ix = new IdlInstruction(n, disc, args, accs, returns);
      if (byName.put(n, ix) != null) {
        throw new IdlException(ip + ".name", "duplicate instruction " + n);
      }
      list.add(ix);
    }
    checkPrefixFree(list, "$.instructions");
    instructions = Collections.unmodifiableList(list);
    accounts = items(p, root, "accounts", "account");
    events = items(p, root, "events", "event");
    // every defined type that resolves (generic ones only through their uses)
    Map<String, BorshType> ts = new LinkedHashMap<>();
    JsonValue tv = root.get("types");
    if (tv != null) {
      JsonArray ta = IdlParser.arr(tv, "$.types");
      for (int i = 0; i < ta.size(); i++) {
        JsonObject t = IdlParser.obj(ta.get(i), "$.types[" + i + "]");
        JsonValue g = t.get("generics");
        if (g instanceof JsonArray && ((JsonArray) g).size() > 0) {
          continue;
        }
        String tn = IdlParser.str(t, "name", "$.types[" + i + "]");
        try {
          ts.put(tn, p.namedType(tn, "$.types[" + i + "]"));
        } catch (IdlException e) {
          if (!e.unsupported) {
            throw e;
          }
        }
      }
    }
    types = Collections.unmodifiableMap(ts);
    // errors
    Map<Long, IdlError> errs = new LinkedHashMap<>();
    JsonValue ev = root.get("errors");
    if (ev != null) {
      JsonArray ea = IdlParser.arr(ev, "$.errors");
      for (int i = 0; i < ea.size(); i++) {
        String ep = "$.errors[" + i + "]";
        JsonObject e = IdlParser.obj(ea.get(i), ep);
        long code = IdlParser.num(e.get("code"), ep + ".code", 0, 0xffffffffL);
        String en = IdlParser.str(e, "name", ep);
        String msg = e.has("msg") && !e.get("msg").isNull() ? IdlParser.str(e, "msg", ep) : "";
        if (errs.put(code, new IdlError(code, en, msg, IdlError.Source.PROGRAM)) != null) {
          throw new IdlException(ep + ".code", "duplicate error code " + code);
        }
      }
    }
    errors = Collections.unmodifiableMap(errs);
  }

  private static byte[] discriminator(JsonObject o, String path) {
    if (!o.has("discriminator")) {
      throw new IdlException(path + ".discriminator", "is missing (required by the 0.30+ format)");
    }
    byte[] d = IdlParser.byteArray(o.get("discriminator"), path + ".discriminator");
    if (d.length == 0) {
      throw new IdlException(path + ".discriminator", "is empty");
    }
    return d;
  }

  private Map<String, TypedItem> items(IdlParser p, JsonObject root, String key, String namespace) {
    Map<String, TypedItem> out = new LinkedHashMap<>();
    JsonValue v = root.get(key);
    if (v == null) {
      return out;
    }
    JsonArray a = IdlParser.arr(v, "$." + key);
    List<byte[]> discs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      String ip = "$." + key + "[" + i + "]";
      JsonObject o = IdlParser.obj(a.get(i), ip);
      String n = IdlParser.str(o, "name", ip);
      byte[] disc = p.legacy ? IdlParser.sighash(namespace, n) : discriminator(o, ip);
      BorshType type = null;
      IdlException unsupported = null;
      try {
        if (p.legacy) {
          if (key.equals("events")) {
            List<BorshType.Field> f = p.namedFields(IdlParser.arr(o.get("fields"), ip + ".fields"), ip + ".fields", Collections.emptyMap());
            type = BorshType.struct(n, f);
          } else {
            type = p.typeDef(o, ip, n, Collections.emptyMap());
          }
        } else {
          if (!p.hasType(n)) {
            throw new IdlException(ip + ".name", key.substring(0, key.length() - 1) + " " + n + " has no type in $.types");
          }
          type = p.namedType(n, ip);
        }
        if (!type.isStruct()) {
          throw new IdlException(ip, namespace + " " + n + " is not a struct with named fields", true);
        }
      } catch (IdlException e) {
        // zero-copy (bytemuck) layouts are not Borsh, and non-struct accounts are not read here: kept, and refused only when used
        if (!e.unsupported) {
          throw e;
        }
        unsupported = e;
      }
      if (out.put(n, new TypedItem(n, disc, type, unsupported)) != null) {
        throw new IdlException(ip + ".name", "duplicate " + namespace + " " + n);
      }
      discs.add(disc);
      names.add(n);
    }
    for (int i = 0; i < discs.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (prefixOf(discs.get(j), discs.get(i)) || prefixOf(discs.get(i), discs.get(j))) {
          throw new IdlException("$." + key + "[" + i + "].discriminator", "clashes with " + names.get(j));
        }
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private static void checkPrefixFree(List<IdlInstruction> list, String path) {
    for (int i = 0; i < list.size(); i++) {
      for (int j = 0; j < i; j++) {
        byte[] a = list.get(i).disc();
        byte[] b = list.get(j).disc();
        if (prefixOf(a, b) || prefixOf(b, a)) {
          throw new IdlException(path + "[" + i + "].discriminator", "clashes with " + list.get(j).name());
        }
      }
    }
  }

  private static boolean prefixOf(byte[] p, byte[] data) {
    if (p.length > data.length) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (p[i] != data[i]) {
        return false;
      }
    }
    return true;
  }

  // ------------------------------------------------------------------ parsing

  /**
   * Parses an IDL from its JSON text.
   *
   * @throws IdlException naming the JSON path of a malformed or unsupported part
   * @throws DecodingException when the text is not JSON
   */
  public static Idl parse(String json) {
    if (json == null) {
      throw new IdlException("$", "is null");
    }
    return parse(Json.parse(json));
  }

  /** Parses an IDL from parsed JSON. */
  public static Idl parse(JsonValue json) {
    if (json == null) {
      throw new IdlException("$", "is null");
    }
    return new Idl(new IdlParser(json));
  }

  // ------------------------------------------------------------------ model

  /** The format the IDL was written in. */
  public Format format() {
    return format;
  }

  /** The program's name. */
  public String name() {
    return name;
  }

  /** The IDL's version string (empty when absent). */
  public String version() {
    return version;
  }

  /** The program id: {@code address} (0.30+) or {@code metadata.address} (older, when present). */
  public Optional<Pubkey> address() {
    return Optional.ofNullable(address);
  }

  /** The instructions, in IDL order (unmodifiable). */
  public List<IdlInstruction> instructions() {
    return instructions;
  }

  /** The instruction called {@code name}. */
  public IdlInstruction instruction(String name) {
    IdlInstruction ix = byName.get(name);
    if (ix == null) {
      throw new IdlException("instruction " + name, "not in the IDL (has " + byName.keySet() + ")");
    }
    return ix;
  }

  /** The account types' names. */
  public List<String> accountNames() {
    return new ArrayList<>(accounts.keySet());
  }

  /** The type of account {@code name} (a struct). */
  public BorshType accountType(String name) {
    return account(name).type();
  }

  /** The type of event {@code name} (a struct). */
  public BorshType eventType(String name) {
    TypedItem t = events.get(name);
    if (t == null) {
      throw new IdlException("event " + name, "not in the IDL (has " + events.keySet() + ")");
    }
    return t.type();
  }

  /** The events' names. */
  public List<String> eventNames() {
    return new ArrayList<>(events.keySet());
  }

  /** The defined types that are Borsh and not generic, by name (unmodifiable). */
  public Map<String, BorshType> types() {
    return types;
  }

  /** The IDL's errors, by code (unmodifiable). */
  public Map<Long, IdlError> errors() {
    return errors;
  }

  // ------------------------------------------------------------------ instructions

  /** The instruction data: the discriminator and the Borsh arguments. */
  public byte[] encodeInstructionData(String instruction, Map<String, ?> args) {
    IdlInstruction ix = instruction(instruction);
    BorshWriter w = new BorshWriter(ix.disc().length + 64);
    w.raw(ix.disc());
    try {
      ix.argsType.encode(w, args == null ? Collections.emptyMap() : args);
    } catch (IdlException e) {
      throw e;
    } catch (SvmException e) {
      String msg = e.getMessage();
      throw new IdlException("instruction " + instruction + " args", msg.startsWith("borsh") ? "args" + msg.substring(5) : msg);
    }
    return w.toByteArray();
  }

  /**
   * The instruction {@code name} with {@code args} (field name → Java value) and {@code accounts}
   * (IDL account name → address; snake_case and camelCase names both match). Accounts not given
   * are taken from the IDL's fixed address, or derived from its PDA seeds (constants, arguments,
   * other accounts — including ones derived in turn); a missing optional account becomes the
   * program id, as Anchor passes it. Signer and writable flags are the IDL's.
   *
   * @throws IdlException naming the instruction and account that cannot be resolved, or the
   *     argument that does not fit
   */
  public Instruction encodeInstruction(String name, Map<String, ?> args, Map<String, Pubkey> accounts) {
    Pubkey program = address().orElseThrow(() -> new IdlException("$.address", "the IDL has no program address; use encodeInstruction(programId, ...)"));
    return encodeInstruction(program, name, args, accounts);
  }

  /** As {@link #encodeInstruction(String, Map, Map)}, for the program deployed at {@code programId}. */
  public Instruction encodeInstruction(Pubkey programId, String name, Map<String, ?> args, Map<String, Pubkey> accounts) {
    if (programId == null) {
      throw new IdlException("programId", "is null");
    }
    IdlInstruction ix = instruction(name);
    Map<String, ?> a = args == null ? Collections.<String, Object>emptyMap() : args;
    byte[] data = encodeInstructionData(name, a);
    List<Pubkey> keys = new AccountResolver(programId, ix, a, accounts).resolve();
    List<AccountMeta> metas = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      IdlAccountSpec s = ix.accounts().get(i);
      Pubkey k = keys.get(i);
      if (s.isOptional() && k.equals(programId) && !containsNorm(accounts, s.name())) {
        metas.add(AccountMeta.readonly(k));
      } else {
        metas.add(AccountMeta.of(k, s.isSigner(), s.isWritable()));
      }
    }
    return Instruction.of(programId, metas, data);
  }

  private static boolean containsNorm(Map<String, Pubkey> accounts, String name) {
    if (accounts == null) {
      return false;
    }
    String n = IdlParser.norm(name);
    for (String k : accounts.keySet()) {
      if (IdlParser.norm(k).equals(n)) {
        return true;
      }
    }
    return false;
  }

  /** As {@link #encodeInstruction(String, Map, Map)} with the arguments as a JSON object (see {@link BorshType#fromJson}). */
  public Instruction encodeInstruction(String name, JsonValue args, Map<String, Pubkey> accounts) {
    return encodeInstruction(name, argsFromJson(name, args), accounts);
  }

  /** The Java values of JSON arguments for {@code instruction}. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> argsFromJson(String instruction, JsonValue args) {
    IdlInstruction ix = instruction(instruction);
    try {
      return (Map<String, Object>) ix.argsType.fromJson(args == null ? JsonObject.builder().build() : args);
    } catch (SvmException e) {
      throw new IdlException("instruction " + instruction + " args", e.getMessage());
    }
  }

  /**
   * Decodes instruction data: the instruction whose discriminator it starts with, and its
   * arguments. Trailing bytes are rejected.
   *
   * @throws DecodingException when no discriminator matches or the arguments do not decode
   */
  @SuppressWarnings("unchecked")
  public Decoded decodeInstruction(byte[] data) {
    if (data == null) {
      throw new DecodingException("instruction", -1, "data is null");
    }
    for (IdlInstruction ix : instructions) {
      if (prefixOf(ix.disc(), data)) {
        BorshReader r = new BorshReader(data, ix.disc().length, data.length - ix.disc().length);
        try {
          Map<String, Object> v = (Map<String, Object>) ix.argsType.decode(r);
          r.expectEnd();
          return new Decoded(ix.name(), v);
        } catch (DecodingException e) {
          throw new DecodingException("instruction " + ix.name() + "." + valuePath(e.field()),
              e.offset(), e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
        }
      }
    }
    throw new DecodingException("instruction", 0, "no instruction of " + name + " has the discriminator "
        + hexPrefix(data, 8));
  }

  /** The name of the instruction whose discriminator {@code data} starts with, if any (nothing is decoded). */
  public Optional<String> instructionName(byte[] data) {
    if (data != null) {
      for (IdlInstruction ix : instructions) {
        if (prefixOf(ix.disc(), data)) {
          return Optional.of(ix.name());
        }
      }
    }
    return Optional.empty();
  }

  /** Decodes an instruction of this program (its program id must be the IDL's address, when known). */
  public Decoded decodeInstruction(Instruction ix) {
    if (address != null && !ix.programId().equals(address)) {
      throw new DecodingException("instruction.programId", -1, ix.programId() + " is not " + name + " (" + address + ")");
    }
    return decodeInstruction(ix.data());
  }

  private static String hexPrefix(byte[] d, int n) {
    return d.length == 0 ? "(empty)" : Hex.encode(d, 0, Math.min(n, d.length));
  }

  /** {@code borsh.a.b} → {@code a.b}; {@code borsh} → empty. */
  private static String valuePath(String field) {
    if (field == null || !field.startsWith("borsh")) {
      return field == null ? "" : field;
    }
    String rest = field.substring(5);
    return rest.startsWith(".") ? rest.substring(1) : rest;
  }

  /** {@code s} split at dots (no regex). */
  static List<String> dotted(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == '.') {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    return out;
  }

  /**
   * The value instruction {@code name} returned: the return data of a simulation or transaction
   * ({@code returnData.data} of simulateTransaction, or the base64 of a {@code "Program return: <id>
   * <base64>"} log line), decoded strictly with the instruction's {@code returns} type.
   *
   * @throws IdlException when the instruction declares no return type
   * @throws DecodingException when the data does not decode
   */
  public Object decodeReturn(String name, byte[] returnData) {
    IdlInstruction ix = instruction(name);
    BorshType t = ix.returns().orElseThrow(() -> new IdlException("instruction " + name, "declares no return type"));
    if (returnData == null) {
      throw new DecodingException("return " + name, -1, "data is null");
    }
    try {
      return t.decode(returnData);
    } catch (DecodingException e) {
      throw new DecodingException("return " + name + (valuePath(e.field()).isEmpty() ? "" : "." + valuePath(e.field())), e.offset(),
          e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
    }
  }

  // ------------------------------------------------------------------ accounts and events

  private TypedItem account(String name) {
    TypedItem t = accounts.get(name);
    if (t == null) {
      throw new IdlException("account " + name, "not in the IDL (has " + accounts.keySet() + ")");
    }
    return t;
  }

  /** The account data of {@code value} for account type {@code name}: discriminator and Borsh. */
  public byte[] encodeAccount(String name, Map<String, ?> value) {
    TypedItem t = account(name);
    BorshWriter w = new BorshWriter(64);
    w.raw(t.discriminator);
    try {
      t.type().encode(w, value);
    } catch (IdlException e) {
      throw e;
    } catch (SvmException e) {
      throw new IdlException("account " + name, e.getMessage());
    }
    return w.toByteArray();
  }

  /**
   * Decodes account data of type {@code name}, checking its discriminator. Bytes after the value are
   * allowed (space reserved in the account), as Anchor reads it.
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> decodeAccount(String name, byte[] data) {
    TypedItem t = account(name);
    if (data == null || !prefixOf(t.discriminator, data)) {
      throw new DecodingException("account " + name + ".discriminator", 0, "expected " + hexPrefix(t.discriminator, 8)
          + ", got " + (data == null ? "null" : hexPrefix(data, t.discriminator.length)));
    }
    return (Map<String, Object>) decodeAt(t, data, "account " + name, false);
  }

  /** Decodes account data of whichever account type its discriminator names. */
  @SuppressWarnings("unchecked")
  public Decoded decodeAccount(byte[] data) {
    if (data == null) {
      throw new DecodingException("account", -1, "data is null");
    }
    for (TypedItem t : accounts.values()) {
      if (prefixOf(t.discriminator, data)) {
        return new Decoded(t.name, (Map<String, Object>) decodeAt(t, data, "account " + t.name, false));
      }
    }
    throw new DecodingException("account.discriminator", 0, "no account type of " + name + " has " + hexPrefix(data, 8));
  }

  private static Object decodeAt(TypedItem t, byte[] data, String what, boolean strict) {
    BorshReader r = new BorshReader(data, t.discriminator.length, data.length - t.discriminator.length);
    try {
      Object v = t.type().decode(r);
      if (strict) {
        r.expectEnd();
      }
      return v;
    } catch (DecodingException e) {
      throw new DecodingException(what + "." + valuePath(e.field()), e.offset(),
          e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
    }
  }

  /** The event data (discriminator and Borsh) of {@code value} for event {@code name}, as {@code emit!} logs it (base64). */
  public byte[] encodeEvent(String name, Map<String, ?> value) {
    TypedItem t = events.get(name);
    if (t == null) {
      throw new IdlException("event " + name, "not in the IDL (has " + events.keySet() + ")");
    }
    BorshWriter w = new BorshWriter(64);
    w.raw(t.discriminator);
    try {
      t.type().encode(w, value);
    } catch (IdlException e) {
      throw e;
    } catch (SvmException e) {
      throw new IdlException("event " + name, e.getMessage());
    }
    return w.toByteArray();
  }

  /**
   * The event in one log line {@code "Program data: <base64>"}, if the line is one and its
   * discriminator is one of this IDL's events; empty otherwise. Data that matches an event but does
   * not decode throws DecodingException.
   */
  @SuppressWarnings("unchecked")
  public Optional<Decoded> decodeEvent(String logLine) {
    if (logLine == null || !logLine.startsWith(PROGRAM_DATA)) {
      return Optional.empty();
    }
    byte[] data;
    try {
      data = Base64.decode(logLine.substring(PROGRAM_DATA.length()).trim());
    } catch (DecodingException e) {
      return Optional.empty();
    }
    for (TypedItem t : events.values()) {
      if (prefixOf(t.discriminator, data)) {
        return Optional.of(new Decoded(t.name, (Map<String, Object>) decodeAt(t, data, "event " + t.name, true)));
      }
    }
    return Optional.empty();
  }

  /** Every event of this IDL in a transaction's log messages, in order. */
  public List<Decoded> decodeEvents(List<String> logMessages) {
    List<Decoded> out = new ArrayList<>();
    if (logMessages != null) {
      for (String l : logMessages) {
        decodeEvent(l).ifPresent(out::add);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ errors

  /**
   * The error a program returned as {@code Custom(code)}: the IDL's own first, then Anchor's
   * framework errors (100-5000); empty for an unknown code.
   */
  public Optional<IdlError> decodeError(long code) {
    IdlError e = errors.get(code);
    if (e == null) {
      e = AnchorErrors.BY_CODE.get(code);
    }
    return Optional.ofNullable(e);
  }

  /** Anchor's framework error for {@code code} (100-5000), independent of any IDL. */
  public static Optional<IdlError> anchorError(long code) {
    return Optional.ofNullable(AnchorErrors.BY_CODE.get(code));
  }

  /** This program's errors as sdk-core's {@link dev.cairn.core.chain.ChainErrors.ProgramErrorMapping} (see {@link IdlErrorMapping}). */
  public IdlErrorMapping errorMapping() {
    return IdlErrorMapping.of(List.of(this));
  }

  @Override
  public String toString() {
    return "Idl{" + name + (address == null ? "" : " " + address) + ", " + format + ", " + instructions.size() + " instructions}";
  }

  // ------------------------------------------------------------------ account resolution

  /** Resolves an instruction's accounts: given, fixed, or derived from seeds (iterating until no progress). */
  private static final class AccountResolver {
    private final Pubkey programId;
    private final IdlInstruction ix;
    private final Map<String, ?> args;
    private final Map<String, Pubkey> byNorm = new HashMap<>();

    AccountResolver(Pubkey programId, IdlInstruction ix, Map<String, ?> args, Map<String, Pubkey> given) {
      this.programId = programId;
      this.ix = ix;
      this.args = args;
      if (given != null) {
        for (Map.Entry<String, Pubkey> e : given.entrySet()) {
          if (e.getValue() == null) {
            throw new IdlException("instruction " + ix.name() + " accounts." + e.getKey(), "is null");
          }
          String n = IdlParser.norm(e.getKey());
          boolean known = false;
          for (IdlAccountSpec s : ix.accounts()) {
            known |= IdlParser.norm(s.name()).equals(n);
          }
          if (!known) {
            throw new IdlException("instruction " + ix.name() + " accounts." + e.getKey(), "no such account (has "
                + names() + ")");
          }
          byNorm.put(n, e.getValue());
        }
      }
    }

    private List<String> names() {
      List<String> n = new ArrayList<>();
      for (IdlAccountSpec s : ix.accounts()) {
        n.add(s.name());
      }
      return n;
    }

    List<Pubkey> resolve() {
      List<IdlAccountSpec> specs = ix.accounts();
      Pubkey[] out = new Pubkey[specs.size()];
      boolean progress = true;
      while (progress) {
        progress = false;
        for (int i = 0; i < specs.size(); i++) {
          if (out[i] != null) {
            continue;
          }
          IdlAccountSpec s = specs.get(i);
          Pubkey k = byNorm.get(IdlParser.norm(s.name()));
          if (k == null && s.address().isPresent()) {
            k = s.address().get();
          }
          if (k == null && s.pda != null) {
            k = derive(s);
          }
          if (k != null) {
            out[i] = k;
            byNorm.putIfAbsent(IdlParser.norm(s.name()), k);
            progress = true;
          }
        }
      }
      for (int i = 0; i < out.length; i++) {
        if (out[i] == null) {
          IdlAccountSpec s = specs.get(i);
          if (s.isOptional()) {
            out[i] = programId;
            continue;
          }
          String why = s.pda != null ? "its seeds need " + missingSeed(s) : "it has no fixed address or seeds";
          throw new IdlException("instruction " + ix.name() + " accounts." + s.name(), "is missing and cannot be derived: " + why);
        }
      }
      return Arrays.asList(out);
    }

    private String missingSeed(IdlAccountSpec s) {
      List<IdlPda.Seed> all = new ArrayList<>(s.pda.seeds);
      if (s.pda.program != null) {
        all.add(s.pda.program);
      }
      for (IdlPda.Seed seed : all) {
        if (seed.kind != IdlPda.Kind.CONST) {
          try {
            if (seedBytes(seed) == null) {
              return seed.kind.name().toLowerCase() + " " + seed.path;
            }
          } catch (IdlException e) {
            return e.getMessage();
          }
        }
      }
      return "nothing (no bump found)";
    }

    /** The PDA, or null while a seed is not yet known. */
    private Pubkey derive(IdlAccountSpec s) {
      List<byte[]> seeds = new ArrayList<>(s.pda.seeds.size());
      for (IdlPda.Seed seed : s.pda.seeds) {
        byte[] b = seedBytes(seed);
        if (b == null) {
          return null;
        }
        if (b.length > Pubkey.MAX_SEED_LENGTH) {
          throw new IdlException("instruction " + ix.name() + " accounts." + s.name(), "seed " + (seed.path == null ? "const" : seed.path)
              + " is " + b.length + " bytes, more than 32");
        }
        seeds.add(b);
      }
      Pubkey program = programId;
      if (s.pda.program != null) {
        byte[] p = seedBytes(s.pda.program);
        if (p == null) {
          return null;
        }
        if (p.length != 32) {
          throw new IdlException("instruction " + ix.name() + " accounts." + s.name(), "the PDA program seed is not 32 bytes");
        }
        program = Pubkey.of(p);
      }
      try {
        return Pubkey.findProgramAddress(seeds, program).address();
      } catch (SvmException e) {
        throw new IdlException("instruction " + ix.name() + " accounts." + s.name(), e.getMessage());
      }
    }

    private byte[] seedBytes(IdlPda.Seed seed) {
      switch (seed.kind) {
        case CONST:
          return seed.value;
        case ACCOUNT: {
          List<String> parts = dotted(seed.path);
          Pubkey k = byNorm.get(IdlParser.norm(parts.get(0)));
          if (parts.size() > 1) {
            if (k == null) {
              return null;
            }
            throw new IdlException("instruction " + ix.name() + " seed " + seed.path,
                "depends on the data of account " + parts.get(0) + " (give the derived account's address)");
          }
          return k == null ? null : k.bytes();
        }
        default:
          return argSeed(seed.path);
      }
    }

    private byte[] argSeed(String path) {
      List<String> parts = dotted(path);
      BorshType type = null;
      for (BorshType.Field f : ix.args()) {
        if (f.name().equals(parts.get(0)) || IdlParser.norm(f.name()).equals(IdlParser.norm(parts.get(0)))) {
          type = f.type();
          Object v = args.get(f.name());
          if (v == null) {
            v = args.get(parts.get(0));
          }
          if (v == null) {
            throw new IdlException("instruction " + ix.name() + " args." + f.name(), "is missing (a PDA seed)");
          }
          for (int i = 1; i < parts.size(); i++) {
            if (!(v instanceof Map)) {
              throw new IdlException("instruction " + ix.name() + " seed " + path, "cannot follow ." + parts.get(i));
            }
            v = ((Map<?, ?>) v).get(parts.get(i));
            type = fieldType(type, parts.get(i));
            if (v == null || type == null) {
              throw new IdlException("instruction " + ix.name() + " seed " + path, "no field " + parts.get(i));
            }
          }
          return seedEncoding(type, v, path);
        }
      }
      throw new IdlException("instruction " + ix.name() + " seed " + path, "no argument " + parts.get(0));
    }

    private static BorshType fieldType(BorshType struct, String field) {
      for (Map.Entry<String, BorshType> e : structFields(struct).entrySet()) {
        if (e.getKey().equals(field)) {
          return e.getValue();
        }
      }
      return null;
    }

    private static Map<String, BorshType> structFields(BorshType t) {
      return t.fields();
    }

    /** Anchor's seed bytes of a value: strings and byte blobs raw (no length), everything else its Borsh bytes. */
    private byte[] seedEncoding(BorshType type, Object v, String path) {
      try {
        byte[] b = type.encode(v);
        String t = type.toString();
        if (t.equals("string") || t.equals("bytes") || t.equals("Vec<u8>")) {
          return Arrays.copyOfRange(b, 4, b.length);
        }
        return b;
      } catch (SvmException e) {
        throw new IdlException("instruction " + ix.name() + " seed " + path, e.getMessage());
      } catch (CairnException e) {
        throw new IdlException("instruction " + ix.name() + " seed " + path, e.getMessage());
      }
    }
  }
}
