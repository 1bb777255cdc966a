package dev.cairn.core.chain;

import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.Signer;
import java.time.Duration;
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
 *       ChainResult}, {@link #waitForInclusion} a {@link TxReceipt} that may record a failure.
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
   * Builds the unsigned transaction: fills nonce or blockhash, fee and limits (from the request
   * or the chain), and encodes it in the family's signing format.
   */
  CompletableFuture<UnsignedTransaction> build(TransactionRequest request);

  /**
   * Signs with one or more signers (Solana transactions can need several; EVM and Cosmos need
   * exactly one). Each signer must hold a key of the type the chain uses and {@link
   * Signer#supports support} the request kind, else the future fails (UNSUPPORTED).
   */
  CompletableFuture<SignedTransaction> sign(UnsignedTransaction transaction, List<? extends Signer> signers);

  /** Signs with a single signer. */
  default CompletableFuture<SignedTransaction> sign(UnsignedTransaction transaction, Signer signer) {
    return sign(transaction, List.of(signer));
  }

  /**
   * Submits the transaction and completes with its id once the node has accepted it (not once it
   * is included). Rejections (nonce mismatch, underpriced, expired blockhash, CheckTx failure)
   * fail the future.
   */
  CompletableFuture<String> send(SignedTransaction transaction);

  /**
   * Waits until the transaction is included with at least {@code confirmations} blocks and returns
   * its receipt (which may record an execution failure). Completes exceptionally with TIMEOUT when
   * {@code timeout} passes first; the transaction may still be included later.
   *
   * @param confirmations at least 1 (1 = included in the latest block); on Solana, 1 means
   *     "confirmed" commitment and 32 or more "finalized"
   */
  CompletableFuture<TxReceipt> waitForInclusion(String transactionId, int confirmations, Duration timeout);

  /**
   * Runs a read-only call: {@code eth_call}, a simulated Solana transaction's return data, a
   * CosmWasm smart query. Completes with a failed {@link ChainResult} when the contract refuses
   * (revert, program error, query error) and exceptionally when the node cannot be asked.
   */
  CompletableFuture<ChainResult<byte[]>> query(ContractCall call);

  /** Releases connections. Idempotent; the default does nothing. */
  @Override
  default void close() {}
}
