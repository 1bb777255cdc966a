package dev.cairn.evm.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.abi.Address;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.testing.TestData;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ethers' transaction vectors (/work/shared/testdata/ethers/transactions.json): per case one set of
 * fields and a key, and the unsigned and signed serializations as legacy (no chain id), EIP-155,
 * EIP-2930 ("Berlin"), EIP-1559 ("London") and EIP-4844 ("Cancun"); an empty string marks a form
 * that does not apply (EIP-155 without chain id, blob transaction without recipient). Every
 * applicable form of every case is built, signed, serialized and decoded back.
 */
class EthersTransactionVectorsTest {

  private static final String[] FORMS = {"Legacy", "Eip155", "Berlin", "London", "Cancun"};

  @Test
  void everyCaseOfEveryType() throws Exception {
    JsonNode cases = new ObjectMapper().readTree(TestData.read("ethers/transactions.json"));
    int checked = 0;
    int notApplicable = 0;
    int[] perForm = new int[FORMS.length];
    for (JsonNode c : cases) {
      JsonNode t = c.get("transaction");
      byte[] key = Hex.decode(c.get("privateKey").asText());
      Address sender = Address.fromPublicKey(Secp256k1PrivateKey.of(key).publicKey());
      for (int f = 0; f < FORMS.length; f++) {
        String form = FORMS[f];
        String unsigned = c.get("unsigned" + form).asText();
        String signed = c.get("signed" + form).asText();
        boolean applicable = applicable(form, t);
        assertEquals(applicable, !unsigned.isEmpty(), c.get("name").asText() + " " + form);
        if (!applicable) {
          assertEquals("", signed);
          notApplicable++;
          continue;
        }
        String where = c.get("name").asText() + " " + form;
        Transaction tx = build(form, t);
        assertEquals(unsigned, Hex.encodePrefixed(tx.signingPayload()), where + " unsigned");
        SignedTransaction st = tx.sign(Secp256k1PrivateKey.of(key));
        assertEquals(signed, st.toHex(), where + " signed (key)");
        // the same through the Signer SPI
        SignedTransaction viaSigner = tx.sign(Signers.software(Secp256k1PrivateKey.of(key)));
        assertEquals(signed, viaSigner.toHex(), where + " signed (Signer)");
        JsonNode sig = c.get("signature" + form);
        assertEquals(new BigInteger(sig.get("r").asText().substring(2), 16), st.r(), where + " r");
        assertEquals(new BigInteger(sig.get("s").asText().substring(2), 16), st.s(), where + " s");
        assertEquals(new BigInteger(sig.get("v").asText().substring(2), 16), st.v(), where + " v");
        SignedTransaction back = SignedTransaction.decode(signed);
        assertEquals(tx, back.transaction(), where + " decoded fields");
        assertEquals(sender, back.from(), where + " recovered sender");
        assertArrayEquals(st.hash(), back.hash(), where + " hash");
        assertEquals(signed, back.toHex());
        checked++;
        perForm[f]++;
      }
    }
    assertEquals(200, cases.size());
    assertEquals(200 * FORMS.length, checked + notApplicable);
    // counts of this data set: every case has legacy, Berlin and London forms; EIP-155 needs a
    // chain id, Cancun a recipient
    assertEquals(200, perForm[0]);
    assertEquals(200, perForm[2]);
    assertEquals(200, perForm[3]);
    assertEquals(128, perForm[1]);
    assertEquals(164, perForm[4]);
    assertEquals(892, checked);
    System.out.printf("ethers transactions.json: %d serializations checked (%d legacy, %d EIP-155,"
        + " %d EIP-2930, %d EIP-1559, %d EIP-4844), %d not applicable%n",
        checked, perForm[0], perForm[1], perForm[2], perForm[3], perForm[4], notApplicable);
  }

  private static boolean applicable(String form, JsonNode t) {
    switch (form) {
      case "Eip155":
        return t.has("chainId") && big(t, "chainId").signum() != 0;
      case "Cancun":
        return t.has("to");
      default:
        return true;
    }
  }

  static BigInteger big(JsonNode t, String name) {
    JsonNode v = t.get(name);
    if (v == null) {
      return BigInteger.ZERO;
    }
    if (v.isNumber()) {
      return v.bigIntegerValue();
    }
    String s = v.asText();
    return s.startsWith("0x") ? new BigInteger(s.substring(2).isEmpty() ? "0" : s.substring(2), 16)
        : new BigInteger(s);
  }

  private static Transaction build(String form, JsonNode t) {
    Transaction.Builder b;
    switch (form) {
      case "Legacy":
        b = Transaction.legacy().gasPrice(big(t, "gasPrice"));
        break;
      case "Eip155":
        b = Transaction.legacy().gasPrice(big(t, "gasPrice")).chainId(big(t, "chainId").longValueExact());
        break;
      case "Berlin":
        b = Transaction.eip2930().gasPrice(big(t, "gasPrice")).chainId(big(t, "chainId").longValueExact())
            .accessList(accessList(t));
        break;
      case "London":
        b = Transaction.eip1559().chainId(big(t, "chainId").longValueExact())
            .maxFeePerGas(big(t, "maxFeePerGas")).maxPriorityFeePerGas(big(t, "maxPriorityFeePerGas"))
            .accessList(accessList(t));
        break;
      case "Cancun": {
        List<byte[]> hashes = new ArrayList<>();
        if (t.has("blobVersionedHashes")) {
          for (JsonNode h : t.get("blobVersionedHashes")) {
            hashes.add(Hex.decode(h.asText()));
          }
        }
        b = Transaction.eip4844().chainId(big(t, "chainId").longValueExact())
            .maxFeePerGas(big(t, "maxFeePerGas")).maxPriorityFeePerGas(big(t, "maxPriorityFeePerGas"))
            .accessList(accessList(t)).maxFeePerBlobGas(big(t, "maxFeePerBlobGas"));
        if (!hashes.isEmpty()) {
          b.blobVersionedHashes(hashes);
        }
        break;
      }
      default:
        throw new AssertionError(form);
    }
    b.nonce(big(t, "nonce").longValueExact()).gasLimit(big(t, "gasLimit").longValueExact())
        .value(big(t, "value"));
    if (t.has("to")) {
      b.to(t.get("to").asText());
    }
    if (t.has("data")) {
      b.data(Hex.decode(t.get("data").asText()));
    }
    return b.build();
  }

  static AccessList accessList(JsonNode t) {
    JsonNode al = t.get("accessList");
    if (al == null) {
      return AccessList.EMPTY;
    }
    List<AccessList.Entry> entries = new ArrayList<>();
    for (JsonNode e : al) {
      List<byte[]> keys = new ArrayList<>();
      for (JsonNode k : e.get("storageKeys")) {
        keys.add(Hex.decode(k.asText()));
      }
      entries.add(AccessList.Entry.of(Address.parse(e.get("address").asText()), keys));
    }
    return AccessList.of(entries);
  }
}
