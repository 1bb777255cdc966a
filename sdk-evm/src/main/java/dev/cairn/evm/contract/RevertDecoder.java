package dev.cairn.evm.contract;

import dev.cairn.abi.AbiError;
import dev.cairn.abi.ContractAbi;
import dev.cairn.abi.PanicCode;
import dev.cairn.abi.Tuple;
import dev.cairn.core.CairnException;
import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainErrors;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.encoding.Hex;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Turns EVM revert data into readable reasons: {@code Error(string)} (require/revert messages),
 * {@code Panic(uint256)} (compiler checks, with the code's meaning) and custom errors declared in a
 * {@link ContractAbi}. Used for failed {@code eth_call}, {@code eth_estimateGas} and receipts.
 */
public final class RevertDecoder {
  private static final int PANIC_SELECTOR = 0x4e487b71;

  private RevertDecoder() {}

  /**
   * The reason for revert data: the message of {@code Error(string)}, "panic 0x12: division or
   * modulo by zero" for {@code Panic}, "InsufficientBalance(0x..., 5, 10)" for a custom error that
   * {@code abi} declares (may be null), "custom error 0x12345678" for an unknown one, or empty when
   * there is no data.
   */
  public static Optional<String> reason(byte[] revertData, ContractAbi abi) {
    if (revertData == null || revertData.length < 4) {
      return Optional.empty();
    }
    int selector = ((revertData[0] & 0xff) << 24) | ((revertData[1] & 0xff) << 16) | ((revertData[2] & 0xff) << 8)
        | (revertData[3] & 0xff);
    if (selector == PANIC_SELECTOR && revertData.length == 36) {
      BigInteger code = new BigInteger(1, java.util.Arrays.copyOfRange(revertData, 4, 36));
      String meaning = PanicCode.of(code).map(PanicCode::description).orElse("unknown panic code");
      return Optional.of("panic 0x" + code.toString(16) + ": " + meaning);
    }
    Optional<String> standard = ChainErrors.evmRevertReason(revertData);
    if (standard.isPresent()) {
      return standard;
    }
    if (abi != null) {
      Optional<AbiError> err = abi.errorBySelector(java.util.Arrays.copyOf(revertData, 4));
      if (err.isPresent()) {
        try {
          Tuple args = err.get().decode(revertData);
          StringBuilder sb = new StringBuilder(err.get().name()).append('(');
          for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
              sb.append(", ");
            }
            Object v = args.get(i);
            sb.append(v instanceof byte[] ? "0x" + Hex.encode((byte[]) v) : String.valueOf(v));
          }
          return Optional.of(sb.append(')').toString());
        } catch (CairnException e) {
          return Optional.of(err.get().name() + " (undecodable arguments: " + e.getMessage() + ")");
        }
      }
    }
    return Optional.of("custom error 0x" + Hex.encode(revertData, 0, 4));
  }

  /**
   * The custom error {@code abi} declares for this revert data, decoded; empty for standard
   * errors, unknown selectors or no data.
   */
  public static Optional<Decoded> customError(byte[] revertData, ContractAbi abi) {
    if (revertData == null || revertData.length < 4 || abi == null) {
      return Optional.empty();
    }
    return abi.errorBySelector(java.util.Arrays.copyOf(revertData, 4)).map(e -> new Decoded(e, e.decode(revertData)));
  }

  /**
   * A JSON-RPC error of {@code eth_call}/{@code eth_estimateGas}/{@code eth_sendRawTransaction} as
   * a {@link ChainError} (kind from {@link ChainErrors#evmRpcError}, REVERTED when there is revert
   * data), with the reason decoded against {@code abi} (may be null).
   */
  public static ChainError rpcError(ChainId chainId, long code, String message, byte[] data, ContractAbi abi) {
    ChainError base = ChainErrors.evmRpcError(chainId, code, message, data);
    Optional<String> reason = reason(data, abi);
    return reason.isPresent() ? base.toBuilder().revertReason(reason.get()).build() : base;
  }

  /** A decoded custom error: its declaration and arguments. */
  public static final class Decoded {
    private final AbiError error;
    private final Tuple arguments;

    Decoded(AbiError error, Tuple arguments) {
      this.error = error;
      this.arguments = arguments;
    }

    /** The error's declaration. */
    public AbiError error() {
      return error;
    }

    /** The decoded arguments. */
    public Tuple arguments() {
      return arguments;
    }

    @Override
    public String toString() {
      return error.name() + arguments;
    }
  }
}
