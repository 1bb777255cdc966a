package dev.cairn.core.chain;

import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.SignerDescriptor;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Everything Cairn needs from one chain, in family-neutral terms. The chain modules (sdk-evm,
 * sdk-svm, sdk-cosmwasm) implement it; applications use it directly or through the {@link
 * VmDispatcher}. One adapter serves one chain id.
 *
 * <h2>Contract for implementations</h2>
 *
 * <ul>
 *   <li>Asynchronous methods never throw: every failure completes the future exceptionally with a
 *       {@link ChainException} whose error is classified with {@link ChainErrors} (signing
 *       failures may pass through as {@link dev.cairn.core.signer.SignerException}).
 *   <li>Arguments for another chain than {@link #chainId()} fail with INVALID_INPUT; operations
 *       the family does not have (a nonce on Solana, a memo on EVM) fail with UNSUPPORTED.
 *   <li>The outcome of execution is a value, not an exception: {@link #query} returns a {@link
 *       ChainResult}, {@link #simulate} a {@link SimulationResult}, {@link #waitFor} a {@link
 *       TxReceipt} that may record a failure.
 *   <li>After {@link #close()} every asynchronous method fails with UNSUPPORTED, never hangs.
 *   <li>Implementations are thread-safe and do not block the calling thread on I/O.
 * </ul>
 */
public interface ChainAdapter extends AutoCloseable {

  /** The chain this adapter serves. */
  ChainId chainId();

  /** The chain's VM family. */
  default ChainFamily family() {
    ChainId id = chainId();
    return id.family().orElseThrow(() -> new ChainException(
        ChainError.of(ErrorKind.UNSUPPORTED, id, "chainId: namespace " + id.namespace() + " has no family")));
  }

  /** The native asset (the fee currency). */
  Denomination nativeDenomination();

  /**
   * The account controlled by a public key: EVM address from keccak of the secp256k1 key, Solana
   * base58 of the Ed25519 key, Cosmos bech32 of hash160 of the secp256k1 key with the chain's
   * prefix. Synchronous (pure computation).
   *
   * @throws ChainException UNSUPPORTED for a key type the chain does not use, INVALID_INPUT for a
   *     malformed key
   */
  AccountId accountOf(KeyType keyType, byte[] publicKey);

  /** The account controlled by {@code signer}. */
  default AccountId accountOf(Signer signer) {
    if (signer == null) {
      throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chainId(), "signer: is null"));
    }
    return accountOf(signer.keyType(), signer.publicKey());
  }

  /** The account of the key a descriptor describes. */
  default AccountId accountOf(SignerDescriptor signer) {
    if (signer == null) {
      throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chainId(), "signer: is null"));
    }
    return accountOf(signer.keyType(), signer.publicKey());
  }

  /** The account's balance of the native asset, in base units. */
  CompletableFuture<Amount> balance(AccountId account);

  /**
   * The nonce (EVM) or account sequence (Cosmos) the account's next transaction must use.
   * Families without one (SVM, which uses a recent blockhash) fail with UNSUPPORTED.
   */
  CompletableFuture<Long> nextNonce(AccountId account);

  /** Fees for the request at the three levels, with the resource limit it needs. */
  CompletableFuture<FeeEstimate> estimateFee(TransactionRequest request);

  /**
   * Builds the unsigned transaction: fills nonce or blockhash, fee and limits (from the request or
   * the chain), the signers (from {@link TransactionRequest#feePayer()} and {@link
   * TransactionRequest#otherSigners()}: public keys, sign modes chosen from their supported kinds),
   * and encodes it in the family's signing format. Families that need a signer's descriptor (Cosmos)
   * fail with INVALID_INPUT naming {@code request.feePayer} when it is absent.
   */
  CompletableFuture<UnsignedTransaction> build(TransactionRequest request);

  /**
   * Simulates the transaction without signing or sending it ({@code eth_call} and {@code
   * eth_estimateGas}, Solana {@code simulateTransaction}, Cosmos {@code Simulate}). A transaction
   * that would fail completes normally with a failed {@link SimulationResult}.
   */
  CompletableFuture<SimulationResult> simulate(UnsignedTransaction transaction);

  /**
   * An account's raw state: Solana account data ({@code key} empty), CosmWasm raw contract state
   * under {@code key}, EVM storage slot {@code key} (32 bytes). Completes with an empty array when
   * there is nothing stored; fails INVALID_INPUT for a key the family cannot use.
   */
  CompletableFuture<byte[]> readState(AccountId account, byte[] key);

  /**
   * Adds the signatures of {@code signers} to a partially signed transaction: each signer signs the
   * request of its account ({@link #accountOf(Signer)}), in the order given (a device is asked only
   * after the previous one answered); signers that already signed are skipped. The default works
   * for every family; adapters may override it.
   *
   * @return the transaction with the new signatures, complete or not; fails INVALID_INPUT for a
   *     signer that is not required, UNSUPPORTED for a signer that cannot sign its request's kind,
   *     or with the signer's {@link dev.cairn.core.signer.SignerException}
   */
  default CompletableFuture<PartiallySignedTransaction> signPartially(PartiallySignedTransaction transaction,
      List<? extends Signer> signers) {
    CompletableFuture<PartiallySignedTransaction> f = new CompletableFuture<>();
    try {
      if (transaction == null) {
        throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chainId(), "transaction: is null"));
      }
      if (!transaction.chainId().equals(chainId())) {
        throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chainId(),
            "transaction: is for " + transaction.chainId() + ", not " + chainId()));
      }
      if (signers == null || signers.isEmpty()) {
        throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chainId(), "signers: is null or empty"));
      }
      f.complete(transaction);
      CompletableFuture<PartiallySignedTransaction> chain = f;
      List<AccountId> required = transaction.transaction().requiredSigners();
      for (Signer signer : signers) {
        AccountId account = accountOf(signer);
        if (!required.contains(account)) {
          throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chainId(),
              "signers: " + account + " is not a required signer of this transaction"));
        }
        SignRequest request = transaction.transaction().signRequest(account);
        if (!signer.supports(request.kind())) {
          throw new ChainException(ChainError.of(ErrorKind.UNSUPPORTED, chainId(),
              "signers: the signer of " + account + " cannot sign " + request.kind()));
        }
        chain = chain.thenCompose(p -> p.signatures().containsKey(account)
            ? CompletableFuture.completedFuture(p)
            : signer.signAsync(request).thenApply(sig -> p.addSignature(account, sig)));
      }
      return chain;
    } catch (RuntimeException e) {
      CompletableFuture<PartiallySignedTransaction> failed = new CompletableFuture<>();
      failed.completeExceptionally(e);
      return failed;
    }
  }

  /**
   * Signs with every signer the transaction requires (EVM: one; Solana: the fee payer and the
   * other signing accounts; Cosmos: the signer infos) and assembles the signed transaction. Fails
   * INVALID_INPUT naming the missing signers when {@code signers} do not cover them all; use
   * {@link #signPartially} to sign in several steps or places.
   */
  default CompletableFuture<SignedTransaction> sign(UnsignedTransaction transaction, List<? extends Signer> signers) {
    if (transaction == null) {
      CompletableFuture<SignedTransaction> failed = new CompletableFuture<>();
      failed.completeExceptionally(new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chainId(), "transaction: is null")));
      return failed;
    }
    return signPartially(PartiallySignedTransaction.of(transaction), signers)
        .thenApply(PartiallySignedTransaction::toSignedTransaction);
  }

  /** Signs with a single signer (EVM; Cosmos and Solana transactions with one signer). */
  default CompletableFuture<SignedTransaction> sign(UnsignedTransaction transaction, Signer signer) {
    return sign(transaction, signer == null ? null : Collections.singletonList(signer));
  }

  /**
   * Reads an unsigned transaction from {@link UnsignedTransaction#encoded()} (pure computation).
   *
   * @throws ChainException INVALID_INPUT naming the field or offset of malformed input
   */
  UnsignedTransaction decodeUnsigned(byte[] encoded);

  /**
   * Reads a signed transaction from its wire encoding {@link SignedTransaction#encoded()} (pure
   * computation), e.g. one signed offline, to {@link #send} it.
   *
   * @throws ChainException INVALID_INPUT naming the field or offset of malformed input
   */
  SignedTransaction decodeSigned(byte[] encoded);

  /**
   * Reads a {@link PartiallySignedTransaction#encode() partially signed transaction} written in
   * another process, verifying every signature again.
   *
   * @throws ChainException INVALID_INPUT naming the offset of malformed input
   */
  default PartiallySignedTransaction decodePartial(byte[] encoded) {
    return PartiallySignedTransaction.decode(encoded, chainId(), this::decodeUnsigned);
  }

  /**
   * Submits the transaction and completes with its handle once the node has accepted it (not once
   * it is included): the id, the encoding and the window in which it can still land. Rejections
   * (nonce mismatch, underpriced, expired blockhash or timeout height: EXPIRED, CheckTx failure)
   * fail the future.
   */
  CompletableFuture<PendingTransaction> send(SignedTransaction transaction);

  /**
   * Waits until the transaction reaches {@code finality} and returns its receipt (which may record
   * an execution failure), rebroadcasting where the family needs it (Solana). Ends exceptionally
   * with {@link ErrorKind#EXPIRED} when its validity window has closed without it (it can never
   * land: safe to rebuild) or with {@link ErrorKind#TIMEOUT} when {@code timeout} passes first (it
   * may still land). A finality the family does not have fails with UNSUPPORTED.
   */
  CompletableFuture<TxReceipt> waitFor(PendingTransaction transaction, Finality finality, Duration timeout);

  /**
   * Runs a read-only call: {@code eth_call}, a simulated Solana transaction's return data, a
   * CosmWasm smart query. Completes with a failed {@link ChainResult} when the contract refuses
   * (revert, program error, query error) and exceptionally when the node cannot be asked.
   */
  CompletableFuture<ChainResult<byte[]>> query(ContractCall call);

  /** Releases connections. Idempotent; afterwards every operation fails. The default does nothing. */
  @Override
  default void close() {}
}
