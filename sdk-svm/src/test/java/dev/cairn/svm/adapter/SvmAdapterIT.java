package dev.cairn.svm.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainRegistry;
import dev.cairn.core.chain.Denomination;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.chain.Fee;
import dev.cairn.core.chain.Finality;
import dev.cairn.core.chain.PartiallySignedTransaction;
import dev.cairn.core.chain.PendingTransaction;
import dev.cairn.core.chain.SignedTransaction;
import dev.cairn.core.chain.SimulationResult;
import dev.cairn.core.chain.TransactionRequest;
import dev.cairn.core.chain.TxReceipt;
import dev.cairn.core.chain.UnsignedTransaction;
import dev.cairn.core.chain.VmDispatcher;
import dev.cairn.core.crypto.Ed25519PrivateKey;
import dev.cairn.core.signer.Signer;
import dev.cairn.core.signer.SignerDescriptor;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.programs.AddressLookupTableProgram;
import dev.cairn.svm.programs.AssociatedTokenProgram;
import dev.cairn.svm.programs.ComputeBudgetProgram;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.programs.TokenProgram;
import dev.cairn.svm.rpc.LookupTableAccount;
import dev.cairn.svm.rpc.SvmRpcClient;
import dev.cairn.svm.tx.AddressLookupTable;
import dev.cairn.svm.tx.Blockhash;
import dev.cairn.svm.tx.CompiledInstruction;
import dev.cairn.svm.tx.Instruction;
import dev.cairn.svm.tx.Message;
import dev.cairn.testing.node.LiteSvm;
import dev.cairn.testing.node.LiteSvmExtension;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Solana flows of issue 9 through {@link SvmChainAdapter}, executed by LiteSVM: transfers, a
 * separate fee payer with partial signing across "processes", SPL Token and Token-2022, lookup
 * tables and v0, compute budget, durable nonces, failures mapped to the taxonomy, simulation,
 * rebroadcast and expiry.
 */
@ExtendWith(LiteSvmExtension.class)
class SvmAdapterIT {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static LiteSvm svm;
  private static SvmChainAdapter adapter;
  private static SvmRpcClient rpc;

  @BeforeAll
  static void start(LiteSvm node) {
    svm = node;
    adapter = SvmChainAdapterConformanceIT.adapter(node);
    rpc = adapter.rpc();
  }

  @AfterAll
  static void stop() {
    adapter.close();
  }

  static SoftwareSigner funded(long lamports) {
    SoftwareSigner s = Signers.software(Ed25519PrivateKey.generate(RANDOM));
    if (lamports > 0) {
      svm.airdrop(pk(s).toBase58(), lamports);
    }
    return s;
  }

  static Pubkey pk(Signer s) {
    return Pubkey.of(s.publicKey());
  }

