package dev.cairn.svm.errors;

import dev.cairn.core.chain.ErrorKind;
import java.util.Objects;
import java.util.Optional;

/**
 * What a program's custom error code means: its name (e.g. {@code "InsufficientFunds"}), a message
 * and, when it is more specific than a program failure, the chain-neutral kind (e.g. {@link
 * ErrorKind#INSUFFICIENT_FUNDS} for the Token program's code 1). Immutable.
 */
public final class ProgramError {
  private final String name;
  private final String message;
  private final ErrorKind kind;

  private ProgramError(String name, String message, ErrorKind kind) {
    this.name = name;
    this.message = message;
    this.kind = kind;
  }

  /**
   * An error description.
   *
   * @param kind the kind, or {@code null} to keep the default ({@link ErrorKind#REVERTED})
   */
  public static ProgramError of(String name, String message, ErrorKind kind) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(message, "message");
    return new ProgramError(name, message, kind);
  }

  /** The error's name in the program's source, e.g. {@code "InsufficientFunds"}. */
  public String name() {
    return name;
  }

  /** A human-readable message. */
  public String message() {
    return message;
  }

  /** The chain-neutral kind when more specific than {@link ErrorKind#REVERTED}. */
  public Optional<ErrorKind> kind() {
    return Optional.ofNullable(kind);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ProgramError)) {
      return false;
    }
    ProgramError p = (ProgramError) o;
    return name.equals(p.name) && message.equals(p.message) && kind == p.kind;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, message, kind);
  }

  @Override
  public String toString() {
    return name + ": " + message + (kind == null ? "" : " (" + kind + ")");
  }
}
