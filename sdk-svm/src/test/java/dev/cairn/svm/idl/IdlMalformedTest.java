package dev.cairn.svm.idl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.CairnException;
import dev.cairn.core.encoding.DecodingException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Malformed IDLs and malformed data: typed errors naming the JSON path or the value path and offset. */
class IdlMalformedTest {
  private static final String BASE = IdlFixtureTest.resource("vault-0.30.json");

  private static IdlException bad(String from, String to) {
    String json = BASE.replace(from, to);
    assertTrue(!json.equals(BASE), "replacement not found: " + from);
    return assertThrows(IdlException.class, () -> Idl.parse(json));
  }

  @Test
  void malformedIdlsNameTheJsonPath() {
    assertEquals("$.instructions[0].args[0].type", bad("\"type\": \"u16\" }, { \"name\": \"label\"", "\"type\": \"u17\" }, { \"name\": \"label\"").path());
    assertEquals("$.instructions[1].discriminator[0]", bad("[242, 35,", "[342, 35,").path());
    assertEquals("$.instructions[1].discriminator", bad("\"discriminator\": [242, 35, 198, 137, 82, 225, 242, 182],", "").path());
    assertEquals("$.instructions[1].args[1].type.defined", bad("{ \"defined\": { \"name\": \"DepositParams\" } }", "{ \"defined\": { \"name\": \"Nope\" } }").path());
    assertEquals("$.address", bad("Vau1t6sLNxnzB7ZDsef8TLbPLfyZMYXH8WTNqUdm9g8", "not-base58!").path());
    assertEquals("$.errors[1].code", bad("\"code\": 6001", "\"code\": 6000").path());
    assertEquals("$.instructions[1].accounts[2].pda.seeds[0].kind", bad("\"kind\": \"const\", \"value\": [112", "\"kind\": \"konst\", \"value\": [112").path());
    assertEquals("$.types[4].type.variants[1].fields[0].type", bad("\"name\": \"until\", \"type\": \"i64\"", "\"name\": \"until\", \"type\": 5").path());
    // a zero-copy (bytemuck) account type is kept and refused only when used
    Idl zc = Idl.parse(BASE.replace("\"name\": \"State\", \"type\": { \"kind\": \"enum\"",
        "\"name\": \"State\", \"serialization\": \"bytemuck\", \"type\": { \"kind\": \"enum\""));
    IdlException zcErr = assertThrows(IdlException.class, () -> zc.encodeAccount("Config", Map.of()));
    assertEquals("$.types[4].serialization", zcErr.path());
    IdlException rec = assertThrows(IdlException.class, () -> Idl.parse(BASE.replace("\"fields\": [ \"i64\", \"u64\" ]",
        "\"fields\": [ \"i64\", { \"vec\": { \"defined\": { \"name\": \"Entry\" } } } ]")));
    assertTrue(rec.getMessage().contains("recursive"), rec.getMessage());
    assertThrows(IdlException.class, () -> Idl.parse("[]"));
    assertThrows(IdlException.class, () -> Idl.parse("{\"instructions\":[]}"));
    assertThrows(DecodingException.class, () -> Idl.parse("{\"address\":"));
  }

  @Test
  void badArgumentsNameTheArgument() {
    Idl idl = IdlFixtureTest.modern();
    IdlException e = assertThrows(IdlException.class, () -> idl.encodeInstructionData("initialize", Map.of("fee_bps", 70000, "label", "x")));
    assertTrue(e.getMessage().contains("fee_bps"), e.getMessage());
    e = assertThrows(IdlException.class, () -> idl.encodeInstructionData("nope", Map.of()));
    assertEquals("instruction nope", e.path());
  }

  @Test
  void malformedInstructionDataNamesFieldAndOffset() {
    Idl idl = IdlFixtureTest.modern();
    byte[] data = idl.encodeInstructionData("deposit", IdlFixtureTest.depositArgs());
    DecodingException e = assertThrows(DecodingException.class, () -> idl.decodeInstruction(Arrays.copyOf(data, 20)));
    assertTrue(e.field().startsWith("instruction deposit.params"), e.field());
    e = assertThrows(DecodingException.class, () -> idl.decodeInstruction(Arrays.copyOf(data, data.length + 1)));
    assertEquals(data.length, e.offset());
    e = assertThrows(DecodingException.class, () -> idl.decodeInstruction(new byte[] {1, 2, 3}));
    assertTrue(e.getMessage().contains("discriminator"));
  }

  @Property(tries = 300)
  void mutatedIdlsFailTyped(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder(BASE);
    for (int i = 0; i < 1 + r.nextInt(3); i++) {
      int at = r.nextInt(sb.length());
      switch (r.nextInt(3)) {
        case 0: sb.deleteCharAt(at); break;
        case 1: sb.insert(at, "{}[]\",:0a".charAt(r.nextInt(9))); break;
        default: sb.setCharAt(at, "{}[]\",:0a".charAt(r.nextInt(9)));
      }
    }
    try {
      Idl.parse(sb.toString());
    } catch (CairnException e) {
      assertTrue(e instanceof IdlException || e instanceof DecodingException, e.toString());
    }
  }

  @Property(tries = 300)
  void randomInstructionDataDecodesCanonicallyOrFailsTyped(@ForAll long seed) {
    Idl idl = IdlFixtureTest.modern();
    SplittableRandom r = new SplittableRandom(seed);
    byte[] data = idl.encodeInstructionData("deposit", Map.of("slot", BigInteger.valueOf(r.nextInt(1000)),
        "params", Map.of("amount", BigInteger.ONE, "tag", "t", "lock", java.util.Optional.empty(), "memo", java.util.List.of(0, 0, 0, 0))));
    for (int i = 0; i < 1 + r.nextInt(4); i++) {
      data[8 + r.nextInt(data.length - 8)] = (byte) r.nextInt(256);
    }
    try {
      Decoded d = idl.decodeInstruction(data);
      assertEquals("deposit", d.name());
      assertTrue(Arrays.equals(data, idl.encodeInstructionData("deposit", d.fields())));
    } catch (DecodingException e) {
      assertTrue(e.field().startsWith("instruction deposit"), e.field());
    }
  }
}
