package dev.cairn.abi.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.abi.AbiException;
import dev.cairn.abi.eip712.TypedData;
import dev.cairn.core.encoding.DecodingException;
import java.nio.charset.StandardCharsets;

/**
 * EIP-712 typed data in its eth_signTypedData_v4 JSON form: typed refusal only; a parsed value
 * rebuilt with TypedData.of hashes to the same digest.
 */
class TypedDataFuzzTest {

  @FuzzTest
  void parseJson(byte[] input) {
    String json = new String(input, StandardCharsets.UTF_8);
    TypedData td;
    try {
      td = TypedData.parseJson(json);
    } catch (AbiException | DecodingException expected) {
      return;
    }
    byte[] digest = td.digest();
    assertEquals(32, digest.length);
    TypedData again = TypedData.of(td.types(), td.primaryType(), td.domain(), td.message());
    assertArrayEquals(digest, again.digest());
    assertArrayEquals(td.domainSeparator(), again.domainSeparator());
    td.types().keySet().forEach(t -> assertEquals(td.encodeType(t), again.encodeType(t)));
  }
}
