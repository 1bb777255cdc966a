package dev.cairn.svm.adapter;

import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainErrors;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.Denomination;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.chain.PendingTransaction;
import dev.cairn.core.chain.TxReceipt;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.tx.Blockhash;
import dev.cairn.svm.tx.Message;
import dev.cairn.svm.tx.Transaction;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The confirmation loop of {@link SvmChainAdapter#waitFor}: polls the signature status,
 * rebroadcasts the same signed bytes, and decides between a receipt, EXPIRED (only on finalized
 * evidence that the transaction can never land) and TIMEOUT. One instance per adapter; each wait
 * is a {@link Runnable} rescheduled on the adapter's timer.
 */
final class SendLoop {
  private final ChainId chainId;
  private final SvmNode node;
  private final ScheduledExecutorService timer;
  private final BooleanSupplier closed;
  private final Duration rebroadcastInterval;
  private final Duration pollInterval;

  SendLoop(ChainId chainId, SvmNode node, ScheduledExecutorService timer, BooleanSupplier closed,
      Duration rebroadcastInterval, Duration pollInterval) {
    this.chainId = chainId;
    this.node = node;
    this.timer = timer;
    this.closed = closed;
    this.rebroadcastInterval = rebroadcastInterval;
    this.pollInterval = pollInterval;
  }

  /** Starts waiting for {@code p} to reach {@code level}; the future never fails with anything but a ChainException. */
  CompletableFuture<TxReceipt> start(PendingTransaction p, SvmNode.Level level, Duration timeout) {
    Wait w = new Wait(p, level, timeout);
    w.schedule(0);
    return w.result;
  }

  /** One wait: polls, rebroadcasts, decides. */
  private final class Wait implements Runnable {
    final CompletableFuture<TxReceipt> result = new CompletableFuture<>();
    final String id;
    final byte[] wire;
    final OptionalLong lastValid;
    final Pubkey nonceAccount; // of a durable-nonce transaction, else null
    final Blockhash nonceValue;
    final SvmNode.Level level;
    final long deadline;
    final Duration timeout;
    long lastBroadcast;

    Wait(PendingTransaction p, SvmNode.Level level, Duration timeout) {
      this.id = p.transactionId();
      this.wire = p.encoded().orElse(null);
      this.lastValid = p.validity().lastValidHeight();
      Message m = wire == null ? null : message(wire);
      this.nonceAccount = m == null || lastValid.isPresent() ? null : durableNonceAccount(m);
      this.nonceValue = nonceAccount == null ? null : m.recentBlockhash();
      this.level = level;
      this.timeout = timeout;
      long now = System.nanoTime();
      this.deadline = now + timeout.toNanos();
      this.lastBroadcast = now; // send() has just broadcast it
    }

    void schedule(long delayMillis) {
      if (result.isDone()) {
        return;
      }
      if (closed.getAsBoolean()) {
        fail(ChainError.of(ErrorKind.UNSUPPORTED, chainId, "adapter: closed while waiting for " + id));
        return;
      }
      try {
        timer.schedule(this, delayMillis, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        fail(ChainError.of(ErrorKind.UNSUPPORTED, chainId, "adapter: closed while waiting for " + id));
      }
    }

    @Override
    public void run() {
      if (result.isDone()) {
        return;
      }
      node.statuses(List.of(id), false).whenComplete((list, err) -> {
        try {
          if (err != null) {
            retryOrFail(err);
            return;
          }
          SvmNode.Status s = list == null || list.isEmpty() ? null : list.get(0);
          if (s != null) {
            if (s.level.compareTo(level) >= 0) {
              finish(s);
            } else {
              next(); // seen, not final enough yet: no need to rebroadcast
            }
            return;
          }
          if (lastValid.isPresent()) {
            node.blockHeight(SvmNode.Level.FINALIZED).whenComplete((h, e2) -> {
              if (e2 == null && h != null && h > lastValid.getAsLong()) {
                finalCheck("the finalized block height " + h + " passed its blockhash's last valid block height "
                    + lastValid.getAsLong(), "BlockhashNotFound");
              } else {
                rebroadcastAndNext();
              }
            });
          } else if (nonceAccount != null) {
            // a durable-nonce transaction never expires by height, but once the nonce has moved on
            // (finalized) without it, it can never land either
            node.accountData(nonceAccount, SvmNode.Level.FINALIZED).whenComplete((data, e2) -> {
              Blockhash now = e2 == null ? storedNonce(data) : null;
              if (now != null && !now.equals(nonceValue)) {
                finalCheck("its durable nonce " + nonceAccount + " has advanced (finalized) from " + nonceValue
                    + " to " + now, "NonceAdvanced");
              } else {
                rebroadcastAndNext();
              }
            });
          } else {
            rebroadcastAndNext();
          }
        } catch (RuntimeException e) {
          fail(ChainErrors.fromThrowable(chainId, e));
        }
      });
    }

    private void retryOrFail(Throwable err) {
      ChainError e = ChainErrors.fromThrowable(chainId, err);
      if (e.kind() == ErrorKind.TRANSPORT || e.kind() == ErrorKind.TIMEOUT) {
        next();
      } else {
        fail(e.toBuilder().transactionId(id).build());
      }
    }

    private void finalCheck(String why, String nativeCode) {
      node.statuses(List.of(id), true).whenComplete((list, err) -> {
        if (err != null) {
          retryOrFail(err);
          return;
        }
        SvmNode.Status s = list == null || list.isEmpty() ? null : list.get(0);
        if (s != null) {
          next(); // it landed before the window closed: wait for its commitment
          return;
        }
        fail(ChainError.builder(ErrorKind.EXPIRED, chainId, "transaction " + id + " expired: " + why
                + " and it never landed; it can no longer land, so it is safe to rebuild and sign again")
            .nativeCode(nativeCode).transactionId(id).build());
      });
    }

    private void rebroadcastAndNext() {
      long now = System.nanoTime();
      if (wire != null && now - lastBroadcast >= rebroadcastInterval.toNanos()) {
        lastBroadcast = now;
        node.send(wire, true, level); // same bytes; failures (already processed, expired) are judged by the polls
      }
      next();
    }

    private void next() {
      if (System.nanoTime() - deadline >= 0) {
        fail(ChainError.builder(ErrorKind.TIMEOUT, chainId, "transaction " + id + " did not reach " + level
                + " within " + timeout + (lastValid.isPresent()
                    ? "; it may still land until block height " + lastValid.getAsLong() + ": do not sign it again before then"
                    : "; it may still land"))
            .transactionId(id).build());
        return;
      }
      schedule(pollInterval.toMillis());
    }

    private void finish(SvmNode.Status s) {
      SvmNode.Level query = level == SvmNode.Level.PROCESSED ? SvmNode.Level.CONFIRMED : level;
      node.transaction(id, query).whenComplete((landed, err) -> {
        try {
          int confirmations = Math.max(1, s.confirmations);
          if (err != null || landed == null) {
            long fee = wire == null ? 0 : baseFee(wire);
            result.complete(receipt(s.slot, confirmations, -1, fee, null, s.error));
            return;
          }
          result.complete(receipt(landed.slot, confirmations, landed.unitsConsumed, landed.fee, landed.returnData,
              landed.error != null ? landed.error : s.error));
        } catch (RuntimeException e) {
          fail(ChainErrors.fromThrowable(chainId, e));
        }
      });
    }

    private TxReceipt receipt(long slot, int confirmations, long units, long fee, byte[] returnData, ChainError error) {
      Amount paid = Amount.of(BigInteger.valueOf(Math.max(0, fee)), Denomination.SOL);
      long used = Math.max(0, units);
      if (error != null) {
        return TxReceipt.failure(chainId, id, slot, confirmations, used, paid, error.toBuilder().transactionId(id).build());
      }
      return TxReceipt.success(chainId, id, slot, confirmations, used, paid, returnData);
    }

    private void fail(ChainError e) {
      result.completeExceptionally(new ChainException(e));
    }
  }

  private static Message message(byte[] wire) {
    try {
      return Transaction.deserialize(wire).message();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The nonce account when the first instruction is System AdvanceNonceAccount, else null. */
  static Pubkey durableNonceAccount(Message m) {
    if (m.instructions().isEmpty()) {
      return null;
    }
    dev.cairn.svm.tx.CompiledInstruction first = m.instructions().get(0);
    List<Pubkey> keys = m.staticAccountKeys();
    byte[] d = first.data();
    if (first.programIdIndex() >= keys.size() || !keys.get(first.programIdIndex()).equals(SystemProgram.PROGRAM_ID)
        || d.length != 4 || d[0] != 4 || d[1] != 0 || d[2] != 0 || d[3] != 0 || first.accountCount() < 1
        || first.accountIndex(0) >= keys.size()) {
      return null;
    }
    return keys.get(first.accountIndex(0));
  }

  /** The value in nonce account data, or null when it is not an initialized nonce account. */
  static Blockhash storedNonce(byte[] data) {
    if (data == null || data.length != SystemProgram.NONCE_ACCOUNT_LENGTH || data[4] != 1) {
      return null;
    }
    return Blockhash.of(Arrays.copyOfRange(data, 40, 72));
  }

  private static long baseFee(byte[] wire) {
    try {
      return SvmChainAdapter.LAMPORTS_PER_SIGNATURE * Transaction.deserialize(wire).message().numRequiredSignatures();
    } catch (RuntimeException e) {
      return 0;
    }
  }
}
