package dev.cairn.core.chain;

import dev.cairn.core.signer.Signer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * One entry point for contracts on every VM: {@link #query} (read-only) and {@link #invoke}
 * (state-changing) take a {@link ContractCall} whatever the chain, route it by chain id to the
 * adapter in the {@link ChainRegistry}, and return a {@link CallResult} of the same shape.
 *
 * <p>Failure model: the future completes normally with a failed {@link CallResult} when the
 * contract or program refused (revert, program error, CosmWasm error) or the invoked transaction
 * failed on chain; it completes exceptionally with a {@link ChainException} when no verdict could
 * be obtained (no adapter for the chain: UNSUPPORTED; transport, timeout, node rejection) or with
 * the decoder's exception when a successful result cannot be decoded. Methods never throw.
 *
 * <p>Thread-safe; it holds no state besides the registry. Continuations run on the thread that
 * completes the adapter's future.
 */
public final class VmDispatcher {
  /** Default time {@link #invoke(ContractCall, Signer, ResultDecoder)} waits for inclusion. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

  private final ChainRegistry registry;

  private VmDispatcher(ChainRegistry registry) {
    this.registry = registry;
  }

  /** A dispatcher over {@code registry} (later registrations are seen). */
  public static VmDispatcher over(ChainRegistry registry) {
    if (registry == null) {
      throw Checks.invalid("registry: is null");
    }
    return new VmDispatcher(registry);
  }

  /** The registry routed through. */
  public ChainRegistry registry() {
    return registry;
  }

  /** A read-only call whose raw result is not decoded. */
  public CompletableFuture<CallResult<Void>> query(ContractCall call) {
    return query(call, null);
  }

  /**
   * A read-only call.
   *
   * @param decoder decodes a successful raw result, or {@code null} to keep only the raw bytes
   */
  public <T> CompletableFuture<CallResult<T>> query(ContractCall call, ResultDecoder<T> decoder) {
    return guard(() -> {
      if (call == null) {
        throw Checks.invalid("call: is null");
      }
      ChainAdapter adapter = registry.require(call.chainId());
      return adapter.query(call).thenApply(result -> {
        if (result == null) {
          throw new ChainException(ChainError.of(ErrorKind.UNKNOWN, call.chainId(), "adapter returned no result"));
        }
        if (!result.isSuccess()) {
          return CallResult.<T>failure(call.chainId(), result.error().get(), null);
        }
        byte[] raw = result.value().orElse(new byte[0]);
        return CallResult.success(call.chainId(), raw, decoder == null ? null : decoder.decode(raw), null);
      });
    });
  }

  /**
   * A state-changing call from the signer's own account, at the NORMAL fee level, waiting for one
   * confirmation for at most {@link #DEFAULT_TIMEOUT}.
   *
   * @param decoder decodes the execution's return data, or {@code null}
   */
  public <T> CompletableFuture<CallResult<T>> invoke(ContractCall call, Signer signer, ResultDecoder<T> decoder) {
    return guard(() -> {
      if (call == null) {
        throw Checks.invalid("call: is null");
      }
      if (signer == null) {
        throw Checks.invalid(call.chainId(), "signer: is null");
      }
      ChainAdapter adapter = registry.require(call.chainId());
      TransactionRequest request = TransactionRequest.contractCall(adapter.accountOf(signer), call);
      return invoke(request, signer, Finality.included(), DEFAULT_TIMEOUT, decoder);
    });
  }

  /**
   * A state-changing call described by a full request (fee level or fee, nonce, memo).
   *
   * @param request a {@link TransactionRequest.Type#CONTRACT_CALL} request
   * @param finality how final the transaction must be
   * @param timeout how long to wait for it
   * @param decoder decodes the execution's return data, or {@code null}
   */
  public <T> CompletableFuture<CallResult<T>> invoke(TransactionRequest request, Signer signer,
      Finality finality, Duration timeout, ResultDecoder<T> decoder) {
    return guard(() -> {
      if (request == null) {
        throw Checks.invalid("request: is null");
      }
      if (request.type() != TransactionRequest.Type.CONTRACT_CALL) {
        throw Checks.invalid(request.chainId(), "request.type: invoke needs CONTRACT_CALL, got " + request.type());
      }
      ChainId chain = request.chainId();
      return submit(request, signer, finality, timeout).thenApply(receipt -> {
        if (!receipt.isSuccess()) {
          return CallResult.<T>failure(chain, receipt.error().get(), receipt);
        }
        byte[] raw = receipt.returnData();
        return CallResult.success(chain, raw, decoder == null ? null : decoder.decode(raw), receipt);
      });
    });
  }

  /**
   * Builds, signs, sends and waits for any request (transfer or call), on the adapter for its
   * chain. When the request names no signers, {@code signer}'s descriptor is used as fee payer.
   *
   * @return the receipt, which records whether execution succeeded; EXPIRED or TIMEOUT when it did
   *     not land in time (see {@link ChainAdapter#waitFor})
   */
  public CompletableFuture<TxReceipt> submit(TransactionRequest request, Signer signer, Finality finality,
      Duration timeout) {
    return guard(() -> {
      if (request == null) {
        throw Checks.invalid("request: is null");
      }
      ChainId chain = request.chainId();
      if (signer == null) {
        throw Checks.invalid(chain, "signer: is null");
      }
      if (finality == null) {
        throw Checks.invalid(chain, "finality: is null");
      }
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw Checks.invalid(chain, "timeout: is null or not positive");
      }
      ChainAdapter adapter = registry.require(chain);
      TransactionRequest withSigner = request.feePayer().isPresent() ? request : request.withSigner(signer.descriptor());
      return adapter.build(withSigner)
          .thenCompose(unsigned -> adapter.sign(unsigned, signer))
          .thenCompose(adapter::send)
          .thenCompose(pending -> adapter.waitFor(pending, finality, timeout));
    });
  }

  /** A failed future (Java 8 API only, for Android). */
  private static <R> CompletableFuture<R> failed(Throwable t) {
    CompletableFuture<R> f = new CompletableFuture<>();
    f.completeExceptionally(t);
    return f;
  }

  /**
   * Runs {@code body}, turning a synchronous throw (validation, a misbehaving adapter) into a
   * failed future so that callers only ever see failures in the future.
   */
  private static <R> CompletableFuture<R> guard(Supplier<CompletableFuture<R>> body) {
    try {
      CompletableFuture<R> f = body.get();
      if (f == null) {
        return failed(new ChainException(
            ChainError.of(ErrorKind.UNKNOWN, null, "adapter returned no future")));
      }
      return f;
    } catch (CompletionException e) {
      return failed(e.getCause() == null ? e : e.getCause());
    } catch (RuntimeException e) {
      return failed(e);
    }
  }
}
