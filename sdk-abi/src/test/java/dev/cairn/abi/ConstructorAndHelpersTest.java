package dev.cairn.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.abi.type.ArrayType;
import dev.cairn.core.encoding.Hex;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Public helpers no other test reached: constructor deploy data, encodeValues, withNames, dynamicArray. */
class ConstructorAndHelpersTest {

  @Test
  void deployDataIsBytecodeThenEncodedArgsAndDecodesBack() {
    ConstructorFragment c = ConstructorFragment.parse("constructor(uint256 supply, string name)");
    byte[] code = Hex.decode("6080604052");
    byte[] args = c.encodeArgs(BigInteger.TEN, "Cairn");
    byte[] deploy = c.deployData(code, BigInteger.TEN, "Cairn");
    assertArrayEquals(code, Arrays.copyOf(deploy, code.length));
    assertArrayEquals(args, Arrays.copyOfRange(deploy, code.length, deploy.length));
    Tuple back = c.decodeArgs(args);
    assertEquals(BigInteger.TEN, back.getBigInteger(0));
    assertEquals("Cairn", back.getString(1));
  }

  @Test
  void deployDataRejectsNullBytecodeWithAbiException() {
    ConstructorFragment c = ConstructorFragment.parse("constructor(uint256 supply)");
    AbiException e = assertThrows(AbiException.class, () -> c.deployData(null, 1));
    assertEquals(AbiException.Reason.INVALID_VALUE, e.reason());
  }

  @Test
  void encodeValuesEqualsEncodeOfTuple() {
    TupleType t = AbiTypes.tuple("uint8", "bool");
    assertArrayEquals(t.encode(Tuple.of(7, true)), t.encodeValues(7, true));
  }

  @Test
  void withNamesKeepsTheTypeAndSetsNames() {
    TupleType t = AbiTypes.tuple("address", "uint256").withNames(Arrays.asList("to", null));
    assertEquals("(address,uint256)", t.canonicalType());
    assertEquals(Arrays.asList("to", null), t.names());
  }

  @Test
  void dynamicArrayIsTheParsedArrayType() {
    ArrayType a = AbiTypes.dynamicArray(AbiTypes.parse("uint256"));
    assertEquals(AbiTypes.parse("uint256[]"), a);
    assertEquals(ArrayType.DYNAMIC, a.length());
    assertEquals(AbiTypes.parse("uint256"), a.elementType());
  }
}
