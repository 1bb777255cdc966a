package dev.cairn.evm.rpc;

import dev.cairn.abi.Address;
import dev.cairn.evm.rpc.internal.Json;
import dev.cairn.transport.HttpChannelKind;
import dev.cairn.transport.JsonRpcClient;
import dev.cairn.transport.ParamsWriter;
import dev.cairn.transport.ResultReader;
import dev.cairn.transport.RetryPolicy;
import dev.cairn.transport.RpcBatch;
import dev.cairn.transport.RpcCall;
import dev.cairn.transport.TransportException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;

/**
 * An Ethereum JSON-RPC client: the EVM layer (method names, parameter encodings, result types)
 * over sdk-transport's {@link JsonRpcClient}, which does the HTTP, batching, retries, limits and
 * typed failures. Needs {@code dev.cairn:sdk-transport} on the class path (an optional dependency
 * of sdk-evm: offline building and signing does not need it). Each method returns an {@link RpcCall}:
 * {@code send()} blocks, {@code sendAsync()} returns a {@link CompletableFuture}, and calls can be
 * grouped in an {@link #newBatch() explicit batch} or coalesced automatically ({@link
 * Builder#autoBatch}). Idempotent reads are retried per the {@link RetryPolicy};
 * {@code eth_sendRawTransaction} is retried only when nothing was sent. Every failure is a
 * {@link TransportException}; {@link RpcErrors} reads it the EVM way (revert data, chain-neutral
 * kinds).
 *
 * <p>The channel is chosen by endpoint: plain {@code http://} to {@code localhost} or to a
 * loopback, private or link-local IP address gets the pipelined HTTP/1.1 channel (2 connections),
 * so the obvious code against a local node is the fast path; {@code https://} and other hosts get
 * OkHttp (HTTP/2 where offered). {@link Builder#okHttp()} and {@link Builder#pipelinedHttp1(int)}
 * override the choice.
 *
 * <pre>{@code
 * try (EvmRpcClient rpc = EvmRpcClient.create("http://127.0.0.1:8545")) {
 *   long head = rpc.blockNumber().send();
 *   BigInteger balance = rpc.getBalance(address, BlockId.LATEST).send();
 * }
 * }</pre>
 *
 * Thread-safe; share one instance per endpoint.
 */
public final class EvmRpcClient implements AutoCloseable {
  private final JsonRpcClient rpc;
  private final int gasMarginPercent;
  private final int feeHistoryBlocks;
  private final double[] feePercentiles;
  private final long baseFeeNumerator;
  private final long baseFeeDenominator;
  private final BigInteger fallbackPriorityFee;

  private EvmRpcClient(Builder b) {
    this.rpc = b.rpc.build();
    this.gasMarginPercent = b.gasMarginPercent;
    this.feeHistoryBlocks = b.feeHistoryBlocks;
    this.feePercentiles = b.feePercentiles.clone();
    this.baseFeeNumerator = b.baseFeeNumerator;
    this.baseFeeDenominator = b.baseFeeDenominator;
    this.fallbackPriorityFee = b.fallbackPriorityFee;
  }

  /** A client for {@code url} with the defaults (the channel chosen by endpoint). */
  public static EvmRpcClient create(String url) {
    return builder(url).build();
  }

  /**
   * A builder for a client of {@code url} ({@code http://} or {@code https://}).
   *
   * @throws IllegalArgumentException if the URL is not a valid HTTP(S) URL
   */
  public static Builder builder(String url) {
    return new Builder(JsonRpcClient.builder(url));
  }

  /** The OkHttp client used when none is given; see {@link JsonRpcClient#defaultOkHttpClient()}. */
  public static OkHttpClient defaultOkHttpClient() {
    return JsonRpcClient.defaultOkHttpClient();
  }

  /** The endpoint. */
  public String url() {
    return rpc.url();
  }

  /** The default timeout of a call (retries included). */
  public Duration timeout() {
    return rpc.timeout();
  }

  /** The channel in use. */
  public HttpChannelKind channel() {
    return rpc.channel();
  }

  /** The chain-neutral JSON-RPC client underneath (for methods this class does not wrap). */
  public JsonRpcClient transport() {
    return rpc;
  }

  /** The OkHttp client in use (e.g. to open WebSockets with the same pool and dispatcher). */
  public OkHttpClient okHttpClient() {
    return rpc.okHttpClient();
  }

  // ------------------------------------------------------------------ generic

