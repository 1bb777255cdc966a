package dev.cairn.cli.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cairn.abi.AbiError;
import dev.cairn.abi.AbiException;
import dev.cairn.abi.AbiTypes;
import dev.cairn.abi.Event;
import dev.cairn.abi.Function;
import dev.cairn.abi.Tuple;
import dev.cairn.abi.TupleType;
import dev.cairn.abi.eip712.TypedData;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.cli.abi.AbiInputException;
import dev.cairn.cli.abi.AbiValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code abi.*} and {@code eip712.hash} ops of the batch interface (sdk-abi).
 *
 * <p>Error mapping: a type or signature the parser rejects, or a value that does not fit its type,
 * is {@code INVALID_ARGUMENT} (an {@code AbiException} of reason {@code UNSUPPORTED} is {@code
 * UNSUPPORTED}); bytes that are not a valid encoding (bad hex, and ABI data the strict decoder
 * rejects) are {@code DECODE_ERROR}; a request of the wrong shape ({@code types} not an array of
 * strings, a missing field) is {@code BAD_REQUEST}. Messages name the field and, for values, the
 * path ({@code values[2][0]}).
 */
public final class AbiOps {
  private AbiOps() {}

  private static final AbiValues VALUES = AbiValues.strict();

  /** The ops by name. */
  public static Map<String, Op> ops() {
    Map<String, Op> m = new LinkedHashMap<>();
    m.put("abi.encodeCall", op(Set.of("signature", "args"), AbiOps::encodeCall));
    m.put("abi.encode", op(Set.of("types", "values"), r -> encode(r, false)));
    m.put("abi.encodePacked", op(Set.of("types", "values"), r -> encode(r, true)));
    m.put("abi.decode", op(Set.of("types", "data"), AbiOps::decode));
    m.put("abi.selector", op(Set.of("signature"), AbiOps::selector));
    m.put("abi.eventTopic", op(Set.of("signature"), AbiOps::eventTopic));
    m.put("abi.decodeLog", op(Set.of("abi", "topics", "data"), AbiLogOps::decodeLog));
    m.put("abi.decodeError", op(Set.of("abi", "data"), AbiLogOps::decodeError));
    m.put("eip712.hash", op(Set.of("typedData"), AbiOps::eip712Hash));
    return m;
  }

  private static Op op(Set<String> fields, java.util.function.Function<Request, JsonNode> f) {
    return Op.of(fields, request -> {
      try {
        return f.apply(request);
      } catch (AbiInputException e) {
        throw new BatchException(
            e.isDecodeError() ? ErrorCode.DECODE_ERROR : ErrorCode.INVALID_ARGUMENT,
            e.getMessage());
      }
    });
  }

  private static JsonNode encodeCall(Request r) {
    Function fn = function(r.string("signature"), "signature");
    List<String> types = AbiValues.components(fn.inputs().canonicalType());
    Tuple args = VALUES.toTuple(types, r.json("args"), "args");
    return hex(abi("args", () -> fn.encodeCall(args)));
  }

  private static JsonNode encode(Request r, boolean packed) {
    List<String> types = canonicalTypes(r.stringArray("types"), "types");
    Tuple values = VALUES.toTuple(types, r.json("values"), "values");
    TupleType tuple = abi("types", () -> AbiTypes.tuple(types.toArray(new String[0])));
    return hex(abi("values", () -> packed ? tuple.encodePacked(values) : tuple.encode(values)));
  }

  private static JsonNode decode(Request r) {
    List<String> types = canonicalTypes(r.stringArray("types"), "types");
    byte[] data = bytes(r, "data");
    TupleType tuple = abi("types", () -> AbiTypes.tuple(types.toArray(new String[0])));
    Tuple values = decoding("data", () -> tuple.decode(data));
    return AbiValues.toJson(types, values);
  }

  private static JsonNode selector(Request r) {
    String sig = r.string("signature");
    String trimmed = sig.strip();
    if (trimmed.startsWith("error ")) {
      return hex(abi("signature", () -> AbiError.parse(trimmed).selector()));
    }
    if (trimmed.startsWith("event ")) {
      throw BatchException.invalid(
          "field 'signature': an event has a 32-byte topic, not a selector (use abi.eventTopic)");
    }
    return hex(function(sig, "signature").selector());
  }

  private static JsonNode eventTopic(Request r) {
    String sig = r.string("signature");
    return hex(abi("signature", () -> Event.parse(sig).topic0()));
  }

  private static JsonNode eip712Hash(Request r) {
    JsonNode v = r.json("typedData");
    String json;
    if (v.isObject()) {
      json = v.toString();
    } else if (v.isTextual()) {
      // eth_signTypedData_v4 carries the typed data as a JSON string
      json = v.textValue();
    } else {
      throw BatchException.badRequest(
          "field 'typedData' must be a JSON object (or a string holding one), got "
              + Text.typeName(v));
    }
    return hex(abi("typedData", () -> TypedData.parseJson(json).digest()));
  }

  // --- helpers shared with AbiLogOps --------------------------------------------------------------

  static Function function(String signature, String field) {
    return abi(field, () -> Function.parse(signature));
  }

  /** Each type string parsed on its own (so that an error names {@code types[i]}), canonical. */
  static List<String> canonicalTypes(List<String> types, String field) {
    List<String> out = new ArrayList<>(types.size());
    for (int i = 0; i < types.size(); i++) {
      String t = types.get(i);
      out.add(abi(field + "[" + i + "]", () -> AbiTypes.parse(t).canonicalType()));
    }
    return out;
  }

  static byte[] bytes(Request r, String field) {
    String s = r.string(field);
    if (!Hex.hasPrefix(s)) {
      throw new BatchException(ErrorCode.DECODE_ERROR,
          "field '" + field + "' must be 0x-prefixed hex");
    }
    try {
      return Hex.decode(field, s);
    } catch (DecodingException e) {
      throw new BatchException(ErrorCode.DECODE_ERROR, "field '" + field + "': " + e.getMessage());
    }
  }

  static JsonNode hex(byte[] b) {
    return TextNode.valueOf(Hex.encodePrefixed(b));
  }

  /** Runs an sdk-abi call, mapping {@link AbiException} to an error naming {@code field}. */
  static <T> T abi(String field, java.util.function.Supplier<T> f) {
    try {
      return f.get();
    } catch (AbiException e) {
      throw abiError(field, e);
    }
  }

  /** Runs a decoding call: {@link DecodingException} becomes DECODE_ERROR naming {@code field}. */
  static <T> T decoding(String field, java.util.function.Supplier<T> f) {
    try {
      return f.get();
    } catch (DecodingException e) {
      throw new BatchException(ErrorCode.DECODE_ERROR, "field '" + field + "': " + e.getMessage());
    } catch (AbiException e) {
      throw abiError(field, e);
    }
  }

  static BatchException abiError(String field, AbiException e) {
    boolean unsupported = "UNSUPPORTED".equals(e.reason().name().toUpperCase(Locale.ROOT));
    return new BatchException(
        unsupported ? ErrorCode.UNSUPPORTED : ErrorCode.INVALID_ARGUMENT,
        "field '" + field + "': " + e.getMessage());
  }
}
