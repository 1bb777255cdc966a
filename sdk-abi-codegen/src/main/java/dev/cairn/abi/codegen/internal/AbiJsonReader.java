package dev.cairn.abi.codegen.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.cairn.abi.codegen.CodegenException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Solidity ABI JSON with jackson-core's streaming parser into {@link AbiEntry} values.
 *
 * <p>Accepts a top-level array (solc {@code --abi} output) or an object with an {@code abi} array
 * (Hardhat and Foundry artifacts). Unknown fields are ignored. The legacy {@code constant} and
 * {@code payable} flags are mapped to {@code stateMutability} when that field is absent.
 */
public final class AbiJsonReader {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final String source;

  private AbiJsonReader(String source) {
    this.source = source;
  }

  /**
   * Parses an ABI document.
   *
   * @param source the file name, for error messages
   * @param json the document
   * @return the entries in document order
   * @throws CodegenException if the JSON is malformed or not an ABI
   */
  public static List<AbiEntry> read(String source, String json) {
    AbiJsonReader reader = new AbiJsonReader(source);
    try (JsonParser p = FACTORY.createParser(json)) {
      JsonToken t = p.nextToken();
      List<AbiEntry> entries;
      if (t == JsonToken.START_ARRAY) {
        entries = reader.readEntries(p);
      } else if (t == JsonToken.START_OBJECT) {
        entries = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken v = p.nextToken();
          if (field.equals("abi") && v == JsonToken.START_ARRAY) {
            entries = reader.readEntries(p);
          } else {
            p.skipChildren();
          }
        }
        if (entries == null) {
          throw reader.fail("the top-level object has no \"abi\" array");
        }
      } else {
        throw reader.fail("expected a JSON array of ABI entries (or an artifact with an \"abi\" array)");
      }
      if (p.nextToken() != null) {
        throw reader.fail("trailing content after the ABI at line " + p.currentLocation().getLineNr());
      }
      return entries;
    } catch (JsonProcessingException e) {
      throw reader.fail(
          "malformed JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage());
    } catch (IOException e) {
      throw new CodegenException(source + ": cannot read the ABI: " + e.getMessage(), e);
    }
  }

  private CodegenException fail(String problem) {
    return new CodegenException(source + ": " + problem);
  }

  private List<AbiEntry> readEntries(JsonParser p) throws IOException {
    List<AbiEntry> entries = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      int index = entries.size();
      if (t != JsonToken.START_OBJECT) {
        throw fail("entry #" + index + " is not a JSON object");
      }
      entries.add(readEntry(p, index));
    }
    return entries;
  }

  private AbiEntry readEntry(JsonParser p, int index) throws IOException {
    String kind = null;
    String name = "";
    List<AbiParam> inputs = List.of();
    List<AbiParam> outputs = List.of();
    String mutability = null;
    Boolean constant = null;
    Boolean payable = null;
    boolean anonymous = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      String where = "entry #" + index + ", field \"" + field + "\"";
      switch (field) {
        case "type":
          kind = text(p, v, where);
          break;
        case "name":
          name = text(p, v, where);
          break;
        case "inputs":
          inputs = readParams(p, v, "entry #" + index + " inputs");
          break;
        case "outputs":
          outputs = readParams(p, v, "entry #" + index + " outputs");
          break;
        case "stateMutability":
          mutability = text(p, v, where);
          break;
        case "constant":
          constant = bool(v, where);
          break;
        case "payable":
          payable = bool(v, where);
          break;
        case "anonymous":
          anonymous = bool(v, where);
          break;
        default:
          p.skipChildren();
      }
    }
    if (kind == null) {
      kind = "function"; // the Solidity ABI spec: "type" may be omitted, defaulting to "function"
    }
    switch (kind) {
      case "function":
      case "event":
      case "error":
      case "constructor":
      case "fallback":
      case "receive":
        break;
      default:
        throw fail("entry #" + index + " has unknown type \"" + kind + "\"");
    }
    if (mutability == null) {
      if (Boolean.TRUE.equals(constant)) {
        mutability = "view";
      } else if (Boolean.TRUE.equals(payable)) {
        mutability = "payable";
      } else {
        mutability = "nonpayable";
      }
    }
    AbiEntry entry = new AbiEntry(index, kind, name, inputs, outputs, mutability, anonymous);
    if ((kind.equals("function") || kind.equals("event") || kind.equals("error"))
        && name.isEmpty()) {
      throw fail(entry.describe() + " has no name");
    }
    return entry;
  }

  private List<AbiParam> readParams(JsonParser p, JsonToken v, String where) throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (v != JsonToken.START_ARRAY) {
      throw fail(where + ": expected an array of parameters");
    }
    List<AbiParam> params = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      String at = where + "[" + params.size() + "]";
      if (t != JsonToken.START_OBJECT) {
        throw fail(at + ": expected a parameter object");
      }
      params.add(readParam(p, at));
    }
    return params;
  }

  private AbiParam readParam(JsonParser p, String where) throws IOException {
    String name = "";
    String type = null;
    String internalType = null;
    boolean indexed = false;
    List<AbiParam> components = List.of();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      String at = where + ", field \"" + field + "\"";
      switch (field) {
        case "name":
          name = v == JsonToken.VALUE_NULL ? "" : text(p, v, at);
          break;
        case "type":
          type = text(p, v, at);
          break;
        case "internalType":
          internalType = v == JsonToken.VALUE_NULL ? null : text(p, v, at);
          break;
        case "indexed":
          indexed = bool(v, at);
          break;
        case "components":
          components = readParams(p, v, where + ".components");
          break;
        default:
          p.skipChildren();
      }
    }
    if (type == null) {
      throw fail(where + " has no \"type\"");
    }
    return new AbiParam(name, type, internalType, indexed, components);
  }

  private String text(JsonParser p, JsonToken v, String where) throws IOException {
    if (v != JsonToken.VALUE_STRING) {
      throw fail(where + ": expected a string");
    }
    return p.getText();
  }

  private boolean bool(JsonToken v, String where) {
    if (v == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (v == JsonToken.VALUE_FALSE) {
      return false;
    }
    throw fail(where + ": expected true or false");
  }
}
