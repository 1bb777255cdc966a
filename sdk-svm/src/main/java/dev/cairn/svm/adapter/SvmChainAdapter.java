package dev.cairn.svm.adapter;

import dev.cairn.core.CairnException;
import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.CallPayload;
import dev.cairn.core.chain.ChainAdapter;
import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainErrors;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainFamily;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ChainResult;
import dev.cairn.core.chain.ContractCall;
import dev.cairn.core.chain.Denomination;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.chain.Fee;
import dev.cairn.core.chain.FeeEstimate;
import dev.cairn.core.chain.Finality;
import dev.cairn.core.chain.PendingTransaction;
import dev.cairn.core.chain.SignedTransaction;
import dev.cairn.core.chain.SimulationResult;
import dev.cairn.core.chain.SvmInstruction;
import dev.cairn.core.chain.TransactionRequest;
import dev.cairn.core.chain.TxReceipt;
import dev.cairn.core.chain.UnsignedTransaction;
import dev.cairn.core.chain.ValidityWindow;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignerDescriptor;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.SvmException;
import dev.cairn.svm.errors.SvmErrors;
import dev.cairn.svm.programs.MemoProgram;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.rpc.SvmRpcClient;
import dev.cairn.svm.tx.AccountMeta;
import dev.cairn.svm.tx.AddressLookupTable;
import dev.cairn.svm.tx.Blockhash;
import dev.cairn.svm.tx.Instruction;
import dev.cairn.svm.tx.Message;
import dev.cairn.svm.tx.Transaction;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The {@link ChainAdapter} for a Solana cluster ({@code solana:<genesis hash prefix>}): SOL
 * transfers and program calls built into legacy or v0 messages, signed through the Signer SPI by
 * the fee payer and every other signing account, and sent with blockhash expiry in mind.
 *
 * <h2>Building</h2>
 *
 * {@link #build} takes a recent blockhash (its {@code lastValidBlockHeight} becomes the
 * transaction's {@link ValidityWindow}), a priority fee and a compute-unit limit, and puts {@code
 * SetComputeUnitLimit} and {@code SetComputeUnitPrice} first:
 *
 * <ul>
 *   <li>the priority fee (micro-lamports per compute unit) is a percentile of {@code
 *       getRecentPrioritizationFees} over the accounts the transaction writes (slow, normal, fast:
 *       the 25th, 50th and 75th by default), capped by {@link Builder#maxPriorityFee};
 *   <li>the compute-unit limit is what a simulation of the same transaction consumed, plus a margin
 *       ({@link Builder#computeUnitMargin}, 10 % by default), at most 1,400,000; when the simulation
 *       fails the limit instruction is left out (the runtime default applies) and sending reports the
 *       failure;
 *   <li>an explicit {@link TransactionRequest#withFee fee} sets both: {@code limit} compute units at
 *       {@code priorityUnitPrice} lamports per unit; instructions that already hold Compute Budget
 *       instructions are left as they are.
 * </ul>
 *
 * Transfers move lamports with System {@code Transfer}; contract calls take the instructions of a
 * {@link CallPayload#svm} payload; a memo becomes a Memo instruction signed by the sender. The fee
 * payer is the request's {@link TransactionRequest#feePayer() fee payer} when named (it may differ
 * from the sender) or the sender. {@link #build(TransactionRequest, List)} compiles a v0 message
 * through address lookup tables and {@link #buildWithNonce} a durable-nonce transaction, which has
 * no expiry.
 *
 * <h2>Sending</h2>
 *
 * {@link #send} submits once (with preflight unless {@link Builder#skipPreflight}) and returns the
 * handle. {@link #waitFor} then polls the signature status and rebroadcasts <em>the same signed
 * bytes</em> every {@link Builder#rebroadcastInterval} until the transaction reaches the asked
 * commitment ({@link Finality#included()} is {@code confirmed}); it never signs again. When the
 * finalized block height passes the blockhash's {@code lastValidBlockHeight} and the node, searching
 * its history, still does not know the signature, the transaction can never land: the wait fails
 * {@link ErrorKind#EXPIRED} and it is safe to build and sign again. A durable-nonce transaction has
 * no height window; it is EXPIRED once the nonce account's finalized value has moved on without it
 * (another transaction used the nonce). A transaction read with {@link #decodeSigned} has no known
 * window (the wire form does not carry {@code lastValidBlockHeight}): keep the window with {@link
 * dev.cairn.core.chain.PartiallySignedTransaction} or {@link SvmSignedTransaction#of}, else waiting
 * can only end in TIMEOUT. When {@code timeout} passes first
 * the wait fails {@link ErrorKind#TIMEOUT}: it may still land, so do not re-sign with a new
 * blockhash before {@code waitFor} says EXPIRED. A transaction that landed and failed gives a failed
 * {@link TxReceipt} with the error mapped to the sdk-core taxonomy (instruction index and custom
 * program code kept in the native code).
 *
 * <p>Thread-safe. One daemon timer thread schedules the polls; node calls are asynchronous.
 */
public final class SvmChainAdapter implements ChainAdapter {
  /** The most compute units a transaction may request. */
  public static final int MAX_COMPUTE_UNIT_LIMIT = 1_400_000;
  /** The fee per signature, in lamports. */
  public static final long LAMPORTS_PER_SIGNATURE = 5_000;

  private static final BigDecimal MICRO = BigDecimal.valueOf(1_000_000);
  private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private final ChainId chainId;
  private final SvmNode node;
  private final boolean ownsNode;
  private final SvmNode.Level commitment;
  private final Duration rebroadcastInterval;
  private final Duration pollInterval;
  private final int[] percentiles;
  private final long maxPriorityFee;
  private final double computeUnitMargin;
  private final boolean skipPreflight;
  private final ScheduledThreadPoolExecutor timer;
  private final Set<CompletableFuture<?>> waits = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final SendLoop sends;
  private final BudgetPlanner budget;

  private final SvmRpcClient rpc;

  private SvmChainAdapter(Builder b, SvmNode node, ChainId chainId) {
    this.chainId = chainId;
    this.node = node;
    this.rpc = b.rpc;
    this.ownsNode = b.closeNodeOnClose;
    this.commitment = b.commitment;
    this.rebroadcastInterval = b.rebroadcastInterval;
    this.pollInterval = b.pollInterval;
    this.percentiles = b.percentiles.clone();
    this.maxPriorityFee = b.maxPriorityFee;
    this.computeUnitMargin = b.computeUnitMargin;
    this.skipPreflight = b.skipPreflight;
    this.timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "cairn-svm-adapter-" + chainId.reference());
      t.setDaemon(true);
      return t;
    });
    this.timer.setRemoveOnCancelPolicy(true);
    node.bind(chainId);
    this.budget = new BudgetPlanner(node, commitment, percentiles, maxPriorityFee, computeUnitMargin);
    this.sends = new SendLoop(chainId, node, timer, closed::get, rebroadcastInterval, pollInterval);
  }

  /** A builder over a node (package-private: the public entry points take the RPC client). */
  static Builder builder(SvmNode node) {
    return new Builder(Objects.requireNonNull(node, "node"), null);
  }

  /** A builder over an RPC client (which {@link #close()} closes unless told otherwise). */
  public static Builder builder(SvmRpcClient rpc) {
    if (rpc == null) {
      throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, null, "rpc: is null"));
    }
    return new Builder(null, rpc);
  }

  /**
   * An adapter for the cluster at {@code url} with the defaults; its chain id is read from the
   * node's genesis hash (one blocking call).
   *
   * @throws ChainException when the node cannot be reached (TRANSPORT) or the URL is invalid
   */
  public static SvmChainAdapter connect(String url) {
    SvmRpcClient client;
    try {
      client = SvmRpcClient.create(url);
    } catch (RuntimeException e) {
      throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, null, "url: " + e.getMessage()), e);
    }
    try {
      return builder(client).build();
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /** The RPC client, for the calls the adapter does not cover (token balances, lookup tables...); null for a test node. */
  public SvmRpcClient rpc() {
    return rpc;
  }

  /** Options of the adapter. */
  public static final class Builder {
    private final SvmNode node;
    private final SvmRpcClient rpc;
    private SvmErrors errors = SvmErrors.standard();
    private ChainId chainId;
    private SvmNode.Level commitment = SvmNode.Level.CONFIRMED;
    private Duration rebroadcastInterval = Duration.ofSeconds(2);
    private Duration pollInterval = Duration.ofMillis(400);
    private int[] percentiles = {25, 50, 75};
    private long maxPriorityFee = 1_000_000;
    private double computeUnitMargin = 0.10;
    private boolean skipPreflight;
    private boolean closeNodeOnClose = true;

    Builder(SvmNode node, SvmRpcClient rpc) {
      this.node = node;
      this.rpc = rpc;
    }

    /**
     * The program error tables used to name custom program errors (default {@link
     * SvmErrors#standard()}; add an IDL's errors with {@code SvmErrors.standard().with(decoder)}).
     */
    public Builder errors(SvmErrors tables) {
      if (tables == null) {
        throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chainId, "errors: is null"));
      }
      this.errors = tables;
      return this;
    }

    /**
     * The cluster's CAIP-2 id; when not set, {@link #build()} asks the node for its genesis hash
     * (blocking once).
     */
    public Builder chainId(ChainId id) {
      if (id == null || !"solana".equals(id.namespace())) {
        throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, id, "chainId: " + id + " is not a solana: chain id"));
      }
      this.chainId = id;
      return this;
    }

    /**
     * The commitment of reads, blockhashes and preflight: {@link Finality#processed()}, {@link
     * Finality#confirmed()} (default) or {@link Finality#finalized()}.
     */
    public Builder commitment(Finality finality) {
      this.commitment = level(null, finality);
      return this;
    }

    /** How often {@link #waitFor} sends the same signed bytes again while waiting (default 2 s). */
    public Builder rebroadcastInterval(Duration d) {
      this.rebroadcastInterval = positive("rebroadcastInterval", d);
      return this;
    }

    /** How often {@link #waitFor} polls the signature status (default 400 ms). */
    public Builder pollInterval(Duration d) {
      this.pollInterval = positive("pollInterval", d);
      return this;
    }

    /**
     * The percentiles of recent prioritization fees used for the slow, normal and fast fee levels
     * (default 25, 50, 75), each in [0, 100], not decreasing.
     */
    public Builder priorityFeePercentiles(int slow, int normal, int fast) {
      if (slow < 0 || fast > 100 || slow > normal || normal > fast) {
        throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chainId,
            "priorityFeePercentiles: must be 0 <= slow <= normal <= fast <= 100"));
      }
      this.percentiles = new int[] {slow, normal, fast};
      return this;
    }

    /** The highest priority fee the adapter chooses, in micro-lamports per compute unit (default 1,000,000). */
    public Builder maxPriorityFee(long microLamportsPerUnit) {
      if (microLamportsPerUnit < 0) {
        throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chainId, "maxPriorityFee: is negative"));
      }
      this.maxPriorityFee = microLamportsPerUnit;
      return this;
    }

    /** The margin added to the simulated compute units (default 0.10: 10 %), in [0, 10]. */
    public Builder computeUnitMargin(double margin) {
      if (!(margin >= 0 && margin <= 10)) {
        throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chainId, "computeUnitMargin: must be in [0, 10]"));
      }
      this.computeUnitMargin = margin;
      return this;
    }

    /** Whether {@link #send} skips the node's preflight simulation (default false). */
    public Builder skipPreflight(boolean skip) {
      this.skipPreflight = skip;
      return this;
    }

    /** Whether {@link #close()} closes the RPC client too (default true). */
    public Builder closeRpcOnClose(boolean close) {
      this.closeNodeOnClose = close;
      return this;
    }

    /**
     * The adapter.
     *
     * @throws ChainException when no chain id was set and the node cannot tell its genesis hash
     */
    public SvmChainAdapter build() {
      SvmNode n = node != null ? node : new RpcNode(rpc, errors);
      ChainId id = chainId;
      if (id == null) {
        try {
          String genesis = n.genesisHash().get(30, TimeUnit.SECONDS);
          id = ChainId.solana(genesis.length() > 32 ? genesis.substring(0, 32) : genesis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ChainException(ChainError.of(ErrorKind.TRANSPORT, null, "chainId: interrupted asking the genesis hash"), e);
        } catch (Exception e) {
          throw new ChainException(ChainErrors.fromThrowable(null, e), e);
        }
      }
      return new SvmChainAdapter(this, n, id);
    }

    private Duration positive(String field, Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chainId, field + ": is null or not positive"));
      }
      return d;
    }
  }

  // ---------------------------------------------------------------- identity

  @Override
  public ChainId chainId() {
    return chainId;
  }

  @Override
  public ChainFamily family() {
    return ChainFamily.SVM;
  }

  /** SOL, 9 decimals (lamports). */
  @Override
  public Denomination nativeDenomination() {
    return Denomination.SOL;
  }

  /** The base58 address of an Ed25519 key; other key types are UNSUPPORTED. */
  @Override
  public AccountId accountOf(KeyType keyType, byte[] publicKey) {
    if (keyType != KeyType.ED25519) {
      throw new ChainException(ChainError.of(keyType == null ? ErrorKind.INVALID_INPUT : ErrorKind.UNSUPPORTED, chainId,
          "keyType: Solana accounts are Ed25519 keys, not " + keyType));
    }
    if (publicKey == null || publicKey.length != Pubkey.LENGTH) {
      throw invalid("publicKey: must be 32 bytes");
    }
    return AccountId.of(chainId, Pubkey.of(publicKey).toBase58());
  }

  /** The account of a Solana address on this cluster. */
  public AccountId accountOf(Pubkey address) {
    if (address == null) {
      throw invalid("address: is null");
    }
    return AccountId.of(chainId, address.toBase58());
  }

  /** The Solana address of an account of this cluster. */
  public Pubkey pubkeyOf(AccountId account) {
    return pubkey("account", account);
  }

  private Pubkey pubkey(String field, AccountId account) {
    if (account == null) {
      throw invalid(field + ": is null");
    }
    if (!account.chainId().equals(chainId)) {
      throw invalid(field + ": is on " + account.chainId() + ", not " + chainId);
    }
    try {
      return Pubkey.fromBase58(field, account.address());
    } catch (DecodingException e) {
      throw invalid(field + ": " + e.getMessage());
    }
  }

  // ---------------------------------------------------------------- reads

  @Override
  public CompletableFuture<Amount> balance(AccountId account) {
    return guard(() -> {
      Pubkey key = pubkey("account", account);
      return node.balance(key, commitment).thenApply(l -> Amount.of(BigInteger.valueOf(l), Denomination.SOL));
    });
  }

  /** Solana has no account nonce (transactions carry a recent blockhash): UNSUPPORTED. */
  @Override
  public CompletableFuture<Long> nextNonce(AccountId account) {
    return guard(() -> {
      pubkey("account", account);
      throw new ChainException(ChainError.of(ErrorKind.UNSUPPORTED, chainId,
          "nextNonce: Solana transactions carry a recent blockhash, not a nonce (see buildWithNonce for durable nonces)"));
    });
  }

  /** The account's data ({@code key} must be empty); an empty array when the account does not exist. */
  @Override
  public CompletableFuture<byte[]> readState(AccountId account, byte[] key) {
    return guard(() -> {
      Pubkey k = pubkey("account", account);
      if (key == null || key.length != 0) {
        throw invalid("key: Solana account state has no key; pass an empty array");
      }
      return node.accountData(k, commitment).thenApply(d -> d == null ? new byte[0] : d);
    });
  }

  // ---------------------------------------------------------------- building

  @Override
  public CompletableFuture<FeeEstimate> estimateFee(TransactionRequest request) {
    return guard(() -> {
      Draft d = draft(request);
      return node.latestBlockhash(commitment).thenCompose(bh -> budget.prices(d, bh.blockhash).thenCompose(fees ->
          budget.units(d, bh.blockhash, fees[1]).thenApply(units -> {
            long limit = units.isPresent() ? units.getAsLong() : defaultUnits(d.instructions.size());
            int signatures = d.signatureCount(bh.blockhash);
            return FeeEstimate.of(chainId, fee(limit, fees[0], signatures), fee(limit, fees[1], signatures),
                fee(limit, fees[2], signatures));
          })));
    });
  }

  private Fee fee(long limit, long microLamports, int signatures) {
    BigDecimal price = BigDecimal.valueOf(microLamports).divide(MICRO);
    return Fee.of(Denomination.SOL, limit, price, price, BigInteger.valueOf(LAMPORTS_PER_SIGNATURE * signatures));
  }

  private static long defaultUnits(int instructions) {
    return Math.min(MAX_COMPUTE_UNIT_LIMIT, 200_000L * Math.max(1, instructions));
  }

  /** A legacy message; see the class comment for the blockhash, fee and compute-unit choices. */
  @Override
  public CompletableFuture<UnsignedTransaction> build(TransactionRequest request) {
    return guard(() -> buildInternal(request, null, null, null)).thenApply(u -> (UnsignedTransaction) u);
  }

  /**
   * A v0 message that loads through {@code tables} every non-signer account they hold (program ids
   * stay static), otherwise as {@link #build(TransactionRequest)}.
   */
  public CompletableFuture<SvmUnsignedTransaction> build(TransactionRequest request, List<AddressLookupTable> tables) {
    return guard(() -> {
      if (tables == null) {
        throw invalid("tables: is null");
      }
      return buildInternal(request, tables, null, null);
    });
  }

  /**
   * A durable-nonce transaction: the nonce account's current value replaces the recent blockhash and
   * {@code AdvanceNonceAccount} (signed by {@code nonceAuthority}) goes first. It does not expire
   * ({@link ValidityWindow#none()}); it stays valid until the nonce is advanced. The authority must
   * be the fee payer or one of the request's signers.
   */
  public CompletableFuture<SvmUnsignedTransaction> buildWithNonce(TransactionRequest request, Pubkey nonceAccount,
      Pubkey nonceAuthority) {
    return guard(() -> {
      if (nonceAccount == null || nonceAuthority == null) {
        throw invalid((nonceAccount == null ? "nonceAccount" : "nonceAuthority") + ": is null");
      }
      return buildInternal(request, null, nonceAccount, nonceAuthority);
    });
  }

  /**
   * The value stored in a durable-nonce account (the blockhash its next transaction uses).
   *
   * @return fails INVALID_INPUT when the account does not exist or is not an initialized nonce account
   */
  public CompletableFuture<Blockhash> nonceValue(Pubkey nonceAccount) {
    return guard(() -> {
      if (nonceAccount == null) {
        throw invalid("nonceAccount: is null");
      }
      return node.accountData(nonceAccount, commitment).thenApply(d -> parseNonce(nonceAccount, d));
    });
  }

  private Blockhash parseNonce(Pubkey account, byte[] data) {
    // Versions (u32) | State (u32: 0 uninitialized, 1 initialized) | authority (32) | nonce (32) | fee calculator (8)
    if (data == null) {
      throw invalid("nonceAccount: " + account + " does not exist");
    }
    if (data.length != SystemProgram.NONCE_ACCOUNT_LENGTH) {
      throw invalid("nonceAccount: " + account + " holds " + data.length + " bytes, a nonce account holds "
          + SystemProgram.NONCE_ACCOUNT_LENGTH);
    }
    int state = (data[4] & 0xff) | (data[5] & 0xff) << 8 | (data[6] & 0xff) << 16 | (data[7] & 0xff) << 24;
    if (state != 1) {
      throw invalid("nonceAccount: " + account + " is not an initialized nonce account (state " + state + ")");
    }
    return Blockhash.of(Arrays.copyOfRange(data, 40, 72));
  }

  private Draft draft(TransactionRequest request) {
    return draft(request, null, null, null);
  }

  private Draft draft(TransactionRequest r, List<AddressLookupTable> tables, Pubkey nonceAccount, Pubkey nonceAuthority) {
    if (r == null) {
      throw invalid("request: is null");
    }
    Pubkey from = pubkey("request.from", r.from());
    if (r.nonce().isPresent()) {
      throw new ChainException(ChainError.of(ErrorKind.UNSUPPORTED, chainId,
          "request.nonce: Solana has no account nonce (use buildWithNonce for a durable nonce)"));
    }
    List<Instruction> ixs = new ArrayList<>();
    if (r.type() == TransactionRequest.Type.TRANSFER) {
      Pubkey to = pubkey("request.to", r.to());
      Amount a = r.amount().orElseThrow(() -> invalid("request.amount: is missing"));
      if (!a.denomination().equals(Denomination.SOL)) {
        throw invalid("request.amount: is in " + a.denomination() + ", this chain moves " + Denomination.SOL);
      }
      if (a.units().compareTo(U64_MAX) > 0) {
        throw invalid("request.amount: " + a.units() + " lamports exceed a u64");
      }
      ixs.add(SystemProgram.transfer(from, to, a.units().longValue()));
    } else {
      ContractCall call = r.call().orElseThrow(() -> invalid("request.call: is missing"));
      if (!call.chainId().equals(chainId)) {
        throw invalid("request.call: is for " + call.chainId() + ", not " + chainId);
      }
      if (call.payload().family() != ChainFamily.SVM) {
        throw invalid("request.call.payload: is a " + call.payload().family() + " payload, not SVM instructions");
      }
      if (!call.funds().isEmpty()) {
        throw invalid("request.call.funds: Solana calls carry no attached funds; transfer in an instruction");
      }
      ixs.addAll(instructions(call.payload().svmInstructions()));
    }
    if (r.memo().isPresent()) {
      ixs.add(MemoProgram.memo(r.memo().get(), List.of(from)));
    }
    Pubkey feePayer = from;
    List<Pubkey> others = new ArrayList<>();
    if (r.feePayer().isPresent()) {
      feePayer = descriptorKey("request.feePayer", r.feePayer().get());
      for (SignerDescriptor d : r.otherSigners()) {
        others.add(descriptorKey("request.signers", d));
      }
    }
    return new Draft(feePayer, Collections.unmodifiableList(ixs), others, tables, nonceAccount, nonceAuthority);
  }

  private Pubkey descriptorKey(String field, SignerDescriptor d) {
    if (d.keyType() != KeyType.ED25519) {
      throw new ChainException(ChainError.of(ErrorKind.UNSUPPORTED, chainId,
          field + ": a " + d.keyType() + " key cannot sign Solana transactions"));
    }
    return Pubkey.of(d.publicKey());
  }

  /**
   * A contract-call request running {@code instructions} from {@code from} (the fee payer unless
   * {@link TransactionRequest#withSigners} names another), e.g. token or lookup-table instructions
   * built with {@link dev.cairn.svm.programs}.
   */
  public TransactionRequest callRequest(Pubkey from, List<Instruction> instructions) {
    if (from == null || instructions == null || instructions.isEmpty()) {
      throw invalid((from == null ? "from: is null" : "instructions: is null or empty"));
    }
    List<SvmInstruction> neutral = new ArrayList<>(instructions.size());
    for (int i = 0; i < instructions.size(); i++) {
      Instruction ix = instructions.get(i);
      if (ix == null) {
        throw invalid("instructions[" + i + "]: is null");
      }
      List<SvmInstruction.AccountMeta> metas = new ArrayList<>(ix.accounts().size());
      for (AccountMeta m : ix.accounts()) {
        metas.add(SvmInstruction.AccountMeta.of(m.pubkey().toBase58(), m.isSigner(), m.isWritable()));
      }
      neutral.add(SvmInstruction.of(ix.programId().toBase58(), metas, ix.data()));
    }
    ContractCall call = ContractCall.of(accountOf(instructions.get(0).programId()), CallPayload.svm(neutral));
    return TransactionRequest.contractCall(accountOf(from), call);
  }

  /** Converts chain-neutral instructions, naming the offending one. */
  public static List<Instruction> instructions(List<SvmInstruction> in) {
    List<Instruction> out = new ArrayList<>(in.size());
    for (int i = 0; i < in.size(); i++) {
      SvmInstruction s = in.get(i);
      String f = "call.instructions[" + i + "]";
      List<AccountMeta> metas = new ArrayList<>(s.accounts().size());
      for (int j = 0; j < s.accounts().size(); j++) {
        SvmInstruction.AccountMeta m = s.accounts().get(j);
        metas.add(AccountMeta.of(key(f + ".accounts[" + j + "]", m.pubkey()), m.isSigner(), m.isWritable()));
      }
      out.add(Instruction.of(key(f + ".programId", s.programId()), metas, s.data()));
    }
    return out;
  }

  private static Pubkey key(String field, String base58) {
    try {
      return Pubkey.fromBase58(field, base58);
    } catch (DecodingException e) {
      throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, null, field + ": " + e.getMessage()));
    }
  }

  private CompletableFuture<SvmUnsignedTransaction> buildInternal(TransactionRequest request,
      List<AddressLookupTable> tables, Pubkey nonceAccount, Pubkey nonceAuthority) {
    Draft d = draft(request, tables, nonceAccount, nonceAuthority);
    CompletableFuture<Object[]> recent; // {Blockhash, ValidityWindow}
    if (nonceAccount != null) {
      recent = nonceValue(nonceAccount).thenApply(v -> new Object[] {v, ValidityWindow.none()});
    } else {
      recent = node.latestBlockhash(commitment)
          .thenApply(bh -> new Object[] {bh.blockhash, ValidityWindow.untilHeight(bh.lastValidBlockHeight)});
    }
    return recent.thenCompose(bw -> {
      Blockhash blockhash = (Blockhash) bw[0];
      ValidityWindow window = (ValidityWindow) bw[1];
      CompletableFuture<long[]> plan; // {limit (-1: none), micro-lamports}
      if (d.userBudget) {
        plan = CompletableFuture.completedFuture(new long[] {-1, 0});
      } else if (request.fee().isPresent()) {
        Fee f = request.fee().get();
        if (!f.denomination().equals(Denomination.SOL)) {
          throw invalid("request.fee: is in " + f.denomination() + ", fees here are " + Denomination.SOL);
        }
        if (f.limit() > MAX_COMPUTE_UNIT_LIMIT) {
          throw invalid("request.fee.limit: " + f.limit() + " compute units exceed " + MAX_COMPUTE_UNIT_LIMIT);
        }
        BigInteger micro = f.priorityUnitPrice().multiply(MICRO).setScale(0, RoundingMode.CEILING).toBigInteger();
        if (micro.compareTo(U64_MAX) > 0) {
          throw invalid("request.fee.priorityUnitPrice: exceeds a u64 of micro-lamports");
        }
        plan = CompletableFuture.completedFuture(new long[] {f.limit() == 0 ? -1 : f.limit(), micro.longValue()});
      } else {
        plan = budget.prices(d, blockhash).thenCompose(fees -> {
          long price = fees[request.feeLevel().ordinal()];
          return budget.units(d, blockhash, price).thenApply(u -> new long[] {u.isPresent() ? u.getAsLong() : -1, price});
        });
      }
      return plan.thenApply(b -> {
        Message m = d.compile(blockhash, b[0], b[1]);
        checkSigners(d, m);
        Transaction.unsigned(m).serialize(); // the packet limit, named with the size
        return SvmUnsignedTransaction.of(chainId, m, window);
      });
    });
  }

  private void checkSigners(Draft d, Message m) {
    for (Pubkey k : d.otherSigners) {
      if (!m.signers().contains(k)) {
        throw invalid("request.signers: " + k + " signs no instruction of this transaction");
      }
    }
  }

  // ---------------------------------------------------------------- offline decoding

  @Override
  public UnsignedTransaction decodeUnsigned(byte[] encoded) {
    return SvmUnsignedTransaction.decode(chainId, encoded);
  }

  @Override
  public SignedTransaction decodeSigned(byte[] encoded) {
    if (encoded == null) {
      throw invalid("encoded: is null");
    }
    try {
      return new SvmSignedTransaction(chainId, Transaction.deserialize(encoded), ValidityWindow.none());
    } catch (DecodingException | SvmException e) {
      throw invalid("encoded: " + e.getMessage());
    }
  }

  private SvmUnsignedTransaction ours(UnsignedTransaction t) {
    if (t == null) {
      throw invalid("transaction: is null");
    }
    if (!t.chainId().equals(chainId)) {
      throw invalid("transaction: is for " + t.chainId() + ", not " + chainId);
    }
    return t instanceof SvmUnsignedTransaction ? (SvmUnsignedTransaction) t : SvmUnsignedTransaction.decode(chainId, t.encoded());
  }

  private SvmSignedTransaction ours(SignedTransaction t) {
    if (t == null) {
      throw invalid("transaction: is null");
    }
    if (!t.chainId().equals(chainId)) {
      throw invalid("transaction: is for " + t.chainId() + ", not " + chainId);
    }
    if (t instanceof SvmSignedTransaction) {
      return (SvmSignedTransaction) t;
    }
    SvmSignedTransaction s = (SvmSignedTransaction) decodeSigned(t.encoded());
    return new SvmSignedTransaction(chainId, s.transaction(), t.validity());
  }

  // ---------------------------------------------------------------- simulation and calls

  /** {@code simulateTransaction} of the unsigned message (no signature check, its own blockhash). */
  @Override
  public CompletableFuture<SimulationResult> simulate(UnsignedTransaction transaction) {
    return guard(() -> {
      SvmUnsignedTransaction u = ours(transaction);
      byte[] wire = Transaction.unsigned(u.message()).serialize();
      return node.simulate(wire, false, false, commitment).thenApply(this::simulationResult);
    });
  }

  private SimulationResult simulationResult(SvmNode.Simulation s) {
    List<String> logs = s.logs == null ? List.of() : s.logs;
    if (s.error != null) {
      return SimulationResult.failure(s.error, Math.max(-1, s.unitsConsumed), logs);
    }
    return SimulationResult.success(Math.max(-1, s.unitsConsumed), logs, s.returnData);
  }

  /**
   * Simulates the call's instructions (fee payer: the first signing account of the instructions,
   * else their first account; the node's latest blockhash) and returns the program's return data;
   * a program error is a failed result.
   */
  @Override
  public CompletableFuture<ChainResult<byte[]>> query(ContractCall call) {
    return guard(() -> {
      if (call == null) {
        throw invalid("call: is null");
      }
      if (!call.chainId().equals(chainId)) {
        throw invalid("call: is for " + call.chainId() + ", not " + chainId);
      }
      if (call.payload().family() != ChainFamily.SVM) {
        throw invalid("call.payload: is a " + call.payload().family() + " payload, not SVM instructions");
      }
      List<Instruction> ixs = instructions(call.payload().svmInstructions());
      Pubkey payer = null;
      for (Instruction i : ixs) {
        for (AccountMeta m : i.accounts()) {
          if (payer == null && m.isSigner()) {
            payer = m.pubkey();
          }
        }
      }
      for (Instruction i : ixs) {
        if (payer == null && !i.accounts().isEmpty()) {
          payer = i.accounts().get(0).pubkey();
        }
      }
      if (payer == null) {
        throw invalid("call.instructions: name no account that could pay for the simulation");
      }
      Pubkey feePayer = payer;
      return node.latestBlockhash(commitment).thenCompose(bh -> {
        byte[] wire = Transaction.unsigned(Message.compileLegacy(feePayer, ixs, bh.blockhash)).serialize();
        return node.simulate(wire, false, true, commitment);
      }).thenApply(s -> s.error != null ? ChainResult.<byte[]>failure(s.error)
          : ChainResult.success(s.returnData == null ? new byte[0] : s.returnData));
    });
  }

  // ---------------------------------------------------------------- sending

  /**
   * Submits the signed bytes once ({@code sendTransaction}, preflight at the adapter's commitment
   * unless skipped, no node-side retries: {@link #waitFor} rebroadcasts). A preflight failure fails
   * the future with its classified error (an expired blockhash: EXPIRED).
   */
  @Override
  public CompletableFuture<PendingTransaction> send(SignedTransaction transaction) {
    return guard(() -> {
      SvmSignedTransaction s = ours(transaction);
      byte[] wire = s.encoded();
      return node.send(wire, skipPreflight, commitment).handle((sig, err) -> {
        if (err != null) {
          throw withTransaction(err, s.id());
        }
        if (!s.id().equals(sig)) {
          throw new ChainException(ChainError.builder(ErrorKind.UNKNOWN, chainId,
              "sendTransaction: the node answered signature " + sig + " for " + s.id()).transactionId(s.id()).build());
        }
        return PendingTransaction.of(chainId, s.id(), wire, s.validity());
      });
    });
  }

  /** {@link #send} then {@link #waitFor}. */
  public CompletableFuture<TxReceipt> sendAndConfirm(SignedTransaction transaction, Finality finality, Duration timeout) {
    return send(transaction).thenCompose(p -> waitFor(p, finality, timeout));
  }

  /**
   * Waits for the commitment, rebroadcasting the same bytes; EXPIRED once the blockhash's last valid
   * block height is passed (finalized) without the transaction; TIMEOUT when {@code timeout} passes
   * first. See the class comment.
   */
  @Override
  public CompletableFuture<TxReceipt> waitFor(PendingTransaction transaction, Finality finality, Duration timeout) {
    return guard(() -> {
      if (transaction == null) {
        throw invalid("transaction: is null");
      }
      if (!transaction.chainId().equals(chainId)) {
        throw invalid("transaction: is for " + transaction.chainId() + ", not " + chainId);
      }
      SvmNode.Level level = level(chainId, finality);
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw invalid("timeout: is null or not positive");
      }
      CompletableFuture<TxReceipt> result = sends.start(transaction, level, timeout);
      waits.add(result);
      result.whenComplete((r, e) -> waits.remove(result));
      return result;
    });
  }

  static SvmNode.Level level(ChainId chainId, Finality finality) {
    if (finality == null) {
      throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chainId, "finality: is null"));
    }
    switch (finality.level()) {
      case PROCESSED:
        return SvmNode.Level.PROCESSED;
      case INCLUDED:
      case CONFIRMED:
        return SvmNode.Level.CONFIRMED;
      case FINALIZED:
        return SvmNode.Level.FINALIZED;
      default:
        throw new ChainException(ChainError.of(ErrorKind.UNSUPPORTED, chainId,
            "finality: Solana has commitment levels (processed, confirmed, finalized), not " + finality));
    }
  }

  // ---------------------------------------------------------------- plumbing

  private ChainException withTransaction(Throwable t, String id) {
    ChainError e = ChainErrors.fromThrowable(chainId, t);
    if (!e.transactionId().isPresent()) {
      e = e.toBuilder().transactionId(id).build();
    }
    return new ChainException(e, unwrap(t));
  }

  private static Throwable unwrap(Throwable t) {
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private ChainException invalid(String message) {
    return new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chainId, message));
  }

  private <T> CompletableFuture<T> guard(Supplier<CompletableFuture<T>> body) {
    try {
      if (closed.get()) {
        throw new ChainException(ChainError.of(ErrorKind.UNSUPPORTED, chainId, "adapter: closed"));
      }
      CompletableFuture<T> f = body.get();
      // synchronous throws inside the node chain (a compile error after the blockhash) arrive as
      // CompletionException: give the caller the ChainException itself
      CompletableFuture<T> out = new CompletableFuture<>();
      f.whenComplete((v, e) -> {
        if (e == null) {
          out.complete(v);
        } else {
          out.completeExceptionally(toChain(unwrap(e)));
        }
      });
      return out;
    } catch (RuntimeException e) {
      CompletableFuture<T> failed = new CompletableFuture<>();
      failed.completeExceptionally(toChain(e));
      return failed;
    }
  }

  private Throwable toChain(Throwable e) {
    if (e instanceof ChainException) {
      return e;
    }
    if (e instanceof CairnException) { // SvmException, DecodingException: bad input
      return new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chainId, String.valueOf(e.getMessage())), e);
    }
    return new ChainException(ChainErrors.fromThrowable(chainId, e), e);
  }

  /** Stops the timer (pending waits fail UNSUPPORTED) and closes the RPC client if it owns it. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    timer.shutdownNow();
    for (CompletableFuture<?> w : new ArrayList<>(waits)) {
      w.completeExceptionally(new ChainException(ChainError.of(ErrorKind.UNSUPPORTED, chainId, "adapter: closed")));
    }
    if (ownsNode) {
      node.close();
    }
  }

  @Override
  public String toString() {
    return "SvmChainAdapter{" + chainId + "}";
  }
}
