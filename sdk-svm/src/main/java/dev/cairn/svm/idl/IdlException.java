package dev.cairn.svm.idl;

import dev.cairn.svm.SvmException;

/**
 * A problem with an Anchor IDL or with its use: a malformed or unsupported IDL (the {@link #path()}
 * is the JSON path, e.g. {@code $.instructions[2].args[0].type}), an unknown instruction, account or
 * event, arguments that do not fit, or an account that cannot be resolved (the path names the
 * instruction and account). Data that does not decode is a {@link
 * dev.cairn.core.encoding.DecodingException} naming the value path and offset instead.
 */
public final class IdlException extends SvmException {
  private static final long serialVersionUID = 1L;
  private final String path;
  /** A well-formed part this library does not read (zero-copy layouts): refused only where used. */
  final boolean unsupported;

  IdlException(String path, String problem) {
    this(path, problem, false);
  }

  IdlException(String path, String problem, boolean unsupported) {
    super(Reason.INVALID_INPUT, path + ": " + problem);
    this.path = path;
    this.unsupported = unsupported;
  }

  IdlException(String path, String problem, Throwable cause) {
    super(Reason.INVALID_INPUT, path + ": " + problem, cause);
    this.path = path;
    this.unsupported = false;
  }

  /** Where the problem is: a JSON path into the IDL, or the instruction/account/event concerned. */
  public String path() {
    return path;
  }
}
