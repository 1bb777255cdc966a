package dev.cairn.evm.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.abi.Address;
import dev.cairn.abi.ContractAbi;
import dev.cairn.abi.Function;
import dev.cairn.abi.Tuple;
import dev.cairn.core.CairnException;
import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.encoding.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractSupportTest {
  static String resource(String name) throws IOException {
    try (InputStream in = ContractSupportTest.class.getResourceAsStream("/contracts/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
  }

  @Test
  void aggregate3RoundTrip() {
    assertEquals("82ad56cb", Hex.encode(Multicall3.AGGREGATE3.selector())); // in the canonical bytecode's dispatcher
    Address a = Address.parse("0x00000000000000000000000000000000000000aa");
    byte[] data = Multicall3.encodeAggregate3(List.of(Multicall3.Call.of(a, new byte[] {1, 2}, true),
        Multicall3.Call.of(Multicall3.ADDRESS, new byte[0], false)));
    Tuple back = Multicall3.AGGREGATE3.decodeCall(data);
    assertEquals(2, back.getList(0).size());
    byte[] ret = Multicall3.AGGREGATE3.encodeReturn(Tuple.of(List.of(Tuple.of(true, new byte[] {9}),
        Tuple.of(false, new byte[] {8, 7}))));
    List<Multicall3.Result> rs = Multicall3.decodeAggregate3(ret, 2);
    assertTrue(rs.get(0).success());
    assertArrayEquals(new byte[] {9}, rs.get(0).returnData());
    assertFalse(rs.get(1).success());
    assertThrows(CairnException.class, () -> Multicall3.decodeAggregate3(ret, 3));
    assertThrows(CairnException.class, () -> Multicall3.decodeAggregate3(new byte[5], 0));
    assertThrows(CairnException.class, () -> Multicall3.encodeAggregate3(null));
  }

  @Test
  void revertReasons() throws IOException {
    ContractAbi abi = ContractAbi.parseJson(resource("TestToken.abi.json"));
    ChainId chain = ChainId.eip155(31337);
    // Error(string)
    byte[] errorString = Function.parse("Error(string)").encodeCall("TestToken: insufficient allowance");
    assertEquals("TestToken: insufficient allowance", RevertDecoder.reason(errorString, abi).orElseThrow());
    // Panic(0x12)
    byte[] panic = Function.parse("Panic(uint256)").encodeCall(BigInteger.valueOf(0x12));
    assertEquals("panic 0x12: division or modulo by zero", RevertDecoder.reason(panic, null).orElseThrow());
    // custom error, known and unknown
    Address who = Address.parse("0x00000000000000000000000000000000000000aa");
    byte[] custom = abi.error("InsufficientBalance").orElseThrow().encode(who, BigInteger.ONE, BigInteger.TEN);
    assertEquals("InsufficientBalance(account=" + who + ", balance=1, needed=10)", RevertDecoder.reason(custom, abi).orElseThrow());
    assertEquals("custom error 0x" + Hex.encode(custom, 0, 4), RevertDecoder.reason(custom, null).orElseThrow());
    assertEquals(BigInteger.TEN, RevertDecoder.customError(custom, abi).orElseThrow().args().getBigInteger(2));
    assertTrue(RevertDecoder.reason(new byte[0], abi).isEmpty());
    // as a ChainError
    ChainError e = RevertDecoder.rpcError(chain, 3, "execution reverted", custom, abi);
    assertEquals(ErrorKind.REVERTED, e.kind());
    assertEquals("InsufficientBalance(account=" + who + ", balance=1, needed=10)", e.revertReason().orElseThrow());
    // truncated custom error data: named by its selector, no crash
    byte[] cut = java.util.Arrays.copyOf(custom, 40);
    assertEquals("custom error 0x" + Hex.encode(custom, 0, 4), RevertDecoder.reason(cut, abi).orElseThrow());
    assertTrue(RevertDecoder.customError(cut, abi).isEmpty());
    assertEquals("revert data 0x0102", RevertDecoder.reason(new byte[] {1, 2}, abi).orElseThrow());
  }
}
