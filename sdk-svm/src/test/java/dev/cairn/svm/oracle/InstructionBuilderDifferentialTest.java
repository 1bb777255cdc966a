package dev.cairn.svm.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.programs.AddressLookupTableProgram;
import dev.cairn.svm.programs.AssociatedTokenProgram;
import dev.cairn.svm.programs.ComputeBudgetProgram;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.programs.TokenProgram;
import dev.cairn.svm.tx.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every instruction builder against @solana/web3.js / @solana/spl-token for random inputs. */
class InstructionBuilderDifferentialTest {
  private static final int ROUNDS = 40;
  private final SvmOracle oracle = SvmOracle.get();
  private final SplittableRandom r = new SplittableRandom(808);

  private Pubkey key() {
    return Web3jsDifferentialTest.randomKey(r);
  }

  private long amount() {
    // full unsigned u64 range, including values with the top bit set
    return r.nextInt(4) == 0 ? r.nextLong() : r.nextLong(1L << 40);
  }

  private static String u64(long v) {
    return Long.toUnsignedString(v);
  }

  private void check(String kind, ObjectNode args, Instruction ours) {
    ObjectNode req = SvmOracle.request("ix").put("kind", kind);
    req.set("args", args);
    JsonNode js = oracle.call(req);
    assertEquals(Web3jsDifferentialTest.ixJson(ours).toString(),
        SvmOracle.json().createObjectNode().put("programId", js.get("programId").asText())
            .<ObjectNode>set("accounts", js.get("accounts")).put("data", js.get("data").asText()).toString(),
        kind + " " + args);
  }

  private ObjectNode args() {
    return SvmOracle.json().createObjectNode();
  }

  @Test
  void systemProgram() {
    for (int i = 0; i < ROUNDS; i++) {
      Pubkey a = key(), b = key(), c = key();
      long lamports = amount();
      long small = r.nextLong(1L << 40);
      check("system.transfer", args().put("from", a.toBase58()).put("to", b.toBase58()).put("lamports", u64(lamports)), SystemProgram.transfer(a, b, lamports));
      check("system.createAccount", args().put("from", a.toBase58()).put("newAccount", b.toBase58()).put("lamports", small).put("space", small % 10240).put("owner", c.toBase58()),
          SystemProgram.createAccount(a, b, small, small % 10240, c));
      Pubkey base = i % 2 == 0 ? a : key();
      String seed = "s" + i + "é";
      check("system.createAccountWithSeed", args().put("from", a.toBase58()).put("newAccount", b.toBase58()).put("base", base.toBase58()).put("seed", seed).put("lamports", small).put("space", 165).put("owner", c.toBase58()),
          SystemProgram.createAccountWithSeed(a, b, base, seed, small, 165, c));
      check("system.assign", args().put("account", a.toBase58()).put("owner", c.toBase58()), SystemProgram.assign(a, c));
      check("system.allocate", args().put("account", a.toBase58()).put("space", small), SystemProgram.allocate(a, small));
      check("system.nonceInitialize", args().put("nonce", a.toBase58()).put("authority", b.toBase58()), SystemProgram.nonceInitialize(a, b));
      check("system.nonceAdvance", args().put("nonce", a.toBase58()).put("authority", b.toBase58()), SystemProgram.advanceNonceAccount(a, b));
      check("system.nonceWithdraw", args().put("nonce", a.toBase58()).put("authority", b.toBase58()).put("to", c.toBase58()).put("lamports", small), SystemProgram.nonceWithdraw(a, b, c, small));
      check("system.nonceAuthorize", args().put("nonce", a.toBase58()).put("authority", b.toBase58()).put("newAuthority", c.toBase58()), SystemProgram.nonceAuthorize(a, b, c));
    }
  }

