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

  /**
   * Reads broadcastable {@code TxRaw} bytes back as a signed transaction of {@code chainId}: the body
   * and auth info must decode, and there must be one non-empty signature per signer info. The
   * signatures cannot be verified here (the sign documents need the account numbers, which a
   * {@code TxRaw} does not carry); the chain verifies them.
   *
   * @throws dev.cairn.core.encoding.DecodingException naming the field when the bytes are malformed
   */
  public static SignedCosmosTransaction decode(byte[] txRaw, ChainId chainId) {
    if (chainId == null) {
      throw dev.cairn.cosmos.CosmosException.invalid("chainId", "is null");
    }
    TxRaw raw = TxRaw.decode(txRaw);
    TxBody body = raw.body();
    AuthInfo auth = raw.authInfo();
    if (auth.signerInfos().isEmpty() || auth.signerInfos().size() != raw.signatures().size()) {
      throw new dev.cairn.core.encoding.DecodingException("TxRaw.signatures", -1, raw.signatures().size()
          + " signatures for " + auth.signerInfos().size() + " signer infos");
    }
    for (int i = 0; i < raw.signatures().size(); i++) {
      if (raw.signatures().get(i).length != 64) {
        throw new dev.cairn.core.encoding.DecodingException("TxRaw.signatures[" + i + "]", -1,
            raw.signatures().get(i).length + " bytes, expected 64");
      }
    }
    return new SignedCosmosTransaction(chainId, raw, body.timeoutHeight());
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
