package dev.cairn.evm.tx;

import dev.cairn.abi.Address;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.evm.sign.EvmSignature;
import dev.cairn.evm.tx.TransactionJsonException.Reason;
import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonArray;
import dev.cairn.core.json.JsonLimits;
import dev.cairn.core.json.JsonNumber;
import dev.cairn.core.json.JsonObject;
import dev.cairn.core.json.JsonString;
import dev.cairn.core.json.JsonValue;
import dev.cairn.core.json.JsonValue.Kind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Transactions to and from JSON in the JSON-RPC field names that the {@code wallet} CLI's batch
 * interface fixes ({@code evm.signTx}, {@code evm.decodeTx}). Built on sdk-core's strict {@code dev.cairn.core.json}; needs no other JSON library.
 *
 * <p>Reading ({@link #fromJson}, {@link #signedFromJson}): an object with {@code type} (0-4,
 * inferred when absent: an authorization list gives 4, blob fields 3, fee caps 2, an access list 1,
 * otherwise 0), {@code chainId} (required unless legacy), {@code nonce}, {@code to} (absent or null
 * creates a contract), {@code value}, {@code data} or {@code input} (equal when both are given),
 * {@code gas}, {@code gasPrice}, {@code maxFeePerGas}, {@code maxPriorityFeePerGas}, {@code
 * accessList [{address, storageKeys}]}, {@code maxFeePerBlobGas}, {@code blobVersionedHashes},
 * {@code authorizationList [{chainId, address, nonce, yParity, r, s}]} and {@code from} (accepted,
 * not interpreted by {@link #fromJson}; checked against the recovered sender by {@link
 * #signedFromJson}). Integers are JSON numbers, decimal strings or 0x-hex strings; bytes 0x-hex;
 * addresses any case (a mixed-case address must pass its EIP-55 checksum). A null value counts as
 * absent. Unknown fields, duplicate fields and anything that is not strict JSON are refused.
 *
 * <p>Writing ({@link #toJson(Transaction)}, {@link #toJson(SignedTransaction)}): integers as decimal
 * strings, bytes as lowercase 0x-hex, addresses EIP-55, {@code to} null for a creation, the fields in
 * the order {@code type, chainId (not for a legacy transaction without one), nonce, to, value, data,
 * gas, gasPrice | maxFeePerGas, maxPriorityFeePerGas, accessList (not legacy), maxFeePerBlobGas,
 * blobVersionedHashes (type 3), authorizationList (type 4)}, then for a signed transaction {@code
 * from, hash, v, yParity, r, s}.
 *
 * <p>Errors: {@link TransactionJsonException} naming the field (path {@code tx.<field>}); a value
 * that reaches the transaction's own checks fails with {@link EvmTxException} (range), {@link
 * dev.cairn.abi.AbiException} (address) or {@link dev.cairn.core.crypto.CryptoException}
 * (signature values).
 */
public final class TransactionJson {
  private static final String ROOT = "tx";
  /** The longest integer string accepted. */
  public static final int MAX_INTEGER_CHARS = 100;

  private static final Set<String> TX_FIELDS = Set.of(
      "type", "chainId", "nonce", "to", "value", "data", "input", "gas", "gasPrice",
      "maxFeePerGas", "maxPriorityFeePerGas", "accessList", "authorizationList",
      "maxFeePerBlobGas", "blobVersionedHashes", "from");
  private static final Set<String> SIGNED_FIELDS;

  static {
    java.util.HashSet<String> s = new java.util.HashSet<>(TX_FIELDS);
    s.addAll(List.of("hash", "v", "yParity", "r", "s"));
    SIGNED_FIELDS = Collections.unmodifiableSet(s);
  }

  private static final Set<String> ACCESS_FIELDS = Set.of("address", "storageKeys");
  private static final Set<String> AUTH_FIELDS = Set.of("chainId", "address", "nonce", "yParity", "r", "s");

  /** sdk-core's defaults, nesting at most 64 deep (a transaction object is 4 deep). */
  private static final JsonLimits LIMITS = JsonLimits.defaults().withMaxDepth(64);

  private TransactionJson() {}

  // ------------------------------------------------------------------ the JSON model (sdk-core)

  private static Map<String, JsonValue> fields(JsonValue v) {
    return v instanceof JsonObject ? ((JsonObject) v).members() : Collections.emptyMap();
  }

  private static List<JsonValue> items(JsonValue v) {
    return v instanceof JsonArray ? ((JsonArray) v).elements() : Collections.emptyList();
  }

  /** A string's value or a number's literal. */
  private static String text(JsonValue v) {
    return v instanceof JsonString ? ((JsonString) v).value() : ((JsonNumber) v).literal();
  }

  private static boolean isIntegral(JsonValue v) {
    return v instanceof JsonNumber && ((JsonNumber) v).isPlainInteger();
  }

  private static String typeName(JsonValue v) {
    switch (v.kind()) {
      case OBJECT: return "an object";
      case ARRAY: return "an array";
      case STRING: return "a string";
      case NUMBER: return "a number";
      case NULL: return "null";
      default: return "a boolean";
    }
  }

  // ------------------------------------------------------------------ reading

  /**
   * An unsigned transaction from its JSON object.
   *
   * @throws TransactionJsonException for malformed JSON, unknown or missing fields, values of the
   *     wrong JSON type or bad hex, naming the field
   */
  public static Transaction fromJson(String json) {
    return parse(root(json), TX_FIELDS);
  }

  /**
   * A signed transaction from its JSON object: the transaction's fields with {@code r}, {@code s}
   * and {@code yParity} (or {@code v}, which gives the y parity and, for legacy transactions, must
   * match the chain id); {@code from} and {@code hash}, when present, must be the recovered sender
   * and the hash.
   */
  public static SignedTransaction signedFromJson(String json) {
    JsonValue o = root(json);
    Transaction tx = parse(o, SIGNED_FIELDS);
    Map<String, JsonValue> f = fields(o);
    BigInteger r = integer(path("r"), required(ROOT, o, "r"));
    BigInteger s = integer(path("s"), required(ROOT, o, "s"));
    Integer y = null;
    if (has(o, "yParity")) {
      BigInteger yp = integer(path("yParity"), f.get("yParity"));
      if (yp.signum() < 0 || yp.compareTo(BigInteger.ONE) > 0) {
        throw invalid(path("yParity"), "field '" + path("yParity") + "' must be 0 or 1, got " + yp);
      }
      y = yp.intValue();
    }
    if (has(o, "v")) {
      int fromV = parityOfV(tx, integer(path("v"), f.get("v")));
      if (y != null && y != fromV) {
        throw invalid(path("v"), "fields '" + path("v") + "' and '" + path("yParity") + "' disagree");
      }
      y = fromV;
    }
    if (y == null) {
      throw new TransactionJsonException(Reason.MISSING_FIELD, path("yParity"),
          "missing field '" + path("yParity") + "' (or '" + path("v") + "')");
    }
    SignedTransaction st = tx.withSignature(EvmSignature.of(y, r, s));
    if (has(o, "hash")) {
      byte[] h = fixed(path("hash"), f.get("hash"), 32);
      if (!Arrays.equals(h, st.hash())) {
        throw invalid(path("hash"), "field '" + path("hash") + "' is not the transaction's hash " + st.hashHex());
      }
    }
    if (has(o, "from")) {
      Address claimed = address(path("from"), f.get("from"));
      if (!claimed.equals(st.from())) {
        throw invalid(path("from"), "field '" + path("from") + "' is not the signer " + st.from().toChecksumString());
      }
    }
    return st;
  }

  private static int parityOfV(Transaction tx, BigInteger v) {
    String field = path("v");
    if (tx.type() != TxType.LEGACY) {
      if (v.signum() < 0 || v.compareTo(BigInteger.ONE) > 0) {
        throw invalid(field, "field '" + field + "' must be 0 or 1 for type " + tx.type().id() + ", got " + v);
      }
      return v.intValue();
    }
    if (tx.chainId() == 0) {
      if (v.equals(BigInteger.valueOf(27)) || v.equals(BigInteger.valueOf(28))) {
        return v.intValue() - 27;
      }
      throw invalid(field, "field '" + field + "' must be 27 or 28 without a chain id, got " + v);
    }
    BigInteger base = BigInteger.valueOf(tx.chainId()).shiftLeft(1).add(BigInteger.valueOf(35));
    BigInteger d = v.subtract(base);
    if (d.signum() < 0 || d.compareTo(BigInteger.ONE) > 0) {
      throw invalid(field, "field '" + field + "' must be " + base + " or " + base.add(BigInteger.ONE)
          + " for chain " + tx.chainId() + " (EIP-155), got " + v);
    }
    return d.intValue();
  }

  private static JsonValue root(String json) {
    JsonValue v;
    try {
      v = Json.parse(json, LIMITS);
    } catch (DecodingException e) {
      throw new TransactionJsonException(Reason.MALFORMED, ROOT, "malformed JSON: " + e.getMessage());
    }
    if (v.kind() != Kind.OBJECT) {
      throw new TransactionJsonException(Reason.MALFORMED, ROOT,
          "field '" + ROOT + "' must be a JSON object, got " + typeName(v));
    }
    return v;
  }

  private static Transaction parse(JsonValue t, Set<String> allowed) {
    for (String n : fields(t).keySet()) {
      if (!allowed.contains(n)) {
        throw new TransactionJsonException(Reason.UNKNOWN_FIELD, path(n), "unknown field '" + ROOT + "."
            + clip(n) + "' (expected: " + String.join(", ", new TreeSet<>(TX_FIELDS)) + ")");
      }
    }
    Map<String, JsonValue> f = fields(t);
    TxType type;
    if (has(t, "type")) {
      BigInteger id = integer(path("type"), f.get("type"));
      if (id.signum() < 0 || id.compareTo(BigInteger.valueOf(4)) > 0) {
        throw invalid(path("type"), "field '" + path("type") + "' must be 0, 1, 2, 3 or 4, got " + id);
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
      BigInteger c = integer(path("chainId"), f.get("chainId"));
      if (c.signum() < 0 || c.bitLength() > 63) {
        throw invalid(path("chainId"), "field '" + path("chainId") + "' is out of range [0, 2^63-1]");
      }
      b.chainId(c.longValue());
    } else if (type != TxType.LEGACY) {
      throw new TransactionJsonException(Reason.MISSING_FIELD, path("chainId"), "missing field '" + path("chainId")
          + "' (required for type " + type.id() + "; only legacy transactions may omit it)");
    }
    if (has(t, "nonce")) {
      b.nonce(integer(path("nonce"), f.get("nonce")));
    }
    if (has(t, "gas")) {
      b.gasLimit(integer(path("gas"), f.get("gas")));
    }
    if (has(t, "gasPrice")) {
      b.gasPrice(integer(path("gasPrice"), f.get("gasPrice")));
    }
    if (has(t, "maxFeePerGas")) {
      b.maxFeePerGas(integer(path("maxFeePerGas"), f.get("maxFeePerGas")));
    }
    if (has(t, "maxPriorityFeePerGas")) {
      b.maxPriorityFeePerGas(integer(path("maxPriorityFeePerGas"), f.get("maxPriorityFeePerGas")));
    }
    if (has(t, "maxFeePerBlobGas")) {
      b.maxFeePerBlobGas(integer(path("maxFeePerBlobGas"), f.get("maxFeePerBlobGas")));
    }
    if (has(t, "to")) {
      b.to(address(path("to"), f.get("to")));
    }
    if (has(t, "value")) {
      b.value(integer(path("value"), f.get("value")));
    }
    byte[] data = has(t, "data") ? bytes(path("data"), text(f, "data")) : null;
    byte[] input = has(t, "input") ? bytes(path("input"), text(f, "input")) : null;
    if (data != null && input != null && !Arrays.equals(data, input)) {
      throw invalid(path("data"), "fields '" + path("data") + "' and '" + path("input") + "' differ (give one of them)");
    }
    if (data != null || input != null) {
      b.data(data != null ? data : input);
    }
    if (has(t, "accessList")) {
      b.accessList(accessList(f.get("accessList")));
    }
    if (has(t, "blobVersionedHashes")) {
      List<JsonValue> hs = array(f, "blobVersionedHashes");
      List<byte[]> hashes = new ArrayList<>(hs.size());
      for (int i = 0; i < hs.size(); i++) {
        hashes.add(fixed(path("blobVersionedHashes[" + i + "]"), hs.get(i), 32));
      }
      b.blobVersionedHashes(hashes);
    }
    if (has(t, "authorizationList")) {
      List<JsonValue> as = array(f, "authorizationList");
      List<Authorization> auths = new ArrayList<>(as.size());
      for (int i = 0; i < as.size(); i++) {
        auths.add(authorization(path("authorizationList[" + i + "]"), as.get(i)));
      }
      b.authorizationList(auths);
    }
    return b.build();
  }

  private static AccessList accessList(JsonValue al) {
    String field = path("accessList");
    if (al.kind() != Kind.ARRAY) {
      throw invalid(field, "field '" + field + "' must be an array, got " + typeName(al));
    }
    List<AccessList.Entry> entries = new ArrayList<>(items(al).size());
    for (int i = 0; i < items(al).size(); i++) {
      String f = field + "[" + i + "]";
      JsonValue e = items(al).get(i);
      if (e.kind() != Kind.OBJECT) {
        throw invalid(f, "field '" + f + "' must be an object {address, storageKeys}");
      }
      checkKeys(f, e, ACCESS_FIELDS);
      Address a = address(f + ".address", required(f, e, "address"));
      List<byte[]> keys = new ArrayList<>();
      JsonValue ks = fields(e).get("storageKeys");
      if (ks != null && ks.kind() != Kind.NULL) {
        if (ks.kind() != Kind.ARRAY) {
          throw invalid(f + ".storageKeys", "field '" + f + ".storageKeys' must be an array");
        }
        for (int j = 0; j < items(ks).size(); j++) {
          keys.add(fixed(f + ".storageKeys[" + j + "]", items(ks).get(j), 32));
        }
      }
      entries.add(AccessList.Entry.of(a, keys));
    }
    return AccessList.of(entries);
  }

  private static Authorization authorization(String f, JsonValue a) {
    if (a.kind() != Kind.OBJECT) {
      throw invalid(f, "field '" + f + "' must be an object");
    }
    checkKeys(f, a, AUTH_FIELDS);
    BigInteger chainId = integer(f + ".chainId", required(f, a, "chainId"));
    Address address = address(f + ".address", required(f, a, "address"));
    long nonce = u64(f + ".nonce", integer(f + ".nonce", required(f, a, "nonce")));
    BigInteger y = integer(f + ".yParity", required(f, a, "yParity"));
    if (y.signum() < 0 || y.compareTo(BigInteger.valueOf(255)) > 0) {
      throw invalid(f + ".yParity", "field '" + f + ".yParity' is out of range [0, 255]");
    }
    BigInteger rr = integer(f + ".r", required(f, a, "r"));
    BigInteger ss = integer(f + ".s", required(f, a, "s"));
    return Authorization.of(chainId, address, nonce, y.intValue(), rr, ss);
  }

  /**
   * An integer: a JSON number without fraction or exponent, a decimal string (optionally negative)
   * or a 0x-hex string, at most {@value #MAX_INTEGER_CHARS} characters as a string.
   */
  private static BigInteger integer(String field, JsonValue v) {
    if (isIntegral(v)) {
      return new BigInteger(text(v));
    }
    if (v.kind() == Kind.NUMBER) {
      throw invalid(field, "field '" + field + "' must be an integer, got a number with a fraction or exponent");
    }
    if (v.kind() != Kind.STRING) {
      throw invalid(field, "field '" + field + "' must be an integer (JSON number, decimal string or 0x-hex string),"
          + " got " + typeName(v));
    }
    String s = text(v);
    if (s.length() > MAX_INTEGER_CHARS) {
      throw invalid(field, "field '" + field + "' is too long for an integer (" + s.length() + " characters)");
    }
    if (s.startsWith("0x") || s.startsWith("0X")) {
      if (s.length() == 2) {
        throw invalid(field, "field '" + field + "': hex integer has no digits");
      }
      for (int i = 2; i < s.length(); i++) {
        char c = s.charAt(i);
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
          throw invalid(field, "field '" + field + "': not a hex digit at position " + i);
        }
      }
      return new BigInteger(s.substring(2), 16);
    }
    int start = s.startsWith("-") ? 1 : 0;
    if (s.length() == start) {
      throw invalid(field, "field '" + field + "' must be an integer (JSON number, decimal string or 0x-hex string)");
    }
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw invalid(field, "field '" + field + "': not a decimal digit at position " + i
            + " (hex integers need the 0x prefix)");
      }
    }
    return new BigInteger(s);
  }

  private static long u64(String field, BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 64) {
      throw invalid(field, "field '" + field + "' is out of range [0, 2^64-1]");
    }
    return v.longValue();
  }

  private static boolean has(JsonValue o, String f) {
    JsonValue v = fields(o).get(f);
    return v != null && v.kind() != Kind.NULL;
  }

  private static JsonValue required(String parent, JsonValue o, String f) {
    JsonValue v = fields(o).get(f);
    if (v == null || v.kind() == Kind.NULL) {
      throw new TransactionJsonException(Reason.MISSING_FIELD, parent + "." + f,
          "missing field '" + parent + "." + f + "'");
    }
    return v;
  }

  private static void checkKeys(String parent, JsonValue o, Set<String> allowed) {
    for (String n : fields(o).keySet()) {
      if (!allowed.contains(n)) {
        throw new TransactionJsonException(Reason.UNKNOWN_FIELD, parent + "." + n,
            "unknown field '" + parent + "." + clip(n) + "'");
      }
    }
  }

  private static String text(Map<String, JsonValue> t, String f) {
    JsonValue v = t.get(f);
    if (v.kind() != Kind.STRING) {
      throw invalid(path(f), "field '" + path(f) + "' must be a 0x hex string, got " + typeName(v));
    }
    return text(v);
  }

  private static List<JsonValue> array(Map<String, JsonValue> t, String f) {
    JsonValue v = t.get(f);
    if (v.kind() != Kind.ARRAY) {
      throw invalid(path(f), "field '" + path(f) + "' must be an array, got " + typeName(v));
    }
    return items(v);
  }

  private static Address address(String field, JsonValue v) {
    if (v.kind() != Kind.STRING) {
      throw invalid(field, "field '" + field + "' must be an address string, got " + typeName(v));
    }
    return Address.parse(field, text(v));
  }

  private static byte[] fixed(String field, JsonValue v, int len) {
    if (v.kind() != Kind.STRING) {
      throw invalid(field, "field '" + field + "' must be a 0x hex string");
    }
    byte[] b = bytes(field, text(v));
    if (b.length != len) {
      throw invalid(field, "field '" + field + "' must be " + len + " bytes, got " + b.length);
    }
    return b;
  }

  private static byte[] bytes(String field, String s) {
    if (!Hex.hasPrefix(s)) {
      throw new TransactionJsonException(Reason.BAD_HEX, field, "field '" + field + "' must be 0x-prefixed hex");
    }
    try {
      return Hex.decode(field, s);
    } catch (DecodingException e) {
      throw new TransactionJsonException(Reason.BAD_HEX, field, "field '" + field + "': " + e.getMessage());
    }
  }

  private static String path(String f) {
    return ROOT + "." + f;
  }

  /** At most 64 characters of a name, control characters as '?': for messages. */
  private static String clip(String s) {
    StringBuilder sb = new StringBuilder(Math.min(s.length(), 64) + 3);
    for (int i = 0; i < s.length() && i < 64; i++) {
      char c = s.charAt(i);
      sb.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    if (s.length() > 64) {
      sb.append("...");
    }
    return sb.toString();
  }

  private static TransactionJsonException invalid(String field, String message) {
    return new TransactionJsonException(Reason.INVALID_VALUE, field, message);
  }

  // ------------------------------------------------------------------ writing

  /** The transaction as one compact JSON object (see the class comment for the format). */
  public static String toJson(Transaction tx) {
    if (tx == null) {
      throw invalid(ROOT, "field 'tx' is null");
    }
    StringBuilder sb = new StringBuilder(256 + 2 * tx.dataLength());
    sb.append('{');
    writeFields(sb, tx);
    return sb.append('}').toString();
  }

  /** The signed transaction: its fields, then {@code from, hash, v, yParity, r, s}. */
  public static String toJson(SignedTransaction st) {
    if (st == null) {
      throw invalid(ROOT, "field 'tx' is null");
    }
    Transaction tx = st.transaction();
    StringBuilder sb = new StringBuilder(512 + 2 * tx.dataLength());
    sb.append('{');
    writeFields(sb, tx);
    sb.append(',');
    str(sb, "from", st.from().toChecksumString());
    str(sb, "hash", st.hashHex());
    str(sb, "v", st.v().toString());
    str(sb, "yParity", Integer.toString(st.yParity()));
    str(sb, "r", st.r().toString());
    str(sb, "s", st.s().toString());
    sb.setLength(sb.length() - 1);
    return sb.append('}').toString();
  }

  /** An EIP-7702 authorization as {@code {chainId, address, nonce, yParity, r, s}}. */
  public static String toJson(Authorization a) {
    if (a == null) {
      throw invalid("authorization", "field 'authorization' is null");
    }
    StringBuilder sb = new StringBuilder(256);
    writeAuthorization(sb, a);
    return sb.toString();
  }

  private static void writeFields(StringBuilder sb, Transaction tx) {
    str(sb, "type", Integer.toString(tx.type().id()));
    if (tx.type() != TxType.LEGACY || tx.chainId() != 0) {
      str(sb, "chainId", Long.toString(tx.chainId()));
    }
    str(sb, "nonce", Long.toUnsignedString(tx.nonce()));
    if (tx.isContractCreation()) {
      sb.append("\"to\":null,");
    } else {
      str(sb, "to", tx.to().get().toChecksumString());
    }
    str(sb, "value", tx.value().toString());
    str(sb, "data", Hex.encodePrefixed(tx.data()));
    str(sb, "gas", Long.toUnsignedString(tx.gasLimit()));
    if (tx.gasPrice() != null) {
      str(sb, "gasPrice", tx.gasPrice().toString());
    } else {
      str(sb, "maxFeePerGas", tx.maxFeePerGas().toString());
      str(sb, "maxPriorityFeePerGas", tx.maxPriorityFeePerGas().toString());
    }
    if (tx.type() != TxType.LEGACY) {
      sb.append("\"accessList\":[");
      List<AccessList.Entry> entries = tx.accessList().entries();
      for (int i = 0; i < entries.size(); i++) {
        AccessList.Entry e = entries.get(i);
        sb.append(i == 0 ? "" : ",").append("{\"address\":\"").append(e.address().toChecksumString())
            .append("\",\"storageKeys\":[");
        for (int j = 0; j < e.storageKeyCount(); j++) {
          sb.append(j == 0 ? "\"" : ",\"").append(Hex.encodePrefixed(e.storageKey(j))).append('"');
        }
        sb.append("]}");
      }
      sb.append("],");
    }
    if (tx.type() == TxType.BLOB) {
      str(sb, "maxFeePerBlobGas", tx.maxFeePerBlobGas().toString());
      sb.append("\"blobVersionedHashes\":[");
      List<byte[]> hs = tx.blobVersionedHashes();
      for (int i = 0; i < hs.size(); i++) {
        sb.append(i == 0 ? "\"" : ",\"").append(Hex.encodePrefixed(hs.get(i))).append('"');
      }
      sb.append("],");
    }
    if (tx.type() == TxType.SET_CODE) {
      sb.append("\"authorizationList\":[");
      List<Authorization> as = tx.authorizationList();
      for (int i = 0; i < as.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        writeAuthorization(sb, as.get(i));
      }
      sb.append("],");
    }
    sb.setLength(sb.length() - 1); // the last comma
  }

  private static void writeAuthorization(StringBuilder sb, Authorization a) {
    sb.append('{');
    str(sb, "chainId", a.chainId().toString());
    str(sb, "address", a.address().toChecksumString());
    str(sb, "nonce", Long.toUnsignedString(a.nonce()));
    str(sb, "yParity", Integer.toString(a.yParity()));
    str(sb, "r", a.r().toString());
    str(sb, "s", a.s().toString());
    sb.setLength(sb.length() - 1);
    sb.append('}');
  }

  /** {@code "name":"value",} (names and values here need no escaping but get it anyway). */
  private static void str(StringBuilder sb, String name, String value) {
    sb.append(Json.quote(name));
    sb.append(':');
    sb.append(Json.quote(value));
    sb.append(',');
  }
}
