package dev.cairn.svm.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * sdk-svm against @solana/web3.js 1.98 ({@code TransactionMessage}, {@code VersionedTransaction},
 * {@code PublicKey}) and @solana/spl-token: web3.js's transactions decode here index for index,
 * partially signed transactions are completed on either side, and program and associated token
 * addresses, the on-curve check and keypairs agree. The 1,000+ random transactions compared byte
 * for byte with web3.js and @solana/kit both ways are {@link KitAndWeb3jsDifferentialTest}'s.
 */
class Web3jsDifferentialTest {
  private static final int DERIVATIONS = 1000;

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

  /** A random transaction: signers, a separate fee payer sometimes, programs, tables. */
  static final class Case {
    final boolean v0;
    final List<Keypair> signers = new ArrayList<>();
    Keypair payer;
    final List<Instruction> instructions = new ArrayList<>();
    final List<AddressLookupTable> tables = new ArrayList<>();
    Blockhash blockhash;

    Case(SplittableRandom r) {
      v0 = r.nextBoolean();
      int nSigners = 1 + r.nextInt(4);
      for (int i = 0; i < nSigners; i++) {
        signers.add(Keypair.fromSeed(bytes(r, 32)));
      }
      // the fee payer is sometimes a signer that no instruction mentions (fee payer other than the sender)
      payer = signers.get(r.nextInt(nSigners));
      blockhash = Blockhash.of(bytes(r, 32));
      List<Pubkey> pool = new ArrayList<>();
      for (Keypair k : signers) {
        pool.add(k.publicKey());
      }
      int nOthers = r.nextInt(12);
      List<Pubkey> others = new ArrayList<>();
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
        int nAcc = r.nextInt(6);
        for (int j = 0; j < nAcc; j++) {
          boolean useSigner = !pool.isEmpty() && r.nextInt(3) == 0;
          if (useSigner || others.isEmpty()) {
            metas.add(AccountMeta.of(pool.get(r.nextInt(pool.size())), true, r.nextBoolean()));
          } else {
            // occasionally a program id also appears as an account
            Pubkey k = r.nextInt(10) == 0 ? programs.get(r.nextInt(programs.size())) : others.get(r.nextInt(others.size()));
            metas.add(AccountMeta.of(k, false, r.nextBoolean()));
          }
        }
        instructions.add(Instruction.of(programs.get(r.nextInt(programs.size())), metas, bytes(r, r.nextInt(40))));
      }
      // make sure every signer is required by some instruction
      List<AccountMeta> signerMetas = new ArrayList<>();
      for (Keypair k : signers) {
        signerMetas.add(AccountMeta.of(k.publicKey(), true, r.nextBoolean()));
      }
      instructions.add(Instruction.of(programs.get(0), signerMetas, bytes(r, 3)));
      if (v0) {
        int nTables = r.nextInt(4);
        for (int t = 0; t < nTables; t++) {
          List<Pubkey> addrs = new ArrayList<>();
          int n = r.nextInt(20);
          for (int i = 0; i < n; i++) {
            int pick = r.nextInt(4);
            if (pick == 0 || others.isEmpty()) {
              addrs.add(randomKey(r));
            } else if (pick == 1) {
              addrs.add(pool.get(r.nextInt(pool.size()))); // signers must stay static
            } else {
              addrs.add(others.get(r.nextInt(others.size())));
            }
          }
          if (r.nextInt(5) == 0) {
            addrs.add(programs.get(0)); // invoked programs must stay static
          }
          tables.add(AddressLookupTable.of(randomKey(r), addrs));
        }
      }
    }

    Message compile() {
      return v0
          ? Message.compileV0(payer.publicKey(), instructions, blockhash, tables)
          : Message.compileLegacy(payer.publicKey(), instructions, blockhash);
    }

