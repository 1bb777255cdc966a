package dev.cairn.transport;

import dev.cairn.core.CairnException;
import java.time.Duration;
import java.util.Optional;

/**
 * A call over the transport failed; {@link #kind()} says how. The one exception type of the
 * transport, for JSON-RPC over HTTP, REST and WebSocket alike. Chain modules classify it further
 * (e.g. sdk-evm maps {@link Kind#RPC_ERROR} codes and messages to chain-neutral error kinds).
 *
 * <p>Messages contain the method name (or REST path), the server's error message and code, the
 * HTTP status or the JSON path of a malformed value; never request parameters or bodies (which may
 * hold signed transactions).
 */
public final class TransportException extends CairnException {
  private static final long serialVersionUID = 1L;

  /** How a call failed. */
  public enum Kind {
    /**
     * The connection could not be established, so the request never left: safe to retry even for
     * calls that are not idempotent.
     */
    CONNECT,
    /**
     * The connection broke during the exchange (or the caller was interrupted): the request may
     * have reached the server.
     */
    IO,
    /** No complete answer within the call's timeout. */
    TIMEOUT,
    /** The server answered with an HTTP status other than 2xx (and not 429); see {@link #httpStatus()}. */
    HTTP_STATUS,
    /** The server answered HTTP 429 Too Many Requests; see {@link #retryAfter()}. */
    RATE_LIMITED,
    /** The response is not valid JSON, not a valid JSON-RPC response, too large, or a value has the wrong shape. */
    MALFORMED_RESPONSE,
    /** The server answered with a JSON-RPC {@code error} object; see {@link #code()}. */
    RPC_ERROR,
    /** The client was closed (or the WebSocket is not connected). */
    CLOSED
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
  private String errorBody;

