package dev.cairn.cosmos.adapter;

import dev.cairn.core.CairnException;
import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.ChainAdapter;
import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainFamily;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ChainResult;
import dev.cairn.core.chain.ContractCall;
import dev.cairn.core.chain.Denomination;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.chain.FeeEstimate;
import dev.cairn.core.chain.FeeLevel;
import dev.cairn.core.chain.Finality;
import dev.cairn.core.chain.PartiallySignedTransaction;
import dev.cairn.core.chain.PendingTransaction;
import dev.cairn.core.chain.SignedTransaction;
import dev.cairn.core.chain.SimulationResult;
import dev.cairn.core.chain.TransactionRequest;
import dev.cairn.core.chain.TxReceipt;
import dev.cairn.core.chain.UnsignedTransaction;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.SignerDescriptor;
import dev.cairn.cosmos.Coin;
import dev.cairn.cosmos.CosmosAddress;
import dev.cairn.cosmos.CosmosException;
import dev.cairn.cosmos.CosmosPublicKey;
import dev.cairn.cosmos.client.BroadcastResult;
import dev.cairn.cosmos.client.GasEstimate;
import dev.cairn.cosmos.client.GasPrice;
import dev.cairn.cosmos.client.TxResult;
import dev.cairn.cosmos.errors.CosmosErrors;
import dev.cairn.cosmos.msg.CosmosMsg;
import dev.cairn.cosmos.msg.MsgExecuteContract;
import dev.cairn.cosmos.msg.MsgSend;
import dev.cairn.cosmos.rest.CosmosAccount;
import dev.cairn.cosmos.rest.CosmosRestClient;
import dev.cairn.cosmos.sequence.SequencedSender;
import dev.cairn.cosmos.tx.CosmosTransaction;
import dev.cairn.cosmos.tx.Fee;
import dev.cairn.cosmos.tx.SignMode;
import dev.cairn.cosmos.tx.SignedCosmosTransaction;
import dev.cairn.cosmos.tx.TxRaw;
import dev.cairn.cosmos.tx.TxSigner;
import dev.cairn.transport.TransportException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * sdk-core's {@link ChainAdapter} for a Cosmos SDK chain ({@code cosmos:<chain-id>}), over the
 * REST (gRPC-gateway) client. Register it in a {@link dev.cairn.core.chain.ChainRegistry} and
 * {@link dev.cairn.core.chain.VmDispatcher} dispatches {@code cosmos:*} calls to it: invoke is a
 * {@code MsgExecuteContract} (with the call's funds), query a CosmWasm smart query.
 *
 * <ul>
 *   <li>transfers are {@code MsgSend}s of the native denomination;
 *   <li>{@link #build} fetches each signer's account number and sequence, sets the timeout height
 *       ({@code latest + timeoutBlocks}), simulates for the gas ({@code ceil(gasUsed × multiplier)})
 *       and prices it with the gas price of the request's {@link FeeLevel} (an explicit {@link
 *       TransactionRequest#fee()} skips the simulation); a signer whose account does not exist on
 *       chain (it never received funds) is INSUFFICIENT_FUNDS;
 *   <li>each signer signs in {@link SignMode#DIRECT} or {@link SignMode#AMINO_JSON}: the mode set
 *       for its key, else the adapter's default when its descriptor supports it, else the other;
 *   <li>{@link #send} broadcasts in sync mode (a {@code CheckTx} refusal fails the future with the
 *       mapped error); {@link #waitFor} polls until inclusion, EXPIRED once the latest block is past
 *       the timeout height, TIMEOUT at the wall-clock limit (the transaction may still land);
 *   <li>{@link #submit} builds, signs and broadcasts through a per-account {@link SequencedSender}
 *       for concurrent senders from one account (sequence mismatches re-signed);
 *   <li>chain errors are {@link ChainException}s mapped by {@link CosmosErrors}, keeping the native
 *       {@code codespace:code} and log.
 * </ul>
 *
 * <p>Blocking REST calls run on the adapter's own daemon threads; {@link #close()} stops them and
 * closes the REST client if the adapter created it. Thread-safe.
 */
public final class CosmosChainAdapter implements ChainAdapter {
  /** The gas price multiplier of {@link FeeLevel#FAST} (for fee-priority mempools). */
  public static final BigDecimal FAST_PRICE_FACTOR = new BigDecimal("1.25");

  private final CosmosRestClient rest;
  private final boolean ownsRest;
  private final ChainId chainId;
  private final String cosmosChainId;
  private final String prefix;
  private final Denomination denomination;
  private final GasPrice gasPrice;
  private final BigDecimal gasMultiplier;
  private final long timeoutBlocks;
  private final Duration pollInterval;
  private final SignMode defaultMode;
  private final Map<String, SignMode> modes;
  private final ExecutorService executor;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Map<String, SequencedSender> senders = new ConcurrentHashMap<>();

  private CosmosChainAdapter(Builder b, CosmosRestClient rest, boolean ownsRest) {
    this.rest = rest;
    this.ownsRest = ownsRest;
    this.chainId = rest.chainId();
    this.cosmosChainId = chainId.reference();
    this.prefix = b.prefix;
    this.denomination = b.denomination;
    this.gasPrice = b.gasPrice != null ? b.gasPrice : GasPrice.of(new BigDecimal("0.025"), b.denomination.code());
    this.gasMultiplier = b.gasMultiplier;
    this.timeoutBlocks = b.timeoutBlocks;
    this.pollInterval = b.pollInterval;
    this.defaultMode = b.signMode;
    this.modes = Collections.unmodifiableMap(new HashMap<>(b.modes));
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(b.threads, b.threads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "cairn-cosmos-adapter-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    this.executor = pool;
  }

  /** A builder for an adapter over the REST endpoint {@code restUrl} of chain {@code cosmosChainId} (e.g. {@code cosmoshub-4}). */
  public static Builder builder(String restUrl, String cosmosChainId) {
    if (restUrl == null || restUrl.isEmpty()) {
      throw invalidArg(null, "restUrl: is null or empty");
    }
    if (cosmosChainId == null || cosmosChainId.isEmpty()) {
      throw invalidArg(null, "cosmosChainId: is null or empty");
    }
    return new Builder(restUrl, cosmosChainId, null);
  }

  /** A builder for an adapter over an existing REST client (not closed by the adapter). */
  public static Builder builder(CosmosRestClient rest) {
    if (rest == null) {
      throw invalidArg(null, "rest: is null");
    }
    return new Builder(null, null, rest);
  }

  // ------------------------------------------------------------------ identity

  @Override
  public ChainId chainId() {
    return chainId;
  }

  @Override
  public ChainFamily family() {
    return ChainFamily.COSMOS;
  }

  @Override
  public Denomination nativeDenomination() {
    return denomination;
  }

  /** The bech32 prefix of account addresses (e.g. {@code cosmos}, {@code osmo}). */
  public String addressPrefix() {
    return prefix;
  }

  /** The gas price of {@link FeeLevel#NORMAL}. */
  public GasPrice gasPrice() {
    return gasPrice;
  }

  /** The REST client the adapter uses (for bank, wasm and tx queries beyond the adapter contract). */
  public CosmosRestClient rest() {
    return rest;
  }

  /**
   * The account of a secp256k1 key (33-byte compressed or 65-byte uncompressed SEC1): its bech32
   * address with this chain's prefix.
   *
   * @throws ChainException UNSUPPORTED for other key types, INVALID_INPUT for a bad key
   */
  @Override
  public AccountId accountOf(KeyType keyType, byte[] publicKey) {
    if (keyType == null || publicKey == null) {
      throw invalidArg(chainId, (keyType == null ? "keyType" : "publicKey") + ": is null");
    }
    if (keyType != KeyType.SECP256K1) {
      throw new ChainException(ChainError.of(ErrorKind.UNSUPPORTED, chainId,
          "keyType: " + keyType + " keys have no account on " + chainId + " (secp256k1 only)"));
    }
    try {
      return AccountId.of(chainId, CosmosPublicKey.of(CosmosPublicKey.Type.SECP256K1, publicKey).address(prefix).toString());
    } catch (CosmosException e) {
      throw invalidArg(chainId, e.getMessage());
    }
  }

  // ------------------------------------------------------------------ reads

  @Override
  public CompletableFuture<Amount> balance(AccountId account) {
    return async(() -> {
      String a = address(account, "account");
      Coin c = rest.balance(a, denomination.code());
      return Amount.of(c.amount(), denomination);
    });
  }

  /** The account's sequence on chain (committed state); 0 for an account the chain does not know yet. */
  @Override
  public CompletableFuture<Long> nextNonce(AccountId account) {
    return async(() -> {
      String a = address(account, "account");
      return rest.account(a).map(CosmosAccount::sequence).orElse(0L);
    });
  }

  /**
   * The raw CosmWasm storage value under {@code key} of the contract at {@code account}; empty
   * when the key is unset or the account is not a contract (it has no contract storage).
   */
  @Override
  public CompletableFuture<byte[]> readState(AccountId account, byte[] key) {
    return async(() -> {
      String a = address(account, "account");
      if (key == null || key.length == 0) {
        throw invalidArg(chainId, "key: is null or empty");
      }
      try {
        return rest.rawQuery(a, key).orElse(new byte[0]);
      } catch (ChainException e) {
        String code = e.error().nativeCode().orElse("");
        String msg = e.error().nativeMessage().orElse("");
        if (code.equals("grpc:5") && msg.contains("no such contract")) {
          return new byte[0];
        }
        throw e;
      }
    });
  }

  /** A CosmWasm smart query; a contract error is a failed {@link ChainResult} (REVERTED with the contract's message). */
  @Override
  public CompletableFuture<ChainResult<byte[]>> query(ContractCall call) {
    return async(() -> {
      if (call == null) {
        throw invalidArg(chainId, "call: is null");
      }
      String contract = address(call.contract(), "call.contract");
      String json = cosmWasmJson(call);
      try {
        return ChainResult.success(rest.smartQuery(contract, json).getBytes(StandardCharsets.UTF_8));
      } catch (ChainException e) {
        if (e.kind() == ErrorKind.REVERTED) {
          return ChainResult.failure(e.error());
        }
        throw e;
      }
    });
  }

  // ------------------------------------------------------------------ building

  @Override
  public CompletableFuture<FeeEstimate> estimateFee(TransactionRequest request) {
    return async(() -> {
      checkRequest(request);
      CosmosTransaction tx = buildNow(request.withFeeLevel(FeeLevel.NORMAL), OptionalLong.empty());
      long gas = tx.fee().gasLimit();
      return FeeEstimate.of(chainId, fee(gas, FeeLevel.SLOW), fee(gas, FeeLevel.NORMAL), fee(gas, FeeLevel.FAST));
    });
  }

  private dev.cairn.core.chain.Fee fee(long gasLimit, FeeLevel level) {
    return dev.cairn.core.chain.Fee.of(denomination, gasLimit, price(level).amount(), BigDecimal.ZERO, BigInteger.ZERO);
  }

  private GasPrice price(FeeLevel level) {
    if (level == FeeLevel.FAST) {
      return GasPrice.of(gasPrice.amount().multiply(FAST_PRICE_FACTOR), gasPrice.denom());
    }
    return gasPrice;
  }

  /**
   * Builds a {@code MsgSend} (transfer) or {@code MsgExecuteContract} (contract call) signed by the
   * request's signer descriptors ({@link TransactionRequest#withSigner} or {@link
   * TransactionRequest#withSigners}): the sender signs first; a fee payer other than the sender
   * is set as the fee's payer and signs second.
   */
  @Override
  public CompletableFuture<UnsignedTransaction> build(TransactionRequest request) {
    return async(() -> {
      checkRequest(request);
      return buildNow(request, OptionalLong.empty());
    });
  }

  /**
   * Builds a transaction of any messages (several in one transaction, any type this module
   * encodes), signed by {@code signers} in the order the chain expects: each message's signer in
   * order of first appearance; the first signer pays the fee. Gas from simulation, fee from the
   * NORMAL gas price, timeout height as for {@link #build}.
   */
  public CompletableFuture<CosmosTransaction> buildMessages(List<? extends CosmosMsg> messages,
      List<SignerDescriptor> signers, String memo) {
    return async(() -> {
      if (messages == null || messages.isEmpty()) {
        throw invalidArg(chainId, "messages: is null or empty");
      }
      if (signers == null || signers.isEmpty()) {
        throw invalidArg(chainId, "signers: is null or empty");
      }
      List<SignerDescriptor> copy = new ArrayList<>(signers);
      for (SignerDescriptor d : copy) {
        if (d == null) {
          throw invalidArg(chainId, "signers: contains null");
        }
      }
      return assemble(new ArrayList<>(messages), copy, null, memo == null ? "" : memo, OptionalLong.empty(),
          null, FeeLevel.NORMAL);
    });
  }

  private void checkRequest(TransactionRequest request) {
    if (request == null) {
      throw invalidArg(chainId, "request: is null");
    }
    if (!request.chainId().equals(chainId)) {
      throw invalidArg(chainId, "request: is for " + request.chainId() + ", not " + chainId);
    }
  }

  private CosmosTransaction buildNow(TransactionRequest request, OptionalLong sequence) {
    String from = address(request.from(), "request.from");
    List<CosmosMsg> msgs = new ArrayList<>(1);
    try {
      if (request.type() == TransactionRequest.Type.TRANSFER) {
        String to = address(request.to(), "request.to");
        Amount amount = request.amount().get();
        msgs.add(MsgSend.of(from, to, List.of(coin(amount, "request.amount"))));
      } else {
        ContractCall call = request.call().get();
        String contract = address(call.contract(), "request.call.contract");
        String json = cosmWasmJson(call);
        TreeMap<String, BigInteger> funds = new TreeMap<>();
        for (Amount a : call.funds()) {
          Coin c = coin(a, "request.call.funds");
          funds.merge(c.denom(), c.amount(), BigInteger::add);
        }
        List<Coin> coins = new ArrayList<>(funds.size());
        for (Map.Entry<String, BigInteger> e : funds.entrySet()) {
          coins.add(Coin.of(e.getKey(), e.getValue()));
        }
        msgs.add(MsgExecuteContract.of(from, contract, json.getBytes(StandardCharsets.UTF_8), coins));
      }
    } catch (CosmosException e) {
      throw invalidArg(chainId, e.getMessage());
    }
    SignerDescriptor payer = request.feePayer().orElseThrow(() -> invalidArg(chainId,
        "request.feePayer: no signer descriptor (use TransactionRequest.withSigner)"));
    // the sender signs first; a different fee payer second; any other descriptor must be one of them
    SignerDescriptor sender = null;
    List<SignerDescriptor> all = new ArrayList<>();
    all.add(payer);
    all.addAll(request.otherSigners());
    for (SignerDescriptor d : all) {
      if (accountOf(d).address().equals(from)) {
        sender = d;
      }
    }
    if (sender == null) {
      throw invalidArg(chainId, "request.signers: no descriptor holds the key of the sender " + from);
    }
    List<SignerDescriptor> ordered = new ArrayList<>(2);
    ordered.add(sender);
    String feePayer = null;
    if (sender != payer) {
      ordered.add(payer);
      feePayer = accountOf(payer).address();
    }
    for (SignerDescriptor d : request.otherSigners()) {
      if (!ordered.contains(d)) {
        throw invalidArg(chainId, "request.signers: " + accountOf(d).address()
            + " is neither the sender nor the fee payer of this transaction");
      }
    }
    OptionalLong seq = sequence.isPresent() ? sequence : request.nonce();
    return assemble(msgs, ordered, feePayer, request.memo().orElse(""), seq, request.fee().orElse(null),
        request.feeLevel());
  }

  private CosmosTransaction assemble(List<CosmosMsg> msgs, List<SignerDescriptor> descriptors, String feePayer,
      String memo, OptionalLong firstSequence, dev.cairn.core.chain.Fee explicitFee, FeeLevel level) {
    List<TxSigner> signers = new ArrayList<>(descriptors.size());
    for (int i = 0; i < descriptors.size(); i++) {
      SignerDescriptor d = descriptors.get(i);
      String addr = accountOf(d).address();
      CosmosAccount acct = rest.account(addr).orElseThrow(() -> new ChainException(ChainError.builder(
          ErrorKind.INSUFFICIENT_FUNDS, chainId, "account " + addr
              + " does not exist on chain (it has never received funds), so it cannot sign or pay fees")
          .nativeCode("grpc:5").build()));
      long seq = i == 0 && firstSequence.isPresent() ? firstSequence.getAsLong() : acct.sequence();
      CosmosPublicKey key;
      try {
        key = CosmosPublicKey.of(CosmosPublicKey.Type.SECP256K1, d.publicKey());
        signers.add(TxSigner.of(key, prefix, acct.accountNumber(), seq, modeFor(d, key)));
      } catch (CosmosException e) {
        throw invalidArg(chainId, e.getMessage());
      }
    }
    long timeoutHeight = timeoutBlocks > 0 ? rest.latestHeight() + timeoutBlocks : 0;
    try {
      if (explicitFee != null) {
        if (!explicitFee.denomination().equals(denomination)) {
          throw invalidArg(chainId, "request.fee: is in " + explicitFee.denomination().code() + ", not "
              + denomination.code());
        }
        Coin amount = Coin.of(denomination.code(), explicitFee.maxTotal().units());
        return tx(msgs, memo, timeoutHeight, Fee.of(List.of(amount), explicitFee.limit(),
            feePayer == null ? "" : feePayer, ""), signers);
      }
      CosmosTransaction probe = tx(msgs, memo, timeoutHeight, Fee.of(List.of(), 0, feePayer == null ? "" : feePayer, ""),
          signers);
      GasEstimate est = simulateForGas(probe);
      long gasLimit = est.gasLimit(gasMultiplier);
      Coin amount = price(level).fee(gasLimit);
      return tx(msgs, memo, timeoutHeight, Fee.of(List.of(amount), gasLimit, feePayer == null ? "" : feePayer, ""),
          signers);
    } catch (CosmosException e) {
      throw invalidArg(chainId, e.getMessage());
    }
  }

  /** Simulates; a sequence mismatch (another sender moved the account on) is simulated again with the expected sequence: gas does not depend on it. */
  private GasEstimate simulateForGas(CosmosTransaction probe) {
    try {
      return rest.simulate(probe.unsignedTxRaw());
    } catch (ChainException e) {
      OptionalLong expected = e.kind() == ErrorKind.NONCE_MISMATCH ? CosmosErrors.expectedSequence(e.error())
          : OptionalLong.empty();
      if (!expected.isPresent() || probe.signers().size() != 1) {
        throw e;
      }
      TxSigner s = probe.signers().get(0);
      CosmosTransaction again = tx(probe.body().messages(), probe.body().memo(), probe.body().timeoutHeight(),
          probe.fee(), List.of(TxSigner.of(s.publicKey(), prefix, s.accountNumber(), expected.getAsLong(), s.mode())));
      return rest.simulate(again.unsignedTxRaw());
    }
  }

  private CosmosTransaction tx(List<CosmosMsg> msgs, String memo, long timeoutHeight, Fee fee, List<TxSigner> signers) {
    CosmosTransaction.Builder b = CosmosTransaction.builder(cosmosChainId).messages(msgs).memo(memo)
        .timeoutHeight(timeoutHeight).fee(fee);
    for (TxSigner s : signers) {
      b.signer(s);
    }
    return b.build();
  }

  private SignMode modeFor(SignerDescriptor d, CosmosPublicKey key) {
    SignMode set = modes.get(Hex.encode(key.compressed()));
    SignMode wanted = set != null ? set : defaultMode;
    if (supports(d, key, wanted)) {
      return wanted;
    }
    SignMode other = wanted == SignMode.DIRECT ? SignMode.AMINO_JSON : SignMode.DIRECT;
    if (set == null && supports(d, key, other)) {
      return other;
    }
    throw new ChainException(ChainError.of(ErrorKind.UNSUPPORTED, chainId, "signers: the signer of "
        + key.address(prefix) + " cannot sign in " + wanted + " mode" + (set == null ? " or " + other : "")));
  }

  private static boolean supports(SignerDescriptor d, CosmosPublicKey key, SignMode mode) {
    SignRequest.Kind kind = mode == SignMode.DIRECT ? key.type().directKind() : key.type().aminoKind();
    return d.supportedKinds().contains(kind);
  }

  // ------------------------------------------------------------------ simulate, decode, sign

  @Override
  public CompletableFuture<SimulationResult> simulate(UnsignedTransaction transaction) {
    return async(() -> {
      CosmosTransaction tx = cosmos(transaction);
      try {
        GasEstimate e = rest.simulate(tx.unsignedTxRaw());
        return SimulationResult.success(e.gasUsed(), Collections.emptyList(), null);
      } catch (ChainException e) {
        if (e.kind() == ErrorKind.TRANSPORT || e.kind() == ErrorKind.TIMEOUT) {
          throw e;
        }
        return SimulationResult.failure(e.error(), 0,
            e.error().nativeMessage().map(Collections::singletonList).orElse(Collections.emptyList()));
      }
    });
  }

  /** Reads {@link CosmosTransaction#encoded()} (chain id, account numbers and the unsigned {@code TxRaw}). */
  @Override
  public CosmosTransaction decodeUnsigned(byte[] encoded) {
    CosmosTransaction tx;
    try {
      tx = CosmosTransaction.decode(encoded);
    } catch (ChainException e) {
      throw invalidArg(chainId, "unsignedTransaction: " + e.getMessage());
    } catch (CairnException e) {
      throw invalidArg(chainId, "unsignedTransaction: " + e.getMessage());
    }
    if (!tx.chainId().equals(chainId)) {
      throw invalidArg(chainId, "unsignedTransaction: is for " + tx.chainId() + ", not " + chainId);
    }
    for (TxSigner s : tx.signers()) {
      if (!s.address().prefix().equals(prefix)) {
        throw invalidArg(chainId, "unsignedTransaction: signer " + s.address() + " does not have prefix " + prefix);
      }
    }
    return tx;
  }

  /** Reads broadcastable {@code TxRaw} bytes (signatures present; verified by the chain, see {@link SignedCosmosTransaction#decode}). */
  @Override
  public SignedCosmosTransaction decodeSigned(byte[] encoded) {
    try {
      return SignedCosmosTransaction.decode(encoded, chainId);
    } catch (CairnException e) {
      throw invalidArg(chainId, "signedTransaction: " + e.getMessage());
    }
  }

  @Override
  public PartiallySignedTransaction decodePartial(byte[] encoded) {
    try {
      return ChainAdapter.super.decodePartial(encoded);
    } catch (ChainException e) {
      throw e;
    } catch (CairnException | IllegalArgumentException | IllegalStateException e) {
      throw invalidArg(chainId, "partiallySignedTransaction: " + e.getMessage());
    }
  }

  @Override
  public CompletableFuture<PartiallySignedTransaction> signPartially(PartiallySignedTransaction transaction,
      List<? extends Signer> signers) {
    if (closed.get()) {
      return failed(closedError());
    }
    return translate(ChainAdapter.super.signPartially(transaction, signers));
  }

  @Override
  public CompletableFuture<SignedTransaction> sign(UnsignedTransaction transaction, List<? extends Signer> signers) {
    if (closed.get()) {
      return failed(closedError());
    }
    return translate(ChainAdapter.super.sign(transaction, signers));
  }

  // ------------------------------------------------------------------ send and wait

  /** Broadcasts in sync mode; a {@code CheckTx} refusal fails the future with the mapped {@link ChainException}. */
  @Override
  public CompletableFuture<PendingTransaction> send(SignedTransaction transaction) {
    return async(() -> {
      if (transaction == null) {
        throw invalidArg(chainId, "transaction: is null");
      }
      if (!transaction.chainId().equals(chainId)) {
        throw invalidArg(chainId, "transaction: is for " + transaction.chainId() + ", not " + chainId);
      }
      SignedCosmosTransaction tx = transaction instanceof SignedCosmosTransaction
          ? (SignedCosmosTransaction) transaction : decodeSigned(transaction.encoded());
      BroadcastResult r = rest.broadcast(tx.encoded());
      if (!r.isAccepted()) {
        throw new ChainException(r.error(chainId).get());
      }
      return PendingTransaction.of(tx);
    });
  }

  /**
   * Builds, signs (with {@code signer}, its mode chosen as for {@link #build}) and broadcasts
   * through the account's {@link SequencedSender}: safe to call from many threads for one account
   * (sequences handed out in order, a mismatch re-signed with the expected sequence). The
   * request's own nonce, if any, is ignored.
   */
  public CompletableFuture<PendingTransaction> submit(TransactionRequest request, Signer signer) {
    return async(() -> {
      checkRequest(request);
      if (signer == null) {
        throw invalidArg(chainId, "signer: is null");
      }
      TransactionRequest r = request.feePayer().isPresent() ? request : request.withSigner(signer.descriptor());
      if (!r.otherSigners().isEmpty() || !accountOf(signer).equals(request.from())) {
        throw invalidArg(chainId, "request: submit takes single-signer requests from the signer's own account");
      }
      String from = request.from().address();
      SequencedSender sender = senders.computeIfAbsent(from, a -> SequencedSender.create(
          () -> rest.account(a).map(CosmosAccount::sequence).orElse(0L), rest::broadcast, chainId));
      SignedCosmosTransaction[] last = new SignedCosmosTransaction[1];
      SequencedSender.Outcome o = sender.send(seq -> {
        CosmosTransaction tx = buildNow(r, OptionalLong.of(seq));
        last[0] = tx.sign(List.of(signer));
        return last[0].encoded();
      });
      if (!o.result().isAccepted()) {
        throw new ChainException(o.result().error(chainId).get());
      }
      return PendingTransaction.of(last[0]);
    });
  }

  /**
   * Waits for inclusion. CometBFT blocks are final once committed, so {@link Finality#included()},
   * {@link Finality#finalized()} and one confirmation are the same; other finalities are
   * UNSUPPORTED. An included transaction that failed is a failed receipt (code, codespace, log).
   */
  @Override
  public CompletableFuture<TxReceipt> waitFor(PendingTransaction transaction, Finality finality, Duration timeout) {
    return async(() -> {
      if (transaction == null) {
        throw invalidArg(chainId, "transaction: is null");
      }
      if (!transaction.chainId().equals(chainId)) {
        throw invalidArg(chainId, "transaction: is for " + transaction.chainId() + ", not " + chainId);
      }
      if (finality == null) {
        throw invalidArg(chainId, "finality: is null");
      }
      boolean ok = finality.level() == Finality.Level.INCLUDED || finality.level() == Finality.Level.FINALIZED
          || (finality.level() == Finality.Level.CONFIRMATIONS && finality.confirmationsRequired() <= 1);
      if (!ok) {
        throw new ChainException(ChainError.of(ErrorKind.UNSUPPORTED, chainId, "finality: " + finality
            + " (CometBFT blocks are final once committed: use included())"));
      }
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw invalidArg(chainId, "timeout: is null or not positive");
      }
      long timeoutHeight = transaction.validity().lastValidHeight().orElse(0);
      String hash = transaction.transactionId();
      TxResult r;
      try {
        r = rest.waitForInclusion(hash, timeoutHeight, timeout, pollInterval);
      } catch (CosmosException e) {
        throw invalidArg(chainId, "transaction: " + e.getMessage());
      }
      Amount fee = feeOf(transaction);
      Optional<ChainError> err = r.error(chainId);
      if (err.isPresent()) {
        return TxReceipt.failure(chainId, r.txHash(), r.height(), 1, r.gasUsed(), fee, err.get());
      }
      return TxReceipt.success(chainId, r.txHash(), r.height(), 1, r.gasUsed(), fee, null);
    });
  }

  private Amount feeOf(PendingTransaction p) {
    Optional<byte[]> enc = p.encoded();
    if (enc.isPresent()) {
      try {
        for (Coin c : TxRaw.decode(enc.get()).authInfo().fee().amount()) {
          if (c.denom().equals(denomination.code())) {
            return Amount.of(c.amount(), denomination);
          }
        }
      } catch (CairnException e) {
        // not our encoding: the fee is unknown
      }
    }
    return Amount.zero(denomination);
  }

  // ------------------------------------------------------------------ plumbing

  private String address(AccountId account, String field) {
    if (account == null) {
      throw invalidArg(chainId, field + ": is null");
    }
    if (!account.chainId().equals(chainId)) {
      throw invalidArg(chainId, field + ": is on " + account.chainId() + ", not " + chainId);
    }
    try {
      return CosmosAddress.parse(account.address(), prefix).toString();
    } catch (CairnException e) {
      throw invalidArg(chainId, field + ": " + e.getMessage());
    }
  }

  private String cosmWasmJson(ContractCall call) {
    if (call.payload().family() != ChainFamily.COSMOS) {
      throw invalidArg(chainId, "call.payload: is a " + call.payload().family() + " payload, not COSMOS");
    }
    return call.payload().cosmWasmJson();
  }

  private Coin coin(Amount amount, String field) {
    if (amount.units().signum() <= 0) {
      throw invalidArg(chainId, field + ": must be positive");
    }
    try {
      return Coin.of(amount.denomination().code(), amount.units());
    } catch (CosmosException e) {
      throw invalidArg(chainId, field + ": " + e.getMessage());
    }
  }

  private CosmosTransaction cosmos(UnsignedTransaction t) {
    if (t == null) {
      throw invalidArg(chainId, "transaction: is null");
    }
    if (!(t instanceof CosmosTransaction)) {
      throw invalidArg(chainId, "transaction: is a " + t.getClass().getSimpleName() + ", not a CosmosTransaction");
    }
    if (!t.chainId().equals(chainId)) {
      throw invalidArg(chainId, "transaction: is for " + t.chainId() + ", not " + chainId);
    }
    return (CosmosTransaction) t;
  }

  private static ChainException invalidArg(ChainId chain, String message) {
    return new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chain, message));
  }

  private ChainException closedError() {
    return new ChainException(ChainError.of(ErrorKind.UNSUPPORTED, chainId, "adapter: closed"));
  }

  /** Any failure as a typed ChainException (transport failures and malformed answers translated). */
  private RuntimeException typed(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof java.util.concurrent.ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    if (c instanceof ChainException) {
      return (ChainException) c;
    }
    if (c instanceof TransportException) {
      return CosmosErrors.translate(chainId, (TransportException) c);
    }
    if (c instanceof CosmosException || c instanceof dev.cairn.core.encoding.DecodingException) {
      return invalidArg(chainId, c.getMessage());
    }
    if (c instanceof RuntimeException) {
      return (RuntimeException) c;
    }
    return new ChainException(ChainError.of(ErrorKind.UNKNOWN, chainId, String.valueOf(c)), c);
  }

  private <T> CompletableFuture<T> translate(CompletableFuture<T> f) {
    CompletableFuture<T> out = new CompletableFuture<>();
    f.whenComplete((v, e) -> {
      if (e != null) {
        out.completeExceptionally(typed(e));
      } else {
        out.complete(v);
      }
    });
    return out;
  }

  private static <T> CompletableFuture<T> failed(Throwable t) {
    CompletableFuture<T> f = new CompletableFuture<>();
    f.completeExceptionally(t);
    return f;
  }

  private <T> CompletableFuture<T> async(Supplier<T> body) {
    if (closed.get()) {
      return failed(closedError());
    }
    CompletableFuture<T> f = new CompletableFuture<>();
    try {
      executor.execute(() -> {
        try {
          f.complete(body.get());
        } catch (Throwable t) {
          f.completeExceptionally(typed(t));
        }
      });
    } catch (RejectedExecutionException e) {
      f.completeExceptionally(closedError());
    }
    return f;
  }

  /** Stops the adapter's threads (waits started are abandoned) and closes the REST client it created. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    executor.shutdownNow();
    if (ownsRest) {
      rest.close();
    }
  }

  @Override
  public String toString() {
    return "CosmosChainAdapter{" + chainId + ", prefix=" + prefix + ", " + gasPrice + "}";
  }

  /** Options of a {@link CosmosChainAdapter}. Not thread-safe. */
  public static final class Builder {
    private final String restUrl;
    private final String cosmosChainId;
    private final CosmosRestClient rest;
    private String prefix = "cosmos";
    private Denomination denomination = Denomination.ATOM;
    private GasPrice gasPrice;
    private BigDecimal gasMultiplier = GasEstimate.DEFAULT_MULTIPLIER;
    private long timeoutBlocks = 100;
    private Duration pollInterval = Duration.ofSeconds(1);
    private SignMode signMode = SignMode.DIRECT;
    private final Map<String, SignMode> modes = new HashMap<>();
    private int threads = 8;

    private Builder(String restUrl, String cosmosChainId, CosmosRestClient rest) {
      this.restUrl = restUrl;
      this.cosmosChainId = cosmosChainId;
      this.rest = rest;
    }

    /** The bech32 account prefix (default {@code cosmos}). */
    public Builder prefix(String value) {
      try {
        CosmosAddress.checkPrefix(value);
      } catch (CosmosException e) {
        throw invalidArg(null, "prefix: " + e.getMessage());
      }
      this.prefix = value;
      return this;
    }

    /** The native (fee and transfer) denomination (default {@code uatom}, 6 decimals). */
    public Builder denomination(Denomination value) {
      if (value == null) {
        throw invalidArg(null, "denomination: is null");
      }
      this.denomination = value;
      return this;
    }

    /** The gas price of NORMAL (and SLOW) fees (default 0.025 of the native denomination). */
    public Builder gasPrice(GasPrice value) {
      if (value == null) {
        throw invalidArg(null, "gasPrice: is null");
      }
      this.gasPrice = value;
      return this;
    }

    /** The simulated gas multiplier (default 1.3; at least 1). */
    public Builder gasMultiplier(BigDecimal value) {
      if (value == null || value.compareTo(BigDecimal.ONE) < 0 || value.compareTo(BigDecimal.TEN) > 0) {
        throw invalidArg(null, "gasMultiplier: must be between 1 and 10");
      }
      this.gasMultiplier = value;
      return this;
    }

    /** Blocks after the latest one until the timeout height (default 100; 0: no timeout height). */
    public Builder timeoutBlocks(long value) {
      if (value < 0 || value > 1_000_000) {
        throw invalidArg(null, "timeoutBlocks: must be between 0 and 1000000");
      }
      this.timeoutBlocks = value;
      return this;
    }

    /** How often {@link CosmosChainAdapter#waitFor} polls (default 1 s). */
    public Builder pollInterval(Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw invalidArg(null, "pollInterval: must be positive");
      }
      this.pollInterval = value;
      return this;
    }

    /** The default sign mode (default DIRECT; a signer that supports only the other signs in that). */
    public Builder signMode(SignMode value) {
      if (value == null) {
        throw invalidArg(null, "signMode: is null");
      }
      this.signMode = value;
      return this;
    }

    /** The sign mode of the signer holding {@code publicKey} (secp256k1, 33 or 65 bytes), e.g. AMINO_JSON for a Ledger. */
    public Builder signMode(byte[] publicKey, SignMode value) {
      if (value == null) {
        throw invalidArg(null, "signMode: is null");
      }
      try {
        modes.put(Hex.encode(CosmosPublicKey.of(CosmosPublicKey.Type.SECP256K1, publicKey).compressed()), value);
      } catch (CosmosException e) {
        throw invalidArg(null, "publicKey: " + e.getMessage());
      }
      return this;
    }

    /** Threads running the blocking REST calls (default 8). */
    public Builder threads(int value) {
      if (value < 1 || value > 256) {
        throw invalidArg(null, "threads: must be between 1 and 256");
      }
      this.threads = value;
      return this;
    }

    /** The adapter. */
    public CosmosChainAdapter build() {
      if (rest != null) {
        return new CosmosChainAdapter(this, rest, false);
      }
      ChainId id;
      try {
        id = ChainId.cosmos(cosmosChainId);
      } catch (RuntimeException e) {
        throw invalidArg(null, "cosmosChainId: " + e.getMessage());
      }
      return new CosmosChainAdapter(this, CosmosRestClient.create(restUrl, id), true);
    }
  }
}