  @Test
  void tokenAndToken2022() {
    for (int i = 0; i < ROUNDS; i++) {
      TokenProgram tp = i % 2 == 0 ? TokenProgram.TOKEN : TokenProgram.TOKEN_2022;
      String prog = tp.programId().toBase58();
      Pubkey a = key(), b = key(), c = key(), d = key();
      long amt = amount();
      int dec = r.nextInt(256);
      ObjectNode mint2 = args().put("tokenProgram", prog).put("mint", a.toBase58()).put("decimals", dec).put("mintAuthority", b.toBase58());
      Pubkey freeze = i % 3 == 0 ? null : c;
      if (freeze != null) {
        mint2.put("freezeAuthority", c.toBase58());
      }
      check("token.initializeMint2", mint2, tp.initializeMint2(a, dec, b, freeze));
      check("token.initializeAccount3", args().put("tokenProgram", prog).put("account", a.toBase58()).put("mint", b.toBase58()).put("owner", c.toBase58()), tp.initializeAccount3(a, b, c));
      check("token.mintTo", args().put("tokenProgram", prog).put("mint", a.toBase58()).put("destination", b.toBase58()).put("authority", c.toBase58()).put("amount", u64(amt)), tp.mintTo(a, b, c, amt));
      check("token.mintToChecked", args().put("tokenProgram", prog).put("mint", a.toBase58()).put("destination", b.toBase58()).put("authority", c.toBase58()).put("amount", u64(amt)).put("decimals", dec), tp.mintToChecked(a, b, c, amt, dec));
      check("token.transfer", args().put("tokenProgram", prog).put("source", a.toBase58()).put("destination", b.toBase58()).put("owner", c.toBase58()).put("amount", u64(amt)), tp.transfer(a, b, c, amt));
      check("token.transferChecked", args().put("tokenProgram", prog).put("source", a.toBase58()).put("mint", d.toBase58()).put("destination", b.toBase58()).put("owner", c.toBase58()).put("amount", u64(amt)).put("decimals", dec), tp.transferChecked(a, d, b, c, amt, dec));
      check("token.approve", args().put("tokenProgram", prog).put("account", a.toBase58()).put("delegate", b.toBase58()).put("owner", c.toBase58()).put("amount", u64(amt)), tp.approve(a, b, c, amt));
      check("token.revoke", args().put("tokenProgram", prog).put("account", a.toBase58()).put("owner", c.toBase58()), tp.revoke(a, c));
      check("token.burn", args().put("tokenProgram", prog).put("account", a.toBase58()).put("mint", b.toBase58()).put("owner", c.toBase58()).put("amount", u64(amt)), tp.burn(a, b, c, amt));
      check("token.closeAccount", args().put("tokenProgram", prog).put("account", a.toBase58()).put("destination", b.toBase58()).put("owner", c.toBase58()), tp.closeAccount(a, b, c));
      check("token.syncNative", args().put("tokenProgram", prog).put("account", a.toBase58()), tp.syncNative(a));
      Pubkey ata = AssociatedTokenProgram.address(c, d, tp.programId());
      check("ata.create", args().put("tokenProgram", prog).put("payer", a.toBase58()).put("ata", ata.toBase58()).put("owner", c.toBase58()).put("mint", d.toBase58()), AssociatedTokenProgram.create(a, ata, c, d, tp.programId()));
      check("ata.createIdempotent", args().put("tokenProgram", prog).put("payer", a.toBase58()).put("ata", ata.toBase58()).put("owner", c.toBase58()).put("mint", d.toBase58()), AssociatedTokenProgram.createIdempotent(a, ata, c, d, tp.programId()));
    }
  }

  @Test
  void lookupTablesAndComputeBudget() {
    for (int i = 0; i < ROUNDS; i++) {
      Pubkey a = key(), b = key(), c = key();
      long slot = r.nextLong(1L << 50);
      ObjectNode cj = args().put("authority", a.toBase58()).put("payer", b.toBase58()).put("recentSlot", u64(slot));
      ObjectNode req = SvmOracle.request("ix").put("kind", "alt.create");
      req.set("args", cj);
      assertEquals(oracle.call(req).get("address").asText(), AddressLookupTableProgram.address(a, slot).address().toBase58());
      check("alt.create", cj, AddressLookupTableProgram.create(a, b, slot));
      List<Pubkey> addrs = new ArrayList<>();
      int n = 1 + r.nextInt(20);
      ObjectNode ej = args().put("table", c.toBase58()).put("authority", a.toBase58());
      ArrayNode aj = ej.putArray("addresses");
      for (int k = 0; k < n; k++) {
        Pubkey p = key();
        addrs.add(p);
        aj.add(p.toBase58());
      }
      Pubkey payer = i % 2 == 0 ? b : null;
      if (payer != null) {
        ej.put("payer", b.toBase58());
      }
      check("alt.extend", ej, AddressLookupTableProgram.extend(c, a, payer, addrs));
      check("alt.freeze", args().put("table", c.toBase58()).put("authority", a.toBase58()), AddressLookupTableProgram.freeze(c, a));
      check("alt.deactivate", args().put("table", c.toBase58()).put("authority", a.toBase58()), AddressLookupTableProgram.deactivate(c, a));
      check("alt.close", args().put("table", c.toBase58()).put("authority", a.toBase58()).put("recipient", b.toBase58()), AddressLookupTableProgram.close(c, a, b));
      long units = r.nextLong(1L << 32);
      check("cb.limit", args().put("units", units), ComputeBudgetProgram.setComputeUnitLimit(units));
      long price = r.nextLong(Long.MAX_VALUE);
      check("cb.price", args().put("microLamports", u64(price)), ComputeBudgetProgram.setComputeUnitPrice(price));
      long heap = 1024L * (32 + r.nextInt(225));
      check("cb.heap", args().put("bytes", heap), ComputeBudgetProgram.requestHeapFrame(heap));
    }
  }
}
