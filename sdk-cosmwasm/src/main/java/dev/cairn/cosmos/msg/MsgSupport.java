package dev.cairn.cosmos.msg;

import dev.cairn.core.encoding.Base64;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonArray;
import dev.cairn.core.json.JsonNumber;
import dev.cairn.core.json.JsonObject;
import dev.cairn.core.json.JsonString;
import dev.cairn.core.json.JsonValue;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosAddress;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.internal.Wire;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Checks and JSON conversions shared by the message types. */
final class MsgSupport {
  private MsgSupport() {}

  static final BigInteger MAX_U64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  /** Largest integer JavaScript represents exactly (CosmJS re-parses contract messages with JSON.parse). */
  private static final BigInteger MAX_SAFE = BigInteger.valueOf(9007199254740991L);

  /** A required Bech32 address (any prefix). */
  static String address(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw CosmosException.invalid(field, "is empty");
    }
    try {
      CosmosAddress.parse(value);
    } catch (DecodingException e) {
      throw CosmosException.invalid(field, "not a Bech32 address: " + e.getMessage());
    }
    return value;
  }

  /** An optional Bech32 address: "" for none. */
  static String optionalAddress(String field, String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    return address(field, value);
  }

  static String text(String field, String value, int max) {
    if (value == null) {
      throw CosmosException.invalid(field, "is null");
    }
    if (value.length() > max) {
      throw new CosmosException(CosmosException.Reason.TOO_LARGE, field + ": " + value.length() + " characters, limit " + max);
    }
    return value;
  }

  static List<Coin> coins(String field, List<Coin> coins) {
    if (coins == null) {
      throw CosmosException.invalid(field, "is null");
    }
    for (int i = 0; i < coins.size(); i++) {
      if (coins.get(i) == null) {
        throw CosmosException.invalid(field + "[" + i + "]", "is null");
      }
    }
    return Collections.unmodifiableList(new ArrayList<>(coins));
  }

  static <T> List<T> list(String field, List<T> items) {
    if (items == null) {
      throw CosmosException.invalid(field, "is null");
    }
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) == null) {
        throw CosmosException.invalid(field + "[" + i + "]", "is null");
      }
    }
    return Collections.unmodifiableList(new ArrayList<>(items));
  }

  static Coin coin(String field, Coin c) {
    if (c == null) {
      throw CosmosException.invalid(field, "is null");
    }
    return c;
  }

  // ---- protobuf reading ----

  static Coin readCoin(ProtoReader r, String name) {
    byte[] b = r.bytes(name);
    return Wire.readCoin(r, b, name);
  }

  /** A decoding error for a decoded message whose fields a factory refused. */
  static DecodingException invalid(ProtoReader r, CosmosException e) {
    return new DecodingException(r.message(), r.start(), e.getMessage(), e);
  }

  // ---- JSON (CosmJS form) ----

  static JsonArray coinsJson(List<Coin> coins) {
    List<JsonValue> out = new ArrayList<>(coins.size());
    for (Coin c : coins) {
      out.add(coinJson(c));
    }
    return JsonArray.of(out);
  }

  static JsonObject coinJson(Coin c) {
    return JsonObject.builder().put("denom", c.denom()).put("amount", c.amount().toString()).build();
  }

  static JsonArray strings(List<String> values) {
    List<JsonValue> out = new ArrayList<>(values.size());
    for (String v : values) {
      out.add(JsonString.of(v));
    }
    return JsonArray.of(out);
  }

  static String u64(long v) {
    return Long.toUnsignedString(v);
  }

  static JsonValue member(JsonObject o, String key) {
    JsonValue v = o.get(key);
    if (v == null || v.isNull()) {
      throw CosmosException.invalid(key, "is missing");
    }
    return v;
  }

  static String str(JsonObject o, String key) {
    JsonValue v = member(o, key);
    if (!(v instanceof JsonString)) {
      throw CosmosException.invalid(key, "must be a string");
    }
    return ((JsonString) v).value();
  }

  static String optStr(JsonObject o, String key) {
    JsonValue v = o.get(key);
    if (v == null || v.isNull()) {
      return "";
    }
    if (!(v instanceof JsonString)) {
      throw CosmosException.invalid(key, "must be a string");
    }
    return ((JsonString) v).value();
  }

  static JsonObject obj(JsonObject o, String key) {
    JsonValue v = member(o, key);
    if (!(v instanceof JsonObject)) {
      throw CosmosException.invalid(key, "must be an object");
    }
    return (JsonObject) v;
  }

  static JsonArray arr(JsonObject o, String key) {
    JsonValue v = o.get(key);
    if (v == null || v.isNull()) {
      return JsonArray.of();
    }
    if (!(v instanceof JsonArray)) {
      throw CosmosException.invalid(key, "must be an array");
    }
    return (JsonArray) v;
  }

  /** An unsigned 64-bit integer: a JSON number or decimal string; 0 when absent. */
  static long optU64(JsonObject o, String key) {
    JsonValue v = o.get(key);
    if (v == null || v.isNull()) {
      return 0;
    }
    return u64(key, v);
  }

  static long u64(JsonObject o, String key) {
    return u64(key, member(o, key));
  }

  static long u64(String key, JsonValue v) {
    String s;
    if (v instanceof JsonString) {
      s = ((JsonString) v).value();
    } else if (v instanceof JsonNumber && ((JsonNumber) v).isPlainInteger()) {
      s = ((JsonNumber) v).literal();
    } else {
      throw CosmosException.invalid(key, "must be an unsigned integer (number or decimal string)");
    }
    if (s.isEmpty() || s.length() > 20) {
      throw CosmosException.invalid(key, "must be 1 to 20 decimal digits");
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        throw CosmosException.invalid(key, "not a decimal digit at offset " + i);
      }
    }
    BigInteger b = new BigInteger(s);
    if (b.compareTo(MAX_U64) > 0) {
      throw CosmosException.invalid(key, "exceeds 2^64-1");
    }
    return b.longValue();
  }

  static List<Coin> coinsFromJson(JsonObject o, String key) {
    JsonArray a = arr(o, key);
    List<Coin> out = new ArrayList<>(a.size());
    for (JsonValue v : a.elements()) {
      out.add(coinFromJson(key, v));
    }
    return out;
  }

  static Coin coinFromJson(String key, JsonValue v) {
    if (!(v instanceof JsonObject)) {
      throw CosmosException.invalid(key, "coin must be an object {denom, amount}");
    }
    JsonObject c = (JsonObject) v;
    JsonValue amount = member(c, "amount");
    String a = amount instanceof JsonNumber ? ((JsonNumber) amount).literal() : str(c, "amount");
    return Coin.parse(str(c, "denom"), a);
  }

  static List<String> stringsFromJson(JsonObject o, String key) {
    JsonArray a = arr(o, key);
    List<String> out = new ArrayList<>(a.size());
    for (JsonValue v : a.elements()) {
      if (!(v instanceof JsonString)) {
        throw CosmosException.invalid(key, "must be an array of strings");
      }
      out.add(((JsonString) v).value());
    }
    return out;
  }

  static String base64(byte[] b) {
    return Base64.encode(b);
  }

  static byte[] fromBase64(String key, String s) {
    try {
      return Base64.decode(s);
    } catch (DecodingException e) {
      throw CosmosException.invalid(key, "not base64");
    }
  }

  // ---- CosmWasm message JSON ----

  /** Checks that {@code msg} is a JSON document (as wasmd requires) and returns it unchanged. */
  static byte[] wasmMsg(String field, byte[] msg, int max) {
    if (msg == null || msg.length == 0) {
      throw CosmosException.invalid(field, "is empty");
    }
    if (msg.length > max) {
      throw new CosmosException(CosmosException.Reason.TOO_LARGE, field + ": " + msg.length + " bytes, limit " + max);
    }
    try {
      Json.parse(msg);
    } catch (RuntimeException e) {
      throw CosmosException.invalid(field, "not JSON: " + e.getMessage());
    }
    return msg.clone();
  }

  static JsonValue wasmMsgJson(byte[] msg) {
    return Json.parse(msg);
  }

  /**
   * The contract message for an amino sign document. CosmJS puts {@code JSON.parse(msg)} there and
   * the chain its own re-encoding: both agree only on integers JavaScript holds exactly and on keys
   * that are not array indexes (JavaScript orders those first, Go sorts them as strings). Anything
   * else is refused rather than signed into a document the chain would compute differently.
   */
  static JsonValue wasmMsgAmino(String field, byte[] msg) {
    return aminoSafe(field, Json.parse(msg), 0);
  }

  private static JsonValue aminoSafe(String path, JsonValue v, int depth) {
    switch (v.kind()) {
      case OBJECT: {
        JsonObject.Builder b = JsonObject.builder();
        for (Map.Entry<String, JsonValue> e : ((JsonObject) v).members().entrySet()) {
          if (isArrayIndex(e.getKey())) {
            throw CosmosException.invalid(path + "." + e.getKey(),
                "numeric object keys sort differently in CosmJS and on chain: sign this message in direct mode");
          }
          b.put(e.getKey(), aminoSafe(path + "." + e.getKey(), e.getValue(), depth + 1));
        }
        return b.build();
      }
      case ARRAY: {
        List<JsonValue> out = new ArrayList<>();
        List<JsonValue> in = ((JsonArray) v).elements();
        for (int i = 0; i < in.size(); i++) {
          out.add(aminoSafe(path + "[" + i + "]", in.get(i), depth + 1));
        }
        return JsonArray.of(out);
      }
      case NUMBER: {
        JsonNumber n = (JsonNumber) v;
        if (!n.isPlainInteger() || n.bigIntegerValue().abs().compareTo(MAX_SAFE) > 0) {
          throw CosmosException.invalid(path, "number " + n.literal()
              + " is not an integer within 2^53: CosmJS and the chain would render it differently; use a string or direct mode");
        }
        return JsonNumber.of(n.bigIntegerValue()); // JSON.stringify's form: no leading zeros, no -0
      }
      default:
        return v;
    }
  }

  private static boolean isArrayIndex(String k) {
    if (k.isEmpty() || k.length() > 10) {
      return false;
    }
    if (k.length() > 1 && k.charAt(0) == '0') {
      return false;
    }
    for (int i = 0; i < k.length(); i++) {
      if (k.charAt(i) < '0' || k.charAt(i) > '9') {
        return false;
      }
    }
    return Long.parseLong(k) < 4294967295L;
  }

  static CosmosException noAmino(String typeUrl) {
    return CosmosException.invalid("signMode", typeUrl
        + " has no amino JSON form in CosmJS 0.39 (its converter is not implemented there): sign it in direct mode");
  }

  /** A contract label: 1 to 128 characters, as wasmd requires. */
  static String label(String label) {
    if (label == null || label.isEmpty()) {
      throw CosmosException.invalid("label", "is empty");
    }
    return text("label", label, 128);
  }

  /** An instantiate2 salt: 1 to 64 bytes. */
  static byte[] salt(byte[] salt) {
    if (salt == null || salt.length < 1 || salt.length > 64) {
      throw CosmosException.invalid("salt", "must be 1 to 64 bytes");
    }
    return salt.clone();
  }

  static boolean optBool(JsonObject o, String key) {
    JsonValue v = o.get(key);
    if (v == null || v.isNull()) {
      return false;
    }
    return v.asBoolean(key);
  }

  /** A CosmWasm message given as JSON in the CosmJS form: its compact text, key order kept. */
  static byte[] jsonBytes(JsonObject o, String key) {
    return Json.write(member(o, key)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  // ---- Timestamp and Duration ----

  private static final long MIN_SECONDS = Wire.MIN_TIMESTAMP_SECONDS;
  private static final long MAX_SECONDS = Wire.MAX_TIMESTAMP_SECONDS;

  static java.time.Instant timestamp(String field, java.time.Instant t) {
    if (t == null) {
      throw CosmosException.invalid(field, "is null");
    }
    if (t.getEpochSecond() < MIN_SECONDS || t.getEpochSecond() > MAX_SECONDS) {
      throw CosmosException.invalid(field, "outside years 1 to 9999");
    }
    return t;
  }

  static java.time.Duration duration(String field, java.time.Duration d) {
    if (d == null || d.isNegative()) {
      throw CosmosException.invalid(field, "is null or negative");
    }
    if (d.getSeconds() > 315576000000L) {
      throw CosmosException.invalid(field, "longer than 10,000 years");
    }
    return d;
  }

  static byte[] timestampProto(java.time.Instant t) {
    return Wire.secondsNanos(t.getEpochSecond(), t.getNano());
  }

  static byte[] durationProto(java.time.Duration d) {
    return Wire.secondsNanos(d.getSeconds(), d.getNano());
  }

  static java.time.Instant readTimestamp(ProtoReader r, String name) {
    return Wire.readTimestamp(r, r.bytes(name), name);
  }

  static java.time.Duration readDuration(ProtoReader r, String name) {
    long[] sn = Wire.readSecondsNanos(r, r.bytes(name), name);
    try {
      return duration(name, java.time.Duration.ofSeconds(sn[0], sn[1]));
    } catch (RuntimeException e) {
      throw r.error(name, -1, "duration out of range");
    }
  }

  /** {@code {seconds: "..", nanos: n}}, CosmJS's form of Timestamp and Duration. */
  static JsonObject secondsNanosJson(long seconds, int nanos) {
    return JsonObject.builder().put("seconds", Long.toString(seconds)).put("nanos", nanos).build();
  }

  static long[] secondsNanosFromJson(String key, JsonValue v) {
    if (!(v instanceof JsonObject)) {
      throw CosmosException.invalid(key, "must be an object {seconds, nanos}");
    }
    JsonObject o = (JsonObject) v;
    JsonValue s = member(o, "seconds");
    String text = s instanceof JsonNumber ? ((JsonNumber) s).literal() : str(o, "seconds");
    long seconds;
    try {
      seconds = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw CosmosException.invalid(key + ".seconds", "not an integer");
    }
    JsonValue n = o.get("nanos");
    long nanos = n == null || n.isNull() ? 0 : u64(key + ".nanos", n);
    if (nanos > 999_999_999) {
      throw CosmosException.invalid(key + ".nanos", "out of range 0..999999999");
    }
    return new long[] {seconds, nanos};
  }
}
