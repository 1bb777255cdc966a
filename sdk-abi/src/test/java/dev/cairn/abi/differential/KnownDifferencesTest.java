package dev.cairn.abi.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.abi.AbiException;
import dev.cairn.abi.AbiTypes;
import dev.cairn.abi.Tuple;
import dev.cairn.abi.eip712.TypedData;
import dev.cairn.core.CairnException;
import dev.cairn.core.encoding.Hex;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Where we and viem/ethers deliberately differ: inputs that one side accepts and the other
 * rejects. Each case asserts both behaviours, so a change in the oracle (or in us) shows up here.
 * On valid input there are no differences (see the other differential tests).
 */
class KnownDifferencesTest {
  private static final String ZERO = "00".repeat(32);
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

  private static ObjectNode decode(String type, String hex) {
    ObjectNode r = NodeOracle.JSON.createObjectNode().put("op", "decodeAbiParameters").put("data", hex);
    r.putArray("types").add(type);
    return r;
  }

  private static ObjectNode typed(String op, String json) throws Exception {
    ObjectNode r = NodeOracle.JSON.createObjectNode().put("op", op);
    r.set("typedData", NodeOracle.JSON.readTree(json));
    return r;
  }

  /**
   * Non-canonical encodings: viem's decoder reads the whole word and ignores or keeps dirty bits;
   * ours rejects them, like Solidity's ABI coder v2, which reverts on values that do not fit the
   * type (Solidity docs, "Formal Specification of the Encoding": enc(X) is the unique encoding;
   * "ABI Encoder V2 ... validates the input").
   */
  @Example
  void dirtyWordsAreAcceptedByViemAndRejectedByUs() {
    String[][] cases = {
      // type, hex, what viem returns
      {"uint8", "0x" + ZERO.substring(4) + "01ff", "511"},
      {"int8", "0x" + ZERO.substring(2) + "ff", "255"},
      {"address", "0x" + "ff".repeat(12) + "cd2a3d9f938e13cd947ec05abc7fe734df8dd826",
          "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"},
      {"bytes1", "0x01ff" + ZERO.substring(4), "0x01"},
      // a string whose content is not UTF-8 (viem substitutes U+FFFD)
      {"string", "0x" + ZERO.substring(2) + "20" + ZERO.substring(2) + "01ff" + ZERO.substring(2), "\ufffd"},
      // a trailing extra word after the data
      {"uint256", "0x" + ZERO + ZERO, "0"},
    };
    List<ObjectNode> requests = new ArrayList<>();
    for (String[] c : cases) {
      requests.add(decode(c[0], c[1]));
    }
    List<JsonNode> answers = oracle.call(requests);
    for (int i = 0; i < cases.length; i++) {
      String[] c = cases[i];
      assertEquals(c[2], NodeOracle.result(answers.get(i), c[0]).get(0).asText(), c[0]);
      byte[] data = Hex.decode(c[1]);
      assertThrows(CairnException.class, () -> AbiTypes.tuple(c[0]).decode(data), c[0] + " " + c[1]);
    }
  }

  /** An unpaired surrogate has no UTF-8 form: viem encodes U+FFFD (EF BF BD), we reject. */
  @Example
  void unpairedSurrogatesAreReplacedByViemAndRejectedByUs() throws Exception {
    ObjectNode enc = NodeOracle.JSON.createObjectNode().put("op", "encodeAbiParameters");
    enc.putArray("types").add("string");
    enc.putArray("values").add("a\ud800");
    String json = "{\"types\":{\"A\":[{\"name\":\"s\",\"type\":\"string\"}]},\"primaryType\":\"A\","
        + "\"domain\":{},\"message\":{\"s\":\"a\\ud800\"}}";
    List<JsonNode> answers = oracle.call(List.of(enc, typed("hashTypedData", json)));
    assertTrue(NodeOracle.result(answers.get(0), "viem").asText().contains("61efbfbd"));
    assertTrue(answers.get(1).path("ok").asBoolean());
    assertThrows(AbiException.class, () -> AbiTypes.tuple("string").encode(Tuple.of("a\ud800")));
    assertThrows(AbiException.class, () -> TypedData.parseJson(json));
  }

  /** EIP-712 inputs where viem, ethers and we disagree about acceptance. */
  @Example
  void typedDataAcceptance() throws Exception {
    String upperAddress = "{\"types\":{\"A\":[{\"name\":\"a\",\"type\":\"address\"}]},\"primaryType\":\"A\","
        + "\"domain\":{},\"message\":{\"a\":\"0xCD2A3D9F938E13CD947EC05ABC7FE734DF8DD826\"}}";
    String cyclic = "{\"types\":{\"Node\":[{\"name\":\"kids\",\"type\":\"Node[]\"}]},\"primaryType\":\"Node\","
        + "\"domain\":{},\"message\":{\"kids\":[{\"kids\":[]}]}}";
    String shortArray = "{\"types\":{\"A\":[{\"name\":\"a\",\"type\":\"uint8[2]\"}]},\"primaryType\":\"A\","
        + "\"domain\":{},\"message\":{\"a\":[1]}}";
    String unused = "{\"types\":{\"A\":[{\"name\":\"a\",\"type\":\"bool\"}],\"B\":[]},\"primaryType\":\"A\","
        + "\"domain\":{},\"message\":{\"a\":true}}";
    List<JsonNode> a = oracle.call(List.of(
        typed("hashTypedData", upperAddress),
        typed("hashTypedData", cyclic), typed("ethersHashTypedData", cyclic),
        typed("hashTypedData", shortArray), typed("ethersHashTypedData", shortArray),
        typed("hashTypedData", unused), typed("ethersHashTypedData", unused)));
    // all-uppercase address: viem's strict isAddress rejects it, Address.parse accepts it
    assertFalse(a.get(0).path("ok").asBoolean());
    assertEquals(32, TypedData.parseJson(upperAddress).digest().length);
    // recursive struct type: viem hashes it, ethers and we reject it
    assertTrue(a.get(1).path("ok").asBoolean());
    assertTrue(a.get(2).path("error").asText().contains("circular"));
    assertTrue(assertThrows(AbiException.class, () -> TypedData.parseJson(cyclic))
        .getMessage().contains("cyclic"));
    // T[k] with fewer than k elements: viem hashes it, ethers and we reject it
    assertTrue(a.get(3).path("ok").asBoolean());
    assertTrue(a.get(4).path("error").asText().contains("array length mismatch"));
    assertThrows(AbiException.class, () -> TypedData.parseJson(shortArray));
    // an unused struct type: viem and we take primaryType as given, ethers rejects
    String viemDigest = NodeOracle.result(a.get(5), "viem").asText();
    assertEquals(viemDigest, Hex.encodePrefixed(TypedData.parseJson(unused).digest()));
    assertTrue(a.get(6).path("error").asText().contains("ambiguous primary types"));
  }
}
