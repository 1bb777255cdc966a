package dev.cairn.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.abi.type.ArrayType;
import dev.cairn.abi.type.IntType;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeParserTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "uint|uint256",
        "int|int256",
        "uint8|uint8",
        "int256|int256",
        "bytes1|bytes1",
        "bytes32|bytes32",
        "bytes|bytes",
        "string|string",
        "function|function",
        "address[]|address[]",
        "bool[2][]|bool[2][]",
        "tuple(uint256,bool)|(uint256,bool)",
        "tuple(uint,tuple(int)[])[3]|(uint256,(int256)[])[3]",
        "()|()",
        "(uint256,())|(uint256,())",
        "((((string))))[][4]|((((string))))[][4]"
      })
  void canonicalForms(String in, String canonical) {
    assertEquals(canonical, AbiTypes.parse(in).canonicalType());
    assertEquals(AbiTypes.parse(canonical), AbiTypes.parse(in));
  }

  @Test
  void parsedTypesAreCached() {
    assertSame(AbiTypes.parse("(uint256,address[],bytes)"), AbiTypes.parse("(uint256,address[],bytes)"));
    assertSame(AbiTypes.parse("uint256"), AbiTypes.parse("uint"));
  }

  @Test
  void valueClassesAndShape() {
    assertEquals(Long.class, AbiTypes.parse("uint56").valueClass());
    assertEquals(BigInteger.class, AbiTypes.parse("uint64").valueClass());
    assertEquals(Long.class, AbiTypes.parse("int64").valueClass());
    assertEquals(BigInteger.class, AbiTypes.parse("int72").valueClass());
    assertEquals(List.class, AbiTypes.parse("uint8[]").valueClass());
    assertEquals(Tuple.class, AbiTypes.parse("(bool)").valueClass());
    assertEquals(64, AbiTypes.parse("uint256[2]").headLength());
    assertEquals(32, AbiTypes.parse("uint256[]").headLength());
    assertEquals(96, AbiTypes.parse("(address,(bool,bytes32))").headLength());
    assertTrue(AbiTypes.parse("(uint8,string[2])").isDynamic());
    assertFalse(AbiTypes.parse("(uint8,bytes7[2])").isDynamic());
    IntType<?> i = (IntType<?>) AbiTypes.parse("int24");
    assertEquals(24, i.bits());
    assertTrue(i.isSigned());
    assertEquals(3, ((ArrayType) AbiTypes.parse("bool[3]")).length());
    TupleType t = AbiTypes.tuple("address", "uint256");
    assertEquals("(address,uint256)", t.canonicalType());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|0",
        "uint7|0",
        "uint264|0",
        "uint08|4",
        "int0|0",
        "bytes0|0",
        "bytes33|0",
        "bytes01|5",
        "foo|0",
        "Uint256|0",
        "'uint256 '|7",
        "' uint256'|0",
        "uint256[|8",
        "uint256[01]|8",
        "uint256[a]|8",
        "uint256]|7",
        "(uint256,bool|13",
        "(uint256,)|9",
        "(,uint256)|1",
        "(uint256 bool)|8",
        "tuple|0",
        "address8|7",
        "string[2|8",
        "uint256[99999999]|8"
      })
  void malformedTypeStringsHavePositions(String in, int position) {
    AbiException e = assertThrows(AbiException.class, () -> AbiTypes.parse(in));
    assertEquals(AbiException.Reason.PARSE, e.reason(), e.getMessage());
    assertEquals(position, e.position(), e.getMessage());
    assertTrue(e.getMessage().contains("position " + position), e.getMessage());
  }

  @Test
  void fixedPointIsUnsupported() {
    for (String s : new String[] {"fixed128x18", "ufixed", "(uint256,fixed)", "ufixed256x80[]"}) {
      AbiException e = assertThrows(AbiException.class, () -> AbiTypes.parse(s));
      assertEquals(AbiException.Reason.UNSUPPORTED, e.reason());
      assertTrue(e.getMessage().contains("fixed"), e.getMessage());
      assertEquals(s.indexOf('f') == 0 || s.startsWith("u") ? 0 : 9, e.position());
    }
  }

  @Test
  void limits() {
    // zero-length arrays, empty-tuple elements, oversized arrays and static sizes
    for (String s : new String[] {"uint256[0]", "()[]", "(())[2]", "uint256[1000001]", "uint256[1000000][1000]"}) {
      AbiException e = assertThrows(AbiException.class, () -> AbiTypes.parse(s), s);
      assertEquals(AbiException.Reason.INVALID_TYPE, e.reason(), s);
      assertTrue(e.position() >= 0, s);
    }
    AbiTypes.parse("uint256[1000000]");
  }

  @Test
  void nestingDepthIsBounded() {
    String ok = "(".repeat(64) + "uint256" + ")".repeat(64);
    AbiTypes.parse(ok);
    AbiTypes.parse("uint256" + "[]".repeat(64));
    String deep = "(".repeat(65) + "uint256" + ")".repeat(65);
    AbiException e = assertThrows(AbiException.class, () -> AbiTypes.parse(deep));
    assertEquals(AbiException.Reason.PARSE, e.reason());
    assertEquals(65, e.position());
    assertThrows(AbiException.class, () -> AbiTypes.parse("uint256" + "[]".repeat(65)));
    assertThrows(AbiException.class, () -> AbiTypes.parse("(".repeat(40) + "uint8" + "[2]".repeat(40) + ")".repeat(40)));
    // a hostile string: no stack overflow, a PARSE error
    AbiException h = assertThrows(AbiException.class, () -> AbiTypes.parse("(".repeat(1_000_000)));
    assertEquals(AbiException.Reason.PARSE, h.reason());
    AbiException h2 = assertThrows(AbiException.class, () -> AbiTypes.parse("uint8" + "[]".repeat(500_000)));
    assertEquals(AbiException.Reason.PARSE, h2.reason());
  }

  @Test
  void tupleOnlyHelpers() {
    assertThrows(AbiException.class, () -> AbiTypes.parseTuple("uint256"));
    assertEquals(2, AbiTypes.parseTuple("(uint256,bool)").size());
    assertThrows(AbiException.class, () -> AbiTypes.parse(null));
  }
}
