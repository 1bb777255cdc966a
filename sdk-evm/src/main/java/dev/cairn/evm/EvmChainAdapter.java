package dev.cairn.evm;

import dev.cairn.abi.Address;
import dev.cairn.abi.ContractAbi;
import dev.cairn.core.CairnException;
import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.ChainAdapter;
import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainErrors;
import dev.cairn.core.chain.ChainException;
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
import dev.cairn.core.chain.TransactionRequest;
import dev.cairn.core.chain.TxReceipt;
import dev.cairn.core.chain.UnsignedTransaction;
import dev.cairn.core.crypto.Secp256k1PublicKey;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.SignerDescriptor;
import dev.cairn.evm.contract.Multicall3;
import dev.cairn.evm.contract.RevertDecoder;
import dev.cairn.evm.fill.TxFiller;
import dev.cairn.evm.nonce.NonceManager;
import dev.cairn.evm.nonce.NonceSource;
import dev.cairn.evm.nonce.SignedForNonce;
import dev.cairn.evm.nonce.Submission;
import dev.cairn.evm.rpc.AccountProof;
import dev.cairn.evm.rpc.BlockHeader;
import dev.cairn.evm.rpc.BlockId;
import dev.cairn.evm.rpc.CallRequest;
import dev.cairn.evm.rpc.EvmRpcClient;
import dev.cairn.evm.rpc.Hash32;
import dev.cairn.evm.rpc.Receipt;
import dev.cairn.evm.rpc.RpcErrors;
import dev.cairn.evm.rpc.StorageProof;
import dev.cairn.evm.rpc.internal.Futures;
import dev.cairn.evm.sign.EvmSigning;
import dev.cairn.evm.trie.AccountState;
import dev.cairn.evm.trie.StateProofs;
import dev.cairn.evm.tx.Transaction;
import dev.cairn.transport.TransportException;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;

/**
 * The EVM implementation of {@link ChainAdapter}: accounts are EIP-55 addresses, amounts are wei,
 * transactions are EIP-1559 where the chain has a base fee (else legacy), gas limits and fees come
 * from a {@link TxFiller}, nonces from a {@link NonceManager}, receipts from a
 * {@link ReceiptWaiter} (confirmation depth, reorg checks), and reverts are decoded ({@code
 * Error(string)}, {@code Panic(uint256)}, and custom errors of ABIs registered with {@link
 * #registerAbi}) into {@link ChainError}s of kind {@link ErrorKind#REVERTED}.
 *
 * <p>Register it with {@code ChainRegistry} to serve {@code VmDispatcher} calls whose payload is
 * {@code CallPayload.evm(calldata)}. Beyond the chain-neutral contract it offers the EVM specifics:
 * {@link #call}, {@link #submit} (nonce-managed send with automatic re-signing after "nonce too
 * low"), {@link #multicall}, {@link #verifiedAccount}/{@link #verifiedStorage} (eth_getProof checked
 * against the block's stateRoot), and {@link #deploy}.
 */
public final class EvmChainAdapter implements ChainAdapter {
  private final EvmRpcClient rpc;
  private final long chainIdNumber;
  private final ChainId chainId;
  private final Denomination denomination;
  private final NonceManager nonces;
  private final ReceiptWaiter receipts;
  private final TxFiller filler;
  private final boolean ownsRpc;
  private final ConcurrentHashMap<Address, ContractAbi> abis = new ConcurrentHashMap<>();
  /** Public key (hex) to account: deriving an address parses the key and hashes it, on every send. */
  private final ConcurrentHashMap<String, KnownAccount> accountCache = new ConcurrentHashMap<>();
  private static final int ACCOUNT_CACHE_LIMIT = 4096;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EvmChainAdapter(Builder b, long chainIdNumber) {
    this.rpc = b.rpc;
    this.chainIdNumber = chainIdNumber;
    this.chainId = ChainId.eip155(chainIdNumber);
    this.denomination = b.denomination;
    this.ownsRpc = b.closeRpc;
    this.nonces = NonceManager.create(new RpcNonceSource(rpc));
    this.receipts = ReceiptWaiter.create(rpc, b.pollInterval);
    this.filler = TxFiller.builder(rpc).chainId(chainIdNumber).skipNonce().build();
  }

