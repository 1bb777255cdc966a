package dev.cairn.core.chain;

import static org.junit.jupiter.api.Assertions.*;

import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.core.signer.Signature;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.Signers;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class VmDispatcherTest {
  private static final ChainId EVM = ChainId.ETHEREUM_MAINNET;
  private static final ChainId WASM = ChainId.cosmos("osmosis-1");
  private static final AccountId TOKEN = AccountId.of(EVM, "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48");
  private static final AccountId POOL = AccountId.of(WASM, "osmo1contract");

  /** A fake adapter: answers from a script and records what it was asked. */
  static class FakeAdapter implements ChainAdapter {
    final ChainId chainId;
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    ChainResult<byte[]> queryAnswer = ChainResult.success(new byte[] {42});
    boolean failInclusion;
    Signature lastSignature;

    FakeAdapter(ChainId chainId) {
      this.chainId = chainId;
    }

    @Override
    public ChainId chainId() {
      return chainId;
    }

    @Override
    public Denomination nativeDenomination() {
      return chainId.isFamily(ChainFamily.EVM) ? Denomination.ETH : Denomination.of("uosmo", 6);
    }

    @Override
    public AccountId accountOf(KeyType keyType, byte[] publicKey) {
      if (keyType != KeyType.SECP256K1) {
        throw new ChainException(ChainError.of(ErrorKind.UNSUPPORTED, chainId, "keyType: " + keyType));
      }
      return AccountId.of(chainId, "acct" + Hex.encode(publicKey, 1, 8));
    }

    @Override
    public CompletableFuture<Amount> balance(AccountId account) {
      return CompletableFuture.completedFuture(Amount.of(7, nativeDenomination()));
    }

    @Override
    public CompletableFuture<Long> nextNonce(AccountId account) {
      return CompletableFuture.completedFuture(3L);
    }

    @Override
    public CompletableFuture<FeeEstimate> estimateFee(TransactionRequest request) {
      Fee f = Fee.of(nativeDenomination(), 21000, BigDecimal.ONE, BigDecimal.ZERO, BigInteger.ZERO);
      return CompletableFuture.completedFuture(FeeEstimate.of(chainId, f, f, f));
    }

    @Override
    public CompletableFuture<UnsignedTransaction> build(TransactionRequest request) {
      calls.add("build " + request.type());
      byte[] payload = request.toString().getBytes(StandardCharsets.UTF_8);
      AccountId from = request.from();
      SignRequest.Kind kind = chainId.isFamily(ChainFamily.EVM) ? SignRequest.Kind.EVM_TRANSACTION : SignRequest.Kind.COSMOS_SIGN_DOC_DIRECT;
      FakeAdapter self = this;
      return CompletableFuture.completedFuture(new UnsignedTransaction() {
        @Override
        public ChainId chainId() {
          return chainId;
        }

        @Override
        public AccountId feePayer() {
          return from;
        }

        @Override
        public List<AccountId> requiredSigners() {
          return List.of(from);
        }

        @Override
        public SignRequest signRequest(AccountId signer) {
          return SignRequest.of(kind, signer, payload);
        }

        @Override
        public boolean verify(AccountId signer, Signature signature) {
          return signer.equals(from) && signature.keyType() == KeyType.SECP256K1;
        }

        @Override
        public byte[] encoded() {
          return payload.clone();
        }

        @Override
        public SignedTransaction withSignatures(Map<AccountId, Signature> signatures) {
          calls.add("sign " + signatures.size());
          Signature sig = signatures.get(from);
          self.lastSignature = sig;
          return new SignedTransaction() {
            @Override
            public ChainId chainId() {
              return chainId;
            }

            @Override
            public String id() {
              return "tx-" + Hex.encode(sig.bytes(), 0, 4);
            }

            @Override
            public byte[] encoded() {
              return sig.bytes();
            }
          };
        }
      });
    }

    @Override
    public CompletableFuture<SimulationResult> simulate(UnsignedTransaction transaction) {
      return CompletableFuture.completedFuture(SimulationResult.success(21000, List.of(), null));
    }

    @Override
    public CompletableFuture<byte[]> readState(AccountId account, byte[] key) {
      return CompletableFuture.completedFuture(new byte[0]);
    }

    @Override
    public UnsignedTransaction decodeUnsigned(byte[] encoded) {
      throw new ChainException(ChainError.of(ErrorKind.UNSUPPORTED, chainId, "decode"));
    }

    @Override
    public SignedTransaction decodeSigned(byte[] encoded) {
      throw new ChainException(ChainError.of(ErrorKind.UNSUPPORTED, chainId, "decode"));
    }

    @Override
    public CompletableFuture<PendingTransaction> send(SignedTransaction tx) {
      calls.add("send " + tx.id());
      return CompletableFuture.completedFuture(PendingTransaction.of(tx));
    }

    @Override
    public CompletableFuture<TxReceipt> waitFor(PendingTransaction p, Finality finality, Duration timeout) {
      String id = p.transactionId();
      int confirmations = finality.confirmationsRequired();
      calls.add("wait " + id + " " + confirmations);
      Amount fee = Amount.of(21000, nativeDenomination());
      if (failInclusion) {
        return CompletableFuture.completedFuture(TxReceipt.failure(chainId, id, 100, confirmations, 21000, fee,
            ChainErrors.cosmosAbci(chainId, "wasm", 5, "failed to execute message; message index: 0: paused: execute wasm contract failed", id)));
      }
      return CompletableFuture.completedFuture(TxReceipt.success(chainId, id, 100, confirmations, 21000, fee,
          "{\"ok\":true}".getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public CompletableFuture<ChainResult<byte[]>> query(ContractCall call) {
      calls.add("query " + call.contract());
      return CompletableFuture.completedFuture(queryAnswer);
    }
  }

  private static Signer signer() {
    return Signers.software(Secp256k1PrivateKey.of(Hex.decode("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318")));
  }

  @Test
  void routesQueriesByChainId() {
    FakeAdapter evm = new FakeAdapter(EVM);
    FakeAdapter wasm = new FakeAdapter(WASM);
    wasm.queryAnswer = ChainResult.success("{\"balance\":\"5\"}".getBytes(StandardCharsets.UTF_8));
    VmDispatcher d = VmDispatcher.over(ChainRegistry.create().register(evm).register(wasm));

    CallResult<Integer> r = d.query(ContractCall.of(TOKEN, CallPayload.evm(Hex.decode("70a08231"))), raw -> raw[0] & 0xff).join();
    assertTrue(r.isSuccess());
    assertEquals(Integer.valueOf(42), r.decoded().get());
    assertEquals(42, r.valueOrThrow());
    assertEquals(EVM, r.chainId());
    assertEquals(List.of("query " + TOKEN), evm.calls);
    assertTrue(wasm.calls.isEmpty());

    CallResult<String> w = d.query(ContractCall.of(POOL, CallPayload.cosmWasm("{\"balance\":{}}")), ResultDecoder.utf8()).join();
    assertEquals("{\"balance\":\"5\"}", w.decoded().get());
    assertEquals(w.decoded().get(), w.rawUtf8());
    assertEquals(List.of("query " + POOL), wasm.calls);
    assertFalse(w.receipt().isPresent());

    CallResult<Void> raw = d.query(ContractCall.of(TOKEN, CallPayload.evm(new byte[0]))).join();
    assertArrayEquals(new byte[] {42}, raw.raw());
    assertFalse(raw.decoded().isPresent());
  }

  @Test
  void unknownChainIsUnsupported() {
    VmDispatcher d = VmDispatcher.over(ChainRegistry.create().register(new FakeAdapter(EVM)));
    ContractCall call = ContractCall.of(AccountId.of(ChainId.eip155(10), "0xabc"), CallPayload.evm(new byte[] {1}));
    CompletableFuture<CallResult<Void>> f = d.query(call);
    ChainException e = assertInstanceOf(ChainException.class, assertThrows(CompletionException.class, f::join).getCause());
    assertEquals(ErrorKind.UNSUPPORTED, e.kind());
    assertEquals(ChainId.eip155(10), e.error().chainId().get());
    CompletableFuture<CallResult<Void>> inv = d.invoke(call, signer(), null);
    assertEquals(ErrorKind.UNSUPPORTED,
        ((ChainException) assertThrows(CompletionException.class, inv::join).getCause()).kind());
    assertEquals(ErrorKind.INVALID_INPUT,
        ((ChainException) assertThrows(CompletionException.class, () -> d.query(null).join()).getCause()).kind());
  }

  @Test
  void revertIsAFailedResultNotAnException() {
    FakeAdapter evm = new FakeAdapter(EVM);
    ChainError revert = ChainErrors.evmRpcError(EVM, 3, "execution reverted", ChainErrorsTest.errorString("paused"));
    evm.queryAnswer = ChainResult.failure(revert);
    VmDispatcher d = VmDispatcher.over(ChainRegistry.create().register(evm));
    CallResult<Integer> r = d.query(ContractCall.of(TOKEN, CallPayload.evm(new byte[] {1})), raw -> 1).join();
    assertFalse(r.isSuccess());
    assertEquals(revert, r.error().get());
    // sdk-core classifies and keeps the revert data; decoding it is the EVM module's job
    assertFalse(r.error().get().revertReason().isPresent());
    assertArrayEquals(ChainErrorsTest.errorString("paused"), r.error().get().nativeData());
    assertFalse(r.decoded().isPresent());
    assertSame(revert, assertThrows(ChainException.class, r::valueOrThrow).error());
  }

  @Test
  void invokeBuildsSignsSendsAndWaits() {
    FakeAdapter wasm = new FakeAdapter(WASM);
    VmDispatcher d = VmDispatcher.over(ChainRegistry.create().register(wasm));
    Signer signer = signer();
    ContractCall call = ContractCall.of(POOL, CallPayload.cosmWasm("{\"swap\":{}}"),
        List.of(Amount.of(1000, Denomination.of("uosmo", 6))));
    CallResult<String> r = d.invoke(call, signer, ResultDecoder.utf8()).join();
    assertTrue(r.isSuccess());
    assertEquals("{\"ok\":true}", r.decoded().get());
    TxReceipt receipt = r.receipt().get();
    assertEquals(1, receipt.confirmations());
    assertEquals(4, wasm.calls.size());
    assertEquals("build CONTRACT_CALL", wasm.calls.get(0));
    assertEquals("sign 1", wasm.calls.get(1));
    assertTrue(wasm.calls.get(2).startsWith("send tx-"));
    assertEquals("wait " + receipt.transactionId() + " 1", wasm.calls.get(3));
    assertTrue(wasm.lastSignature.hasRecoveryId());

    wasm.failInclusion = true;
    CallResult<String> failed = d.invoke(call, signer, ResultDecoder.utf8()).join();
    assertFalse(failed.isSuccess());
    assertEquals(ErrorKind.REVERTED, failed.error().get().kind());
    assertEquals("paused", failed.error().get().revertReason().get());
    assertTrue(failed.receipt().isPresent());
    assertFalse(failed.receipt().get().isSuccess());
  }

  @Test
  void submitValidatesAndTransfersToo() {
    FakeAdapter evm = new FakeAdapter(EVM);
    VmDispatcher d = VmDispatcher.over(ChainRegistry.create().register(evm));
    AccountId from = evm.accountOf(signer());
    TransactionRequest transfer = TransactionRequest.transfer(from, AccountId.of(EVM, "0xdead"), Amount.of(5, Denomination.ETH));
    TxReceipt receipt = d.submit(transfer, signer(), Finality.confirmations(2), Duration.ofSeconds(30)).join();
    assertTrue(receipt.isSuccess());
    assertEquals(2, receipt.confirmations());
    assertEquals("build TRANSFER", evm.calls.get(0));
    assertEquals(ErrorKind.INVALID_INPUT, kindOf(d.submit(transfer, signer(), null, Duration.ofSeconds(1))));
    assertEquals(ErrorKind.INVALID_INPUT, kindOf(d.submit(transfer, null, Finality.included(), Duration.ofSeconds(1))));
    assertEquals(ErrorKind.INVALID_INPUT, kindOf(d.submit(transfer, signer(), Finality.included(), Duration.ZERO)));
    assertEquals(ErrorKind.INVALID_INPUT, kindOf(d.invoke(transfer, signer(), Finality.included(), Duration.ofSeconds(1), null)));
    assertThrows(ChainException.class, () -> Finality.confirmations(0));
  }

  @Test
  void misbehavingAdapterFailsTheFutureInsteadOfThrowing() {
    FakeAdapter broken = new FakeAdapter(EVM) {
      @Override
      public CompletableFuture<ChainResult<byte[]>> query(ContractCall call) {
        throw new IllegalStateException("bug");
      }
    };
    VmDispatcher d = VmDispatcher.over(ChainRegistry.create().register(broken));
    CompletableFuture<CallResult<Void>> f = d.query(ContractCall.of(TOKEN, CallPayload.evm(new byte[0])));
    assertInstanceOf(IllegalStateException.class, assertThrows(CompletionException.class, f::join).getCause());
  }

  private static ErrorKind kindOf(CompletableFuture<?> f) {
    Throwable t = assertThrows(CompletionException.class, f::join).getCause();
    return assertInstanceOf(ChainException.class, t).kind();
  }

  @Test
  void registryIsThreadSafeWithImmutableSnapshots() throws Exception {
    ChainRegistry reg = ChainRegistry.create();
    FakeAdapter evm = new FakeAdapter(EVM);
    reg.register(evm);
    Map<ChainId, ChainAdapter> before = reg.snapshot();
    assertThrows(UnsupportedOperationException.class, () -> before.put(WASM, evm));
    assertEquals(ErrorKind.INVALID_INPUT, assertThrows(ChainException.class, () -> reg.register(new FakeAdapter(EVM))).kind());
    assertEquals(ErrorKind.INVALID_INPUT, assertThrows(ChainException.class, () -> reg.register(null)).kind());
    FakeAdapter evm2 = new FakeAdapter(EVM);
    assertSame(evm, reg.replace(evm2).get());
    assertSame(evm2, reg.require(EVM));
    assertSame(evm, before.get(EVM), "an earlier snapshot does not change");
    assertEquals(ErrorKind.UNSUPPORTED, assertThrows(ChainException.class, () -> reg.require(WASM)).kind());
    assertFalse(reg.find(null).isPresent());

    int threads = 8;
    int perThread = 50;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int base = 1000 + t * perThread;
      Thread w = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < perThread; i++) {
          reg.register(new FakeAdapter(ChainId.eip155(base + i)));
          assertTrue(reg.find(ChainId.eip155(base + i)).isPresent());
        }
      });
      workers.add(w);
      w.start();
    }
    start.countDown();
    for (Thread w : workers) {
      w.join();
    }
    assertEquals(1 + threads * perThread, reg.snapshot().size());
    assertSame(evm2, reg.unregister(EVM).get());
    assertFalse(reg.unregister(EVM).isPresent());
    assertEquals(threads * perThread, reg.snapshot().size());
  }
}
