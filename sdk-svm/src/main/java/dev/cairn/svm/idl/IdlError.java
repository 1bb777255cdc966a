package dev.cairn.svm.idl;

import java.util.Objects;

/**
 * A program error: a code the program returns as {@code Custom(code)}, its name and message — from
 * the IDL's {@code errors} list ({@link Source#PROGRAM}, codes from 6000 by Anchor's convention) or
 * from Anchor's own framework errors ({@link Source#ANCHOR}: 100-5000, e.g. 2006 ConstraintSeeds,
 * 3012 AccountNotInitialized). Immutable.
 */
public final class IdlError {
  /** Where the error is defined. */
  public enum Source {
    /** The program's IDL. */
    PROGRAM,
    /** The Anchor framework (anchor-lang's ErrorCode). */
    ANCHOR
  }

  private final long code;
  private final String name;
  private final String message;
  private final Source source;

  IdlError(long code, String name, String message, Source source) {
    this.code = code;
    this.name = name;
    this.message = message;
    this.source = source;
  }

  /** The custom error code. */
  public long code() {
    return code;
  }

  /** The error's name, e.g. {@code InsufficientBalance}. */
  public String name() {
    return name;
  }

  /** The message ({@code msg}), or empty when the IDL gives none. */
  public String message() {
    return message;
  }

  /** IDL or framework. */
  public Source source() {
    return source;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof IdlError)) {
      return false;
    }
    IdlError e = (IdlError) o;
    return e.code == code && e.name.equals(name) && e.message.equals(message) && e.source == source;
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, name, message, source);
  }

  /** {@code 6000 InsufficientBalance: Not enough tokens}. */
  @Override
  public String toString() {
    return code + " " + name + (message.isEmpty() ? "" : ": " + message);
  }
}
