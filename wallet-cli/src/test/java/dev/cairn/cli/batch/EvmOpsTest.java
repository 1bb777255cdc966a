package dev.cairn.cli.batch;

import static dev.cairn.cli.batch.BatchProtocolTest.assertError;
import static dev.cairn.cli.batch.BatchProtocolTest.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.abi.Address;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.testing.TestData;
import dev.cairn.evm.sign.EvmSigning;
import dev.cairn.evm.tx.Authorization;
import dev.cairn.cli.Cli;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The evm.* batch ops against public vectors, their round trips and their errors. */
class EvmOpsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY =
      "0x4646464646464646464646464646464646464646464646464646464646464646";

  private static JsonNode one(ObjectNode req) {
    return Cli.one(req.toString());
  }

  private static ObjectNode req(String op) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", 1);
    n.put("op", op);
    return n;
  }

  @Test
  void signTxEip155ExampleWithInferredLegacyType() throws Exception {
    JsonNode v = JSON.readTree(TestData.read("eip/eip155_example.json"));
    JsonNode t = v.get("transaction");
    ObjectNode tx = JSON.createObjectNode();
    tx.put("chainId", 1);
    tx.put("nonce", t.get("nonce").asInt());
    tx.put("gasPrice", "0x" + new BigInteger(t.get("gasPrice").asText()).toString(16));
    tx.put("gas", Integer.toString(t.get("gasLimit").asInt()));
    tx.put("to", t.get("to").asText());
    tx.put("value", t.get("value").asText());
    tx.put("input", "0x");
    ObjectNode r = req("evm.signTx");
    r.put("privateKey", v.get("privateKey").asText());
    r.set("tx", tx);
    JsonNode a = one(r);
    assertOk(a);
    assertEquals(v.get("signedTransaction").asText(), a.get("result").get("raw").asText());
    assertEquals(v.get("derived").get("sender").asText(), a.get("result").get("from").asText());
    assertEquals(66, a.get("result").get("hash").asText().length());
  }

  @Test
  void signTxMatchesEthersVectorsForTypes1And2() throws Exception {
    JsonNode cases = JSON.readTree(TestData.read("ethers/transactions.json"));
    int n = 0;
    for (JsonNode c : cases) {
      JsonNode t = c.get("transaction");
      if (!t.has("chainId") || !t.has("to")) {
        continue;
      }
      for (String form : new String[] {"Berlin", "London"}) {
        ObjectNode tx = JSON.createObjectNode();
        for (String f : new String[] {"chainId", "nonce", "value", "data", "to", "accessList"}) {
          if (t.has(f)) {
            tx.set(f, t.get(f));
          }
        }
        if (t.has("gasLimit")) {
          tx.set("gas", t.get("gasLimit"));
        }
        if (form.equals("Berlin")) {
          tx.put("type", 1);
          tx.set("gasPrice", t.has("gasPrice") ? t.get("gasPrice") : JSON.valueToTree("0"));
        } else {
          tx.put("type", "0x2");
          tx.set("maxFeePerGas", t.has("maxFeePerGas") ? t.get("maxFeePerGas") : JSON.valueToTree(0));
          tx.set("maxPriorityFeePerGas",
              t.has("maxPriorityFeePerGas") ? t.get("maxPriorityFeePerGas") : JSON.valueToTree(0));
        }
        ObjectNode r = req("evm.signTx");
        r.put("privateKey", c.get("privateKey").asText());
        r.set("tx", tx);
        JsonNode a = one(r);
        assertOk(a);
        assertEquals(c.get("signed" + form).asText(), a.get("result").get("raw").asText(),
            c.get("name").asText() + " " + form);
        n++;
      }
    }
    assertEquals(2 * 128, n);
  }

  @Test
  void decodeTxThenSignTxRoundTripsForSetCode() {
    Secp256k1PrivateKey key = Secp256k1PrivateKey.of(Hex.decode(KEY));
    Address target = Address.parse("0x3535353535353535353535353535353535353535");
    Authorization auth = Authorization.sign(BigInteger.ONE, target, 7, key);
    ObjectNode tx = JSON.createObjectNode();
    tx.put("chainId", "1");
    tx.put("nonce", "8");
    tx.put("gas", "100000");
    tx.put("maxFeePerGas", "2000000000");
    tx.put("maxPriorityFeePerGas", "1000000000");
    tx.put("to", target.toChecksumString());
    tx.put("data", "0xdeadbeef");
    ObjectNode an = tx.putArray("authorizationList").addObject();
    an.put("chainId", 1);
    an.put("address", target.toHexLowercase());
    an.put("nonce", 7);
    an.put("yParity", auth.yParity());
    an.put("r", "0x" + auth.r().toString(16));
    an.put("s", auth.s().toString());
    tx.putArray("accessList").addObject().put("address", target.toChecksumString())
        .putArray("storageKeys").add("0x" + "00".repeat(31) + "01");
    ObjectNode r = req("evm.signTx");
    r.put("privateKey", KEY);
    r.set("tx", tx);
    JsonNode signed = one(r);
    assertOk(signed);
    String raw = signed.get("result").get("raw").asText();
    assertTrue(raw.startsWith("0x04"), "type inferred from authorizationList");

    ObjectNode d = req("evm.decodeTx");
    d.put("raw", raw);
    JsonNode dec = one(d);
    assertOk(dec);
    JsonNode o = dec.get("result");
    assertEquals("4", o.get("type").asText());
    assertEquals("8", o.get("nonce").asText());
    assertEquals("100000", o.get("gas").asText());
    assertEquals(target.toChecksumString(), o.get("to").asText());
    assertEquals(signed.get("result").get("from").asText(), o.get("from").asText());
    assertEquals(signed.get("result").get("hash").asText(), o.get("hash").asText());
    assertEquals(Address.fromPublicKey(key.publicKey()).toChecksumString(), o.get("from").asText());
    JsonNode a0 = o.get("authorizationList").get(0);
    assertEquals(auth.s().toString(), a0.get("s").asText());
    assertEquals(Integer.toString(auth.yParity()), a0.get("yParity").asText());
    assertEquals(o.get("yParity").asText(), o.get("v").asText());

    // the decoded object, without the signature fields, signs to the same bytes
    ObjectNode again = o.deepCopy();
    for (String f : new String[] {"hash", "v", "yParity", "r", "s"}) {
      again.remove(f);
    }
    ObjectNode r2 = req("evm.signTx");
    r2.put("privateKey", KEY);
    r2.set("tx", again);
    JsonNode resigned = one(r2);
    assertOk(resigned);
    assertEquals(raw, resigned.get("result").get("raw").asText());
  }

  @Test
  void decodeTxOfLegacyAndContractCreation() throws Exception {
    JsonNode v = JSON.readTree(TestData.read("eip/eip155_example.json"));
    ObjectNode d = req("evm.decodeTx");
    d.put("raw", v.get("signedTransaction").asText());
    JsonNode o = one(d).get("result");
    assertEquals("0", o.get("type").asText());
    assertEquals("1", o.get("chainId").asText());
    assertEquals("37", o.get("v").asText());
    assertEquals(v.get("r").asText(), o.get("r").asText());
    assertEquals(v.get("s").asText(), o.get("s").asText());
    assertEquals("20000000000", o.get("gasPrice").asText());
    assertEquals("1000000000000000000", o.get("value").asText());
    assertFalse(o.has("accessList"));

    ObjectNode tx = JSON.createObjectNode();
    tx.put("gas", 100_000);
    tx.put("gasPrice", 1);
    tx.putNull("to");
    tx.put("data", "0x6000");
    ObjectNode r = req("evm.signTx");
    r.put("privateKey", KEY);
    r.set("tx", tx);
    String raw = one(r).get("result").get("raw").asText();
    d.put("raw", raw);
    JsonNode c = one(d).get("result");
    assertTrue(c.get("to").isNull());
    assertFalse(c.has("chainId"), "pre-EIP-155 legacy has no chain id");
    assertEquals(Integer.toString(27 + Integer.parseInt(c.get("yParity").asText())),
        c.get("v").asText());
  }

  @Test
  void signMessageAndRecoverMatchEip191Vectors() throws Exception {
    JsonNode root = JSON.readTree(TestData.read("eip/eip191_personal_sign.json"));
    int n = 0;
    for (JsonNode c : root.get("cases")) {
      ObjectNode r = req("evm.signMessage");
      r.put("privateKey", c.get("privateKey").asText());
      r.put("message", c.get("message").asText());
      JsonNode a = one(r);
      assertOk(a);
      assertEquals(c.get("signature").asText(), a.get("result").asText());
      ObjectNode rec = req("evm.recover");
      rec.put("digest", c.get("hash").asText());
      rec.put("signature", c.get("signature").asText());
      JsonNode addr = one(rec);
      assertOk(addr);
      assertEquals(Address.parse(c.get("address").asText().toLowerCase()).toChecksumString(),
          addr.get("result").asText());
      n++;
    }
    assertEquals(4, n);
  }

  @Test
  void signTypedDataMatchesTheEip712Example() throws Exception {
    JsonNode v = JSON.readTree(TestData.read("eip/eip712_mail_example.json"));
    ObjectNode r = req("evm.signTypedData");
    r.put("privateKey", v.get("privateKey").asText());
    r.set("typedData", v.get("typedData"));
    JsonNode a = one(r);
    assertOk(a);
    assertEquals(v.get("signatureHex").asText(), a.get("result").asText());
    r.put("typedData", v.get("typedData").toString()); // as a JSON string, like eth_signTypedData_v4
    assertEquals(v.get("signatureHex").asText(), one(r).get("result").asText());
  }

  @Test
  void signAuthorization() {
    ObjectNode r = req("evm.signAuthorization");
    r.put("privateKey", KEY);
    r.put("chainId", "0x1");
    r.put("address", "0x3535353535353535353535353535353535353535");
    r.put("nonce", 5);
    JsonNode a = one(r);
    assertOk(a);
    JsonNode o = a.get("result");
    Secp256k1PrivateKey key = Secp256k1PrivateKey.of(Hex.decode(KEY));
    Authorization want = Authorization.sign(BigInteger.ONE,
        Address.parse("0x3535353535353535353535353535353535353535"), 5, key);
    assertEquals("1", o.get("chainId").asText());
    assertEquals("5", o.get("nonce").asText());
    assertEquals(want.address().toChecksumString(), o.get("address").asText());
    assertEquals(Integer.toString(want.yParity()), o.get("yParity").asText());
    assertEquals(want.r().toString(), o.get("r").asText());
    assertEquals(want.s().toString(), o.get("s").asText());
    assertEquals(Address.fromPublicKey(key.publicKey()), want.authority());
  }

  @Test
  void errors() {
    // typed transaction without chain id: malformed request
    ObjectNode r = req("evm.signTx");
    r.put("privateKey", KEY);
    r.set("tx", JSON.createObjectNode().put("type", 2).put("gas", 21000));
    assertError(one(r), "BAD_REQUEST");
    // unknown tx field
    r.set("tx", JSON.createObjectNode().put("gas", 21000).put("gasLimit", 21000));
    JsonNode a = one(r);
    assertError(a, "BAD_REQUEST");
    assertTrue(a.get("error").get("message").asText().contains("tx.gasLimit"));
    // a field that does not belong to the type
    r.set("tx", JSON.createObjectNode().put("type", 0).put("maxFeePerGas", 1));
    assertError(one(r), "INVALID_ARGUMENT");
    // type 5
    r.set("tx", JSON.createObjectNode().put("type", 5).put("chainId", 1));
    assertError(one(r), "INVALID_ARGUMENT");
    // bad checksum in to
    r.set("tx", JSON.createObjectNode().put("to", "0x3535353535353535353535353535353535353535".replace("0x35", "0x3A")
        .replace("3535353535", "35353535aB")));
    assertError(one(r), "INVALID_ARGUMENT");
    // from that is not the key's address
    r.set("tx", JSON.createObjectNode().put("from", "0x0000000000000000000000000000000000000001"));
    assertError(one(r), "INVALID_ARGUMENT");
    // a bad key never appears in the message
    String badKey = "0x" + "ff".repeat(32);
    r.put("privateKey", badKey);
    r.set("tx", JSON.createObjectNode());
    a = one(r);
    assertError(a, "INVALID_ARGUMENT");
    assertFalse(a.toString().contains("ff".repeat(32)));
    // decodeTx: malformed bytes
    ObjectNode d = req("evm.decodeTx");
    d.put("raw", "0x02c0");
    assertError(one(d), "DECODE_ERROR");
    d.put("raw", "0xzz");
    assertError(one(d), "DECODE_ERROR");
    // recover: wrong lengths, bad v
    ObjectNode rec = req("evm.recover");
    rec.put("digest", "0x" + "00".repeat(31));
    rec.put("signature", "0x" + "11".repeat(65));
    assertError(one(rec), "INVALID_ARGUMENT");
    rec.put("digest", "0x" + "00".repeat(32));
    assertError(one(rec), "INVALID_ARGUMENT"); // v = 0x11
    // unknown top-level field
    ObjectNode m = req("evm.signMessage");
    m.put("privateKey", KEY);
    m.put("message", "0x00");
    m.put("msg", "0x00");
    assertError(one(m), "BAD_REQUEST");
  }

  @Test
  void batchOfEveryOpInOneRun() {
    String sig = EvmSigning.signPersonalMessage(new byte[] {1},
        Secp256k1PrivateKey.of(Hex.decode(KEY))).toHex();
    List<JsonNode> out = Cli.batch(
        req("evm.signMessage").put("privateKey", KEY).put("message", "0x01").toString(),
        req("evm.recover").put("digest", Hex.encodePrefixed(EvmSigning.personalMessageHash(new byte[] {1})))
            .put("signature", sig).toString(),
        req("evm.decodeTx").put("raw", "0x").toString());
    assertEquals(sig, out.get(0).get("result").asText());
    assertEquals(Address.fromPublicKey(Secp256k1PrivateKey.of(Hex.decode(KEY)).publicKey())
        .toChecksumString(), out.get(1).get("result").asText());
    assertError(out.get(2), "DECODE_ERROR");
  }
}
