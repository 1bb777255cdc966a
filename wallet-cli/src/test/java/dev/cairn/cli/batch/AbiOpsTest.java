package dev.cairn.cli.batch;

import static dev.cairn.cli.batch.BatchProtocolTest.assertError;
import static dev.cairn.cli.batch.BatchProtocolTest.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.testing.TestData;
import dev.cairn.cli.Cli;
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

  // --- events and errors ---------------------------------------------------------------------------

  static final String BOB = "0xAb8483F64d9C6d1EcF9b849Ae677dD3315835cb2";
  static final String TRANSFER_TOPIC =
      "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

  static final String ERC20_ABI = "[{\"type\":\"event\",\"name\":\"Transfer\",\"anonymous\":false,"
      + "\"inputs\":[{\"name\":\"from\",\"type\":\"address\",\"indexed\":true},"
      + "{\"name\":\"to\",\"type\":\"address\",\"indexed\":true},"
      + "{\"name\":\"value\",\"type\":\"uint256\",\"indexed\":false}]},"
      + "{\"type\":\"event\",\"name\":\"Named\",\"anonymous\":false,"
      + "\"inputs\":[{\"name\":\"label\",\"type\":\"string\",\"indexed\":true},"
      + "{\"name\":\"\",\"type\":\"tuple\",\"indexed\":false,\"components\":["
      + "{\"name\":\"k\",\"type\":\"uint8\"},{\"name\":\"b\",\"type\":\"bytes\"}]}]},"
      + "{\"type\":\"error\",\"name\":\"InsufficientBalance\",\"inputs\":["
      + "{\"name\":\"available\",\"type\":\"uint256\"},"
      + "{\"name\":\"required\",\"type\":\"uint256\"}]}]";

  private static String topicOf(String address) {
    return "0x" + "0".repeat(24) + address.substring(2).toLowerCase(Locale.ROOT);
  }

  @Test
  void eventTopics() {
    assertEquals(TRANSFER_TOPIC, ok(req("id", 1, "op", "abi.eventTopic",
        "signature", "Transfer(address,address,uint256)")).textValue());
    assertEquals(TRANSFER_TOPIC, ok(req("id", 2, "op", "abi.eventTopic", "signature",
        "event Transfer(address indexed from, address indexed to, uint256 value)")).textValue());
    assertEquals("0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925",
        ok(req("id", 3, "op", "abi.eventTopic", "signature",
            "Approval(address,address,uint256)")).textValue());
    error(req("id", 4, "op", "abi.eventTopic", "signature", "Transfer(address"),
        "INVALID_ARGUMENT");
  }

  @Test
  void decodeLogNamesTheArguments() throws IOException {
    JsonNode abi = JSON.readTree(ERC20_ABI);
    JsonNode r = ok(req("id", 1, "op", "abi.decodeLog", "abi", abi,
        "topics", List.of(TRANSFER_TOPIC, topicOf(ALICE), topicOf(BOB)),
        "data", "0x" + word(1000)));
    assertEquals("{\"event\":\"Transfer\",\"args\":{\"from\":\"" + ALICE + "\",\"to\":\"" + BOB
        + "\",\"value\":\"1000\"}}", r.toString());
    // the ABI may also come as a string holding the JSON
    assertEquals(r, ok(req("id", 2, "op", "abi.decodeLog", "abi", ERC20_ABI,
        "topics", List.of(TRANSFER_TOPIC, topicOf(ALICE), topicOf(BOB)),
        "data", "0x" + word(1000))));
  }

  @Test
  void decodeLogHashedIndexedAndUnnamedInputs() throws IOException {
    String topic0 = ok(req("id", 1, "op", "abi.eventTopic",
        "signature", "Named(string,(uint8,bytes))")).textValue();
    String labelHash = "0x" + "ab".repeat(32);
    // data: the tuple (7, 0x0102) as one dynamic parameter
    String data = ok(req("id", 2, "op", "abi.encode", "types", List.of("(uint8,bytes)"),
        "values", JSON.readTree("[[7, \"0x0102\"]]"))).textValue();
    JsonNode abi = JSON.readTree(ERC20_ABI);
    JsonNode r = ok(req("id", 3, "op", "abi.decodeLog", "abi", abi,
        "topics", List.of(topic0, labelHash), "data", data));
    assertEquals("{\"event\":\"Named\",\"args\":{\"label\":\"" + labelHash
        + "\",\"1\":[\"7\",\"0x0102\"]}}", r.toString());
  }

  @Test
  void decodeLogErrors() throws IOException {
    JsonNode abi = JSON.readTree(ERC20_ABI);
    // unknown topic0
    String m = error(req("id", 1, "op", "abi.decodeLog", "abi", abi,
        "topics", List.of("0x" + "00".repeat(32)), "data", "0x"), "DECODE_ERROR");
    assertTrue(m.contains("topics"), m);
    // wrong topic count
    error(req("id", 2, "op", "abi.decodeLog", "abi", abi,
        "topics", List.of(TRANSFER_TOPIC, topicOf(ALICE)), "data", "0x" + word(1)), "DECODE_ERROR");
    // dirty address topic
    error(req("id", 3, "op", "abi.decodeLog", "abi", abi,
        "topics", List.of(TRANSFER_TOPIC, "0x" + "ff".repeat(32), topicOf(BOB)),
        "data", "0x" + word(1)), "DECODE_ERROR");
    // truncated data
    error(req("id", 4, "op", "abi.decodeLog", "abi", abi,
        "topics", List.of(TRANSFER_TOPIC, topicOf(ALICE), topicOf(BOB)), "data", "0x01"),
        "DECODE_ERROR");
    // a topic that is not 32 bytes
    m = error(req("id", 5, "op", "abi.decodeLog", "abi", abi,
        "topics", List.of(TRANSFER_TOPIC, "0x01", topicOf(BOB)), "data", "0x" + word(1)),
        "DECODE_ERROR");
    assertTrue(m.contains("topics[1]"), m);
    // an ABI that is not one
    m = error(req("id", 6, "op", "abi.decodeLog", "abi", JSON.readTree("[{\"type\":\"event\","
        + "\"name\":\"E\",\"inputs\":[{\"name\":\"x\",\"type\":\"uint7\"}]}]"),
        "topics", List.of(TRANSFER_TOPIC), "data", "0x"), "INVALID_ARGUMENT");
    assertTrue(m.contains("abi"), m);
    error(req("id", 7, "op", "abi.decodeLog", "abi", 3, "topics", List.of(), "data", "0x"),
        "BAD_REQUEST");
  }

  /** The Solidity documentation's revert example: Error("Not enough Ether provided."). */
  static final String ERROR_STRING_DATA = "0x08c379a0"
      + "0000000000000000000000000000000000000000000000000000000000000020"
      + "000000000000000000000000000000000000000000000000000000000000001a"
      + "4e6f7420656e6f7567682045746865722070726f76696465642e000000000000";

  @Test
  void decodeErrorBuiltinsAndCustom() throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", 1).put("op", "abi.decodeError").putNull("abi");
    n.put("data", ERROR_STRING_DATA);
    assertEquals("{\"error\":\"Error\",\"args\":[\"Not enough Ether provided.\"]}",
        ok(n.toString()).toString());
    n.put("data", "0x4e487b71" + word(0x11));
    assertEquals("{\"error\":\"Panic\",\"args\":[\"17\"]}", ok(n.toString()).toString());

    String selector = ok(req("id", 2, "op", "abi.selector",
        "signature", "error InsufficientBalance(uint256 available, uint256 required)")).textValue();
    assertEquals("0xcf479181", selector);
    JsonNode abi = JSON.readTree(ERC20_ABI);
    assertEquals("{\"error\":\"InsufficientBalance\",\"args\":[\"100\",\"250\"]}",
        ok(req("id", 3, "op", "abi.decodeError", "abi", abi,
            "data", selector + word(100) + word(250))).toString());
    // built-ins work with an ABI too
    assertEquals("Error", ok(req("id", 4, "op", "abi.decodeError", "abi", abi,
        "data", ERROR_STRING_DATA)).get("error").textValue());
  }

  @Test
  void decodeErrorFailures() throws IOException {
    JsonNode abi = JSON.readTree(ERC20_ABI);
    // custom error without the ABI that declares it
    ObjectNode n = JSON.createObjectNode();
    n.put("id", 1).put("op", "abi.decodeError").putNull("abi");
    n.put("data", "0xcf479181" + word(100) + word(250));
    String m = error(n.toString(), "DECODE_ERROR");
    assertTrue(m.contains("0xcf479181"), m);
    // empty data, short data
    n.put("data", "0x");
    error(n.toString(), "DECODE_ERROR");
    n.put("data", "0x08c379");
    error(n.toString(), "DECODE_ERROR");
    // Error(string) with a truncated string: the decoder's reason is reported
    n.put("data", ERROR_STRING_DATA.substring(0, ERROR_STRING_DATA.length() - 64));
    m = error(n.toString(), "DECODE_ERROR");
    assertTrue(m.contains("Error(string)"), m);
    // custom error whose arguments do not decode
    m = error(req("id", 2, "op", "abi.decodeError", "abi", abi, "data", "0xcf479181" + word(1)),
        "DECODE_ERROR");
    assertTrue(m.contains("InsufficientBalance"), m);
    // abi must be present (null allowed)
    error(req("id", 3, "op", "abi.decodeError", "data", ERROR_STRING_DATA), "BAD_REQUEST");
  }

  // --- one batch with every op ----------------------------------------------------------------------

  @Test
  void mixedBatch() throws IOException {
    JsonNode mail = JSON.readTree(TestData.read("eip/eip712_mail_example.json"));
    JsonNode abi = JSON.readTree(ERC20_ABI);
    ObjectNode decodeError = JSON.createObjectNode();
    decodeError.put("id", "e").put("op", "abi.decodeError").putNull("abi");
    decodeError.put("data", "0x4e487b71" + word(1));
    List<JsonNode> a = Cli.batch(
        req("id", "call", "op", "abi.encodeCall", "signature", "transfer(address,uint256)",
            "args", List.of(ALICE, 1000)),
        req("id", "sel", "op", "abi.selector", "signature", "transfer(address,uint256)"),
        req("id", "bad", "op", "abi.encode", "types", List.of("uint8"), "values", List.of(300)),
        req("id", "enc", "op", "abi.encode", "types", List.of("uint256", "bool"),
            "values", List.of("0x10", true)),
        req("id", "dec", "op", "abi.decode", "types", List.of("uint256", "bool"),
            "data", "0x" + word(16) + word(1)),
        req("id", "packed", "op", "abi.encodePacked", "types", List.of("uint8", "address"),
            "values", List.of(1, ALICE)),
        req("id", "topic", "op", "abi.eventTopic", "signature", "Transfer(address,address,uint256)"),
        req("id", "log", "op", "abi.decodeLog", "abi", abi,
            "topics", List.of(TRANSFER_TOPIC, topicOf(ALICE), topicOf(BOB)),
            "data", "0x" + word(5)),
        decodeError.toString(),
        req("id", "712", "op", "eip712.hash", "typedData", mail.get("typedData")),
        req("id", "strict", "op", "abi.decode", "types", List.of("bool"), "data", "0x" + word(2)),
        req("id", "mn", "op", "mnemonic.generate", "words", 12));
    assertEquals(TRANSFER_CALLDATA, a.get(0).get("result").textValue());
    assertEquals("0xa9059cbb", a.get(1).get("result").textValue());
    assertError(a.get(2), "INVALID_ARGUMENT");
    assertEquals("bad", a.get(2).get("id").textValue());
    assertEquals("0x" + word(16) + word(1), a.get(3).get("result").textValue());
    assertEquals("[\"16\",true]", a.get(4).get("result").toString());
    assertEquals("0x01" + ALICE.substring(2).toLowerCase(Locale.ROOT),
        a.get(5).get("result").textValue());
    assertEquals(TRANSFER_TOPIC, a.get(6).get("result").textValue());
    assertEquals("5", a.get(7).get("result").get("args").get("value").textValue());
    assertEquals("{\"error\":\"Panic\",\"args\":[\"1\"]}", a.get(8).get("result").toString());
    assertEquals(mail.get("digest").textValue(), a.get(9).get("result").textValue());
    assertError(a.get(10), "DECODE_ERROR");
    assertOk(a.get(11));
  }
}
