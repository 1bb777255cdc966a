package dev.cairn.evm;

import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.evm.rpc.BlockHeader;
import dev.cairn.evm.rpc.BlockId;
import dev.cairn.evm.rpc.EvmRpcClient;
import dev.cairn.evm.rpc.Hash32;
import dev.cairn.evm.rpc.Receipt;
import dev.cairn.evm.rpc.internal.Futures;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Waits for transactions to be mined and confirmed, with reorg awareness.
 *
 * <p>Each wait polls {@code eth_getTransactionReceipt} and {@code eth_blockNumber} at the poll
 * interval (and at once whenever {@link #onNewHead()} is called, e.g. from a {@code newHeads}
 * subscription). When the receipt's block is {@code confirmations} deep, the canonical block at that
 * height is fetched and its hash compared with the receipt's block hash: on a match the wait
 * completes; on a mismatch (the block was reorged away) the {@link Listener} hears of it and the wait
 * goes on, because the transaction usually reappears in another block. A receipt that vanishes, or
 * moves to another block, counts as a reorg too. On timeout the future fails with a {@link
 * ChainException} of kind {@link ErrorKind#TIMEOUT} whose message says whether the transaction was
 * seen and reorged out. Cancelling the future stops the polling.
 */
public final class ReceiptWaiter implements AutoCloseable {
  /** Default poll interval. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(250);

  private final EvmRpcClient rpc;
  private final long pollMillis;
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;
  private final Set<Task> tasks = ConcurrentHashMap.newKeySet();

  private ReceiptWaiter(EvmRpcClient rpc, Duration pollInterval, ScheduledExecutorService scheduler, boolean owns) {
    this.rpc = rpc;
    this.pollMillis = Math.max(1, pollInterval.toMillis());
    this.scheduler = scheduler;
    this.ownsScheduler = owns;
  }

  /** A waiter over {@code rpc} polling at {@code pollInterval}, with its own daemon scheduler thread. */
  public static ReceiptWaiter create(EvmRpcClient rpc, Duration pollInterval) {
    if (rpc == null || pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
      throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, null,
          rpc == null ? "rpc: is null" : "pollInterval: null or not positive"));
    }
    ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "cairn-receipt-waiter");
      t.setDaemon(true);
      return t;
    });
    return new ReceiptWaiter(rpc, pollInterval, s, true);
  }

  /** Hears about progress of one wait. Callbacks run on the waiter's threads; keep them short. */
  public interface Listener {
    /** The transaction was seen in a block (again, after a reorg). */
    default void onIncluded(Receipt receipt) {}

    /** The block holding the transaction is no longer canonical (or the receipt vanished). */
    default void onReorged(Receipt stale) {}
  }

  private static final Listener NONE = new Listener() {};

  /** Waits without a listener. */
  public CompletableFuture<ConfirmedReceipt> await(Hash32 transactionHash, int confirmations, Duration timeout) {
    return await(transactionHash, confirmations, timeout, NONE);
  }

  /**
   * Waits until the transaction is {@code confirmations} blocks deep on the canonical chain.
   *
   * @param confirmations 1 = mined in the head block
   */
  public CompletableFuture<ConfirmedReceipt> await(Hash32 transactionHash, int confirmations, Duration timeout,
      Listener listener) {
    if (transactionHash == null || confirmations < 1 || timeout == null || timeout.isNegative() || timeout.isZero()) {
      return Futures.failed(new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, null,
          transactionHash == null ? "transactionHash: is null" : confirmations < 1
              ? "confirmations: " + confirmations + " is below 1" : "timeout: null or not positive")));
    }
    Task t = new Task(transactionHash, confirmations, listener == null ? NONE : listener);
    tasks.add(t);
    t.future.whenComplete((r, e) -> {
      tasks.remove(t);
      ScheduledFuture<?> tf = t.timeoutTask;
      if (tf != null) {
        tf.cancel(false);
      }
    });
    t.timeoutTask = scheduler.schedule(() -> t.future.completeExceptionally(new ChainException(
        ChainError.builder(ErrorKind.TIMEOUT, null, "receipt of " + transactionHash + ": not " + confirmations
            + " confirmation(s) deep within " + timeout + (t.reorgs > 0 ? "; reorged out " + t.reorgs + " time(s)" : "")
            + (t.last == null ? "; not in a canonical block now" : "; last seen in block " + t.last.blockNumber()))
            .transactionId(transactionHash.toHex()).build())), timeout.toMillis(), TimeUnit.MILLISECONDS);
    t.poll();
    return t.future;
  }

  /**
   * Makes the waits event-driven: subscribes to {@code newHeads} on {@code ws} and polls every
   * pending wait at each new block (the interval polling stays as a fallback, e.g. while the socket
   * reconnects). Close the returned subscription to stop.
   */
  public dev.cairn.evm.rpc.ws.Subscription followNewHeads(dev.cairn.evm.rpc.ws.EvmWsClient ws) {
    if (ws == null) {
      throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, null, "ws: is null"));
    }
    return ws.subscribeNewHeads(head -> onNewHead());
  }

  /** Polls every pending wait now (call on each new head). */
  public void onNewHead() {
    for (Task t : tasks) {
      t.poll();
    }
  }

  /** The number of waits in progress. */
  public int pending() {
    return tasks.size();
  }

  @Override
  public void close() {
    if (ownsScheduler) {
      scheduler.shutdownNow();
    }
    for (Task t : tasks) {
      t.future.completeExceptionally(new ChainException(ChainError.of(ErrorKind.UNKNOWN, null, "receipt waiter closed")));
    }
  }

  private final class Task {
    final Hash32 hash;
    final int confirmations;
    final Listener listener;
    final CompletableFuture<ConfirmedReceipt> future = new CompletableFuture<>();
    final AtomicBoolean polling = new AtomicBoolean();
    volatile boolean again;
    volatile ScheduledFuture<?> timeoutTask;
    volatile Receipt last;
    volatile int reorgs;
    ScheduledFuture<?> next;

    Task(Hash32 hash, int confirmations, Listener listener) {
      this.hash = hash;
      this.confirmations = confirmations;
      this.listener = listener;
    }

    void poll() {
      if (future.isDone()) {
        return;
      }
      if (!polling.compareAndSet(false, true)) {
        again = true; // a poll is running: run another right after it
        return;
      }
      again = false;
      rpc.getTransactionReceipt(hash).sendAsync()
          .thenCompose(this::step)
          .whenComplete((done, err) -> {
            polling.set(false);
            if (future.isDone()) {
              return;
            }
            if (err != null) {
              // transient RPC trouble: keep trying until the timeout
              schedule(pollMillis);
            } else if (!Boolean.TRUE.equals(done)) {
              if (again) {
                poll();
              } else {
                schedule(pollMillis);
              }
            }
          });
    }

    private void schedule(long millis) {
      synchronized (this) {
        if (next != null) {
          next.cancel(false);
        }
        try {
          next = scheduler.schedule(this::poll, millis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
          future.completeExceptionally(new ChainException(ChainError.of(ErrorKind.UNKNOWN, null, "receipt waiter closed")));
        }
      }
    }

    /** One step; completes with true when the wait is over. */
    private CompletableFuture<Boolean> step(Optional<Receipt> maybe) {
      if (maybe.isEmpty()) {
        Receipt stale = last;
        if (stale != null) {
          last = null;
          reorgs++;
          listener.onReorged(stale);
        }
        return CompletableFuture.completedFuture(false);
      }
      Receipt r = maybe.get();
      Receipt prev = last;
      if (prev == null || !prev.blockHash().equals(r.blockHash())) {
        if (prev != null) {
          reorgs++;
          listener.onReorged(prev);
        }
        last = r;
        listener.onIncluded(r);
      }
      return rpc.blockNumber().sendAsync().thenCompose(head -> {
        long depth = head - r.blockNumber() + 1;
        if (depth < confirmations) {
          return CompletableFuture.completedFuture(false);
        }
        return rpc.getHeaderByNumber(BlockId.number(r.blockNumber())).sendAsync().thenApply(h -> {
          Optional<Hash32> canonical = h.flatMap(BlockHeader::hash);
          if (canonical.isPresent() && canonical.get().equals(r.blockHash())) {
            future.complete(new ConfirmedReceipt(r, (int) Math.min(Integer.MAX_VALUE, depth), head, reorgs));
            return true;
          }
          // the receipt came from a block that is no longer canonical: wait for the node to catch up
          last = null;
          reorgs++;
          listener.onReorged(r);
          return false;
        });
      });
    }
  }
}
