package dev.cairn.abi.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.abi.AbiException;
import dev.cairn.abi.ContractAbi;
import dev.cairn.abi.DecodedCall;
import dev.cairn.abi.DecodedRevert;
import dev.cairn.abi.Reverts;
import dev.cairn.core.encoding.DecodingException;

/** Revert data and calldata from a node: typed refusal only; decoded values re-encode to the input. */
class RevertFuzzTest {
  private static final ContractAbi ABI = ContractAbi.parseHumanReadable(
      "function transfer(address to, uint256 amount) returns (bool)",
      "function multicall(bytes[] data) payable returns (bytes[] results)",
      "function swap((address,uint24,int256[],string) params, bytes32[2] path)",
      "error Insufficient(uint256 have, uint256 want)",
      "error Named(string reason, (bytes,bool)[] detail)");

  @FuzzTest
  void decodeRevert(byte[] data) {
    DecodedRevert r;
    try {
      r = Reverts.decode(data, ABI);
    } catch (DecodingException | AbiException expected) {
      return;
    }
    assertArrayEquals(data, r.data());
    r.reason().ifPresent(reason -> {
      if (r.kind() == DecodedRevert.Kind.ERROR_STRING) {
        assertArrayEquals(data, Reverts.encodeError(reason));
      }
    });
    r.panicCode().ifPresent(code -> assertArrayEquals(data, Reverts.encodePanic(code)));
    r.message(); // never throws
  }

  @FuzzTest
  void decodeCall(byte[] calldata) {
    DecodedCall call;
    try {
      call = ABI.decodeCall(calldata);
    } catch (DecodingException | AbiException expected) {
      return;
    }
    assertArrayEquals(calldata, call.function().encodeCall(call.args()));
    assertEquals(call.args(), call.function().decodeCall(calldata));
  }
}