    ObjectNode request() {
      ObjectNode req = SvmOracle.request("compile");
      req.put("version", v0 ? "0" : "legacy");
      if (v0) {
        req.put("version", 0);
      }
      req.put("payer", payer.publicKey().toBase58());
      req.put("blockhash", blockhash.toBase58());
      ArrayNode ixs = req.putArray("instructions");
      for (Instruction ix : instructions) {
        ixs.add(ixJson(ix));
      }
      ArrayNode ts = req.putArray("tables");
      for (AddressLookupTable t : tables) {
        ObjectNode tj = ts.addObject().put("key", t.key().toBase58());
        ArrayNode a = tj.putArray("addresses");
        t.addresses().forEach(p -> a.add(p.toBase58()));
      }
      ArrayNode s = req.putArray("signers");
      for (Keypair k : signers) {
        s.add(Hex.encode(Arrays.copyOf(k.secretKey(), 32)));
      }
      return req;
    }
  }

  static ObjectNode ixJson(Instruction ix) {
    ObjectNode j = SvmOracle.json().createObjectNode();
    j.put("programId", ix.programId().toBase58());
    ArrayNode accts = j.putArray("accounts");
    for (AccountMeta m : ix.accounts()) {
      accts.addObject().put("pubkey", m.pubkey().toBase58()).put("isSigner", m.isSigner()).put("isWritable", m.isWritable());
    }
    j.put("data", Hex.encode(ix.data()));
    return j;
  }

  static byte[] unhex(JsonNode n) {
    return Hex.decode(n.asText());
  }

  @Test
  void transactionsBuiltByWeb3jsDecodeHere() {
    SplittableRandom r = new SplittableRandom(77);
    for (int n = 0; n < 200; n++) {
      Case c = new Case(r);
      JsonNode js = oracle.call(c.request());
      byte[] theirs = unhex(js.get("transaction"));
      if (theirs.length > 1232) {
        continue;
      }
      Transaction t = Transaction.deserialize(theirs);
      assertTrue(t.verifySignatures());
      assertArrayEquals(theirs, t.serialize());
      JsonNode dj = oracle.call(SvmOracle.request("decode").put("transaction", Hex.encode(theirs)));
      JsonNode mj = dj.get("message");
      Message m = t.message();
      assertEquals(mj.at("/header/numRequiredSignatures").asInt(), m.numRequiredSignatures());
      assertEquals(mj.at("/header/numReadonlySignedAccounts").asInt(), m.numReadonlySignedAccounts());
      assertEquals(mj.at("/header/numReadonlyUnsignedAccounts").asInt(), m.numReadonlyUnsignedAccounts());
      assertEquals(mj.get("staticAccountKeys").size(), m.staticAccountKeys().size());
      for (int i = 0; i < m.staticAccountKeys().size(); i++) {
        assertEquals(mj.get("staticAccountKeys").get(i).asText(), m.staticAccountKeys().get(i).toBase58());
      }
      for (int i = 0; i < m.instructions().size(); i++) {
        CompiledInstruction ci = m.instructions().get(i);
        JsonNode ij = mj.get("instructions").get(i);
        assertEquals(ij.get("programIdIndex").asInt(), ci.programIdIndex());
        int[] idx = new int[ij.get("accountKeyIndexes").size()];
        for (int k = 0; k < idx.length; k++) {
          idx[k] = ij.get("accountKeyIndexes").get(k).asInt();
        }
        assertArrayEquals(idx, ci.accountIndexes());
        assertEquals(ij.get("data").asText(), Hex.encode(ci.data()));
      }
      assertEquals(mj.get("addressTableLookups").size(), m.addressTableLookups().size());
      for (int i = 0; i < m.addressTableLookups().size(); i++) {
        AddressTableLookup l = m.addressTableLookups().get(i);
        assertEquals(mj.get("addressTableLookups").get(i).get("accountKey").asText(), l.tableKey().toBase58());
      }
      for (int i = 0; i < t.signatures().size(); i++) {
        assertEquals(dj.get("signatures").get(i).asText(), Hex.encode(t.signatures().get(i)));
      }
    }
  }

  @Test
  void partiallySignedTransactionsAreCompletedOnEitherSide() {
    SplittableRandom r = new SplittableRandom(99);
    for (int n = 0; n < 50; n++) {
      Case c = new Case(r);
      if (c.signers.size() < 2) {
        continue;
      }
      Message m = c.compile();
      Keypair first = c.signers.get(0);
      Transaction partial = Transaction.unsigned(m).sign(first);
      byte[] wire;
      try {
        wire = partial.serialize();
      } catch (dev.cairn.svm.TransactionTooLargeException e) {
        continue;
      }
      assertTrue(!partial.isFullySigned());
      // web3.js reads the partial transaction; its signatures are valid where present
      JsonNode v = oracle.call(SvmOracle.request("verify").put("transaction", Hex.encode(wire)));
      int slot = m.signers().indexOf(first.publicKey());
      assertTrue(v.get("valid").get(slot).asBoolean());
      Transaction done = Transaction.deserialize(wire);
      for (Keypair k : c.signers.subList(1, c.signers.size())) {
        done = done.addSignature(k.publicKey(), k.sign(m.serialize()));
      }
      assertTrue(done.verifySignatures());
      JsonNode v2 = oracle.call(SvmOracle.request("verify").put("transaction", Hex.encode(done.serialize())));
      for (JsonNode b : v2.get("valid")) {
        assertTrue(b.asBoolean());
      }
    }
  }

  @Test
  void programAddressesAgreeForRandomSeeds() {
    SplittableRandom r = new SplittableRandom(4242);
    for (int n = 0; n < DERIVATIONS; n++) {
      int nSeeds = r.nextInt(5);
      List<byte[]> seeds = new ArrayList<>();
      ObjectNode req = SvmOracle.request("pda");
      ArrayNode sj = req.putArray("seeds");
      for (int i = 0; i < nSeeds; i++) {
        byte[] s = bytes(r, r.nextInt(33));
        seeds.add(s);
        sj.add(Hex.encode(s));
      }
      Pubkey program = randomKey(r);
      req.put("programId", program.toBase58());
      JsonNode js = oracle.call(req);
      ProgramAddress pa = Pubkey.findProgramAddress(seeds, program);
      assertEquals(js.get("address").asText(), pa.address().toBase58(), "seeds case " + n);
      assertEquals(js.get("bump").asInt(), pa.bump());
      assertTrue(!pa.address().isOnCurve());
      // createProgramAddress agrees too, including when the address is on the curve
      ObjectNode cr = SvmOracle.request("createPda").put("programId", program.toBase58());
      cr.set("seeds", sj.deepCopy());
      JsonNode cj = oracle.call(cr);
      if (cj.get("address").isNull()) {
        try {
          Pubkey.createProgramAddress(seeds, program);
          throw new AssertionError("expected INVALID_SEEDS for case " + n);
        } catch (SvmException e) {
          assertEquals(SvmException.Reason.INVALID_SEEDS, e.reason());
        }
      } else {
        assertEquals(cj.get("address").asText(), Pubkey.createProgramAddress(seeds, program).toBase58());
      }
    }
  }

  @Test
  void associatedTokenAddressesAgreeForTokenAndToken2022() {
    SplittableRandom r = new SplittableRandom(2022);
    for (int n = 0; n < DERIVATIONS; n++) {
      Pubkey owner = randomKey(r);
      Pubkey mint = randomKey(r);
      Pubkey program = n % 2 == 0 ? TokenProgram.TOKEN_PROGRAM_ID : TokenProgram.TOKEN_2022_PROGRAM_ID;
      JsonNode js = oracle.call(SvmOracle.request("ata").put("owner", owner.toBase58()).put("mint", mint.toBase58()).put("tokenProgram", program.toBase58()));
      assertEquals(js.get("address").asText(), AssociatedTokenProgram.address(owner, mint, program).toBase58());
    }
  }

  @Test
  void onCurveAgreesForRandomBytesAndKeys() {
    SplittableRandom r = new SplittableRandom(31337);
    int on = 0;
    for (int n = 0; n < DERIVATIONS; n++) {
      byte[] b = n % 4 == 0 ? Keypair.fromSeed(bytes(r, 32)).publicKey().bytes() : bytes(r, 32);
      JsonNode js = oracle.call(SvmOracle.request("onCurve").put("bytes", Hex.encode(b)));
      assertEquals(js.get("onCurve").asBoolean(), Pubkey.isOnCurve(b), Hex.encode(b));
      on += Pubkey.isOnCurve(b) ? 1 : 0;
    }
    assertTrue(on > DERIVATIONS / 4 && on < DERIVATIONS * 3 / 4, "on curve: " + on);
  }

  @Test
  void keypairsAndSeededAddressesAgree() {
    SplittableRandom r = new SplittableRandom(5);
    for (int n = 0; n < 100; n++) {
      byte[] seed = bytes(r, 32);
      Keypair kp = Keypair.fromSeed(seed);
      JsonNode js = oracle.call(SvmOracle.request("keypair").put("seed", Hex.encode(seed)));
      assertEquals(js.get("publicKey").asText(), kp.publicKey().toBase58());
      assertEquals(js.get("secretKey").asText(), Hex.encode(kp.secretKey()));
      Pubkey owner = randomKey(r);
      String s = "seed-" + n;
      JsonNode ws = oracle.call(SvmOracle.request("withSeed").put("base", kp.publicKey().toBase58()).put("seed", s).put("owner", owner.toBase58()));
      assertEquals(ws.get("address").asText(), Pubkey.createWithSeed(kp.publicKey(), s, owner).toBase58());
    }
    assertNotNull(oracle);
  }
}
