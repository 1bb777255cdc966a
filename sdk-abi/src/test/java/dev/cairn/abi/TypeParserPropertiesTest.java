package dev.cairn.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Type strings: random valid ones round-trip; mutated ones parse or fail with a positioned AbiException. */
class TypeParserPropertiesTest {

  @Provide
  Arbitrary<Random> randoms() {
    return Arbitraries.longs().map(Random::new);
  }

  @Property(tries = 500)
  void canonicalRoundTrip(@ForAll("randoms") Random r) {
    String s = RandomAbi.randomTypeString(r, 0);
    AbiType<?> t = AbiTypes.parse(s);
    assertEquals(s, t.canonicalType());
    assertEquals(t, AbiTypes.parse("(" + s + ")") instanceof TupleType tt ? tt.get(0) : null);
  }

  @Property(tries = 1000)
  void mutatedTypeStrings(@ForAll("randoms") Random r) {
    StringBuilder sb = new StringBuilder(RandomAbi.randomTypeString(r, 0));
    String alphabet = "()[],0123456789abcdefgintuyxs ";
    int edits = 1 + r.nextInt(3);
    for (int k = 0; k < edits; k++) {
      int op = r.nextInt(3);
      int at = r.nextInt(sb.length() + 1);
      if (op == 0 && at < sb.length()) {
        sb.deleteCharAt(at);
      } else if (op == 1) {
        sb.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
      } else if (at < sb.length()) {
        sb.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length())));
      }
    }
    String s = sb.toString();
    try {
      AbiType<?> t = AbiTypes.parse(s);
      // accepted: the canonical form parses to the same type
      assertEquals(t, AbiTypes.parse(t.canonicalType()));
    } catch (AbiException e) {
      assertTrue(e.position() >= 0 && e.position() <= s.length(), e.getMessage());
      assertTrue(e.getMessage().contains("position " + e.position()), e.getMessage());
    }
  }

  @Property(tries = 2000)
  void junkSignaturesOnlyThrowAbiException(@ForAll("randoms") Random r) {
    String[] tokens = {
      "function", " ", "f", "(", ")", ",", "[", "]", "uint256", "bool", "tuple", "memory", "returns", "view",
      "x", "2", "0", "string", "indexed", "\t", "uint", "bytes3", "$", "_"
    };
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(20);
    for (int i = 0; i < n; i++) {
      sb.append(tokens[r.nextInt(tokens.length)]);
    }
    String s = sb.toString();
    try {
      Function f = Function.parse(s);
      assertEquals(f.signature(), Function.parse(f.signature()).signature());
    } catch (AbiException e) {
      assertTrue(e.position() >= -1 && e.position() <= s.length(), e.getMessage());
    }
  }

  @Property(tries = 20)
  void hostileHumanReadableNesting(@ForAll("randoms") Random r) {
    int depth = 65 + r.nextInt(100_000);
    String s = "function f(" + "(".repeat(depth) + "uint256" + ")".repeat(depth) + ")";
    AbiException e = org.junit.jupiter.api.Assertions.assertThrows(AbiException.class, () -> Function.parse(s));
    assertEquals(AbiException.Reason.PARSE, e.reason());
  }
}
