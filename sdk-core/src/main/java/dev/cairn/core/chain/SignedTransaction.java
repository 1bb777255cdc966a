package dev.cairn.core.chain;

/**
 * A signed transaction, ready to send. Implemented by each chain module. Implementations are
 * immutable.
 */
public interface SignedTransaction {

  /** The chain the transaction is for. */
  ChainId chainId();

  /**
   * The transaction id as the chain's explorers show it: EVM {@code 0x}-prefixed keccak hash,
   * Solana base58 first signature, Cosmos uppercase hex SHA-256 of the {@code TxRaw} bytes.
   */
  String id();

  /**
   * The wire encoding (a copy): EVM raw transaction (RLP or typed envelope), Solana wire
   * transaction, Cosmos {@code TxRaw} protobuf. {@link ChainAdapter#decodeSigned} reads it back.
   */
  byte[] encoded();

  /** Until when it can land (EVM: none; Solana: the blockhash's last valid height; Cosmos: timeout height). */
  default ValidityWindow validity() {
    return ValidityWindow.none();
  }
}
