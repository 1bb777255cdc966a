package dev.cairn.hsm.ledger.apps.internal;

import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.SignerException;
import dev.cairn.hsm.ledger.LedgerException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The request checks, queueing and error mapping shared by the Ledger app signers: requests are
 * checked in the caller's thread (failures complete the future, never thrown), then run one at a
 * time on the signer's own daemon thread (a device does one thing at a time and may wait for the
 * user), with {@link LedgerException}s mapped onto {@link SignerException} reasons.
 */
public final class AppSignerSupport implements AutoCloseable {
  private final String name;
  private final Predicate<SignRequest.Kind> supported;
  private final ExecutorService executor;
  private volatile boolean closed;

  public AppSignerSupport(String name, Predicate<SignRequest.Kind> supported) {
    this.name = name;
    this.supported = supported;
    this.executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "cairn-" + name);
      t.setDaemon(true);
      return t;
    });
  }

  /** Whether the signer was closed. */
  public boolean isClosed() {
    return closed;
  }

  /** Checks {@code request} and runs {@code device} on the signer's thread. Never throws. */
  public CompletableFuture<Signature> submit(SignRequest request, Function<SignRequest, Signature> device) {
    if (request == null) {
      return failed(new SignerException(SignerException.Reason.INVALID_REQUEST, "request", "is null"));
    }
    if (closed) {
      return failed(new SignerException(SignerException.Reason.DEVICE_UNAVAILABLE, "device",
          "the " + name + " signer is closed"));
    }
    if (!supported.test(request.kind())) {
      return failed(new SignerException(SignerException.Reason.UNSUPPORTED_REQUEST, "kind",
          "the " + name + " signer cannot sign " + request.kind()));
    }
    CompletableFuture<Signature> f = new CompletableFuture<>();
    try {
      executor.execute(() -> {
        if (f.isDone()) {
          return;
        }
        if (closed) {
          f.completeExceptionally(new SignerException(SignerException.Reason.DEVICE_UNAVAILABLE, "device",
              "the " + name + " signer is closed"));
          return;
        }
        try {
          f.complete(device.apply(request));
        } catch (LedgerException e) {
          f.completeExceptionally(e.toSignerException());
        } catch (SignerException e) {
          f.completeExceptionally(e);
        } catch (RuntimeException e) {
          f.completeExceptionally(new SignerException(SignerException.Reason.FAILED, "device",
              "signing failed: " + e.getClass().getSimpleName(), e));
        }
      });
    } catch (RejectedExecutionException e) {
      return failed(new SignerException(SignerException.Reason.DEVICE_UNAVAILABLE, "device",
          "the " + name + " signer is closed", e));
    }
    return f;
  }

  private static CompletableFuture<Signature> failed(SignerException e) {
    CompletableFuture<Signature> f = new CompletableFuture<>();
    f.completeExceptionally(e);
    return f;
  }

  /** Stops the signer's thread; queued requests fail with DEVICE_UNAVAILABLE. Idempotent. */
  @Override
  public void close() {
    closed = true;
    executor.shutdown();
  }
}
