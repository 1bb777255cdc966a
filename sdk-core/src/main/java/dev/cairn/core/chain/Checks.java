package dev.cairn.core.chain;

/** Package-private validation helpers. */
final class Checks {
  private Checks() {}

  /** INVALID_INPUT without a chain id; {@code message} starts with the field name. */
  static ChainException invalid(String message) {
    return new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, null, message));
  }

  /** INVALID_INPUT on {@code chainId}; {@code message} starts with the field name. */
  static ChainException invalid(ChainId chainId, String message) {
    return new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chainId, message));
  }
}
