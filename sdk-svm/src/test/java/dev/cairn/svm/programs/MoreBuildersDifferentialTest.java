package dev.cairn.svm.programs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.encoding.Hex;
import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonArray;
import dev.cairn.core.json.JsonObject;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.SvmException;
import dev.cairn.svm.tx.AccountMeta;
import dev.cairn.svm.tx.Instruction;
import dev.cairn.testing.oracle.LazyOracle;
import dev.cairn.testing.oracle.OracleScript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The builders added beside the existing ones (seeded System instructions, multisig signers,
 * approveChecked, burnChecked, freeze/thaw, setAuthority, initializeMultisig, recoverNested) against
 * @solana/web3.js and @solana/spl-token (tools/svm-oracle/programs.mjs), for random inputs.
 */
class MoreBuildersDifferentialTest {
  private static final int ROUNDS = 40;
  private static final LazyOracle ORACLE = OracleScript
      .of(Path.of(System.getProperty("cairn.svmOracle", "../tools/svm-oracle")).resolve("programs.mjs"))
      .requirePackages("@solana/web3.js", "@solana/spl-token")
      .lazy();

  private final SplittableRandom r = new SplittableRandom(4242);
  private final List<String> requests = new ArrayList<>();
  private final List<Instruction> ours = new ArrayList<>();

  @AfterAll
  static void stop() {
    ORACLE.close();
  }

  private Pubkey key() {
    byte[] b = new byte[32];
    r.nextBytes(b);
    return Pubkey.of(b);
  }

  private long amount() {
    return r.nextInt(4) == 0 ? r.nextLong() : r.nextLong(1L << 40);
  }

