package dev.cairn.examples.cli.batch;

import static dev.cairn.examples.cli.batch.BatchProtocolTest.assertError;
import static dev.cairn.examples.cli.batch.BatchProtocolTest.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.testing.TestData;
import dev.cairn.examples.cli.Cli;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The {@code abi.*} and {@code eip712.hash} batch ops: known answers, public vectors, errors. */
class AbiOpsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static final String ALICE = "0x5B38Da6a701c568545dCfcB03FcB875f56beddC4";
  /** transfer(ALICE, 1000): selector a9059cbb, the address word, the amount word. */
  static final String TRANSFER_CALLDATA = "0xa9059cbb"
      + "0000000000000000000000005b38da6a701c568545dcfcb03fcb875f56beddc4"
      + "00000000000000000000000000000000000000000000000000000000000003e8";

  static String req(Object... kv) {
    ObjectNode n = JSON.createObjectNode();
    for (int i = 0; i < kv.length; i += 2) {
      n.set((String) kv[i], kv[i + 1] instanceof JsonNode j ? j : JSON.valueToTree(kv[i + 1]));
    }
    return n.toString();
  }

  static JsonNode ok(String line) {
    JsonNode a = Cli.one(line);
    assertOk(a);
    return a.get("result");
  }

  static String error(String line, String code) {
    JsonNode a = Cli.one(line);
    assertError(a, code);
    return a.get("error").get("message").textValue();
  }

  // --- encodeCall / selector -----------------------------------------------------------------------

  @Test
  void encodeCallCanonicalAndHumanReadable() {
    assertEquals(TRANSFER_CALLDATA, ok(req("id", 1, "op", "abi.encodeCall",
        "signature", "transfer(address,uint256)", "args", List.of(ALICE, 1000))).textValue());
    // human-readable fragment, lowercase address, hex and decimal-string amounts
    assertEquals(TRANSFER_CALLDATA, ok(req("id", 2, "op", "abi.encodeCall",
        "signature", "function transfer(address to, uint256 amount) returns (bool)",
        "args", List.of(ALICE.toLowerCase(Locale.ROOT), "0x3e8"))).textValue());
    assertEquals(TRANSFER_CALLDATA, ok(req("id", 3, "op", "abi.encodeCall",
        "signature", "transfer(address,uint256)", "args", List.of(ALICE, "1000"))).textValue());
  }

  @Test
  void encodeCallWithStructArray() {
    // f((uint256,bool)[]) with [(1,true),(2,false)]: offset, length, then the two static tuples
    String expected = selectorOf("f((uint256,bool)[])")
        + word(32) + word(2) + word(1) + word(1) + word(2) + word(0);
    ArrayNode args = NODES.arrayNode();
    args.addArray().add(NODES.arrayNode().add(1).add(true)).add(NODES.arrayNode().add("2").add(false));
    assertEquals(expected, ok(req("id", 1, "op", "abi.encodeCall",
        "signature", "f((uint256,bool)[])", "args", args)).textValue());
  }

  private static String selectorOf(String sig) {
    return ok(req("id", 0, "op", "abi.selector", "signature", sig)).textValue();
  }

  private static String word(long v) {
    return String.format("%064x", v);
  }

  @Test
  void selectors() {
    assertEquals("0xa9059cbb", selectorOf("transfer(address,uint256)"));
    assertEquals("0x70a08231", selectorOf("function balanceOf(address owner) view returns (uint256)"));
    assertEquals("0x095ea7b3", selectorOf("approve(address,uint256)"));
    // Error(string), the Solidity revert reason
    assertEquals("0x08c379a0", selectorOf("Error(string)"));
  }

  // --- encode / decode against ethers' ABI vectors -------------------------------------------------

  /** ethers' verbose value as a request value (numbers as decimal strings). */
  private static JsonNode input(JsonNode verbose) {
    String type = verbose.get("type").textValue();
    JsonNode value = verbose.get("value");
    switch (type) {
      case "object":
      case "array":
        {
          ArrayNode out = NODES.arrayNode();
          for (JsonNode e : value) {
            out.add(input(e));
          }
          return out;
        }
      default:
        return value;
    }
  }

  /** The answer the tool must give for a verbose value: hex lowercase, addresses EIP-55. */
  private static JsonNode expectedOutput(JsonNode verbose) {
    String type = verbose.get("type").textValue();
    JsonNode value = verbose.get("value");
    switch (type) {
      case "object":
      case "array":
        {
          ArrayNode out = NODES.arrayNode();
          for (JsonNode e : value) {
            out.add(expectedOutput(e));
          }
          return out;
        }
      case "number":
        return NODES.textNode(new BigInteger(value.textValue()).toString());
      case "hexstring":
        return NODES.textNode(value.textValue().toLowerCase(Locale.ROOT));
      default:
        return value;
    }
  }

  @Test
  void encodeAndDecodeEveryEthersAbiVector() throws IOException {
    JsonNode all = JSON.readTree(TestData.read("ethers/abi.json"));
    assertEquals(1002, all.size());
    List<String> lines = new ArrayList<>();
    for (JsonNode v : all) {
      // each vector is one parameter of its type (a tuple type is one dynamic or static value)
      ArrayNode types = NODES.arrayNode().add(v.get("type").textValue());
      ArrayNode values = NODES.arrayNode().add(input(v.get("verbose")));
      lines.add(req("id", lines.size(), "op", "abi.encode", "types", types, "values", values));
      lines.add(req("id", lines.size(), "op", "abi.decode", "types", types,
          "data", v.get("encoded").textValue()));
    }
    List<JsonNode> answers = Cli.batch(lines.toArray(new String[0]));
    for (int i = 0; i < all.size(); i++) {
      JsonNode v = all.get(i);
      String name = v.get("name").textValue();
      JsonNode enc = answers.get(2 * i);
      JsonNode dec = answers.get(2 * i + 1);
      assertOk(enc);
      assertOk(dec);
      assertEquals(v.get("encoded").textValue(), enc.get("result").textValue(), name);
      JsonNode expected = NODES.arrayNode().add(expectedOutput(v.get("verbose")));
      assertEquals(expected, dec.get("result"), name);
    }
  }

  @Test
  void decodeKnownAnswerAndOutputConventions() {
    JsonNode r = ok(req("id", 1, "op", "abi.decode",
        "types", List.of("address", "uint256", "int8", "bytes", "(bool,string)[]"),
        "data", encodeOk(List.of("address", "uint256", "int8", "bytes", "(bool,string)[]"),
            "[\"" + ALICE.toLowerCase(Locale.ROOT) + "\", \"0xff\", -5, \"0xABCD\","
                + " [[true, \"hi\"], [false, \"\"]]]")));
    assertEquals("[\"" + ALICE + "\",\"255\",\"-5\",\"0xabcd\",[[true,\"hi\"],[false,\"\"]]]",
        r.toString());
  }

  private static String encodeOk(List<String> types, String valuesJson) {
    try {
      return ok(req("id", 1, "op", "abi.encode", "types", types,
          "values", JSON.readTree(valuesJson))).textValue();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void decodeIsStrict() {
    String one = word(1);
    // truncated
    error(req("id", 1, "op", "abi.decode", "types", List.of("uint256"), "data", "0x" + one.substring(2)),
        "DECODE_ERROR");
    // dirty padding on an address
    error(req("id", 2, "op", "abi.decode", "types", List.of("address"),
        "data", "0x01" + "00".repeat(11) + "5b38da6a701c568545dcfcb03fcb875f56beddc4"), "DECODE_ERROR");
    // bool that is neither 0 nor 1
    error(req("id", 3, "op", "abi.decode", "types", List.of("bool"), "data", "0x" + word(2)),
        "DECODE_ERROR");
    // uint8 with high bits set
    error(req("id", 4, "op", "abi.decode", "types", List.of("uint8"), "data", "0x" + word(256)),
        "DECODE_ERROR");
    // offset of a dynamic value out of range
    error(req("id", 5, "op", "abi.decode", "types", List.of("bytes"),
        "data", "0x" + word(0x1000) + word(0)), "DECODE_ERROR");
    // length beyond the data
    error(req("id", 6, "op", "abi.decode", "types", List.of("string"),
        "data", "0x" + word(32) + word(1000)), "DECODE_ERROR");
    // not hex at all
    String m = error(req("id", 7, "op", "abi.decode", "types", List.of("uint256"), "data", "0xzz"),
        "DECODE_ERROR");
    assertTrue(m.contains("data"), m);
  }

  @Test
  void encodePackedKnownAnswer() {
    // the Solidity documentation's example: abi.encodePacked(int16(-1), bytes1(0x42),
    // uint16(0x03), string("Hello, world!"))
    assertEquals("0xffff42000348656c6c6f2c20776f726c6421", ok(req("id", 1, "op",
        "abi.encodePacked", "types", List.of("int16", "bytes1", "uint16", "string"),
        "values", List.of(-1, "0x42", 3, "Hello, world!"))).textValue());
  }

  // --- EIP-712 -------------------------------------------------------------------------------------

  @Test
  void eip712MailExampleAsObjectAndAsString() throws IOException {
    JsonNode v = JSON.readTree(TestData.read("eip/eip712_mail_example.json"));
    String digest = v.get("digest").textValue();
    assertEquals(digest, ok(req("id", 1, "op", "eip712.hash", "typedData", v.get("typedData")))
        .textValue());
    assertEquals(digest, ok(req("id", 2, "op", "eip712.hash",
        "typedData", v.get("typedData").toString())).textValue());
  }

  @Test
  void eip712EthersVectors() throws IOException {
    JsonNode all = JSON.readTree(TestData.read("ethers/typed-data.json"));
    List<String> lines = new ArrayList<>();
    for (JsonNode v : all) {
      ObjectNode td = JSON.createObjectNode();
      td.set("types", v.get("types"));
      td.set("primaryType", v.get("primaryType"));
      td.set("domain", v.get("domain"));
      td.set("message", v.get("data"));
      lines.add(req("id", lines.size(), "op", "eip712.hash", "typedData", td));
    }
    List<JsonNode> answers = Cli.batch(lines.toArray(new String[0]));
    assertEquals(130, answers.size());
    for (int i = 0; i < all.size(); i++) {
      assertOk(answers.get(i));
      assertEquals(all.get(i).get("digest").textValue(), answers.get(i).get("result").textValue(),
          all.get(i).get("name").textValue());
    }
  }

  // --- errors ----------------------------------------------------------------------------------------

  @Test
  void valueErrorsNameTheirPath() throws IOException {
    String m = error(req("id", 1, "op", "abi.encode",
        "types", List.of("uint8", "bool", "(uint256,address)[]"),
        "values", JSON.readTree("[1, true, [[1, \"" + ALICE + "\"], [\"x\", \"" + ALICE + "\"]]]")),
        "INVALID_ARGUMENT");
    assertTrue(m.contains("values[2][1][0]"), m);
    m = error(req("id", 2, "op", "abi.encode", "types", List.of("uint8"), "values", List.of(256)),
        "INVALID_ARGUMENT");
    assertTrue(m.contains("values[0]") && m.contains("range"), m);
    m = error(req("id", 3, "op", "abi.encode", "types", List.of("int8"), "values", List.of(-129)),
        "INVALID_ARGUMENT");
    assertTrue(m.contains("values[0]"), m);
    // mixed-case address with a broken EIP-55 checksum
    m = error(req("id", 4, "op", "abi.encodeCall", "signature", "transfer(address,uint256)",
        "args", List.of(ALICE.replace('B', 'b'), 1)), "INVALID_ARGUMENT");
    assertTrue(m.contains("args[0]") && m.contains("EIP-55"), m);
    // wrong count
    m = error(req("id", 5, "op", "abi.encodeCall", "signature", "transfer(address,uint256)",
        "args", List.of(ALICE)), "INVALID_ARGUMENT");
    assertTrue(m.contains("args"), m);
    // bytesN of the wrong length, fixed array of the wrong length
    m = error(req("id", 6, "op", "abi.encode", "types", List.of("bytes4"), "values",
        List.of("0x0102")), "INVALID_ARGUMENT");
    assertTrue(m.contains("values[0]"), m);
    m = error(req("id", 7, "op", "abi.encode", "types", List.of("uint8[2]"), "values",
        List.of(List.of(1, 2, 3))), "INVALID_ARGUMENT");
    assertTrue(m.contains("values[0]"), m);
    // bad hex in a value
    m = error(req("id", 8, "op", "abi.encode", "types", List.of("bytes"), "values",
        List.of("0x0g")), "DECODE_ERROR");
    assertTrue(m.contains("values[0]"), m);
    // bool as a string in strict mode, fraction for an integer
    error(req("id", 9, "op", "abi.encode", "types", List.of("bool"), "values", List.of("true")),
        "INVALID_ARGUMENT");
    error(req("id", 10, "op", "abi.encode", "types", List.of("uint256"), "values",
        JSON.readTree("[1.5]")), "INVALID_ARGUMENT");
  }

  @Test
  void typeAndSignatureErrors() {
    String m = error(req("id", 1, "op", "abi.encode", "types", List.of("uint256", "uint7"),
        "values", List.of(1, 1)), "INVALID_ARGUMENT");
    assertTrue(m.contains("types[1]"), m);
    m = error(req("id", 2, "op", "abi.encodeCall", "signature", "transfer(address,", "args",
        List.of()), "INVALID_ARGUMENT");
    assertTrue(m.contains("signature"), m);
    // malformed requests
    error(req("id", 3, "op", "abi.encode", "types", "uint256", "values", List.of(1)),
        "BAD_REQUEST");
    error(req("id", 4, "op", "abi.encode", "types", List.of(1), "values", List.of(1)),
        "BAD_REQUEST");
    error(req("id", 5, "op", "abi.decode", "types", List.of("uint256")), "BAD_REQUEST");
    error(req("id", 6, "op", "abi.selector", "signature", "f()", "extra", 1), "BAD_REQUEST");
    error(req("id", 7, "op", "eip712.hash", "typedData", 5), "BAD_REQUEST");
    error(req("id", 8, "op", "eip712.hash", "typedData", JSON.createObjectNode()),
        "INVALID_ARGUMENT");
  }
}
