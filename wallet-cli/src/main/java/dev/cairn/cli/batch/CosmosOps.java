package dev.cairn.cli.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonObject;
import dev.cairn.core.json.JsonValue;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosAddress;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.CosmosPublicKey;
import dev.cairn.cosmos.msg.CosmosMsg;
import dev.cairn.cosmos.msg.Messages;
import dev.cairn.cosmos.tx.CosmosTransaction;
import dev.cairn.cosmos.tx.SignMode;
import dev.cairn.cosmos.tx.SignedCosmosTransaction;
import dev.cairn.cosmos.tx.TxSigner;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code cosmos.*} ops of the batch specification (sdk-cosmwasm, offline). */
final class CosmosOps {
  private CosmosOps() {}

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Fields of a message value that name the signing account, in the order they are looked for. */
  private static final String[] SIGNER_FIELDS = {"fromAddress", "sender", "delegatorAddress", "granter", "grantee"};

  static Map<String, Op> ops() {
    Map<String, Op> m = new LinkedHashMap<>();
    m.put("cosmos.signTx", Op.of(Set.of("privateKey", "chainId", "accountNumber", "sequence", "msgs", "fee", "memo",
        "timeoutHeight", "signMode"), CosmosOps::signTx));
    m.put("cosmos.address", Op.of(Set.of("publicKey", "hrp"), CosmosOps::address));
    return m;
  }

  private static JsonNode signTx(Request r) {
    String chainId = r.string("chainId");
    long accountNumber = u64("accountNumber", r.integer("accountNumber"));
    long sequence = u64("sequence", r.integer("sequence"));
    SignMode mode;
    String m = r.optString("signMode", "direct");
    if (m.equals("direct")) {
      mode = SignMode.DIRECT;
    } else if (m.equals("amino")) {
      mode = SignMode.AMINO_JSON;
    } else {
      throw BatchException.invalid("field 'signMode' must be direct or amino");
    }
    JsonNode msgsNode = r.json("msgs");
    if (!msgsNode.isArray() || msgsNode.isEmpty()) {
      throw BatchException.invalid("field 'msgs' must be a non-empty array of {typeUrl, value}");
    }
    List<CosmosMsg> msgs = new ArrayList<>();
    String prefix = null;
    for (int i = 0; i < msgsNode.size(); i++) {
      JsonNode n = msgsNode.get(i);
      JsonValue v = Json.parse(n.toString()); // Jackson keeps member order; sdk-core's tree keeps it too
      if (!(v instanceof JsonObject)) {
        throw BatchException.invalid("field 'msgs[" + i + "]' must be an object {typeUrl, value}");
      }
      CosmosMsg msg = Messages.fromJson((JsonObject) v);
      msgs.add(msg);
      if (prefix == null) {
        prefix = signerPrefix(n.get("value"));
      }
    }
    JsonNode feeNode = r.json("fee");
    if (!feeNode.isObject()) {
      throw BatchException.invalid("field 'fee' must be an object {amount, gas}");
    }
    List<Coin> amount = new ArrayList<>();
    JsonNode amountNode = feeNode.get("amount");
    if (amountNode != null && !amountNode.isNull()) {
      if (!amountNode.isArray()) {
        throw BatchException.invalid("field 'fee.amount' must be an array of {denom, amount}");
      }
      for (JsonNode c : amountNode) {
        JsonNode denom = c.get("denom");
        if (denom == null || !denom.isTextual()) {
          throw BatchException.invalid("field 'fee.amount[].denom' must be a string");
        }
        amount.add(Coin.of(denom.textValue(), Request.parseInteger("fee.amount[].amount", c.get("amount"))));
      }
    }
    JsonNode gas = feeNode.get("gas");
    if (gas == null) {
      throw BatchException.invalid("field 'fee.gas' is missing");
    }
    long gasLimit = u64("fee.gas", Request.parseInteger("fee.gas", gas));
    long timeoutHeight = r.has("timeoutHeight") ? u64("timeoutHeight", r.integer("timeoutHeight")) : 0;
    Secp256k1PrivateKey key = privateKey(r);
    try (SoftwareSigner signer = Signers.software(key)) {
      CosmosPublicKey pub = CosmosPublicKey.of(CosmosPublicKey.Type.SECP256K1, signer.publicKey());
      CosmosTransaction tx = CosmosTransaction.builder(chainId).messages(msgs).fee(amount, gasLimit)
          .memo(r.optString("memo", "")).timeoutHeight(timeoutHeight)
          .signer(TxSigner.of(pub, prefix == null ? "cosmos" : prefix, accountNumber, sequence, mode)).build();
      SignedCosmosTransaction signed = tx.sign(List.of(signer));
      ObjectNode o = NODES.objectNode();
      o.put("txRaw", Base64.getEncoder().encodeToString(signed.encoded()));
      o.put("txHash", signed.id());
      o.put("signDoc", mode == SignMode.DIRECT ? Base64.getEncoder().encodeToString(tx.signBytes(0)) : tx.aminoSignDoc(0));
      return o;
    }
  }

  private static String signerPrefix(JsonNode value) {
    if (value == null || !value.isObject()) {
      return null;
    }
    for (String f : SIGNER_FIELDS) {
      JsonNode a = value.get(f);
      if (a != null && a.isTextual()) {
        try {
          return CosmosAddress.parse(a.textValue()).prefix();
        } catch (DecodingException e) {
          return null; // the message factory reports the bad address
        }
      }
    }
    return null;
  }

  private static long u64(String field, BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 64) {
      throw BatchException.invalid("field '" + field + "' must be between 0 and 2^64-1");
    }
    return v.longValue();
  }

  private static JsonNode address(Request r) {
    String hex = r.string("publicKey");
    byte[] key;
    try {
      key = Hex.decode("publicKey", hex);
    } catch (DecodingException e) {
      throw new BatchException(ErrorCode.DECODE_ERROR, "field 'publicKey': " + e.getMessage());
    }
    if (key.length != 33) {
      throw BatchException.invalid("field 'publicKey' must be a 33-byte compressed secp256k1 key");
    }
    String hrp = r.string("hrp");
    try {
      CosmosPublicKey.of(CosmosPublicKey.Type.SECP256K1, key); // on the curve
      return TextNode.valueOf(CosmosAddress.ofSecp256k1(hrp, key).toString());
    } catch (CosmosException e) {
      throw BatchException.invalid("field '" + (e.getMessage().startsWith("address.prefix") ? "hrp" : "publicKey") + "': "
          + e.getMessage());
    }
  }

  private static Secp256k1PrivateKey privateKey(Request r) {
    String s = r.secretString("privateKey");
    if (!Hex.hasPrefix(s) || s.length() != 66) {
      throw BatchException.invalid("field 'privateKey' must be 0x followed by 64 hex digits");
    }
    byte[] k = null;
    try {
      k = Hex.decode("privateKey", s);
      return Secp256k1PrivateKey.of(k);
    } catch (RuntimeException e) {
      throw BatchException.invalid("field 'privateKey' is not a valid secp256k1 private key");
    } finally {
      if (k != null) {
        java.util.Arrays.fill(k, (byte) 0);
      }
    }
  }
}
