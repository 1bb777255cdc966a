package dev.cairn.cli;

/** Input the human commands reject; the message is shown as is and must not quote secrets. */
final class UserInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserInputException(String message) {
    super(message, null, false, false);
  }
}
