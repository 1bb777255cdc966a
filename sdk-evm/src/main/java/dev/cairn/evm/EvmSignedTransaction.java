package dev.cairn.evm;

import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.SignedTransaction;
import dev.cairn.evm.nonce.NonceManager;

/** A signed EVM transaction for {@link EvmChainAdapter#send}: the chain-neutral view of {@link dev.cairn.evm.tx.SignedTransaction}. */
public final class EvmSignedTransaction implements SignedTransaction {
  private final ChainId chainId;
  private final dev.cairn.evm.tx.SignedTransaction signed;
  private final NonceManager.Lease lease;

  EvmSignedTransaction(ChainId chainId, dev.cairn.evm.tx.SignedTransaction signed, NonceManager.Lease lease) {
    this.chainId = chainId;
    this.signed = signed;
    this.lease = lease;
  }

  /** Wraps a transaction signed elsewhere (its nonce is not managed by the adapter). */
  public static EvmSignedTransaction of(ChainId chainId, dev.cairn.evm.tx.SignedTransaction signed) {
    return new EvmSignedTransaction(chainId, signed, null);
  }

  @Override
  public ChainId chainId() {
    return chainId;
  }

  /** The transaction hash, 0x-prefixed. */
  @Override
  public String id() {
    return signed.hashHex();
  }

  @Override
  public byte[] encoded() {
    return signed.encoded();
  }

  /** The EVM view. */
  public dev.cairn.evm.tx.SignedTransaction signed() {
    return signed;
  }

  NonceManager.Lease lease() {
    return lease;
  }

  @Override
  public String toString() {
    return "EvmSignedTransaction{" + chainId + ", " + id() + "}";
  }
}
