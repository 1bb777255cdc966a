package dev.cairn.abi.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.abi.AbiException;
import dev.cairn.abi.AbiType;
import dev.cairn.abi.AbiTypes;
import dev.cairn.abi.Tuple;
import dev.cairn.abi.TupleType;
import dev.cairn.core.encoding.DecodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * ABI decoding of untrusted bytes. The decoder is strict (canonical offsets, zero padding, exact
 * length), so whatever it accepts must re-encode to exactly the input.
 */
class AbiDecodeFuzzTest {
  /** Parameter lists covering every type family, nesting, dynamic and static arrays and tuples. */
  static final String[] TYPES = {
    "(uint256)", "(int8)", "(uint8,int256)", "(bool)", "(address)", "(bytes1)", "(bytes32)",
    "(bytes)", "(string)", "(function)", "(uint256[])", "(uint8[3])", "(string[])", "(bytes[2])",
    "(address,uint256,bytes)", "(int24,uint160,bool[])", "((uint256,string),bytes32)",
    "((uint256,string)[])", "((bytes,uint8[2])[2])", "(string[][])", "(uint256[2][])",
    "(bytes[][2])", "((string[],(bool,bytes)[])[],int64)", "(uint256[][][])",
    "(address,(uint256,(bytes,string[]))[3],uint8)", "()", "(int256[4],string,bytes31)",
    "((((((uint8))))))", "(((bytes)[])[])", "(bool[2][2][2])",
  };

  /** The first byte picks one of {@link #TYPES}, the rest is the encoding. */
  @FuzzTest
  void decode(byte[] input) {
    if (input.length == 0) {
      return;
    }
    TupleType type = AbiTypes.parseTuple(TYPES[(input[0] & 0xff) % TYPES.length]);
    check(type, Arrays.copyOfRange(input, 1, input.length));
  }

  /** A fuzzed type string up to the first NUL byte, then bytes decoded against it. */
  @FuzzTest
  void decodeAgainstFuzzedType(byte[] input) {
    int nul = 0;
    while (nul < input.length && input[nul] != 0) {
      nul++;
    }
    String typeString = new String(input, 0, nul, StandardCharsets.UTF_8);
    byte[] data = Arrays.copyOfRange(input, Math.min(nul + 1, input.length), input.length);
    AbiType<?> t;
    try {
      t = AbiTypes.parse(typeString);
    } catch (AbiException expected) {
      return;
    }
    TupleType type = t instanceof TupleType tt ? tt : TupleType.of(t);
    check(type, data);
  }

  static void check(TupleType type, byte[] bytes) {
    Tuple decoded;
    try {
      decoded = type.decode(bytes);
    } catch (DecodingException expected) {
      return;
    }
    byte[] again = type.encode(decoded);
    assertArrayEquals(bytes, again, type.canonicalType());
    assertEquals(decoded, type.decode(again));
  }
}
