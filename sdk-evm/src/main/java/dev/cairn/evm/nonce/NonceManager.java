package dev.cairn.evm.nonce;

import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.evm.rpc.internal.Futures;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * Hands out nonces for accounts that send from many threads at once: unique and gapless.
 *
 * <p>Per account the manager keeps the next nonce (initialised from the node's pending count the
 * first time the account is used, so a restarted process continues where the node is) and a set of
 * freed nonces, which are handed out again before new ones, lowest first. {@link #submit} runs the
 * whole cycle for one transaction: reserve a nonce, sign for it, broadcast, and react to the answer:
 *
 * <ul>
 *   <li>accepted, or "already known" (a resend of the same transaction): success;
 *   <li>"nonce too low": the nonce was used elsewhere (another process, a restart): resynchronise
 *       from the node and retry with a fresh nonce;
 *   <li>no answer (transport failure): resend the same bytes; if the node then says "nonce too low",
 *       ask whether it knows the hash (the first send arrived) before treating the nonce as lost;
 *   <li>any other rejection: the nonce is unused; free it for the next sender and fail.
 * </ul>
 *
 * <p>A transaction that the node accepted but later dropped leaves a gap that blocks the account's
 * later transactions; {@link #dropped} frees its nonce, and {@link #resync} refills the lowest gap
 * the node reports. Thread-safe; lock per account, never held across I/O.
 */
public final class NonceManager {
  /** Default attempts per {@link #submit}. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  private final NonceSource source;
  private final int maxAttempts;
  private final ConcurrentHashMap<String, AccountState> accounts = new ConcurrentHashMap<>();

  private NonceManager(NonceSource source, int maxAttempts) {
    this.source = source;
    this.maxAttempts = maxAttempts;
  }

  /** A manager over {@code source} with {@link #DEFAULT_MAX_ATTEMPTS}. */
  public static NonceManager create(NonceSource source) {
    return create(source, DEFAULT_MAX_ATTEMPTS);
  }

  /**
   * A manager over {@code source}.
   *
   * @param maxAttempts sends per {@link #submit} before giving up (at least 1)
   */
  public static NonceManager create(NonceSource source, int maxAttempts) {
    if (source == null) {
      throw invalid("source: is null");
    }
    if (maxAttempts < 1) {
      throw invalid("maxAttempts: " + maxAttempts + " is below 1");
    }
    return new NonceManager(source, maxAttempts);
  }

  private static ChainException invalid(String message) {
    return new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, null, message));
  }

  static String key(String account) {
    if (account == null || account.length() != 42 || !account.startsWith("0x")) {
      throw invalid("account: expected a 0x-prefixed 20-byte hex address");
    }
    return account.toLowerCase(Locale.ROOT);
  }

  private AccountState state(String account) {
    return accounts.computeIfAbsent(key(account), k -> new AccountState());
  }

  /**
   * Reserves the account's next nonce. The lease must be {@linkplain Lease#commit() committed} once
   * a transaction with it was accepted, or {@linkplain Lease#release() released} if none will be.
   */
  public CompletableFuture<Lease> reserve(String account) {
    String k = key(account);
    AccountState s = state(k);
    synchronized (s) {
      if (s.next >= 0 && s.syncing == null) {
        return CompletableFuture.completedFuture(new Lease(this, k, s.take()));
      }
    }
    return sync(k, s).thenCompose(v -> reserve(k));
  }

  /** The nonce the next reservation would get if none are freed, or empty before the first sync. */
  public OptionalLong peekNext(String account) {
    AccountState s = state(account);
    synchronized (s) {
      return s.next < 0 ? OptionalLong.empty() : OptionalLong.of(s.next);
    }
  }

  /**
   * Re-reads the node's pending nonce. Freed nonces below it are forgotten; a higher one moves the
   * counter up; when the node is behind the counter and no lease is out (a dropped transaction), its
   * pending nonce is freed so the next sender fills the gap.
   *
   * @return the node's pending nonce
   */
  public CompletableFuture<Long> resync(String account) {
    String k = key(account);
    AccountState s = state(k);
    CompletableFuture<Long> done = new CompletableFuture<>();
    source.pendingNonce(k).whenComplete((n, t) -> {
      if (t != null) {
        done.completeExceptionally(t);
        return;
      }
      synchronized (s) {
        s.adopt(n, true);
      }
      done.complete(n);
    });
    return done;
  }

  /** Frees the nonce of a transaction the node dropped, so that the next sender reuses it. */
  public void dropped(String account, long nonce) {
    AccountState s = state(account);
    synchronized (s) {
      if (s.next >= 0 && nonce < s.next) {
        s.free.add(nonce);
      }
    }
  }

  /** Joins the account's running sync or starts one (the I/O starts outside the lock). */
  private CompletableFuture<Void> sync(String k, AccountState s) {
    CompletableFuture<Void> f;
    boolean start = false;
    synchronized (s) {
      if (s.syncing == null) {
        s.syncing = new CompletableFuture<>();
        start = true;
      }
      f = s.syncing;
    }
    if (start) {
      source.pendingNonce(k).whenComplete((n, t) -> {
        synchronized (s) {
          s.syncing = null;
          if (t == null) {
            s.adopt(n, false);
          }
        }
        if (t == null) {
          f.complete(null);
        } else {
          f.completeExceptionally(new ChainException(ChainError.of(ErrorKind.TRANSPORT, null,
              "nonce: cannot read the pending nonce of " + k + ": " + NodeErrors.unwrap(t).getMessage()), t));
        }
      });
    }
    return f;
  }

  /**
   * Sends one transaction from {@code account}: reserves a nonce, asks {@code signer} for the
   * transaction signed with it, broadcasts it and handles the node's answer (see the class doc).
   * {@code signer} may be called again with another nonce after "nonce too low".
   *
   * @return the accepted submission; fails with the node's error if it rejected the transaction
   */
  public CompletableFuture<Submission> submit(String account, LongFunction<SignedForNonce> signer) {
    String k = key(account);
    if (signer == null) {
      throw invalid("signer: is null");
    }
    return attempt(k, signer, 1, false);
  }

  /**
   * {@link #submit} on the calling thread: signs and broadcasts here, with the node's answer
   * handled the same way, and returns when the node has accepted the transaction. For callers that
   * would block on the future anyway (a thread per request), it saves the hand-offs to and from the
   * HTTP client's threads. Every step runs on this thread, waits included (the first use of an
   * account, and resynchronisations after "nonce too low", wait here for {@link
   * NonceSource#pendingNonce}). An interrupted caller is not resent for after a transport failure.
   *
   * @return the accepted submission
   * @throws RuntimeException the error {@link #submit}'s future would fail with (a
   *     {@link ChainException}, an RPC exception, or the signer's exception)
   */
  public Submission submitBlocking(String account, LongFunction<SignedForNonce> signer) {
    String k = key(account);
    if (signer == null) {
      throw invalid("signer: is null");
    }
    CompletableFuture<Submission> f = attempt(k, signer, 1, true);
    try {
      return f.join();
    } catch (CompletionException e) {
      Throwable t = NodeErrors.unwrap(e);
      if (t instanceof RuntimeException) {
        throw (RuntimeException) t;
      }
      if (t instanceof Error) {
        throw (Error) t;
      }
      throw e;
    }
  }

  /** Waits for {@code f} on this thread, so that what is chained on it next runs here too. */
  private static <T> CompletableFuture<T> settled(CompletableFuture<T> f, boolean blocking) {
    if (blocking && !f.isDone()) {
      try {
        f.join();
      } catch (RuntimeException e) {
        // f is now done (exceptionally): the chain sees the failure
      }
    }
    return f;
  }

  /**
   * One try: reserve, sign, broadcast. {@code blocking}: everything runs on the calling thread (the
   * send is {@link NonceSource#sendRawTransactionBlocking} and every wait is a join here), so the
   * futures below are complete when chained and their stages run inline.
   */
  private CompletableFuture<Submission> attempt(String k, LongFunction<SignedForNonce> signer, int attempt,
      boolean blocking) {
    return settled(reserve(k), blocking).thenCompose(lease -> {
      SignedForNonce tx;
      try {
        tx = signer.apply(lease.nonce());
        if (tx == null || tx.nonce() != lease.nonce()) {
          throw invalid("signer: returned " + (tx == null ? "null" : "a transaction for nonce " + tx.nonce())
              + " when asked for nonce " + lease.nonce());
        }
      } catch (RuntimeException e) {
        lease.release();
        return Futures.failed(e);
      }
      return broadcast(k, lease, tx, signer, attempt, false, blocking);
    });
  }

  private CompletableFuture<String> send(byte[] raw, boolean blocking) {
    if (!blocking) {
      return source.sendRawTransaction(raw);
    }
    try {
      return CompletableFuture.completedFuture(source.sendRawTransactionBlocking(raw));
    } catch (RuntimeException e) {
      return Futures.failed(e);
    }
  }

  private CompletableFuture<Submission> broadcast(String k, Lease lease, SignedForNonce tx,
      LongFunction<SignedForNonce> signer, int attempt, boolean resent, boolean blocking) {
    return send(tx.encodedNoCopy(), blocking).handle((hash, t) -> {
      if (t == null) {
        lease.commit();
        return CompletableFuture.completedFuture(new Submission(k, tx.nonce(), hash == null ? tx.hash() : hash,
            false, attempt));
      }
      NodeErrors.Kind kind = NodeErrors.classify(t);
      switch (kind) {
        case ALREADY_KNOWN:
          lease.commit();
          return CompletableFuture.completedFuture(new Submission(k, tx.nonce(), tx.hash(), true, attempt));
        case TRANSPORT:
          if (attempt >= maxAttempts || (blocking && Thread.currentThread().isInterrupted())) {
            // unknown whether it arrived: keep the nonce out of circulation until a resync decides
            lease.commit();
            return Futures.<Submission>failed(NodeErrors.unwrap(t));
          }
          return broadcast(k, lease, tx, signer, attempt + 1, true, blocking);
        case NONCE_TOO_LOW:
          if (resent) {
            return settled(source.isKnown(tx.hash()), blocking).handle((known, t2) -> {
              if (t2 == null && Boolean.TRUE.equals(known)) {
                lease.commit();
                return CompletableFuture.completedFuture(new Submission(k, tx.nonce(), tx.hash(), true, attempt));
              }
              return retryAfterTooLow(k, lease, signer, attempt, t, blocking);
            }).thenCompose(f -> f);
          }
          return retryAfterTooLow(k, lease, signer, attempt, t, blocking);
        default:
          lease.release();
          return Futures.<Submission>failed(NodeErrors.unwrap(t));
      }
    }).thenCompose(f -> f);
  }

  private CompletableFuture<Submission> retryAfterTooLow(String k, Lease lease, LongFunction<SignedForNonce> signer,
      int attempt, Throwable cause, boolean blocking) {
    lease.commit(); // the nonce is used on chain: never hand it out again
    if (attempt >= maxAttempts) {
      return Futures.failed(NodeErrors.unwrap(cause));
    }
    return settled(sync(k, state(k)), blocking).thenCompose(v -> attempt(k, signer, attempt + 1, blocking));
  }

  void release(String k, long nonce) {
    AccountState s = state(k);
    synchronized (s) {
      s.outstanding--;
      if (nonce == s.next - 1) {
        s.next--;
        // freed nonces just below the counter collapse into it
        while (!s.free.isEmpty() && s.free.last() == s.next - 1) {
          s.next = s.free.pollLast();
        }
      } else if (nonce < s.next) {
        s.free.add(nonce);
      }
    }
  }

  void commit(String k) {
    AccountState s = state(k);
    synchronized (s) {
      s.outstanding--;
    }
  }

  /** Snapshot of an account's counters, for diagnostics and tests. */
  public Map<String, Long> stats(String account) {
    AccountState s = state(account);
    synchronized (s) {
      Map<String, Long> m = new HashMap<>();
      m.put("next", s.next);
      m.put("free", (long) s.free.size());
      m.put("outstanding", (long) s.outstanding);
      return m;
    }
  }

  private static final class AccountState {
    long next = -1;
    final TreeSet<Long> free = new TreeSet<>();
    int outstanding;
    CompletableFuture<Void> syncing;

    long take() {
      outstanding++;
      Long f = free.pollFirst();
      return f != null ? f : next++;
    }

    void adopt(long pending, boolean fillGap) {
      free.headSet(pending).clear();
      if (pending > next) {
        next = pending;
        free.clear();
      } else if (fillGap && pending < next && outstanding == 0 && free.isEmpty()) {
        free.add(pending);
      }
    }
  }

  /**
   * A reserved nonce. Exactly one of {@link #commit()} (a transaction with it was accepted) or
   * {@link #release()} (none will be sent) must follow; {@link #close()} releases an uncommitted lease.
   */
  public static final class Lease implements AutoCloseable {
    private final NonceManager owner;
    private final String account;
    private final long nonce;
    private boolean done;

    Lease(NonceManager owner, String account, long nonce) {
      this.owner = owner;
      this.account = account;
      this.nonce = nonce;
    }

    /** The reserved nonce. */
    public long nonce() {
      return nonce;
    }

    /** The account (lowercase 0x address). */
    public String account() {
      return account;
    }

    /** Marks the nonce used. Idempotent; ignored after release. */
    public synchronized void commit() {
      if (!done) {
        done = true;
        owner.commit(account);
      }
    }

    /** Returns the nonce for reuse. Idempotent; ignored after commit. */
    public synchronized void release() {
      if (!done) {
        done = true;
        owner.release(account, nonce);
      }
    }

    @Override
    public void close() {
      release();
    }

    @Override
    public String toString() {
      return "Lease{" + account + ", nonce=" + nonce + "}";
    }
  }
}
