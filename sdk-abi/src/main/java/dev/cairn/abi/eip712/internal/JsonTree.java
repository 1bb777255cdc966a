package dev.cairn.abi.eip712.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.cairn.abi.AbiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON document into a small tree of plain Java values with jackson-core's streaming
 * parser (no databind): objects become insertion-ordered {@code Map<String, Object>}, arrays
 * {@code List<Object>}, strings {@code String}, integral numbers {@code BigInteger}, other numbers
 * {@code BigDecimal}, booleans {@code Boolean}, and {@code null} stays {@code null}.
 *
 * <p>Duplicate keys are rejected (they would make the signed content ambiguous), nesting is bounded
 * by the caller's depth limit, and trailing content after the document is rejected. All problems
 * are reported as {@link AbiException} with reason PARSE and the character offset.
 */
public final class JsonTree {
  /** Longest JSON number literal accepted, in characters. */
  private static final int MAX_NUMBER_LENGTH = 200;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNumberLength(MAX_NUMBER_LENGTH).build())
          .build();

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
    try (JsonParser p = FACTORY.createParser(json)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new AbiException(AbiException.Reason.PARSE, "typed data: empty JSON document", 0);
      }
      Object root = read(p, t, 0, maxDepth);
      if (p.nextToken() != null) {
        throw new AbiException(
            AbiException.Reason.PARSE,
            "typed data: trailing content after the JSON document",
            offset(p.currentTokenLocation()));
      }
      return root;
    } catch (JsonProcessingException e) {
      String msg = e.getOriginalMessage();
      int nl = msg == null ? -1 : msg.indexOf('\n');
      throw new AbiException(
          AbiException.Reason.PARSE,
          "typed data: malformed JSON: " + (nl < 0 ? msg : msg.substring(0, nl)),
          offset(e.getLocation()));
    } catch (IOException e) {
      throw new AbiException(AbiException.Reason.PARSE, "typed data: unreadable JSON", 0);
    }
  }

  private static int offset(JsonLocation loc) {
    if (loc == null) {
      return -1;
    }
    long c = loc.getCharOffset();
    return c < 0 || c > Integer.MAX_VALUE ? -1 : (int) c;
  }

  private static Object read(JsonParser p, JsonToken t, int depth, int maxDepth)
      throws IOException {
    if (t == null) {
      throw new AbiException(
          AbiException.Reason.PARSE, "typed data: unexpected end of JSON", offset(p.currentLocation()));
    }
    switch (t) {
      case START_OBJECT -> {
        if (depth >= maxDepth) {
          throw tooDeep(p, maxDepth);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        JsonToken n;
        while ((n = p.nextToken()) == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          map.put(key, read(p, p.nextToken(), depth + 1, maxDepth));
        }
        if (n != JsonToken.END_OBJECT) {
          throw new AbiException(
              AbiException.Reason.PARSE, "typed data: unterminated object", offset(p.currentLocation()));
        }
        return Collections.unmodifiableMap(map);
      }
      case START_ARRAY -> {
        if (depth >= maxDepth) {
          throw tooDeep(p, maxDepth);
        }
        List<Object> list = new ArrayList<>();
        JsonToken n;
        while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
          if (n == null) {
            throw new AbiException(
                AbiException.Reason.PARSE, "typed data: unterminated array", offset(p.currentLocation()));
          }
          list.add(read(p, n, depth + 1, maxDepth));
        }
        return Collections.unmodifiableList(list);
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT -> {
        return p.getBigIntegerValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return p.getDecimalValue();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default ->
          throw new AbiException(
              AbiException.Reason.PARSE,
              "typed data: unexpected JSON token " + t,
              offset(p.currentTokenLocation()));
    }
  }

  private static AbiException tooDeep(JsonParser p, int maxDepth) {
    return new AbiException(
        AbiException.Reason.PARSE,
        "typed data: JSON nested deeper than " + maxDepth + " levels",
        offset(p.currentTokenLocation()));
  }
}
