package dev.cairn.abi.internal;

import dev.cairn.abi.AbiException;
import dev.cairn.abi.internal.FragmentSpec.Kind;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonArray;
import dev.cairn.core.json.JsonLimits;
import dev.cairn.core.json.JsonObject;
import dev.cairn.core.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reader of Solidity JSON ABIs over sdk-core's strict JSON parser: a top-level array of entries, or
 * a compiler artifact object (Foundry, Hardhat, solc standard JSON contract output) whose {@code
 * abi} member is that array. Unknown keys are ignored; duplicate keys anywhere are rejected;
 * malformed entries are reported with the path of the offending field, e.g. {@code
 * abi[3].inputs[1].type: unknown type "uint7"}, and the character offset of its value.
 */
public final class JsonAbiReader {
  /** Nesting limit of tuple components. */
  public static final int MAX_DEPTH = 64;

  /**
   * JSON limits: the defaults, with room for the ASTs of compiler artifacts (whose nesting is not
   * the ABI's; the components limit above is checked by the reader itself).
   */
  private static final JsonLimits LIMITS = JsonLimits.defaults().withMaxDepth(512);

  // the path of the value being read, rendered only for error messages
  private final String[] segNames = new String[MAX_DEPTH + 8];
  private final int[] segIndex = new int[MAX_DEPTH + 8];
  private int depth;

  private JsonAbiReader() {}

  /** Reads all entries of a JSON ABI or compiler artifact. */
  public static List<FragmentSpec> read(String json) {
    if (json == null) {
      throw AbiErrors.parse("abi: JSON is null", 0);
    }
    JsonValue root;
    try {
      root = Json.parse(json, LIMITS);
    } catch (DecodingException e) {
      throw translate(json, e);
    }
    return new JsonAbiReader().readDocument(root);
  }

  /** A JSON syntax error as a PARSE error naming the ABI path ("abi[0].name") and the offset. */
  private static AbiException translate(String json, DecodingException e) {
    String field = e.field();
    long off = e.offset();
    String prefix = field + (off >= 0 ? " at offset " + off : "") + ": ";
    String msg = e.getMessage();
    String problem = msg.startsWith(prefix) ? msg.substring(prefix.length()) : msg;
    int position = off > Integer.MAX_VALUE ? -1 : (int) off;
    if (problem.startsWith("trailing content")) {
      return AbiErrors.parse("abi: unexpected content after the ABI: " + problem, position);
    }
    // the JSON pointer (json/abi/0/name or json/0/name) in the reader's notation (abi[0].name)
    StringBuilder path = new StringBuilder(32);
    int i = 0;
    while (i < json.length() && json.charAt(i) <= ' ') {
      i++;
    }
    if (i < json.length() && json.charAt(i) == '[') {
      path.append("abi");
    }
    String pointer = field.startsWith("json") ? field.substring(4) : "";
    for (String token : pointer.split("/", -1)) {
      if (token.isEmpty()) {
        continue;
      }
      boolean index = true;
      for (int k = 0; k < token.length(); k++) {
        if (token.charAt(k) < '0' || token.charAt(k) > '9') {
          index = false;
          break;
        }
      }
      if (index) {
        path.append('[').append(token).append(']');
      } else {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(token.replace("~1", "/").replace("~0", "~"));
      }
    }
    String where = path.length() == 0 ? "abi" : path.toString();
    if (problem.startsWith("duplicate key")) {
      return AbiErrors.parse(where + ": " + problem, position);
    }
    return AbiErrors.parse(
        (where.startsWith("abi") ? where : "abi: " + where) + ": malformed JSON: " + problem,
        position);
  }

