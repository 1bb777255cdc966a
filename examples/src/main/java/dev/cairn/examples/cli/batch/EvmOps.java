package dev.cairn.examples.cli.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import dev.cairn.evm.tx.AccessList;
import dev.cairn.evm.tx.Authorization;
import dev.cairn.evm.tx.SignedTransaction;
import dev.cairn.evm.tx.Transaction;
import dev.cairn.evm.tx.TxType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code evm.*} ops of the batch interface (sdk-evm): sign and decode transactions, sign
 * messages, typed data and EIP-7702 authorizations, recover signers. Integers are answered as
 * decimal strings, bytes as lowercase 0x hex, addresses in EIP-55 form.
 */
public final class EvmOps {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> TX_FIELDS = Set.of(
      "type", "chainId", "nonce", "to", "value", "data", "input", "gas", "gasPrice",
      "maxFeePerGas", "maxPriorityFeePerGas", "accessList", "authorizationList",
      "maxFeePerBlobGas", "blobVersionedHashes", "from");

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
    Transaction tx = st.transaction();
    ObjectNode o = NODES.objectNode();
    o.put("type", Integer.toString(tx.type().id()));
    if (tx.type() != TxType.LEGACY || tx.chainId() != 0) {
      o.put("chainId", Long.toString(tx.chainId()));
    }
    o.put("nonce", Long.toUnsignedString(tx.nonce()));
    if (tx.isContractCreation()) {
      o.putNull("to");
    } else {
      o.put("to", tx.to().get().toChecksumString());
    }
    o.put("value", tx.value().toString());
    o.put("data", Hex.encodePrefixed(tx.data()));
    o.put("gas", Long.toUnsignedString(tx.gasLimit()));
    if (tx.gasPrice() != null) {
      o.put("gasPrice", tx.gasPrice().toString());
    } else {
      o.put("maxFeePerGas", tx.maxFeePerGas().toString());
      o.put("maxPriorityFeePerGas", tx.maxPriorityFeePerGas().toString());
    }
    if (tx.type() != TxType.LEGACY) {
      ArrayNode al = o.putArray("accessList");
      for (AccessList.Entry e : tx.accessList().entries()) {
        ObjectNode en = al.addObject();
        en.put("address", e.address().toChecksumString());
        ArrayNode keys = en.putArray("storageKeys");
        for (byte[] k : e.storageKeys()) {
          keys.add(Hex.encodePrefixed(k));
        }
      }
    }
    if (tx.type() == TxType.BLOB) {
      o.put("maxFeePerBlobGas", tx.maxFeePerBlobGas().toString());
      ArrayNode hs = o.putArray("blobVersionedHashes");
      for (byte[] h : tx.blobVersionedHashes()) {
        hs.add(Hex.encodePrefixed(h));
      }
    }
    if (tx.type() == TxType.SET_CODE) {
      ArrayNode as = o.putArray("authorizationList");
      for (Authorization a : tx.authorizationList()) {
        as.add(authorizationJson(a));
      }
    }
    o.put("from", st.from().toChecksumString());
    o.put("hash", st.hashHex());
    o.put("v", st.v().toString());
    o.put("yParity", Integer.toString(st.yParity()));
    o.put("r", st.r().toString());
    o.put("s", st.s().toString());
    return o;
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

