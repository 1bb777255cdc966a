package dev.cairn.abi.eip712;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.core.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** EIP-712 against the public vectors: the EIP's Mail example and ethers' typed-data.json. */
class TypedDataVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void mailExampleFromTheEip() throws Exception {
    JsonNode v = JSON.readTree(TestData.read("eip/eip712_mail_example.json"));
    TypedData td = TypedData.parseJson(JSON.writeValueAsString(v.get("typedData")));
    assertEquals(v.get("encodeTypeMail").asText(), td.encodeType("Mail"));
    assertEquals(v.get("typeHashMail").asText(), Hex.encodePrefixed(td.typeHash("Mail")));
    assertEquals(
        v.get("derived").get("typeHashPerson").asText(), Hex.encodePrefixed(td.typeHash("Person")));
    assertEquals(
        v.get("derived").get("typeHashEIP712Domain").asText(),
        Hex.encodePrefixed(td.typeHash("EIP712Domain")));
    assertEquals(
        v.get("encodeDataMail").asText(),
        Hex.encodePrefixed(td.encodeData("Mail", td.message())));
    assertEquals(v.get("hashStructMail").asText(), Hex.encodePrefixed(td.hashStruct()));
    assertEquals(
        v.get("hashStructMail").asText(), Hex.encodePrefixed(td.hashStruct("Mail", td.message())));
    assertEquals(v.get("domainSeparator").asText(), Hex.encodePrefixed(td.domainSeparator()));
    assertEquals(v.get("digest").asText(), Hex.encodePrefixed(td.digest()));
    assertEquals(
        "Person(string name,address wallet)", td.encodeType("Person"));
    assertEquals(
        "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)",
        td.encodeType("EIP712Domain"));
    // the Person typeHash is keccak of its encodeType
    assertArrayEquals(
        Keccak256.hash("Person(string name,address wallet)".getBytes(StandardCharsets.UTF_8)),
        td.typeHash("Person"));
  }

  /**
   * ethers' vectors give {@code types} without EIP712Domain (derived from the domain's keys), the
   * message under {@code data}, encodeData of the message as {@code encoded}, and the digest.
   */
  @Test
  void ethersTypedDataVectors() throws Exception {
    JsonNode all = JSON.readTree(TestData.read("ethers/typed-data.json"));
    int ran = 0;
    int withDomainFields = 0;
    for (JsonNode v : all) {
      ObjectNode req = JSON.createObjectNode();
      req.set("types", v.get("types"));
      req.set("primaryType", v.get("primaryType"));
      req.set("domain", v.get("domain"));
      req.set("message", v.get("data"));
      TypedData td = TypedData.parseJson(JSON.writeValueAsString(req));
      String name = v.get("name").asText();
      assertEquals(
          v.get("encoded").asText(),
          Hex.encodePrefixed(td.encodeData(td.primaryType(), td.message())),
          name);
      assertEquals(v.get("digest").asText(), Hex.encodePrefixed(td.digest()), name);
      // the same through the Java-value factory
      TypedData again = TypedData.of(td.types(), td.primaryType(), td.domain(), td.message());
      assertArrayEquals(td.digest(), again.digest(), name);
      if (!td.types().get("EIP712Domain").isEmpty()) {
        withDomainFields++;
      }
      ran++;
    }
    assertEquals(130, ran, "typed-data.json vectors run");
    assertEquals(130, all.size());
    // at least some vectors have a non-empty and some an empty derived domain
    org.junit.jupiter.api.Assertions.assertTrue(withDomainFields > 0 && withDomainFields < ran);
  }

  @Test
  void emptyDomainDerivesEip712DomainWithoutFields() {
    TypedData td =
        TypedData.of(
            Map.of("A", java.util.List.of(new TypedData.Field("x", "uint8"))),
            "A",
            Map.of(),
            Map.of("x", 1));
    assertEquals("EIP712Domain()", td.encodeType("EIP712Domain"));
    assertArrayEquals(
        Keccak256.hash(Keccak256.hash("EIP712Domain()".getBytes(StandardCharsets.UTF_8))),
        td.domainSeparator());
  }
}