  /**
   * A call of any method.
   *
   * @param params writes the parameters (the array's elements)
   * @param reader reads the result
   * @param idempotent whether the call may be retried (true for reads only)
   */
  public <T> RpcCall<T> call(String method, ParamsWriter params, ResultReader<T> reader, boolean idempotent) {
    return rpc.call(method, params, reader, idempotent);
  }

  /**
   * A call of any method with the parameters given as JSON text, returning the result as compact
   * JSON text ({@code "null"} for null). Handy for node-specific methods ({@code anvil_mine},
   * {@code evm_snapshot}, ...).
   *
   * @param paramsJsonArray the params array, e.g. {@code "[\"0x1\"]"}, or {@code null} for none
   */
  public RpcCall<String> rawCall(String method, String paramsJsonArray, boolean idempotent) {
    return rpc.rawCall(method, paramsJsonArray, idempotent);
  }

  /** A new, empty explicit batch. */
  public RpcBatch newBatch() {
    return rpc.newBatch();
  }

  // ------------------------------------------------------------------ eth_ methods

  /** {@code eth_chainId}. */
  public RpcCall<Long> chainId() {
    return call("eth_chainId", ParamsWriter.NONE, Json::quantityLong, true);
  }

  /** {@code eth_blockNumber}. */
  public RpcCall<Long> blockNumber() {
    return call("eth_blockNumber", ParamsWriter.NONE, Json::quantityLong, true);
  }

  /** {@code eth_gasPrice}, in wei. */
  public RpcCall<BigInteger> gasPrice() {
    return call("eth_gasPrice", ParamsWriter.NONE, Json::quantity, true);
  }

  /** {@code eth_maxPriorityFeePerGas}, in wei. */
  public RpcCall<BigInteger> maxPriorityFeePerGas() {
    return call("eth_maxPriorityFeePerGas", ParamsWriter.NONE, Json::quantity, true);
  }

  /** {@code eth_getBalance}, in wei. */
  public RpcCall<BigInteger> getBalance(Address address, BlockId block) {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(block, "block");
    return call("eth_getBalance", g -> {
      Json.writeAddress(g, address);
      block.write(g);
    }, Json::quantity, true);
  }

  /** {@code eth_getTransactionCount}: the account's nonce at {@code block} ({@link BlockId#PENDING} counts the mempool). */
  public RpcCall<Long> getTransactionCount(Address address, BlockId block) {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(block, "block");
    return call("eth_getTransactionCount", g -> {
      Json.writeAddress(g, address);
      block.write(g);
    }, Json::quantityLong, true);
  }

  /** {@code eth_getCode}: the account's code (empty for externally owned accounts). */
  public RpcCall<byte[]> getCode(Address address, BlockId block) {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(block, "block");
    return call("eth_getCode", g -> {
      Json.writeAddress(g, address);
      block.write(g);
    }, Json::data, true);
  }

  /** {@code eth_getStorageAt}: the 32-byte value of a storage slot. */
  public RpcCall<Hash32> getStorageAt(Address address, Hash32 slot, BlockId block) {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(block, "block");
    return call("eth_getStorageAt", g -> {
      Json.writeAddress(g, address);
      g.writeString(slot.toHex());
      block.write(g);
    }, p -> Hash32.wrap(Json.hash(p)), true);
  }

  /** {@code eth_call}: the return data. A revert is a {@link TransportException} keeping the revert data ({@link RpcErrors#revertData}). */
  public RpcCall<byte[]> call(CallRequest request, BlockId block) {
    return call(request, block, null);
  }

