package dev.cairn.hsm.ledger.eth.internal;

import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonArray;
import dev.cairn.core.json.JsonBoolean;
import dev.cairn.core.json.JsonNumber;
import dev.cairn.core.json.JsonObject;
import dev.cairn.core.json.JsonString;
import dev.cairn.core.json.JsonValue;
import dev.cairn.hsm.ledger.ApduCommand;
import dev.cairn.hsm.ledger.LedgerException;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The EIP-712 struct definition (INS 0x1A) and implementation (INS 0x1C) APDUs of the Ethereum
 * app, as ledgerjs's {@code signEIP712Message} sends them without filters. Stricter than ledgerjs
 * where ledgerjs silently substitutes defaults: a missing field, a non-array for an array type, an
 * int/uint without a size, or malformed hex is an error naming the JSON path.
 */
public final class Eip712Apdus {
  private static final int CLA = 0xE0;
  private static final int INS_STRUCT_DEF = 0x1A;
  private static final int INS_STRUCT_IMPL = 0x1C;

  private Eip712Apdus() {}

  /** A parsed field type: base name, size (bits for int/uint, bytes for bytesN, -1 none), array levels (-1 dynamic). */
  public static final class FieldType {
    public final String base;
    public final int key;
    public final int size;
    public final int[] arrays;

    FieldType(String base, int key, int size, int[] arrays) {
      this.base = base;
      this.key = key;
      this.size = size;
      this.arrays = arrays;
    }

    public boolean custom() {
      return key == 0;
    }
  }

  /** The definition and implementation APDUs for a typed-data document, in sending order. */
  public static List<ApduCommand> build(String json) {
    if (json == null) {
      throw invalid("typedData", "is null");
    }
    JsonObject root = Json.parse(json).asObject("typedData");
    JsonObject typesObj = field(root, "types", "typedData").asObject("types");
    String primaryType = field(root, "primaryType", "typedData").asString("primaryType");
    JsonObject domain = field(root, "domain", "typedData").asObject("domain");
    JsonObject message = field(root, "message", "typedData").asObject("message");

    Map<String, List<String[]>> types = new TreeMap<>();
    for (Map.Entry<String, JsonValue> e : typesObj.members().entrySet()) {
      JsonArray fields = e.getValue().asArray("types." + e.getKey());
      List<String[]> list = new ArrayList<>();
      for (int i = 0; i < fields.size(); i++) {
        String at = "types." + e.getKey() + "[" + i + "]";
        JsonObject f = fields.get(i).asObject(at);
        list.add(new String[] {field(f, "name", at).asString(at + ".name"), field(f, "type", at).asString(at + ".type")});
      }
      types.put(e.getKey(), list);
    }
    if (!types.containsKey("EIP712Domain")) {
      throw invalid("types.EIP712Domain", "is missing");
    }
    if (!types.containsKey(primaryType)) {
      throw invalid("primaryType", "names a type that is not defined");
    }
    List<ApduCommand> out = new ArrayList<>();
    for (Map.Entry<String, List<String[]>> e : types.entrySet()) {
      out.add(ApduCommand.of(CLA, INS_STRUCT_DEF, 0x00, 0x00, text(e.getKey(), "types")));
      for (String[] f : e.getValue()) {
        out.add(ApduCommand.of(CLA, INS_STRUCT_DEF, 0x00, 0xFF, typeEntry(f[0], f[1], "types." + e.getKey())));
      }
    }
    out.add(ApduCommand.of(CLA, INS_STRUCT_IMPL, 0x00, 0x00, text("EIP712Domain", "domain")));
    for (String[] f : types.get("EIP712Domain")) {
      implement(out, types, parse(f[1], "types.EIP712Domain." + f[0]), 0, field(domain, f[0], "domain"), "domain." + f[0]);
    }
    out.add(ApduCommand.of(CLA, INS_STRUCT_IMPL, 0x00, 0x00, text(primaryType, "primaryType")));
    for (String[] f : types.get(primaryType)) {
      implement(out, types, parse(f[1], "types." + primaryType + "." + f[0]), 0, field(message, f[0], "message"), "message." + f[0]);
    }
    return out;
  }

