package dev.cairn.svm.idl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.encoding.Hex;
import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonArray;
import dev.cairn.core.json.JsonObject;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.tx.AccountMeta;
import dev.cairn.svm.tx.Instruction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Account resolution against Anchor's own ({@code program.methods.x(...).accounts(...).instruction()}
 * of @coral-xyz/anchor 0.32.1): random PDA seed sets (constants, arguments of several types,
 * struct-field arguments, given accounts, other PDAs, another deriving program), fixed addresses and
 * a missing optional account give the same accounts, flags and data.
 */
class PdaResolutionDifferentialTest {
  private static final int CASES = 300;

  @AfterAll
  static void stop() {
    AnchorOracle.ORACLE.close();
  }

  private static String key(SplittableRandom r) {
    byte[] b = new byte[32];
    r.nextBytes(b);
    return Pubkey.of(b).toBase58();
  }

  private static String seed(SplittableRandom r, List<String> accountsSoFar) {
    switch (r.nextInt(accountsSoFar.isEmpty() ? 3 : 4)) {
      case 0: {
        byte[] b = new byte[1 + r.nextInt(8)];
        r.nextBytes(b);
        return "{\"kind\":\"const\",\"value\":" + RandomIdl.bytes(b) + "}";
      }
      case 1: {
        String[] args = {"a0", "a1", "a2", "a3", "a5", "a4.tag", "a4.n"};
        return "{\"kind\":\"arg\",\"path\":\"" + args[r.nextInt(args.length)] + "\"}";
      }
      case 2:
        return "{\"kind\":\"account\",\"path\":\"" + (r.nextBoolean() ? "payer" : "other") + "\"}";
      default:
        return "{\"kind\":\"account\",\"path\":\"" + accountsSoFar.get(r.nextInt(accountsSoFar.size())) + "\"}";
    }
  }

  private static String pda(SplittableRandom r, String name, List<String> pdas) {
    StringBuilder seeds = new StringBuilder();
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      seeds.append(i == 0 ? "" : ",").append(seed(r, pdas));
    }
    String program = "";
    if (r.nextInt(4) == 0) {
      program = ",\"program\":" + (r.nextBoolean() ? "{\"kind\":\"account\",\"path\":\"other\"}"
          : "{\"kind\":\"const\",\"value\":" + RandomIdl.bytes(Pubkey.fromBase58(key(r)).bytes()) + "}");
    }
    return "{\"name\":\"" + name + "\",\"writable\":" + r.nextBoolean() + ",\"pda\":{\"seeds\":[" + seeds + "]" + program + "}}";
  }

  @Test
  void resolvesAccountsLikeAnchor() {
    SplittableRandom r = new SplittableRandom(0x9da);
    List<String> requests = new ArrayList<>();
    List<Instruction> ours = new ArrayList<>();
    for (int c = 0; c < CASES; c++) {
      List<String> accounts = new ArrayList<>();
      accounts.add("{\"name\":\"payer\",\"writable\":true,\"signer\":true}");
      accounts.add("{\"name\":\"other\",\"writable\":" + r.nextBoolean() + "}");
      List<String> pdas = new ArrayList<>();
      for (int p = 0; p < 1 + r.nextInt(3); p++) {
        String name = "pda" + p;
        accounts.add(pda(r, name, pdas));
        pdas.add(name);
      }
      accounts.add("{\"name\":\"fixed\",\"address\":\"" + key(r) + "\"}");
      accounts.add("{\"name\":\"opt\",\"writable\":true,\"optional\":true}");
      java.util.Collections.shuffle(accounts, new java.util.Random(r.nextLong()));
      String json = "{\"address\":\"" + key(r) + "\",\"metadata\":{\"name\":\"pdas\",\"version\":\"0.1.0\",\"spec\":\"0.1.0\"},"
          + "\"instructions\":[{\"name\":\"act\",\"discriminator\":[1,2,3,4,5,6,7,8],\"accounts\":[" + String.join(",", accounts) + "],"
          + "\"args\":[{\"name\":\"a0\",\"type\":\"u8\"},{\"name\":\"a1\",\"type\":\"u64\"},{\"name\":\"a2\",\"type\":\"string\"},"
          + "{\"name\":\"a3\",\"type\":\"pubkey\"},{\"name\":\"a4\",\"type\":{\"defined\":{\"name\":\"P\"}}},{\"name\":\"a5\",\"type\":\"i16\"}]}],"
          + "\"types\":[{\"name\":\"P\",\"type\":{\"kind\":\"struct\",\"fields\":[{\"name\":\"tag\",\"type\":\"string\"},{\"name\":\"n\",\"type\":\"u32\"}]}}]}";
      Idl idl = Idl.parse(json);
      Map<String, Object> args = new LinkedHashMap<>();
      args.put("a0", r.nextInt(256));
      args.put("a1", new BigInteger(64, new java.util.Random(r.nextLong())));
      args.put("a2", "s" + r.nextInt(100000));
      args.put("a3", Pubkey.fromBase58(key(r)));
      args.put("a4", Map.of("tag", "t" + r.nextInt(1000), "n", (long) r.nextInt(Integer.MAX_VALUE)));
      args.put("a5", r.nextInt(32768)); // Anchor's TypeScript writes negative seed integers as their magnitude
      Pubkey payer = Pubkey.fromBase58(key(r));
      Pubkey other = Pubkey.fromBase58(key(r));
      ours.add(idl.encodeInstruction("act", args, Map.of("payer", payer, "other", other)));
      requests.add("{\"op\":\"resolve\",\"idl\":" + json + ",\"ix\":\"act\",\"args\":" + Json.write(idl.instruction("act").argsType().toJson(args))
          + ",\"accounts\":{\"payer\":\"" + payer.toBase58() + "\",\"other\":\"" + other.toBase58() + "\",\"opt\":null}}");
    }
    List<String> answers = AnchorOracle.ORACLE.get().callAll(requests);
    for (int i = 0; i < CASES; i++) {
      JsonObject a = Json.parse(answers.get(i)).asObject("answer");
      assertTrue(a.get("ok").asBoolean("ok"), a + " for " + requests.get(i));
      Instruction ix = ours.get(i);
      assertEquals(a.get("programId").asString("programId"), ix.programId().toBase58());
      assertEquals(a.get("data").asString("data"), Hex.encode(ix.data()), requests.get(i));
      JsonArray accs = a.get("accounts").asArray("accounts");
      List<AccountMeta> theirs = new ArrayList<>();
      for (int k = 0; k < accs.size(); k++) {
        JsonObject m = accs.get(k).asObject("account");
        theirs.add(AccountMeta.of(Pubkey.fromBase58(m.get("pubkey").asString("pubkey")), m.get("isSigner").asBoolean("isSigner"),
            m.get("isWritable").asBoolean("isWritable")));
      }
      assertEquals(theirs, ix.accounts(), requests.get(i));
    }
  }
}
