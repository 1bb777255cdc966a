package dev.cairn.svm.idl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.encoding.Hex;
import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonObject;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.borsh.BorshType;
import dev.cairn.svm.borsh.RandomBorsh;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Random IDL types and values: instruction, account and event encodings byte-identical with
 * @coral-xyz/anchor 0.32.1's BorshCoder, each side decoding the other's bytes to equal values; the
 * pre-0.30 form of the same IDL encodes the same argument bytes behind its name-derived
 * discriminators.
 */
class AnchorDifferentialTest {
  private static final int CASES = 1100;

  @AfterAll
  static void stop() {
    AnchorOracle.ORACLE.close();
  }

  private static final class Case {
    Idl idl;
    Idl legacy;
    Map<String, Object> args;
    Map<String, Object> account;
    Map<String, Object> event;
    String accountName;
    String eventName;
    byte[] ixData;
    byte[] accountData;
    byte[] eventData;
    String request;
  }

  @SuppressWarnings("unchecked")
  private static Case newCase(SplittableRandom r, int i) {
    RandomIdl g = new RandomIdl(r);
    StringBuilder args = new StringBuilder();
    StringBuilder legacyArgs = new StringBuilder();
    int n = r.nextInt(4);
    for (int k = 0; k < n; k++) {
      String[] t = g.type(2);
      args.append(k == 0 ? "" : ",").append("{\"name\":\"arg").append(k).append("\",\"type\":").append(t[0]).append('}');
      legacyArgs.append(k == 0 ? "" : ",").append("{\"name\":\"arg").append(k).append("\",\"type\":").append(t[1]).append('}');
    }
    String acct = g.structDef(2, false);
    String ev = g.structDef(2, false);
    byte[] d1 = new byte[8];
    byte[] d2 = new byte[8];
    byte[] d3 = new byte[8];
    r.nextBytes(d1);
    r.nextBytes(d2);
    r.nextBytes(d3);
    d2[0] = 1;
    d3[0] = 2;
    byte[] addr = new byte[32];
    r.nextBytes(addr);
    String json = "{\"address\":\"" + Pubkey.of(addr).toBase58() + "\",\"metadata\":{\"name\":\"p" + i
        + "\",\"version\":\"0.1.0\",\"spec\":\"0.1.0\"},\"instructions\":[{\"name\":\"do_it\",\"discriminator\":"
        + RandomIdl.bytes(d1) + ",\"accounts\":[],\"args\":[" + args + "]}],\"accounts\":[{\"name\":\"" + acct
        + "\",\"discriminator\":" + RandomIdl.bytes(d2) + "}],\"events\":[{\"name\":\"" + ev + "\",\"discriminator\":"
        + RandomIdl.bytes(d3) + "}],\"types\":[" + String.join(",", g.defs) + "]}";
    // the same program in the pre-0.30 format: accounts and events carry their types inline
    JsonObject acctDef = legacyDef(g, acct);
    JsonObject evDef = legacyDef(g, ev);
    String legacyJson = "{\"version\":\"0.1.0\",\"name\":\"p" + i + "\",\"instructions\":[{\"name\":\"doIt\",\"accounts\":[],\"args\":["
        + legacyArgs + "]}],\"accounts\":[" + Json.write(acctDef) + "],\"events\":[{\"name\":\"" + ev + "\",\"fields\":"
        + Json.write(evDef.get("type").asObject("type").get("fields")) + "}],\"types\":[" + String.join(",", g.legacyDefs) + "]}";
    Case c = new Case();
    c.idl = Idl.parse(json);
    c.legacy = Idl.parse(legacyJson);
    c.accountName = acct;
    c.eventName = ev;
    IdlInstruction ix = c.idl.instruction("do_it");
    c.args = (Map<String, Object>) RandomBorsh.value(ix.argsType, r, 2);
    c.account = (Map<String, Object>) RandomBorsh.value(c.idl.types().get(acct), r, 2);
    c.event = (Map<String, Object>) RandomBorsh.value(c.idl.types().get(ev), r, 2);
    c.ixData = c.idl.encodeInstructionData("do_it", c.args);
    c.accountData = c.idl.encodeAccount(acct, c.account);
    c.eventData = c.idl.encodeEvent(ev, c.event);
    c.request = "{\"op\":\"roundtrip\",\"idl\":" + json
        + ",\"ix\":{\"name\":\"do_it\",\"args\":" + Json.write(ix.argsType.toJson(c.args)) + ",\"javaData\":\"" + Hex.encode(c.ixData) + "\"}"
        + ",\"account\":{\"name\":\"" + acct + "\",\"value\":" + Json.write(c.idl.types().get(acct).toJson(c.account))
        + ",\"javaData\":\"" + Hex.encode(c.accountData) + "\"}"
        + ",\"event\":{\"name\":\"" + ev + "\",\"javaData\":\"" + Hex.encode(c.eventData) + "\"}}";
    return c;
  }

