package dev.cairn.cosmos.errors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.transport.JsonLimits;
import dev.cairn.transport.TransportException;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Maps what a Cosmos node reports into the sdk-core taxonomy ({@link ErrorKind}), keeping the
 * native detail: {@link ChainError#nativeCode()} is {@code codespace:code} for ABCI results
 * ({@code sdk:32}, {@code wasm:5}) and {@code grpc:N} for gRPC-gateway errors, {@link
 * ChainError#nativeMessage()} the node's log or message verbatim, {@link ChainError#revertReason()}
 * the contract's own error text for CosmWasm failures.
 *
 * <table>
 *   <caption>ABCI codes (cosmos-sdk {@code types/errors/errors.go}, wasmd {@code x/wasm/types/errors.go})</caption>
 *   <tr><th>codespace:code</th><th>meaning</th><th>kind</th></tr>
 *   <tr><td>sdk:2</td><td>tx parse error</td><td>INVALID_INPUT</td></tr>
 *   <tr><td>sdk:3, sdk:32</td><td>invalid / incorrect account sequence</td><td>NONCE_MISMATCH</td></tr>
 *   <tr><td>sdk:4</td><td>unauthorized</td><td>REJECTED_BY_NODE</td></tr>
 *   <tr><td>sdk:5</td><td>insufficient funds</td><td>INSUFFICIENT_FUNDS</td></tr>
 *   <tr><td>sdk:11</td><td>out of gas</td><td>OUT_OF_GAS</td></tr>
 *   <tr><td>sdk:13</td><td>insufficient fee</td><td>REJECTED_BY_NODE</td></tr>
 *   <tr><td>sdk:19, sdk:20</td><td>tx already in mempool, mempool is full</td><td>REJECTED_BY_NODE</td></tr>
 *   <tr><td>sdk:21</td><td>tx too large</td><td>REJECTED_BY_NODE</td></tr>
 *   <tr><td>sdk:30</td><td>tx timeout height</td><td>EXPIRED</td></tr>
 *   <tr><td>sdk:7, 8, 9, 10, 12, 14, 15, 18, 24, 28, 29, 31, 41</td><td>invalid address, pubkey, coins, memo, signer, chain id, ...</td><td>INVALID_INPUT</td></tr>
 *   <tr><td>wasm:2, 4, 5, 9, 11</td><td>create / instantiate / execute / query / migrate failed</td><td>REVERTED (contract message as reason)</td></tr>
 *   <tr><td>wasm:6</td><td>insufficient gas</td><td>OUT_OF_GAS</td></tr>
 *   <tr><td>wasm:8</td><td>not found</td><td>INVALID_INPUT</td></tr>
 *   <tr><td>anything else</td><td></td><td>UNKNOWN (code kept)</td></tr>
 * </table>
 *
 * <pre>{@code
 * ChainError e = CosmosErrors.abci(chainId, "sdk", 32,
 *     "account sequence mismatch, expected 7, got 6: incorrect account sequence", null);
 * long expected = CosmosErrors.expectedSequence(e.nativeMessage().orElse("")).getAsLong(); // 7
 * }</pre>
 */
public final class CosmosErrors {
  private CosmosErrors() {}

  /**
   * Registered descriptions of the sdk and wasm codes recognised inside free text, with their codes;
   * the first found wins (a contract failure wraps its cause, e.g. a bank send's insufficient funds).
   */
  private static final String[][] DESCRIPTIONS = {
      {"incorrect account sequence", "sdk", "32"},
      {"account sequence mismatch", "sdk", "32"},
      {"execute wasm contract failed", "wasm", "5"},
      {"instantiate wasm contract failed", "wasm", "4"},
      {"query wasm contract failed", "wasm", "9"},
      {"migrate wasm contract failed", "wasm", "11"},
      {"create wasm contract failed", "wasm", "2"},
      {"insufficient funds", "sdk", "5"},
      {"out of gas", "sdk", "11"},
      {"insufficient fee", "sdk", "13"},
      {"tx timeout height", "sdk", "30"},
      {"tx already in mempool", "sdk", "19"},
      {"tx already exists in cache", "sdk", "19"},
      {"mempool is full", "sdk", "20"},
      {"tx too large", "sdk", "21"},
      {"tx parse error", "sdk", "2"},
      {"unauthorized", "sdk", "4"},
  };

  /** The kind of an ABCI {@code codespace:code} (see the table above). */
  public static ErrorKind kindOf(String codespace, long code) {
    String cs = codespace == null ? "" : codespace;
    if (code == 0) {
      return ErrorKind.UNKNOWN;
    }
    if (cs.equals("sdk")) {
      switch ((int) Math.min(code, Integer.MAX_VALUE)) {
        case 5: return ErrorKind.INSUFFICIENT_FUNDS;
        case 11: return ErrorKind.OUT_OF_GAS;
        case 3:
        case 32: return ErrorKind.NONCE_MISMATCH;
        case 4:
        case 13:
        case 19:
        case 20:
        case 21: return ErrorKind.REJECTED_BY_NODE;
        case 30: return ErrorKind.EXPIRED;
        case 2:
        case 7:
        case 8:
        case 9:
        case 10:
        case 12:
        case 14:
        case 15:
        case 18:
        case 24:
        case 28:
        case 29:
        case 31:
        case 41: return ErrorKind.INVALID_INPUT;
        default: return ErrorKind.UNKNOWN;
      }
    }
    if (cs.equals("wasm")) {
      if (code == 6) {
        return ErrorKind.OUT_OF_GAS;
      }
      if (code == 2 || code == 4 || code == 5 || code == 9 || code == 11) {
        return ErrorKind.REVERTED;
      }
      if (code == 8) {
        return ErrorKind.INVALID_INPUT;
      }
    }
    return ErrorKind.UNKNOWN;
  }

  /**
   * The error for a non-zero ABCI result ({@code CheckTx}, {@code DeliverTx} / {@code ExecTxResult}).
   *
   * @param chainId the chain, or {@code null}
   * @param codespace e.g. {@code sdk}, {@code wasm}
   * @param code the non-zero code
   * @param log the node's {@code raw_log} / {@code log}, or {@code null}
   * @param txHash the transaction hash, or {@code null}
   */
  public static ChainError abci(ChainId chainId, String codespace, long code, String log, String txHash) {
    String cs = codespace == null ? "" : codespace;
    ErrorKind kind = kindOf(cs, code);
    String reason = kind == ErrorKind.REVERTED ? contractMessage(log).orElse(null) : null;
    String message = log == null || log.isEmpty() ? "ABCI error " + cs + ":" + code : log;
    return ChainError.builder(kind, chainId, message)
        .nativeCode(cs + ":" + code)
        .nativeMessage(log == null || log.isEmpty() ? null : log)
        .revertReason(reason)
        .transactionId(txHash)
        .build();
  }

  /**
   * The error for a gRPC-gateway error body {@code {code, message, details}}: the kind comes from
   * an SDK or wasm error description found in the message (a simulation's "account sequence
   * mismatch, expected 7, got 6: incorrect account sequence" is NONCE_MISMATCH, "...: execute wasm
   * contract failed" REVERTED with the contract's message), else from the gRPC status code: 3
   * InvalidArgument, 5 NotFound, 6 AlreadyExists, 9 FailedPrecondition and 11 OutOfRange are
   * INVALID_INPUT; 4 DeadlineExceeded TIMEOUT; 14 Unavailable TRANSPORT; 7 PermissionDenied, 8
   * ResourceExhausted and 16 Unauthenticated REJECTED_BY_NODE; 12 Unimplemented UNSUPPORTED;
   * others UNKNOWN. The native code is {@code grpc:N}.
   */
  public static ChainError grpc(ChainId chainId, int grpcCode, String message) {
    String msg = message == null ? "" : message;
    ErrorKind kind = ErrorKind.UNKNOWN;
    String reason = null;
    String[] found = findDescription(msg);
    if (found != null) {
      kind = kindOf(found[1], Long.parseLong(found[2]));
      if (kind == ErrorKind.REVERTED) {
        reason = contractMessage(msg).orElse(null);
      }
    } else {
      switch (grpcCode) {
        case 3:
        case 5:
        case 6:
        case 9:
        case 11: kind = ErrorKind.INVALID_INPUT; break;
        case 4: kind = ErrorKind.TIMEOUT; break;
        case 14: kind = ErrorKind.TRANSPORT; break;
        case 7:
        case 8:
        case 16: kind = ErrorKind.REJECTED_BY_NODE; break;
        case 12: kind = ErrorKind.UNSUPPORTED; break;
        default: break;
      }
    }
    return ChainError.builder(kind, chainId, msg.isEmpty() ? "gRPC error " + grpcCode : msg)
        .nativeCode("grpc:" + grpcCode)
        .nativeMessage(msg.isEmpty() ? null : msg)
        .revertReason(reason)
        .build();
  }

  /**
   * The error for a CometBFT JSON-RPC error (its {@code message} and {@code data}, e.g. {@code
   * "tx already exists in cache"}): REJECTED_BY_NODE for the mempool refusals, else by the SDK
   * descriptions the text contains, else UNKNOWN. The native code is {@code jsonrpc:N}.
   */
  public static ChainError cometRpc(ChainId chainId, long rpcCode, String message, String data) {
    String text = (message == null ? "" : message) + (data == null || data.isEmpty() ? "" : ": " + data);
    String[] found = findDescription(text);
    ErrorKind kind = found == null ? ErrorKind.UNKNOWN : kindOf(found[1], Long.parseLong(found[2]));
    return ChainError.builder(kind, chainId, text.isEmpty() ? "JSON-RPC error " + rpcCode : text)
        .nativeCode("jsonrpc:" + rpcCode)
        .nativeMessage(text.isEmpty() ? null : text)
        .build();
  }

  /**
   * The chain's reading of a transport failure, when the node answered with an error it explains:
   * an HTTP error whose body is a gRPC-gateway error ({@link #grpc}), or a JSON-RPC error ({@link
   * #cometRpc}). Empty for connection failures, timeouts and malformed responses.
   */
  public static Optional<ChainError> fromTransport(ChainId chainId, TransportException e) {
    if (e.kind() == TransportException.Kind.RPC_ERROR) {
      String data = e.dataJson().map(CosmosErrors::unquote).orElse(null);
      return Optional.of(cometRpc(chainId, e.code(), e.rpcMessage().orElse(null), data));
    }
    if (e.kind() == TransportException.Kind.HTTP_STATUS && e.errorBody().isPresent()) {
      GatewayError g = parseGateway(e.errorBody().get());
      if (g != null) {
        return Optional.of(grpc(chainId, g.code, g.message));
      }
    }
    return Optional.empty();
  }

  /**
   * {@code e} as a {@link ChainException} when {@link #fromTransport} explains it (the transport
   * exception is its cause), else {@code e} itself.
   */
  public static RuntimeException translate(ChainId chainId, TransportException e) {
    Optional<ChainError> ce = fromTransport(chainId, e);
    return ce.isPresent() ? new ChainException(ce.get(), e) : e;
  }

  /** The gRPC status code of a gateway error body, if it is one. */
  public static OptionalLong gatewayCode(TransportException e) {
    if (e.kind() != TransportException.Kind.HTTP_STATUS || !e.errorBody().isPresent()) {
      return OptionalLong.empty();
    }
    GatewayError g = parseGateway(e.errorBody().get());
    return g == null ? OptionalLong.empty() : OptionalLong.of(g.code);
  }

  /**
   * The sequence the chain expected, from a log such as {@code "account sequence mismatch,
   * expected 7, got 6: incorrect account sequence"}.
   */
  public static OptionalLong expectedSequence(String log) {
    return numberAfter(log, "expected ");
  }

  /** The sequence the transaction carried, from the same log ({@code got 6}). */
  public static OptionalLong gotSequence(String log) {
    return numberAfter(log, "got ");
  }

  /** The expected sequence of a NONCE_MISMATCH error, from its native message. */
  public static OptionalLong expectedSequence(ChainError error) {
    if (error.kind() != ErrorKind.NONCE_MISMATCH) {
      return OptionalLong.empty();
    }
    return expectedSequence(error.nativeMessage().orElse(""));
  }

  private static OptionalLong numberAfter(String log, String marker) {
    if (log == null) {
      return OptionalLong.empty();
    }
    int m = log.indexOf("account sequence mismatch");
    if (m < 0) {
      return OptionalLong.empty();
    }
    int k = log.indexOf(marker, m);
    if (k < 0) {
      return OptionalLong.empty();
    }
    int i = k + marker.length();
    long v = 0;
    int digits = 0;
    while (i < log.length() && digits < 19) {
      char c = log.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      v = v * 10 + (c - '0');
      digits++;
      i++;
    }
    return digits == 0 ? OptionalLong.empty() : OptionalLong.of(v);
  }

  /**
   * The contract's own error text in a wasmd log, e.g. {@code "Unauthorized"} from {@code "failed
   * to execute message; message index: 0: Unauthorized: execute wasm contract failed"}, or from a
   * query's {@code "... desc = Generic error: not found: query wasm contract failed: unknown
   * request"}.
   */
  public static Optional<String> contractMessage(String log) {
    if (log == null) {
      return Optional.empty();
    }
    for (String s : new String[] {": execute wasm contract failed", ": instantiate wasm contract failed",
        ": query wasm contract failed", ": migrate wasm contract failed", ": create wasm contract failed"}) {
      int end = log.lastIndexOf(s);
      if (end < 0) {
        continue;
      }
      int start = 0;
      String marker = "message index: ";
      int m = log.lastIndexOf(marker, end);
      if (m >= 0) {
        int colon = log.indexOf(": ", m + marker.length());
        start = colon >= 0 && colon < end ? colon + 2 : m + marker.length();
      } else {
        int d = log.lastIndexOf("desc = ", end);
        if (d >= 0) {
          start = d + 7;
        }
      }
      String r = log.substring(start, end).trim();
      return r.isEmpty() ? Optional.empty() : Optional.of(r);
    }
    return Optional.empty();
  }

  private static String[] findDescription(String text) {
    for (String[] d : DESCRIPTIONS) {
      if (text.contains(d[0])) {
        return d;
      }
    }
    return null;
  }

  private static String unquote(String json) {
    if (json.length() >= 2 && json.charAt(0) == '"') {
      try (JsonParser p = JsonLimits.jsonFactory().createParser(json)) {
        if (p.nextToken() == JsonToken.VALUE_STRING) {
          return p.getText();
        }
      } catch (IOException | RuntimeException ignored) {
        // fall through
      }
    }
    return json;
  }

  private static final class GatewayError {
    final int code;
    final String message;

    GatewayError(int code, String message) {
      this.code = code;
      this.message = message;
    }
  }

  /** {@code {"code": 5, "message": "...", "details": []}} (unknown members ignored), or null. */
  private static GatewayError parseGateway(String body) {
    try (JsonParser p = JsonLimits.jsonFactory().createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Integer code = null;
      String message = null;
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken v = p.nextToken();
        if (f.equals("code") && v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
          code = p.getIntValue();
        } else if ((f.equals("message") || f.equals("error")) && v == JsonToken.VALUE_STRING) {
          message = p.getText();
        } else {
          p.skipChildren();
        }
      }
      return code == null || t != JsonToken.END_OBJECT ? null : new GatewayError(code, message);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
