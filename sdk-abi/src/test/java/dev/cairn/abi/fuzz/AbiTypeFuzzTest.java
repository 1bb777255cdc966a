package dev.cairn.abi.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.abi.AbiException;
import dev.cairn.abi.AbiType;
import dev.cairn.abi.AbiTypes;
import java.nio.charset.StandardCharsets;

/**
 * ABI type strings. The parser is lenient about spelling (e.g. {@code uint} for {@code uint256},
 * component names inside tuples), so the check is that the canonical type string parses to itself.
 */
class AbiTypeFuzzTest {

  @FuzzTest
  void parse(byte[] input) {
    String s = new String(input, StandardCharsets.UTF_8);
    AbiType<?> t;
    try {
      t = AbiTypes.parse(s);
    } catch (AbiException expected) {
      return;
    }
    String canonical = t.canonicalType();
    AbiType<?> again = AbiTypes.parse(canonical);
    assertEquals(canonical, again.canonicalType());
    assertEquals(t, again);
  }
}
