package dev.cairn.cli.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.abi.AbiError;
import dev.cairn.abi.AbiException;
import dev.cairn.abi.ContractAbi;
import dev.cairn.abi.DecodedLog;
import dev.cairn.abi.DecodedRevert;
import dev.cairn.abi.Event;
import dev.cairn.abi.IndexedHash;
import dev.cairn.abi.Param;
import dev.cairn.abi.Reverts;
import dev.cairn.abi.Tuple;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.cli.abi.AbiValues;
import java.util.ArrayList;
import java.util.List;

/** {@code abi.decodeLog} and {@code abi.decodeError}: decoding with a JSON ABI. */
final class AbiLogOps {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AbiLogOps() {}

  /**
   * {@code {abi, topics, data}} -> {@code {event, args: {name: value}}}. Indexed inputs of
   * reference types (string, bytes, arrays, tuples) come back as the 0x-hex of their topic (the
   * log holds only their hash); an input without a name is keyed by its position.
   */
  static JsonNode decodeLog(Request r) {
    ContractAbi abi = abi(r.json("abi"));
    List<byte[]> topics = topics(r);
    byte[] data = AbiOps.bytes(r, "data");
    DecodedLog log = AbiOps.decoding("topics", () -> abi.decodeLog(topics, data));
    Event event = log.event();
    ObjectNode out = NODES.objectNode();
    out.put("event", event.name());
    ObjectNode args = out.putObject("args");
    List<Param> inputs = event.inputs();
    for (int i = 0; i < inputs.size(); i++) {
      Param p = inputs.get(i);
      String key = p.name().isEmpty() ? Integer.toString(i) : p.name();
      Object v = log.get(i);
      args.set(key, v instanceof IndexedHash h
          ? NODES.textNode(Hex.encodePrefixed(h.hash()))
          : AbiValues.toJson(p.canonicalType(), v));
    }
    return out;
  }

  /**
   * {@code {abi or null, data}} -> {@code {error: "Error"|"Panic"|name, args: [...]}}. Empty revert
   * data, an unknown selector and arguments that do not decode are {@code DECODE_ERROR}.
   */
  static JsonNode decodeError(Request r) {
    JsonNode abiNode = r.jsonOrNull("abi");
    ContractAbi abi = abiNode == null ? null : abi(abiNode);
    byte[] data = AbiOps.bytes(r, "data");
    DecodedRevert revert = Reverts.decode(data, abi);
    ObjectNode out = NODES.objectNode();
    switch (revert.kind()) {
      case ERROR_STRING:
        out.put("error", "Error");
        out.putArray("args").add(revert.reason().orElseThrow());
        return out;
      case PANIC:
        out.put("error", "Panic");
        out.putArray("args").add(revert.panicCode().orElseThrow().toString());
        return out;
      case CUSTOM_ERROR:
        {
          AbiError e = revert.error().orElseThrow();
          out.put("error", e.name());
          out.set("args", args(e, revert.args()));
          return out;
        }
      case EMPTY:
        throw new BatchException(ErrorCode.DECODE_ERROR,
            "field 'data': empty revert data (a revert without a reason): no error to decode");
      default:
        throw unknown(data, abi);
    }
  }

  private static ArrayNode args(AbiError e, Tuple values) {
    List<String> types = new ArrayList<>(e.inputs().size());
    for (Param p : e.inputs()) {
      types.add(p.canonicalType());
    }
    return AbiValues.toJson(types, values);
  }

  /** The error for data that matched nothing: the decoder's own reason when a selector matched. */
  private static BatchException unknown(byte[] data, ContractAbi abi) {
    if (data.length < 4) {
      return new BatchException(ErrorCode.DECODE_ERROR,
          "field 'data': " + data.length + " bytes of revert data are shorter than a selector");
    }
    List<AbiError> candidates = new ArrayList<>(List.of(Reverts.ERROR, Reverts.PANIC));
    if (abi != null) {
      abi.errorBySelector(data).ifPresent(candidates::add);
    }
    for (AbiError e : candidates) {
      if (e.matches(data)) {
        try {
          e.decode(data);
        } catch (DecodingException ex) {
          return new BatchException(ErrorCode.DECODE_ERROR,
              "field 'data': " + e.signature() + ": " + ex.getMessage());
        }
      }
    }
    return new BatchException(ErrorCode.DECODE_ERROR, "field 'data': no "
        + (abi == null ? "built-in error (Error, Panic) has" : "error of the ABI has")
        + " selector 0x" + Hex.encode(data, 0, 4));
  }

  /** A JSON ABI array (or artifact object), or a string holding one. */
  static ContractAbi abi(JsonNode v) {
    String json;
    if (v.isArray() || v.isObject()) {
      json = v.toString();
    } else if (v.isTextual()) {
      json = v.textValue();
    } else {
      throw BatchException.badRequest(
          "field 'abi' must be a JSON ABI array, got " + Text.typeName(v));
    }
    try {
      return ContractAbi.parseJson(json);
    } catch (AbiException e) {
      throw AbiOps.abiError("abi", e);
    } catch (DecodingException e) {
      throw BatchException.invalid("field 'abi': " + e.getMessage());
    }
  }

  private static List<byte[]> topics(Request r) {
    JsonNode v = r.json("topics");
    if (!v.isArray()) {
      throw BatchException.badRequest(
          "field 'topics' must be a JSON array of 0x-hex strings, got " + Text.typeName(v));
    }
    List<byte[]> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      JsonNode t = v.get(i);
      String field = "topics[" + i + "]";
      if (!t.isTextual() || !Hex.hasPrefix(t.textValue())) {
        throw new BatchException(ErrorCode.DECODE_ERROR, "field '" + field
            + "' must be a 0x-hex string");
      }
      byte[] b;
      try {
        b = Hex.decode(field, t.textValue());
      } catch (DecodingException e) {
        throw new BatchException(ErrorCode.DECODE_ERROR, "field '" + field + "': "
            + e.getMessage());
      }
      if (b.length != 32) {
        throw new BatchException(ErrorCode.DECODE_ERROR, "field '" + field
            + "': a topic is 32 bytes, got " + b.length);
      }
      out.add(b);
    }
    return out;
  }
}
