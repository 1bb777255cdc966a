package dev.cairn.evm.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

  /** Moved from sdk-core's ChainErrorsTest with the decoding: hostile revert data never throws or allocates wildly. */
  @Test
  void hostileRevertDataIsHandled() {
    byte[] ok = errorStringData("Ownable: caller is not the owner");
    assertEquals("Ownable: caller is not the owner", RevertDecoder.reason(ok, null).orElseThrow());
    assertEquals("", RevertDecoder.reason(errorStringData(""), null).orElse(""));
    byte[] panic = Hex.decode("4e487b71" + "0".repeat(62) + "11");
    assertTrue(RevertDecoder.reason(panic, null).orElseThrow().contains("overflow"));
    assertTrue(RevertDecoder.reason(null, null).isEmpty());
    byte[] hugeLength = errorStringData("abc");
    hugeLength[4 + 32 + 27] = 0x7f; // length 0x7f000003
    byte[] hugeOffset = errorStringData("abc");
    hugeOffset[4] = 1; // offset >= 2^248
    byte[] truncated = java.util.Arrays.copyOf(errorStringData("abcdef"), 70);
    for (byte[] bad : new byte[][] {hugeLength, hugeOffset, truncated}) {
      String r = RevertDecoder.reason(bad, null).orElse("");
      assertFalse(r.startsWith("abc"), r);
    }
    java.util.Random random = new java.util.Random(8);
    for (int i = 0; i < 2000; i++) {
      byte[] data = new byte[4 + random.nextInt(200)];
      random.nextBytes(data);
      System.arraycopy(Hex.decode(random.nextBoolean() ? "4e487b71" : "08c379a0"), 0, data, 0, 4);
      assertNotNull(RevertDecoder.reason(data, null));
    }
  }

  private static byte[] errorStringData(String reason) {
    byte[] r = reason.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] out = new byte[4 + 64 + ((r.length + 31) / 32) * 32];
    System.arraycopy(Hex.decode("08c379a0"), 0, out, 0, 4);
    out[4 + 31] = 0x20;
    out[4 + 32 + 30] = (byte) (r.length >>> 8);
    out[4 + 32 + 31] = (byte) r.length;
    System.arraycopy(r, 0, out, 68, r.length);
    return out;
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
