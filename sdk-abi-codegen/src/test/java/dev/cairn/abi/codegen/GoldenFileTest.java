package dev.cairn.abi.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The binding generated for {@code small.json} must equal the checked-in {@code
 * golden/Small.java.txt} character for character. When the generator changes on purpose,
 * regenerate the file (see docs/codegen.md, "Golden file") and review the diff.
 */
class GoldenFileTest {
  @Test
  void smallContractMatchesGoldenFile() {
    String expected = Bindings.resource("golden/Small.java.txt");
    GeneratedSource actual =
        AbiCodegen.forPackage("dev.cairn.abi.codegen.golden")
            .generate("small.json", "Small", Bindings.resource("abi/small.json"));
    assertEquals(expected, actual.content());
    assertEquals("dev/cairn/abi/codegen/golden/Small.java", actual.relativePath().toString().replace('\\', '/'));
  }
}
