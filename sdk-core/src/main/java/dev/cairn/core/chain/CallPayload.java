package dev.cairn.core.chain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What to send to a contract, in the form its VM takes:
 *
 * <ul>
 *   <li>EVM: ABI-encoded calldata (selector and arguments). Produce it with an ABI encoder from a
 *       function and its arguments; decode the result with a {@link ResultDecoder}.
 *   <li>SVM: one or more instructions with their accounts.
 *   <li>CosmWasm: the JSON execute or query message.
 * </ul>
 *
 * Immutable. The accessor for another family's form throws {@link ChainException} (INVALID_INPUT).
 */
public final class CallPayload {
  private final ChainFamily family;
  private final byte[] evmCalldata;
  private final List<SvmInstruction> svmInstructions;
  private final String cosmWasmJson;

  private CallPayload(ChainFamily family, byte[] evm, List<SvmInstruction> svm, String json) {
    this.family = family;
    this.evmCalldata = evm;
    this.svmInstructions = svm;
    this.cosmWasmJson = json;
  }

  /**
   * EVM calldata (may be empty: a plain call to the fallback/receive function).
   *
   * @throws ChainException (INVALID_INPUT) if null
   */
  public static CallPayload evm(byte[] calldata) {
    if (calldata == null) {
      throw Checks.invalid("payload.calldata: is null");
    }
    return new CallPayload(ChainFamily.EVM, calldata.clone(), null, null);
  }

  /**
   * Solana instructions, executed in order in one transaction.
   *
   * @throws ChainException (INVALID_INPUT) if the list is null, empty or contains null
   */
  public static CallPayload svm(List<SvmInstruction> instructions) {
    if (instructions == null || instructions.isEmpty()) {
      throw Checks.invalid("payload.instructions: is null or empty");
    }
    List<SvmInstruction> copy = new ArrayList<>(instructions.size());
    for (int i = 0; i < instructions.size(); i++) {
      if (instructions.get(i) == null) {
        throw Checks.invalid("payload.instructions[" + i + "]: is null");
      }
      copy.add(instructions.get(i));
    }
    return new CallPayload(ChainFamily.SVM, null, Collections.unmodifiableList(copy), null);
  }

  /**
   * A CosmWasm execute or query message. Only the outer shape is checked here (a JSON object:
   * first non-blank character {@code '{'}, last {@code '}'}); the contract validates the rest.
   *
   * @throws ChainException (INVALID_INPUT) naming {@code payload.msg}
   */
  public static CallPayload cosmWasm(String jsonMessage) {
    if (jsonMessage == null) {
      throw Checks.invalid("payload.msg: is null");
    }
    String t = jsonMessage.trim();
    if (t.length() < 2 || t.charAt(0) != '{' || t.charAt(t.length() - 1) != '}') {
      throw Checks.invalid("payload.msg: is not a JSON object");
    }
    return new CallPayload(ChainFamily.COSMOS, null, null, jsonMessage);
  }

  /** The VM family this payload is for. */
  public ChainFamily family() {
    return family;
  }

  /** A copy of the EVM calldata. */
  public byte[] evmCalldata() {
    require(ChainFamily.EVM);
    return evmCalldata.clone();
  }

  /** The Solana instructions (unmodifiable). */
  public List<SvmInstruction> svmInstructions() {
    require(ChainFamily.SVM);
    return svmInstructions;
  }

  /** The CosmWasm JSON message. */
  public String cosmWasmJson() {
    require(ChainFamily.COSMOS);
    return cosmWasmJson;
  }

  /** The CosmWasm JSON message as UTF-8 bytes. */
  public byte[] cosmWasmJsonUtf8() {
    require(ChainFamily.COSMOS);
    return cosmWasmJson.getBytes(StandardCharsets.UTF_8);
  }

  private void require(ChainFamily wanted) {
    if (family != wanted) {
      throw Checks.invalid("payload: is a " + family + " payload, not " + wanted);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CallPayload)) {
      return false;
    }
    CallPayload p = (CallPayload) o;
    return family == p.family && Arrays.equals(evmCalldata, p.evmCalldata)
        && Objects.equals(svmInstructions, p.svmInstructions) && Objects.equals(cosmWasmJson, p.cosmWasmJson);
  }

  @Override
  public int hashCode() {
    return Objects.hash(family, svmInstructions, cosmWasmJson) * 31 + Arrays.hashCode(evmCalldata);
  }

  @Override
  public String toString() {
    switch (family) {
      case EVM: return "CallPayload{EVM, calldata=" + evmCalldata.length + " bytes}";
      case SVM: return "CallPayload{SVM, " + svmInstructions + "}";
      default: return "CallPayload{COSMOS, " + cosmWasmJson.length() + " chars}";
    }
  }
}
