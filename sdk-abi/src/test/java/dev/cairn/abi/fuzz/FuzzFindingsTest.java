package dev.cairn.abi.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.abi.AbiException;
import dev.cairn.abi.ContractAbi;
import org.junit.jupiter.api.Test;

/** What fuzzing found in sdk-abi, each pinned with the exact refusal (docs/reliability.md). */
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

  /**
   * JsonAbiFuzzTest#parseJson, crash-d2a17e82...: an error named {@code ERC20'InsufficientBalance}
   * was accepted from JSON, but its human-readable form cannot be read back (and the quote would
   * end up in the signature, so in the selector). Names must be identifiers: refused now, naming
   * the field and the character.
   */
  @Test
  void nameThatIsNoIdentifierIsRefused() {
    String json = "[{\"type\":\"error\",\"name\":\"ERC20'Insufficient\",\"inputs\":[]}]";
    AbiException e = assertThrows(AbiException.class, () -> ContractAbi.parseJson(json));
    assertTrue(e.getMessage().startsWith("abi[0].name: not an identifier: character 6 is '''"), e.getMessage());
    assertEquals(json.indexOf("\"ERC20"), e.position());
    String param = "[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"a b\",\"type\":\"uint8\"}]}]";
    AbiException p = assertThrows(AbiException.class, () -> ContractAbi.parseJson(param));
    assertTrue(p.getMessage().startsWith("abi[0].inputs[0].name: not an identifier: character 2 is ' '"),
        p.getMessage());
    // parameter names the human-readable form would read as modifiers (found by trying the
    // keywords once the above was fixed)
    for (String keyword : new String[] {"indexed", "memory", "calldata", "storage"}) {
      AbiException k = assertThrows(AbiException.class, () -> ContractAbi.parseJson(param.replace("a b", keyword)));
      assertTrue(k.getMessage().startsWith("abi[0].inputs[0].name: '" + keyword + "' is a keyword"), k.getMessage());
    }
    // unnamed parameters, '$' and '_' stay fine
    ContractAbi.parseJson(param.replace("a b", "").replace("\"f\"", "\"$f_1\""));
  }

  /**
   * JsonAbiFuzzTest#parseJson, crash-e5366847... (4 December 2026): {@code "stateMutability":
   * "payable"} on an event was kept in the parsed entry, but toJson() writes no state mutability
   * for events or errors, so the ABI was not equal to its own round trip. Events and errors have
   * none: the key is ignored on them now, like any other key that does not apply.
   */
  @Test
  void stateMutabilityOnEventOrErrorIsIgnored() {
    for (String kind : new String[] {"event", "error"}) {
      for (String extra : new String[] {"\"stateMutability\":\"payable\"", "\"stateMutability\":\"view\"",
          "\"payable\":true", "\"constant\":true"}) {
        String json = "[{\"type\":\"" + kind + "\",\"name\":\"E\",\"inputs\":[]," + extra + "}]";
        ContractAbi abi = ContractAbi.parseJson(json);
        ContractAbi plain = ContractAbi.parseJson("[{\"type\":\"" + kind + "\",\"name\":\"E\",\"inputs\":[]}]");
        assertEquals(plain, abi, json);
        assertEquals(abi, ContractAbi.parseJson(abi.toJson()), json);
      }
    }
    // functions keep theirs
    ContractAbi f = ContractAbi.parseJson("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[],\"stateMutability\":\"view\"}]");
    assertEquals("view", f.functions().get(0).stateMutability());
    assertEquals(f, ContractAbi.parseJson(f.toJson()));
  }

  /**
   * JsonAbiFuzzTest#parseJson, crash-169f519f... (4 December 2026): {@code "inputs"} on a fallback
   * entry were kept, but toJson() writes none for fallback and receive (solc writes none either),
   * so the ABI was not equal to its own round trip. They are ignored there now, as outputs are on
   * anything but a function.
   */
  @Test
  void inputsOnFallbackOrReceiveAreIgnored() {
    for (String kind : new String[] {"fallback", "receive"}) {
      String json = "[{\"type\":\"" + kind + "\",\"stateMutability\":\"payable\","
          + "\"inputs\":[{\"name\":\"receiver\",\"type\":\"address\"}]}]";
      ContractAbi abi = ContractAbi.parseJson(json);
      ContractAbi plain = ContractAbi.parseJson("[{\"type\":\"" + kind + "\",\"stateMutability\":\"payable\"}]");
      assertEquals(plain, abi, json);
      assertEquals(abi, ContractAbi.parseJson(abi.toJson()), json);
    }
    // a constructor keeps its inputs
    ContractAbi c = ContractAbi.parseJson(
        "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"owner\",\"type\":\"address\"}]}]");
    assertEquals(1, c.constructor().orElseThrow().inputs().size());
    assertEquals(c, ContractAbi.parseJson(c.toJson()));
  }

  /**
   * JsonAbiFuzzTest#parseJson, crash-251d1056... (4 December 2026): a parameter named {@code 6alue}
   * was accepted from JSON, but the human-readable form cannot be read back (an identifier does not
   * start with a digit, as in Solidity). Refused now, naming the field; entry names likewise.
   */
  @Test
  void nameStartingWithADigitIsRefused() {
    String param = "[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"6alue\",\"type\":\"uint8\"}]}]";
    AbiException p = assertThrows(AbiException.class, () -> ContractAbi.parseJson(param));
    assertTrue(p.getMessage().startsWith("abi[0].inputs[0].name: not an identifier: starts with the digit '6'"),
        p.getMessage());
    assertEquals(param.indexOf("\"6alue"), p.position());
    AbiException e = assertThrows(AbiException.class, () -> ContractAbi.parseJson(param.replace("\"f\"", "\"1f\"")));
    assertTrue(e.getMessage().startsWith("abi[0].name: not an identifier: starts with the digit '1'"), e.getMessage());
    // digits after the first character stay fine, and such an ABI reads back from its human-readable form
    ContractAbi ok = ContractAbi.parseJson(param.replace("6alue", "value6"));
    assertEquals(ok.toHumanReadable(), ContractAbi.parseHumanReadable(ok.toHumanReadable()).toHumanReadable());
  }

  /**
   * JsonAbiFuzzTest#parseJson, crash-8a29aa51... (4 December 2026): an {@code address} parameter
   * named {@code payable} was accepted from JSON, but its human-readable form {@code address payable}
   * reads back as an unnamed {@code address payable}. {@code payable} is a Solidity keyword: refused
   * as a parameter name now, like {@code indexed} and the data locations.
   */
  @Test
  void parameterNamedPayableIsRefused() {
    String json = "[{\"type\":\"function\",\"name\":\"approve\",\"inputs\":[{\"name\":\"payable\",\"type\":\"address\"},"
        + "{\"name\":\"value\",\"type\":\"uint256\"}]}]";
    AbiException e = assertThrows(AbiException.class, () -> ContractAbi.parseJson(json));
    assertTrue(e.getMessage().startsWith("abi[0].inputs[0].name: 'payable' is a keyword"), e.getMessage());
    assertEquals(json.indexOf("\"payable\""), e.position());
    ContractAbi ok = ContractAbi.parseJson(json.replace("\"payable\"", "\"spender\""));
    assertEquals(ok.toHumanReadable(), ContractAbi.parseHumanReadable(ok.toHumanReadable()).toHumanReadable());
  }
}
