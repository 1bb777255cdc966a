package dev.cairn.evm.contract;

import dev.cairn.abi.ContractAbi;
import dev.cairn.abi.DecodedRevert;
import dev.cairn.abi.Reverts;
import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainErrors;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.encoding.Hex;
import java.util.Optional;

/**
 * Turns EVM revert data into readable reasons: {@code Error(string)} (require/revert messages),
 * {@code Panic(uint256)} (compiler checks, with the code's meaning) and custom errors declared in a
 * {@link ContractAbi}, decoded by sdk-abi's {@link Reverts}. Used for failed {@code eth_call}, {@code eth_estimateGas} and receipts.
 */
public final class RevertDecoder {
  private RevertDecoder() {}

  /**
   * The reason for revert data: the message of {@code Error(string)}, "panic 0x12: division or
   * modulo by zero" for {@code Panic}, "InsufficientBalance(account=0x..., balance=5, needed=10)" for a custom error that
   * {@code abi} declares (may be null), "custom error 0x12345678" for an unknown one, or empty when
   * there is no data.
   */
  public static Optional<String> reason(byte[] revertData, ContractAbi abi) {
    if (revertData == null || revertData.length == 0) {
      return Optional.empty();
    }
    DecodedRevert d = abi == null ? Reverts.decode(revertData) : Reverts.decode(revertData, abi);
    switch (d.kind()) {
      case EMPTY:
        return Optional.empty();
      case ERROR_STRING:
        return d.reason();
      case PANIC:
      case CUSTOM_ERROR:
        return Optional.of(d.message());
      default:
        return Optional.of(revertData.length >= 4 ? "custom error 0x" + Hex.encode(revertData, 0, 4)
            : "revert data 0x" + Hex.encode(revertData));
    }
  }

  /**
   * The custom error {@code abi} declares for this revert data, decoded (sdk-abi {@link Reverts});
   * empty for standard errors, unknown selectors, undecodable arguments or no data.
   */
  public static Optional<DecodedRevert> customError(byte[] revertData, ContractAbi abi) {
    if (revertData == null || revertData.length < 4 || abi == null) {
      return Optional.empty();
    }
    DecodedRevert d = Reverts.decode(revertData, abi);
    return d.kind() == DecodedRevert.Kind.CUSTOM_ERROR ? Optional.of(d) : Optional.empty();
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
}
