package dev.cairn.evm.tx;

/** The EIP-2718 transaction types this SDK builds, signs and decodes. */
public enum TxType {
  /** Legacy transaction (type 0): with an EIP-155 chain id, or pre-EIP-155 without. */
  LEGACY(0),
  /** EIP-2930 access-list transaction (type 1, Berlin). */
  ACCESS_LIST(1),
  /** EIP-1559 dynamic-fee transaction (type 2, London). */
  DYNAMIC_FEE(2),
  /** EIP-4844 blob transaction (type 3, Cancun), without the network wrapper (blobs, proofs). */
  BLOB(3),
  /** EIP-7702 set-code transaction (type 4, Prague) with an authorization list. */
  SET_CODE(4);

  private final int id;

  TxType(int id) {
    this.id = id;
  }

  /** The type byte (0 for legacy, which has no type byte on the wire). */
  public int id() {
    return id;
  }

  /**
   * The type with the given type byte.
   *
   * @throws EvmTxException (INVALID_FIELD, field "type") for other values
   */
  public static TxType of(int id) {
    for (TxType t : values()) {
      if (t.id == id) {
        return t;
      }
    }
    throw new EvmTxException(
        EvmTxException.Reason.INVALID_FIELD, "type", "unsupported transaction type " + id);
  }
}
