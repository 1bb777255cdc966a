package dev.cairn.abi.eip712.internal;

import dev.cairn.abi.AbiException;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonArray;
import dev.cairn.core.json.JsonBoolean;
import dev.cairn.core.json.JsonLimits;
import dev.cairn.core.json.JsonNumber;
import dev.cairn.core.json.JsonObject;
import dev.cairn.core.json.JsonString;
import dev.cairn.core.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON document (sdk-core's strict parser) into a small tree of plain Java values: objects
 * become insertion-ordered {@code Map<String, Object>}, arrays {@code List<Object>}, strings
 * {@code String}, integral literals {@code BigInteger}, other numbers {@code BigDecimal}, booleans
 * {@code Boolean}, and {@code null} stays {@code null}.
 *
 * <p>Duplicate keys are rejected (they would make the signed content ambiguous), nesting is bounded
 * by the caller's depth limit, and trailing content after the document is rejected. All problems
 * are reported as {@link AbiException} with reason PARSE and the character offset.
 */
public final class JsonTree {
  /** Longest JSON number literal accepted, in characters. */
  private static final int MAX_NUMBER_LENGTH = 200;

  private JsonTree() {}

  /**
   * Parses {@code json} into a tree.
   *
   * @param json the document
   * @param maxDepth the deepest nesting of objects and arrays accepted
   * @return the root value
   * @throws AbiException (PARSE) on malformed JSON, duplicate keys, trailing content or too deep
   *     nesting
   */
  public static Object parse(String json, int maxDepth) {
    if (json == null) {
      throw new AbiException(AbiException.Reason.PARSE, "typed data: missing JSON document", 0);
    }
    JsonValue root;
    try {
      root =
          Json.parse(
              json,
              JsonLimits.defaults().withMaxDepth(maxDepth).withMaxNumberLength(MAX_NUMBER_LENGTH));
    } catch (DecodingException e) {
      long off = e.offset();
      int position = off > Integer.MAX_VALUE ? -1 : (int) off;
      if (e.getMessage().contains("surrogate")) {
        // a string that is not valid Unicode: a bad value, as TypedData reports for built values
        throw new AbiException(
            AbiException.Reason.INVALID_VALUE,
            dotted(e.field()) + ": string holds a lone surrogate (" + e.getMessage() + ")",
            position);
      }
      throw new AbiException(
          AbiException.Reason.PARSE, "typed data: malformed JSON: " + e.getMessage(), position);
    }
    return plain(root);
  }

  /** {@code json/message/items/0} as {@code message.items[0]}. */
  private static String dotted(String field) {
    String pointer = field != null && field.startsWith("json") ? field.substring(4) : "";
    StringBuilder sb = new StringBuilder(32);
    for (String token : pointer.split("/", -1)) {
      if (token.isEmpty()) {
        continue;
      }
      if (!token.isEmpty() && token.chars().allMatch(c -> c >= '0' && c <= '9')) {
        sb.append('[').append(token).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(token.replace("~1", "/").replace("~0", "~"));
      }
    }
    return sb.length() == 0 ? "typed data" : sb.toString();
  }

  private static Object plain(JsonValue v) {
    switch (v.kind()) {
      case OBJECT:
        {
          Map<String, JsonValue> members = ((JsonObject) v).members();
          Map<String, Object> map = new LinkedHashMap<>(members.size() * 2);
          for (Map.Entry<String, JsonValue> e : members.entrySet()) {
            map.put(e.getKey(), plain(e.getValue()));
          }
          return Collections.unmodifiableMap(map);
        }
      case ARRAY:
        {
          List<JsonValue> elements = ((JsonArray) v).elements();
          List<Object> list = new ArrayList<>(elements.size());
          for (JsonValue e : elements) {
            list.add(plain(e));
          }
          return Collections.unmodifiableList(list);
        }
      case STRING:
        return ((JsonString) v).value();
      case NUMBER:
        {
          JsonNumber n = (JsonNumber) v;
          try {
            return n.isPlainInteger() ? n.bigIntegerValue() : n.bigDecimalValue();
          } catch (DecodingException e) {
            // e.g. an exponent too large for BigDecimal: "2182e61641247636"
            throw new AbiException(
                AbiException.Reason.PARSE, "typed data: number out of range", v.offset());
          }
        }
      case BOOLEAN:
        return ((JsonBoolean) v).value() ? Boolean.TRUE : Boolean.FALSE;
      default:
        return null;
    }
  }
}
