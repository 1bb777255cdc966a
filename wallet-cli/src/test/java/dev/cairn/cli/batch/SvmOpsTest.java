package dev.cairn.cli.batch;

import static dev.cairn.cli.batch.BatchProtocolTest.assertError;
import static dev.cairn.cli.batch.BatchProtocolTest.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.encoding.Base58;
import dev.cairn.core.encoding.Hex;
import dev.cairn.cli.Cli;
import dev.cairn.svm.Keypair;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.tx.Transaction;
import dev.cairn.testing.oracle.LazyOracle;
import dev.cairn.testing.oracle.OracleScript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The svm.* batch ops: byte-for-byte against @solana/web3.js ({@code tools/svm-oracle/svm.mjs}) for
 * random legacy and v0 messages, PDA and ATA derivations against web3.js and spl-token, decoding,
 * and the error codes of the specification.
 */
class SvmOpsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LazyOracle WEB3 =
      OracleScript.of(Path.of("../tools/svm-oracle/svm.mjs"))
          .requirePackages("@solana/web3.js", "@solana/spl-token")
          .setupHint("run scripts/setup.sh (it installs tools/svm-oracle)")
          .lazy();
  private static final String BLOCKHASH = Base58.encode(filled(7));
  private static final int RANDOM_MESSAGES = 300;

  @AfterAll
  static void stop() {
    WEB3.close();
  }

  private static ObjectNode req(String op) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", 1);
    n.put("op", op);
    return n;
  }

  private static byte[] bytes(SplittableRandom r, int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) r.nextInt(256);
    }
    return b;
  }

  private static String key(SplittableRandom r) {
    return Base58.encode(bytes(r, 32));
  }

  private static ObjectNode meta(String pubkey, boolean signer, boolean writable) {
    ObjectNode a = JSON.createObjectNode();
    a.put("pubkey", pubkey);
    a.put("isSigner", signer);
    a.put("isWritable", writable);
    return a;
  }

  /** One random case: the CLI request, and the same message as the oracle's compile request. */
  private static final class Case {
    final ObjectNode cli;
    final ObjectNode oracle;

    Case(SplittableRandom r) {
      boolean v0 = r.nextBoolean();
      int nSigners = 1 + r.nextInt(4);
      List<byte[]> seeds = new ArrayList<>();
      List<String> signerKeys = new ArrayList<>();
      ArrayNode cliSigners = JSON.createArrayNode();
      ArrayNode oracleSigners = JSON.createArrayNode();
      for (int i = 0; i < nSigners; i++) {
        byte[] seed = bytes(r, 32);
        seeds.add(seed);
        Keypair kp = Keypair.fromSeed(seed);
        signerKeys.add(kp.publicKey().toBase58());
        // both signer forms of the spec: a 0x seed or a base58 64-byte keypair
        cliSigners.add(r.nextBoolean() ? Hex.encodePrefixed(seed) : Base58.encode(kp.secretKey()));
        oracleSigners.add(Hex.encode(seed));
      }
      String payer = signerKeys.get(r.nextInt(nSigners));
      List<String> others = new ArrayList<>();
      for (int i = 0, n = r.nextInt(10); i < n; i++) {
        others.add(key(r));
      }
      List<String> programs = new ArrayList<>();
      for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
        programs.add(key(r));
      }
      ArrayNode cliIxs = JSON.createArrayNode();
      ArrayNode oracleIxs = JSON.createArrayNode();
      List<String> mentionedSigners = new ArrayList<>(List.of(payer));
      for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
        ObjectNode ix = JSON.createObjectNode();
        ix.put("programId", programs.get(r.nextInt(programs.size())));
        ArrayNode accts = ix.putArray("accounts");
        for (int j = 0, m = r.nextInt(6); j < m; j++) {
          if (r.nextInt(3) == 0 || others.isEmpty()) {
            String s = signerKeys.get(r.nextInt(nSigners));
            mentionedSigners.add(s);
            accts.add(meta(s, true, r.nextBoolean()));
          } else {
            accts.add(meta(others.get(r.nextInt(others.size())), false, r.nextBoolean()));
          }
        }
        byte[] data = bytes(r, r.nextInt(40));
        ObjectNode cliIx = ix.deepCopy();
        cliIx.put("data", Base64.getEncoder().encodeToString(data));
        ObjectNode oracleIx = ix.deepCopy();
        oracleIx.put("data", Hex.encode(data));
        cliIxs.add(cliIx);
        oracleIxs.add(oracleIx);
      }
      ArrayNode tables = JSON.createArrayNode();
      if (v0) {
        for (int t = 0, n = r.nextInt(3); t < n; t++) {
          ObjectNode table = tables.addObject();
          table.put("key", key(r));
          ArrayNode addrs = table.putArray("addresses");
          for (int k = 0, m = r.nextInt(6); k < m; k++) {
            // table entries: some of the instruction accounts (signers too: they must stay static), and noise
            int pick = r.nextInt(3);
            addrs.add(
                pick == 0 || others.isEmpty()
                    ? key(r)
                    : pick == 1 ? signerKeys.get(r.nextInt(nSigners)) : others.get(r.nextInt(others.size())));
          }
        }
      }
      // sign with exactly the signers the message needs
      ArrayNode cliUsed = JSON.createArrayNode();
      ArrayNode oracleUsed = JSON.createArrayNode();
      for (int i = 0; i < nSigners; i++) {
        if (mentionedSigners.contains(signerKeys.get(i))) {
          cliUsed.add(cliSigners.get(i));
          oracleUsed.add(oracleSigners.get(i));
        }
      }
      cli = req("svm.signTx");
      ObjectNode message = cli.putObject("message");
      if (v0) {
        message.put("version", 0);
      } else {
        message.put("version", "legacy");
      }
      message.put("feePayer", payer);
      message.put("recentBlockhash", Base58.encode(bytes(r, 32)));
      message.set("instructions", cliIxs);
      if (v0) {
        message.set("addressLookupTables", tables);
      }
      cli.set("signers", cliUsed);
      oracle = JSON.createObjectNode();
      oracle.put("op", "compile");
      oracle.put("version", v0 ? "v0" : "legacy");
      oracle.put("payer", payer);
      oracle.put("blockhash", message.get("recentBlockhash").textValue());
      oracle.set("instructions", oracleIxs);
      oracle.set("tables", tables);
      oracle.set("signers", oracleUsed);
    }
  }

  @Test
  void signTxEqualsWeb3jsByteForByteForRandomLegacyAndV0Messages() throws Exception {
    SplittableRandom r = new SplittableRandom(0x5e1a7e);
    List<Case> cases = new ArrayList<>();
    List<String> cliLines = new ArrayList<>();
    List<String> oracleLines = new ArrayList<>();
    for (int i = 0; i < RANDOM_MESSAGES; i++) {
      Case c = new Case(r);
      c.cli.put("id", i);
      cases.add(c);
      cliLines.add(c.cli.toString());
      oracleLines.add(c.oracle.toString());
    }
    List<JsonNode> ours = Cli.batch(cliLines.toArray(new String[0]));
    List<String> theirs = WEB3.get().callAll(oracleLines);
    int v0 = 0;
    int lookedUp = 0;
    for (int i = 0; i < RANDOM_MESSAGES; i++) {
      JsonNode a = ours.get(i);
      assertOk(a);
      JsonNode o = JSON.readTree(theirs.get(i));
      assertTrue(o.get("ok").booleanValue(), o.toString());
      byte[] wire = Base64.getDecoder().decode(a.get("result").get("transaction").textValue());
      assertEquals(o.get("transaction").textValue(), Hex.encode(wire), "case " + i + ": " + cases.get(i).cli);
      assertEquals(
          o.get("message").textValue(),
          Hex.encode(Base64.getDecoder().decode(a.get("result").get("message").textValue())));
      Transaction tx = Transaction.deserialize(wire);
      assertTrue(tx.verifySignatures());
      JsonNode sigs = a.get("result").get("signatures");
      assertEquals(tx.message().numRequiredSignatures(), sigs.size());
      for (int s = 0; s < sigs.size(); s++) {
        assertEquals(Base58.encode(tx.signatures().get(s)), sigs.get(s).textValue());
      }
      if (wire[1 + 64 * sigs.size()] == (byte) 0x80) {
        v0++;
        if (!tx.message().addressTableLookups().isEmpty()) {
          lookedUp++;
        }
      }
    }
    assertTrue(v0 > RANDOM_MESSAGES / 3, "v0 cases: " + v0);
    assertTrue(lookedUp > 20, "cases loading through a table: " + lookedUp);
  }

  @Test
  void decodeTxGivesBackTheMessageAndResolvesAccounts() {
    Keypair payer = Keypair.fromSeed(new byte[32]);
    Pubkey to = Pubkey.of(new byte[] {
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
    String table = Base58.encode(filled(3));
    for (boolean v0 : new boolean[] {false, true}) {
      ObjectNode r = req("svm.signTx");
      ObjectNode m = r.putObject("message");
      if (v0) {
        m.put("version", 0);
        ArrayNode t = m.putArray("addressLookupTables");
        ObjectNode t0 = t.addObject();
        t0.put("key", table);
        t0.putArray("addresses").add(Base58.encode(filled(4))).add(to.toBase58());
      } else {
        m.put("version", "legacy");
      }
      m.put("feePayer", payer.publicKey().toBase58());
      m.put("recentBlockhash", BLOCKHASH);
      ObjectNode ix = m.putArray("instructions").addObject();
      ix.put("programId", SystemProgram.PROGRAM_ID.toBase58());
      ix.putArray("accounts").add(meta(payer.publicKey().toBase58(), true, true)).add(meta(to.toBase58(), false, true));
      ix.put("data", Base64.getEncoder().encodeToString(SystemProgram.transfer(payer.publicKey(), to, 5000).data()));
      r.putArray("signers").add(Hex.encodePrefixed(new byte[32]));
      JsonNode signed = Cli.one(r.toString());
      assertOk(signed);
      ObjectNode d = req("svm.decodeTx");
      d.put("transaction", signed.get("result").get("transaction").textValue());
      JsonNode a = Cli.one(d.toString());
      assertOk(a);
      JsonNode res = a.get("result");
      assertEquals(v0 ? JSON.getNodeFactory().numberNode(0) : JSON.getNodeFactory().textNode("legacy"), res.get("version"));
      assertEquals(payer.publicKey().toBase58(), res.get("feePayer").textValue());
      assertEquals(BLOCKHASH, res.get("recentBlockhash").textValue());
      assertEquals(signed.get("result").get("signatures"), res.get("signatures"));
      JsonNode i0 = res.get("instructions").get(0);
      assertEquals(SystemProgram.PROGRAM_ID.toBase58(), i0.get("programId").textValue());
      assertEquals(ix.get("data"), i0.get("data"));
      JsonNode acct0 = i0.get("accounts").get(0);
      assertEquals(payer.publicKey().toBase58(), acct0.get("pubkey").textValue());
      assertTrue(acct0.get("isSigner").booleanValue());
      assertTrue(acct0.get("isWritable").booleanValue());
      JsonNode acct1 = i0.get("accounts").get(1);
      assertFalse(acct1.get("isSigner").booleanValue());
      assertTrue(acct1.get("isWritable").booleanValue());
      if (v0) {
        // the recipient was in the table: loaded through it at index 1
        assertEquals(table, acct1.get("lookupTable").textValue());
        assertEquals(1, acct1.get("index").intValue());
        JsonNode l = res.get("addressTableLookups").get(0);
        assertEquals(table, l.get("accountKey").textValue());
        assertEquals("[1]", l.get("writableIndexes").toString());
        assertEquals("[]", l.get("readonlyIndexes").toString());
      } else {
        assertEquals(to.toBase58(), acct1.get("pubkey").textValue());
        assertEquals(0, res.get("addressTableLookups").size());
      }
    }
  }

  @Test
  void decodeTxOfAWeb3jsTransaction() throws Exception {
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 20; i++) {
      Case c = new Case(r);
      JsonNode o = JSON.readTree(WEB3.get().call(c.oracle.toString()));
      ObjectNode d = req("svm.decodeTx");
      d.put("transaction", Base64.getEncoder().encodeToString(Hex.decode(o.get("transaction").textValue())));
      JsonNode a = Cli.one(d.toString());
      assertOk(a);
      ObjectNode w = JSON.createObjectNode();
      w.put("op", "decode");
      w.put("transaction", o.get("transaction").textValue());
      JsonNode web3 = JSON.readTree(WEB3.get().call(w.toString())).get("message");
      JsonNode res = a.get("result");
      assertEquals(web3.get("recentBlockhash").textValue(), res.get("recentBlockhash").textValue());
      assertEquals(web3.get("staticAccountKeys"), res.get("accountKeys"));
      assertEquals(web3.get("staticAccountKeys").get(0).textValue(), res.get("feePayer").textValue());
      assertEquals(web3.get("instructions").size(), res.get("instructions").size());
      for (int k = 0; k < web3.get("instructions").size(); k++) {
        JsonNode wi = web3.get("instructions").get(k);
        JsonNode oi = res.get("instructions").get(k);
        assertEquals(wi.get("programIdIndex"), oi.get("programIdIndex"));
        assertEquals(wi.get("accountKeyIndexes"), oi.get("accountIndexes"));
        assertEquals(wi.get("data").textValue(), Hex.encode(Base64.getDecoder().decode(oi.get("data").textValue())));
      }
      assertEquals(web3.get("addressTableLookups"), res.get("addressTableLookups"));
    }
  }

  @Test
  void findProgramAddressAndAssociatedTokenAddressEqualWeb3js() throws Exception {
    SplittableRandom r = new SplittableRandom(42);
    List<String> cli = new ArrayList<>();
    List<String> oracle = new ArrayList<>();
    String token2022 = "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb";
    String token = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA";
    for (int i = 0; i < 200; i++) {
      String program = key(r);
      ObjectNode p = req("svm.findProgramAddress");
      ObjectNode q = JSON.createObjectNode().put("op", "pda").put("programId", program);
      ArrayNode seeds = p.putArray("seeds");
      ArrayNode oseeds = q.putArray("seeds");
      for (int s = 0, n = r.nextInt(5); s < n; s++) {
        byte[] seed = bytes(r, r.nextInt(33));
        seeds.add(Hex.encodePrefixed(seed));
        oseeds.add(Hex.encode(seed));
      }
      p.put("programId", program);
      cli.add(p.toString());
      oracle.add(q.toString());
      String owner = key(r);
      String mint = key(r);
      String tp = i % 3 == 0 ? null : i % 3 == 1 ? token : token2022;
      ObjectNode a = req("svm.associatedTokenAddress").put("owner", owner).put("mint", mint);
      if (tp != null) {
        a.put("tokenProgram", tp);
      }
      cli.add(a.toString());
      oracle.add(JSON.createObjectNode().put("op", "ata").put("owner", owner).put("mint", mint)
          .put("tokenProgram", tp == null ? token : tp).toString());
    }
    List<JsonNode> ours = Cli.batch(cli.toArray(new String[0]));
    List<String> theirs = WEB3.get().callAll(oracle);
    for (int i = 0; i < ours.size(); i++) {
      assertOk(ours.get(i));
      JsonNode o = JSON.readTree(theirs.get(i));
      if (i % 2 == 0) {
        assertEquals(o.get("address").textValue(), ours.get(i).get("result").get("address").textValue());
        assertEquals(o.get("bump").intValue(), ours.get(i).get("result").get("bump").intValue());
      } else {
        assertEquals(o.get("address").textValue(), ours.get(i).get("result").textValue());
      }
    }
  }

  @Test
  void partialSigningLeavesTheMissingSlotZeroAndCompletesLater() {
    Keypair payer = Keypair.fromSeed(filled(9));
    Keypair sender = Keypair.fromSeed(filled(10));
    Pubkey to = Keypair.fromSeed(filled(11)).publicKey();
    ObjectNode r = req("svm.signTx");
    ObjectNode m = r.putObject("message");
    m.put("version", "legacy");
    m.put("feePayer", payer.publicKey().toBase58());
    m.put("recentBlockhash", BLOCKHASH);
    ObjectNode ix = m.putArray("instructions").addObject();
    ix.put("programId", SystemProgram.PROGRAM_ID.toBase58());
    ix.putArray("accounts").add(meta(sender.publicKey().toBase58(), true, true)).add(meta(to.toBase58(), false, true));
    ix.put("data", Base64.getEncoder().encodeToString(SystemProgram.transfer(sender.publicKey(), to, 1).data()));
    r.putArray("signers").add(Base58.encode(sender.secretKey()));
    JsonNode a = Cli.one(r.toString());
    assertOk(a);
    JsonNode sigs = a.get("result").get("signatures");
    assertEquals(Base58.encode(new byte[64]), sigs.get(0).textValue());
    Transaction partial = Transaction.deserializeBase64(a.get("result").get("transaction").textValue());
    assertFalse(partial.isFullySigned());
    assertTrue(partial.sign(payer).verifySignatures());
  }

  private static byte[] filled(int v) {
    byte[] b = new byte[32];
    java.util.Arrays.fill(b, (byte) v);
    return b;
  }

  private static String transfer(String mutate) {
    String payer = Keypair.fromSeed(filled(1)).publicKey().toBase58();
    String base = "{\"id\":1,\"op\":\"svm.signTx\",\"message\":{\"version\":\"legacy\",\"feePayer\":\"" + payer
        + "\",\"recentBlockhash\":\"" + BLOCKHASH + "\",\"instructions\":[{\"programId\":\"11111111111111111111111111111111\","
        + "\"accounts\":[{\"pubkey\":\"" + payer + "\",\"isSigner\":true,\"isWritable\":true}],\"data\":\"AgAAAAEAAAAAAAAA\"}]},"
        + "\"signers\":[\"" + Hex.encodePrefixed(filled(1)) + "\"]}";
    return mutate == null ? base : mutate.replace("$BASE", base);
  }

  private static JsonNode withField(String path, JsonNode value) throws Exception {
    ObjectNode r = (ObjectNode) JSON.readTree(transfer(null));
    String[] parts = path.split("\\.");
    JsonNode n = r;
    for (int i = 0; i < parts.length - 1; i++) {
      n = parts[i].matches("\\d+") ? n.get(Integer.parseInt(parts[i])) : n.get(parts[i]);
    }
    String last = parts[parts.length - 1];
    if (value == null) {
      ((ObjectNode) n).remove(last);
    } else if (n.isArray()) {
      ((ArrayNode) n).set(Integer.parseInt(last), value);
    } else {
      ((ObjectNode) n).set(last, value);
    }
    return Cli.one(r.toString());
  }

  @Test
  void errorCodesNameTheField() throws Exception {
    assertOk(Cli.one(transfer(null)));
    var f = JSON.getNodeFactory();
    // missing field -> BAD_REQUEST
    assertErrorNaming(withField("message.feePayer", null), "BAD_REQUEST", "message.feePayer");
    assertErrorNaming(withField("message.version", null), "BAD_REQUEST", "message.version");
    assertErrorNaming(withField("message.instructions.0.accounts.0.isSigner", null), "BAD_REQUEST",
        "message.instructions[0].accounts[0].isSigner");
    assertErrorNaming(withField("message.instructions", f.objectNode()), "BAD_REQUEST", "message.instructions");
    assertErrorNaming(withField("message.extra", f.textNode("x")), "BAD_REQUEST", "message.extra");
    // not base58 / base64 -> DECODE_ERROR
    assertErrorNaming(withField("message.feePayer", f.textNode("0OIl")), "DECODE_ERROR", "message.feePayer");
    assertErrorNaming(withField("message.instructions.0.data", f.textNode("!!")), "DECODE_ERROR",
        "message.instructions[0].data");
    assertErrorNaming(withField("signers.0", f.textNode("0xzz" + "0".repeat(62))), "DECODE_ERROR", "signers[0]");
    assertErrorNaming(withField("signers.0", f.textNode("0OIl")), "DECODE_ERROR", "signers[0]");
    // wrong length or value -> INVALID_ARGUMENT
    assertErrorNaming(withField("message.recentBlockhash", f.textNode("2222")), "INVALID_ARGUMENT",
        "message.recentBlockhash");
    assertErrorNaming(withField("message.instructions.0.programId", f.textNode(Base58.encode(new byte[31]))),
        "INVALID_ARGUMENT", "message.instructions[0].programId");
    assertErrorNaming(withField("signers.0", f.textNode("0x1234")), "INVALID_ARGUMENT", "signers[0]");
    assertErrorNaming(withField("signers.0", f.textNode(Base58.encode(new byte[64]))), "INVALID_ARGUMENT", "signers[0]");
    assertErrorNaming(withField("signers.0", f.textNode(Hex.encodePrefixed(filled(2)))), "INVALID_ARGUMENT",
        "signers[0]");
    assertErrorNaming(withField("message.instructions.0.accounts.0.isWritable", f.textNode("yes")),
        "INVALID_ARGUMENT", "message.instructions[0].accounts[0].isWritable");
    assertErrorNaming(withField("message.version", f.textNode("v2")), "INVALID_ARGUMENT", "message.version");
    ArrayNode tables = f.arrayNode();
    tables.addObject().put("key", BLOCKHASH).putArray("addresses");
    assertErrorNaming(withField("message.addressLookupTables", tables), "INVALID_ARGUMENT", "message.addressLookupTables");
    // recognised but not supported
    assertErrorNaming(withField("message.version", f.numberNode(1)), "UNSUPPORTED", "message.version");
    // the packet limit names the size
    ObjectNode big = (ObjectNode) JSON.readTree(transfer(null));
    ((ObjectNode) big.get("message").get("instructions").get(0))
        .put("data", Base64.getEncoder().encodeToString(new byte[1200]));
    JsonNode tooBig = Cli.one(big.toString());
    assertError(tooBig, "INVALID_ARGUMENT");
    assertTrue(tooBig.get("error").get("message").textValue().contains("1232"), tooBig.toString());

    // decodeTx
    assertErrorNaming(Cli.one("{\"id\":1,\"op\":\"svm.decodeTx\",\"transaction\":\"AQ==\"}"), "DECODE_ERROR", "transaction");
    assertErrorNaming(Cli.one("{\"id\":1,\"op\":\"svm.decodeTx\",\"transaction\":\"*\"}"), "DECODE_ERROR", "transaction");
    assertErrorNaming(Cli.one("{\"id\":1,\"op\":\"svm.decodeTx\"}"), "BAD_REQUEST", "transaction");
    // findProgramAddress / associatedTokenAddress
    String prog = SystemProgram.PROGRAM_ID.toBase58();
    assertErrorNaming(Cli.one("{\"id\":1,\"op\":\"svm.findProgramAddress\",\"seeds\":[\"0x" + "00".repeat(33)
        + "\"],\"programId\":\"" + prog + "\"}"), "INVALID_ARGUMENT", "seeds[0]");
    assertErrorNaming(Cli.one("{\"id\":1,\"op\":\"svm.findProgramAddress\",\"seeds\":[\"0xg\"],\"programId\":\"" + prog + "\"}"),
        "DECODE_ERROR", "seeds[0]");
    assertErrorNaming(Cli.one("{\"id\":1,\"op\":\"svm.findProgramAddress\",\"seeds\":[" + "\"0x01\",".repeat(15)
        + "\"0x01\"],\"programId\":\"" + prog + "\"}"), "INVALID_ARGUMENT", "seeds");
    assertErrorNaming(Cli.one("{\"id\":1,\"op\":\"svm.findProgramAddress\",\"seeds\":[]}"), "BAD_REQUEST", "programId");
    assertErrorNaming(Cli.one("{\"id\":1,\"op\":\"svm.associatedTokenAddress\",\"owner\":\"" + prog + "\",\"mint\":\"xyz0\"}"),
        "DECODE_ERROR", "mint");
    assertErrorNaming(Cli.one("{\"id\":1,\"op\":\"svm.associatedTokenAddress\",\"owner\":\"" + prog + "\",\"mint\":\""
        + prog + "\",\"tokenProgram\":\"abc\"}"), "INVALID_ARGUMENT", "tokenProgram");
  }

  @Test
  void garbledTransactionsGiveTypedErrorsNeverInternalOnes() throws Exception {
    SplittableRandom r = new SplittableRandom(99);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Case c = new Case(r);
      c.cli.put("id", i);
      lines.add(c.cli.toString());
    }
    List<String> valid = new ArrayList<>();
    for (JsonNode a : Cli.batch(lines.toArray(new String[0]))) {
      assertOk(a);
      valid.add(a.get("result").get("transaction").textValue());
    }
    List<String> garbled = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      byte[] wire = Base64.getDecoder().decode(valid.get(i % valid.size()));
      switch (i % 3) {
        case 0: // flip a byte
          wire[r.nextInt(wire.length)] ^= (byte) (1 + r.nextInt(255));
          break;
        case 1: // truncate
          wire = java.util.Arrays.copyOf(wire, r.nextInt(wire.length));
          break;
        default: // random bytes
          wire = bytes(r, r.nextInt(300));
      }
      ObjectNode d = req("svm.decodeTx");
      d.put("id", i);
      d.put("transaction", Base64.getEncoder().encodeToString(wire));
      garbled.add(d.toString());
    }
    int rejected = 0;
    for (JsonNode a : Cli.batch(garbled.toArray(new String[0]))) {
      if (a.get("ok").booleanValue()) {
        continue; // a flipped signature byte still decodes
      }
      String code = a.get("error").get("code").textValue();
      assertTrue(code.equals("DECODE_ERROR") || code.equals("INVALID_ARGUMENT"), a.toString());
      rejected++;
    }
    assertTrue(rejected > 900, "rejected " + rejected);
  }

  @Test
  void secretsNeverAppearInErrors() throws Exception {
    String secret = Base58.encode(Keypair.fromSeed(filled(5)).secretKey());
    String bad = secret.substring(0, 20) + "0" + secret.substring(21);
    for (String s : new String[] {bad, secret, Hex.encodePrefixed(filled(5))}) {
      JsonNode a = withField("signers.0", JSON.getNodeFactory().textNode(s));
      assertFalse(a.get("ok").booleanValue());
      String msg = a.get("error").get("message").textValue();
      assertFalse(msg.contains(s.substring(2, 12)), msg);
    }
  }

  private static void assertErrorNaming(JsonNode answer, String code, String field) {
    assertError(answer, code);
    String msg = answer.get("error").get("message").textValue();
    assertTrue(msg.contains("'" + field) || msg.contains(field + "'") || msg.contains(field + ":"), msg);
  }
}