  private static void implement(List<ApduCommand> out, Map<String, List<String[]>> types, FieldType t, int level,
      JsonValue value, String at) {
    if (level < t.arrays.length) {
      JsonArray arr = value.asArray(at);
      if (arr.size() > 255) {
        throw invalid(at, "has " + arr.size() + " elements, the app takes at most 255");
      }
      if (t.arrays[level] >= 0 && arr.size() != t.arrays[level]) {
        throw invalid(at, "has " + arr.size() + " elements, the type fixes " + t.arrays[level]);
      }
      out.add(ApduCommand.of(CLA, INS_STRUCT_IMPL, 0x00, 0x0F, new byte[] {(byte) arr.size()}));
      for (int i = 0; i < arr.size(); i++) {
        implement(out, types, t, level + 1, arr.get(i), at + "[" + i + "]");
      }
      return;
    }
    if (t.custom()) {
      List<String[]> fields = types.get(t.base);
      if (fields == null) {
        throw invalid(at, "has type " + t.base + ", which is not defined");
      }
      JsonObject obj = value.asObject(at);
      for (String[] f : fields) {
        implement(out, types, parse(f[1], "types." + t.base + "." + f[0]), 0, field(obj, f[0], at), at + "." + f[0]);
      }
      return;
    }
    byte[] enc = encodeValue(t, value, at);
    if (enc.length > 0xFFFF) {
      throw invalid(at, "is longer than 65535 bytes");
    }
    byte[] data = new byte[enc.length + 2];
    data[0] = (byte) (enc.length >>> 8);
    data[1] = (byte) enc.length;
    System.arraycopy(enc, 0, data, 2, enc.length);
    for (int off = 0; off < data.length; off += 255) {
      int end = Math.min(data.length, off + 255);
      out.add(ApduCommand.of(CLA, INS_STRUCT_IMPL, end < data.length ? 0x01 : 0x00, 0xFF, Arrays.copyOfRange(data, off, end)));
    }
  }

  /** ledgerjs's EIP712_TYPE_ENCODERS, strict. */
  public static byte[] encodeValue(FieldType t, JsonValue value, String at) {
    switch (t.key) {
      case 1:
      case 2:
        return integer(value, t.key == 1 ? t.size : 256, at);
      case 4:
        if (value instanceof JsonBoolean) {
          return new byte[] {(byte) (((JsonBoolean) value).value() ? 1 : 0)};
        }
        return integer(value, 256, at);
      case 3: {
        byte[] b = hex(value.asString(at), at);
        return b.length > 20 ? Arrays.copyOf(b, 20) : b;
      }
      case 5:
        return value.asString(at).getBytes(StandardCharsets.UTF_8);
      case 6: {
        byte[] b = hex(value.asString(at), at);
        return b.length > t.size ? Arrays.copyOf(b, t.size) : b;
      }
      case 7:
        return hex(value.asString(at), at);
      default:
        throw invalid(at, "has an unsupported type");
    }
  }

  private static byte[] integer(JsonValue value, int bits, String at) {
    BigInteger v;
    if (value instanceof JsonString) {
      String s = ((JsonString) value).value();
      if (s.startsWith("0x")) {
        return hex(s, at);
      }
      try {
        v = new BigDecimal(s).toBigIntegerExact();
      } catch (ArithmeticException | NumberFormatException e) {
        throw invalid(at, "is not an integer");
      }
    } else if (value instanceof JsonNumber) {
      try {
        v = ((JsonNumber) value).bigDecimalValue().toBigIntegerExact();
      } catch (ArithmeticException e) {
        throw invalid(at, "is not an integer");
      }
    } else {
      throw invalid(at, "is not a number or a numeric string");
    }
    if (v.bitLength() > 256) {
      throw invalid(at, "does not fit 256 bits");
    }
    if (v.signum() < 0) {
      v = BigInteger.ONE.shiftLeft(bits / 8 * 8).add(v);
      if (v.signum() < 0) {
        throw invalid(at, "does not fit int" + bits);
      }
    }
    byte[] b = v.toByteArray();
    if (b.length > 1 && b[0] == 0) {
      b = Arrays.copyOfRange(b, 1, b.length);
    }
    return b;
  }

  private static byte[] hex(String s, String at) {
    String h = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
    if ((h.length() & 1) == 1) {
      h = "0" + h;
    }
    byte[] out = new byte[h.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(h.charAt(2 * i), 16);
      int lo = Character.digit(h.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        throw invalid(at, "has a non-hex character at offset " + (2 * i));
      }
      out[i] = (byte) (hi << 4 | lo);
    }
    return out;
  }

