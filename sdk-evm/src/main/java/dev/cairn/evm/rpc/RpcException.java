package dev.cairn.evm.rpc;

import dev.cairn.core.CairnException;
import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainErrors;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.encoding.Hex;
import java.time.Duration;
import java.util.Optional;

/**
 * A JSON-RPC call failed. {@link #kind()} says how: the node answered with a JSON-RPC error, the
 * transport failed, the call timed out, the server answered with a non-2xx HTTP status, or the
 * response could not be understood. {@link #errorKind()} maps the failure to the chain-neutral
 * {@link ErrorKind} (see {@link #toChainError(ChainId)}).
 *
 * <p>Messages contain the method name, the node's error message and code, the HTTP status or the
 * JSON path of a malformed value, never request parameters (which may hold signed transactions).
 */
public final class RpcException extends CairnException {
  private static final long serialVersionUID = 1L;

  /** How a call failed. */
  public enum Kind {
    /** The node answered with a JSON-RPC {@code error} object; see {@link #code()}. */
    JSON_RPC_ERROR,
    /** The connection failed or broke (I/O error, connection refused, interrupted). */
    TRANSPORT,
    /** No complete answer within the call's timeout. */
    TIMEOUT,
    /** The server answered with an HTTP status other than 2xx; see {@link #httpStatus()}. */
    HTTP_STATUS,
    /** The response is not a valid JSON-RPC response or a value has the wrong shape. */
    MALFORMED_RESPONSE
  }

  private final Kind kind;
  private final String method;
  private final long code;
  private final String rpcMessage;
  private final String dataJson;
  private final int httpStatus;
  private final Duration retryAfter;
  private final String path;
  private String problem;

  private RpcException(Kind kind, String method, String text, long code, String rpcMessage, String dataJson,
      int httpStatus, Duration retryAfter, String path, Throwable cause) {
    super(text, cause);
    this.kind = kind;
    this.method = method;
    this.code = code;
    this.rpcMessage = rpcMessage;
    this.dataJson = dataJson;
    this.httpStatus = httpStatus;
    this.retryAfter = retryAfter;
    this.path = path;
  }

  private static String prefix(String method) {
    return method == null ? "JSON-RPC" : method;
  }

  /**
   * A JSON-RPC error object from the node.
   *
   * @param dataJson the {@code data} member as raw JSON text, or {@code null} if absent
   */
  public static RpcException jsonRpc(String method, long code, String message, String dataJson) {
    String text = prefix(method) + ": " + (message == null ? "(no message)" : message) + " [code " + code + "]";
    return new RpcException(Kind.JSON_RPC_ERROR, method, text, code, message, dataJson, -1, null, null, null);
  }

  /** A transport failure. */
  public static RpcException transport(String method, String problem, Throwable cause) {
    return new RpcException(Kind.TRANSPORT, method, prefix(method) + ": transport failure: " + problem,
        0, null, null, -1, null, null, cause);
  }

  /** A timeout. */
  public static RpcException timeout(String method, Duration timeout, Throwable cause) {
    return new RpcException(Kind.TIMEOUT, method, prefix(method) + ": no response within "
        + (timeout == null ? "the timeout" : timeout.toMillis() + " ms"), 0, null, null, -1, null, null, cause);
  }

  /**
   * A non-2xx HTTP answer.
   *
   * @param bodySnippet the start of the body (already bounded), or {@code null}
   * @param retryAfter the server's {@code Retry-After}, or {@code null}
   */
  public static RpcException httpStatus(String method, int status, String bodySnippet, Duration retryAfter) {
    String text = prefix(method) + ": HTTP " + status
        + (retryAfter == null ? "" : " (retry after " + retryAfter.toMillis() + " ms)")
        + (bodySnippet == null || bodySnippet.isEmpty() ? "" : ": " + bodySnippet);
    return new RpcException(Kind.HTTP_STATUS, method, text, 0, null, null, status, retryAfter, null, null);
  }

