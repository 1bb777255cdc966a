package dev.cairn.svm.errors;

import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonArray;
import dev.cairn.core.json.JsonNumber;
import dev.cairn.core.json.JsonObject;
import dev.cairn.core.json.JsonValue;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A Solana {@code TransactionError} as the JSON-RPC API writes it ({@code err} of a signature
 * status, a transaction's {@code meta}, a simulation, or the {@code data} of a {@code -32002}
 * preflight failure), parsed into its parts. The forms:
 *
 * <ul>
 *   <li>a unit variant as a string: {@code "BlockhashNotFound"}, {@code "AlreadyProcessed"},
 *       {@code "InsufficientFundsForFee"}, ...;
 *   <li>{@code {"InstructionError":[index, inner]}} where {@code inner} is a string ({@code
 *       "ComputationalBudgetExceeded"}, {@code "ProgramFailedToComplete"}, ...), {@code
 *       {"Custom":n}} (a program's own error code) or {@code {"BorshIoError":"..."}};
 *   <li>{@code {"InsufficientFundsForRent":{"account_index":n}}}, {@code
 *       {"ProgramExecutionTemporarilyRestricted":{"account_index":n}}}, {@code
 *       {"DuplicateInstruction":n}}; any other single-member object is kept with its variant.
 * </ul>
 *
 * Immutable. {@link SvmErrors} maps it to the chain-neutral {@code ChainError}.
 *
 * <pre>{@code
 * TransactionError e = TransactionError.parse("{\"InstructionError\":[0,{\"Custom\":1}]}");
 * e.variant();            // "InstructionError"
 * e.instructionIndex();   // OptionalInt[0]
 * e.customCode();         // OptionalLong[1]
 * }</pre>
 */
public final class TransactionError {
  /** The variant of instruction errors. */
  public static final String INSTRUCTION_ERROR = "InstructionError";

  private final String variant;
  private final int instructionIndex;
  private final String instructionError;
  private final long customCode;
  private final boolean hasCustomCode;
  private final int accountIndex;
  private final String detail;
  private final String json;

  private TransactionError(String variant, int instructionIndex, String instructionError, long customCode,
      boolean hasCustomCode, int accountIndex, String detail, String json) {
    this.variant = variant;
    this.instructionIndex = instructionIndex;
    this.instructionError = instructionError;
    this.customCode = customCode;
    this.hasCustomCode = hasCustomCode;
    this.accountIndex = accountIndex;
    this.detail = detail;
    this.json = json;
  }

  /** A unit variant, e.g. {@code "BlockhashNotFound"}. */
  public static TransactionError of(String variant) {
    requireName("variant", variant);
    return new TransactionError(variant, -1, null, 0, false, -1, null, Json.quote(variant));
  }

  /** {@code {"InstructionError":[index,{"Custom":code}]}}: a program's own error code (u32). */
  public static TransactionError custom(int instructionIndex, long code) {
    checkIndex("instructionIndex", instructionIndex);
    if (code < 0 || code > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("code: must be a u32, got " + code);
    }
    return new TransactionError(INSTRUCTION_ERROR, instructionIndex, "Custom", code, true, -1, null,
        "{\"InstructionError\":[" + instructionIndex + ",{\"Custom\":" + code + "}]}");
  }

  /** {@code {"InstructionError":[index,"<variant>"]}}, e.g. {@code "ComputationalBudgetExceeded"}. */
  public static TransactionError instruction(int instructionIndex, String instructionVariant) {
    checkIndex("instructionIndex", instructionIndex);
    requireName("instructionVariant", instructionVariant);
    return new TransactionError(INSTRUCTION_ERROR, instructionIndex, instructionVariant, 0, false, -1, null,
        "{\"InstructionError\":[" + instructionIndex + "," + Json.quote(instructionVariant) + "]}");
  }

  /**
   * Parses the JSON text of an error.
   *
   * @throws DecodingException naming the offending member when it is not one of the forms
   */
  public static TransactionError parse(String json) {
    Objects.requireNonNull(json, "json");
    return of(Json.parse(json));
  }

  /**
   * Reads a parsed error value.
   *
   * @throws DecodingException naming the offending member when it is not one of the forms
   */
  public static TransactionError of(JsonValue v) {
    Objects.requireNonNull(v, "value");
    String text = Json.write(v);
    if (v.kind() == JsonValue.Kind.STRING) {
      String name = v.asString("err");
      checkName("err", v, name);
      return new TransactionError(name, -1, null, 0, false, -1, null, text);
    }
    JsonObject o = v.asObject("err");
    if (o.size() != 1) {
      throw new DecodingException("err", v.offset(), "expected a string or an object with one member, found " + o.size() + " members");
    }
    Map.Entry<String, JsonValue> e = o.members().entrySet().iterator().next();
    String name = e.getKey();
    JsonValue body = e.getValue();
    checkName("err", v, name);
    switch (name) {
      case INSTRUCTION_ERROR: {
        JsonArray a = body.asArray("err.InstructionError");
        if (a.size() != 2) {
          throw new DecodingException("err.InstructionError", body.offset(), "expected [index, error], found " + a.size() + " elements");
        }
        int index = index("err.InstructionError[0]", a.get(0));
        JsonValue inner = a.get(1);
        if (inner.kind() == JsonValue.Kind.STRING) {
          String iv = inner.asString("err.InstructionError[1]");
          checkName("err.InstructionError[1]", inner, iv);
          return new TransactionError(name, index, iv, 0, false, -1, null, text);
        }
        JsonObject io = inner.asObject("err.InstructionError[1]");
        if (io.size() != 1) {
          throw new DecodingException("err.InstructionError[1]", inner.offset(), "expected one member, found " + io.size());
        }
        Map.Entry<String, JsonValue> ie = io.members().entrySet().iterator().next();
        checkName("err.InstructionError[1]", inner, ie.getKey());
        if (ie.getKey().equals("Custom")) {
          JsonNumber n = ie.getValue().asNumber("err.InstructionError[1].Custom");
          long code;
          try {
            code = n.longValue();
          } catch (RuntimeException ex) {
            throw new DecodingException("err.InstructionError[1].Custom", ie.getValue().offset(), "not an integer: " + n.literal());
          }
          if (code < 0 || code > 0xFFFF_FFFFL) {
            throw new DecodingException("err.InstructionError[1].Custom", ie.getValue().offset(), "not a u32: " + code);
          }
          return new TransactionError(name, index, "Custom", code, true, -1, null, text);
        }
        String d = ie.getValue().kind() == JsonValue.Kind.STRING ? ie.getValue().asString("err.InstructionError[1]") : Json.write(ie.getValue());
        return new TransactionError(name, index, ie.getKey(), 0, false, -1, d, text);
      }
      case "InsufficientFundsForRent":
      case "ProgramExecutionTemporarilyRestricted": {
        JsonObject b = body.asObject("err." + name);
        JsonValue ai = b.get("account_index");
        if (ai == null) {
          throw new DecodingException("err." + name + ".account_index", body.offset(), "missing");
        }
        return new TransactionError(name, -1, null, 0, false, index("err." + name + ".account_index", ai), null, text);
      }
      case "DuplicateInstruction":
        return new TransactionError(name, index("err.DuplicateInstruction", body), null, 0, false, -1, null, text);
      default:
        return new TransactionError(name, -1, null, 0, false, -1, Json.write(body), text);
    }
  }

  private static int index(String field, JsonValue v) {
    JsonNumber n = v.asNumber(field);
    long l;
    try {
      l = n.longValue();
    } catch (RuntimeException ex) {
      throw new DecodingException(field, v.offset(), "not an integer: " + n.literal());
    }
    if (l < 0 || l > 255) {
      throw new DecodingException(field, v.offset(), "not an index 0..255: " + l);
    }
    return (int) l;
  }

  private static void checkName(String field, JsonValue at, String name) {
    if (!validName(name)) {
      throw new DecodingException(field, at.offset(), "not an error variant name: " + abbreviate(name));
    }
  }

  private static boolean validName(String name) {
    if (name == null || name.isEmpty() || name.length() > 64) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  private static String abbreviate(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "...";
  }

  private static void requireName(String field, String name) {
    Objects.requireNonNull(name, field);
    if (!validName(name)) {
      throw new IllegalArgumentException(field + ": not a variant name: " + abbreviate(name));
    }
  }

  private static void checkIndex(String field, int index) {
    if (index < 0 || index > 255) {
      throw new IllegalArgumentException(field + ": must be 0..255, got " + index);
    }
  }

  /** The variant, e.g. {@code "BlockhashNotFound"} or {@link #INSTRUCTION_ERROR}. */
  public String variant() {
    return variant;
  }

  /** Whether this is an {@code InstructionError}. */
  public boolean isInstructionError() {
    return variant.equals(INSTRUCTION_ERROR);
  }

  /** The failing instruction's index (InstructionError) or the duplicated one (DuplicateInstruction). */
  public OptionalInt instructionIndex() {
    return instructionIndex < 0 ? OptionalInt.empty() : OptionalInt.of(instructionIndex);
  }

  /** The instruction error's variant ({@code "Custom"}, {@code "ComputationalBudgetExceeded"}, ...), for InstructionError. */
  public Optional<String> instructionError() {
    return Optional.ofNullable(instructionError);
  }

  /** The program's error code of {@code {"Custom":n}}. */
  public OptionalLong customCode() {
    return hasCustomCode ? OptionalLong.of(customCode) : OptionalLong.empty();
  }

  /** The account index of InsufficientFundsForRent / ProgramExecutionTemporarilyRestricted. */
  public OptionalInt accountIndex() {
    return accountIndex < 0 ? OptionalInt.empty() : OptionalInt.of(accountIndex);
  }

  /** Any other payload (e.g. a BorshIoError's text), as text; empty when none. */
  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  /** The error's compact JSON text. */
  public String json() {
    return json;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransactionError && ((TransactionError) o).json.equals(json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return json;
  }
}
