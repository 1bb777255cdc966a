package dev.cairn.svm.tx;

import dev.cairn.core.encoding.DecodingException;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.SvmException;
import dev.cairn.svm.internal.ByteReader;
import dev.cairn.svm.internal.ByteWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A transaction message, legacy or v0: the header (how many accounts sign, how many of those and
 * of the rest are read-only), the static account keys, the recent blockhash, the compiled
 * instructions and, for v0, the lookup-table references. This is what signers sign. Immutable;
 * the serialized form is computed once.
 *
 * <h2>Compiling</h2>
 *
 * {@link #compileLegacy} and {@link #compileV0} collect every account the instructions use,
 * de-duplicate them (merging the signer and writable flags of duplicates), put the fee payer first
 * and order the rest: writable signers, read-only signers, writable non-signers, read-only
 * non-signers; within a group, in order of first use (fee payer, then for each instruction its
 * program id and its accounts) — the order @solana/web3.js {@code TransactionMessage} produces. For
 * v0, each table in turn takes the non-signer accounts it contains that are not invoked as programs
 * (writable ones first, then read-only ones, each in the order above); the message then refers to
 * them by table index.
 *
 * <pre>{@code
 * Message m = Message.compileV0(payer, List.of(ix1, ix2), blockhash, List.of(table));
 * Transaction tx = Transaction.unsigned(m).sign(payerKeypair);
 * }</pre>
 */
public final class Message {
  /** The message format. */
  public enum Version {
    /** The original format, without a version prefix or lookup tables. */
    LEGACY,
    /** Version 0: a {@code 0x80} prefix and address lookup tables. */
    V0
  }

  private static final int SIGNER = 1;
  private static final int WRITABLE = 2;
  private static final int INVOKED = 4;
  /** Tables up to this size are searched linearly when compiling. */
  private static final int SCAN_LIMIT = 32;

  private final Version version;
  private final int numRequiredSignatures;
  private final int numReadonlySigned;
  private final int numReadonlyUnsigned;
  private final List<Pubkey> staticAccountKeys;
  private final Blockhash recentBlockhash;
  private final List<CompiledInstruction> instructions;
  private final List<AddressTableLookup> addressTableLookups;
  private final byte[] serialized;

  private Message(
      Version version,
      int numRequiredSignatures,
      int numReadonlySigned,
      int numReadonlyUnsigned,
      List<Pubkey> staticAccountKeys,
      Blockhash recentBlockhash,
      List<CompiledInstruction> instructions,
      List<AddressTableLookup> addressTableLookups) {
    this.version = version;
    this.numRequiredSignatures = numRequiredSignatures;
    this.numReadonlySigned = numReadonlySigned;
    this.numReadonlyUnsigned = numReadonlyUnsigned;
    this.staticAccountKeys = staticAccountKeys;
    this.recentBlockhash = recentBlockhash;
    this.instructions = instructions;
    this.addressTableLookups = addressTableLookups;
    this.serialized = encode();
  }

  /**
   * A message from its parts, checked the way the runtime sanitizes messages: at least one signer,
   * the fee payer writable, the header consistent with the keys, no duplicate keys, at most 256
   * accounts, every index in range, program ids among the static keys and not the fee payer, every
   * lookup loading at least one account, no lookups in a legacy message.
   *
   * @throws SvmException (INVALID_INPUT) naming the offending part
   */
  public static Message of(
      Version version,
      int numRequiredSignatures,
      int numReadonlySigned,
      int numReadonlyUnsigned,
      List<Pubkey> staticAccountKeys,
      Blockhash recentBlockhash,
      List<CompiledInstruction> instructions,
      List<AddressTableLookup> addressTableLookups) {
    if (version == null || staticAccountKeys == null || recentBlockhash == null || instructions == null) {
      throw invalid("message", "version, staticAccountKeys, recentBlockhash and instructions are required");
    }
    if (instructions.size() > CompactU16.MAX_VALUE
        || (addressTableLookups != null && addressTableLookups.size() > CompactU16.MAX_VALUE)) {
      throw invalid("message", "more than 65535 instructions or lookups");
    }
    List<AddressTableLookup> lookups =
        addressTableLookups == null ? List.of() : copy("message.addressTableLookups", addressTableLookups);
    Message m =
        new Message(
            version,
            numRequiredSignatures,
            numReadonlySigned,
            numReadonlyUnsigned,
            copy("message.staticAccountKeys", staticAccountKeys),
            recentBlockhash,
            copy("message.instructions", instructions),
            lookups);
    m.sanitize();
    return m;
  }

  private static <T> List<T> copy(String field, List<T> in) {
    List<T> out = new ArrayList<>(in.size());
    for (int i = 0; i < in.size(); i++) {
      T t = in.get(i);
      if (t == null) {
        throw invalid(field + "[" + i + "]", "is null");
      }
      out.add(t);
    }
    return Collections.unmodifiableList(out);
  }

  private static SvmException invalid(String field, String problem) {
    return new SvmException(SvmException.Reason.INVALID_INPUT, field + ": " + problem);
  }

  private void sanitize() {
    String[] problem = check();
    if (problem != null) {
      throw invalid(problem[0], problem[1]);
    }
  }

  /** The runtime's sanitizing checks: null when they pass, else {field, problem}. */
  private String[] check() {
    int nStatic = staticAccountKeys.size();
    if (numRequiredSignatures < 1 || numRequiredSignatures > 255) {
      return new String[] {"message.header.numRequiredSignatures", numRequiredSignatures + " outside 1..255"};
    }
    if (numReadonlySigned < 0 || numReadonlySigned >= numRequiredSignatures) {
      return new String[] {"message.header.numReadonlySignedAccounts", numReadonlySigned + " must be below numRequiredSignatures (the fee payer is writable)"};
    }
    if (numReadonlyUnsigned < 0 || numReadonlyUnsigned > 255) {
      return new String[] {"message.header.numReadonlyUnsignedAccounts", numReadonlyUnsigned + " outside 0..255"};
    }
    if (numRequiredSignatures + numReadonlyUnsigned > nStatic) {
      return new String[] {"message.header", "declares " + (numRequiredSignatures + numReadonlyUnsigned) + " accounts, only " + nStatic + " keys"};
    }
    if (version == Version.LEGACY && !addressTableLookups.isEmpty()) {
      return new String[] {"message.addressTableLookups", "a legacy message has no lookup tables"};
    }
    int total = nStatic;
    for (int i = 0; i < addressTableLookups.size(); i++) {
      AddressTableLookup l = addressTableLookups.get(i);
      if (l.writableCount() + l.readonlyCount() == 0) {
        return new String[] {"message.addressTableLookups[" + i + "]", "loads no account"};
      }
      total += l.writableCount() + l.readonlyCount();
    }
    if (total > 256) {
      return new String[] {"message.accountKeys", total + " accounts, at most 256"};
    }
    Set<Pubkey> seen = new HashSet<>(nStatic * 2);
    for (int i = 0; i < nStatic; i++) {
      if (!seen.add(staticAccountKeys.get(i))) {
        return new String[] {"message.staticAccountKeys[" + i + "]", "duplicate key " + staticAccountKeys.get(i)};
      }
    }
    for (int i = 0; i < instructions.size(); i++) {
      CompiledInstruction ix = instructions.get(i);
      int p = ix.programIdIndex();
      if (p == 0 || p >= nStatic) {
        return new String[] {"message.instructions[" + i + "].programIdIndex", p + " must be a static key other than the fee payer (1.." + (nStatic - 1) + ")"};
      }
      for (int j = 0; j < ix.accountCount(); j++) {
        if (ix.accountIndex(j) >= total) {
          return new String[] {"message.instructions[" + i + "].accountIndexes[" + j + "]", ix.accountIndex(j) + " out of range (" + total + " accounts)"};
        }
      }
    }
    return null;
  }

  /** A legacy message; see the class comment for the account order. */
  public static Message compileLegacy(Pubkey feePayer, List<Instruction> instructions, Blockhash recentBlockhash) {
    return compile(Version.LEGACY, feePayer, instructions, recentBlockhash, List.of());
  }

  /**
   * A v0 message that loads through {@code tables} every non-signer, non-program account they hold.
   * Tables that end up unused are left out.
   */
  public static Message compileV0(
      Pubkey feePayer, List<Instruction> instructions, Blockhash recentBlockhash, List<AddressLookupTable> tables) {
    return compile(Version.V0, feePayer, instructions, recentBlockhash, tables == null ? List.of() : tables);
  }

  /** A builder, for durable nonces and other options. */
  public static MessageBuilder builder() {
    return new MessageBuilder();
  }

  static Message compile(
      Version version,
      Pubkey feePayer,
      List<Instruction> instructions,
      Blockhash recentBlockhash,
      List<AddressLookupTable> tables) {
    if (feePayer == null) {
      throw invalid("feePayer", "is null");
    }
    if (recentBlockhash == null) {
      throw invalid("recentBlockhash", "is null");
    }
    if (instructions == null) {
      throw invalid("instructions", "is null");
    }
    if (instructions.size() > CompactU16.MAX_VALUE) {
      throw invalid("instructions", "more than 65535");
    }
    LinkedHashMap<Pubkey, Integer> metas = new LinkedHashMap<>();
    metas.put(feePayer, SIGNER | WRITABLE);
    for (int i = 0; i < instructions.size(); i++) {
      Instruction ix = instructions.get(i);
      if (ix == null) {
        throw invalid("instructions[" + i + "]", "is null");
      }
      metas.merge(ix.programId(), INVOKED, (a, b) -> a | b);
      for (AccountMeta m : ix.accounts()) {
        int f = (m.isSigner() ? SIGNER : 0) | (m.isWritable() ? WRITABLE : 0);
        metas.merge(m.pubkey(), f, (a, b) -> a | b);
      }
    }
    // lookup tables take non-signer, non-invoked accounts
    List<AddressTableLookup> lookups = new ArrayList<>();
    List<Pubkey> lookupWritable = new ArrayList<>();
    List<Pubkey> lookupReadonly = new ArrayList<>();
    for (int t = 0; t < tables.size(); t++) {
      AddressLookupTable table = tables.get(t);
      if (table == null) {
        throw invalid("addressLookupTables[" + t + "]", "is null");
      }
      // small tables are searched in place (no per-compile index); large ones through a map
      List<Pubkey> addresses = table.addresses();
      Map<Pubkey, Integer> index = null;
      if (addresses.size() > SCAN_LIMIT) {
        index = new HashMap<>(addresses.size() * 2);
        for (int i = addresses.size() - 1; i >= 0; i--) {
          index.put(addresses.get(i), i);
        }
      }
      ByteWriter w = new ByteWriter(8);
      ByteWriter r = new ByteWriter(8);
      drain(metas, addresses, index, WRITABLE, w, lookupWritable);
      drain(metas, addresses, index, 0, r, lookupReadonly);
      if (w.size() + r.size() > 0) {
        lookups.add(AddressTableLookup.trusted(table.key(), w.toByteArray(), r.toByteArray()));
      }
    }
    List<Pubkey> keys = new ArrayList<>(metas.size());
    int[] counts = new int[4];
    for (int group = 0; group < 4; group++) {
      // 0: writable signers, 1: readonly signers, 2: writable non-signers, 3: readonly non-signers
      boolean signer = group < 2;
      boolean writable = (group & 1) == 0;
      for (Map.Entry<Pubkey, Integer> e : metas.entrySet()) {
        int f = e.getValue();
        if (((f & SIGNER) != 0) == signer && ((f & WRITABLE) != 0) == writable) {
          keys.add(e.getKey());
          counts[group]++;
        }
      }
    }
    if (keys.size() + lookupWritable.size() + lookupReadonly.size() > 256) {
      throw invalid("instructions", "use " + (keys.size() + lookupWritable.size() + lookupReadonly.size()) + " accounts, at most 256 fit in a message");
    }
    Map<Pubkey, Integer> position = new HashMap<>(keys.size() * 2 + 16);
    int p = 0;
    for (Pubkey k : keys) {
      position.put(k, p++);
    }
    for (Pubkey k : lookupWritable) {
      position.put(k, p++);
    }
    for (Pubkey k : lookupReadonly) {
      position.put(k, p++);
    }
    List<CompiledInstruction> compiled = new ArrayList<>(instructions.size());
    for (Instruction ix : instructions) {
      List<AccountMeta> accts = ix.accounts();
      byte[] idx = new byte[accts.size()];
      for (int j = 0; j < idx.length; j++) {
        idx[j] = (byte) (int) position.get(accts.get(j).pubkey());
      }
      compiled.add(CompiledInstruction.trusted(position.get(ix.programId()), idx, ix.rawData()));
    }
    Message m =
        new Message(
            version,
            counts[0] + counts[1],
            counts[1],
            counts[3],
            Collections.unmodifiableList(keys),
            recentBlockhash,
            Collections.unmodifiableList(compiled),
            Collections.unmodifiableList(lookups));
    m.sanitize();
    return m;
  }

  private static void drain(LinkedHashMap<Pubkey, Integer> metas, List<Pubkey> addresses, Map<Pubkey, Integer> index,
      int writableFlag, ByteWriter indexes, List<Pubkey> drained) {
    var it = metas.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Pubkey, Integer> e = it.next();
      int f = e.getValue();
      if ((f & (SIGNER | INVOKED)) == 0 && (f & WRITABLE) == writableFlag) {
        int i = index != null ? index.getOrDefault(e.getKey(), -1) : firstIndex(addresses, e.getKey());
        if (i >= 0) {
          indexes.u8(i);
          drained.add(e.getKey());
          it.remove();
        }
      }
    }
  }

  /** The first position of {@code key} in {@code addresses}, or -1 (hash codes are cached: compared first). */
  private static int firstIndex(List<Pubkey> addresses, Pubkey key) {
    int h = key.hashCode();
    for (int i = 0; i < addresses.size(); i++) {
      Pubkey a = addresses.get(i);
      if (a.hashCode() == h && a.equals(key)) {
        return i;
      }
    }
    return -1;
  }

  private static int shortVecLength(int n) {
    return n < 0x80 ? 1 : n < 0x4000 ? 2 : 3;
  }

  /** The exact serialized length, so that encoding fills one array and returns it uncopied. */
  private int encodedLength() {
    int nKeys = Math.min(staticAccountKeys.size(), CompactU16.MAX_VALUE);
    int n = (version == Version.V0 ? 1 : 0) + 3 + shortVecLength(nKeys) + Pubkey.LENGTH * nKeys + Blockhash.LENGTH;
    n += shortVecLength(Math.min(instructions.size(), CompactU16.MAX_VALUE));
    for (CompiledInstruction ix : instructions) {
      int a = ix.rawIndexes().length;
      int d = ix.rawData().length;
      n += 1 + shortVecLength(a) + a + shortVecLength(d) + d;
    }
    if (version == Version.V0) {
      n += shortVecLength(Math.min(addressTableLookups.size(), CompactU16.MAX_VALUE));
      for (AddressTableLookup l : addressTableLookups) {
        int wl = l.rawWritable().length;
        int rl = l.rawReadonly().length;
        n += Pubkey.LENGTH + shortVecLength(wl) + wl + shortVecLength(rl) + rl;
      }
    }
    return n;
  }

  private byte[] encode() {
    int length = encodedLength();
    ByteWriter w = new ByteWriter(length);
    if (version == Version.V0) {
      w.u8(0x80);
    }
    w.u8(numRequiredSignatures).u8(numReadonlySigned).u8(numReadonlyUnsigned);
    w.compactU16(Math.min(staticAccountKeys.size(), CompactU16.MAX_VALUE));
    byte[] k = new byte[Pubkey.LENGTH];
    for (Pubkey key : staticAccountKeys) {
      key.copyTo(k, 0);
      w.bytes(k);
    }
    w.bytes(recentBlockhash.raw());
    w.compactU16(Math.min(instructions.size(), CompactU16.MAX_VALUE));
    for (CompiledInstruction ix : instructions) {
      w.u8(ix.programIdIndex());
      w.compactU16(ix.rawIndexes().length).bytes(ix.rawIndexes());
      w.compactU16(ix.rawData().length).bytes(ix.rawData());
    }
    if (version == Version.V0) {
      w.compactU16(Math.min(addressTableLookups.size(), CompactU16.MAX_VALUE));
      for (AddressTableLookup l : addressTableLookups) {
        l.tableKey().copyTo(k, 0);
        w.bytes(k);
        w.compactU16(l.rawWritable().length).bytes(l.rawWritable());
        w.compactU16(l.rawReadonly().length).bytes(l.rawReadonly());
      }
    }
    if (w.size() != length) {
      throw new IllegalStateException("message length " + w.size() + " != computed " + length);
    }
    return w.toByteArray();
  }

  /**
   * Decodes a serialized message (legacy or v0), strictly: no trailing bytes, canonical lengths,
   * and the sanitizing checks of {@link #of}.
   *
   * @throws DecodingException naming the field and offset
   */
  public static Message deserialize(byte[] bytes) {
    if (bytes == null) {
      throw new DecodingException("message", -1, "is null");
    }
    ByteReader r = new ByteReader(bytes, "message");
    Message m = read(r);
    r.expectEnd();
    return m;
  }

  static Message read(ByteReader r) {
    int start = r.position();
    Version version = Version.LEGACY;
    int first = r.peekU8("header");
    if ((first & 0x80) != 0) {
      int v = first & 0x7f;
      if (v != 0) {
        throw r.error("version", "unsupported message version " + v);
      }
      r.u8("version");
      version = Version.V0;
    }
    int nSig = r.u8("header.numRequiredSignatures");
    int nRoSigned = r.u8("header.numReadonlySignedAccounts");
    int nRoUnsigned = r.u8("header.numReadonlyUnsignedAccounts");
    int nKeys = r.count("staticAccountKeys", Pubkey.LENGTH);
    List<Pubkey> keys = new ArrayList<>(nKeys);
    for (int i = 0; i < nKeys; i++) {
      keys.add(Pubkey.of(r.bytes("staticAccountKeys", Pubkey.LENGTH)));
    }
    Blockhash bh = Blockhash.of(r.bytes("recentBlockhash", Blockhash.LENGTH));
    int nIx = r.count("instructions", 3);
    List<CompiledInstruction> ixs = new ArrayList<>(nIx);
    for (int i = 0; i < nIx; i++) {
      String f = "instructions[" + i + "]";
      int p = r.u8(f + ".programIdIndex");
      byte[] idx = r.bytes(f + ".accountIndexes", r.count(f + ".accountIndexes", 1));
      byte[] data = r.bytes(f + ".data", r.count(f + ".data", 1));
      ixs.add(CompiledInstruction.trusted(p, idx, data));
    }
    List<AddressTableLookup> lookups = new ArrayList<>();
    if (version == Version.V0) {
      int nL = r.count("addressTableLookups", Pubkey.LENGTH + 2);
      for (int i = 0; i < nL; i++) {
        String f = "addressTableLookups[" + i + "]";
        Pubkey key = Pubkey.of(r.bytes(f + ".accountKey", Pubkey.LENGTH));
        byte[] w = r.bytes(f + ".writableIndexes", r.count(f + ".writableIndexes", 1));
        byte[] ro = r.bytes(f + ".readonlyIndexes", r.count(f + ".readonlyIndexes", 1));
        lookups.add(AddressTableLookup.trusted(key, w, ro));
      }
    }
    Message m = new Message(
        version,
        nSig,
        nRoSigned,
        nRoUnsigned,
        Collections.unmodifiableList(keys),
        bh,
        Collections.unmodifiableList(ixs),
        Collections.unmodifiableList(lookups));
    String[] problem = m.check();
    if (problem != null) {
      // the field within the message ("message.header...."), reported at the message's first byte
      String field = "message".equals(r.what()) ? problem[0] : r.what() + "." + problem[0];
      throw new DecodingException(field, start, problem[1]);
    }
    return m;
  }

  /** The serialized message: what signers sign (a copy). */
  public byte[] serialize() {
    return serialized.clone();
  }

  byte[] rawSerialized() {
    return serialized;
  }

  /** The serialized length in bytes. */
  public int serializedLength() {
    return serialized.length;
  }

  public Version version() {
    return version;
  }

  /** How many signatures the message requires: the first that many static keys sign. */
  public int numRequiredSignatures() {
    return numRequiredSignatures;
  }

  /** How many of the signers are read-only (the last ones among them). */
  public int numReadonlySignedAccounts() {
    return numReadonlySigned;
  }

  /** How many of the non-signer static keys are read-only (the last ones). */
  public int numReadonlyUnsignedAccounts() {
    return numReadonlyUnsigned;
  }

  /** The accounts listed in the message itself (unmodifiable). */
  public List<Pubkey> staticAccountKeys() {
    return staticAccountKeys;
  }

  /** The fee payer: the first static key. */
  public Pubkey feePayer() {
    return staticAccountKeys.get(0);
  }

  /** The required signers, in signature order (unmodifiable). */
  public List<Pubkey> signers() {
    return staticAccountKeys.subList(0, numRequiredSignatures);
  }

  public Blockhash recentBlockhash() {
    return recentBlockhash;
  }

  /** The compiled instructions (unmodifiable). */
  public List<CompiledInstruction> instructions() {
    return instructions;
  }

  /** The lookup-table references (empty for legacy messages; unmodifiable). */
  public List<AddressTableLookup> addressTableLookups() {
    return addressTableLookups;
  }

  /** How many accounts the message uses: static keys plus those loaded through tables. */
  public int accountCount() {
    int n = staticAccountKeys.size();
    for (AddressTableLookup l : addressTableLookups) {
      n += l.writableCount() + l.readonlyCount();
    }
    return n;
  }

  /** Whether account {@code index} (static keys first, then table loads) must sign. */
  public boolean isSigner(int index) {
    return index >= 0 && index < numRequiredSignatures;
  }

  /**
   * Whether account {@code index} is writable as the message declares it (the runtime additionally
   * demotes program ids and reserved accounts).
   */
  public boolean isWritable(int index) {
    int nStatic = staticAccountKeys.size();
    if (index < 0) {
      return false;
    }
    if (index < numRequiredSignatures) {
      return index < numRequiredSignatures - numReadonlySigned;
    }
    if (index < nStatic) {
      return index < nStatic - numReadonlyUnsigned;
    }
    int writableLoaded = 0;
    for (AddressTableLookup l : addressTableLookups) {
      writableLoaded += l.writableCount();
    }
    return index < nStatic + writableLoaded;
  }

  /**
   * Every account in index order: the static keys, then the writable and then the read-only
   * accounts loaded through tables.
   *
   * @param tables the tables the lookups refer to (any order; ignored for legacy messages)
   * @throws SvmException (INVALID_INPUT) if a table is missing or too short
   */
  public List<Pubkey> accountKeys(List<AddressLookupTable> tables) {
    List<Pubkey> out = new ArrayList<>(accountCount());
    out.addAll(staticAccountKeys);
    if (addressTableLookups.isEmpty()) {
      return Collections.unmodifiableList(out);
    }
    if (tables == null) {
      throw invalid("addressLookupTables", "is null but the message uses lookup tables");
    }
    List<AddressLookupTable> resolved = new ArrayList<>(addressTableLookups.size());
    for (AddressTableLookup l : addressTableLookups) {
      AddressLookupTable found = null;
      for (AddressLookupTable t : tables) {
        if (t != null && t.key().equals(l.tableKey())) {
          found = t;
          break;
        }
      }
      if (found == null) {
        throw invalid("addressLookupTables", "table " + l.tableKey() + " is not given");
      }
      resolved.add(found);
    }
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < addressTableLookups.size(); i++) {
        AddressTableLookup l = addressTableLookups.get(i);
        List<Pubkey> addrs = resolved.get(i).addresses();
        byte[] idx = pass == 0 ? l.rawWritable() : l.rawReadonly();
        for (byte b : idx) {
          int j = b & 0xff;
          if (j >= addrs.size()) {
            throw invalid("addressLookupTables", "table " + l.tableKey() + " has no index " + j);
          }
          out.add(addrs.get(j));
        }
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The instructions with addresses and flags resolved (the inverse of compiling, up to account
   * de-duplication).
   *
   * @param tables the lookup tables the message refers to ({@code List.of()} for legacy messages)
   */
  public List<Instruction> decompileInstructions(List<AddressLookupTable> tables) {
    List<Pubkey> keys = accountKeys(tables);
    List<Instruction> out = new ArrayList<>(instructions.size());
    for (CompiledInstruction ix : instructions) {
      List<AccountMeta> metas = new ArrayList<>(ix.accountCount());
      for (int j = 0; j < ix.accountCount(); j++) {
        int a = ix.accountIndex(j);
        metas.add(AccountMeta.of(keys.get(a), isSigner(a), isWritable(a)));
      }
      out.add(Instruction.trusted(keys.get(ix.programIdIndex()), metas, ix.rawData()));
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Message && java.util.Arrays.equals(serialized, ((Message) o).serialized);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(serialized);
  }

  @Override
  public String toString() {
    return "Message{" + version + ", payer=" + feePayer() + ", signers=" + numRequiredSignatures
        + ", accounts=" + accountCount() + ", instructions=" + instructions.size()
        + ", lookups=" + addressTableLookups.size() + ", " + serialized.length + " bytes}";
  }
}