  static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(TIMEOUT.getSeconds() + 10, TimeUnit.SECONDS);
  }

  static ChainException failure(CompletableFuture<?> f) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(70, TimeUnit.SECONDS));
    return assertInstanceOf(ChainException.class, e.getCause(), String.valueOf(e.getCause()));
  }

  static TransactionRequest request(List<Instruction> ixs, Signer payer, Signer... others) {
    List<SignerDescriptor> d = new ArrayList<>();
    for (Signer s : others) {
      d.add(s.descriptor());
    }
    return adapter.callRequest(pk(payer), ixs).withSigners(payer.descriptor(), d);
  }

  static SignedTransaction signed(UnsignedTransaction u, Signer payer, Signer... others) throws Exception {
    List<Signer> all = new ArrayList<>();
    all.add(payer);
    all.addAll(List.of(others));
    return get(adapter.sign(u, all));
  }

  static TxReceipt run(List<Instruction> ixs, Signer payer, Signer... others) throws Exception {
    UnsignedTransaction u = get(adapter.build(request(ixs, payer, others)));
    TxReceipt r = get(adapter.sendAndConfirm(signed(u, payer, others), Finality.confirmed(), TIMEOUT));
    assertTrue(r.isSuccess(), r.toString());
    return r;
  }

  static long rent(long space) {
    return rpc.getMinimumBalanceForRentExemption(space).send();
  }

  @Test
  void solTransferMovesLamportsAndChargesTheReportedFee() throws Exception {
    SoftwareSigner alice = funded(2_000_000_000L);
    Pubkey bob = pk(funded(0));
    long amount = 500_000_000L;
    TransactionRequest r = TransactionRequest.transfer(adapter.accountOf(pk(alice)), adapter.accountOf(bob),
        Amount.of(amount, Denomination.SOL)).withSigner(alice.descriptor());
    SvmUnsignedTransaction u = (SvmUnsignedTransaction) get(adapter.build(r));
    assertTrue(u.validity().lastValidHeight().getAsLong() > svm.slot(), u.validity().toString());
    TxReceipt receipt = get(adapter.sendAndConfirm(signed(u, alice), Finality.confirmed(), TIMEOUT));
    assertTrue(receipt.isSuccess(), receipt.toString());
    assertEquals(amount, svm.balance(bob.toBase58()));
    assertEquals(2_000_000_000L - amount - receipt.feePaid().units().longValue(), svm.balance(pk(alice).toBase58()));
    assertTrue(receipt.gasUsed() > 0, "compute units consumed");
    assertEquals(Amount.of(amount, Denomination.SOL), get(adapter.balance(adapter.accountOf(bob))));
  }

  @Test
  void aSecondSignerAndASeparateFeePayerSignInDifferentPlaces() throws Exception {
    SoftwareSigner sender = funded(1_000_000_000L);
    SoftwareSigner payer = funded(1_000_000_000L);
    Pubkey to = pk(funded(0));
    TransactionRequest r = TransactionRequest.transfer(adapter.accountOf(pk(sender)), adapter.accountOf(to),
        Amount.of(300_000_000L, Denomination.SOL)).withSigners(payer.descriptor(), List.of(sender.descriptor()));
    UnsignedTransaction u = get(adapter.build(r));
    assertEquals(adapter.accountOf(pk(payer)), u.feePayer());
    assertEquals(List.of(adapter.accountOf(pk(payer)), adapter.accountOf(pk(sender))), u.requiredSigners());
    // place 1: the sender signs and hands over bytes
    byte[] handOver = get(adapter.signPartially(PartiallySignedTransaction.of(u), List.of(sender))).encode();
    // place 2: another adapter (another process) reads them, the fee payer completes and sends
    try (SvmChainAdapter elsewhere = SvmChainAdapterConformanceIT.adapter(svm)) {
      PartiallySignedTransaction p = elsewhere.decodePartial(handOver);
      assertEquals(List.of(adapter.accountOf(pk(payer))), p.missingSigners());
      assertEquals(u.validity(), p.transaction().validity(), "the expiry window travels with the bytes");
      SignedTransaction done = get(elsewhere.signPartially(p, List.of(payer))).toSignedTransaction();
      TxReceipt receipt = get(elsewhere.sendAndConfirm(done, Finality.confirmed(), TIMEOUT));
      assertTrue(receipt.isSuccess(), receipt.toString());
      assertEquals(700_000_000L, svm.balance(pk(sender).toBase58()), "the sender paid no fee");
      assertEquals(1_000_000_000L - receipt.feePaid().units().longValue(), svm.balance(pk(payer).toBase58()));
      assertEquals(300_000_000L, svm.balance(to.toBase58()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA", "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb"})
  void mintAtaMintToAndTransferChecked(String programId) throws Exception {
    TokenProgram token = TokenProgram.at(Pubkey.fromBase58(programId));
    SoftwareSigner owner = funded(5_000_000_000L);
    SoftwareSigner mintKey = funded(0);
    Pubkey mint = pk(mintKey);
    Pubkey recipient = pk(funded(0));
    run(List.of(
        SystemProgram.createAccount(pk(owner), mint, rent(82), 82, token.programId()),
        token.initializeMint2(mint, 6, pk(owner), null)), owner, mintKey);
    Pubkey ownerAta = AssociatedTokenProgram.address(pk(owner), mint, token.programId());
    Pubkey recipientAta = AssociatedTokenProgram.address(recipient, mint, token.programId());
    run(List.of(
        AssociatedTokenProgram.create(pk(owner), ownerAta, pk(owner), mint, token.programId()),
        AssociatedTokenProgram.createIdempotent(pk(owner), recipientAta, recipient, mint, token.programId()),
        token.mintTo(mint, ownerAta, pk(owner), 1_000_000L),
        token.mintToChecked(mint, ownerAta, pk(owner), 500_000L, 6)), owner);
    assertEquals(BigInteger.valueOf(1_500_000L), rpc.getTokenAccountBalance(ownerAta).send().amount());
    run(List.of(token.transferChecked(ownerAta, mint, recipientAta, pk(owner), 250_000L, 6)), owner);
    assertEquals(BigInteger.valueOf(1_250_000L), rpc.getTokenAccountBalance(ownerAta).send().amount());
    assertEquals(BigInteger.valueOf(250_000L), rpc.getTokenAccountBalance(recipientAta).send().amount());
    assertEquals(6, rpc.getTokenAccountBalance(recipientAta).send().decimals());

    // a failing instruction: more than the balance -> the token program's custom error 1, at its index
    UnsignedTransaction u = get(adapter.build(request(
        List.of(token.transferChecked(ownerAta, mint, recipientAta, pk(owner), 9_999_999L, 6)), owner)));
    Message m = ((SvmUnsignedTransaction) u).message();
    int index = indexOf(m, token.programId());
    SimulationResult sim = get(adapter.simulate(u));
    assertFalse(sim.isSuccess());
    assertCustomError(sim.error().get(), index, 1);
    assertFalse(sim.logs().isEmpty());
    ChainException sent = failure(adapter.send(signed(u, owner)));
    assertCustomError(sent.error(), index, 1);
    assertEquals(ErrorKind.INSUFFICIENT_FUNDS, sent.kind(), sent.getMessage());
    // without preflight it lands, pays its fee and the receipt records the same error
    try (SvmChainAdapter noPreflight = SvmChainAdapter.builder(SvmRpcClient.create(svm.url())).skipPreflight(true)
        .pollInterval(Duration.ofMillis(100)).build()) {
      TxReceipt r = get(noPreflight.sendAndConfirm(signed(u, owner), Finality.confirmed(), TIMEOUT));
      assertFalse(r.isSuccess());
      assertCustomError(r.error().get(), index, 1);
      assertTrue(r.feePaid().units().longValue() >= SvmChainAdapter.LAMPORTS_PER_SIGNATURE);
      assertEquals(r.transactionId(), r.error().get().transactionId().get());
    }
  }

  static int indexOf(Message m, Pubkey program) {
    for (int i = 0; i < m.instructions().size(); i++) {
      if (m.staticAccountKeys().get(m.instructions().get(i).programIdIndex()).equals(program)) {
        return i;
      }
    }
    throw new AssertionError(program + " not in the message");
  }

  static void assertCustomError(ChainError e, int index, long code) {
    String nativeCode = e.nativeCode().orElse("");
    assertTrue(nativeCode.startsWith("InstructionError:" + index + ":Custom:" + code), nativeCode + " / " + e);
  }

  @Test
  void lookupTableCreatedAndExtendedThenAV0TransferThroughIt() throws Exception {
    SoftwareSigner authority = funded(3_000_000_000L);
    Pubkey a = pk(funded(0));
    Pubkey b = pk(funded(0));
    long recentSlot = rpc.getSlot().send();
    Pubkey table = AddressLookupTableProgram.address(pk(authority), recentSlot).address();
    run(List.of(AddressLookupTableProgram.create(pk(authority), pk(authority), recentSlot)), authority);
    run(List.of(AddressLookupTableProgram.extend(table, pk(authority), pk(authority), List.of(a, b))), authority);
    svm.advanceSlots(1); // extended addresses are usable from the next slot
    LookupTableAccount account = rpc.getAddressLookupTable(table).send().orElseThrow();
    assertEquals(List.of(a, b), account.addresses());
    AddressLookupTable t = account.table();

    TransactionRequest toB = TransactionRequest.transfer(adapter.accountOf(pk(authority)), adapter.accountOf(b),
        Amount.of(123_456_789L, Denomination.SOL)).withSigner(authority.descriptor());
    SvmUnsignedTransaction u = get(adapter.build(toB, List.of(t)));
    assertEquals(Message.Version.V0, u.message().version());
    assertEquals(1, u.message().addressTableLookups().size(), "the recipient is loaded through the table");
    assertFalse(u.message().staticAccountKeys().contains(b));
    TxReceipt r = get(adapter.sendAndConfirm(signed(u, authority), Finality.confirmed(), TIMEOUT));
    assertTrue(r.isSuccess(), r.toString());
    assertEquals(123_456_789L, svm.balance(b.toBase58()));
  }

  @Test
  void computeBudgetInstructionsSetThePriceAndTheLimit() throws Exception {
    SoftwareSigner alice = funded(1_000_000_000L);
    Pubkey bob = pk(funded(0));
    TransactionRequest r = TransactionRequest.transfer(adapter.accountOf(pk(alice)), adapter.accountOf(bob),
        Amount.of(1_000_000L, Denomination.SOL)).withSigner(alice.descriptor());
    // automatic: the limit is the simulated units plus 10 %
    SvmUnsignedTransaction auto = (SvmUnsignedTransaction) get(adapter.build(r));
    CompiledInstruction limitIx = auto.message().instructions().get(0);
    assertEquals(ComputeBudgetProgram.PROGRAM_ID, auto.message().staticAccountKeys().get(limitIx.programIdIndex()));
    long limit = u32(limitIx.data(), 1);
    assertTrue(limit > 150 && limit < 10_000, "limit " + limit);
    TxReceipt autoReceipt = get(adapter.sendAndConfirm(signed(auto, alice), Finality.confirmed(), TIMEOUT));
    assertTrue(autoReceipt.gasUsed() <= limit, autoReceipt.gasUsed() + " <= " + limit);

    // explicit: 40,000 units at 25 micro-lamports each: priority fee ceil(40000 * 25 / 1e6) = 1 lamport
    BigDecimal price = new BigDecimal("0.000025");
    Fee fee = Fee.of(Denomination.SOL, 40_000, price, price, BigInteger.valueOf(5000));
    SvmUnsignedTransaction explicit = (SvmUnsignedTransaction) get(adapter.build(r.withFee(fee)));
    assertEquals(40_000, u32(explicit.message().instructions().get(0).data(), 1));
    TxReceipt paid = get(adapter.sendAndConfirm(signed(explicit, alice), Finality.confirmed(), TIMEOUT));
    assertEquals(BigInteger.valueOf(5001), paid.feePaid().units());

    // a limit below what the transfer needs: the compute meter runs out
    Fee tiny = Fee.of(Denomination.SOL, 100, BigDecimal.ZERO, BigDecimal.ZERO, BigInteger.ZERO);
    UnsignedTransaction starved = get(adapter.build(r.withFee(tiny)));
    ChainException e = failure(adapter.send(signed(starved, alice)));
    assertEquals(ErrorKind.OUT_OF_GAS, e.kind(), e.getMessage());
  }

  static long u32(byte[] d, int off) {
    return (d[off] & 0xffL) | (d[off + 1] & 0xffL) << 8 | (d[off + 2] & 0xffL) << 16 | (d[off + 3] & 0xffL) << 24;
  }

  @Test
  void aDurableNonceTransactionLandsAfterItsBlockhashWouldHaveExpired() throws Exception {
    SoftwareSigner payer = funded(2_000_000_000L);
    SoftwareSigner nonceKey = funded(0);
    Pubkey nonce = pk(nonceKey);
    run(List.of(
        SystemProgram.createAccount(pk(payer), nonce, rent(SystemProgram.NONCE_ACCOUNT_LENGTH),
            SystemProgram.NONCE_ACCOUNT_LENGTH, SystemProgram.PROGRAM_ID),
        SystemProgram.nonceInitialize(nonce, pk(payer))), payer, nonceKey);
    svm.advanceSlots(1);
    Blockhash before = get(adapter.nonceValue(nonce));
    Pubkey to = pk(funded(0));
    TransactionRequest r = TransactionRequest.transfer(adapter.accountOf(pk(payer)), adapter.accountOf(to),
        Amount.of(42_000_000L, Denomination.SOL)).withSigner(payer.descriptor());
    SvmUnsignedTransaction u = get(adapter.buildWithNonce(r, nonce, pk(payer)));
    assertEquals(before, u.message().recentBlockhash());
    assertTrue(u.validity().isUnbounded());
    SignedTransaction s = signed(u, payer);
    // a second transaction on the same nonce value: only one of them can ever land
    SignedTransaction rival = signed(get(adapter.buildWithNonce(r.withMemo("rival"), nonce, pk(payer))), payer);
    svm.advanceSlots(200); // any recent blockhash would be gone by now
    TxReceipt receipt = get(adapter.sendAndConfirm(s, Finality.confirmed(), TIMEOUT));
    assertTrue(receipt.isSuccess(), receipt.toString());
    assertEquals(42_000_000L, svm.balance(to.toBase58()));
    assertNotEquals(before, get(adapter.nonceValue(nonce)), "the nonce advanced");
    // the same signed transaction cannot land twice: its nonce is used
    ChainException again = failure(adapter.send(s));
    assertTrue(again.kind() == ErrorKind.EXPIRED || again.kind() == ErrorKind.REJECTED_BY_NODE, again.toString());
    // the rival, sent without preflight, is accepted but can never land: EXPIRED once the nonce moved on
    try (SvmChainAdapter noPreflight = SvmChainAdapter.builder(SvmRpcClient.create(svm.url())).skipPreflight(true)
        .pollInterval(Duration.ofMillis(100)).build()) {
      ChainException expired = failure(noPreflight.sendAndConfirm(rival, Finality.confirmed(), TIMEOUT));
      assertEquals(ErrorKind.EXPIRED, expired.kind(), expired.getMessage());
      assertEquals(42_000_000L, svm.balance(to.toBase58()), "the rival never landed");
    }
  }

  @Test
  void simulateReportsUnitsAndLogs() throws Exception {
    SoftwareSigner alice = funded(1_000_000_000L);
    TransactionRequest r = TransactionRequest.transfer(adapter.accountOf(pk(alice)), adapter.accountOf(pk(funded(0))),
        Amount.of(5_000_000L, Denomination.SOL)).withSigner(alice.descriptor());
    SimulationResult sim = get(adapter.simulate(get(adapter.build(r))));
    assertTrue(sim.isSuccess(), sim.toString());
    assertTrue(sim.unitsUsed() > 150, "units " + sim.unitsUsed());
    assertTrue(sim.logs().stream().anyMatch(l -> l.startsWith("Program 11111111111111111111111111111111 success")),
        sim.logs().toString());
  }

  @Test
  void aDroppedTransactionIsRebroadcastUntilItLands() throws Exception {
    SoftwareSigner alice = funded(1_000_000_000L);
    Pubkey bob = pk(funded(0));
    TransactionRequest r = TransactionRequest.transfer(adapter.accountOf(pk(alice)), adapter.accountOf(bob),
        Amount.of(7_000_000L, Denomination.SOL)).withSigner(alice.descriptor());
    SignedTransaction s = signed(get(adapter.build(r)), alice);
    svm.dropTransactions(1); // the first send is accepted and lost
    PendingTransaction p = get(adapter.send(s));
    TxReceipt receipt = get(adapter.waitFor(p, Finality.confirmed(), TIMEOUT));
    assertTrue(receipt.isSuccess(), receipt.toString());
    assertEquals(s.id(), receipt.transactionId(), "the same signature: it was not signed again");
    assertEquals(7_000_000L, svm.balance(bob.toBase58()));
  }

  @Test
  void anExpiredBlockhashIsReportedAsExpired() throws Exception {
    SoftwareSigner alice = funded(1_000_000_000L);
    Pubkey bob = pk(funded(0));
    TransactionRequest r = TransactionRequest.transfer(adapter.accountOf(pk(alice)), adapter.accountOf(bob),
        Amount.of(7_000_000L, Denomination.SOL)).withSigner(alice.descriptor());
    SignedTransaction s = signed(get(adapter.build(r)), alice);
    svm.dropTransactions(1);
    PendingTransaction p = get(adapter.send(s)); // accepted, never lands
    svm.advanceSlots(LiteSvm.BLOCKHASH_VALIDITY + 1);
    ChainException e = failure(adapter.waitFor(p, Finality.confirmed(), TIMEOUT));
    assertEquals(ErrorKind.EXPIRED, e.kind(), e.getMessage());
    assertEquals(s.id(), e.error().transactionId().get());
    assertEquals(0, svm.balance(bob.toBase58()), "it never landed");
    // sending it again is refused by the node's preflight as expired too
    assertEquals(ErrorKind.EXPIRED, failure(adapter.send(s)).kind());
  }

  @Test
  void theVmDispatcherRoutesSolanaChainIdsToTheAdapter() throws Exception {
    SoftwareSigner alice = funded(1_000_000_000L);
    Pubkey bob = pk(funded(0));
    ChainRegistry registry = ChainRegistry.create().register(adapter);
    AccountId from = adapter.accountOf(pk(alice));
    TxReceipt r = get(VmDispatcher.over(registry).submit(
        TransactionRequest.transfer(from, adapter.accountOf(bob), Amount.of(9_000_000L, Denomination.SOL)),
        alice, Finality.confirmed(), TIMEOUT));
    assertTrue(r.isSuccess(), r.toString());
    assertEquals(9_000_000L, svm.balance(bob.toBase58()));
    assertTrue(adapter.chainId().toString().startsWith("solana:"));
    // a program call through invoke: a memo signed by the caller
    dev.cairn.core.chain.ContractCall memo = adapter.callRequest(pk(alice),
        List.of(dev.cairn.svm.programs.MemoProgram.memo("cairn", List.of(pk(alice))))).call().get();
    dev.cairn.core.chain.CallResult<Void> invoked = get(VmDispatcher.over(registry).invoke(memo, alice, null));
    assertTrue(invoked.isSuccess(), invoked.toString());
  }
}
