package dev.cairn.abi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.abi.eip712.TypedData;
import dev.cairn.abi.type.ArrayType;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * Bounded resources (issue 13): sdk-abi's limits at the limit (accepted) and one past it (an {@link
 * AbiException} naming the limit): type nesting, fixed array lengths and static sizes, decoded
 * dynamic array lengths (bounded by the data: no allocation beyond what the input pays for), and
 * EIP-712 struct nesting. See docs/reliability.md.
 */
class AbiLimitsTest {
  static final int TYPE_DEPTH = 64; // dev.cairn.abi.internal.TypeParser.MAX_DEPTH (internal)

  @Test
  void typeNestingDepth() {
    assertDoesNotThrow(() -> AbiTypes.parse("uint8" + "[]".repeat(TYPE_DEPTH)));
    AbiException e = assertThrows(AbiException.class, () -> AbiTypes.parse("uint8" + "[]".repeat(TYPE_DEPTH + 1)));
    assertTrue(e.getMessage().contains("deeper than " + TYPE_DEPTH), e.getMessage());
    // tuples count the same way
    assertDoesNotThrow(() -> AbiTypes.parse("(".repeat(TYPE_DEPTH) + "bool" + ")".repeat(TYPE_DEPTH)));
    AbiException t = assertThrows(AbiException.class,
        () -> AbiTypes.parse("(".repeat(TYPE_DEPTH + 1) + "bool" + ")".repeat(TYPE_DEPTH + 1)));
    assertTrue(t.getMessage().contains("deeper than " + TYPE_DEPTH), t.getMessage());
  }

  @Test
  void fixedArrayLengthAndStaticSize() {
    assertDoesNotThrow(() -> AbiTypes.parse("bool[" + ArrayType.MAX_FIXED_LENGTH + "]"));
    AbiException e = assertThrows(AbiException.class, () -> AbiTypes.parse("bool[" + (ArrayType.MAX_FIXED_LENGTH + 1) + "]"));
    assertTrue(e.getMessage().contains(String.valueOf(ArrayType.MAX_FIXED_LENGTH)), e.getMessage());
    // 2 * 524288 words of 32 bytes = 2^25 bytes exactly
    int words = ArrayType.MAX_STATIC_SIZE / 32 / 2;
    assertDoesNotThrow(() -> AbiTypes.parse("bool[2][" + words + "]"));
    AbiException s = assertThrows(AbiException.class, () -> AbiTypes.parse("bool[2][" + (words + 1) + "]"));
    assertTrue(s.getMessage().contains(String.valueOf(ArrayType.MAX_STATIC_SIZE)), s.getMessage());
  }

  @Test
  void decodedArrayLengthIsBoundedByTheData() {
    TupleType t = AbiTypes.parseTuple("(uint256[])");
    int n = 1000;
    byte[] data = new byte[64 + 32 * n];
    data[31] = 0x20; // offset of the array
    byte[] len = BigInteger.valueOf(n).toByteArray();
    System.arraycopy(len, 0, data, 64 - len.length, len.length);
    Tuple ok = t.decode(data);
    assertEquals(n, ((java.util.List<?>) ok.get(0)).size());
    // a length one past what the data holds
    byte[] more = BigInteger.valueOf(n + 1).toByteArray();
    System.arraycopy(more, 0, data, 64 - more.length, more.length);
    RuntimeException e = assertThrows(RuntimeException.class, () -> t.decode(data));
    assertTrue(e instanceof AbiException || e instanceof dev.cairn.core.encoding.DecodingException, e.toString());
    assertTrue(e.getMessage().contains("remaining"), e.getMessage());
    // 2^31 - 1 elements claimed by 64 bytes: refused before any allocation
    byte[] tiny = new byte[64];
    tiny[31] = 0x20;
    tiny[60] = 0x7f;
    tiny[61] = (byte) 0xff;
    tiny[62] = (byte) 0xff;
    tiny[63] = (byte) 0xff;
    RuntimeException big = assertThrows(RuntimeException.class, () -> t.decode(tiny));
    assertTrue(big instanceof AbiException || big instanceof dev.cairn.core.encoding.DecodingException, big.toString());
  }

  @Test
  void eip712StructNesting() {
    // a chain of k struct types S0 -> S1 -> ... -> S(k-1) with its message: the document nests k + 1
    // levels (root, message, k - 1 structs), and both the type graph and the JSON are bounded by
    // MAX_DEPTH, so the deepest signable chain has MAX_DEPTH - 1 structs
    assertDoesNotThrow(() -> TypedData.parseJson(chain(TypedData.MAX_DEPTH - 1)));
    AbiException e = assertThrows(AbiException.class, () -> TypedData.parseJson(chain(TypedData.MAX_DEPTH)));
    assertTrue(e.getMessage().contains("deeper than " + TypedData.MAX_DEPTH), e.getMessage());
  }

  static String chain(int k) {
    StringBuilder types = new StringBuilder("{\"types\":{\"EIP712Domain\":[],");
    for (int i = 0; i < k; i++) {
      types.append(i == 0 ? "" : ",").append("\"S").append(i).append("\":[");
      if (i < k - 1) {
        types.append("{\"name\":\"n\",\"type\":\"S").append(i + 1).append("\"}");
      } else {
        types.append("{\"name\":\"v\",\"type\":\"uint8\"}");
      }
      types.append(']');
    }
    StringBuilder msg = new StringBuilder();
    for (int i = 0; i < k - 1; i++) {
      msg.append("{\"n\":");
    }
    msg.append("{\"v\":1}");
    msg.append("}".repeat(k - 1));
    return types.append("},\"primaryType\":\"S0\",\"domain\":{},\"message\":").append(msg).append('}').toString();
  }
}