  /** {@code eth_call} with a state-override set ({@code null} or empty for none). */
  public RpcCall<byte[]> call(CallRequest request, BlockId block, StateOverride overrides) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(block, "block");
    return call("eth_call", g -> {
      request.write(g);
      block.write(g);
      if (overrides != null && !overrides.isEmpty()) {
        overrides.write(g);
      }
    }, Json::data, true);
  }

  /** {@code eth_estimateGas} at the pending state (no block parameter, which every node accepts). */
  public RpcCall<Long> estimateGas(CallRequest request) {
    Objects.requireNonNull(request, "request");
    return call("eth_estimateGas", request::write, Json::quantityLong, true);
  }

  /** {@code eth_estimateGas} at {@code block}. */
  public RpcCall<Long> estimateGas(CallRequest request, BlockId block) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(block, "block");
    return call("eth_estimateGas", g -> {
      request.write(g);
      block.write(g);
    }, Json::quantityLong, true);
  }

  /**
   * {@code eth_feeHistory}.
   *
   * @param blockCount blocks to sample, 1 to 1024
   * @param newest the newest block (number or tag)
   * @param rewardPercentiles increasing percentiles in [0, 100]; none for no rewards
   */
  public RpcCall<FeeHistory> feeHistory(int blockCount, BlockId newest, double... rewardPercentiles) {
    if (blockCount < 1 || blockCount > 1024) {
      throw new IllegalArgumentException("blockCount must be 1..1024: " + blockCount);
    }
    Objects.requireNonNull(newest, "newest");
    double[] pct = rewardPercentiles == null ? new double[0] : rewardPercentiles.clone();
    for (int i = 0; i < pct.length; i++) {
      if (!(pct[i] >= 0 && pct[i] <= 100) || (i > 0 && pct[i] < pct[i - 1])) {
        throw new IllegalArgumentException("percentiles must be increasing and within [0, 100]");
      }
    }
    return call("eth_feeHistory", g -> {
      Json.writeQuantity(g, blockCount);
      newest.writeTagOrNumber(g);
      g.writeStartArray();
      for (double d : pct) {
        g.writeNumber(d);
      }
      g.writeEndArray();
    }, FeeHistory::read, true);
  }

  /** {@code eth_getBlockByNumber}; empty if there is no such block yet. */
  public RpcCall<Optional<Block>> getBlockByNumber(BlockId block, boolean fullTransactions) {
    Objects.requireNonNull(block, "block");
    if (block.isHash()) {
      return getBlockByHash(block.blockHash(), fullTransactions);
    }
    return call("eth_getBlockByNumber", g -> {
      block.writeTagOrNumber(g);
      g.writeBoolean(fullTransactions);
    }, p -> Json.isNull(p) ? Optional.empty() : Optional.of(Block.read(p, fullTransactions)), true);
  }

  /** {@code eth_getBlockByHash}; empty if the node does not know the block. */
  public RpcCall<Optional<Block>> getBlockByHash(Hash32 hash, boolean fullTransactions) {
    Objects.requireNonNull(hash, "hash");
    return call("eth_getBlockByHash", g -> {
      g.writeString(hash.toHex());
      g.writeBoolean(fullTransactions);
    }, p -> Json.isNull(p) ? Optional.empty() : Optional.of(Block.read(p, fullTransactions)), true);
  }

  /** {@code eth_getBlockByNumber} without transactions, reduced to the header (for reorg checks). */
  public RpcCall<Optional<BlockHeader>> getHeaderByNumber(BlockId block) {
    Objects.requireNonNull(block, "block");
    return call("eth_getBlockByNumber", g -> {
      block.writeTagOrNumber(g);
      g.writeBoolean(false);
    }, p -> Json.isNull(p) ? Optional.empty() : Optional.of(BlockHeader.read(p)), true);
  }

  /** {@code eth_getTransactionByHash}; empty if the node does not know the transaction. */
  public RpcCall<Optional<RpcTransaction>> getTransactionByHash(Hash32 hash) {
    Objects.requireNonNull(hash, "hash");
    return call("eth_getTransactionByHash", g -> g.writeString(hash.toHex()),
        p -> Json.isNull(p) ? Optional.empty() : Optional.of(RpcTransaction.read(p)), true);
  }

  /** {@code eth_getTransactionReceipt}; empty while the transaction is pending or unknown. */
  public RpcCall<Optional<Receipt>> getTransactionReceipt(Hash32 hash) {
    Objects.requireNonNull(hash, "hash");
    return call("eth_getTransactionReceipt", g -> g.writeString(hash.toHex()),
        p -> Json.isNull(p) ? Optional.empty() : Optional.of(Receipt.read(p)), true);
  }

  /** {@code eth_getLogs}. */
  public RpcCall<List<Log>> getLogs(LogFilter filter) {
    Objects.requireNonNull(filter, "filter");
    return call("eth_getLogs", g -> filter.write(g, true), p -> Json.list(p, Log::read), true);
  }

  /**
   * {@code eth_sendRawTransaction}: submits a signed transaction, returning its hash. Marked not
   * idempotent: retried only when the connection could not be made (nothing was sent); a retry
   * after an ambiguous failure is the caller's decision (resending the same signed bytes is safe
   * and answers "already known" if the first attempt landed).
   */
  public RpcCall<Hash32> sendRawTransaction(byte[] signedTransaction) {
    byte[] tx = Objects.requireNonNull(signedTransaction, "signedTransaction").clone();
    return call("eth_sendRawTransaction", g -> Json.writeData(g, tx), p -> Hash32.wrap(Json.hash(p)), false);
  }

  /** {@code eth_getProof}: the account proof and proofs of {@code storageKeys}. */
  public RpcCall<AccountProof> getProof(Address address, List<Hash32> storageKeys, BlockId block) {
    Objects.requireNonNull(address, "address");
    List<Hash32> keys = List.copyOf(storageKeys);
    Objects.requireNonNull(block, "block");
    return call("eth_getProof", g -> {
      Json.writeAddress(g, address);
      g.writeStartArray();
      for (Hash32 k : keys) {
        g.writeString(k.toHex());
      }
      g.writeEndArray();
      block.write(g);
    }, AccountProof::read, true);
  }

  // ------------------------------------------------------------------ fees and gas

  /**
   * Fee suggestions from {@code eth_feeHistory} over the configured number of blocks up to
   * {@code latest}, with the configured percentiles and base-fee multiplier (see {@link
   * FeeSuggestion} for the formula).
   */
  public FeeSuggestion suggestFees() {
    return FeeSuggestion.fromFeeHistory(feeHistory(feeHistoryBlocks, BlockId.LATEST, feePercentiles).send(),
        baseFeeNumerator, baseFeeDenominator, fallbackPriorityFee);
  }

  /** {@link #suggestFees()} without blocking. */
  public CompletableFuture<FeeSuggestion> suggestFeesAsync() {
    return feeHistory(feeHistoryBlocks, BlockId.LATEST, feePercentiles).sendAsync()
        .thenApply(h -> FeeSuggestion.fromFeeHistory(h, baseFeeNumerator, baseFeeDenominator, fallbackPriorityFee));
  }

  /** {@code gas * (100 + margin) / 100}, rounded up, with this client's margin. */
  public long withGasMargin(long gas) {
    BigInteger v = BigInteger.valueOf(gas).multiply(BigInteger.valueOf(100L + gasMarginPercent))
        .add(BigInteger.valueOf(99)).divide(BigInteger.valueOf(100));
    return v.bitLength() > 63 ? Long.MAX_VALUE : v.longValue();
  }

  /** {@code eth_estimateGas} plus the configured margin (default +20%), rounded up. */
  public long estimateGasWithMargin(CallRequest request) {
    return withGasMargin(estimateGas(request).send());
  }

  /** {@link #estimateGasWithMargin} without blocking. */
  public CompletableFuture<Long> estimateGasWithMarginAsync(CallRequest request) {
    return estimateGas(request).sendAsync().thenApply(this::withGasMargin);
  }

  /** The configured gas margin in percent. */
  public int gasMarginPercent() {
    return gasMarginPercent;
  }

  /**
   * Closes the transport: its channel and scheduler, and the OkHttp client if this client created
   * it (one passed in by the caller is left alone).
   */
  @Override
  public void close() {
    rpc.close();
  }

  @Override
  public String toString() {
    return "EvmRpcClient{" + rpc + "}";
  }

  /** Builds an {@link EvmRpcClient}. Not thread-safe. */
  public static final class Builder {
    private final JsonRpcClient.Builder rpc;
    private int gasMarginPercent = 20;
    private int feeHistoryBlocks = 10;
    private double[] feePercentiles = {10, 50, 90};
    private long baseFeeNumerator = 2;
    private long baseFeeDenominator = 1;
    private BigInteger fallbackPriorityFee = BigInteger.valueOf(1_000_000_000L);

    private Builder(JsonRpcClient.Builder rpc) {
      this.rpc = rpc;
    }

    /**
     * Uses the caller's OkHttp client (its pool, dispatcher, TLS and interceptors); not closed by
     * {@link #close()}. Implies the OkHttp channel; excludes {@link #pipelinedHttp1}.
     */
    public Builder okHttpClient(OkHttpClient client) {
      rpc.okHttpClient(client);
      return this;
    }

    /** Uses OkHttp (HTTP/2 where offered) whatever the endpoint, instead of the choice by endpoint. */
    public Builder okHttp() {
      rpc.okHttp();
      return this;
    }

    /**
     * Sends requests over Cairn's own HTTP/1.1 client instead of OkHttp, with up to {@code
     * connections} persistent connections: a request goes to the connection with the fewest in
     * flight, a new connection is opened while all open ones are busy, and once all {@code
     * connections} are busy further requests are pipelined behind the ones in flight (HTTP/1.1
     * pipelining; responses come back in order). Every call is still its own HTTP request and
     * JSON-RPC message; no batching is involved. Chosen by default (with 2 connections) for plain
     * {@code http://} to a loopback, private or link-local address.
     *
     * <p>For many concurrent calls to a node on the same host or network (a local geth, reth,
     * erigon or anvil) this costs markedly less per call than OkHttp, for the client and for the
     * node (see docs/performance.md). Choose {@code connections} near the number of requests the
     * node should work on in parallel (its cores): one connection's requests are processed one
     * after another. Trade-offs: plain {@code http://} only (no TLS, no proxy, no interceptors: use
     * OkHttp, with HTTP/2, for remote providers); a slow call (a wide {@code eth_getLogs}, a trace)
     * delays the calls pipelined behind it on its connection; a request written on a connection
     * that then breaks fails as a transport error (reads are retried per the retry policy, {@code
     * eth_sendRawTransaction} is not), while requests not yet written move to another connection.
     * The server must support pipelining, as HTTP/1.1 requires (hyper, Go's net/http, Node's http
     * and nginx do).
     *
     * @param connections 1..1024
     * @throws IllegalArgumentException if the URL is not {@code http://} or {@code connections} is out of range
     */
    public Builder pipelinedHttp1(int connections) {
      rpc.pipelinedHttp1(connections);
      return this;
    }

    /** Adds a header to every request (e.g. an API key). */
    public Builder header(String name, String value) {
      rpc.header(name, value);
      return this;
    }

    /** The default timeout of a call, retries included (default 30 s). */
    public Builder timeout(Duration timeout) {
      rpc.timeout(timeout);
      return this;
    }

    /** The retry policy (default {@link RetryPolicy#DEFAULT}). */
    public Builder retryPolicy(RetryPolicy policy) {
      rpc.retryPolicy(policy);
      return this;
    }

    /** The largest response body accepted (default 256 MiB); larger ones fail as malformed. */
    public Builder maxResponseBytes(long bytes) {
      rpc.maxResponseBytes(bytes);
      return this;
    }

    /**
     * Turns on automatic batching (off by default): calls sent within {@code window} of the first
     * pending one, up to {@code maxSize} calls, go out as one JSON-RPC batch.
     */
    public Builder autoBatch(Duration window, int maxSize) {
      rpc.autoBatch(window, maxSize);
      return this;
    }

    /** The channel {@link #build()} will use with the settings so far. */
    public HttpChannelKind channel() {
      return rpc.channel();
    }

    /** The margin added by {@link EvmRpcClient#estimateGasWithMargin} (default 20, i.e. +20%). */
    public Builder gasMarginPercent(int percent) {
      if (percent < 0 || percent > 1000) {
        throw new IllegalArgumentException("gas margin must be 0..1000 percent");
      }
      this.gasMarginPercent = percent;
      return this;
    }

    /**
     * Fee suggestion settings (defaults: 10 blocks, percentiles 10/50/90, base fee × 2/1, 1 gwei
     * fallback tip).
     */
    public Builder feeSuggestion(int blocks, double slowPercentile, double normalPercentile, double fastPercentile,
        long baseFeeMultiplierNumerator, long baseFeeMultiplierDenominator, BigInteger fallbackPriorityFee) {
      if (blocks < 1 || blocks > 1024) {
        throw new IllegalArgumentException("blocks must be 1..1024");
      }
      if (!(0 <= slowPercentile && slowPercentile <= normalPercentile && normalPercentile <= fastPercentile
          && fastPercentile <= 100)) {
        throw new IllegalArgumentException("percentiles must be increasing within [0, 100]");
      }
      if (baseFeeMultiplierNumerator <= 0 || baseFeeMultiplierDenominator <= 0 || fallbackPriorityFee.signum() < 0) {
        throw new IllegalArgumentException("multiplier must be positive and the fallback tip non-negative");
      }
      this.feeHistoryBlocks = blocks;
      this.feePercentiles = new double[] {slowPercentile, normalPercentile, fastPercentile};
      this.baseFeeNumerator = baseFeeMultiplierNumerator;
      this.baseFeeDenominator = baseFeeMultiplierDenominator;
      this.fallbackPriorityFee = fallbackPriorityFee;
      return this;
    }

    /** The client. */
    public EvmRpcClient build() {
      return new EvmRpcClient(this);
    }
  }
}
