package dev.cairn.testing.node;

/** A JSON-RPC error answer from a local node ({@code {"error":{"code":..,"message":..}}}). */
public final class JsonRpcException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long code;
  private final String errorMessage;
  private final String data;

  /** An error answer to {@code method}; {@code data} is the error's data member as JSON text, or null. */
  public JsonRpcException(String method, long code, String errorMessage, String data) {
    super(method + ": [" + code + "] " + errorMessage + (data == null ? "" : " data=" + data));
    this.code = code;
    this.errorMessage = errorMessage;
    this.data = data;
  }

  /** The JSON-RPC error code. */
  public long code() {
    return code;
  }

  /** The error's message member. */
  public String errorMessage() {
    return errorMessage;
  }

  /** The error's data member as JSON text, or null when absent. */
  public String data() {
    return data;
  }
}
