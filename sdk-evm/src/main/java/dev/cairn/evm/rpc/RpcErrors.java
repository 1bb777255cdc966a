package dev.cairn.evm.rpc;

import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainErrors;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.encoding.Hex;
import dev.cairn.transport.TransportException;
import java.util.Optional;

/**
 * The EVM reading of a {@link TransportException}: revert data from a JSON-RPC error's {@code
 * data} and the chain-neutral classification of node errors.
 *
 * <pre>{@code
 * try {
 *   rpc.call(request, BlockId.LATEST).send();
 * } catch (TransportException e) {
 *   ChainError ce = RpcErrors.toChainError(e, chainId);   // REVERTED with the reason, NONCE_MISMATCH, ...
 *   byte[] revert = RpcErrors.revertData(e).orElse(null);
 * }
 * }</pre>
 */
public final class RpcErrors {
  private RpcErrors() {}

  /**
   * The error's {@code data} as bytes when it is a {@code 0x}-hex string (revert data), or a
   * {@code data} member of an object {@code data} that is (some nodes nest it); else empty.
   */
  public static Optional<byte[]> revertData(TransportException e) {
    String dataJson = e.dataJson().orElse(null);
    if (dataJson == null) {
      return Optional.empty();
    }
    String hex = dataJson;
    if (hex.startsWith("{")) {
      int k = hex.indexOf("\"data\"");
      if (k < 0) {
        return Optional.empty();
      }
      int q1 = hex.indexOf('"', k + 6);
      int q2 = q1 < 0 ? -1 : hex.indexOf('"', q1 + 1);
      if (q2 < 0) {
        return Optional.empty();
      }
      hex = hex.substring(q1, q2 + 1);
    }
    if (hex.length() < 4 || hex.charAt(0) != '"' || hex.charAt(hex.length() - 1) != '"'
        || hex.charAt(1) != '0' || hex.charAt(2) != 'x') {
      return Optional.empty();
    }
    try {
      return Optional.of(Hex.decode("error.data", hex.substring(1, hex.length() - 1)));
    } catch (RuntimeException ex) {
      return Optional.empty();
    }
  }

  /**
   * The failure as a {@link ChainError}. JSON-RPC errors are classified by {@link
   * ChainErrors#evmRpcError} ("nonce too low" is {@link ErrorKind#NONCE_MISMATCH}, "insufficient
   * funds" {@link ErrorKind#INSUFFICIENT_FUNDS}, code 3 / "execution reverted" {@link
   * ErrorKind#REVERTED} with the revert data kept and decoded by sdk-abi's {@code Reverts}); timeouts are {@link ErrorKind#TIMEOUT}; every
   * other kind (connection, HTTP status, rate limit, malformed response, closed) is {@link
   * ErrorKind#TRANSPORT} with the kind in the native code.
   *
   * @param chainId the chain, or {@code null}
   */
  public static ChainError toChainError(TransportException e, ChainId chainId) {
    switch (e.kind()) {
      case RPC_ERROR:
        return dev.cairn.evm.contract.RevertDecoder.rpcError(chainId, e.code(), e.rpcMessage().orElse(null), revertData(e).orElse(null), null);
      case TIMEOUT:
        return ChainError.builder(ErrorKind.TIMEOUT, chainId, e.getMessage()).nativeCode("timeout").build();
      case HTTP_STATUS:
      case RATE_LIMITED:
        return ChainError.builder(ErrorKind.TRANSPORT, chainId, e.getMessage()).nativeCode("http:" + e.httpStatus())
            .build();
      case MALFORMED_RESPONSE:
        return ChainError.builder(ErrorKind.TRANSPORT, chainId, e.getMessage()).nativeCode("malformed-response").build();
      default:
        return ChainError.builder(ErrorKind.TRANSPORT, chainId, e.getMessage()).nativeCode("transport").build();
    }
  }

  /** {@code toChainError(e, null).kind()}. */
  public static ErrorKind errorKind(TransportException e) {
    return toChainError(e, null).kind();
  }
}
