package dev.cairn.svm.rpc;

import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.json.Json;
import dev.cairn.core.json.JsonArray;
import dev.cairn.core.json.JsonObject;
import dev.cairn.core.json.JsonValue;
import dev.cairn.svm.errors.SvmErrors;
import dev.cairn.svm.errors.TransactionError;
import dev.cairn.svm.tx.Message;
import dev.cairn.svm.tx.Transaction;
import dev.cairn.transport.TransportException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The Solana reading of a {@link TransportException}: the transaction error and logs of a preflight
 * failure, and the chain-neutral classification of node errors.
 *
 * <table>
 *   <caption>JSON-RPC error codes</caption>
 *   <tr><th>code</th><th>meaning</th><th>kind</th></tr>
 *   <tr><td>-32002</td><td>preflight simulation failed; {@code data.err}, {@code data.logs}</td>
 *       <td>from the transaction error ({@link SvmErrors}); {@code REJECTED_BY_NODE} without one</td></tr>
 *   <tr><td>-32003</td><td>signature verification failure</td><td>REJECTED_BY_NODE</td></tr>
 *   <tr><td>-32004, -32005, -32014, -32016</td><td>block not available, node unhealthy, block
 *       status not yet available, minimum context slot not reached</td><td>TRANSPORT (transient)</td></tr>
 *   <tr><td>-32007, -32009</td><td>slot skipped, slot missing in long-term storage</td><td>UNKNOWN</td></tr>
 *   <tr><td>-32010, -32015, -32601</td><td>key excluded from secondary index, transaction version not
 *       supported, method not found</td><td>UNSUPPORTED</td></tr>
 *   <tr><td>-32600, -32602</td><td>invalid request or params</td><td>INVALID_INPUT</td></tr>
 * </table>
 *
 * Other failures: a timeout is {@link ErrorKind#TIMEOUT}; connection, HTTP status, rate limiting,
 * malformed responses and a closed client are {@link ErrorKind#TRANSPORT}.
 *
 * <pre>{@code
 * try {
 *   rpc.sendTransaction(tx).send();
 * } catch (TransportException e) {
 *   ChainError ce = SvmRpcErrors.toChainError(e, cluster, tx);   // EXPIRED, INSUFFICIENT_FUNDS, REVERTED, ...
 *   List<String> logs = SvmRpcErrors.logs(e);
 * }
 * }</pre>
 */
public final class SvmRpcErrors {
  /** Preflight simulation failed (sendTransaction). */
  public static final long SEND_TRANSACTION_PREFLIGHT_FAILURE = -32002;
  /** A signature does not verify. */
  public static final long TRANSACTION_SIGNATURE_VERIFICATION_FAILURE = -32003;
  /** The block is not available. */
  public static final long BLOCK_NOT_AVAILABLE = -32004;
  /** The node is unhealthy (behind). */
  public static final long NODE_UNHEALTHY = -32005;
  /** The slot was skipped. */
  public static final long SLOT_SKIPPED = -32007;
  /** The slot is missing in long-term storage. */
  public static final long LONG_TERM_STORAGE_SLOT_SKIPPED = -32009;
  /** The key is excluded from the secondary index. */
  public static final long KEY_EXCLUDED_FROM_SECONDARY_INDEX = -32010;
  /** The block status is not yet available. */
  public static final long BLOCK_STATUS_NOT_AVAILABLE_YET = -32014;
  /** The transaction version is not supported by the request. */
  public static final long UNSUPPORTED_TRANSACTION_VERSION = -32015;
  /** The node has not reached the minimum context slot. */
  public static final long MIN_CONTEXT_SLOT_NOT_REACHED = -32016;

  private SvmRpcErrors() {}

  /** The transaction error in a JSON-RPC error's {@code data.err} (preflight failures), if any and well-formed. */
  public static Optional<TransactionError> transactionError(TransportException e) {
    JsonObject data = data(e);
    if (data == null) {
      return Optional.empty();
    }
    JsonValue err = data.get("err");
    if (err == null || err.isNull()) {
      return Optional.empty();
    }
    try {
      return Optional.of(TransactionError.of(err));
    } catch (RuntimeException ex) {
      return Optional.empty();
    }
  }

  /** The program logs in a JSON-RPC error's {@code data.logs} (preflight failures); empty when none. */
  public static List<String> logs(TransportException e) {
    JsonObject data = data(e);
    JsonValue logs = data == null ? null : data.get("logs");
    if (!(logs instanceof JsonArray)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (JsonValue v : ((JsonArray) logs).elements()) {
      if (v.kind() == JsonValue.Kind.STRING) {
        out.add(v.asString("logs"));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** The compute units a failed preflight consumed ({@code data.unitsConsumed}), if given. */
  public static Optional<Long> unitsConsumed(TransportException e) {
    JsonObject data = data(e);
    JsonValue u = data == null ? null : data.get("unitsConsumed");
    if (u == null || u.kind() != JsonValue.Kind.NUMBER) {
      return Optional.empty();
    }
    try {
      return Optional.of(u.asNumber("unitsConsumed").longValue());
    } catch (RuntimeException ex) {
      return Optional.empty();
    }
  }

  private static JsonObject data(TransportException e) {
    String json = e.dataJson().orElse(null);
    if (json == null || json.isEmpty() || json.charAt(0) != '{') {
      return null;
    }
    try {
      JsonValue v = Json.parse(json);
      return v instanceof JsonObject ? (JsonObject) v : null;
    } catch (RuntimeException ex) {
      return null;
    }
  }

  /** {@link #toChainError(TransportException, ChainId, Transaction, SvmErrors)} without a transaction, with the standard program tables. */
  public static ChainError toChainError(TransportException e, ChainId chainId) {
    return toChainError(e, chainId, null, SvmErrors.standard());
  }

  /** {@link #toChainError(TransportException, ChainId, Transaction, SvmErrors)} with the standard program tables. */
  public static ChainError toChainError(TransportException e, ChainId chainId, Transaction transaction) {
    return toChainError(e, chainId, transaction, SvmErrors.standard());
  }

  /**
   * The failure as a {@link ChainError} (see the table above).
   *
   * @param chainId the cluster, or {@code null}
   * @param transaction the transaction that was sent or simulated (finds the failing program and the
   *     signature), or {@code null}
   * @param errors the program error tables (e.g. {@code SvmErrors.standard().with(idlDecoder)})
   */
  public static ChainError toChainError(TransportException e, ChainId chainId, Transaction transaction, SvmErrors errors) {
    switch (e.kind()) {
      case RPC_ERROR:
        return rpcError(e, chainId, transaction, errors == null ? SvmErrors.standard() : errors);
      case TIMEOUT:
        return ChainError.builder(ErrorKind.TIMEOUT, chainId, e.getMessage()).nativeCode("timeout").build();
      case HTTP_STATUS:
      case RATE_LIMITED:
        return ChainError.builder(ErrorKind.TRANSPORT, chainId, e.getMessage()).nativeCode("http:" + e.httpStatus()).build();
      default:
        return ChainError.builder(ErrorKind.TRANSPORT, chainId, e.getMessage())
            .nativeCode(e.kind().name().toLowerCase(java.util.Locale.ROOT)).build();
    }
  }

  private static ChainError rpcError(TransportException e, ChainId chainId, Transaction tx, SvmErrors errors) {
    long code = e.code();
    String message = e.rpcMessage().orElse("JSON-RPC error " + code);
    String signature = tx != null && tx.hasSignature(0) ? tx.id() : null;
    Message m = tx == null ? null : tx.message();
    if (code == SEND_TRANSACTION_PREFLIGHT_FAILURE) {
      Optional<TransactionError> te = transactionError(e);
      if (te.isPresent()) {
        return errors.toChainError(chainId, te.get(), m, logs(e), signature);
      }
    }
    ErrorKind kind;
    if (code == SEND_TRANSACTION_PREFLIGHT_FAILURE || code == TRANSACTION_SIGNATURE_VERIFICATION_FAILURE) {
      kind = ErrorKind.REJECTED_BY_NODE;
    } else if (code == BLOCK_NOT_AVAILABLE || code == NODE_UNHEALTHY || code == BLOCK_STATUS_NOT_AVAILABLE_YET
        || code == MIN_CONTEXT_SLOT_NOT_REACHED || code == -32700) {
      kind = ErrorKind.TRANSPORT;
    } else if (code == KEY_EXCLUDED_FROM_SECONDARY_INDEX || code == UNSUPPORTED_TRANSACTION_VERSION || code == -32601) {
      kind = ErrorKind.UNSUPPORTED;
    } else if (code == -32600 || code == -32602) {
      kind = ErrorKind.INVALID_INPUT;
    } else {
      kind = ErrorKind.UNKNOWN;
    }
    List<String> logs = logs(e);
    return ChainError.builder(kind, chainId, message)
        .nativeCode(Long.toString(code))
        .nativeMessage(logs.isEmpty() ? message : message + "\n" + String.join("\n", logs))
        .transactionId(signature)
        .build();
  }
}
