package dev.cairn.hsm.ledger.eth;

/**
 * How a transaction is cut into signTransaction APDUs. The device accepts either; the choice only
 * matters to reproduce a given ledgerjs version byte for byte.
 */
public enum TxChunking {
  /**
   * hw-app-eth 6.29+ / 7.x ({@code safeChunkTransaction}): the path and the transaction
   * concatenated and cut into 255-byte chunks; for legacy transactions the chunk size is lowered
   * until the last chunk is not made only of the EIP-155 {@code (chainId, 0, 0)} tail.
   */
  LEDGERJS,
  /**
   * Older hw-app-eth (the recorded exchanges in the ledgerjs test suite): 150-byte APDUs, the path
   * in the first; for legacy transactions with more than 6 fields a chunk that would end inside
   * the EIP-155 tail is extended to the end of the transaction.
   */
  LEDGERJS_LEGACY_150
}
