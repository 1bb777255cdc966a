package dev.cairn.abi.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.abi.AbiException;
import dev.cairn.abi.ContractAbi;
import org.junit.jupiter.api.Test;

/** What fuzzing found in sdk-abi, each pinned with the exact refusal (docs/fuzzing-notes.md). */
class FuzzFindingsTest {

  /**
   * JsonAbiFuzzTest#parseJson, crash-7d38c742...: {@code "indexed": true} on a function input was
   * kept, but toJson() drops it, so the ABI did not survive its own round trip. Only event
   * parameters can be indexed: it is refused now, naming the field.
   */
  @Test
  void indexedFunctionInputIsRefused() {
    String json = "[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"a\",\"type\":\"uint256\"},"
        + "{\"name\":\"b\",\"type\":\"address\",\"indexed\":true}],\"outputs\":[]}]";
    AbiException e = assertThrows(AbiException.class, () -> ContractAbi.parseJson(json));
    assertEquals(AbiException.Reason.PARSE, e.reason());
    assertTrue(e.getMessage().startsWith("abi[0].inputs[1].indexed: only event parameters can be indexed"),
        e.getMessage());
    assertEquals(json.indexOf("true"), e.position());
    // an error's inputs neither; an event's may be; false is accepted everywhere
    assertThrows(AbiException.class, () -> ContractAbi.parseJson(json.replace("function", "error")));
    assertEquals(1, ContractAbi.parseJson(json.replace("\"function\"", "\"event\"")).events().get(0).indexedCount());
    ContractAbi.parseJson(json.replace("true", "false"));
  }
}
