package dev.cairn.evm.rpc.internal;

import dev.cairn.evm.rpc.internal.Futures;
import java.util.concurrent.CompletableFuture;

/** CompletableFuture helpers that Android API 24 has ({@code CompletableFuture.failedFuture} is API 31). */
public final class Futures {
  private Futures() {}

  /** A future already completed exceptionally with {@code t}. */
  public static <T> CompletableFuture<T> failed(Throwable t) {
    CompletableFuture<T> f = new CompletableFuture<>();
    f.completeExceptionally(t);
    return f;
  }
}
