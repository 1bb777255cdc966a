package dev.cairn.abi.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.cairn.abi.AbiException;
import dev.cairn.abi.internal.FragmentSpec.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming reader of Solidity JSON ABIs (jackson-core only): a top-level array of entries, or a
 * compiler artifact object (Foundry, Hardhat, solc standard JSON contract output) whose {@code abi}
 * member is that array. Unknown keys are skipped; malformed entries are reported with the path of
 * the offending field, e.g. {@code abi[3].inputs[1].type: unknown type "uint7"}.
 */
public final class JsonAbiReader {
  /** Nesting limit of tuple components. */
  public static final int MAX_DEPTH = 64;

  // duplicate keys are detected for the members the reader uses, with a bit mask per object
  // (cheaper than jackson's STRICT_DUPLICATE_DETECTION, which allocates a set per object)
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private final JsonParser p;
  // the path of the value being read, rendered only for error messages
  private final String[] segNames = new String[MAX_DEPTH + 8];
  private final int[] segIndex = new int[MAX_DEPTH + 8];
  private int depth;

  private JsonAbiReader(JsonParser p) {
    this.p = p;
  }

  /** Reads all entries of a JSON ABI or compiler artifact. */
  public static List<FragmentSpec> read(String json) {
    if (json == null) {
      throw AbiErrors.parse("abi: JSON is null", 0);
    }
    try (JsonParser parser = FACTORY.createParser(json)) {
      return new JsonAbiReader(parser).readDocument();
    } catch (StreamConstraintsException e) {
      throw AbiErrors.parse("abi: " + e.getOriginalMessage(), offset(e.getLocation()));
    } catch (JsonParseException e) {
      throw AbiErrors.parse("abi: malformed JSON: " + e.getOriginalMessage(), offset(e.getLocation()));
    } catch (IOException e) {
      throw AbiErrors.parse("abi: unreadable JSON: " + e.getMessage(), -1);
    }
  }

  private static int offset(JsonLocation loc) {
    if (loc == null) {
      return -1;
    }
    long off = loc.getCharOffset();
    return off < 0 || off > Integer.MAX_VALUE ? -1 : (int) off;
  }

  private List<FragmentSpec> readDocument() throws IOException {
    JsonToken t = p.nextToken();
    List<FragmentSpec> out;
    if (t == JsonToken.START_ARRAY) {
      out = readEntries();
    } else if (t == JsonToken.START_OBJECT) {
      out = null;
      String field;
      while ((field = p.nextFieldName()) != null) {
        JsonToken v = p.nextToken();
        if (field.equals("abi") && v == JsonToken.START_ARRAY) {
          out = readEntries();
        } else if (field.equals("abi")) {
          throw fail("abi: expected an array");
        } else {
          p.skipChildren();
        }
      }
      if (out == null) {
        throw AbiErrors.parse("abi: the JSON object has no \"abi\" member", 0);
      }
    } else {
      throw fail("abi: expected a JSON array of ABI entries or an artifact object with \"abi\"");
    }
    if (p.nextToken() != null) {
      throw fail("abi: unexpected content after the ABI");
    }
    return out;
  }

