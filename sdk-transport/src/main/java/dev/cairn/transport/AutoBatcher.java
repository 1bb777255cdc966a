package dev.cairn.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Coalesces calls issued within a short window (or up to a size) into one batch. */
final class AutoBatcher {
  private final Transport transport;
  private final long windowNanos;
  private final int maxSize;
  private List<RpcCall<?>> calls = new ArrayList<>();
  private List<CompletableFuture<Object>> futures = new ArrayList<>();
  private ScheduledFuture<?> timer;

  AutoBatcher(Transport transport, Duration window, int maxSize) {
    this.transport = transport;
    this.windowNanos = window.toNanos();
    this.maxSize = maxSize;
  }

  @SuppressWarnings("unchecked")
  <T> CompletableFuture<T> submit(RpcCall<T> call) {
    CompletableFuture<Object> f = new CompletableFuture<>();
    List<RpcCall<?>> flushCalls = null;
    List<CompletableFuture<Object>> flushFutures = null;
    synchronized (this) {
      calls.add(call);
      futures.add(f);
      if (calls.size() >= maxSize) {
        flushCalls = calls;
        flushFutures = futures;
        calls = new ArrayList<>();
        futures = new ArrayList<>();
        if (timer != null) {
          timer.cancel(false);
          timer = null;
        }
      } else if (timer == null) {
        timer = transport.scheduler().schedule(this::flush, windowNanos, TimeUnit.NANOSECONDS);
      }
    }
    if (flushCalls != null) {
      send(flushCalls, flushFutures);
    }
    return (CompletableFuture<T>) (CompletableFuture<?>) f;
  }

  void flush() {
    List<RpcCall<?>> c;
    List<CompletableFuture<Object>> f;
    synchronized (this) {
      timer = null;
      if (calls.isEmpty()) {
        return;
      }
      c = calls;
      f = futures;
      calls = new ArrayList<>();
      futures = new ArrayList<>();
    }
    send(c, f);
  }

  private void send(List<RpcCall<?>> c, List<CompletableFuture<Object>> f) {
    if (c.size() == 1) {
      // a lone call goes out as a plain request
      @SuppressWarnings("unchecked")
      RpcCall<Object> call = (RpcCall<Object>) c.get(0);
      CompletableFuture<Object> target = f.get(0);
      Transport t = transport;
      t.executeDirectAsync(call).whenComplete((v, e) -> {
        if (e != null) {
          target.completeExceptionally(e);
        } else {
          target.complete(v);
        }
      });
      return;
    }
    transport.executeBatchAsync(c, f);
  }
}
