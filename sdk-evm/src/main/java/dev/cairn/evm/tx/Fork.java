package dev.cairn.evm.tx;

/**
 * Ethereum mainnet hard forks, in order, as far as they change the state-free validity of a
 * transaction (types, intrinsic gas, signature rules). Used by {@link Transaction#validate(Fork)}
 * and {@link Transaction#intrinsicGas(Fork)}.
 */
public enum Fork {
  /** Frontier (2015). */
  FRONTIER,
  /** Homestead: contract creation costs 53000, s must be at most n/2 (EIP-2). */
  HOMESTEAD,
  /** Tangerine Whistle (EIP-150). */
  TANGERINE_WHISTLE,
  /** Spurious Dragon: EIP-155 chain ids in legacy signatures. */
  SPURIOUS_DRAGON,
  /** Byzantium. */
  BYZANTIUM,
  /** Constantinople. */
  CONSTANTINOPLE,
  /** Petersburg (ConstantinopleFix). */
  PETERSBURG,
  /** Istanbul: non-zero calldata bytes cost 16 gas instead of 68 (EIP-2028). */
  ISTANBUL,
  /** Berlin: access-list transactions (EIP-2930). */
  BERLIN,
  /** London: dynamic-fee transactions (EIP-1559). */
  LONDON,
  /** Paris (the Merge). */
  PARIS,
  /** Shanghai: initcode limit and word cost (EIP-3860). */
  SHANGHAI,
  /** Cancun: blob transactions (EIP-4844). */
  CANCUN,
  /** Prague: set-code transactions (EIP-7702), calldata floor cost (EIP-7623). */
  PRAGUE;

  /** The newest fork this SDK knows. */
  public static final Fork LATEST = PRAGUE;

  /** Whether this fork is {@code other} or later. */
  public boolean isAtLeast(Fork other) {
    return compareTo(other) >= 0;
  }

  /** Whether transactions of this type are valid in this fork. */
  public boolean supports(TxType type) {
    switch (type) {
      case LEGACY:
        return true;
      case ACCESS_LIST:
        return isAtLeast(BERLIN);
      case DYNAMIC_FEE:
        return isAtLeast(LONDON);
      case BLOB:
        return isAtLeast(CANCUN);
      case SET_CODE:
        return isAtLeast(PRAGUE);
      default:
        return false;
    }
  }
}