  private List<FragmentSpec> readDocument(JsonValue root) {
    if (root instanceof JsonArray entries) {
      return readEntries(entries);
    }
    if (root instanceof JsonObject artifact) {
      JsonValue abi = artifact.get("abi");
      if (abi == null) {
        throw AbiErrors.parse("abi: the JSON object has no \"abi\" member", 0);
      }
      if (!(abi instanceof JsonArray entries)) {
        throw AbiErrors.parse("abi: expected an array", abi.offset());
      }
      return readEntries(entries);
    }
    throw AbiErrors.parse(
        "abi: expected a JSON array of ABI entries or an artifact object with \"abi\"",
        root.offset());
  }

  private List<FragmentSpec> readEntries(JsonArray entries) {
    List<FragmentSpec> out = new ArrayList<>(entries.size());
    push("abi", 0);
    for (int index = 0; index < entries.size(); index++) {
      segIndex[depth - 1] = index;
      JsonValue e = entries.get(index);
      if (!(e instanceof JsonObject entry)) {
        throw AbiErrors.parse(path() + ": expected an object", e.offset());
      }
      out.add(readEntry(entry));
    }
    depth--;
    return out;
  }

  private FragmentSpec readEntry(JsonObject entry) {
    String type = null;
    String name = null;
    List<ParamSpec> inputs = null;
    List<ParamSpec> outputs = null;
    String stateMutability = null;
    boolean constant = false;
    boolean payable = false;
    boolean anonymous = false;
    int typeAt = -1;
    JsonValue inputsValue = null;
    for (Map.Entry<String, JsonValue> m : entry.members().entrySet()) {
      String field = m.getKey();
      JsonValue v = m.getValue();
      switch (field) {
        case "type":
          typeAt = v.offset();
          type = string(v, field);
          break;
        case "name":
          name = optString(v, field);
          checkIdentifier(name, field, v);
          break;
        case "inputs":
          inputsValue = v;
          inputs = params(v, field, true);
          break;
        case "outputs":
          outputs = params(v, field, false);
          break;
        case "stateMutability":
          stateMutability = string(v, field);
          if (!isMutability(stateMutability)) {
            throw failField(field, "unknown state mutability \"" + stateMutability + "\"", v);
          }
          break;
        case "constant":
          constant = bool(v, field);
          break;
        case "payable":
          payable = bool(v, field);
          break;
        case "anonymous":
          anonymous = bool(v, field);
          break;
        default:
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
    if (kind == Kind.EVENT || kind == Kind.ERROR) {
      // events and errors have no state mutability: solc writes none and toJson() writes none, so
      // a stray "stateMutability" (or "payable"/"constant") on one is ignored like any unknown key
      stateMutability = "nonpayable";
    } else if (stateMutability == null) {
      stateMutability =
          payable || kind == Kind.RECEIVE ? "payable" : constant ? "view" : "nonpayable";
    }
    if (inputs == null || kind == Kind.FALLBACK || kind == Kind.RECEIVE) {
      // a fallback or receive function has no inputs in the JSON ABI (solc writes none, even for
      // fallback(bytes calldata)), and toJson() writes none: ignored there like outputs elsewhere
      inputs = List.of();
    }
    if (kind != Kind.EVENT) {
      // inputs are read before the entry's type may be known: an indexed flag only means
      // something on an event, and one that is kept elsewhere would not survive toJson()
      for (int i = 0; i < inputs.size(); i++) {
        if (inputs.get(i).indexed()) {
          JsonValue flag = ((JsonObject) ((JsonArray) inputsValue).get(i)).members().get("indexed");
          throw AbiErrors.parse(path() + ".inputs[" + i + "].indexed: only event parameters can be indexed, not "
              + kind.json() + " parameters", flag.offset());
        }
      }
    }
    if (kind != Kind.FUNCTION || outputs == null) {
      outputs = List.of();
    }
    if (kind != Kind.EVENT) {
      anonymous = false;
    }
    return new FragmentSpec(kind, name, inputs, outputs, stateMutability, anonymous);
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

  private List<ParamSpec> params(JsonValue v, String field, boolean eventInputs) {
    if (v.isNull()) {
      return List.of();
    }
    if (!(v instanceof JsonArray array)) {
      throw failField(field, "expected an array", v);
    }
    if (depth >= segNames.length - 1) {
      throw failField(field, "components nested deeper than " + MAX_DEPTH, v);
    }
    push(field, 0);
    List<ParamSpec> out = new ArrayList<>(array.size());
    for (int index = 0; index < array.size(); index++) {
      segIndex[depth - 1] = index;
      JsonValue p = array.get(index);
      if (!(p instanceof JsonObject param)) {
        throw AbiErrors.parse(path() + ": expected an object", p.offset());
      }
      out.add(param(param, eventInputs));
    }
    depth--;
    return out;
  }

  // "payable" follows "address" in the human-readable form ("address payable"), found by fuzzing
  private static final java.util.Set<String> PARAM_KEYWORDS = java.util.Set.of("indexed", "memory", "calldata",
      "storage", "payable");

  /**
   * Names become part of signatures (and so of selectors and topics) and of the human-readable
   * form: they must be identifiers as the fragment parser reads them ({@code [A-Za-z0-9_$]}, not
   * starting with a digit).
   */
  private void checkIdentifier(String name, String field, JsonValue v) {
    if (name == null) {
      return;
    }
    if (!name.isEmpty() && name.charAt(0) >= '0' && name.charAt(0) <= '9') {
      throw failField(field, "not an identifier: starts with the digit '" + name.charAt(0) + "'", v);
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$')) {
        throw failField(field, "not an identifier: character " + (i + 1) + " is "
            + (c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c)), v);
      }
    }
  }

  private ParamSpec param(JsonObject param, boolean keepIndexed) {
    String name = null;
    String type = null;
    String internalType = null;
    List<ParamSpec> components = null;
    boolean indexed = false;
    int typeAt = -1;
    int componentsAt = -1;
    for (Map.Entry<String, JsonValue> m : param.members().entrySet()) {
      String field = m.getKey();
      JsonValue v = m.getValue();
      switch (field) {
        case "name":
          name = optString(v, field);
          checkIdentifier(name, field, v);
          if (name != null && PARAM_KEYWORDS.contains(name)) {
            // Solidity keywords that the human-readable form reads as modifiers, not as a name
            throw failField(field, "'" + name + "' is a keyword, not a parameter name", v);
          }
          break;
        case "type":
          typeAt = v.offset();
          type = string(v, field);
          break;
        case "internalType":
          internalType = optString(v, field);
          break;
        case "components":
          componentsAt = v.offset();
          if (depth >= MAX_DEPTH + 2) {
            throw failField(field, "components nested deeper than " + MAX_DEPTH, v);
          }
          components = params(v, field, false);
          break;
        case "indexed":
          indexed = bool(v, field);
          break;
        default:
          break;
      }
    }
    if (type == null) {
      throw AbiErrors.parse(path() + ".type: missing", -1);
    }
    String canonical = canonicalType(type, typeAt);
    if (canonical == null) {
      // a tuple type
      if (components == null) {
        throw AbiErrors.parse(
            path() + ".components: missing for the tuple type \"" + type + "\"", typeAt);
      }
      canonical = type;
    } else if (components != null) {
      throw AbiErrors.parse(
          path() + ".components: given for the non-tuple type \"" + type + "\"", componentsAt);
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

  private String string(JsonValue v, String field) {
    if (!(v instanceof dev.cairn.core.json.JsonString s)) {
      throw failField(field, "expected a string", v);
    }
    return s.value();
  }

  private String optString(JsonValue v, String field) {
    return v.isNull() ? null : string(v, field);
  }

  private boolean bool(JsonValue v, String field) {
    if (v instanceof dev.cairn.core.json.JsonBoolean b) {
      return b.value();
    }
    if (v.isNull()) {
      return false;
    }
    throw failField(field, "expected a boolean", v);
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

  private AbiException failField(String field, String problem, JsonValue at) {
    return AbiErrors.parse(path() + "." + field + ": " + problem, at.offset());
  }
}
