package dev.cairn.cli.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cairn.core.encoding.Base58;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.svm.Keypair;
import dev.cairn.svm.ProgramAddress;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.SvmException;
import dev.cairn.svm.programs.AssociatedTokenProgram;
import dev.cairn.svm.programs.TokenProgram;
import dev.cairn.svm.tx.AccountMeta;
import dev.cairn.svm.tx.AddressLookupTable;
import dev.cairn.svm.tx.AddressTableLookup;
import dev.cairn.svm.tx.Blockhash;
import dev.cairn.svm.tx.CompiledInstruction;
import dev.cairn.svm.tx.Instruction;
import dev.cairn.svm.tx.Message;
import dev.cairn.svm.tx.Transaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code svm.*} batch ops (sdk-svm): sign and decode Solana transactions, program and
 * associated token addresses.
 *
 * <p>Error codes: a missing field, an unknown field or a JSON value of the wrong shape (an object
 * where an array belongs) is {@code BAD_REQUEST}; text that is not base58, base64 or hex is {@code
 * DECODE_ERROR}; a well-formed value that does not fit (a key that is not 32 bytes, a seed over 32
 * bytes, a signer the message does not need, a transaction over 1232 bytes) is {@code
 * INVALID_ARGUMENT}; a message version other than legacy and 0 is {@code UNSUPPORTED}. Messages
 * name the field by its JSON path ({@code message.instructions[1].accounts[0].pubkey}); secrets
 * (the {@code signers}) are never quoted.
 */
public final class SvmOps {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private SvmOps() {}

  static Map<String, Op> ops() {
    Map<String, Op> m = new LinkedHashMap<>();
    m.put("svm.signTx", Op.of(Set.of("message", "signers"), SvmOps::signTx));
    m.put("svm.decodeTx", Op.of(Set.of("transaction"), SvmOps::decodeTx));
    m.put("svm.findProgramAddress", Op.of(Set.of("seeds", "programId"), SvmOps::findProgramAddress));
    m.put(
        "svm.associatedTokenAddress",
        Op.of(Set.of("owner", "mint", "tokenProgram"), SvmOps::associatedTokenAddress));
    return m;
  }

  // ------------------------------------------------------------------ signTx

  /**
   * Compiles the message by the Solana account-ordering rules and signs it with every given signer.
   * Signers the message needs but that are not given leave their slot zero (64 zero bytes, base58
   * {@code 1111...}): the transaction is partially signed, to be completed elsewhere. A signer that
   * the message does not need is an error.
   */
  private static JsonNode signTx(Request r) {
    Message message = parseMessage(r.json("message"));
    List<String> secrets = r.secretStringArray("signers");
    Transaction tx = Transaction.unsigned(message);
    for (int i = 0; i < secrets.size(); i++) {
      Keypair kp = keypair("signers[" + i + "]", secrets.get(i));
      try {
        if (!message.signers().contains(kp.publicKey())) {
          throw BatchException.invalid(
              "field 'signers[" + i + "]': " + kp.publicKey() + " is not a signer of the message"
                  + " (signers: " + message.signers() + ")");
        }
        tx = tx.sign(kp);
      } finally {
        kp.destroy();
      }
    }
    byte[] wire = tx.serialize(); // enforces the 1232-byte packet limit
    ObjectNode out = F.objectNode();
    out.put("transaction", Base64.getEncoder().encodeToString(wire));
    out.put("message", Base64.getEncoder().encodeToString(message.serialize()));
    out.set("signatures", signatures(tx));
    return out;
  }

  private static ArrayNode signatures(Transaction tx) {
    ArrayNode sigs = F.arrayNode();
    for (byte[] s : tx.signatures()) {
      sigs.add(Base58.encode(s));
    }
    return sigs;
  }

