package dev.cairn.abi.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.abi.AbiTypes;
import dev.cairn.abi.Event;
import dev.cairn.abi.Function;
import dev.cairn.abi.Tuple;
import dev.cairn.abi.TupleType;
import dev.cairn.core.encoding.Hex;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Example;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The ABI codec against viem 2.57.20: random (types, values) cases encoded by both must be
 * byte-identical, and each side must decode the other's output to the original values. The same
 * for encodePacked, function selectors and calldata, and event topics. All cases of a property
 * go to node in one batch.
 */
class AbiDifferentialTest {
  static final int CASES = Seeds.cases(10_000);
  static final int PACKED_CASES = Seeds.cases(10_000);
  static final int SIGNATURES = Seeds.cases(3_000);

  private static NodeOracle oracle;

  @BeforeContainer
  static void startOracle() {
    oracle = NodeOracle.start();
  }

  @AfterContainer
  static void stopOracle() {
    if (oracle != null) {
      oracle.close();
    }
  }

  private static ObjectNode req(String op) {
    return NodeOracle.JSON.createObjectNode().put("op", op);
  }

  private static <T> List<T> draw(RandomGenerator<T> gen, Random r, int n) {
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(gen.next(r).value());
    }
    return out;
  }

  private static String ctx(int i, long seed, AbiGen.Case c) {
    return "case " + i + Seeds.replay(seed) + ": types " + c.typesJson() + " values " + c.json();
  }

  @Example
  void encodeAndDecodeAgreeWithViem() {
    long seed = Seeds.seed();
    List<AbiGen.Case> cases = draw(AbiGen.cases().generator(1000), Seeds.random(seed), CASES);
    List<ObjectNode> requests = new ArrayList<>(2 * CASES);
    List<byte[]> ours = new ArrayList<>(CASES);
    for (AbiGen.Case c : cases) {
      byte[] enc = AbiTypes.tuple(c.typeStrings()).encode(c.java());
      ours.add(enc);
      ObjectNode e = req("encodeAbiParameters");
      e.set("types", c.typesJson());
      e.set("values", c.json());
      ObjectNode d = req("decodeAbiParameters");
      d.set("types", c.typesJson());
      d.put("data", Hex.encodePrefixed(enc));
      requests.add(e);
      requests.add(d);
    }
    List<JsonNode> answers = oracle.call(requests);
    Set<AbiGen.Spec.Kind> seen = EnumSet.noneOf(AbiGen.Spec.Kind.class);
    int staticArrays = 0;
    int dynamicArrays = 0;
    for (int i = 0; i < CASES; i++) {
      AbiGen.Case c = cases.get(i);
      String ctx = ctx(i, seed, c);
      // 1. byte-identical encodings
      String viemHex = NodeOracle.result(answers.get(2 * i), ctx).asText();
      assertEquals(viemHex, Hex.encodePrefixed(ours.get(i)), ctx);
      // 2. we decode viem's encoding to the original values
      TupleType tt = AbiTypes.tuple(c.typeStrings());
      Tuple decoded = tt.decode(Hex.decode(viemHex));
      assertEquals(c.java(), decoded, ctx);
      // 3. viem decodes ours to the original values
      JsonNode viemDecoded = NodeOracle.result(answers.get(2 * i + 1), ctx);
      ArrayNode normalized = NodeOracle.JSON.createArrayNode();
      for (int k = 0; k < c.types().size(); k++) {
        normalized.add(c.types().get(k).normalize(viemDecoded.get(k)));
      }
      assertEquals(c.normalizedJson(), normalized, ctx);
      for (AbiGen.Spec s : c.types()) {
        collectKinds(s, seen);
      }
      String sig = String.join(",", c.typeStrings());
      staticArrays += sig.matches(".*\\[[0-9]+\\].*") ? 1 : 0;
      dynamicArrays += sig.contains("[]") ? 1 : 0;
    }
    assertEquals(EnumSet.allOf(AbiGen.Spec.Kind.class), seen, "every kind of type was generated");
    assertTrue(staticArrays > CASES / 10 && dynamicArrays > CASES / 10, "arrays of both kinds");
  }

  private static void collectKinds(AbiGen.Spec s, Set<AbiGen.Spec.Kind> seen) {
    seen.add(s.kind);
    s.children.forEach(ch -> collectKinds(ch, seen));
  }

  @Example
  void everyElementaryWidthAgreesWithViem() {
    // all 32 widths of int and uint, and bytes1..32, at their edges, in one batch
    long seed = Seeds.seed();
    Random r = Seeds.random(seed);
    List<AbiGen.Case> cases = new ArrayList<>();
    for (int w = 1; w <= 32; w++) {
      for (int rep = 0; rep < 8; rep++) {
        cases.add(AbiGen.caseOf(r, List.of(
            new AbiGen.Spec(AbiGen.Spec.Kind.UINT, 8 * w, List.of()),
            new AbiGen.Spec(AbiGen.Spec.Kind.INT, 8 * w, List.of()),
            new AbiGen.Spec(AbiGen.Spec.Kind.FIXED_BYTES, w, List.of()))));
      }
    }
    List<ObjectNode> requests = new ArrayList<>();
    for (AbiGen.Case c : cases) {
      ObjectNode e = req("encodeAbiParameters");
      e.set("types", c.typesJson());
      e.set("values", c.json());
      requests.add(e);
    }
    List<JsonNode> answers = oracle.call(requests);
    for (int i = 0; i < cases.size(); i++) {
      AbiGen.Case c = cases.get(i);
      String viemHex = NodeOracle.result(answers.get(i), ctx(i, seed, c)).asText();
      assertEquals(viemHex, Hex.encodePrefixed(AbiTypes.tuple(c.typeStrings()).encode(c.java())));
      assertEquals(c.java(), AbiTypes.tuple(c.typeStrings()).decode(Hex.decode(viemHex)));
    }
    assertEquals(32 * 8, cases.size());
  }

  @Example
  void encodePackedAgreesWithViem() {
    long seed = Seeds.seed();
    List<AbiGen.Case> cases =
        draw(AbiGen.packedCases().generator(1000), Seeds.random(seed), PACKED_CASES);
    List<ObjectNode> requests = new ArrayList<>(PACKED_CASES);
    for (AbiGen.Case c : cases) {
      ObjectNode e = req("encodePacked");
      e.set("types", c.typesJson());
      e.set("values", c.json());
      requests.add(e);
    }
    List<JsonNode> answers = oracle.call(requests);
    int withArrays = 0;
    for (int i = 0; i < PACKED_CASES; i++) {
      AbiGen.Case c = cases.get(i);
      String ctx = ctx(i, seed, c);
      String viemHex = NodeOracle.result(answers.get(i), ctx).asText();
      assertEquals(
          viemHex, Hex.encodePrefixed(AbiTypes.tuple(c.typeStrings()).encodePacked(c.java())), ctx);
      withArrays += String.join(",", c.typeStrings()).contains("[") ? 1 : 0;
    }
    assertTrue(withArrays > PACKED_CASES / 10);
  }

  @Example
  void functionSelectorsAndCalldataAgreeWithViem() {
    long seed = Seeds.seed();
    Random r = Seeds.random(seed);
    List<Function> functions = new ArrayList<>(SIGNATURES);
    List<AbiGen.Case> args = new ArrayList<>(SIGNATURES);
    List<ObjectNode> requests = new ArrayList<>(3 * SIGNATURES);
    for (int i = 0; i < SIGNATURES; i++) {
      int n = r.nextInt(5);
      List<AbiGen.Spec> types = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        types.add(AbiGen.any(r, 2));
      }
      AbiGen.Case c = AbiGen.caseOf(r, types);
      String name = AbiGen.identifier(r);
      String canonical = name + "(" + String.join(",", c.typeStrings()) + ")";
      StringBuilder human = new StringBuilder("function ").append(name).append('(');
      for (int k = 0; k < n; k++) {
        human.append(k == 0 ? "" : ", ").append(c.typeStrings()[k]);
        if (r.nextBoolean()) {
          human.append(" p").append(k);
        }
      }
      human.append(')');
      Function f = Function.parse(canonical);
      Function fh = Function.parse(human.toString());
      assertEquals(f.signature(), fh.signature(), human.toString());
      assertEquals(canonical, f.signature());
      functions.add(f);
      args.add(c);
      requests.add(req("toFunctionSelector").put("signature", canonical));
      ObjectNode enc = req("encodeFunctionData").put("signature", human.toString());
      enc.set("args", c.json());
      requests.add(enc);
      requests.add(
          req("decodeFunctionData")
              .put("signature", human.toString())
              .put("data", Hex.encodePrefixed(f.encodeCall(c.java()))));
    }
    List<JsonNode> answers = oracle.call(requests);
    for (int i = 0; i < SIGNATURES; i++) {
      Function f = functions.get(i);
      AbiGen.Case c = args.get(i);
      String ctx = "function " + i + Seeds.replay(seed) + ": " + f.signature() + " " + c.json();
      assertEquals(
          NodeOracle.result(answers.get(3 * i), ctx).asText(), Hex.encodePrefixed(f.selector()), ctx);
      String viemCall = NodeOracle.result(answers.get(3 * i + 1), ctx).asText();
      assertEquals(viemCall, Hex.encodePrefixed(f.encodeCall(c.java())), ctx);
      assertEquals(c.java(), f.decodeCall(Hex.decode(viemCall)), ctx);
      JsonNode viemArgs = NodeOracle.result(answers.get(3 * i + 2), ctx);
      ArrayNode normalized = NodeOracle.JSON.createArrayNode();
      for (int k = 0; k < c.types().size(); k++) {
        normalized.add(c.types().get(k).normalize(viemArgs.get(k)));
      }
      assertEquals(c.normalizedJson(), normalized, ctx);
    }
  }

  @Example
  void eventTopicsAgreeWithViem() {
    long seed = Seeds.seed();
    Random r = Seeds.random(seed);
    List<Event> events = new ArrayList<>(SIGNATURES);
    List<ObjectNode> requests = new ArrayList<>(2 * SIGNATURES);
    for (int i = 0; i < SIGNATURES; i++) {
      int n = r.nextInt(6);
      String name = AbiGen.identifier(r);
      List<String> types = new ArrayList<>();
      StringBuilder human = new StringBuilder("event ").append(name).append('(');
      int indexed = 0;
      for (int k = 0; k < n; k++) {
        String t = AbiGen.any(r, 2).canonical();
        types.add(t);
        human.append(k == 0 ? "" : ", ").append(t);
        if (indexed < 3 && r.nextInt(3) == 0) {
          human.append(" indexed");
          indexed++;
        }
        human.append(" a").append(k);
      }
      human.append(')');
      Event e = Event.parse(human.toString());
      String canonical = name + "(" + String.join(",", types) + ")";
      assertEquals(canonical, e.signature(), human.toString());
      events.add(e);
      requests.add(req("toEventSelector").put("signature", canonical));
      requests.add(req("toEventSelector").put("signature", human.toString()));
    }
    List<JsonNode> answers = oracle.call(requests);
    for (int i = 0; i < SIGNATURES; i++) {
      Event e = events.get(i);
      String ctx = "event " + i + Seeds.replay(seed) + ": " + e.signature();
      String topic = Hex.encodePrefixed(e.topic0());
      assertEquals(NodeOracle.result(answers.get(2 * i), ctx).asText(), topic, ctx);
      assertEquals(NodeOracle.result(answers.get(2 * i + 1), ctx).asText(), topic, ctx);
    }
  }

  /**
   * viem has no encoding for the {@code function} type (24 bytes: address + selector), so it is
   * left out of the random cases above; this asserts that reason, and the codec's own round trip.
   */
  @Example
  void functionTypeIsNotSupportedByViem() {
    ObjectNode e = req("encodeAbiParameters");
    e.set("types", NodeOracle.JSON.createArrayNode().add("function"));
    e.set("values", NodeOracle.JSON.createArrayNode().add("0x" + "ab".repeat(24)));
    JsonNode answer = oracle.call(e);
    assertFalse(answer.path("ok").asBoolean(), answer.toString());
    assertTrue(answer.path("error").asText().contains("function"), answer.toString());
    TupleType t = AbiTypes.tuple("function");
    byte[] v = Hex.decode("ab".repeat(24));
    assertEquals(Tuple.of((Object) v), t.decode(t.encode(Tuple.of((Object) v))));
  }
}