  /** ledgerjs's destructTypeFromString + EIP712_TYPE_PROPERTIES. */
  public static FieldType parse(String type, String at) {
    int b = type.indexOf('[');
    String base = b < 0 ? type : type.substring(0, b);
    List<Integer> arrays = new ArrayList<>();
    int i = b;
    while (i >= 0 && i < type.length()) {
      int close = type.indexOf(']', i);
      if (type.charAt(i) != '[' || close < 0) {
        throw invalid(at, "has a malformed array suffix");
      }
      String n = type.substring(i + 1, close);
      if (n.isEmpty()) {
        arrays.add(-1);
      } else {
        int size = digits(n, at);
        if (size > 255) {
          throw invalid(at, "has an array size above 255");
        }
        arrays.add(size);
      }
      i = close + 1;
    }
    int[] arr = new int[arrays.size()];
    for (int k = 0; k < arr.length; k++) {
      arr[k] = arrays.get(k);
    }
    String lower = base.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("uint") || lower.startsWith("int")) {
      String n = base.substring(lower.startsWith("u") ? 4 : 3);
      if (n.isEmpty() || n.length() > 3 || !allDigits(n)) {
        if (n.isEmpty()) {
          throw invalid(at, "int/uint types need a size (e.g. uint256)");
        }
        return new FieldType(base, 0, -1, arr);
      }
      int bits = digits(n, at);
      if (bits == 0 || bits > 256 || bits % 8 != 0) {
        throw invalid(at, "has an invalid integer size " + bits);
      }
      return new FieldType(base, lower.startsWith("u") ? 2 : 1, bits, arr);
    }
    if (lower.startsWith("bytes")) {
      String n = base.substring(5);
      if (n.isEmpty()) {
        return new FieldType(base, 7, -1, arr);
      }
      if (n.length() <= 3 && allDigits(n)) {
        int size = digits(n, at);
        if (size == 0 || size > 32) {
          throw invalid(at, "has an invalid bytes size " + size);
        }
        return new FieldType(base, 6, size, arr);
      }
      return new FieldType(base, 0, -1, arr);
    }
    switch (lower) {
      case "address":
        return new FieldType(base, 3, -1, arr);
      case "bool":
        return new FieldType(base, 4, -1, arr);
      case "string":
        return new FieldType(base, 5, -1, arr);
      default:
        if (base.isEmpty()) {
          throw invalid(at, "is empty");
        }
        return new FieldType(base, 0, -1, arr);
    }
  }

  /** ledgerjs's makeTypeEntryStructBuffer. */
  static byte[] typeEntry(String name, String type, String at) {
    FieldType t = parse(type, at + "." + name);
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    int typeSize = t.key == 1 || t.key == 2 ? t.size / 8 : t.key == 6 ? t.size : -1;
    o.write((t.arrays.length > 0 ? 0x80 : 0) | (typeSize >= 0 ? 0x40 : 0) | t.key);
    if (t.custom()) {
      byte[] n = text(t.base, at);
      o.write(n.length);
      o.write(n, 0, n.length);
    }
    if (typeSize >= 0) {
      o.write(typeSize);
    }
    if (t.arrays.length > 0) {
      o.write(t.arrays.length);
      for (int a : t.arrays) {
        if (a < 0) {
          o.write(0);
        } else {
          o.write(1);
          o.write(a);
        }
      }
    }
    byte[] n = text(name, at);
    o.write(n.length);
    o.write(n, 0, n.length);
    byte[] out = o.toByteArray();
    if (out.length > ApduCommand.MAX_DATA) {
      throw invalid(at + "." + name, "the field definition is longer than one APDU");
    }
    return out;
  }

  private static byte[] text(String s, String at) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length > 255) {
      throw invalid(at, "a name is longer than 255 bytes");
    }
    return b;
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return !s.isEmpty();
  }

  private static int digits(String s, String at) {
    if (!allDigits(s) || s.length() > 4) {
      throw invalid(at, "has a malformed size");
    }
    return Integer.parseInt(s);
  }

  private static JsonValue field(JsonObject o, String name, String at) {
    JsonValue v = o.get(name);
    if (v == null) {
      throw invalid(at + "." + name, "is missing");
    }
    return v;
  }

  private static LedgerException invalid(String field, String problem) {
    return new LedgerException(LedgerException.Kind.INVALID_ARGUMENT, field, problem);
  }
}
