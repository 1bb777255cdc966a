package dev.cairn.abi.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Bad ABI input fails with a CodegenException naming the file and the entry. */
class CodegenErrorsTest {
  private static final AbiCodegen GEN = AbiCodegen.forPackage("x.y");

  private static String fail(String json) {
    return assertThrows(CodegenException.class, () -> GEN.generate("bad.json", "Bad", json)).getMessage();
  }

  private static void assertContains(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), "\"" + message + "\" lacks \"" + part + "\"");
    }
  }

  @Test
  void malformedJsonNamesFileAndLine() {
    assertContains(fail("[\n{\"type\": \"function\",\n \"name\": }]"), "bad.json", "line 3");
    assertContains(fail("{\"x\": 1}"), "bad.json", "no \"abi\" array");
    assertContains(fail("42"), "bad.json", "expected a JSON array");
    assertContains(fail("[] []"), "bad.json", "trailing content");
    assertContains(fail("[1]"), "entry #0 is not a JSON object");
  }

  @Test
  void badEntriesAreNamed() {
    assertContains(
        fail("[{\"type\":\"function\",\"name\":\"ok\",\"inputs\":[]},"
            + "{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"a\",\"type\":\"uint7\"}]}]"),
        "bad.json", "entry #1 (function f)", "input 'a'", "uint7");
    assertContains(
        fail("[{\"type\":\"event\",\"name\":\"E\",\"inputs\":[{\"name\":\"q\",\"type\":\"fixed128x18\"}]}]"),
        "entry #0 (event E)", "fixed128x18", "not supported");
    assertContains(fail("[{\"type\":\"function\",\"inputs\":[]}]"), "entry #0 (function)", "no name");
    assertContains(fail("[{\"type\":\"banana\",\"name\":\"x\"}]"), "entry #0", "unknown type \"banana\"");
    assertContains(
        fail("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"a\"}]}]"),
        "entry #0 inputs[0]", "no \"type\"");
    assertContains(
        fail("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"type\":\"uint256[x]\"}]}]"),
        "entry #0 (function f) input #0", "malformed type");
  }

  @Test
  void nameClashesAreReported() {
    // struct named like the generated class
    String json =
        "[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"p\",\"type\":\"tuple\","
            + "\"internalType\":\"struct C.Bad\",\"components\":[{\"name\":\"x\",\"type\":\"uint8\"}]}]}]";
    assertContains(fail(json), "struct C.Bad", "named like the class itself");
    // an event record clashing with a struct record
    String clash =
        "[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"p\",\"type\":\"tuple\","
            + "\"internalType\":\"struct C.PingEvent\",\"components\":[{\"name\":\"x\",\"type\":\"uint8\"}]}]},"
            + "{\"type\":\"event\",\"name\":\"Ping\",\"inputs\":[]}]";
    assertContains(fail(clash), "entry #1 (event Ping)", "PingEvent");
    // duplicate function
    String dup =
        "[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[]},{\"type\":\"function\",\"name\":\"f\",\"inputs\":[]}]";
    assertContains(fail(dup), "entry #1 (function f)", "duplicate");
  }

  @Test
  void badNamesAreRejected() {
    assertThrows(CodegenException.class, () -> AbiCodegen.forPackage("a.class.b"));
    assertThrows(CodegenException.class, () -> AbiCodegen.forPackage("a..b"));
    assertThrows(CodegenException.class, () -> GEN.generate("x.json", "9x", "[]"));
    assertThrows(CodegenException.class, () -> GEN.generate("x.json", "Ok", null));
  }

  @Test
  void artifactsLegacyFlagsAndKeywordsAreHandled() {
    // a Hardhat/Foundry artifact, legacy "constant", a keyword parameter name, unnamed parameters
    String artifact =
        "{\"contractName\":\"T\",\"abi\":[{\"constant\":true,\"name\":\"get\",\"inputs\":"
            + "[{\"name\":\"class\",\"type\":\"uint\"},{\"name\":\"\",\"type\":\"address\"}],"
            + "\"outputs\":[{\"name\":\"\",\"type\":\"int\"}]}],\"bytecode\":\"0x\"}";
    String src = GEN.generate("t.json", "T", artifact).content();
    assertContains(
        src,
        "encodeGet(BigInteger class_, Address arg1)",
        "Function.parse(\"function get(uint256, address) view returns (int256)\")",
        "static BigInteger decodeGetResult(byte[] returnData)");
  }

  @Test
  void defaultClassNames() {
    assertEquals("Erc20", AbiCodegen.defaultClassName("erc20.json"));
    assertEquals("MyToken", AbiCodegen.defaultClassName("dir/my-token.abi.json"));
    assertEquals("IERC721", AbiCodegen.defaultClassName("IERC721.json"));
    assertEquals("Contract1inch", AbiCodegen.defaultClassName("1inch.json"));
  }
}
