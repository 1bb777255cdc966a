package dev.cairn.svm.adapter;

import dev.cairn.core.chain.ChainError;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.tx.Blockhash;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What {@link SvmChainAdapter} needs from a Solana node, in the adapter's terms. Implemented over the
 * JSON-RPC client ({@link RpcNode}) and by test fakes, so that the sending logic (rebroadcast,
 * expiry, timeouts) can be tested step by step. Futures fail with a {@link
 * dev.cairn.core.chain.ChainException} whose kind is already classified.
 */
interface SvmNode {
  /** Commitment levels, weakest first. */
  enum Level {
    PROCESSED,
    CONFIRMED,
    FINALIZED
  }

  /** A blockhash and the last block height at which a transaction using it can land. */
  final class LatestBlockhash {
    final Blockhash blockhash;
    final long lastValidBlockHeight;

    LatestBlockhash(Blockhash blockhash, long lastValidBlockHeight) {
      this.blockhash = blockhash;
      this.lastValidBlockHeight = lastValidBlockHeight;
    }
  }

  /** A signature status: the slot, how final it is, the error of a failed transaction or null. */
  final class Status {
    final long slot;
    final Level level;
    final int confirmations; // -1 when rooted (finalized)
    final ChainError error;

    Status(long slot, Level level, int confirmations, ChainError error) {
      this.slot = slot;
      this.level = level;
      this.confirmations = confirmations;
      this.error = error;
    }
  }

  /** A simulation's outcome. */
  final class Simulation {
    final ChainError error; // null on success
    final long unitsConsumed; // -1 when unknown
    final List<String> logs;
    final byte[] returnData; // null when none

    Simulation(ChainError error, long unitsConsumed, List<String> logs, byte[] returnData) {
      this.error = error;
      this.unitsConsumed = unitsConsumed;
      this.logs = logs;
      this.returnData = returnData;
    }
  }

  /** A landed transaction's details (getTransaction). */
  final class Landed {
    final long slot;
    final long fee;
    final long unitsConsumed; // -1 when unknown
    final byte[] returnData; // null when none
    final ChainError error; // null on success

    Landed(long slot, long fee, long unitsConsumed, byte[] returnData, ChainError error) {
      this.slot = slot;
      this.fee = fee;
      this.unitsConsumed = unitsConsumed;
      this.returnData = returnData;
      this.error = error;
    }
  }

  /** Tells the node which cluster it serves (for the chain id of the errors it classifies). */
  default void bind(dev.cairn.core.chain.ChainId chainId) {}

  CompletableFuture<String> genesisHash();

  CompletableFuture<LatestBlockhash> latestBlockhash(Level level);

  CompletableFuture<Long> balance(Pubkey account, Level level);

  /** The account's data, or null when the account does not exist. */
  CompletableFuture<byte[]> accountData(Pubkey account, Level level);

  /** sendTransaction; completes with the signature the node reports. */
  CompletableFuture<String> send(byte[] wire, boolean skipPreflight, Level preflight);

  /** getSignatureStatuses; one entry per signature, null where the node knows none. */
  CompletableFuture<List<Status>> statuses(List<String> signatures, boolean searchHistory);

  CompletableFuture<Long> blockHeight(Level level);

  /** simulateTransaction of a wire transaction. */
  CompletableFuture<Simulation> simulate(byte[] wire, boolean sigVerify, boolean replaceRecentBlockhash, Level level);

  /** getRecentPrioritizationFees over the accounts the transaction writes: micro-lamports per CU, one per recent slot. */
  CompletableFuture<long[]> recentPrioritizationFees(List<Pubkey> writableAccounts);

  /** getTransaction; null when the node has no record at {@code level} (CONFIRMED or FINALIZED). */
  CompletableFuture<Landed> transaction(String signature, Level level);

  /** Releases the node's connections. */
  void close();
}