  /**
   * A malformed response.
   *
   * @param path JSON pointer of the offending value (e.g. {@code /result/transactions/3/gas}), or
   *     {@code ""} for the whole body
   */
  public static RpcException malformed(String method, String path, String problem) {
    RpcException e = new RpcException(Kind.MALFORMED_RESPONSE, method, prefix(method) + ": malformed response at "
        + (path == null || path.isEmpty() ? "/" : path) + ": " + problem, 0, null, null, -1, null,
        path == null ? "" : path, null);
    e.problem = problem;
    return e;
  }

  /** A malformed-response exception with {@code prefix} put before its path (batch element results). */
  RpcException withPathPrefix(String prefix, String otherMethod) {
    if (kind != Kind.MALFORMED_RESPONSE) {
      return forMethod(otherMethod);
    }
    String rel = path == null || path.equals("/") ? "" : path;
    return malformed(otherMethod, prefix + rel, problem);
  }

  /** This exception for another method name (used when a batch-wide failure is fanned out). */
  RpcException forMethod(String otherMethod) {
    String text = getMessage();
    String old = prefix(method);
    if (text.startsWith(old)) {
      text = prefix(otherMethod) + text.substring(old.length());
    }
    RpcException e = new RpcException(kind, otherMethod, text, code, rpcMessage, dataJson, httpStatus, retryAfter, path,
        getCause());
    e.problem = problem;
    return e;
  }

  /** How the call failed. */
  public Kind kind() {
    return kind;
  }

  /** The JSON-RPC method, or {@code null} for a failure of a whole batch. */
  public String method() {
    return method;
  }

  /** The JSON-RPC error code ({@link Kind#JSON_RPC_ERROR} only, else 0). */
  public long code() {
    return code;
  }

  /** The node's error message ({@link Kind#JSON_RPC_ERROR} only). */
  public Optional<String> rpcMessage() {
    return Optional.ofNullable(rpcMessage);
  }

  /** The error's {@code data} member as raw JSON text ({@link Kind#JSON_RPC_ERROR} only). */
  public Optional<String> dataJson() {
    return Optional.ofNullable(dataJson);
  }

  /**
   * The error's {@code data} as bytes when it is a {@code 0x}-hex string (revert data), or a
   * {@code data} member of an object {@code data} that is (some nodes nest it); else empty.
   */
  public Optional<byte[]> data() {
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
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The HTTP status ({@link Kind#HTTP_STATUS} only, else -1). */
  public int httpStatus() {
    return httpStatus;
  }

  /** The server's {@code Retry-After}, if it sent one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The JSON pointer of the malformed value ({@link Kind#MALFORMED_RESPONSE} only). */
  public Optional<String> path() {
    return Optional.ofNullable(path);
  }

  /** The chain-neutral classification; shortcut for {@code toChainError(null).kind()}. */
  public ErrorKind errorKind() {
    return toChainError(null).kind();
  }

  /**
   * This failure as a {@link ChainError}. JSON-RPC errors are classified by {@link
   * ChainErrors#evmRpcError} ("nonce too low" is {@link ErrorKind#NONCE_MISMATCH}, "insufficient
   * funds" {@link ErrorKind#INSUFFICIENT_FUNDS}, code 3 / "execution reverted" {@link
   * ErrorKind#REVERTED} with the revert data kept and decoded by sdk-abi's {@code Reverts}); transport failures, HTTP errors and malformed
   * responses are {@link ErrorKind#TRANSPORT}; timeouts {@link ErrorKind#TIMEOUT}.
   *
   * @param chainId the chain, or {@code null}
   */
  public ChainError toChainError(ChainId chainId) {
    switch (kind) {
      case JSON_RPC_ERROR:
        return dev.cairn.evm.contract.RevertDecoder.rpcError(chainId, code, rpcMessage, data().orElse(null), null);
      case TIMEOUT:
        return ChainError.builder(ErrorKind.TIMEOUT, chainId, getMessage()).nativeCode("timeout").build();
      case HTTP_STATUS:
        return ChainError.builder(ErrorKind.TRANSPORT, chainId, getMessage()).nativeCode("http:" + httpStatus).build();
      default:
        return ChainError.builder(ErrorKind.TRANSPORT, chainId, getMessage())
            .nativeCode(kind == Kind.TRANSPORT ? "transport" : "malformed-response").build();
    }
  }
}
