package dev.cairn.evm.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.abi.Address;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.evm.tx.TransactionJsonException.Reason;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The format of {@link TransactionJson} and its strict reading, by example. */
class TransactionJsonTest {
  static final Secp256k1PrivateKey KEY = Secp256k1PrivateKey.of(
      Hex.decode("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));
  static final String TO = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

  static TransactionJsonException refused(String json, Reason reason, String field) {
    TransactionJsonException e = assertThrows(TransactionJsonException.class, () -> TransactionJson.fromJson(json));
    assertEquals(reason, e.reason(), e.getMessage());
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().contains(field), e.getMessage());
    return e;
  }

  @Test
  void writesTheCliFormat() {
    Transaction tx = Transaction.eip1559().chainId(1).nonce(7).gasLimit(21_000).maxFeePerGas(100)
        .maxPriorityFeePerGas(2).to(TO).value(BigInteger.TEN).data(new byte[] {(byte) 0xAB}).build();
    assertEquals("{\"type\":\"2\",\"chainId\":\"1\",\"nonce\":\"7\",\"to\":\"" + TO + "\",\"value\":\"10\","
        + "\"data\":\"0xab\",\"gas\":\"21000\",\"maxFeePerGas\":\"100\",\"maxPriorityFeePerGas\":\"2\","
        + "\"accessList\":[]}", TransactionJson.toJson(tx));
    Transaction create = Transaction.legacy().gasPrice(1).gasLimit(60_000).data(new byte[] {1}).build();
    assertEquals("{\"type\":\"0\",\"nonce\":\"0\",\"to\":null,\"value\":\"0\",\"data\":\"0x01\",\"gas\":\"60000\","
        + "\"gasPrice\":\"1\"}", TransactionJson.toJson(create));
    SignedTransaction st = create.sign(KEY);
    String signed = TransactionJson.toJson(st);
    assertTrue(signed.endsWith(",\"from\":\"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\",\"hash\":\"" + st.hashHex()
        + "\",\"v\":\"" + st.v() + "\",\"yParity\":\"" + st.yParity() + "\",\"r\":\"" + st.r() + "\",\"s\":\"" + st.s()
        + "\"}"), signed);
  }

  @Test
  void readsJsonRpcStyleInput() {
    Transaction tx = TransactionJson.fromJson("{\"chainId\":\"0x1\",\"nonce\":3,\"to\":\"" + TO.toLowerCase()
        + "\",\"input\":\"0xABCD\",\"gas\":\"0x5208\",\"maxFeePerGas\":\"1000\",\"maxPriorityFeePerGas\":1,"
        + "\"from\":\"anything: not interpreted\",\"value\":null}");
    assertEquals(TxType.DYNAMIC_FEE, tx.type()); // inferred from the fee caps
    assertEquals(21_000, tx.gasLimit());
    assertEquals(Address.parse(TO), tx.to().orElseThrow());
    assertEquals("0xabcd", Hex.encodePrefixed(tx.data()));
    assertEquals(BigInteger.ZERO, tx.value());
    assertEquals(TxType.ACCESS_LIST, TransactionJson.fromJson("{\"chainId\":1,\"accessList\":[]}").type());
    assertEquals(TxType.LEGACY, TransactionJson.fromJson("{}").type());
  }

  @Test
  void refusesWhatIsNotStrictJson() {
    for (String bad : new String[] {"", "{", "{\"nonce\":1,}", "{\"nonce\":01}", "{\"nonce\":1} x", "{'nonce':1}",
        "{\"nonce\":NaN}", "{/*c*/}", "{\"nonce\":\"\u0001\"}", "{\"data\":\"\\ud800\"}", "[" .repeat(70) + "]".repeat(70),
        "{\"nonce\":1,\"nonce\":2}", "{\"nonce\":-}", "{\"nonce\":1.}", "{\"nonce\":1e}", "{\"a\\x\":1}"}) {
      TransactionJsonException e = assertThrows(TransactionJsonException.class, () -> TransactionJson.fromJson(bad), bad);
      assertEquals(Reason.MALFORMED, e.reason(), bad);
      assertTrue(e.getMessage().startsWith("malformed JSON: "), e.getMessage());
    }
    refused("[]", Reason.MALFORMED, "tx");
    refused("null", Reason.MALFORMED, "tx");
  }

  @Test
  void namesTheOffendingField() {
    refused("{\"chainId\":1,\"gasLimit\":1}", Reason.UNKNOWN_FIELD, "tx.gasLimit");
    refused("{\"type\":2}", Reason.MISSING_FIELD, "tx.chainId");
    refused("{\"type\":5}", Reason.INVALID_VALUE, "tx.type");
    refused("{\"nonce\":1.5}", Reason.INVALID_VALUE, "tx.nonce");
    refused("{\"nonce\":\"12a\"}", Reason.INVALID_VALUE, "tx.nonce");
    refused("{\"value\":\"0x\"}", Reason.INVALID_VALUE, "tx.value");
    refused("{\"value\":\"" + "9".repeat(101) + "\"}", Reason.INVALID_VALUE, "tx.value");
    refused("{\"chainId\":\"0x8000000000000000\"}", Reason.INVALID_VALUE, "tx.chainId");
    refused("{\"data\":\"abcd\"}", Reason.BAD_HEX, "tx.data");
    refused("{\"data\":\"0xabc\"}", Reason.BAD_HEX, "tx.data");
    refused("{\"data\":\"0x12\",\"input\":\"0x13\"}", Reason.INVALID_VALUE, "tx.data");
    refused("{\"chainId\":1,\"accessList\":[{\"address\":\"" + TO + "\",\"keys\":[]}]}", Reason.UNKNOWN_FIELD,
        "tx.accessList[0].keys");
    refused("{\"chainId\":1,\"accessList\":[{\"storageKeys\":[]}]}", Reason.MISSING_FIELD, "tx.accessList[0].address");
    refused("{\"chainId\":1,\"accessList\":[{\"address\":\"" + TO + "\",\"storageKeys\":[\"0x01\"]}]}",
        Reason.INVALID_VALUE, "tx.accessList[0].storageKeys[0]");
    refused("{\"chainId\":1,\"to\":\"" + TO + "\",\"blobVersionedHashes\":[\"0x01\"]}", Reason.INVALID_VALUE,
        "tx.blobVersionedHashes[0]");
    refused("{\"chainId\":1,\"to\":\"" + TO + "\",\"authorizationList\":[{\"chainId\":1,\"address\":\"" + TO
        + "\",\"nonce\":0,\"yParity\":0,\"r\":1}]}", Reason.MISSING_FIELD, "tx.authorizationList[0].s");
    // range checks of the transaction itself keep their exception
    EvmTxException range = assertThrows(EvmTxException.class, () -> TransactionJson.fromJson("{\"nonce\":-1}"));
    assertEquals("nonce", range.field());
    assertThrows(dev.cairn.abi.AbiException.class,
        () -> TransactionJson.fromJson("{\"to\":\"0x70997970c51812dc3a010c7d01b50e0d17dc79C8\"}")); // bad checksum
  }

  @Test
  void signedTransactionsCheckTheirSignatureFields() {
    SignedTransaction st = Transaction.legacy().chainId(5).gasPrice(1).gasLimit(21_000).to(TO).build().sign(KEY);
    String json = TransactionJson.toJson(st);
    assertEquals(st, TransactionJson.signedFromJson(json));
    String otherHash = json.replace(st.hashHex(), "0x" + "00".repeat(32));
    assertEquals("tx.hash", assertThrows(TransactionJsonException.class,
        () -> TransactionJson.signedFromJson(otherHash)).field());
    String otherFrom = json.replace("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", TO);
    assertEquals("tx.from", assertThrows(TransactionJsonException.class,
        () -> TransactionJson.signedFromJson(otherFrom)).field());
    // v must match the chain id (EIP-155: 35 + 2 * 5 + yParity)
    String wrongV = json.replace("\"v\":\"" + st.v() + "\"", "\"v\":\"27\"");
    assertEquals("tx.v", assertThrows(TransactionJsonException.class,
        () -> TransactionJson.signedFromJson(wrongV)).field());
    // v alone gives the parity
    String vOnly = json.replace(",\"yParity\":\"" + st.yParity() + "\"", "");
    assertEquals(st, TransactionJson.signedFromJson(vOnly));
    String neither = vOnly.replace(",\"v\":\"" + st.v() + "\"", "");
    assertEquals(Reason.MISSING_FIELD, assertThrows(TransactionJsonException.class,
        () -> TransactionJson.signedFromJson(neither)).reason());
  }

  @Test
  void authorizationsAsTheCliWritesThem() {
    Authorization a = Authorization.sign(BigInteger.ONE, Address.parse(TO), 9, KEY);
    assertEquals("{\"chainId\":\"1\",\"address\":\"" + TO + "\",\"nonce\":\"9\",\"yParity\":\"" + a.yParity()
        + "\",\"r\":\"" + a.r() + "\",\"s\":\"" + a.s() + "\"}", TransactionJson.toJson(a));
  }
}