  /** A signer: a base58 64-byte keypair ({@code seed || publicKey}) or a 0x-hex 32-byte seed. */
  private static Keypair keypair(String field, String secret) {
    byte[] bytes;
    if (Hex.hasPrefix(secret)) {
      if (secret.length() != 66) {
        throw BatchException.invalid(
            "field '" + field + "': a 0x-hex seed must be 0x followed by 64 hex digits (32 bytes)");
      }
      try {
        bytes = Hex.decode(field, secret);
      } catch (DecodingException e) {
        throw new BatchException(
            ErrorCode.DECODE_ERROR, "field '" + field + "': the 0x-hex seed holds a non-hex character");
      }
      try {
        return Keypair.fromSeed(bytes);
      } finally {
        Arrays.fill(bytes, (byte) 0);
      }
    }
    try {
      bytes = Base58.decode(field, secret);
    } catch (DecodingException e) {
      // Base58's message quotes the offending character: say less, it is a secret
      throw new BatchException(
          ErrorCode.DECODE_ERROR,
          "field '" + field + "' must be a base58 64-byte keypair or a 0x-hex 32-byte seed;"
              + " it is neither base58 nor 0x-hex");
    }
    try {
      if (bytes.length != Keypair.SECRET_KEY_LENGTH) {
        throw BatchException.invalid(
            "field '" + field + "': a base58 keypair must decode to 64 bytes, got " + bytes.length);
      }
      try {
        return Keypair.fromSecretKey(bytes);
      } catch (SvmException e) {
        throw BatchException.invalid(
            "field '" + field + "': bytes 32..63 of the keypair are not the public key of bytes 0..31");
      }
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** Parses the {@code message} object of svm.signTx and compiles it. */
  static Message parseMessage(JsonNode m) {
    String f = "message";
    object(f, m);
    checkFields(f, m, Set.of("version", "feePayer", "recentBlockhash", "instructions", "addressLookupTables"));
    boolean v0 = version(f + ".version", required(f, m, "version"));
    Pubkey feePayer = pubkey(f + ".feePayer", required(f, m, "feePayer"));
    Blockhash blockhash = blockhash(f + ".recentBlockhash", required(f, m, "recentBlockhash"));
    JsonNode ixs = array(f + ".instructions", required(f, m, "instructions"));
    List<Instruction> instructions = new ArrayList<>(ixs.size());
    for (int i = 0; i < ixs.size(); i++) {
      instructions.add(instruction(f + ".instructions[" + i + "]", ixs.get(i)));
    }
    List<AddressLookupTable> tables = new ArrayList<>();
    JsonNode t = m.get("addressLookupTables");
    if (t != null && !t.isNull()) {
      array(f + ".addressLookupTables", t);
      if (!v0 && t.size() > 0) {
        throw BatchException.invalid(
            "field 'message.addressLookupTables': a legacy message cannot use lookup tables (use version 0)");
      }
      for (int i = 0; i < t.size(); i++) {
        tables.add(table(f + ".addressLookupTables[" + i + "]", t.get(i)));
      }
    }
    try {
      return v0
          ? Message.compileV0(feePayer, instructions, blockhash, tables)
          : Message.compileLegacy(feePayer, instructions, blockhash);
    } catch (SvmException e) {
      throw BatchException.invalid("field 'message': " + e.getMessage());
    }
  }

  private static boolean version(String field, JsonNode v) {
    if (v.isTextual() && v.textValue().equals("legacy")) {
      return false;
    }
    if (v.isIntegralNumber()) {
      if (v.canConvertToInt() && v.intValue() == 0) {
        return true;
      }
      if (v.canConvertToInt() && v.intValue() > 0 && v.intValue() < 128) {
        throw new BatchException(
            ErrorCode.UNSUPPORTED,
            "field '" + field + "': message version " + v.intValue() + " is not supported (legacy or 0)");
      }
    }
    throw BatchException.invalid("field '" + field + "' must be \"legacy\" or 0");
  }

  private static Instruction instruction(String f, JsonNode ix) {
    object(f, ix);
    checkFields(f, ix, Set.of("programId", "accounts", "data"));
    Pubkey programId = pubkey(f + ".programId", required(f, ix, "programId"));
    JsonNode accts = array(f + ".accounts", required(f, ix, "accounts"));
    List<AccountMeta> metas = new ArrayList<>(accts.size());
    for (int j = 0; j < accts.size(); j++) {
      String af = f + ".accounts[" + j + "]";
      JsonNode a = accts.get(j);
      object(af, a);
      checkFields(af, a, Set.of("pubkey", "isSigner", "isWritable"));
      metas.add(
          AccountMeta.of(
              pubkey(af + ".pubkey", required(af, a, "pubkey")),
              bool(af + ".isSigner", required(af, a, "isSigner")),
              bool(af + ".isWritable", required(af, a, "isWritable"))));
    }
    byte[] data = base64(f + ".data", required(f, ix, "data"));
    try {
      return Instruction.of(programId, metas, data);
    } catch (SvmException e) {
      throw BatchException.invalid("field '" + f + "': " + e.getMessage());
    }
  }

  private static AddressLookupTable table(String f, JsonNode t) {
    object(f, t);
    checkFields(f, t, Set.of("key", "addresses"));
    Pubkey key = pubkey(f + ".key", required(f, t, "key"));
    JsonNode a = array(f + ".addresses", required(f, t, "addresses"));
    List<Pubkey> addresses = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      addresses.add(pubkey(f + ".addresses[" + i + "]", a.get(i)));
    }
    try {
      return AddressLookupTable.of(key, addresses);
    } catch (SvmException e) {
      throw BatchException.invalid("field '" + f + "': " + e.getMessage());
    }
  }

  // ------------------------------------------------------------------ decodeTx

  private static JsonNode decodeTx(Request r) {
    String field = "transaction";
    byte[] wire = base64(field, r.json(field));
    Transaction tx;
    try {
      tx = Transaction.deserialize(wire);
    } catch (DecodingException e) {
      throw new BatchException(ErrorCode.DECODE_ERROR, "field '" + field + "': " + e.getMessage());
    }
    return describe(tx);
  }

  /**
   * The JSON form of a transaction: {@code version} ("legacy" or 0), {@code feePayer}, {@code
   * recentBlockhash}, {@code accountKeys} (the static keys), {@code header}, {@code instructions}
   * ({@code programId}, {@code accounts}, {@code data} in base64, and the raw {@code
   * programIdIndex}/{@code accountIndexes}), {@code signatures} (base58, zero for absent), {@code
   * addressTableLookups} ({@code accountKey}, {@code writableIndexes}, {@code readonlyIndexes}).
   * An account of a v0 message loaded through a table is {@code {lookupTable, index, isSigner,
   * isWritable}} (the table's contents are not in the transaction).
   */
  public static ObjectNode describe(Transaction tx) {
    Message m = tx.message();
    ObjectNode out = F.objectNode();
    if (m.version() == Message.Version.LEGACY) {
      out.put("version", "legacy");
    } else {
      out.put("version", 0);
    }
    out.put("feePayer", m.feePayer().toBase58());
    out.put("recentBlockhash", m.recentBlockhash().toBase58());
    ObjectNode header = out.putObject("header");
    header.put("numRequiredSignatures", m.numRequiredSignatures());
    header.put("numReadonlySignedAccounts", m.numReadonlySignedAccounts());
    header.put("numReadonlyUnsignedAccounts", m.numReadonlyUnsignedAccounts());
    ArrayNode keys = out.putArray("accountKeys");
    List<Pubkey> statics = m.staticAccountKeys();
    for (Pubkey k : statics) {
      keys.add(k.toBase58());
    }
    // index -> (table, position) for accounts loaded through tables: writable ones first
    List<String> loadedTable = new ArrayList<>();
    List<Integer> loadedIndex = new ArrayList<>();
    for (int pass = 0; pass < 2; pass++) {
      for (AddressTableLookup l : m.addressTableLookups()) {
        for (int i : pass == 0 ? l.writableIndexes() : l.readonlyIndexes()) {
          loadedTable.add(l.tableKey().toBase58());
          loadedIndex.add(i);
        }
      }
    }
    ArrayNode ixs = out.putArray("instructions");
    for (CompiledInstruction ix : m.instructions()) {
      ObjectNode j = ixs.addObject();
      j.put("programId", statics.get(ix.programIdIndex()).toBase58());
      ArrayNode accts = j.putArray("accounts");
      for (int k = 0; k < ix.accountCount(); k++) {
        int a = ix.accountIndex(k);
        ObjectNode meta = accts.addObject();
        if (a < statics.size()) {
          meta.put("pubkey", statics.get(a).toBase58());
        } else {
          meta.put("lookupTable", loadedTable.get(a - statics.size()));
          meta.put("index", loadedIndex.get(a - statics.size()));
        }
        meta.put("isSigner", m.isSigner(a));
        meta.put("isWritable", m.isWritable(a));
      }
      j.put("data", Base64.getEncoder().encodeToString(ix.data()));
      j.put("programIdIndex", ix.programIdIndex());
      ArrayNode idx = j.putArray("accountIndexes");
      for (int a : ix.accountIndexes()) {
        idx.add(a);
      }
    }
    out.set("signatures", signatures(tx));
    ArrayNode lookups = out.putArray("addressTableLookups");
    for (AddressTableLookup l : m.addressTableLookups()) {
      ObjectNode j = lookups.addObject();
      j.put("accountKey", l.tableKey().toBase58());
      ArrayNode w = j.putArray("writableIndexes");
      for (int i : l.writableIndexes()) {
        w.add(i);
      }
      ArrayNode ro = j.putArray("readonlyIndexes");
      for (int i : l.readonlyIndexes()) {
        ro.add(i);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ addresses

  private static JsonNode findProgramAddress(Request r) {
    List<String> seeds = r.stringArray("seeds");
    List<byte[]> bytes = new ArrayList<>(seeds.size());
    for (int i = 0; i < seeds.size(); i++) {
      String field = "seeds[" + i + "]";
      byte[] b = hex(field, seeds.get(i));
      if (b.length > Pubkey.MAX_SEED_LENGTH) {
        throw BatchException.invalid(
            "field '" + field + "': a seed is at most " + Pubkey.MAX_SEED_LENGTH + " bytes, got " + b.length);
      }
      bytes.add(b);
    }
    if (seeds.size() > Pubkey.MAX_SEEDS - 1) {
      throw BatchException.invalid(
          "field 'seeds': at most " + (Pubkey.MAX_SEEDS - 1) + " seeds (the bump is the 16th), got " + seeds.size());
    }
    Pubkey programId = pubkey("programId", r.json("programId"));
    ProgramAddress pa = Pubkey.findProgramAddress(bytes, programId);
    ObjectNode out = F.objectNode();
    out.put("address", pa.address().toBase58());
    out.put("bump", pa.bump());
    return out;
  }

  private static JsonNode associatedTokenAddress(Request r) {
    Pubkey owner = pubkey("owner", r.json("owner"));
    Pubkey mint = pubkey("mint", r.json("mint"));
    Pubkey tokenProgram =
        r.has("tokenProgram") ? pubkey("tokenProgram", r.json("tokenProgram")) : TokenProgram.TOKEN_PROGRAM_ID;
    return TextNode.valueOf(AssociatedTokenProgram.address(owner, mint, tokenProgram).toBase58());
  }

  // ------------------------------------------------------------------ value helpers

  private static JsonNode required(String parent, JsonNode obj, String name) {
    JsonNode v = obj.get(name);
    if (v == null || v.isNull()) {
      throw BatchException.badRequest("missing field '" + parent + "." + name + "'");
    }
    return v;
  }

  private static void object(String field, JsonNode v) {
    if (!v.isObject()) {
      throw BatchException.badRequest(
          "field '" + field + "' must be a JSON object, got " + Text.typeName(v));
    }
  }

  private static JsonNode array(String field, JsonNode v) {
    if (!v.isArray()) {
      throw BatchException.badRequest(
          "field '" + field + "' must be a JSON array, got " + Text.typeName(v));
    }
    return v;
  }

  private static void checkFields(String field, JsonNode obj, Set<String> allowed) {
    Iterator<String> names = obj.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw BatchException.badRequest(
            "unknown field '" + field + "." + Text.clip(name) + "' (expected: "
                + String.join(", ", new TreeSet<>(allowed)) + ")");
      }
    }
  }

  private static String text(String field, JsonNode v) {
    if (!v.isTextual()) {
      throw BatchException.invalid(
          "field '" + field + "' must be a JSON string, got " + Text.typeName(v));
    }
    return v.textValue();
  }

  private static boolean bool(String field, JsonNode v) {
    if (!v.isBoolean()) {
      throw BatchException.invalid(
          "field '" + field + "' must be true or false, got " + Text.typeName(v));
    }
    return v.booleanValue();
  }

  /** A base58 32-byte key: not base58 is DECODE_ERROR, another length INVALID_ARGUMENT. */
  static Pubkey pubkey(String field, JsonNode v) {
    return Pubkey.of(base58(field, text(field, v), "address"));
  }

  private static Blockhash blockhash(String field, JsonNode v) {
    return Blockhash.of(base58(field, text(field, v), "blockhash"));
  }

  private static byte[] base58(String field, String s, String what) {
    if (s.length() > 44) {
      throw BatchException.invalid(
          "field '" + field + "': a base58 " + what + " is at most 44 characters, got " + s.length());
    }
    byte[] b;
    try {
      b = Base58.decode(field, s);
    } catch (DecodingException e) {
      throw new BatchException(ErrorCode.DECODE_ERROR, "field '" + field + "': " + e.getMessage());
    }
    if (b.length != Pubkey.LENGTH) {
      throw BatchException.invalid(
          "field '" + field + "': a " + what + " must decode to 32 bytes, got " + b.length);
    }
    return b;
  }

  private static byte[] base64(String field, JsonNode v) {
    String s = text(field, v);
    try {
      return Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      throw new BatchException(ErrorCode.DECODE_ERROR, "field '" + field + "' is not valid base64");
    }
  }

  private static byte[] hex(String field, String s) {
    if (!Hex.hasPrefix(s)) {
      throw new BatchException(ErrorCode.DECODE_ERROR, "field '" + field + "' must be 0x-prefixed hex");
    }
    try {
      return Hex.decode(field, s);
    } catch (DecodingException e) {
      throw new BatchException(ErrorCode.DECODE_ERROR, "field '" + field + "': " + e.getMessage());
    }
  }
}
