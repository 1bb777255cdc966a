package dev.cairn.svm.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.encoding.Hex;
import dev.cairn.svm.Keypair;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.TransactionTooLargeException;
import dev.cairn.svm.programs.AssociatedTokenProgram;
import dev.cairn.svm.programs.TokenProgram;
import dev.cairn.svm.tx.AccountMeta;
import dev.cairn.svm.tx.AddressLookupTable;
import dev.cairn.svm.tx.AddressTableLookup;
import dev.cairn.svm.tx.Blockhash;
import dev.cairn.svm.tx.Instruction;
import dev.cairn.svm.tx.Message;
import dev.cairn.svm.tx.Transaction;
import dev.cairn.svm.ProgramAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * sdk-svm against both JavaScript reference implementations at once, @solana/web3.js 1.98.4 and
 * @solana/kit 8.4.0, over the same seeded random transactions (legacy and v0; one to five signers;
 * a fee payer that is sometimes no instruction's account; random lookup tables holding some of the
 * accounts, signers and programs included; duplicate accounts with mixed flags; data from 0 to 300
 * bytes). All oracle calls of a test go in one pipelined batch.
 *
 * <p>Account order: web3.js ({@code TransactionMessage.compileToV0Message}/{@code
 * compileToLegacyMessage}) and sdk-svm order each of the four groups by first use and take table
 * accounts table by table in the order the tables are given, so the bytes must be equal for every
 * case. kit ({@code compileTransactionMessage}) orders each group by address ({@code
 * getAddressComparator}: an ICU collation, case-insensitive first, lower case first) and lookup
 * accounts by (writable, table address, address); its bytes must be equal for the "aligned" cases,
 * whose first use already follows that order (a leading instruction lists every account in kit's
 * order, its program a key with leading zero bytes, the tables given in kit's order). For all other
 * cases kit must agree on everything but the order: header counts, the set of static keys, each
 * table's writable and read-only sets, the resolved instructions with their flags, the signatures.
 */
class KitAndWeb3jsDifferentialTest {
  private static final int TRANSACTIONS = 1200;
  private static final int DERIVATIONS = 1000;
  private static final long SEED = 0x501a_2026L;

  /** Signers come from a seeded pool, so that both scripts derive each key once. */
  private static final List<Keypair> POOL = new ArrayList<>();

  static {
    SplittableRandom r = new SplittableRandom(SEED - 1);
    for (int i = 0; i < 48; i++) {
      POOL.add(Keypair.fromSeed(bytes(r, 32)));
    }
  }

  private final SvmOracle oracle = SvmOracle.get();

  static byte[] bytes(SplittableRandom r, int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) r.nextInt(256);
    }
    return b;
  }

  static Pubkey randomKey(SplittableRandom r) {
    return Pubkey.of(bytes(r, 32));
  }

  /**
   * kit's address order, {@code Intl.Collator('en', {caseFirst: 'lower', sensitivity: 'variant'})}
   * on base58 text: digits before letters, letters compared without case, then at the first case
   * difference lower case first. Checked against kit itself in {@link #kitAddressOrderIsModelled}.
   */
  static final Comparator<String> KIT_ORDER = (a, b) -> {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      int pa = primary(a.charAt(i));
      int pb = primary(b.charAt(i));
      if (pa != pb) {
        return Integer.compare(pa, pb);
      }
    }
    if (a.length() != b.length()) {
      return Integer.compare(a.length(), b.length());
    }
    for (int i = 0; i < n; i++) {
      char ca = a.charAt(i);
      char cb = b.charAt(i);
      if (ca != cb) {
        return Character.isLowerCase(ca) ? -1 : 1;
      }
    }
    return 0;
  };

  private static int primary(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    return 10 + Character.toLowerCase(c) - 'a';
  }

  static final Comparator<Pubkey> KIT_KEY_ORDER = Comparator.comparing(Pubkey::toBase58, KIT_ORDER);

  /** One random transaction. */
  static final class Case {
    final int index;
    final boolean v0;
    final boolean aligned;
    final boolean separatePayer;
    final List<Keypair> signers = new ArrayList<>();
    final Keypair payer;
    final List<Instruction> instructions = new ArrayList<>();
    final List<AddressLookupTable> tables = new ArrayList<>();
    final Blockhash blockhash;

    Case(int index, SplittableRandom r) {
      this.index = index;
      v0 = r.nextBoolean();
      aligned = r.nextInt(3) == 0;
      int nSigners = 1 + r.nextInt(5);
      List<Keypair> shuffled = new ArrayList<>(POOL);
      for (int i = 0; i <= nSigners; i++) {
        java.util.Collections.swap(shuffled, i, i + r.nextInt(shuffled.size() - i));
      }
      signers.addAll(shuffled.subList(0, nSigners));
      separatePayer = r.nextInt(3) == 0;
      // a separate fee payer signs but no instruction names it
      payer = separatePayer ? shuffled.get(nSigners) : signers.get(r.nextInt(nSigners));
      blockhash = Blockhash.of(bytes(r, 32));
      List<Pubkey> others = new ArrayList<>();
      int nOthers = r.nextInt(12);
      for (int i = 0; i < nOthers; i++) {
        others.add(randomKey(r));
      }
      List<Pubkey> programs = new ArrayList<>();
      int nPrograms = 1 + r.nextInt(3);
      for (int i = 0; i < nPrograms; i++) {
        programs.add(randomKey(r));
      }
      int nIx = 1 + r.nextInt(5);
      for (int i = 0; i < nIx; i++) {
        List<AccountMeta> metas = new ArrayList<>();
        int nAcc = r.nextInt(7);
        for (int j = 0; j < nAcc; j++) {
          int pick = r.nextInt(10);
          if (pick < 3 || others.isEmpty()) {
            // a signer, sometimes passed with isSigner=false (the flags merge to signer)
            Keypair k = signers.get(r.nextInt(nSigners));
            metas.add(AccountMeta.of(k.publicKey(), r.nextInt(4) != 0, r.nextBoolean()));
          } else if (pick == 3) {
            // an invoked program as a read-only account (kit refuses it writable)
            metas.add(AccountMeta.of(programs.get(r.nextInt(nPrograms)), false, false));
          } else {
            metas.add(AccountMeta.of(others.get(r.nextInt(others.size())), false, r.nextBoolean()));
          }
        }
        int dataLen = r.nextInt(10) == 0 ? r.nextInt(300) : r.nextInt(40);
        instructions.add(Instruction.of(programs.get(r.nextInt(nPrograms)), metas, bytes(r, dataLen)));
      }
      // every signer is required by some instruction
      List<AccountMeta> signerMetas = new ArrayList<>();
      for (Keypair k : signers) {
        if (!separatePayer && k == payer && r.nextBoolean()) {
          continue;
        }
        signerMetas.add(AccountMeta.of(k.publicKey(), true, r.nextBoolean()));
      }
      instructions.add(Instruction.of(programs.get(0), signerMetas, bytes(r, r.nextInt(8))));
      if (v0) {
        int nTables = r.nextInt(4);
        for (int t = 0; t < nTables; t++) {
          List<Pubkey> addrs = new ArrayList<>();
          // a quarter of the tables are larger than sdk-svm's linear-search limit (32)
          int n = r.nextInt(4) == 0 ? 33 + r.nextInt(60) : r.nextInt(20);
          for (int i = 0; i < n; i++) {
            int pick = r.nextInt(5);
            if (pick == 0 || others.isEmpty()) {
              addrs.add(randomKey(r));
            } else if (pick == 1) {
              addrs.add(signers.get(r.nextInt(nSigners)).publicKey()); // signers stay static
            } else if (pick == 2 && r.nextInt(3) == 0) {
              addrs.add(programs.get(r.nextInt(nPrograms))); // invoked programs stay static
            } else {
              addrs.add(others.get(r.nextInt(others.size())));
            }
          }
          if (separatePayer && r.nextInt(4) == 0) {
            addrs.add(payer.publicKey()); // the fee payer stays static
          }
          tables.add(AddressLookupTable.of(randomKey(r), addrs));
        }
      }
      if (aligned) {
        align(r);
      }
    }

    /** Makes first use follow kit's order: see the class comment. */
    private void align(SplittableRandom r) {
      Map<Pubkey, int[]> flags = new LinkedHashMap<>();
      for (Instruction ix : instructions) {
        flags.computeIfAbsent(ix.programId(), k -> new int[1]);
        for (AccountMeta m : ix.accounts()) {
          flags.computeIfAbsent(m.pubkey(), k -> new int[1])[0] |= (m.isSigner() ? 1 : 0) | (m.isWritable() ? 2 : 0);
        }
      }
      flags.remove(payer.publicKey());
      List<Pubkey> all = new ArrayList<>(flags.keySet());
      all.sort(KIT_KEY_ORDER);
      List<AccountMeta> decl = new ArrayList<>();
      for (Pubkey k : all) {
        int f = flags.get(k)[0];
        decl.add(AccountMeta.of(k, (f & 1) != 0, (f & 2) != 0));
      }
      byte[] p = bytes(r, 32);
      Arrays.fill(p, 0, 4, (byte) 0); // base58 "1111...": first in kit's order
      instructions.add(0, Instruction.of(Pubkey.of(p), decl, bytes(r, 4)));
      tables.sort(Comparator.comparing(AddressLookupTable::key, KIT_KEY_ORDER));
    }

    List<Keypair> allSigners() {
      List<Keypair> out = new ArrayList<>(signers);
      if (separatePayer) {
        out.add(0, payer);
      }
      return out;
    }

    Message compile() {
      return v0
          ? Message.compileV0(payer.publicKey(), instructions, blockhash, tables)
          : Message.compileLegacy(payer.publicKey(), instructions, blockhash);
    }

    ObjectNode base(String op, boolean sign) {
      ObjectNode req = SvmOracle.request(op);
      req.put("version", v0 ? "0" : "legacy");
      req.put("payer", payer.publicKey().toBase58());
      req.put("blockhash", blockhash.toBase58());
      ArrayNode ixs = req.putArray("instructions");
      for (Instruction ix : instructions) {
        ixs.add(Web3jsDifferentialTest.ixJson(ix));
      }
      req.set("tables", tablesJson(tables));
      ArrayNode s = req.putArray("signers");
      for (Keypair k : sign ? allSigners() : List.<Keypair>of()) {
        s.add(Hex.encode(Arrays.copyOf(k.secretKey(), 32)));
      }
      return req;
    }

    @Override
    public String toString() {
      return "case " + index + " (seed " + Long.toHexString(SEED) + ", " + (v0 ? "v0" : "legacy") + (aligned ? ", aligned" : "")
          + (separatePayer ? ", separate fee payer" : "") + "): " + base("compile", true);
    }
  }

  static ArrayNode tablesJson(List<AddressLookupTable> tables) {
    ArrayNode ts = SvmOracle.json().createArrayNode();
    for (AddressLookupTable t : tables) {
      ObjectNode tj = ts.addObject().put("key", t.key().toBase58());
      ArrayNode a = tj.putArray("addresses");
      t.addresses().forEach(p -> a.add(p.toBase58()));
    }
    return ts;
  }

  /** Resolved instructions as the message declares them, as text (program:key/sw,...:data). */
  static List<String> resolved(List<Instruction> ixs) {
    List<String> out = new ArrayList<>();
    for (Instruction ix : ixs) {
      StringBuilder sb = new StringBuilder(ix.programId().toBase58()).append(':');
      for (AccountMeta m : ix.accounts()) {
        sb.append(m.pubkey().toBase58()).append('/').append(m.isSigner() ? 's' : '-').append(m.isWritable() ? 'w' : '-').append(',');
      }
      out.add(sb.append(':').append(Hex.encode(ix.data())).toString());
    }
    return out;
  }

  static List<String> resolved(JsonNode ixs) {
    List<String> out = new ArrayList<>();
    for (JsonNode ix : ixs) {
      StringBuilder sb = new StringBuilder(ix.get("programId").asText()).append(':');
      for (JsonNode m : ix.get("accounts")) {
        sb.append(m.get("pubkey").asText()).append('/').append(m.get("isSigner").asBoolean() ? 's' : '-')
            .append(m.get("isWritable").asBoolean() ? 'w' : '-').append(',');
      }
      out.add(sb.append(':').append(ix.get("data").asText()).toString());
    }
    return out;
  }

  static List<String> texts(JsonNode arr) {
    List<String> out = new ArrayList<>();
    arr.forEach(n -> out.add(n.asText()));
    return out;
  }

  static List<String> base58(List<Pubkey> keys) {
    List<String> out = new ArrayList<>();
    keys.forEach(k -> out.add(k.toBase58()));
    return out;
  }

  /** Each used table's (writable set, read-only set) of addresses, keyed by table. */
  static Map<String, String> lookupSets(List<AddressTableLookup> lookups, List<AddressLookupTable> tables) {
    Map<String, String> out = new java.util.TreeMap<>();
    for (AddressTableLookup l : lookups) {
      List<Pubkey> addrs = tables.stream().filter(t -> t.key().equals(l.tableKey())).findFirst().orElseThrow().addresses();
      TreeSet<String> w = new TreeSet<>();
      TreeSet<String> ro = new TreeSet<>();
      for (int i : l.writableIndexes()) {
        w.add(addrs.get(i).toBase58());
      }
      for (int i : l.readonlyIndexes()) {
        ro.add(addrs.get(i).toBase58());
      }
      out.put(l.tableKey().toBase58(), w + "|" + ro);
    }
    return out;
  }

  static byte[] unhex(JsonNode n) {
    return Hex.decode(n.asText());
  }

  static void allValid(JsonNode valid, int expected, String what) {
    assertEquals(expected, valid.size(), what + ": signature count");
    for (int i = 0; i < valid.size(); i++) {
      assertTrue(valid.get(i).asBoolean(), what + ": signature " + i + " does not verify there");
    }
  }

  @Test
  void randomTransactionsAgreeWithWeb3jsAndKitBothWays() {
    SplittableRandom r = new SplittableRandom(SEED);
    List<Case> cases = new ArrayList<>();
    List<Transaction> ours = new ArrayList<>();
    List<byte[]> wires = new ArrayList<>();
    List<ObjectNode> reqs = new ArrayList<>();
    int tooLarge = 0;
    for (int n = 0; n < TRANSACTIONS; n++) {
      Case c = new Case(n, r);
      Transaction tx = Transaction.unsigned(c.compile()).sign(c.allSigners().toArray(new Keypair[0]));
      byte[] wire;
      try {
        wire = tx.serialize();
      } catch (TransactionTooLargeException e) {
        assertTrue(e.getMessage().contains(Integer.toString(tx.serializedLength())), e.getMessage());
        tooLarge++;
        continue;
      }
      cases.add(c);
      ours.add(tx);
      wires.add(wire);
      ArrayNode tables = tablesJson(c.tables);
      // web3.js signs and verifies with noble (pure JS, milliseconds each): every third case
      boolean web3Signs = n % 3 == 0;
      reqs.add(c.base("compile", web3Signs));
      reqs.add(SvmOracle.request("decodeResolved").put("transaction", Hex.encode(wire)).put("verify", web3Signs).set("tables", tables));
      reqs.add(SvmOracle.request("kitDecode").put("transaction", Hex.encode(wire)).set("tables", tables.deepCopy()));
      reqs.add(c.base("kitCompile", true));
    }
    long t0 = System.nanoTime();
    List<JsonNode> answers = oracle.callAll(reqs);
    long oracleMs = (System.nanoTime() - t0) / 1_000_000;
    int v0 = 0;
    int withLookups = 0;
    int aligned = 0;
    int kitSameBytes = 0;
    int kitOrderDiffers = 0;
    int separatePayer = 0;
    int largeTables = 0;
    int web3Signatures = 0;
    int kitSignatures = 0;
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      Transaction tx = ours.get(i);
      Message m = tx.message();
      try {
        List<String> ourIxs = resolved(m.decompileInstructions(c.tables));
        // web3.js: same bytes (same ordering rules), the same transaction when built there
        JsonNode w3Built = answers.get(4 * i);
        assertEquals(Hex.encode(m.serialize()), w3Built.get("message").asText(), "web3.js message bytes");
        boolean web3Signed = c.index % 3 == 0;
        if (web3Signed) {
          assertEquals(Hex.encode(wires.get(i)), w3Built.get("transaction").asText(), "web3.js transaction bytes");
          web3Signatures += m.numRequiredSignatures();
        } else {
          Transaction unsignedThere = Transaction.deserialize(unhex(w3Built.get("transaction")));
          assertEquals(m, unsignedThere.message(), "web3.js unsigned transaction's message");
          assertFalse(unsignedThere.hasSignature(0), "web3.js left the signatures empty");
        }
        // ours decoded by web3.js
        JsonNode w3 = answers.get(4 * i + 1);
        assertEquals(Hex.encode(m.serialize()), w3.get("messageBytes").asText(), "web3.js re-serialized message");
        assertEquals(c.payer.publicKey().toBase58(), w3.get("feePayer").asText(), "web3.js fee payer");
        assertEquals(c.blockhash.toBase58(), w3.get("blockhash").asText(), "web3.js blockhash");
        assertEquals(m.numRequiredSignatures(), w3.at("/message/header/numRequiredSignatures").asInt());
        assertEquals(m.numReadonlySignedAccounts(), w3.at("/message/header/numReadonlySignedAccounts").asInt());
        assertEquals(m.numReadonlyUnsignedAccounts(), w3.at("/message/header/numReadonlyUnsignedAccounts").asInt());
        assertEquals(base58(m.staticAccountKeys()), texts(w3.at("/message/staticAccountKeys")), "web3.js static keys");
        assertEquals(ourIxs, resolved(w3.get("instructions")), "web3.js resolved instructions and flags");
        if (web3Signed) {
          allValid(w3.get("valid"), m.numRequiredSignatures(), "web3.js");
        }
        // ours decoded by kit
        JsonNode kd = answers.get(4 * i + 2);
        assertEquals(Hex.encode(m.serialize()), kd.get("messageBytes").asText(), "kit re-encoded message");
        assertEquals(c.payer.publicKey().toBase58(), kd.get("feePayer").asText(), "kit fee payer");
        assertEquals(c.blockhash.toBase58(), kd.get("blockhash").asText(), "kit blockhash");
        assertEquals(m.numRequiredSignatures(), kd.at("/compiled/header/numRequiredSignatures").asInt());
        assertEquals(m.numReadonlySignedAccounts(), kd.at("/compiled/header/numReadonlySignedAccounts").asInt());
        assertEquals(m.numReadonlyUnsignedAccounts(), kd.at("/compiled/header/numReadonlyUnsignedAccounts").asInt());
        assertEquals(base58(m.staticAccountKeys()), texts(kd.at("/compiled/staticAccountKeys")), "kit static keys");
        assertEquals(ourIxs, resolved(kd.get("instructions")), "kit resolved instructions and flags");
        assertEquals(base58(m.signers()), texts(kd.get("signers")), "kit signers");
        allValid(kd.get("valid"), m.numRequiredSignatures(), "kit");
        kitSignatures += 2 * m.numRequiredSignatures();
        // built and signed by kit, decoded here
        JsonNode kb = answers.get(4 * i + 3);
        byte[] theirs = unhex(kb.get("transaction"));
        Transaction decoded = Transaction.deserialize(theirs);
        assertTrue(decoded.verifySignatures(), "kit's signatures verify here");
        assertEquals(Hex.encode(theirs), Hex.encode(decoded.serialize()), "kit's transaction re-serialized here");
        Message km = decoded.message();
        assertEquals(m.version(), km.version());
        assertEquals(m.feePayer(), km.feePayer(), "fee payer of kit's message");
        assertEquals(m.recentBlockhash(), km.recentBlockhash());
        assertEquals(m.numRequiredSignatures(), km.numRequiredSignatures(), "kit header: signers");
        assertEquals(m.numReadonlySignedAccounts(), km.numReadonlySignedAccounts(), "kit header: read-only signers");
        assertEquals(m.numReadonlyUnsignedAccounts(), km.numReadonlyUnsignedAccounts(), "kit header: read-only non-signers");
        assertEquals(new TreeSet<>(m.staticAccountKeys()), new TreeSet<>(km.staticAccountKeys()), "kit static key set");
        assertEquals(lookupSets(m.addressTableLookups(), c.tables), lookupSets(km.addressTableLookups(), c.tables), "kit lookups");
        assertEquals(ourIxs, resolved(km.decompileInstructions(c.tables)), "kit's instructions decoded here");
        if (c.aligned) {
          aligned++;
          assertEquals(Hex.encode(m.serialize()), kb.get("message").asText(), "kit message bytes (aligned order)");
          assertEquals(Hex.encode(wires.get(i)), Hex.encode(theirs), "kit transaction bytes (aligned order)");
          kitSameBytes++;
        } else if (!Arrays.equals(m.serialize(), km.serialize())) {
          kitOrderDiffers++;
        } else {
          kitSameBytes++;
        }
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(e.getMessage() + "\n  failing " + c, e);
      }
      v0 += c.v0 ? 1 : 0;
      withLookups += m.addressTableLookups().isEmpty() ? 0 : 1;
      separatePayer += c.separatePayer ? 1 : 0;
      largeTables += c.tables.stream().anyMatch(t -> t.addresses().size() > 32) && !m.addressTableLookups().isEmpty() ? 1 : 0;
    }
    System.out.printf("svm differential: %d transactions (%d v0, %d loading through tables, %d with a separate fee payer, "
        + "%d over 1232 bytes skipped, %d with a table over 32 addresses and lookups); web3.js byte-equal %d; kit byte-equal %d (aligned %d), kit order differs %d; signatures made or verified there: web3.js %d, kit %d; oracle %d ms%n",
        cases.size(), v0, withLookups, separatePayer, tooLarge, largeTables, cases.size(), kitSameBytes, aligned, kitOrderDiffers, web3Signatures, kitSignatures, oracleMs);
    assertTrue(cases.size() >= 1000, "transactions compared: " + cases.size());
    assertTrue(v0 > cases.size() / 3, "v0 cases: " + v0);
    assertTrue(withLookups > cases.size() / 10, "cases that load through tables: " + withLookups);
    assertTrue(separatePayer > cases.size() / 5, "separate fee payer: " + separatePayer);
    assertTrue(aligned > cases.size() / 5, "aligned: " + aligned);
    assertTrue(largeTables > cases.size() / 20, "cases with a large table: " + largeTables);
    assertTrue(kitOrderDiffers > cases.size() / 4, "the generator must exercise kit's different order: " + kitOrderDiffers);
  }

  @Test
  void kitAddressOrderIsModelled() {
    SplittableRandom r = new SplittableRandom(SEED + 1);
    List<ObjectNode> reqs = new ArrayList<>();
    List<List<String>> expected = new ArrayList<>();
    for (int n = 0; n < 50; n++) {
      List<String> addrs = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        byte[] b = bytes(r, 32);
        if (r.nextInt(5) == 0) {
          Arrays.fill(b, 0, 1 + r.nextInt(3), (byte) 0);
        }
        addrs.add(Pubkey.of(b).toBase58());
      }
      ArrayNode a = SvmOracle.json().createArrayNode();
      addrs.forEach(a::add);
      reqs.add((ObjectNode) SvmOracle.request("kitSort").set("addresses", a));
      List<String> sorted = new ArrayList<>(addrs);
      sorted.sort(KIT_ORDER);
      expected.add(sorted);
    }
    List<JsonNode> answers = oracle.callAll(reqs);
    for (int i = 0; i < answers.size(); i++) {
      assertEquals(expected.get(i), texts(answers.get(i).get("sorted")), "batch " + i);
    }
  }

  @Test
  void kitRefusesWritableInvokedProgramsWhereWeb3jsAndSdkSvmCompile() {
    // a documented difference: web3.js and sdk-svm compile such a message (the runtime demotes the
    // program to read-only); kit refuses it (SOLANA_ERROR__TRANSACTION__INVOKED_PROGRAMS_MUST_NOT_BE_WRITABLE)
    Keypair payer = Keypair.fromSeed(new byte[32]);
    Pubkey program = Pubkey.of(new byte[] {7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7});
    Instruction ix = Instruction.of(program, List.of(AccountMeta.of(program, false, true)), new byte[] {1});
    Message m = Message.compileLegacy(payer.publicKey(), List.of(ix), Blockhash.of(new byte[32]));
    ObjectNode req = SvmOracle.request("kitCompile").put("version", "legacy").put("payer", payer.publicKey().toBase58())
        .put("blockhash", m.recentBlockhash().toBase58());
    req.putArray("instructions").add(Web3jsDifferentialTest.ixJson(ix));
    ObjectNode w3 = req.deepCopy().put("op", "compile");
    List<JsonNode> a = oracle.callAllRaw(List.of(req, w3));
    assertFalse(a.get(0).path("ok").asBoolean(), "kit compiled a writable invoked program: " + a.get(0));
    assertTrue(a.get(1).path("ok").asBoolean(), a.get(1).toString());
    assertEquals(Hex.encode(m.serialize()), a.get(1).get("message").asText());
  }

  @Test
  void programAndAssociatedTokenAddressesAgreeWithWeb3jsAndKit() {
    SplittableRandom r = new SplittableRandom(SEED + 2);
    List<ObjectNode> reqs = new ArrayList<>();
    List<String[]> expected = new ArrayList<>();
    for (int n = 0; n < DERIVATIONS; n++) {
      int nSeeds = r.nextInt(6);
      List<byte[]> seeds = new ArrayList<>();
      ArrayNode sj = SvmOracle.json().createArrayNode();
      for (int i = 0; i < nSeeds; i++) {
        byte[] s = bytes(r, r.nextInt(33));
        seeds.add(s);
        sj.add(Hex.encode(s));
      }
      Pubkey program = randomKey(r);
      ProgramAddress pa = Pubkey.findProgramAddress(seeds, program);
      String desc = "pda seeds " + sj + " program " + program;
      reqs.add((ObjectNode) SvmOracle.request("pda").put("programId", program.toBase58()).set("seeds", sj));
      reqs.add((ObjectNode) SvmOracle.request("kitPda").put("programId", program.toBase58()).set("seeds", sj.deepCopy()));
      expected.add(new String[] {pa.address().toBase58(), Integer.toString(pa.bump()), desc});
      Pubkey owner = r.nextInt(4) == 0 ? pa.address() : randomKey(r); // PDA owners too (allowOwnerOffCurve)
      Pubkey mint = randomKey(r);
      Pubkey tokenProgram = r.nextBoolean() ? TokenProgram.TOKEN_PROGRAM_ID : TokenProgram.TOKEN_2022_PROGRAM_ID;
      ObjectNode ata = SvmOracle.request("ata").put("owner", owner.toBase58()).put("mint", mint.toBase58())
          .put("tokenProgram", tokenProgram.toBase58());
      reqs.add(ata);
      reqs.add(ata.deepCopy().put("op", "kitAta"));
      expected.add(new String[] {AssociatedTokenProgram.address(owner, mint, tokenProgram).toBase58(), null,
          "ata owner " + owner + " mint " + mint + " program " + tokenProgram});
    }
    List<JsonNode> answers = oracle.callAll(reqs);
    for (int i = 0; i < expected.size(); i++) {
      String[] e = expected.get(i);
      for (int lib = 0; lib < 2; lib++) {
        JsonNode a = answers.get(2 * i + lib);
        String who = lib == 0 ? "web3.js" : "kit";
        assertEquals(e[0], a.get("address").asText(), who + ", derivation " + i / 2 + ": " + e[2]);
        if (e[1] != null) {
          assertEquals(e[1], a.get("bump").asText(), who + " bump, derivation " + i / 2 + ": " + e[2]);
        }
      }
    }
  }
}
