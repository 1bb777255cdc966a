package dev.cairn.evm.fill;

import dev.cairn.abi.Address;
import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.Denomination;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.chain.Fee;
import dev.cairn.core.chain.FeeEstimate;
import dev.cairn.core.chain.FeeLevel;
import dev.cairn.evm.rpc.BlockHeader;
import dev.cairn.evm.rpc.BlockId;
import dev.cairn.evm.rpc.CallRequest;
import dev.cairn.evm.rpc.EvmRpcClient;
import dev.cairn.evm.rpc.FeeHistory;
import dev.cairn.evm.rpc.FeeSuggestion;
import dev.cairn.evm.rpc.internal.Futures;
import dev.cairn.evm.tx.AccessList;
import dev.cairn.evm.tx.Transaction;
import dev.cairn.evm.tx.TxType;
import dev.cairn.transport.RpcCall;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Completes a partially specified transaction: the one place in sdk-evm where chain id, nonce, gas
 * limit and fees are filled (after alloy's filler stack). Only what the caller left unset is
 * filled; a field the caller set is never changed, and when every field is set the filler makes no
 * call at all.
 *
 * <p>Rules, in this order (the calls run concurrently in {@link #fill}, one after the other on the
 * calling thread in {@link #fillBlocking}):
 *
 * <ol>
 *   <li><b>chain id</b>: the one given to {@link Builder#chainId}, else {@code eth_chainId} (asked
 *       once, then cached). A transaction whose chain id is set and differs from a known one is
 *       refused (INVALID_INPUT, field {@code chainId}).
 *   <li><b>nonce</b>: {@code eth_getTransactionCount(from, "pending")}, unless the filler was built
 *       with {@link Builder#skipNonce()} (as {@link dev.cairn.evm.EvmChainAdapter}'s is: its {@link
 *       dev.cairn.evm.nonce.NonceManager} assigns the nonce for each attempt).
 *   <li><b>gas limit</b>: {@code eth_estimateGas} of {@code {from, to, value, data}}, plus the
 *       intrinsic gas of the access list (2400 per address, 1900 per key) and of EIP-7702
 *       authorizations (25000 each), which the estimate request cannot carry; then the margin
 *       ({@code gas * (100 + margin) / 100} rounded up; default the client's {@link
 *       EvmRpcClient#gasMarginPercent()}, 20) and never below {@value #MIN_GAS_LIMIT}.
 *   <li><b>fees</b>, for the {@link FeeLevel} asked for (default NORMAL):
 *       <ul>
 *         <li>legacy and EIP-2930 (type set so, or a gas price set): {@code eth_gasPrice}, the
 *             same for every level;
 *         <li>EIP-1559, 4844 and 7702 (type set so, or a fee cap set): the level of {@link
 *             EvmRpcClient#suggestFees()} ({@code eth_feeHistory}: priority = median of the
 *             level's percentile, maxFee = nextBaseFee * 2 + priority, see {@link FeeSuggestion});
 *             when only the priority fee is given, maxFee = the suggestion's base part + it; when
 *             only maxFee is given, priority = min(suggested priority, maxFee);
 *         <li>type and fees unset: EIP-1559 when the latest block has a base fee (asked once with
 *             {@code eth_getBlockByNumber}, then cached), else legacy (EIP-2930 with an access
 *             list) priced with {@code eth_gasPrice};
 *         <li>EIP-4844 without {@code maxFeePerBlobGas}: twice the next block's blob base fee
 *             ({@code eth_feeHistory} of one block).
 *       </ul>
 * </ol>
 *
 * <p>Errors: the node's failures propagate unchanged ({@link dev.cairn.transport.TransportException}: a
 * reverting estimate is a JSON-RPC error with the revert data); the filler's own refusals are
 * {@link ChainException}s of kind INVALID_INPUT naming the field. Thread-safe; the builder passed to
 * a fill must not be used by another thread until the fill completes.
 */
public final class TxFiller {
  /** The smallest gas limit the filler sets: a plain transfer's intrinsic gas. */
  public static final long MIN_GAS_LIMIT = 21_000;

  private static final BigInteger HUNDRED = BigInteger.valueOf(100);

  private final EvmRpcClient rpc;
  private final long knownChainId; // -1: ask the node
  private volatile long nodeChainId = -1;
  private final int gasMarginPercent;
  private final boolean fillNonce;
  private final FeeLevel defaultLevel;
  /** Whether the chain has a base fee: null until asked. */
  private volatile Boolean eip1559;

  private TxFiller(Builder b) {
    this.rpc = b.rpc;
    this.knownChainId = b.chainId;
    this.gasMarginPercent = b.gasMarginPercent >= 0 ? b.gasMarginPercent : rpc.gasMarginPercent();
    this.fillNonce = b.fillNonce;
    this.defaultLevel = b.level;
    if (b.eip1559 != null) {
      this.eip1559 = b.eip1559;
    }
  }

  /** A filler over {@code rpc} with the defaults (see {@link Builder}). */
  public static TxFiller create(EvmRpcClient rpc) {
    return builder(rpc).build();
  }

  /** A builder over {@code rpc}. */
  public static Builder builder(EvmRpcClient rpc) {
    if (rpc == null) {
      throw invalid("rpc: is null");
    }
    return new Builder(rpc);
  }

  /** Builder of {@link TxFiller}. */
  public static final class Builder {
    private final EvmRpcClient rpc;
    private long chainId = -1;
    private int gasMarginPercent = -1;
    private boolean fillNonce = true;
    private FeeLevel level = FeeLevel.NORMAL;
    private Boolean eip1559;

    private Builder(EvmRpcClient rpc) {
      this.rpc = rpc;
    }

    /** The chain id (saves the {@code eth_chainId} call and refuses transactions for other chains). */
    public Builder chainId(long id) {
      if (id <= 0) {
        throw invalid("chainId: " + id + " is not positive");
      }
      this.chainId = id;
      return this;
    }

    /** The gas margin in percent, 0..1000 (default: the RPC client's, itself 20 by default). */
    public Builder gasMarginPercent(int percent) {
      if (percent < 0 || percent > 1000) {
        throw invalid("gasMarginPercent: " + percent + " is outside 0..1000");
      }
      this.gasMarginPercent = percent;
      return this;
    }

    /** Leaves the nonce unset (for a {@link dev.cairn.evm.nonce.NonceManager} that assigns it). */
    public Builder skipNonce() {
      this.fillNonce = false;
      return this;
    }

    /** The fee level of {@link TxFiller#fill(Address, Transaction.Builder)} (default NORMAL). */
    public Builder feeLevel(FeeLevel level) {
      if (level == null) {
        throw invalid("feeLevel: is null");
      }
      this.level = level;
      return this;
    }

    /**
     * Whether the chain prices with EIP-1559 (has a base fee), when known; otherwise the first fill
     * of an untyped transaction asks the latest block.
     */
    public Builder eip1559(boolean supported) {
      this.eip1559 = supported;
      return this;
    }

    /** The filler. */
    public TxFiller build() {
      return new TxFiller(this);
    }
  }

  /** The gas margin in percent. */
  public int gasMarginPercent() {
    return gasMarginPercent;
  }

  /** {@code gas * (100 + margin) / 100}, rounded up, at least {@value #MIN_GAS_LIMIT} (saturating). */
  public long withMargin(long gas) {
    BigInteger v = BigInteger.valueOf(gas).multiply(BigInteger.valueOf(100L + gasMarginPercent))
        .add(BigInteger.valueOf(99)).divide(HUNDRED);
    long g = v.bitLength() > 63 ? Long.MAX_VALUE : v.longValue();
    return Math.max(g, MIN_GAS_LIMIT);
  }

  /**
   * Whether {@link #fill} would make no call: chain id (or a known one), nonce (or {@link
   * Builder#skipNonce()}), gas limit and the fees of the transaction's type are all set.
   */
  public boolean isComplete(Transaction.Builder tx) {
    if (tx == null) {
      throw invalid("tx: is null");
    }
    return (knownChainId > 0 || tx.chainIdIfSet().isPresent())
        && (!fillNonce || tx.nonceIfSet().isPresent())
        && tx.gasLimitIfSet().isPresent()
        && feesComplete(tx);
  }

  private static boolean feesComplete(Transaction.Builder tx) {
    if (tx.gasPriceIfSet().isPresent()) {
      return true;
    }
    if (tx.maxFeePerGasIfSet().isEmpty() || tx.maxPriorityFeePerGasIfSet().isEmpty()) {
      return false;
    }
    Optional<TxType> t = tx.typeIfSet();
    return !(t.isPresent() && t.get() == TxType.BLOB) || tx.maxFeePerBlobGasIfSet().isPresent();
  }

  /** {@link #fill(Address, Transaction.Builder, FeeLevel)} at the filler's fee level. */
  public CompletableFuture<Transaction.Builder> fill(Address from, Transaction.Builder tx) {
    return fill(from, tx, defaultLevel);
  }

  /**
   * Fills what {@code tx} lacks, asynchronously (the node's calls run concurrently).
   *
   * @param from the sender (for the nonce and the gas estimate)
   * @param tx the transaction so far; the same builder, completed, is the future's value
   * @return fails with the node's {@link dev.cairn.transport.TransportException} or a {@link
   *     ChainException} (INVALID_INPUT) naming the field; never throws
   */
  public CompletableFuture<Transaction.Builder> fill(Address from, Transaction.Builder tx, FeeLevel level) {
    try {
      return run(from, tx, level, ASYNC);
    } catch (RuntimeException e) {
      return Futures.failed(e);
    }
  }

  /** {@link #fillBlocking(Address, Transaction.Builder, FeeLevel)} at the filler's fee level. */
  public Transaction.Builder fillBlocking(Address from, Transaction.Builder tx) {
    return fillBlocking(from, tx, defaultLevel);
  }

  /**
   * {@link #fill} on the calling thread: each call the transaction needs is sent here, one after
   * the other, and none when it is complete.
   *
   * @return {@code tx}, completed
   * @throws RuntimeException what {@link #fill}'s future fails with
   */
  public Transaction.Builder fillBlocking(Address from, Transaction.Builder tx, FeeLevel level) {
    if (tx != null && isComplete(tx)) {
      check(tx);
      return tx;
    }
    return join(run(from, tx, level, BLOCKING));
  }

  /**
   * The fees of {@code tx} at the three levels, as sdk-core's {@link FeeEstimate}: the gas limit
   * (given, or estimated as in {@link #fill}) with, per level, {@code unitPrice = maxFeePerGas} and
   * {@code priorityUnitPrice = maxPriorityFeePerGas} (EIP-1559), or both the gas price (legacy).
   * Fee fields set on {@code tx} are used as they are for every level. {@code tx} is not changed.
   */
  public CompletableFuture<FeeEstimate> estimate(Address from, Transaction.Builder tx, ChainId chainId,
      Denomination denomination) {
    try {
      if (tx == null || chainId == null || denomination == null) {
        throw invalid((tx == null ? "tx" : chainId == null ? "chainId" : "denomination") + ": is null");
      }
      Transaction peek = tx.build();
      CompletableFuture<Long> gas = tx.gasLimitIfSet().isPresent()
          ? CompletableFuture.completedFuture(tx.gasLimitIfSet().getAsLong())
          : estimateGas(from, peek, ASYNC);
      CompletableFuture<Fee[]> fees = pricing(tx, peek, ASYNC).thenCompose(p -> {
        if (p == Pricing.LEGACY) {
          CompletableFuture<BigInteger> price = tx.gasPriceIfSet().isPresent()
              ? CompletableFuture.completedFuture(tx.gasPriceIfSet().get()) : rpc.gasPrice().sendAsync();
          return gas.thenCombine(price, (g, gp) -> {
            Fee f = Fee.of(denomination, g, new BigDecimal(gp), new BigDecimal(gp), BigInteger.ZERO);
            return new Fee[] {f, f, f};
          });
        }
        if (tx.maxFeePerGasIfSet().isPresent() && tx.maxPriorityFeePerGasIfSet().isPresent()) {
          return gas.thenApply(g -> {
            Fee f = Fee.of(denomination, g, new BigDecimal(tx.maxFeePerGasIfSet().get()),
                new BigDecimal(tx.maxPriorityFeePerGasIfSet().get()), BigInteger.ZERO);
            return new Fee[] {f, f, f};
          });
        }
        return gas.thenCombine(rpc.suggestFeesAsync(), (g, s) -> {
          Fee[] out = new Fee[3];
          FeeLevel[] levels = {FeeLevel.SLOW, FeeLevel.NORMAL, FeeLevel.FAST};
          for (int i = 0; i < 3; i++) {
            BigInteger[] mp = dynamicFees(tx, s.get(levels[i]));
            out[i] = Fee.of(denomination, g, new BigDecimal(mp[0]), new BigDecimal(mp[1]), BigInteger.ZERO);
          }
          return out;
        });
      });
      return fees.thenApply(f -> FeeEstimate.of(chainId, f[0], f[1], f[2]));
    } catch (RuntimeException e) {
      return Futures.failed(e);
    }
  }

  // ------------------------------------------------------------------ the steps

  private CompletableFuture<Transaction.Builder> run(Address from, Transaction.Builder tx, FeeLevel level, Io io) {
    if (tx == null) {
      throw invalid("tx: is null");
    }
    if (level == null) {
      throw invalid("feeLevel: is null");
    }
    check(tx);
    if (isComplete(tx)) {
      return CompletableFuture.completedFuture(tx);
    }
    // Each step computes its values; they are applied to the builder on one thread at the end.
    List<CompletableFuture<Consumer<Transaction.Builder>>> steps = new ArrayList<>(4);
    if (tx.chainIdIfSet().isEmpty()) {
      steps.add(chainId(io).thenApply(id -> b -> b.chainId(id)));
    }
    if (fillNonce && tx.nonceIfSet().isEmpty()) {
      requireFrom(from, "nonce");
      steps.add(io.call(rpc.getTransactionCount(from, BlockId.PENDING)).thenApply(n -> b -> b.nonce(n)));
    }
    Transaction peek = null;
    if (tx.gasLimitIfSet().isEmpty() || !feesComplete(tx)) {
      peek = tx.build(); // the fields so far, with the type inferred; fails on a field the type lacks
    }
    if (tx.gasLimitIfSet().isEmpty()) {
      steps.add(estimateGas(from, peek, io).thenApply(g -> b -> b.gasLimit(g)));
    }
    if (!feesComplete(tx)) {
      Transaction p = peek;
      steps.add(pricing(tx, peek, io).thenCompose(pr -> fees(tx, p, pr, level, io)));
    }
    CompletableFuture<?>[] all = steps.toArray(new CompletableFuture<?>[0]);
    return CompletableFuture.allOf(all).thenApply(v -> {
      for (CompletableFuture<Consumer<Transaction.Builder>> s : steps) {
        s.join().accept(tx);
      }
      return tx;
    });
  }

  private void check(Transaction.Builder tx) {
    OptionalLong id = tx.chainIdIfSet();
    long known = knownChainId > 0 ? knownChainId : nodeChainId;
    if (id.isPresent() && known > 0 && id.getAsLong() != known
        && !(id.getAsLong() == 0 && tx.typeIfSet().orElse(null) == TxType.LEGACY)) {
      throw invalid("chainId: the transaction is for chain " + id.getAsLong() + ", this filler's chain is " + known);
    }
  }

  private CompletableFuture<Long> chainId(Io io) {
    if (knownChainId > 0) {
      return CompletableFuture.completedFuture(knownChainId);
    }
    long cached = nodeChainId;
    if (cached > 0) {
      return CompletableFuture.completedFuture(cached);
    }
    return io.call(rpc.chainId()).thenApply(id -> {
      nodeChainId = id;
      return id;
    });
  }

  private CompletableFuture<Long> estimateGas(Address from, Transaction peek, Io io) {
    CallRequest.Builder req = CallRequest.builder().value(peek.value()).data(peek.data());
    if (from != null) {
      req.from(from);
    }
    peek.to().ifPresent(req::to);
    AccessList al = peek.accessList();
    long unseen = 2400L * al.size() + 1900L * al.storageKeyCount() + 25_000L * peek.authorizationList().size();
    return io.call(rpc.estimateGas(req.build())).thenApply(g -> withMargin(saturatingAdd(g, unseen)));
  }

  private static long saturatingAdd(long a, long b) {
    long s = a + b;
    return s < 0 ? Long.MAX_VALUE : s;
  }

  private enum Pricing { LEGACY, DYNAMIC, DETECTED_DYNAMIC }

  /** How the transaction is priced: from its type or fee fields, else from the chain. */
  private CompletableFuture<Pricing> pricing(Transaction.Builder tx, Transaction peek, Io io) {
    if (tx.gasPriceIfSet().isPresent()) {
      return CompletableFuture.completedFuture(Pricing.LEGACY);
    }
    Optional<TxType> t = tx.typeIfSet();
    TxType type = t.orElse(peek.type());
    if (type == TxType.DYNAMIC_FEE || type == TxType.BLOB || type == TxType.SET_CODE) {
      return CompletableFuture.completedFuture(Pricing.DYNAMIC);
    }
    if (t.isPresent()) {
      return CompletableFuture.completedFuture(Pricing.LEGACY); // legacy or 2930 chosen by the caller
    }
    Boolean known = eip1559;
    CompletableFuture<Boolean> has = known != null ? CompletableFuture.completedFuture(known)
        : io.call(rpc.getHeaderByNumber(BlockId.LATEST)).thenApply(h -> {
          boolean b = h.flatMap(BlockHeader::baseFeePerGas).isPresent();
          eip1559 = b;
          return b;
        });
    return has.thenApply(b -> b ? Pricing.DETECTED_DYNAMIC : Pricing.LEGACY);
  }

  private CompletableFuture<Consumer<Transaction.Builder>> fees(Transaction.Builder tx, Transaction peek, Pricing p,
      FeeLevel level, Io io) {
    if (p == Pricing.LEGACY) {
      return io.call(rpc.gasPrice()).thenApply(gp -> b -> b.gasPrice(gp));
    }
    boolean blob = peek.type() == TxType.BLOB && tx.maxFeePerBlobGasIfSet().isEmpty();
    boolean main = tx.maxFeePerGasIfSet().isEmpty() || tx.maxPriorityFeePerGasIfSet().isEmpty();
    CompletableFuture<BigInteger[]> mp = main
        ? io.fees(rpc).thenApply(s -> dynamicFees(tx, s.get(level)))
        : CompletableFuture.completedFuture(null);
    CompletableFuture<BigInteger> blobFee = blob ? io.call(rpc.feeHistory(1, BlockId.LATEST)).thenApply(TxFiller::blobFee)
        : CompletableFuture.completedFuture(null);
    return mp.thenCombine(blobFee, (m, bf) -> b -> {
      if (p == Pricing.DETECTED_DYNAMIC) {
        b.type(TxType.DYNAMIC_FEE);
      }
      if (m != null) {
        b.maxFeePerGas(m[0]).maxPriorityFeePerGas(m[1]);
      }
      if (bf != null) {
        b.maxFeePerBlobGas(bf);
      }
    });
  }

  /** {maxFee, priority} from a suggestion level, keeping whichever of the two the caller set. */
  private static BigInteger[] dynamicFees(Transaction.Builder tx, FeeSuggestion.Level l) {
    Optional<BigInteger> max = tx.maxFeePerGasIfSet();
    Optional<BigInteger> prio = tx.maxPriorityFeePerGasIfSet();
    if (max.isPresent() && prio.isPresent()) {
      return new BigInteger[] {max.get(), prio.get()};
    }
    if (prio.isPresent()) {
      BigInteger base = l.maxFeePerGas().subtract(l.maxPriorityFeePerGas());
      return new BigInteger[] {base.add(prio.get()), prio.get()};
    }
    if (max.isPresent()) {
      return new BigInteger[] {max.get(), l.maxPriorityFeePerGas().min(max.get())};
    }
    return new BigInteger[] {l.maxFeePerGas(), l.maxPriorityFeePerGas()};
  }

  private static BigInteger blobFee(FeeHistory h) {
    List<BigInteger> fees = h.baseFeePerBlobGas();
    if (fees.isEmpty()) {
      throw invalid("maxFeePerBlobGas: the node reports no blob base fee (a chain before Cancun?); set it");
    }
    return fees.get(fees.size() - 1).shiftLeft(1);
  }

  private static void requireFrom(Address from, String field) {
    if (from == null) {
      throw invalid("from: is null, and the " + field + " is to be filled");
    }
  }

  // ------------------------------------------------------------------ async or on this thread

  /** How calls are made: sent asynchronously, or sent on the calling thread (already complete futures). */
  private interface Io {
    <T> CompletableFuture<T> call(RpcCall<T> call);

    CompletableFuture<FeeSuggestion> fees(EvmRpcClient rpc);
  }

  private static final Io ASYNC = new Io() {
    @Override
    public <T> CompletableFuture<T> call(RpcCall<T> call) {
      return call.sendAsync();
    }

    @Override
    public CompletableFuture<FeeSuggestion> fees(EvmRpcClient rpc) {
      return rpc.suggestFeesAsync();
    }
  };

  private static final Io BLOCKING = new Io() {
    @Override
    public <T> CompletableFuture<T> call(RpcCall<T> call) {
      try {
        return CompletableFuture.completedFuture(call.send());
      } catch (RuntimeException e) {
        return Futures.failed(e);
      }
    }

    @Override
    public CompletableFuture<FeeSuggestion> fees(EvmRpcClient rpc) {
      try {
        return CompletableFuture.completedFuture(rpc.suggestFees());
      } catch (RuntimeException e) {
        return Futures.failed(e);
      }
    }
  };

  /** The value of a future that the blocking path completed on this thread, or its failure rethrown. */
  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.get();
    } catch (ExecutionException | CompletionException e) {
      Throwable c = e.getCause();
      while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
        c = c.getCause();
      }
      if (c instanceof RuntimeException) {
        throw (RuntimeException) c;
      }
      if (c instanceof Error) {
        throw (Error) c;
      }
      throw new CompletionException(c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChainException(ChainError.of(ErrorKind.TRANSPORT, null, "fill: interrupted"), e);
    }
  }

  private static ChainException invalid(String message) {
    return new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, null, message));
  }

  @Override
  public String toString() {
    return "TxFiller{chainId=" + (knownChainId > 0 ? knownChainId : "node") + ", margin=" + gasMarginPercent
        + "%, nonce=" + (fillNonce ? "pending count" : "skipped") + ", level=" + defaultLevel + "}";
  }
}
