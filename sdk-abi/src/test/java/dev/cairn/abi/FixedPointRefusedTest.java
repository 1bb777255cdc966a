package dev.cairn.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** fixed/ufixed are refused as UNSUPPORTED on every entry path: type strings, fragments, JSON. */
class FixedPointRefusedTest {

  private static void assertUnsupported(AbiException e) {
    assertEquals(AbiException.Reason.UNSUPPORTED, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains("fixed"), e.getMessage());
  }

  @Test
  void typeStrings() {
    assertUnsupported(assertThrows(AbiException.class, () -> AbiTypes.parse("ufixed128x18")));
    assertUnsupported(assertThrows(AbiException.class, () -> AbiTypes.parse("(uint256,fixed)[]")));
  }

  @Test
  void humanReadableFragments() {
    assertUnsupported(assertThrows(AbiException.class,
        () -> ContractAbi.parseHumanReadable("function f(fixed128x18 a) returns (uint256)")));
    assertUnsupported(assertThrows(AbiException.class,
        () -> Event.parse("event E(ufixed x)")));
  }

  @Test
  void jsonAbi() {
    String json = "[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"a\","
        + "\"type\":\"ufixed128x18[]\"}],\"outputs\":[],\"stateMutability\":\"view\"}]";
    AbiException e = assertThrows(AbiException.class, () -> ContractAbi.parseJson(json));
    assertUnsupported(e);
    assertTrue(e.getMessage().contains("abi[0].inputs[0].type"), e.getMessage());
  }

  @Test
  void otherUnknownNamesStayInvalidType() {
    AbiException e = assertThrows(AbiException.class, () -> Event.parse("event E(fixedly x)"));
    assertEquals(AbiException.Reason.INVALID_TYPE, e.reason(), e.getMessage());
  }
}
