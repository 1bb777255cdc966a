package dev.cairn.cosmos.sequence;

import dev.cairn.cosmos.CosmosException;

/**
 * Hands out the sequences of one account, N, N+1, ..., to concurrent senders. Thread-safe.
 *
 * <p>Recovery is explicit: {@link #resync(long)} when the chain says "account sequence mismatch,
 * expected N" (every sequence handed out from N on must then be signed again), {@link
 * #release(long)} when a transaction failed {@code CheckTx} (its sequence was not consumed).
 * A transaction that was included but failed still consumed its sequence: nothing to do.
 *
 * <pre>{@code
 * SequenceAllocator seq = SequenceAllocator.startingAt(account.sequence());
 * long s = seq.next();               // 7, then 8, ...
 * }</pre>
 */
public final class SequenceAllocator {
  private long next;
  private long epoch;

  private SequenceAllocator(long next) {
    this.next = next;
  }

  /**
   * An allocator whose first sequence is {@code next} (the account's {@code sequence}).
   *
   * @throws CosmosException (INVALID_INPUT) naming {@code sequence} when negative
   */
  public static SequenceAllocator startingAt(long next) {
    if (next < 0) {
      throw CosmosException.invalid("sequence", "must not be negative");
    }
    return new SequenceAllocator(next);
  }

  /** The next sequence; each call returns a new one. */
  public synchronized long next() {
    return next++;
  }

  /** The sequence {@link #next()} would return, without taking it. */
  public synchronized long peek() {
    return next;
  }

  /**
   * How many times the allocator was moved by {@link #resync} or {@link #release}: a sender that
   * took its sequence in an older epoch may hold one that is no longer valid.
   */
  public synchronized long epoch() {
    return epoch;
  }

  /**
   * The chain expects {@code expected} next: the allocator continues from there. Sequences handed
   * out at or above it that were not accepted must be signed again with new sequences.
   *
   * @throws CosmosException (INVALID_INPUT) naming {@code sequence} when negative
   */
  public synchronized void resync(long expected) {
    if (expected < 0) {
      throw CosmosException.invalid("sequence", "must not be negative");
    }
    if (expected != next) {
      next = expected;
      epoch++;
    }
  }

  /**
   * A transaction signed with {@code sequence} was refused by {@code CheckTx}, so its sequence was
   * not consumed. If it was the last one handed out it is handed out again; otherwise the later
   * ones are now ahead of the chain and the allocator moves back to {@code sequence} (they will
   * fail with a sequence mismatch and must be re-signed).
   *
   * @return true if no later sequence had been handed out (nothing else is affected)
   */
  public synchronized boolean release(long sequence) {
    if (sequence < 0 || sequence >= next) {
      return false;
    }
    boolean last = sequence == next - 1;
    next = sequence;
    epoch++;
    return last;
  }

  @Override
  public synchronized String toString() {
    return "SequenceAllocator{next=" + next + "}";
  }
}