  private TransportException(Kind kind, String method, String text, long code, String rpcMessage, String dataJson,
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
   * A JSON-RPC error object from the server.
   *
   * @param dataJson the {@code data} member as raw JSON text, or {@code null} if absent
   */
  public static TransportException rpcError(String method, long code, String message, String dataJson) {
    String text = prefix(method) + ": " + (message == null ? "(no message)" : message) + " [code " + code + "]";
    return new TransportException(Kind.RPC_ERROR, method, text, code, message, dataJson, -1, null, null, null);
  }

  /** The connection could not be made; the request was not sent. */
  public static TransportException connect(String method, String problem, Throwable cause) {
    return new TransportException(Kind.CONNECT, method, prefix(method) + ": cannot connect: " + problem,
        0, null, null, -1, null, null, cause);
  }

  /** The exchange broke; the request may have reached the server. */
  public static TransportException io(String method, String problem, Throwable cause) {
    return new TransportException(Kind.IO, method, prefix(method) + ": transport failure: " + problem,
        0, null, null, -1, null, null, cause);
  }

  /** The client is closed or not connected. */
  public static TransportException closed(String method, String problem) {
    return new TransportException(Kind.CLOSED, method, prefix(method) + ": " + problem, 0, null, null, -1, null, null,
        null);
  }

  /** A timeout. */
  public static TransportException timeout(String method, Duration timeout, Throwable cause) {
    return new TransportException(Kind.TIMEOUT, method, prefix(method) + ": no response within "
        + (timeout == null ? "the timeout" : timeout.toMillis() + " ms"), 0, null, null, -1, null, null, cause);
  }

  /**
   * A non-2xx HTTP answer: {@link Kind#RATE_LIMITED} for 429, else {@link Kind#HTTP_STATUS}.
   *
   * @param bodySnippet the start of the body (already bounded), or {@code null}
   * @param retryAfter the server's {@code Retry-After}, or {@code null}
   */
  public static TransportException httpStatus(String method, int status, String bodySnippet, Duration retryAfter) {
    String text = prefix(method) + ": HTTP " + status
        + (retryAfter == null ? "" : " (retry after " + retryAfter.toMillis() + " ms)")
        + (bodySnippet == null || bodySnippet.isEmpty() ? "" : ": " + bodySnippet);
    return new TransportException(status == 429 ? Kind.RATE_LIMITED : Kind.HTTP_STATUS, method, text, 0, null, null,
        status, retryAfter, null, null);
  }

  /**
   * A non-2xx HTTP answer that keeps the start of its body (at most {@link #MAX_ERROR_BODY_CHARS}
   * characters) for callers that parse structured error bodies, such as gRPC-gateway's {@code
   * {code, message, details}}.
   *
   * @param errorBody the body's start as text, or {@code null}
   */
  public static TransportException httpStatus(String method, int status, String bodySnippet, Duration retryAfter,
      String errorBody) {
    TransportException e = httpStatus(method, status, bodySnippet, retryAfter);
    e.errorBody = errorBody == null || errorBody.length() <= MAX_ERROR_BODY_CHARS ? errorBody
        : errorBody.substring(0, MAX_ERROR_BODY_CHARS);
    return e;
  }

  /** The most characters of a non-2xx body kept by {@link #errorBody()}. */
  public static final int MAX_ERROR_BODY_CHARS = 16 * 1024;

  /**
   * A malformed response.
   *
   * @param path JSON pointer of the offending value (e.g. {@code /result/transactions/3/gas}), or
   *     {@code ""} for the whole body
   */
  public static TransportException malformed(String method, String path, String problem) {
    TransportException e = new TransportException(Kind.MALFORMED_RESPONSE, method, prefix(method)
        + ": malformed response at " + (path == null || path.isEmpty() ? "/" : path) + ": " + problem, 0, null, null,
        -1, null, path == null ? "" : path, null);
    e.problem = problem;
    return e;
  }

  /** A malformed-response exception with {@code prefix} put before its path (batch element results). */
  TransportException withPathPrefix(String prefix, String otherMethod) {
    if (kind != Kind.MALFORMED_RESPONSE) {
      return forMethod(otherMethod);
    }
    String rel = path == null || path.equals("/") ? "" : path;
    return malformed(otherMethod, prefix + rel, problem);
  }

  /** This exception for another method name (used when a batch-wide failure is fanned out). */
  public TransportException forMethod(String otherMethod) {
    if (otherMethod == null ? method == null : otherMethod.equals(method)) {
      return this;
    }
    String text = getMessage();
    String old = prefix(method);
    if (text.startsWith(old)) {
      text = prefix(otherMethod) + text.substring(old.length());
    }
    TransportException e = new TransportException(kind, otherMethod, text, code, rpcMessage, dataJson, httpStatus,
        retryAfter, path, getCause());
    e.problem = problem;
    e.errorBody = errorBody;
    return e;
  }

  /** How the call failed. */
  public Kind kind() {
    return kind;
  }

  /**
   * Whether the failure is the transport's rather than the server's answer: {@link Kind#CONNECT},
   * {@link Kind#IO}, {@link Kind#TIMEOUT}, {@link Kind#HTTP_STATUS}, {@link Kind#RATE_LIMITED} or
   * {@link Kind#CLOSED} (the endpoint could not be used), as opposed to {@link Kind#RPC_ERROR} and
   * {@link Kind#MALFORMED_RESPONSE}.
   */
  public boolean isTransportFailure() {
    return kind != Kind.RPC_ERROR && kind != Kind.MALFORMED_RESPONSE;
  }

  /**
   * Whether the request may have reached the server: false only for {@link Kind#CONNECT} and
   * {@link Kind#CLOSED} (nothing was sent).
   */
  public boolean mayHaveReachedServer() {
    return kind != Kind.CONNECT && kind != Kind.CLOSED;
  }

  /** The JSON-RPC method (or REST path), or {@code null} for a failure of a whole batch. */
  public String method() {
    return method;
  }

  /** The JSON-RPC error code ({@link Kind#RPC_ERROR} only, else 0). */
  public long code() {
    return code;
  }

  /** The server's error message ({@link Kind#RPC_ERROR} only). */
  public Optional<String> rpcMessage() {
    return Optional.ofNullable(rpcMessage);
  }

  /** The error's {@code data} member as raw JSON text ({@link Kind#RPC_ERROR} only). */
  public Optional<String> dataJson() {
    return Optional.ofNullable(dataJson);
  }

  /** The HTTP status ({@link Kind#HTTP_STATUS} and {@link Kind#RATE_LIMITED} only, else -1). */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * The start of a non-2xx response's body as UTF-8 text (at most {@link #MAX_ERROR_BODY_CHARS}
   * characters; {@link Kind#HTTP_STATUS} and {@link Kind#RATE_LIMITED} only), e.g. a REST API's
   * structured error. Never part of {@link #getMessage()} beyond the short snippet.
   */
  public Optional<String> errorBody() {
    return Optional.ofNullable(errorBody);
  }

  /** The server's {@code Retry-After}, if it sent one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The JSON pointer of the malformed value ({@link Kind#MALFORMED_RESPONSE} only). */
  public Optional<String> path() {
    return Optional.ofNullable(path);
  }
}