  private List<Pubkey> signers() {
    int n = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(TokenProgram.MAX_SIGNERS);
    List<Pubkey> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(key());
    }
    return out;
  }

  private static String keys(List<Pubkey> ks) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < ks.size(); i++) {
      sb.append(i == 0 ? "" : ",").append('"').append(ks.get(i).toBase58()).append('"');
    }
    return sb.append(']').toString();
  }

  /** Queues one comparison: {@code args} is a JSON object body of key/value pairs (base58 keys are quoted by the caller). */
  private void check(String kind, String args, Instruction ix) {
    requests.add("{\"kind\":\"" + kind + "\",\"args\":{" + args + "}}");
    ours.add(ix);
  }

  private static String q(String k, Object v) {
    return "\"" + k + "\":" + (v instanceof Pubkey ? "\"" + ((Pubkey) v).toBase58() + "\"" : v instanceof String ? Json.quote((String) v) : String.valueOf(v));
  }

  private static String u64(long v) {
    return "\"" + Long.toUnsignedString(v) + "\"";
  }

  private void run() {
    List<String> answers = ORACLE.get().callAll(requests);
    for (int i = 0; i < answers.size(); i++) {
      JsonObject a = Json.parse(answers.get(i)).asObject("answer");
      assertTrue(a.get("ok").asBoolean("ok"), a + " for " + requests.get(i));
      Instruction ix = ours.get(i);
      assertEquals(a.get("programId").asString("programId"), ix.programId().toBase58(), requests.get(i));
      assertEquals(a.get("data").asString("data"), Hex.encode(ix.data()), requests.get(i));
      JsonArray accs = a.get("accounts").asArray("accounts");
      assertEquals(accs.size(), ix.accounts().size(), requests.get(i));
      for (int k = 0; k < accs.size(); k++) {
        JsonObject m = accs.get(k).asObject("account");
        AccountMeta expected = AccountMeta.of(Pubkey.fromBase58(m.get("pubkey").asString("pubkey")),
            m.get("isSigner").asBoolean("isSigner"), m.get("isWritable").asBoolean("isWritable"));
        assertEquals(expected, ix.accounts().get(k), requests.get(i) + " account " + k);
      }
    }
  }

  @Test
  void systemWithSeed() {
    for (int i = 0; i < ROUNDS; i++) {
      Pubkey a = key(), base = key(), owner = key(), to = key();
      String seed = "seed-" + i + (i % 3 == 0 ? "ü" : "");
      long lamports = amount();
      long space = r.nextLong(1L << 20);
      check("system.transferWithSeed", q("from", a) + "," + q("base", base) + "," + q("to", to) + ",\"lamports\":" + u64(lamports)
          + "," + q("seed", seed) + "," + q("fromOwner", owner), SystemProgram.transferWithSeed(a, base, seed, owner, to, lamports));
      check("system.assignWithSeed", q("account", a) + "," + q("base", base) + "," + q("seed", seed) + "," + q("owner", owner),
          SystemProgram.assignWithSeed(a, base, seed, owner));
      check("system.allocateWithSeed", q("account", a) + "," + q("base", base) + "," + q("seed", seed) + "," + q("space", space)
          + "," + q("owner", owner), SystemProgram.allocateWithSeed(a, base, seed, space, owner));
    }
    run();
  }

  @Test
  void tokenWithMultisigSigners() {
    for (int i = 0; i < ROUNDS; i++) {
      TokenProgram tp = i % 2 == 0 ? TokenProgram.TOKEN : TokenProgram.TOKEN_2022;
      String prog = q("tokenProgram", tp.programId());
      Pubkey a = key(), b = key(), mint = key(), owner = key();
      List<Pubkey> ms = signers();
      String msj = "\"multiSigners\":" + keys(ms);
      long amt = amount();
      int dec = r.nextInt(19);
      check("token.transfer", q("source", a) + "," + q("destination", b) + "," + q("owner", owner) + ",\"amount\":" + u64(amt) + "," + msj + "," + prog,
          tp.transfer(a, b, owner, amt, ms));
      check("token.transferChecked", q("source", a) + "," + q("mint", mint) + "," + q("destination", b) + "," + q("owner", owner)
          + ",\"amount\":" + u64(amt) + "," + q("decimals", dec) + "," + msj + "," + prog, tp.transferChecked(a, mint, b, owner, amt, dec, ms));
      check("token.approve", q("account", a) + "," + q("delegate", b) + "," + q("owner", owner) + ",\"amount\":" + u64(amt) + "," + msj + "," + prog,
          tp.approve(a, b, owner, amt, ms));
      check("token.approveChecked", q("account", a) + "," + q("mint", mint) + "," + q("delegate", b) + "," + q("owner", owner)
          + ",\"amount\":" + u64(amt) + "," + q("decimals", dec) + "," + msj + "," + prog, tp.approveChecked(a, mint, b, owner, amt, dec, ms));
      check("token.revoke", q("account", a) + "," + q("owner", owner) + "," + msj + "," + prog, tp.revoke(a, owner, ms));
      check("token.mintTo", q("mint", mint) + "," + q("destination", b) + "," + q("authority", owner) + ",\"amount\":" + u64(amt) + "," + msj + "," + prog,
          tp.mintTo(mint, b, owner, amt, ms));
      check("token.mintToChecked", q("mint", mint) + "," + q("destination", b) + "," + q("authority", owner) + ",\"amount\":" + u64(amt)
          + "," + q("decimals", dec) + "," + msj + "," + prog, tp.mintToChecked(mint, b, owner, amt, dec, ms));
      check("token.burn", q("account", a) + "," + q("mint", mint) + "," + q("owner", owner) + ",\"amount\":" + u64(amt) + "," + msj + "," + prog,
          tp.burn(a, mint, owner, amt, ms));
      check("token.burnChecked", q("account", a) + "," + q("mint", mint) + "," + q("owner", owner) + ",\"amount\":" + u64(amt)
          + "," + q("decimals", dec) + "," + msj + "," + prog, tp.burnChecked(a, mint, owner, amt, dec, ms));
      check("token.closeAccount", q("account", a) + "," + q("destination", b) + "," + q("owner", owner) + "," + msj + "," + prog,
          tp.closeAccount(a, b, owner, ms));
      check("token.freezeAccount", q("account", a) + "," + q("mint", mint) + "," + q("authority", owner) + "," + msj + "," + prog,
          tp.freezeAccount(a, mint, owner, ms));
      check("token.thawAccount", q("account", a) + "," + q("mint", mint) + "," + q("authority", owner) + "," + msj + "," + prog,
          tp.thawAccount(a, mint, owner, ms));
      TokenProgram.AuthorityType type = TokenProgram.AuthorityType.values()[r.nextInt(TokenProgram.AuthorityType.values().length)];
      Pubkey next = r.nextBoolean() ? key() : null;
      check("token.setAuthority", q("account", a) + "," + q("authority", owner) + "," + q("authorityType", type.code())
          + (next == null ? "" : "," + q("newAuthority", next)) + "," + msj + "," + prog, tp.setAuthority(a, owner, type, next, ms));
      List<Pubkey> members = new ArrayList<>();
      for (int k = 0; k < 1 + r.nextInt(TokenProgram.MAX_SIGNERS); k++) {
        members.add(key());
      }
      int m = 1 + r.nextInt(members.size());
      check("token.initializeMultisig", q("multisig", a) + ",\"signers\":" + keys(members) + "," + q("m", m) + "," + prog,
          tp.initializeMultisig(a, members, m));
      Pubkey ownerAta = key();
      Pubkey ownerMint = key();
      check("ata.recoverNested", q("nested", a) + "," + q("nestedMint", mint) + "," + q("destination", b) + "," + q("ownerAta", ownerAta)
          + "," + q("ownerMint", ownerMint) + "," + q("owner", owner) + "," + prog,
          AssociatedTokenProgram.recoverNested(a, mint, b, ownerAta, ownerMint, owner, tp.programId()));
    }
    run();
  }

  @Test
  void initializeMultisig2AndChecks() {
    Pubkey ms = key();
    List<Pubkey> members = List.of(key(), key(), key());
    Instruction ix = TokenProgram.TOKEN.initializeMultisig2(ms, members, 2);
    // the same accounts as initializeMultisig without the rent sysvar; data [19, m]
    Instruction v1 = TokenProgram.TOKEN.initializeMultisig(ms, members, 2);
    List<AccountMeta> expected = new ArrayList<>(v1.accounts());
    expected.remove(1);
    assertEquals(expected, ix.accounts());
    assertEquals("1302", Hex.encode(ix.data()));
    assertThrows(SvmException.class, () -> TokenProgram.TOKEN.initializeMultisig2(ms, members, 4));
    assertThrows(SvmException.class, () -> TokenProgram.TOKEN.initializeMultisig2(ms, List.of(), 1));
    List<Pubkey> twelve = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      twelve.add(key());
    }
    assertThrows(SvmException.class, () -> TokenProgram.TOKEN.transfer(ms, ms, ms, 1, twelve));
    assertThrows(SvmException.class, () -> SystemProgram.assignWithSeed(ms, ms, "x".repeat(33), ms));
  }
}
