package dev.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code wallet abi ...}: the human subcommands. */
class AbiCommandTest {
  static final String ALICE = "0x5B38Da6a701c568545dCfcB03FcB875f56beddC4";
  static final String W_ALICE = "0000000000000000000000005b38da6a701c568545dcfcb03fcb875f56beddc4";

  private static String word(long v) {
    return String.format("%064x", v);
  }

  private static String ok(String... args) {
    Cli.Result r = Cli.run("", args);
    assertEquals(0, r.exitCode(), r.err());
    return r.out().strip();
  }

  private static String fails(int code, String... args) {
    Cli.Result r = Cli.run("", args);
    assertEquals(code, r.exitCode(), r.out() + r.err());
    return r.err();
  }

  @Test
  void calldataAndEncode() {
    assertEquals("0xa9059cbb" + W_ALICE + word(1000),
        ok("abi", "calldata", "transfer(address,uint256)", ALICE, "1000"));
    assertEquals("0xa9059cbb" + W_ALICE + word(1000),
        ok("abi", "calldata", "function transfer(address to, uint256 amount) returns (bool)",
            ALICE.toLowerCase(), "0x3e8"));
    assertEquals("0x" + W_ALICE + word(1000),
        ok("abi", "encode", "f(address,uint256)", ALICE, "1000"));
    // arrays, tuples, a quoted string with a comma, bool as text
    assertEquals("0x" + word(7) + word(0x40) + word(2) + word(0x40) + word(0xc0)
        + word(1) + word(0x40) + word(1) + "61" + "0".repeat(62)
        + word(0) + word(0x40) + word(4) + "622c2063" + "0".repeat(56),
        ok("abi", "encode", "(uint256,(bool,string)[])", "7", "[(true,a),(false,\"b, c\")]"));
    assertEquals("0xffff42000348656c6c6f2c20776f726c6421",
        ok("abi", "encode", "--packed", "(int16,bytes1,uint16,string)", "-1", "0x42", "3",
            "Hello, world!"));
  }

  @Test
  void decodeOutputsInputsAndLists() {
    String data = "0x" + word(16) + word(1);
    assertEquals(List.of("16", "true"),
        List.of(ok("abi", "decode", "f()(uint256,bool)", data).split("\n")));
    assertEquals(List.of("16", "true"),
        List.of(ok("abi", "decode", "(uint256,bool)", data).split("\n")));
    assertEquals("[\"16\",true]", ok("abi", "decode", "--json", "(uint256,bool)", data));
    assertEquals(List.of(ALICE, "1000"), List.of(ok("abi", "decode", "--calldata",
        "transfer(address,uint256)", "0xa9059cbb" + W_ALICE + word(1000)).split("\n")));
    // strict: a bool of 2 is rejected
    String err = fails(1, "abi", "decode", "(bool)", "0x" + word(2));
    assertTrue(err.startsWith("wallet: "), err);
  }

  @Test
  void selectorTopicKeccak() {
    assertEquals("0xa9059cbb", ok("abi", "selector", "transfer(address,uint256)"));
    assertEquals("0x70a08231",
        ok("abi", "selector", "function balanceOf(address owner) view returns (uint256)"));
    assertEquals("0xcf479181",
        ok("abi", "selector", "error InsufficientBalance(uint256 available, uint256 required)"));
    String transfer = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    assertEquals(transfer, ok("abi", "topic", "Transfer(address,address,uint256)"));
    assertEquals(transfer, ok("abi", "topic",
        "event Transfer(address indexed from, address indexed to, uint256 value)"));
    assertEquals(transfer, ok("abi", "keccak", "Transfer(address,address,uint256)"));
    // keccak256 of the empty byte string
    assertEquals("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        ok("abi", "keccak", "0x"));
  }

  @Test
  void errorsNameTheArgument() {
    String err = fails(1, "abi", "calldata", "transfer(address,uint256)", ALICE, "-1");
    assertTrue(err.contains("argument 2") && err.contains("range"), err);
    err = fails(1, "abi", "calldata", "transfer(address,uint256)", ALICE.replace('B', 'b'), "1");
    assertTrue(err.contains("argument 1") && err.contains("EIP-55"), err);
    err = fails(1, "abi", "calldata", "transfer(address,uint256)", ALICE);
    assertTrue(err.contains("expected 2 arguments"), err);
    err = fails(1, "abi", "encode", "(uint8[2])", "[1,2,3]");
    assertTrue(err.contains("argument 1"), err);
    err = fails(1, "abi", "encode", "(uint256[])", "[1,2");
    assertTrue(err.contains("argument 1"), err);
    fails(1, "abi", "calldata", "transfer(address,", "1");
    fails(1, "abi", "decode", "(uint256)", "0x1234");
    fails(2, "abi");
    assertTrue(ok("abi", "--help").contains("calldata"));
  }
}
