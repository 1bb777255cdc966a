package dev.cairn.cosmos.tx;

import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.SignedTransaction;
import dev.cairn.core.chain.ValidityWindow;

/** A signed Cosmos transaction: its {@link TxRaw}, ready to broadcast; {@link #id()} is the tx hash. */
public final class SignedCosmosTransaction implements SignedTransaction {
  private final ChainId chainId;
  private final TxRaw txRaw;
  private final long timeoutHeight;
  private final String hash;

  SignedCosmosTransaction(ChainId chainId, TxRaw txRaw, long timeoutHeight) {
    this.chainId = chainId;
    this.txRaw = txRaw;
    this.timeoutHeight = timeoutHeight;
    this.hash = txRaw.hash();
  }

  @Override
  public ChainId chainId() {
    return chainId;
  }

  /** The transaction hash, uppercase hex. */
  @Override
  public String id() {
    return hash;
  }

  /** The TxRaw bytes (what {@code broadcast_tx_sync} and {@code /cosmos/tx/v1beta1/txs} take). */
  @Override
  public byte[] encoded() {
    return txRaw.encode();
  }

  public TxRaw txRaw() {
    return txRaw;
  }

  @Override
  public ValidityWindow validity() {
    return timeoutHeight == 0 ? ValidityWindow.none() : ValidityWindow.untilHeight(timeoutHeight);
  }

  @Override
  public String toString() {
    return "SignedCosmosTransaction{" + chainId + ", " + hash + "}";
  }
}
