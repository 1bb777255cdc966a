package dev.cairn.svm.borsh;

import dev.cairn.core.encoding.DecodingException;
import dev.cairn.svm.SvmException;

/**
 * A failure inside the type tree, carrying the path from the failing leaf up (segments are
 * prepended as the exception unwinds) and the offset; converted at the API boundary into a {@link
 * DecodingException} (decoding) or an {@link SvmException} INVALID_INPUT (encoding). No stack trace:
 * it is a control-flow signal that always becomes a public exception.
 */
final class BorshError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String problem;
  private final long offset;
  private String path = "";

  BorshError(String problem, long offset) {
    super(problem, null, false, false);
    this.problem = problem;
    this.offset = offset;
  }

  /** Prepends a field segment ({@code name}) or an index segment ({@code [i]}). */
  BorshError at(String segment) {
    if (path.isEmpty() || path.charAt(0) == '[') {
      path = segment + path;
    } else {
      path = segment + "." + path;
    }
    return this;
  }

  BorshError at(int index) {
    path = "[" + index + "]" + (path.isEmpty() || path.charAt(0) == '[' ? path : "." + path);
    return this;
  }

  String path(String root) {
    if (path.isEmpty()) {
      return root;
    }
    return path.charAt(0) == '[' ? root + path : root + "." + path;
  }

  DecodingException decoding(String root) {
    return new DecodingException(path(root), offset, problem);
  }

  SvmException encoding(String root) {
    return new SvmException(SvmException.Reason.INVALID_INPUT, path(root) + " (at byte " + offset + "): " + problem);
  }
}
