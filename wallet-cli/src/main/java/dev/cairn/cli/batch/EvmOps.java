package dev.cairn.cli.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cairn.abi.Address;
import dev.cairn.abi.eip712.TypedData;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.evm.sign.EvmSignature;
import dev.cairn.evm.sign.EvmSigning;
import dev.cairn.evm.tx.Authorization;
import dev.cairn.evm.tx.SignedTransaction;
import dev.cairn.evm.tx.Transaction;
import dev.cairn.evm.tx.TransactionJson;
import dev.cairn.evm.tx.TransactionJsonException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code evm.*} ops of the batch interface (sdk-evm): sign and decode transactions, sign
 * messages, typed data and EIP-7702 authorizations, recover signers. Integers are answered as
 * decimal strings, bytes as lowercase 0x hex, addresses in EIP-55 form.
 */
public final class EvmOps {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private EvmOps() {}

  /** The ops by name. */
  static Map<String, Op> ops() {
    Map<String, Op> m = new LinkedHashMap<>();
    m.put("evm.signTx", Op.of(Set.of("privateKey", "tx"), EvmOps::signTx));
    m.put("evm.decodeTx", Op.of(Set.of("raw"), EvmOps::decodeTx));
    m.put("evm.signMessage", Op.of(Set.of("privateKey", "message"), EvmOps::signMessage));
    m.put("evm.signTypedData", Op.of(Set.of("privateKey", "typedData"), EvmOps::signTypedData));
    m.put("evm.signAuthorization",
        Op.of(Set.of("privateKey", "chainId", "address", "nonce"), EvmOps::signAuthorization));
    m.put("evm.recover", Op.of(Set.of("digest", "signature"), EvmOps::recover));
    return m;
  }

  // ------------------------------------------------------------------ ops

  private static JsonNode signTx(Request r) {
    JsonNode txNode = r.json("tx");
    Transaction tx = parseTx(txNode);
    Secp256k1PrivateKey key = privateKey(r);
    try {
      SignedTransaction st = tx.sign(key);
      JsonNode from = txNode.get("from");
      if (from != null && !from.isNull()) {
        Address claimed = address("tx.from", from);
        if (!claimed.equals(st.from())) {
          throw BatchException.invalid("field 'tx.from' is not the address of 'privateKey'");
        }
      }
      ObjectNode o = NODES.objectNode();
      o.put("raw", st.toHex());
      o.put("hash", st.hashHex());
      o.put("from", st.from().toChecksumString());
      return o;
    } finally {
      key.destroy();
    }
  }

  private static JsonNode decodeTx(Request r) {
    byte[] raw = bytes("raw", r.string("raw"));
    return describe(SignedTransaction.decode(raw));
  }

  /**
   * The fields of a signed transaction as the {@code evm.decodeTx} op answers them (also printed by
   * {@code wallet evm decode-tx}): integers as decimal strings, bytes as lowercase 0x hex,
   * addresses in EIP-55 form, the sender recovered.
   */
  public static ObjectNode describe(SignedTransaction st) {
    return (ObjectNode) tree(TransactionJson.toJson(st));
  }

