package dev.cairn.abi.internal;

import dev.cairn.abi.AbiException;
import dev.cairn.core.CairnException;
import dev.cairn.core.encoding.DecodingException;

/**
 * Carries a value or decoding problem up through nested containers, each of which prepends its
 * index, so that the final message names the whole path (e.g. {@code args[1][0]}). Converted to
 * an {@link AbiException} or a {@link DecodingException} at the public entry points; no stack
 * trace is captured.
 */
public final class PathException extends CairnException {
  private static final long serialVersionUID = 1L;

  private final boolean decoding;
  private final long offset;
  private final String problem;
  private final AbiException.Reason reason;
  private String path = "";

  private PathException(boolean decoding, long offset, String problem, AbiException.Reason reason) {
    super(problem, null);
    this.decoding = decoding;
    this.offset = offset;
    this.problem = problem;
    this.reason = reason;
  }

  /** A problem with a Java value being encoded. */
  public static PathException value(String problem) {
    return new PathException(false, -1, problem, AbiException.Reason.INVALID_VALUE);
  }

  /** An unsupported construct met while encoding. */
  public static PathException unsupported(String problem) {
    return new PathException(false, -1, problem, AbiException.Reason.UNSUPPORTED);
  }

  /** A problem with encoded data at byte {@code offset}. */
  public static PathException decoding(long offset, String problem) {
    return new PathException(true, offset, problem, null);
  }

  /** Prepends an index segment {@code [i]}. */
  public PathException at(int index) {
    path = "[" + index + "]" + path;
    return this;
  }

  /** The path below the root, e.g. {@code [1][0]}. */
  public String path() {
    return path;
  }

  /** Converts to the public exception, naming {@code root + path}. */
  public CairnException toPublic(String root) {
    if (decoding) {
      return new DecodingException(root + path, offset, problem);
    }
    return new AbiException(reason, root + path + ": " + problem);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