  private List<FragmentSpec> readEntries() throws IOException {
    List<FragmentSpec> out = new ArrayList<>();
    push("abi", 0);
    int index = 0;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      segIndex[depth - 1] = index;
      if (t != JsonToken.START_OBJECT) {
        throw fail(path() + ": expected an object");
      }
      out.add(readEntry());
      index++;
    }
    depth--;
    return out;
  }

  private FragmentSpec readEntry() throws IOException {
    String type = null;
    String name = null;
    List<ParamSpec> inputs = null;
    List<ParamSpec> outputs = null;
    String stateMutability = null;
    boolean constant = false;
    boolean payable = false;
    boolean anonymous = false;
    int typeAt = -1;
    String field;
    int seen = 0;
    while ((field = p.nextFieldName()) != null) {
      JsonToken v = p.nextToken();
      switch (field) {
        case "type":
          seen = once(seen, 1, field);
          typeAt = offset(p.currentTokenLocation());
          type = string(v, field);
          break;
        case "name":
          seen = once(seen, 2, field);
          name = optString(v, field);
          break;
        case "inputs":
          seen = once(seen, 4, field);
          inputs = params(v, field, true);
          break;
        case "outputs":
          seen = once(seen, 8, field);
          outputs = params(v, field, false);
          break;
        case "stateMutability":
          seen = once(seen, 16, field);
          stateMutability = string(v, field);
          if (!isMutability(stateMutability)) {
            throw failField(
                field, "unknown state mutability \"" + stateMutability + "\"", p.currentTokenLocation());
          }
          break;
        case "constant":
          seen = once(seen, 32, field);
          constant = bool(v, field);
          break;
        case "payable":
          seen = once(seen, 64, field);
          payable = bool(v, field);
          break;
        case "anonymous":
          seen = once(seen, 128, field);
          anonymous = bool(v, field);
          break;
        default:
          p.skipChildren();
          break;
      }
    }
    // no "type": the ABI specification's default is a function
    Kind kind = type == null ? Kind.FUNCTION : Kind.fromJson(type);
    if (kind == null) {
      throw AbiErrors.parse(path() + ".type: unknown entry type \"" + type + "\"", typeAt);
    }
    if (kind == Kind.FUNCTION || kind == Kind.EVENT || kind == Kind.ERROR) {
      if (name == null || name.isEmpty()) {
        throw AbiErrors.parse(path() + ".name: missing for a " + kind.json(), -1);
      }
    } else {
      name = "";
    }
    if (stateMutability == null) {
      stateMutability =
          payable || kind == Kind.RECEIVE ? "payable" : constant ? "view" : "nonpayable";
    }
    if (inputs == null) {
      inputs = List.of();
    }
    if (kind != Kind.FUNCTION || outputs == null) {
      outputs = List.of();
    }
    if (kind != Kind.EVENT) {
      anonymous = false;
    }
    return new FragmentSpec(kind, name, inputs, outputs, stateMutability, anonymous);
  }

  private int once(int seen, int bit, String field) {
    if ((seen & bit) != 0) {
      throw failField(field, "duplicate key", p.currentTokenLocation());
    }
    return seen | bit;
  }

  private static boolean isMutability(String s) {
    switch (s) {
      case "pure":
      case "view":
      case "nonpayable":
      case "payable":
        return true;
      default:
        return false;
    }
  }

  private List<ParamSpec> params(JsonToken v, String field, boolean eventInputs)
      throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (v != JsonToken.START_ARRAY) {
      throw failField(field, "expected an array", p.currentTokenLocation());
    }
    if (depth >= segNames.length - 1) {
      throw failField(field, "components nested deeper than " + MAX_DEPTH, p.currentTokenLocation());
    }
    push(field, 0);
    List<ParamSpec> out = new ArrayList<>(4);
    int index = 0;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      segIndex[depth - 1] = index;
      if (t != JsonToken.START_OBJECT) {
        throw fail(path() + ": expected an object");
      }
      out.add(param(eventInputs));
      index++;
    }
    depth--;
    return out;
  }

  private ParamSpec param(boolean keepIndexed) throws IOException {
    String name = null;
    String type = null;
    String internalType = null;
    List<ParamSpec> components = null;
    boolean indexed = false;
    JsonLocation typeLoc = null;
    JsonLocation componentsLoc = null;
    String field;
    int seen = 0;
    while ((field = p.nextFieldName()) != null) {
      JsonToken v = p.nextToken();
      switch (field) {
        case "name":
          seen = once(seen, 1, field);
          name = optString(v, field);
          break;
        case "type":
          seen = once(seen, 2, field);
          typeLoc = p.currentTokenLocation();
          type = string(v, field);
          break;
        case "internalType":
          seen = once(seen, 4, field);
          internalType = optString(v, field);
          break;
        case "components":
          seen = once(seen, 8, field);
          componentsLoc = p.currentTokenLocation();
          if (depth >= MAX_DEPTH + 2) {
            throw failField(field, "components nested deeper than " + MAX_DEPTH, componentsLoc);
          }
          components = params(v, field, false);
          break;
        case "indexed":
          seen = once(seen, 16, field);
          indexed = bool(v, field);
          break;
        default:
          p.skipChildren();
          break;
      }
    }
    if (type == null) {
      throw AbiErrors.parse(path() + ".type: missing", -1);
    }
    String canonical = canonicalType(type, offset(typeLoc));
    if (canonical == null) {
      // a tuple type
      if (components == null) {
        throw AbiErrors.parse(
            path() + ".components: missing for the tuple type \"" + type + "\"", offset(typeLoc));
      }
      canonical = type;
    } else if (components != null) {
      throw AbiErrors.parse(
          path() + ".components: given for the non-tuple type \"" + type + "\"",
          offset(componentsLoc));
    }
    return new ParamSpec(name, canonical, components, internalType, keepIndexed && indexed);
  }

  /**
   * Validates a JSON type string and returns its canonical spelling; {@code null} for {@code
   * tuple...} (whose suffix has been validated).
   */
  private String canonicalType(String type, int at) {
    int bracket = type.indexOf('[');
    int baseEnd = bracket < 0 ? type.length() : bracket;
    // array suffix: ([digits?])*
    int i = baseEnd;
    while (i < type.length()) {
      if (type.charAt(i) != '[') {
        throw badType(type, at);
      }
      int j = i + 1;
      while (j < type.length() && type.charAt(j) >= '0' && type.charAt(j) <= '9') {
        j++;
      }
      if (j >= type.length() || type.charAt(j) != ']') {
        throw badType(type, at);
      }
      if (j > i + 1 && (type.charAt(i + 1) == '0' || j - i - 1 > 9)) {
        throw AbiErrors.invalidType(
            path() + ".type: bad array length in \"" + type + "\"", at);
      }
      i = j + 1;
    }
    if (baseEnd == 5 && type.startsWith("tuple")) {
      return null;
    }
    String base = ElementaryTypes.canonical(type, 0, baseEnd);
    if (base == null) {
      if (ElementaryTypes.isFixedPoint(type, 0, baseEnd)) {
        throw AbiErrors.unknownType(path() + ".type: ", type.substring(0, baseEnd), at);
      }
      throw AbiErrors.invalidType(path() + ".type: unknown type \"" + type + "\"", at);
    }
    if (base.length() == baseEnd) {
      return type; // already canonical (the usual case: no allocation)
    }
    return base + type.substring(baseEnd);
  }

  private AbiException badType(String type, int at) {
    return AbiErrors.invalidType(path() + ".type: malformed type \"" + type + "\"", at);
  }

  private String string(JsonToken v, String field) throws IOException {
    if (v != JsonToken.VALUE_STRING) {
      throw failField(field, "expected a string", p.currentTokenLocation());
    }
    return p.getText();
  }

  private String optString(JsonToken v, String field) throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      return null;
    }
    return string(v, field);
  }

  private boolean bool(JsonToken v, String field) throws IOException {
    if (v == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (v == JsonToken.VALUE_FALSE || v == JsonToken.VALUE_NULL) {
      return false;
    }
    throw failField(field, "expected a boolean", p.currentTokenLocation());
  }

  private void push(String name, int index) {
    segNames[depth] = name;
    segIndex[depth] = index;
    depth++;
  }

  private String path() {
    StringBuilder sb = new StringBuilder(32);
    for (int i = 0; i < depth; i++) {
      if (i > 0) {
        sb.append('.');
      }
      sb.append(segNames[i]).append('[').append(segIndex[i]).append(']');
    }
    return sb.toString();
  }

  private AbiException failField(String field, String problem, JsonLocation loc) {
    return AbiErrors.parse(path() + "." + field + ": " + problem, offset(loc));
  }

  private AbiException fail(String message) {
    return AbiErrors.parse(message, offset(p.currentTokenLocation()));
  }
}