  /** A JSON text written by sdk-evm's codec as a tree, to embed in an answer. */
  private static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("TransactionJson wrote invalid JSON", e);
    }
  }

  private static JsonNode signMessage(Request r) {
    byte[] message = bytes("message", r.string("message"));
    Secp256k1PrivateKey key = privateKey(r);
    try {
      return TextNode.valueOf(EvmSigning.signPersonalMessage(message, key).toHex());
    } finally {
      key.destroy();
    }
  }

  private static JsonNode signTypedData(Request r) {
    JsonNode v = r.json("typedData");
    String json;
    if (v.isObject()) {
      json = v.toString();
    } else if (v.isTextual()) {
      json = v.textValue(); // eth_signTypedData_v4 carries it as a JSON string
    } else {
      throw BatchException.badRequest(
          "field 'typedData' must be a JSON object (or a string holding one), got "
              + Text.typeName(v));
    }
    TypedData td = TypedData.parseJson(json);
    Secp256k1PrivateKey key = privateKey(r);
    try {
      return TextNode.valueOf(EvmSigning.signTypedData(td, key).toHex());
    } finally {
      key.destroy();
    }
  }

  private static JsonNode signAuthorization(Request r) {
    BigInteger chainId = r.integer("chainId");
    Address address = address("address", r.json("address"));
    long nonce = u64("nonce", r.integer("nonce"));
    Secp256k1PrivateKey key = privateKey(r);
    try {
      return authorizationJson(Authorization.sign(chainId, address, nonce, key));
    } finally {
      key.destroy();
    }
  }

  private static JsonNode recover(Request r) {
    byte[] digest = bytes("digest", r.string("digest"));
    if (digest.length != 32) {
      throw BatchException.invalid("field 'digest' must be 32 bytes, got " + digest.length);
    }
    byte[] sig = bytes("signature", r.string("signature"));
    if (sig.length != 65) {
      throw BatchException.invalid("field 'signature' must be 65 bytes r||s||v, got " + sig.length);
    }
    return TextNode.valueOf(
        EvmSigning.recoverAddress(digest, EvmSignature.fromBytes(sig)).toChecksumString());
  }

  // ------------------------------------------------------------------ parsing

  /**
   * Parses a JSON-RPC style transaction object with sdk-evm's {@link TransactionJson} (the type is
   * inferred when absent); its refusals become the batch error codes: malformed, unknown or missing
   * fields BAD_REQUEST, bad hex DECODE_ERROR, other values INVALID_ARGUMENT.
   */
  static Transaction parseTx(JsonNode t) {
    try {
      return TransactionJson.fromJson(t.toString());
    } catch (TransactionJsonException e) {
      throw new BatchException(code(e.reason()), e.getMessage());
    }
  }

  private static ErrorCode code(TransactionJsonException.Reason reason) {
    switch (reason) {
      case MALFORMED:
      case UNKNOWN_FIELD:
      case MISSING_FIELD:
        return ErrorCode.BAD_REQUEST;
      case BAD_HEX:
        return ErrorCode.DECODE_ERROR;
      default:
        return ErrorCode.INVALID_ARGUMENT;
    }
  }

  private static JsonNode authorizationJson(Authorization a) {
    return tree(TransactionJson.toJson(a));
  }

  // ------------------------------------------------------------------ helpers

  private static Secp256k1PrivateKey privateKey(Request r) {
    String s = r.secretString("privateKey");
    if (!Hex.hasPrefix(s) || s.length() != 66) {
      throw BatchException.invalid("field 'privateKey' must be 0x followed by 64 hex digits");
    }
    byte[] k;
    try {
      k = Hex.decode("privateKey", s);
    } catch (DecodingException e) {
      throw BatchException.invalid("field 'privateKey' must be 0x followed by 64 hex digits");
    }
    try {
      return Secp256k1PrivateKey.of(k);
    } finally {
      Arrays.fill(k, (byte) 0);
    }
  }

  private static long u64(String field, BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 64) {
      throw BatchException.invalid("field '" + field + "' is out of range [0, 2^64-1]");
    }
    return v.longValue();
  }

  private static Address address(String field, JsonNode v) {
    if (!v.isTextual()) {
      throw BatchException.invalid("field '" + field + "' must be an address string, got " + Text.typeName(v));
    }
    return Address.parse(field, v.textValue());
  }

  /** 0x-prefixed hex; malformed hex is DECODE_ERROR naming the field. */
  private static byte[] bytes(String field, String s) {
    if (!Hex.hasPrefix(s)) {
      throw new BatchException(ErrorCode.DECODE_ERROR, "field '" + field + "' must be 0x-prefixed hex");
    }
    try {
      return Hex.decode(field, s);
    } catch (DecodingException e) {
      throw new BatchException(ErrorCode.DECODE_ERROR, "field '" + field + "': " + e.getMessage());
    }
  }
}
