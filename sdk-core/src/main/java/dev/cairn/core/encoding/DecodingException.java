package dev.cairn.core.encoding;

import dev.cairn.core.CairnException;

/**
 * Input that is not a valid encoding: bad characters, a bad checksum, a length out of range,
 * non-canonical forms. {@link #field()} names what was being decoded and {@link #offset()} the
 * position of the problem in it ({@code -1} when it concerns the input as a whole).
 */
public final class DecodingException extends CairnException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final long offset;

  public DecodingException(String field, long offset, String problem) {
    super(format(field, offset, problem));
    this.field = field;
    this.offset = offset;
  }

  public DecodingException(String field, long offset, String problem, Throwable cause) {
    super(format(field, offset, problem), cause);
    this.field = field;
    this.offset = offset;
  }

  private static String format(String field, long offset, String problem) {
    StringBuilder sb = new StringBuilder(64);
    sb.append(field == null ? "input" : field);
    if (offset >= 0) {
      sb.append(" at offset ").append(offset);
    }
    return sb.append(": ").append(problem).toString();
  }

  /** What was being decoded, e.g. {@code "hex"}, {@code "rlp"}, or a caller-supplied field name. */
  public String field() {
    return field;
  }

  /** Offset of the problem in the input, or -1 when it concerns the whole input. */
  public long offset() {
    return offset;
  }
}
