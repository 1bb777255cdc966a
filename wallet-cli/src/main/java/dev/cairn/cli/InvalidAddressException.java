package dev.cairn.cli;

import dev.cairn.core.CairnException;

/** An address that does not fit its chain's rules (length, checksum, prefix). */
public final class InvalidAddressException extends CairnException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String problem;

  /**
   * @param field the input field holding the address
   * @param problem what is wrong with it
   */
  public InvalidAddressException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  /** The input field holding the address. */
  public String field() {
    return field;
  }

  /** What is wrong, without the field name. */
  public String problem() {
    return problem;
  }
}