  /** A builder over {@code rpc}. */
  public static Builder builder(EvmRpcClient rpc) {
    if (rpc == null) {
      throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, null, "rpc: is null"));
    }
    return new Builder(rpc);
  }

  /** An adapter for {@code url}; asks the node for its chain id. */
  public static EvmChainAdapter connect(String url) {
    return builder(EvmRpcClient.create(url)).closeRpcOnClose(true).build();
  }

  /** Builder of {@link EvmChainAdapter}. */
  public static final class Builder {
    private final EvmRpcClient rpc;
    private Long chainId;
    private Denomination denomination = Denomination.ETH;
    private Duration pollInterval = ReceiptWaiter.DEFAULT_POLL_INTERVAL;
    private boolean closeRpc;

    private Builder(EvmRpcClient rpc) {
      this.rpc = rpc;
    }

    /** The EIP-155 chain id; when not set, {@link #build()} asks the node ({@code eth_chainId}). */
    public Builder chainId(long id) {
      if (id <= 0) {
        throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, null, "chainId: " + id + " is not positive"));
      }
      this.chainId = id;
      return this;
    }

    /** The native currency (default ETH, 18 decimals). */
    public Builder denomination(Denomination d) {
      this.denomination = d;
      return this;
    }

    /** How often receipts are polled (default 250 ms). */
    public Builder receiptPollInterval(Duration d) {
      this.pollInterval = d;
      return this;
    }

    /** Whether {@link EvmChainAdapter#close()} closes the RPC client too (default false). */
    public Builder closeRpcOnClose(boolean close) {
      this.closeRpc = close;
      return this;
    }

    /** Builds the adapter (may call {@code eth_chainId}). */
    public EvmChainAdapter build() {
      long id = chainId != null ? chainId : rpc.chainId().send();
      return new EvmChainAdapter(this, id);
    }
  }

  /** The RPC client. */
  public EvmRpcClient rpc() {
    return rpc;
  }

  /** The nonce manager (shared by {@link #build} and {@link #submit}). */
  public NonceManager nonces() {
    return nonces;
  }

  /**
   * The filler of gas limits and fees that {@link #build}, {@link #estimateFee}, {@link #submit},
   * {@link #submitBlocking} and {@link #deploy} use (nonces come from {@link #nonces()}).
   */
  public TxFiller filler() {
    return filler;
  }

  /** The receipt waiter; call its {@code onNewHead()} from a newHeads subscription for faster waits. */
  public ReceiptWaiter receipts() {
    return receipts;
  }

  /** Registers the ABI of {@code contract} unless one is registered already. */
  public EvmChainAdapter registerAbiIfAbsent(Address contract, ContractAbi abi) {
    abis.putIfAbsent(contract, abi);
    return this;
  }

  /** Registers the ABI of a contract, for decoding its custom errors. */
  public EvmChainAdapter registerAbi(Address contract, ContractAbi abi) {
    abis.put(contract, abi);
    return this;
  }

  @Override
  public ChainId chainId() {
    return chainId;
  }

  /** The numeric EIP-155 chain id. */
  public long chainIdNumber() {
    return chainIdNumber;
  }

  @Override
  public Denomination nativeDenomination() {
    return denomination;
  }

  @Override
  public AccountId accountOf(KeyType keyType, byte[] publicKey) {
    if (keyType != KeyType.SECP256K1) {
      throw invalid("keyType: EVM accounts are secp256k1, not " + keyType);
    }
    if (publicKey == null) {
      throw invalid("publicKey: is null");
    }
    return known(publicKey).id;
  }

  /** An account derived from a public key, with its address forms. */
  private static final class KnownAccount {
    final AccountId id;
    final Address address;
    final String lowercase;

    KnownAccount(AccountId id, Address address) {
      this.id = id;
      this.address = address;
      this.lowercase = address.toHexLowercase();
    }
  }

  private KnownAccount known(byte[] publicKey) {
    String cacheKey = dev.cairn.core.encoding.Hex.encode(publicKey);
    KnownAccount cached = accountCache.get(cacheKey);
    if (cached != null) {
      return cached;
    }
    try {
      Address a = Address.fromPublicKey(Secp256k1PublicKey.fromBytes(publicKey));
      KnownAccount k = new KnownAccount(AccountId.of(chainId, a.toChecksumString()), a);
      if (accountCache.size() >= ACCOUNT_CACHE_LIMIT) {
        accountCache.clear();
      }
      accountCache.put(cacheKey, k);
      return k;
    } catch (ChainException e) {
      throw e;
    } catch (CairnException e) {
      throw invalid("publicKey: " + e.getMessage());
    }
  }

  /** The address of an account on this chain. */
  public Address addressOf(AccountId account) {
    if (account == null) {
      throw invalid("account: is null");
    }
    if (!account.chainId().equals(chainId)) {
      throw invalid("account: is on " + account.chainId() + ", not " + chainId);
    }
    try {
      return Address.parse("account", account.address());
    } catch (CairnException e) {
      throw invalid("account: " + e.getMessage());
    }
  }

  /** The account id of an address on this chain. */
  public AccountId accountOf(Address address) {
    return AccountId.of(chainId, address.toChecksumString());
  }

  @Override
  public CompletableFuture<Amount> balance(AccountId account) {
    return guard(() -> rpc.getBalance(addressOf(account), BlockId.LATEST).sendAsync()
        .thenApply(wei -> Amount.of(wei, denomination)));
  }

  @Override
  public CompletableFuture<Long> nextNonce(AccountId account) {
    return guard(() -> rpc.getTransactionCount(addressOf(account), BlockId.PENDING).sendAsync());
  }

  private void checkRequest(TransactionRequest request) {
    if (request == null) {
      throw invalid("request: is null");
    }
    if (!request.chainId().equals(chainId)) {
      throw invalid("request: is for " + request.chainId() + ", this adapter serves " + chainId);
    }
  }

  /** The request's recipient, value and calldata, for the filler. */
  private Transaction.Builder template(TransactionRequest request) {
    Transaction.Builder b = Transaction.builder().chainId(chainIdNumber).to(addressOf(request.to()))
        .value(valueOf(request));
    request.call().ifPresent(c -> b.data(c.payload().evmCalldata()));
    return b;
  }

  private BigInteger valueOf(TransactionRequest request) {
    if (request.amount().isPresent()) {
      Amount a = request.amount().get();
      checkDenomination(a);
      return a.units();
    }
    BigInteger v = BigInteger.ZERO;
    for (Amount a : request.call().map(ContractCall::funds).orElse(List.of())) {
      checkDenomination(a);
      v = v.add(a.units());
    }
    return v;
  }

  private void checkDenomination(Amount a) {
    if (!a.denomination().equals(denomination)) {
      throw invalid("amount: denomination " + a.denomination() + " is not the native " + denomination);
    }
  }

  @Override
  public CompletableFuture<FeeEstimate> estimateFee(TransactionRequest request) {
    return guard(() -> {
      checkRequest(request);
      Transaction.Builder template = template(request);
      request.fee().ifPresent(f -> template.gasLimit(f.limit()));
      return filler.estimate(addressOf(request.from()), template, chainId, denomination)
          .exceptionally(t -> {
            throw new CompletionException(toChainException(t, request.to().address()));
          });
    });
  }

  @Override
  public CompletableFuture<UnsignedTransaction> build(TransactionRequest request) {
    return guard(() -> {
      checkRequest(request);
      AccountId from = accountOf(addressOf(request.from()));
      checkSigners(request, from);
      Transaction.Builder template = template(request);
      if (request.fee().isPresent()) {
        Fee f = request.fee().get();
        template.type(dev.cairn.evm.tx.TxType.DYNAMIC_FEE)
            .gasLimit(f.limit())
            .maxFeePerGas(f.unitPrice().setScale(0, RoundingMode.CEILING).toBigIntegerExact())
            .maxPriorityFeePerGas(f.priorityUnitPrice().setScale(0, RoundingMode.CEILING).toBigIntegerExact());
      }
      CompletableFuture<Transaction.Builder> fee = filler.fill(addressOf(request.from()), template, request.feeLevel())
          .exceptionally(t -> {
            throw new CompletionException(toChainException(t, request.to().address()));
          });
      CompletableFuture<NonceManager.Lease> lease = request.nonce().isPresent()
          ? CompletableFuture.completedFuture(null)
          : nonces.reserve(request.from().address());
      return fee.thenCombine(lease, (f, l) -> {
        long nonce = l == null ? request.nonce().getAsLong() : l.nonce();
        try {
          Transaction tx = f.nonce(nonce).build();
          return (UnsignedTransaction) new EvmUnsignedTransaction(chainId, from, tx, l);
        } catch (RuntimeException e) {
          if (l != null) {
            l.release();
          }
          throw e;
        }
      }).whenComplete((u, t) -> {
        if (t != null) {
          lease.thenAccept(l -> {
            if (l != null) {
              l.release();
            }
          });
        }
      });
    });
  }

  /**
   * An EVM transaction has one signer, the sender, who pays the fee: a fee payer descriptor, when
   * given, must be the sender's key and able to sign EVM transactions; other signers are refused.
   */
  private void checkSigners(TransactionRequest request, AccountId from) {
    if (!request.otherSigners().isEmpty()) {
      throw invalid("request.signers: an EVM transaction has exactly one signer, the sender");
    }
    if (request.feePayer().isPresent()) {
      SignerDescriptor d = request.feePayer().get();
      if (!accountOf(d).equals(from)) {
        throw invalid("request.feePayer: the key is " + accountOf(d).address() + ", the sender is " + from.address());
      }
      if (!d.supports(SignRequest.Kind.EVM_TRANSACTION)) {
        throw new ChainException(ChainError.of(ErrorKind.UNSUPPORTED, chainId,
            "request.feePayer: the " + d.backend() + " signer cannot sign EVM_TRANSACTION"));
      }
    }
  }

  /**
   * Signs with the single signer, which must control the transaction's sender. The request is the
   * transaction's, made once (one keccak). If signing fails (or the signer is the wrong one), the
   * nonce that {@link #build} reserved is released: build again before retrying.
   */
  @Override
  public CompletableFuture<SignedTransaction> sign(UnsignedTransaction transaction, List<? extends Signer> signers) {
    return guard(() -> {
      if (!(transaction instanceof EvmUnsignedTransaction)) {
        throw invalid("transaction: not an EVM transaction of this module");
      }
      if (!transaction.chainId().equals(chainId)) {
        throw invalid("transaction: is for " + transaction.chainId() + ", not " + chainId);
      }
      if (signers == null || signers.size() != 1 || signers.get(0) == null) {
        throw invalid("signers: an EVM transaction has exactly one signer");
      }
      EvmUnsignedTransaction u = (EvmUnsignedTransaction) transaction;
      Signer signer = signers.get(0);
      AccountId signerAccount = accountOf(signer);
      if (!signerAccount.equals(u.feePayer())) {
        u.abandon();
        throw invalid("signers: the signer is " + signerAccount.address() + ", the transaction is from " + u.feePayer().address());
      }
      SignRequest request = u.signRequest();
      if (!signer.supports(request.kind())) {
        u.abandon();
        throw new ChainException(ChainError.of(ErrorKind.UNSUPPORTED, chainId, "signers: the signer cannot sign " + request.kind()));
      }
      return EvmSigning.signAsync(request, signer)
          .thenApply(sig -> (SignedTransaction) new EvmSignedTransaction(chainId, u.transaction().withSignature(sig), u.lease()))
          .whenComplete((x, t) -> {
            if (t != null) {
              u.abandon();
            }
          });
    });
  }

  /**
   * Reads {@link EvmUnsignedTransaction#encoded()}: the sender's 20-byte address followed by the
   * unsigned signing payload (legacy, EIP-155 or typed).
   */
  @Override
  public UnsignedTransaction decodeUnsigned(byte[] encoded) {
    checkOpen();
    if (encoded == null || encoded.length < 21) {
      throw invalid("transaction: needs the 20-byte sender and a signing payload, got "
          + (encoded == null ? "null" : encoded.length + " bytes"));
    }
    Transaction tx;
    try {
      tx = Transaction.decodeSigningPayload(java.util.Arrays.copyOfRange(encoded, 20, encoded.length));
    } catch (DecodingException e) {
      throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chainId,
          "transaction: " + e.field() + " at offset " + (e.offset() < 0 ? -1 : e.offset() + 20) + ": " + e.getMessage()), e);
    } catch (CairnException e) {
      throw invalid("transaction: " + e.getMessage());
    }
    checkChain(tx.chainId());
    AccountId from = accountOf(Address.of(java.util.Arrays.copyOf(encoded, 20)));
    return new EvmUnsignedTransaction(chainId, from, tx, null);
  }

  /** Reads a raw signed transaction (RLP or typed envelope), e.g. one signed offline. */
  @Override
  public SignedTransaction decodeSigned(byte[] encoded) {
    checkOpen();
    if (encoded == null) {
      throw invalid("transaction: is null");
    }
    dev.cairn.evm.tx.SignedTransaction st;
    try {
      st = dev.cairn.evm.tx.SignedTransaction.decode(encoded);
    } catch (DecodingException e) {
      throw new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chainId, "transaction: " + e.getMessage()), e);
    } catch (CairnException e) {
      throw invalid("transaction: " + e.getMessage());
    }
    checkChain(st.transaction().chainId());
    return EvmSignedTransaction.of(chainId, st);
  }

  private void checkChain(long txChainId) {
    if (txChainId != 0 && txChainId != chainIdNumber) {
      throw invalid("transaction.chainId: is " + txChainId + ", this adapter serves " + chainIdNumber);
    }
  }

  /**
   * Broadcasts with {@code eth_sendRawTransaction}. "Already known" counts as success. For
   * transactions built by this adapter the nonce lease is settled: committed on acceptance, released
   * on a rejection (so the next transaction reuses the nonce), committed with a resynchronisation on
   * "nonce too low" (kind NONCE_MISMATCH, transient: build again), kept out of circulation when the
   * answer was lost.
   */
  @Override
  public CompletableFuture<PendingTransaction> send(SignedTransaction transaction) {
    return guard(() -> {
      if (transaction == null || !transaction.chainId().equals(chainId)) {
        throw invalid("transaction: null or not for " + chainId);
      }
      NonceManager.Lease lease = transaction instanceof EvmSignedTransaction
          ? ((EvmSignedTransaction) transaction).lease() : null;
      String id = transaction.id();
      byte[] encoded = transaction.encoded();
      return rpc.sendRawTransaction(encoded).sendAsync().handle((hash, t) -> {
        if (t == null) {
          if (lease != null) {
            lease.commit();
          }
          return PendingTransaction.of(chainId, hash.toHex(), encoded, transaction.validity());
        }
        ChainException ce = toChainException(t, null);
        String text = (ce.error().nativeMessage().orElse("") + " " + ce.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (text.contains("already known") || text.contains("already imported") || text.contains("known transaction")) {
          if (lease != null) {
            lease.commit();
          }
          return PendingTransaction.of(chainId, id, encoded, transaction.validity());
        }
        if (lease != null) {
          if (ce.kind() == ErrorKind.NONCE_MISMATCH) {
            lease.commit(); // used on chain; the next reservation resynchronises
            nonces.resync(lease.account());
          } else if (ce.kind() != ErrorKind.TRANSPORT && ce.kind() != ErrorKind.TIMEOUT) {
            lease.release();
          } else {
            lease.commit(); // unknown whether it arrived; a resync will tell
          }
        }
        throw new CompletionException(new ChainException(ce.error().toBuilder().transactionId(id).build(), ce));
      });
    });
  }

  /**
   * Waits for the receipt at {@link Finality#included()} (1 block) or {@link
   * Finality#confirmations(int)}; EVM transactions have no validity window, so the wait ends with the
   * receipt or TIMEOUT (the transaction may still be mined), never EXPIRED. Nothing is rebroadcast:
   * the node keeps the transaction in its pool. Other finalities are UNSUPPORTED.
   */
  @Override
  public CompletableFuture<TxReceipt> waitFor(PendingTransaction transaction, Finality finality, Duration timeout) {
    return guard(() -> {
      if (transaction == null || !transaction.chainId().equals(chainId)) {
        throw invalid("transaction: null or not for " + chainId);
      }
      if (finality == null) {
        throw invalid("finality: is null");
      }
      int depth;
      switch (finality.level()) {
        case INCLUDED:
        case CONFIRMATIONS:
          depth = finality.confirmationsRequired();
          break;
        default:
          throw new ChainException(ChainError.of(ErrorKind.UNSUPPORTED, chainId,
              "finality: " + finality + " is not an EVM finality (use confirmations)"));
      }
      return awaitReceipt(transaction.transactionId(), depth, timeout).thenCompose(this::toTxReceipt);
    });
  }

  /**
   * Simulates with {@code eth_call} (return data, or the decoded revert) and, when it succeeds,
   * {@code eth_estimateGas} (units used) at the latest block, from the sender with the
   * transaction's value, data and gas limit. EVM nodes give no logs here.
   */
  @Override
  public CompletableFuture<SimulationResult> simulate(UnsignedTransaction transaction) {
    return guard(() -> {
      if (!(transaction instanceof EvmUnsignedTransaction) || !transaction.chainId().equals(chainId)) {
        throw invalid("transaction: not an EVM transaction for " + chainId);
      }
      EvmUnsignedTransaction u = (EvmUnsignedTransaction) transaction;
      Transaction tx = u.transaction();
      CallRequest.Builder b = CallRequest.builder().from(u.sender()).value(tx.value()).data(tx.data()).gas(tx.gasLimit());
      tx.to().ifPresent(b::to);
      CallRequest call = b.build();
      String abiOf = tx.to().map(Address::toChecksumString).orElse(null);
      CompletableFuture<SimulationResult> r = rpc.call(call, BlockId.LATEST).sendAsync()
          .thenCompose(ret -> rpc.estimateGas(call).sendAsync()
              .thenApply(gas -> SimulationResult.success(gas, List.of(), ret)));
      return r.handle((ok, t) -> {
        if (t == null) {
          return ok;
        }
        ChainException ce = toChainException(t, abiOf);
        if (isExecutionOutcome(ce.kind())) {
          return SimulationResult.failure(ce.error(), -1, List.of());
        }
        throw new CompletionException(ce);
      });
    });
  }

  /**
   * EVM state: a 32-byte {@code key} reads that storage slot ({@code eth_getStorageAt}, 32 bytes);
   * an empty key reads the account's code ({@code eth_getCode}). Other key lengths are INVALID_INPUT.
   */
  @Override
  public CompletableFuture<byte[]> readState(AccountId account, byte[] key) {
    return guard(() -> {
      Address a = addressOf(account);
      if (key == null || (key.length != 0 && key.length != 32)) {
        throw invalid("key: an EVM state key is a 32-byte storage slot or empty (code), got "
            + (key == null ? "null" : key.length + " bytes"));
      }
      if (key.length == 0) {
        return rpc.getCode(a, BlockId.LATEST).sendAsync();
      }
      return rpc.getStorageAt(a, Hash32.of(key), BlockId.LATEST).sendAsync().thenApply(Hash32::bytes);
    }).exceptionally(t -> {
      throw new CompletionException(withChain(NodeErrorsBridge.unwrap(t)));
    });
  }

  /** Waits for a receipt {@code confirmations} deep (see {@link ReceiptWaiter}). */
  public CompletableFuture<ConfirmedReceipt> awaitReceipt(String transactionHash, int confirmations, Duration timeout) {
    return guard(() -> {
      Hash32 h;
      try {
        h = Hash32.parse(transactionHash);
      } catch (CairnException e) {
        throw invalid("transactionId: " + e.getMessage());
      }
      return receipts.await(h, confirmations, timeout).thenApply(c -> c);
    }).exceptionally(t -> {
      throw new CompletionException(withChain(NodeErrorsBridge.unwrap(t)));
    });
  }

  private ChainException withChain(Throwable t) {
    if (t instanceof ChainException) {
      ChainError e = ((ChainException) t).error();
      return e.chainId().isPresent() ? (ChainException) t
          : new ChainException(rebuild(e), t);
    }
    return toChainException(t, null);
  }

  private ChainError rebuild(ChainError e) {
    ChainError.Builder b = ChainError.builder(e.kind(), chainId, e.message());
    e.nativeCode().ifPresent(b::nativeCode);
    e.nativeMessage().ifPresent(b::nativeMessage);
    e.revertReason().ifPresent(b::revertReason);
    e.transactionId().ifPresent(b::transactionId);
    return b.nativeData(e.nativeData()).build();
  }

  /** The chain-neutral receipt; for a failed transaction the revert reason is recovered by replaying it. */
  public CompletableFuture<TxReceipt> toTxReceipt(ConfirmedReceipt confirmed) {
    Receipt r = confirmed.receipt();
    BigInteger price = r.effectiveGasPrice().orElse(BigInteger.ZERO);
    Amount fee = Amount.of(price.multiply(BigInteger.valueOf(r.gasUsed())), denomination);
    int conf = Math.max(1, confirmed.confirmations());
    String id = r.transactionHash().toHex();
    if (r.isSuccess()) {
      return CompletableFuture.completedFuture(TxReceipt.success(chainId, id, r.blockNumber(), conf, r.gasUsed(), fee, null));
    }
    return replayRevert(r).handle((data, t) -> {
      byte[] revert = t == null ? data : null;
      ChainError base = ChainErrors.evmReceiptFailed(chainId, id, revert);
      ContractAbi abi = r.to().map(abis::get).orElse(null);
      Optional<String> reason = RevertDecoder.reason(revert, abi);
      ChainError err = reason.isPresent() ? base.toBuilder().revertReason(reason.get()).build() : base;
      return TxReceipt.failure(chainId, id, r.blockNumber(), conf, r.gasUsed(), fee, err);
    });
  }

  /** Re-runs a failed transaction as eth_call at its block to get the revert data (best effort). */
  private CompletableFuture<byte[]> replayRevert(Receipt r) {
    return rpc.getTransactionByHash(r.transactionHash()).sendAsync().thenCompose(tx -> {
      if (tx.isEmpty() || r.to().isEmpty()) {
        return CompletableFuture.completedFuture(new byte[0]);
      }
      CallRequest req = CallRequest.builder().from(r.from()).to(r.to().get()).value(tx.get().value())
          .data(tx.get().input()).gas(tx.get().gas()).build();
      BlockId at = r.blockNumber() > 0 ? BlockId.number(r.blockNumber() - 1) : BlockId.number(0);
      return rpc.call(req, at).sendAsync().handle((ok, t) -> {
        if (t == null) {
          return new byte[0];
        }
        Throwable c = NodeErrorsBridge.unwrap(t);
        return c instanceof TransportException ? RpcErrors.revertData((TransportException) c).orElse(new byte[0]) : new byte[0];
      });
    });
  }

  @Override
  public CompletableFuture<ChainResult<byte[]>> query(ContractCall call) {
    CompletableFuture<byte[]> f = guard(() -> {
      if (call == null) {
        throw invalid("call: is null");
      }
      return call(addressOf(call.contract()), call.payload().evmCalldata());
    });
    return f.handle((v, t) -> {
      if (t == null) {
        return ChainResult.success(v);
      }
      ChainException ce = withChain(NodeErrorsBridge.unwrap(t));
      if (isExecutionOutcome(ce.kind())) {
        return ChainResult.<byte[]>failure(ce.error());
      }
      throw new CompletionException(ce); // no verdict: invalid input, transport, closed
    });
  }

  /** Whether a failure of a call or simulation is the chain's verdict on execution (a value), not a failure to ask. */
  private static boolean isExecutionOutcome(ErrorKind k) {
    return k == ErrorKind.REVERTED || k == ErrorKind.OUT_OF_GAS || k == ErrorKind.INSUFFICIENT_FUNDS;
  }

  /**
   * {@code eth_call} at the latest block. A revert fails the future with a {@link ChainException}
   * of kind REVERTED whose reason is decoded (custom errors with the ABI registered for {@code to}).
   */
  public CompletableFuture<byte[]> call(Address to, byte[] data) {
    return call(CallRequest.call(to, data), BlockId.LATEST, to);
  }

  /** {@code eth_call} of {@code request} at {@code block}, with decoded reverts. */
  public CompletableFuture<byte[]> call(CallRequest request, BlockId block, Address abiOf) {
    return guard(() -> rpc.call(request, block).sendAsync().exceptionally(t -> {
      throw new CompletionException(toChainException(t, abiOf == null ? null : abiOf.toChecksumString()));
    }));
  }

  /** {@code eth_estimateGas} with decoded reverts. */
  public CompletableFuture<Long> estimateGas(CallRequest request, Address abiOf) {
    return guard(() -> rpc.estimateGas(request).sendAsync().exceptionally(t -> {
      throw new CompletionException(toChainException(t, abiOf == null ? null : abiOf.toChecksumString()));
    }));
  }

  /**
   * Runs {@code calls} in one {@code eth_call} of Multicall3's {@code aggregate3} at {@link
   * Multicall3#ADDRESS}.
   */
  public CompletableFuture<List<Multicall3.Result>> multicall(List<Multicall3.Call> calls) {
    return guard(() -> call(Multicall3.ADDRESS, Multicall3.encodeAggregate3(calls))
        .thenApply(ret -> Multicall3.decodeAggregate3(ret, calls.size())));
  }

  /**
   * Sends a transaction whose nonce the adapter manages, re-signing with a fresh nonce after "nonce
   * too low" and counting "already known" as success (see {@link NonceManager#submit}).
   *
   * <p>A gas limit or fees the template lacks are filled by {@link #filler()} first (none of its
   * calls when the template has them all); a reverting gas estimate fails the future with a {@link
   * ChainException} of kind REVERTED and the decoded reason, and nothing is sent.
   *
   * @param template the transaction without nonce (any nonce set is replaced; the chain id is set to
   *     this adapter's). The builder is updated for each attempt, so use one builder per submit and do
   *     not share it between concurrent submits.
   */
  public CompletableFuture<Submission> submit(Transaction.Builder template, Signer signer) {
    return guard(() -> {
      KnownAccount k = sender(template, signer);
      return filler.fill(k.address, template.chainId(chainIdNumber))
          .exceptionally(t -> {
            throw new CompletionException(toChainException(t, recipient(template)));
          })
          .thenCompose(b -> nonces.submit(k.lowercase, signing(b, signer, k.id)));
    });
  }

  /** The recipient of {@code template} (whose ABI decodes a revert of the gas estimate), or null. */
  private static String recipient(Transaction.Builder template) {
    try {
      return template.build().to().map(Address::toChecksumString).orElse(null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The managed account that {@code signer} sends from, after checking the arguments of a submit. */
  private KnownAccount sender(Transaction.Builder template, Signer signer) {
    if (template == null || signer == null) {
      throw invalid((template == null ? "template" : "signer") + ": is null");
    }
    if (signer.keyType() != KeyType.SECP256K1) {
      throw invalid("signer: EVM accounts are secp256k1, not " + signer.keyType());
    }
    return known(signer.publicKey());
  }

  /** Signs {@code template} on this chain for the nonce the manager hands out. */
  private LongFunction<SignedForNonce> signing(Transaction.Builder template, Signer signer, AccountId account) {
    return n -> {
      dev.cairn.evm.tx.SignedTransaction s = template.chainId(chainIdNumber).nonce(n).build().sign(signer, account);
      return SignedForNonce.of(n, s.encoded(), s.hashHex());
    };
  }

  /**
   * {@link #submit} on the calling thread: reserves the nonce, signs and broadcasts here and
   * returns once the node has accepted the transaction (not mined: use {@link #awaitReceipt}). For
   * a thread per request it costs less than {@code submit(...).get()}: no hand-off to the HTTP
   * client's threads and back.
   *
   * @param template as for {@link #submit}: one builder per call, not shared between concurrent calls
   * @throws RuntimeException what {@link #submit}'s future fails with: a {@link ChainException} for
   *     invalid input, an {@link dev.cairn.transport.TransportException} for the node's rejections (its
   *     {@code toChainError} gives the kind: nonce, funds, fees) and for transport failures, or the
   *     signer's exception
   */
  public Submission submitBlocking(Transaction.Builder template, Signer signer) {
    checkOpen();
    KnownAccount k = sender(template, signer);
    if (!filler.isComplete(template.chainId(chainIdNumber))) {
      try {
        filler.fillBlocking(k.address, template);
      } catch (RuntimeException e) {
        throw toChainException(e, recipient(template));
      }
    }
    return nonces.submitBlocking(k.lowercase, signing(template, signer, k.id));
  }

  /** Deploys {@code initCode} (bytecode followed by the ABI-encoded constructor arguments) and waits for the receipt. */
  public CompletableFuture<Receipt> deploy(Signer signer, byte[] initCode, Duration timeout) {
    return guard(() -> {
      return submit(Transaction.builder().data(initCode), signer)
          .thenCompose(s -> awaitReceipt(s.hash(), 1, timeout))
          .thenApply(c -> {
            if (!c.receipt().isSuccess()) {
              throw new ChainException(ChainErrors.evmReceiptFailed(chainId, c.receipt().transactionHash().toHex(), null));
            }
            return c.receipt();
          });
    });
  }

  /**
   * The account state at {@code block}, from {@code eth_getProof} verified against the block's
   * stateRoot (the node's claimed fields must equal what the proof proves).
   *
   * @return the proven account, empty when the proof shows it does not exist
   */
  public CompletableFuture<Optional<AccountState>> verifiedAccount(Address address, BlockId block) {
    return guard(() -> header(block).thenCompose(h -> rpc.getProof(address, List.of(), BlockId.number(h.numberOrMinusOne()))
        .sendAsync().thenApply(p -> checkAccount(h, p))));
  }

  /** A storage slot at {@code block}, from {@code eth_getProof} verified against the block's stateRoot. */
  public CompletableFuture<BigInteger> verifiedStorage(Address address, Hash32 slot, BlockId block) {
    return guard(() -> header(block).thenCompose(h -> rpc.getProof(address, List.of(slot), BlockId.number(h.numberOrMinusOne()))
        .sendAsync().thenApply(p -> {
          checkAccount(h, p);
          if (p.storageProof().size() != 1) {
            throw invalid("getProof: " + p.storageProof().size() + " storage proofs for 1 slot");
          }
          StorageProof sp = p.storageProof().get(0);
          if (!sp.key().equals(slot)) {
            throw invalid("getProof: the storage proof is for slot " + sp.key() + ", not " + slot);
          }
          StateProofs.checkStorage(p.storageHash().bytes(), slot.bytes(), sp.value(), sp.proof());
          return sp.value();
        })));
  }

  private CompletableFuture<BlockHeader> header(BlockId block) {
    return rpc.getHeaderByNumber(block).sendAsync().thenApply(h -> h.filter(x -> x.numberOrMinusOne() >= 0)
        .orElseThrow(() -> new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chainId, "block " + block + ": not found"))));
  }

  private Optional<AccountState> checkAccount(BlockHeader h, AccountProof p) {
    AccountState claimed = AccountState.of(p.nonce(), p.balance(), p.storageHash().bytes(), p.codeHash().bytes());
    return StateProofs.checkAccount(h.stateRoot().bytes(), p.address().bytes(), claimed, p.accountProof());
  }

  /** Converts an RPC failure into a ChainException with the revert decoded against the ABI of {@code contract}. */
  ChainException toChainException(Throwable failure, String contract) {
    Throwable t = NodeErrorsBridge.unwrap(failure);
    if (t instanceof ChainException) {
      return (ChainException) t;
    }
    if (t instanceof TransportException) {
      TransportException re = (TransportException) t;
      if (re.kind() == TransportException.Kind.RPC_ERROR) {
        ContractAbi abi = null;
        if (contract != null) {
          try {
            abi = abis.get(Address.parse(contract));
          } catch (CairnException ignored) {
            abi = null;
          }
        }
        return new ChainException(RevertDecoder.rpcError(chainId, re.code(), re.rpcMessage().orElse(re.getMessage()),
            RpcErrors.revertData(re).orElse(null), abi), re);
      }
      return new ChainException(RpcErrors.toChainError(re, chainId), re);
    }
    return new ChainException(ChainErrors.fromThrowable(chainId, t), t);
  }

  private ChainException invalid(String message) {
    return new ChainException(ChainError.of(ErrorKind.INVALID_INPUT, chainId, message));
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new ChainException(ChainError.of(ErrorKind.UNSUPPORTED, chainId, "adapter: closed"));
    }
  }

  private <T> CompletableFuture<T> guard(java.util.function.Supplier<CompletableFuture<T>> body) {
    try {
      checkOpen();
      return body.get();
    } catch (RuntimeException e) {
      return Futures.failed(e instanceof CairnException ? e : toChainException(e, null));
    }
  }

  /** Closes the receipt waiter (and the RPC client if it owns it); afterwards every operation fails UNSUPPORTED. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    receipts.close();
    if (ownsRpc) {
      rpc.close();
    }
  }

  /** The chain and the endpoint with path, query and credentials redacted (they may hold an API key). */
  @Override
  public String toString() {
    return "EvmChainAdapter{" + chainId + ", " + rpc + "}";
  }

  /** Nonce source over the RPC client. */
  private static final class RpcNonceSource implements NonceSource {
    private final EvmRpcClient rpc;

    RpcNonceSource(EvmRpcClient rpc) {
      this.rpc = rpc;
    }

    @Override
    public CompletableFuture<Long> pendingNonce(String account) {
      return rpc.getTransactionCount(Address.parse(account), BlockId.PENDING).sendAsync();
    }

    @Override
    public CompletableFuture<String> sendRawTransaction(byte[] signedTransaction) {
      return rpc.sendRawTransaction(signedTransaction).sendAsync().thenApply(Hash32::toHex);
    }

    @Override
    public String sendRawTransactionBlocking(byte[] signedTransaction) {
      return rpc.sendRawTransaction(signedTransaction).send().toHex();
    }

    @Override
    public CompletableFuture<Boolean> isKnown(String transactionHash) {
      return rpc.getTransactionByHash(Hash32.parse(transactionHash)).sendAsync().thenApply(Optional::isPresent);
    }
  }

  /** Unwrapping of CompletionException/ExecutionException. */
  static final class NodeErrorsBridge {
    private NodeErrorsBridge() {}

    static Throwable unwrap(Throwable t) {
      while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
          && t.getCause() != null) {
        t = t.getCause();
      }
      return t;
    }
  }
}
