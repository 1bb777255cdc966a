package dev.cairn.abi.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.abi.eip712.TypedData;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** EIP-712 digests of random typed data: ours against viem's hashTypedData and ethers 6. */
class Eip712DifferentialTest {
  static final int CASES = Seeds.cases(5_000);
  static final int ETHERS_CASES = Seeds.cases(1_000);

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

  private static ObjectNode request(String op, ObjectNode typedData) {
    ObjectNode req = NodeOracle.JSON.createObjectNode().put("op", op);
    req.set("typedData", typedData);
    return req;
  }

  @Example
  void randomTypedDataDigestsMatchViem() throws Exception {
    long seed = Seeds.seed();
    Random random = Seeds.random(seed);
    RandomGenerator<TypedDataGen.Case> gen = TypedDataGen.cases().generator(1000);
    List<TypedDataGen.Case> cases = new ArrayList<>(CASES);
    List<ObjectNode> requests = new ArrayList<>(CASES);
    for (int i = 0; i < CASES; i++) {
      TypedDataGen.Case c = gen.next(random).value();
      cases.add(c);
      requests.add(request("hashTypedData", c.typedData()));
    }
    List<JsonNode> answers = oracle.call(requests);
    int compared = 0;
    int domainOnly = 0;
    int nested = 0;
    for (int i = 0; i < CASES; i++) {
      ObjectNode td = cases.get(i).typedData();
      String json = NodeOracle.JSON.writeValueAsString(td);
      String ctx = "case " + i + Seeds.replay(seed) + ": " + json;
      String expected = NodeOracle.result(answers.get(i), ctx).asText();
      TypedData ours = TypedData.parseJson(json);
      assertEquals(expected, Hex.encodePrefixed(ours.digest()), ctx);
      compared++;
      if ("EIP712Domain".equals(ours.primaryType())) {
        domainOnly++;
      }
      if (ours.types().size() > 2) {
        nested++;
      }
    }
    assertEquals(CASES, compared);
    assertTrue(domainOnly > 0, "some cases have primaryType EIP712Domain");
    assertTrue(nested > CASES / 4, "many cases have nested struct types");
  }

  @Example
  void randomTypedDataDigestsMatchEthers() throws Exception {
    long seed = Seeds.seed();
    Random random = Seeds.random(seed);
    RandomGenerator<TypedDataGen.Case> gen = TypedDataGen.cases().generator(1000);
    List<ObjectNode> cases = new ArrayList<>(ETHERS_CASES);
    while (cases.size() < ETHERS_CASES) {
      TypedDataGen.Case c = gen.next(random).value();
      if (c.ethersCompatible()) {
        cases.add(c.typedData());
      }
    }
    List<ObjectNode> requests = new ArrayList<>();
    for (ObjectNode td : cases) {
      requests.add(request("ethersHashTypedData", td));
    }
    List<JsonNode> answers = oracle.call(requests);
    for (int i = 0; i < cases.size(); i++) {
      String json = NodeOracle.JSON.writeValueAsString(cases.get(i));
      String ctx = "case " + i + Seeds.replay(seed) + ": " + json;
      String expected = NodeOracle.result(answers.get(i), ctx).asText();
      assertEquals(expected, Hex.encodePrefixed(TypedData.parseJson(json).digest()), ctx);
    }
  }

  @Example
  void mailExampleAgreesWithViemAndEthers() throws Exception {
    JsonNode v = NodeOracle.JSON.readTree(TestData.read("eip/eip712_mail_example.json"));
    ObjectNode td = (ObjectNode) v.get("typedData");
    TypedData ours = TypedData.parseJson(NodeOracle.JSON.writeValueAsString(td));
    List<JsonNode> answers =
        oracle.call(
            List.of(
                request("hashTypedData", td),
                request("ethersHashTypedData", td),
                request("hashDomain", td),
                request("hashStruct", td)));
    String digest = Hex.encodePrefixed(ours.digest());
    assertEquals(v.get("digest").asText(), digest);
    assertEquals(digest, NodeOracle.result(answers.get(0), "viem").asText());
    assertEquals(digest, NodeOracle.result(answers.get(1), "ethers").asText());
    assertEquals(
        Hex.encodePrefixed(ours.domainSeparator()), NodeOracle.result(answers.get(2), "viem").asText());
    assertEquals(
        Hex.encodePrefixed(ours.hashStruct()), NodeOracle.result(answers.get(3), "viem").asText());
  }
}