  private static JsonObject legacyDef(RandomIdl g, String name) {
    for (String d : g.legacyDefs) {
      JsonObject o = Json.parse(d).asObject("def");
      if (o.get("name").asString("name").equals(name)) {
        return o;
      }
    }
    throw new AssertionError(name);
  }

  @Test
  void agreesWithAnchorBorshCoder() {
    SplittableRandom r = new SplittableRandom(0x1d1);
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      Case c = newCase(r, i);
      // Anchor's coders encode into fixed 1000-byte buffers
      if (c.ixData.length < 990 && c.accountData.length < 990) {
        cases.add(c);
      }
    }
    assertTrue(cases.size() >= 1000, "only " + cases.size() + " cases fit Anchor's buffers");
    List<String> requests = new ArrayList<>();
    for (Case c : cases) {
      requests.add(c.request);
    }
    List<String> answers = AnchorOracle.ORACLE.get().callAll(requests);
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      JsonObject a = Json.parse(answers.get(i)).asObject("answer");
      assertTrue(a.get("ok").asBoolean("ok"), () -> "anchor failed: " + a + " for " + c.request);
      String what = "case " + i + ": " + c.request;
      IdlInstruction ix = c.idl.instruction("do_it");
      assertEquals(a.get("ixData").asString("ixData"), Hex.encode(c.ixData), what);
      assertEquals(a.get("accountData").asString("accountData"), Hex.encode(c.accountData), what);
      // Anchor decodes our bytes to the same values
      JsonObject ixDecoded = a.get("ixDecoded").asObject("ixDecoded");
      assertEquals("do_it", ixDecoded.get("name").asString("name"));
      assertEquals(RandomBorsh.canonical(ix.argsType, c.args), RandomBorsh.canonical(ix.argsType, ix.argsType.fromJson(ixDecoded.get("args"))), what);
      BorshType at = c.idl.types().get(c.accountName);
      assertEquals(RandomBorsh.canonical(at, c.account), RandomBorsh.canonical(at, at.fromJson(a.get("accountDecoded"))), what);
      BorshType et = c.idl.types().get(c.eventName);
      JsonObject evDecoded = a.get("eventDecoded").asObject("eventDecoded");
      assertEquals(c.eventName, evDecoded.get("name").asString("name"));
      assertEquals(RandomBorsh.canonical(et, c.event), RandomBorsh.canonical(et, et.fromJson(evDecoded.get("data"))), what);
      // and we decode our bytes (and theirs, which are equal) back to the values
      Decoded d = c.idl.decodeInstruction(c.ixData);
      assertEquals(RandomBorsh.canonical(ix.argsType, c.args), RandomBorsh.canonical(ix.argsType, d.fields()));
      assertEquals(RandomBorsh.canonical(at, c.account), RandomBorsh.canonical(at, c.idl.decodeAccount(c.accountName, c.accountData)));
      Decoded e = c.idl.decodeEvent("Program data: " + Base64.getEncoder().encodeToString(c.eventData)).orElseThrow();
      assertEquals(RandomBorsh.canonical(et, c.event), RandomBorsh.canonical(et, e.fields()));
      // the legacy IDL: same argument and account bytes, name-derived discriminators
      byte[] legacyIx = c.legacy.encodeInstructionData("doIt", c.args);
      assertArrayEquals(Arrays.copyOfRange(c.ixData, 8, c.ixData.length), Arrays.copyOfRange(legacyIx, 8, legacyIx.length), what);
      assertArrayEquals(IdlParser.sighash("global", "do_it"), Arrays.copyOf(legacyIx, 8));
      byte[] legacyAcct = c.legacy.encodeAccount(c.accountName, c.account);
      assertArrayEquals(Arrays.copyOfRange(c.accountData, 8, c.accountData.length), Arrays.copyOfRange(legacyAcct, 8, legacyAcct.length), what);
      assertEquals("doIt", c.legacy.decodeInstruction(legacyIx).name());
    }
  }

  @Test
  void legacyDiscriminatorsAreAnchors() {
    // sha256("global:initialize")[..8], the discriminator every Anchor `initialize` instruction has
    assertEquals("afaf6d1f0d989bed", Hex.encode(IdlParser.sighash("global", IdlParser.snakeCase("initialize"))));
    assertEquals("initialize_mint2", IdlParser.snakeCase("initializeMint2"));
    assertEquals("set_http_url", IdlParser.snakeCase("setHTTPUrl"));
    assertEquals("transfer_with_seed", IdlParser.snakeCase("transferWithSeed"));
  }
}
