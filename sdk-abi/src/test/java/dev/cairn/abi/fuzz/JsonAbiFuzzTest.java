package dev.cairn.abi.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.abi.AbiException;
import dev.cairn.abi.ContractAbi;
import dev.cairn.abi.DecodedCall;
import dev.cairn.core.encoding.DecodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * JSON ABIs (solc/Foundry/Hardhat). Lenient by design (unknown keys ignored, artifact objects
 * accepted), so the canonical check is: toJson() of the parsed ABI parses to an equal ABI and
 * writes the same JSON again; its human-readable form round-trips too.
 */
class JsonAbiFuzzTest {

  @FuzzTest
  void parseJson(byte[] input) {
    String json = new String(input, StandardCharsets.UTF_8);
    ContractAbi abi;
    try {
      abi = ContractAbi.parseJson(json);
    } catch (AbiException expected) {
      return;
    }
    String out = abi.toJson();
    ContractAbi again = ContractAbi.parseJson(out);
    assertEquals(abi, again);
    assertEquals(out, again.toJson());
    ContractAbi human = ContractAbi.parseHumanReadable(abi.toHumanReadable());
    assertEquals(abi.toHumanReadable(), human.toHumanReadable());
    // the parsed ABI's selectors decode calldata of their own functions (all-zero arguments are
    // not always valid encodings, so only typed refusals are allowed)
    abi.functions().forEach(f -> {
      byte[] calldata = Arrays.copyOf(f.selector(), 4 + 32 * Math.min(8, f.inputs().size()));
      try {
        DecodedCall call = abi.decodeCall(calldata);
        assertEquals(f.selectorAsInt(), call.function().selectorAsInt());
      } catch (DecodingException | AbiException expected) {
        // refused with the typed exception
      }
    });
  }
}
