package dev.cairn.abi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.abi.AbiException;
import dev.cairn.abi.internal.FragmentSpec.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FragmentParserTest {

  @Test
  void functionWithNamesMutabilityAndReturns() {
    FragmentSpec f = FragmentParser.parse("function balanceOf(address owner) view returns (uint256)");
    assertEquals(Kind.FUNCTION, f.kind());
    assertEquals("balanceOf", f.name());
    assertEquals("view", f.stateMutability());
    assertEquals(List.of(new ParamSpec("owner", "address", null, null, false)), f.inputs());
    assertEquals(List.of(new ParamSpec("", "uint256", null, null, false)), f.outputs());
    assertEquals("balanceOf(address)", f.signature());
  }

  @Test
  void canonicalSignatureIsAFunction() {
    FragmentSpec f = FragmentParser.parse("transfer(address,uint256)");
    assertEquals(Kind.FUNCTION, f.kind());
    assertEquals("transfer(address,uint256)", f.signature());
    assertEquals("nonpayable", f.stateMutability());
    assertTrue(f.outputs().isEmpty());
  }

  @Test
  void eventWithIndexedAndAnonymous() {
    FragmentSpec e =
        FragmentParser.parse(
            "event Transfer(address indexed from, address indexed to, uint256 value) anonymous");
    assertEquals(Kind.EVENT, e.kind());
    assertTrue(e.anonymous());
    assertTrue(e.inputs().get(0).indexed());
    assertTrue(e.inputs().get(1).indexed());
    assertFalse(e.inputs().get(2).indexed());
    assertEquals("value", e.inputs().get(2).name());
    assertEquals("Transfer(address,address,uint256)", e.signature());
  }

  @Test
  void errorFragment() {
    FragmentSpec e =
        FragmentParser.parse("error InsufficientBalance(uint256 available, uint256 required)");
    assertEquals(Kind.ERROR, e.kind());
    assertEquals("InsufficientBalance(uint256,uint256)", e.signature());
  }

  @Test
  void tuplesNestedArraysAndTupleKeyword() {
    FragmentSpec f =
        FragmentParser.parse(
            "function f((uint256 a, (bool b, string c)[] d) s, tuple(address x, bytes32[2] y)[] t)"
                + " external pure returns (tuple(uint8 q) r)");
    assertEquals("f((uint256,(bool,string)[]),(address,bytes32[2])[])", f.signature());
    ParamSpec s = f.inputs().get(0);
    assertEquals("s", s.name());
    assertEquals("tuple", s.type());
    assertEquals("d", s.components().get(1).name());
    assertEquals("tuple[]", s.components().get(1).type());
    assertEquals("c", s.components().get(1).components().get(1).name());
    assertEquals("tuple[]", f.inputs().get(1).type());
    assertEquals("pure", f.stateMutability());
    assertEquals("(uint8)", f.outputs().get(0).canonicalType());
  }

  @Test
  void dataLocationsAreIgnoredAndAliasesCanonicalised() {
    FragmentSpec f =
        FragmentParser.parse(
            "function g(string calldata s, uint[] memory xs, int storage i, address payable to)"
                + " public payable returns (bytes memory out)");
    assertEquals("g(string,uint256[],int256,address)", f.signature());
    assertEquals("payable", f.stateMutability());
    assertEquals("out", f.outputs().get(0).name());
    assertEquals("to", f.inputs().get(3).name());
  }

  @Test
  void specialFragments() {
    FragmentSpec c = FragmentParser.parse("constructor(address token, uint8 initial) payable");
    assertEquals(Kind.CONSTRUCTOR, c.kind());
    assertEquals("payable", c.stateMutability());
    assertEquals(2, c.inputs().size());
    assertEquals("nonpayable", FragmentParser.parse("constructor()").stateMutability());
    FragmentSpec fb = FragmentParser.parse("fallback() external payable");
    assertEquals(Kind.FALLBACK, fb.kind());
    assertEquals("payable", fb.stateMutability());
    assertEquals("nonpayable", FragmentParser.parse("fallback() external").stateMutability());
    assertEquals(
        Kind.FALLBACK,
        FragmentParser.parse("fallback(bytes calldata input) external returns (bytes memory)")
            .kind());
    FragmentSpec r = FragmentParser.parse("receive() external payable");
    assertEquals(Kind.RECEIVE, r.kind());
    assertEquals("payable", r.stateMutability());
  }

  @Test
  void whitespaceIsFlexible() {
    FragmentSpec f =
        FragmentParser.parse("  function  f ( uint256 [ ] \n a ,( bool ) [ 3 ] b )\tview  ");
    assertEquals("f(uint256[],(bool)[3])", f.signature());
  }

  @Test
  void expectedKindAllowsOmittingTheKeyword() {
    FragmentSpec e = FragmentParser.parse("Transfer(address indexed a, uint256 b)", Kind.EVENT);
    assertEquals(Kind.EVENT, e.kind());
    assertTrue(e.inputs().get(0).indexed());
    assertEquals(Kind.ERROR, FragmentParser.parse("error E()", Kind.ERROR).kind());
  }

  @Test
  void parameterLists() {
    assertEquals(List.of(), FragmentParser.parseParams("  "));
    List<ParamSpec> ps = FragmentParser.parseParams("uint256 a, (bool b, string c)[] d");
    assertEquals("(bool,string)[]", ps.get(1).canonicalType());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "function f(uint7 a)|11|unknown type \"uint7\"",
        "function f(uint256 a|20|expected ',' or ')'",
        "function f(uint256[01] a)|19|leading zeros",
        "function f(uint256 a b)|21|after the parameter name",
        "function f(uint256 indexed a)|19|only allowed on event",
        "event E(uint256 indexed indexed a)|24|'indexed' twice",
        "function f() view pure|18|a second state mutability",
        "function f() returns (uint256) view|31|after the return values",
        "function f() sometimes|13|unexpected 'sometimes'",
        "event E() view|10|unexpected 'view'",
        "receive() external view|7|must be payable",
        "receive(uint256 a) external payable|7|takes no parameters",
        "fallback(uint256 a) external|8|single bytes",
        "constructor() view|11|payable or nonpayable",
        "function 9f()|9|not a valid name",
        "function f(uint256 2a)|19|not a valid parameter name",
        "''|0|empty fragment",
        "function f(,)|11|expected a type",
        "function f(uint256[)|19|expected ']'",
        "function f() x|13|unexpected 'x'",
        "function f()) |12|unexpected ')'",
        "function f(bytes33)|11|unknown type",
        "function f(fixed128x18)|11|unknown type",
        "function f(tuple[] a)|11|unknown type \"tuple\"",
        "function f(uint256[1234567890])|19|too large",
        "function|8|expected a name",
      })
  void errorsCarryThePosition(String fragment, int position, String text) {
    AbiException e = assertThrows(AbiException.class, () -> FragmentParser.parse(fragment));
    assertEquals(position, e.position(), e.getMessage());
    assertTrue(e.getMessage().contains(text), e.getMessage());
  }

  @Test
  void unknownTypeIsInvalidType() {
    AbiException e = assertThrows(AbiException.class, () -> FragmentParser.parse("f(uint7)"));
    assertEquals(AbiException.Reason.INVALID_TYPE, e.reason());
    AbiException p = assertThrows(AbiException.class, () -> FragmentParser.parse("f(uint8"));
    assertEquals(AbiException.Reason.PARSE, p.reason());
  }

  @Test
  void deepNestingIsRejected() {
    String deep = "f(" + "(".repeat(200) + "uint8" + ")".repeat(200) + ")";
    AbiException e = assertThrows(AbiException.class, () -> FragmentParser.parse(deep));
    assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
    String arrays = "f(uint8" + "[]".repeat(200) + ")";
    assertThrows(AbiException.class, () -> FragmentParser.parse(arrays));
  }

  @Test
  void nullIsRejected() {
    assertThrows(AbiException.class, () -> FragmentParser.parse(null));
  }

  @Test
  void formatterRoundTrips() {
    String[] fragments = {
      "function balanceOf(address owner) view returns (uint256)",
      "event Transfer(address indexed from, address indexed to, uint256 value)",
      "event Raw(bytes indexed blob, uint8 small) anonymous",
      "error InsufficientBalance(uint256 available, uint256 required)",
      "constructor(address token, uint8 initial) payable",
      "fallback() external payable",
      "receive() external payable",
      "function f((uint256 a, (bool b, string c)[] d)[2] s) pure returns ((bool, bytes) r)",
    };
    for (String s : fragments) {
      FragmentSpec f = FragmentParser.parse(s);
      assertEquals(s, FragmentFormatter.format(f));
      assertEquals(f, FragmentParser.parse(FragmentFormatter.format(f)));
    }
  }
}
