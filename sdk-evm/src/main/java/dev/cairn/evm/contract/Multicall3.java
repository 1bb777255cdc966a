package dev.cairn.evm.contract;

import dev.cairn.abi.Address;
import dev.cairn.abi.Function;
import dev.cairn.abi.Tuple;
import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ErrorKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Batching of contract reads through Multicall3 ({@code aggregate3}), deployed at the same address
 * on most EVM chains: many {@code eth_call}s in one. Encoding and decoding only; {@code
 * EvmChainAdapter#multicall} sends it.
 */
public final class Multicall3 {
  /** The canonical deployment address (same on every chain where it was deployed). */
  public static final Address ADDRESS = Address.parse("0xcA11bde05977b3631167028862bE2a173976CA11");

  /** {@code aggregate3((address,bool,bytes)[]) returns ((bool,bytes)[])}. */
  public static final Function AGGREGATE3 = Function.parse(
      "function aggregate3((address target, bool allowFailure, bytes callData)[] calls) payable "
          + "returns ((bool success, bytes returnData)[] returnData)");

  private Multicall3() {}

  /** One call of a batch. Immutable. */
  public static final class Call {
    private final Address target;
    private final boolean allowFailure;
    private final byte[] callData;

    private Call(Address target, boolean allowFailure, byte[] callData) {
      this.target = target;
      this.allowFailure = allowFailure;
      this.callData = callData;
    }

    /**
     * A call of {@code target} with {@code callData}; with {@code allowFailure} false a revert of
     * this call reverts the whole batch.
     */
    public static Call of(Address target, byte[] callData, boolean allowFailure) {
      if (target == null || callData == null) {
        throw invalid("multicall.call." + (target == null ? "target" : "callData") + ": is null");
      }
      return new Call(target, allowFailure, callData.clone());
    }

    /** The called contract. */
    public Address target() {
      return target;
    }

    /** Whether this call may fail without failing the batch. */
    public boolean allowFailure() {
      return allowFailure;
    }

    /** The calldata (copy). */
    public byte[] callData() {
      return callData.clone();
    }
  }

  /** One result of a batch. Immutable. */
  public static final class Result {
    private final boolean success;
    private final byte[] returnData;

    Result(boolean success, byte[] returnData) {
      this.success = success;
      this.returnData = returnData;
    }

    /** Whether the call succeeded. */
    public boolean success() {
      return success;
    }

    /** The return data, or the revert data when it failed (copy). */
    public byte[] returnData() {
      return returnData.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Result && ((Result) o).success == success
          && Arrays.equals(((Result) o).returnData, returnData);
    }

    @Override
    public int hashCode() {
      return Objects.hash(success, Arrays.hashCode(returnData));
    }

    @Override
    public String toString() {
      return "Result{" + (success ? "ok" : "failed") + ", " + returnData.length + " bytes}";
    }
  }

  /** The calldata of {@code aggregate3(calls)}. */
  public static byte[] encodeAggregate3(List<Call> calls) {
    if (calls == null) {
      throw invalid("multicall.calls: is null");
    }
    List<Tuple> items = new ArrayList<>(calls.size());
    for (Call c : calls) {
      if (c == null) {
        throw invalid("multicall.calls: contains null");
      }
      items.add(Tuple.of(c.target, c.allowFailure, c.callData));
    }
    return AGGREGATE3.encodeCall(Tuple.of(items));
  }

  /**
   * Decodes {@code aggregate3}'s return data.
   *
   * @param expected the number of calls sent; a different count is rejected
   * @throws dev.cairn.core.encoding.DecodingException if the data is malformed
   */
  public static List<Result> decodeAggregate3(byte[] returnData, int expected) {
    Tuple t = AGGREGATE3.decodeReturn(returnData);
    List<?> items = t.getList(0);
    if (items.size() != expected) {
      throw invalid("multicall: " + items.size() + " results for " + expected + " calls");
    }
    List<Result> out = new ArrayList<>(items.size());
    for (Object o : items) {
      Tuple r = (Tuple) o;
      out.add(new Result(r.getBoolean(0), r.getBytes(1)));
    }
    return out;
  }

  private static ChainException invalid(String m) {
    return new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, null, m));
  }
}