  /** Parses a JSON-RPC style transaction object; the type is inferred when absent. */
  static Transaction parseTx(JsonNode t) {
    if (!t.isObject()) {
      throw BatchException.badRequest("field 'tx' must be a JSON object, got " + Text.typeName(t));
    }
    Iterator<String> names = t.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!TX_FIELDS.contains(n)) {
        throw BatchException.badRequest("unknown field 'tx." + Text.clip(n) + "' (expected: "
            + String.join(", ", new java.util.TreeSet<>(TX_FIELDS)) + ")");
      }
    }
    TxType type;
    if (has(t, "type")) {
      BigInteger id = Request.parseInteger("tx.type", t.get("type"));
      if (id.signum() < 0 || id.compareTo(BigInteger.valueOf(4)) > 0) {
        throw BatchException.invalid("field 'tx.type' must be 0, 1, 2, 3 or 4, got " + id);
      }
      type = TxType.of(id.intValue());
    } else if (has(t, "authorizationList")) {
      type = TxType.SET_CODE;
    } else if (has(t, "blobVersionedHashes") || has(t, "maxFeePerBlobGas")) {
      type = TxType.BLOB;
    } else if (has(t, "maxFeePerGas") || has(t, "maxPriorityFeePerGas")) {
      type = TxType.DYNAMIC_FEE;
    } else if (has(t, "accessList")) {
      type = TxType.ACCESS_LIST;
    } else {
      type = TxType.LEGACY;
    }
    Transaction.Builder b = Transaction.builder(type);
    if (has(t, "chainId")) {
      BigInteger c = integer(t, "chainId");
      if (c.signum() < 0 || c.bitLength() > 63) {
        throw BatchException.invalid("field 'tx.chainId' is out of range [0, 2^63-1]");
      }
      b.chainId(c.longValue());
    } else if (type != TxType.LEGACY) {
      throw BatchException.badRequest("missing field 'tx.chainId' (required for type " + type.id()
          + "; only legacy transactions may omit it)");
    }
    if (has(t, "nonce")) {
      b.nonce(integer(t, "nonce"));
    }
    if (has(t, "gas")) {
      b.gasLimit(integer(t, "gas"));
    }
    if (has(t, "gasPrice")) {
      b.gasPrice(integer(t, "gasPrice"));
    }
    if (has(t, "maxFeePerGas")) {
      b.maxFeePerGas(integer(t, "maxFeePerGas"));
    }
    if (has(t, "maxPriorityFeePerGas")) {
      b.maxPriorityFeePerGas(integer(t, "maxPriorityFeePerGas"));
    }
    if (has(t, "maxFeePerBlobGas")) {
      b.maxFeePerBlobGas(integer(t, "maxFeePerBlobGas"));
    }
    if (has(t, "to")) {
      b.to(address("tx.to", t.get("to")));
    }
    if (has(t, "value")) {
      b.value(integer(t, "value"));
    }
    byte[] data = has(t, "data") ? bytes("tx.data", text(t, "data")) : null;
    byte[] input = has(t, "input") ? bytes("tx.input", text(t, "input")) : null;
    if (data != null && input != null && !Arrays.equals(data, input)) {
      throw BatchException.invalid("fields 'tx.data' and 'tx.input' differ (give one of them)");
    }
    if (data != null || input != null) {
      b.data(data != null ? data : input);
    }
    if (has(t, "accessList")) {
      b.accessList(accessList(t.get("accessList")));
    }
    if (has(t, "blobVersionedHashes")) {
      JsonNode hs = array(t, "blobVersionedHashes");
      List<byte[]> hashes = new ArrayList<>();
      for (int i = 0; i < hs.size(); i++) {
        hashes.add(fixed("tx.blobVersionedHashes[" + i + "]", hs.get(i), 32));
      }
      b.blobVersionedHashes(hashes);
    }
    if (has(t, "authorizationList")) {
      JsonNode as = array(t, "authorizationList");
      List<Authorization> auths = new ArrayList<>();
      for (int i = 0; i < as.size(); i++) {
        auths.add(authorization("tx.authorizationList[" + i + "]", as.get(i)));
      }
      b.authorizationList(auths);
    }
    return b.build();
  }

  private static AccessList accessList(JsonNode al) {
    if (!al.isArray()) {
      throw BatchException.invalid("field 'tx.accessList' must be an array, got " + Text.typeName(al));
    }
    List<AccessList.Entry> entries = new ArrayList<>();
    for (int i = 0; i < al.size(); i++) {
      String f = "tx.accessList[" + i + "]";
      JsonNode e = al.get(i);
      if (!e.isObject()) {
        throw BatchException.invalid("field '" + f + "' must be an object {address, storageKeys}");
      }
      checkKeys(f, e, Set.of("address", "storageKeys"));
      Address a = address(f + ".address", required(f, e, "address"));
      List<byte[]> keys = new ArrayList<>();
      JsonNode ks = e.get("storageKeys");
      if (ks != null && !ks.isNull()) {
        if (!ks.isArray()) {
          throw BatchException.invalid("field '" + f + ".storageKeys' must be an array");
        }
        for (int j = 0; j < ks.size(); j++) {
          keys.add(fixed(f + ".storageKeys[" + j + "]", ks.get(j), 32));
        }
      }
      entries.add(AccessList.Entry.of(a, keys));
    }
    return AccessList.of(entries);
  }

  private static Authorization authorization(String f, JsonNode a) {
    if (!a.isObject()) {
      throw BatchException.invalid("field '" + f + "' must be an object");
    }
    checkKeys(f, a, Set.of("chainId", "address", "nonce", "yParity", "r", "s"));
    BigInteger chainId = Request.parseInteger(f + ".chainId", required(f, a, "chainId"));
    Address address = address(f + ".address", required(f, a, "address"));
    long nonce = u64(f + ".nonce", Request.parseInteger(f + ".nonce", required(f, a, "nonce")));
    BigInteger y = Request.parseInteger(f + ".yParity", required(f, a, "yParity"));
    if (y.signum() < 0 || y.compareTo(BigInteger.valueOf(255)) > 0) {
      throw BatchException.invalid("field '" + f + ".yParity' is out of range [0, 255]");
    }
    BigInteger rr = Request.parseInteger(f + ".r", required(f, a, "r"));
    BigInteger ss = Request.parseInteger(f + ".s", required(f, a, "s"));
    return Authorization.of(chainId, address, nonce, y.intValue(), rr, ss);
  }

  private static ObjectNode authorizationJson(Authorization a) {
    ObjectNode o = NODES.objectNode();
    o.put("chainId", a.chainId().toString());
    o.put("address", a.address().toChecksumString());
    o.put("nonce", Long.toUnsignedString(a.nonce()));
    o.put("yParity", Integer.toString(a.yParity()));
    o.put("r", a.r().toString());
    o.put("s", a.s().toString());
    return o;
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

  private static boolean has(JsonNode o, String f) {
    JsonNode v = o.get(f);
    return v != null && !v.isNull();
  }

  private static JsonNode required(String parent, JsonNode o, String f) {
    JsonNode v = o.get(f);
    if (v == null || v.isNull()) {
      throw BatchException.badRequest("missing field '" + parent + "." + f + "'");
    }
    return v;
  }

  private static void checkKeys(String parent, JsonNode o, Set<String> allowed) {
    Iterator<String> names = o.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!allowed.contains(n)) {
        throw BatchException.badRequest("unknown field '" + parent + "." + Text.clip(n) + "'");
      }
    }
  }

  private static BigInteger integer(JsonNode t, String f) {
    return Request.parseInteger("tx." + f, t.get(f));
  }

  private static long u64(String field, BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 64) {
      throw BatchException.invalid("field '" + field + "' is out of range [0, 2^64-1]");
    }
    return v.longValue();
  }

  private static String text(JsonNode t, String f) {
    JsonNode v = t.get(f);
    if (!v.isTextual()) {
      throw BatchException.invalid("field 'tx." + f + "' must be a 0x hex string, got " + Text.typeName(v));
    }
    return v.textValue();
  }

  private static JsonNode array(JsonNode t, String f) {
    JsonNode v = t.get(f);
    if (!v.isArray()) {
      throw BatchException.invalid("field 'tx." + f + "' must be an array, got " + Text.typeName(v));
    }
    return v;
  }

  private static Address address(String field, JsonNode v) {
    if (!v.isTextual()) {
      throw BatchException.invalid("field '" + field + "' must be an address string, got " + Text.typeName(v));
    }
    return Address.parse(field, v.textValue());
  }

  private static byte[] fixed(String field, JsonNode v, int len) {
    if (!v.isTextual()) {
      throw BatchException.invalid("field '" + field + "' must be a 0x hex string");
    }
    byte[] b = bytes(field, v.textValue());
    if (b.length != len) {
      throw BatchException.invalid("field '" + field + "' must be " + len + " bytes, got " + b.length);
    }
    return b;
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
