package dev.cairn.evm;

import dev.cairn.abi.Address;
import dev.cairn.core.CairnException;
import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.chain.SignedTransaction;
import dev.cairn.core.chain.UnsignedTransaction;
import dev.cairn.core.crypto.EcdsaSignature;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.evm.nonce.NonceManager;
import dev.cairn.evm.sign.EvmSignature;
import dev.cairn.evm.sign.EvmSigning;
import dev.cairn.evm.tx.Transaction;
import java.util.List;
import java.util.Map;

/**
 * An EVM transaction built by {@link EvmChainAdapter#build} (or decoded with {@link
 * EvmChainAdapter#decodeUnsigned}): the {@link Transaction}, its sender — the fee payer and only
 * required signer — and, when the adapter chose the nonce, the nonce lease that {@link
 * EvmChainAdapter#send} settles (committed when the node accepts the transaction, released when it
 * rejects it). The sign request is made once, so its digest is hashed once.
 */
public final class EvmUnsignedTransaction implements UnsignedTransaction {
  private final ChainId chainId;
  private final AccountId from;
  private final List<AccountId> signers;
  private final Transaction transaction;
  private final NonceManager.Lease lease;
  private volatile SignRequest request;

  EvmUnsignedTransaction(ChainId chainId, AccountId from, Transaction transaction, NonceManager.Lease lease) {
    this.chainId = chainId;
    this.from = from;
    this.signers = List.of(from);
    this.transaction = transaction;
    this.lease = lease;
  }

  /**
   * A transaction from {@code from} that was built elsewhere (its nonce is not managed by an
   * adapter), e.g. to sign it partially or inspect it.
   */
  public static EvmUnsignedTransaction of(AccountId from, Transaction transaction) {
    if (from == null || transaction == null) {
      throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, from == null ? null : from.chainId(),
          (from == null ? "from" : "transaction") + ": is null"));
    }
    ChainId expected = ChainId.eip155(Math.max(1, transaction.chainId()));
    if (!from.chainId().equals(expected)) {
      throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, from.chainId(),
          "from: is on " + from.chainId() + " but the transaction is for " + expected));
    }
    return new EvmUnsignedTransaction(from.chainId(), from, transaction, null);
  }

  @Override
  public ChainId chainId() {
    return chainId;
  }

  /** The sender, who pays the fee. */
  @Override
  public AccountId feePayer() {
    return from;
  }

  /** Just the sender. */
  @Override
  public List<AccountId> requiredSigners() {
    return signers;
  }

  @Override
  public SignRequest signRequest(AccountId signer) {
    if (!from.equals(signer)) {
      throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chainId,
          "signer: " + signer + " is not the sender " + from));
    }
    return signRequest();
  }

  /** The sender's request (kind EVM_TRANSACTION); made once. */
  public SignRequest signRequest() {
    SignRequest r = request;
    if (r == null) {
      r = transaction.toSignRequest(from);
      request = r;
    }
    return r;
  }

  @Override
  public boolean verify(AccountId signer, Signature signature) {
    return from.equals(signer) && resolve(signature) != null;
  }

  /** The signature in Ethereum form if it is the sender's (low s; parity found when unknown), else null. */
  private EvmSignature resolve(Signature signature) {
    if (signature == null || signature.keyType() != KeyType.SECP256K1) {
      return null;
    }
    byte[] digest = signRequest().digest().get();
    EcdsaSignature e;
    try {
      e = signature.toEcdsaSignature().normalizedS();
    } catch (CairnException ex) {
      return null;
    }
    for (int id = 0; id <= 1; id++) {
      if (e.hasRecoveryId() && e.recoveryId() != id) {
        continue;
      }
      try {
        EvmSignature s = EvmSignature.from(EcdsaSignature.of(e.r(), e.s(), id));
        if (EvmSigning.recoverAddress(digest, s).toChecksumString().equals(from.address())) {
          return s;
        }
      } catch (CairnException ex) {
        // not this parity
      }
    }
    return null;
  }

  /**
   * The sender's 20-byte address followed by the unsigned signing payload ({@link
   * Transaction#signingPayload()}): an unsigned EVM transaction does not name its sender, so it is
   * carried alongside for {@link EvmChainAdapter#decodeUnsigned}.
   */
  @Override
  public byte[] encoded() {
    byte[] payload = transaction.signingPayload();
    byte[] out = new byte[20 + payload.length];
    System.arraycopy(sender().bytes(), 0, out, 0, 20);
    System.arraycopy(payload, 0, out, 20, payload.length);
    return out;
  }

  @Override
  public SignedTransaction withSignatures(Map<AccountId, Signature> signatures) {
    if (signatures == null || signatures.size() != 1 || !signatures.containsKey(from)) {
      throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chainId,
          "signatures: an EVM transaction needs exactly the sender's signature"));
    }
    EvmSignature s = resolve(signatures.get(from));
    if (s == null) {
      throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chainId,
          "signatures: does not verify against the sender " + from));
    }
    return new EvmSignedTransaction(chainId, transaction.withSignature(s), lease);
  }

  /** The sender's address. */
  public Address sender() {
    return Address.parse(from.address());
  }

  /** The transaction. */
  public Transaction transaction() {
    return transaction;
  }

  NonceManager.Lease lease() {
    return lease;
  }

  /**
   * Gives the nonce back without sending (when this transaction will not be signed or sent). Has no
   * effect after {@link EvmChainAdapter#send} settled it or when the request carried its own nonce.
   */
  public void abandon() {
    if (lease != null) {
      lease.release();
    }
  }

  @Override
  public String toString() {
    return "EvmUnsignedTransaction{" + from + ", " + transaction + "}";
  }
}
