package dev.cairn.cosmos.sequence;

import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.client.BroadcastResult;
import dev.cairn.cosmos.errors.CosmosErrors;
import dev.cairn.transport.TransportException;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Sends transactions of one account from many threads, keeping their sequences in order and
 * recovering from "account sequence mismatch, expected N". The caller supplies, per transaction, a
 * {@link TxSigner} that builds and signs it for a given sequence, so re-signing after a mismatch
 * is explicit: only the affected transaction is signed again (with the sequence the chain expects)
 * and resent.
 *
 * <p>Sync broadcasts of one account must reach the node in sequence order (a node checks each
 * against the sequence of the ones it has accepted), so sign-and-broadcast runs one transaction at
 * a time per sender; signing is cheap next to the round trip. On each broadcast:
 *
 * <ul>
 *   <li>accepted ({@code CheckTx} code 0): the sequence is consumed, the next sender gets N+1;
 *   <li>sequence mismatch ({@code sdk:32}) with "expected N": the allocator moves to N and this
 *       transaction is signed again with N and resent (at most {@code maxResyncs} times); without a
 *       parsable N the sequence is fetched again from {@code currentSequence};
 *   <li>any other {@code CheckTx} refusal: the sequence was not consumed and is reused by the next
 *       transaction; the refusal is returned ({@link Outcome#result()});
 *   <li>a broadcast that fails in transport after it may have reached the node: the sequence is
 *       presumed consumed (if it was not, the next transaction gets a mismatch and is re-signed);
 *       one that was never sent (connection refused, client closed) consumed nothing.
 * </ul>
 *
 * A transaction included in a block but failed there (non-zero {@code DeliverTx}) consumed its
 * sequence: nothing to recover.
 *
 * <pre>{@code
 * SequencedSender sender = SequencedSender.create(
 *     () -> rest.account(address).orElseThrow().sequence(), rest::broadcast, chainId);
 * SequencedSender.Outcome o = sender.send(seq -> signTx(msgs, accountNumber, seq));  // caller signs
 * }</pre>
 *
 * Thread-safe.
 */
public final class SequencedSender {
  /** Builds and signs the transaction for {@code sequence}; returns the {@code TxRaw} bytes. */
  @FunctionalInterface
  public interface TxSigner {
    /** The signed transaction with {@code sequence}. */
    byte[] sign(long sequence);
  }

  /** Broadcasts signed bytes (e.g. {@code CosmosRestClient::broadcast}, {@code CometRpcClient::broadcastTxSync}). */
  @FunctionalInterface
  public interface Broadcaster {
    /** Broadcasts and returns the {@code CheckTx} answer. */
    BroadcastResult broadcast(byte[] txBytes);
  }

  /** What became of one transaction. Immutable. */
  public static final class Outcome {
    private final long sequence;
    private final BroadcastResult result;
    private final int resyncs;

    Outcome(long sequence, BroadcastResult result, int resyncs) {
      this.sequence = sequence;
      this.result = result;
      this.resyncs = resyncs;
    }

    /** The sequence the transaction was last signed with. */
    public long sequence() {
      return sequence;
    }

    /** The node's answer to the last broadcast ({@link BroadcastResult#isAccepted()} or a refusal). */
    public BroadcastResult result() {
      return result;
    }

    /** How many times it was re-signed after a sequence mismatch. */
    public int resyncs() {
      return resyncs;
    }

    @Override
    public String toString() {
      return "Outcome{sequence=" + sequence + ", " + result + ", resyncs=" + resyncs + "}";
    }
  }

  private final LongSupplier currentSequence;
  private final Broadcaster broadcaster;
  private final ChainId chainId;
  private final int maxResyncs;
  private final Object turn = new Object();
  private volatile SequenceAllocator allocator;

  private SequencedSender(LongSupplier currentSequence, Broadcaster broadcaster, ChainId chainId, int maxResyncs) {
    this.currentSequence = currentSequence;
    this.broadcaster = broadcaster;
    this.chainId = chainId;
    this.maxResyncs = maxResyncs;
  }

  /**
   * A sender with at most 3 re-signs per transaction.
   *
   * @param currentSequence the account's sequence on chain (fetched at the first send and when a
   *     mismatch gives no expected value)
   */
  public static SequencedSender create(LongSupplier currentSequence, Broadcaster broadcaster, ChainId chainId) {
    return create(currentSequence, broadcaster, chainId, 3);
  }

  /**
   * A sender.
   *
   * @param maxResyncs how many times one transaction may be re-signed after mismatches (0..100)
   */
  public static SequencedSender create(LongSupplier currentSequence, Broadcaster broadcaster, ChainId chainId,
      int maxResyncs) {
    if (maxResyncs < 0 || maxResyncs > 100) {
      throw CosmosException.invalid("maxResyncs", "must be between 0 and 100");
    }
    return new SequencedSender(Objects.requireNonNull(currentSequence, "currentSequence"),
        Objects.requireNonNull(broadcaster, "broadcaster"), chainId, maxResyncs);
  }

  /** The sequence the next transaction will be signed with ({@code -1} before the first send). */
  public long nextSequence() {
    SequenceAllocator a = allocator;
    return a == null ? -1 : a.peek();
  }

  /**
   * Signs (via {@code signer}) and broadcasts one transaction with the next sequence, re-signing it
   * after a sequence mismatch.
   *
   * @return the outcome: accepted, or refused by {@code CheckTx} for another reason
   * @throws ChainException (NONCE_MISMATCH) when the mismatches outlast {@code maxResyncs}; the
   *     signer's and broadcaster's own exceptions pass through (a signer failure consumes nothing)
   */
  public Outcome send(TxSigner signer) {
    Objects.requireNonNull(signer, "signer");
    synchronized (turn) {
      SequenceAllocator a = allocator;
      if (a == null) {
        a = SequenceAllocator.startingAt(currentSequence.getAsLong());
        allocator = a;
      }
      int resyncs = 0;
      while (true) {
        long seq = a.next();
        byte[] tx;
        try {
          tx = signer.sign(seq);
        } catch (RuntimeException e) {
          a.release(seq);
          throw e;
        }
        BroadcastResult r;
        try {
          r = broadcaster.broadcast(tx);
        } catch (TransportException e) {
          if (!e.mayHaveReachedServer()) {
            a.release(seq); // never sent: not consumed
          }
          throw e;
        }
        if (r.isAccepted()) {
          return new Outcome(seq, r, resyncs);
        }
        ChainError err = r.error(chainId).get();
        if (err.kind() != ErrorKind.NONCE_MISMATCH) {
          a.release(seq);
          return new Outcome(seq, r, resyncs);
        }
        if (resyncs >= maxResyncs) {
          a.release(seq);
          throw new ChainException(err);
        }
        resyncs++;
        OptionalLong expected = CosmosErrors.expectedSequence(r.log());
        a.resync(expected.isPresent() ? expected.getAsLong() : currentSequence.getAsLong());
      }
    }
  }

  @Override
  public String toString() {
    return "SequencedSender{next=" + nextSequence() + "}";
  }
}
