package dev.cairn.evm;

import static dev.cairn.evm.testing.TestContracts.devAddress;
import static dev.cairn.evm.testing.TestContracts.devSigner;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.abi.Address;
import dev.cairn.abi.ContractAbi;
import dev.cairn.abi.DecodedLog;
import dev.cairn.abi.Function;
import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.CallPayload;
import dev.cairn.core.chain.CallResult;
import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainRegistry;
import dev.cairn.core.chain.ContractCall;
import dev.cairn.core.chain.Denomination;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.chain.Finality;
import dev.cairn.core.chain.PendingTransaction;
import dev.cairn.core.chain.ValidityWindow;
import dev.cairn.core.chain.Fee;
import dev.cairn.core.chain.FeeEstimate;
import dev.cairn.core.chain.TransactionRequest;
import dev.cairn.core.chain.TxReceipt;
import dev.cairn.core.chain.UnsignedTransaction;
import dev.cairn.core.chain.VmDispatcher;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.hash.Keccak256;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.evm.contract.Multicall3;
import dev.cairn.evm.nonce.Submission;
import dev.cairn.evm.rpc.AccountProof;
import dev.cairn.evm.rpc.Block;
import dev.cairn.evm.rpc.BlockHeader;
import dev.cairn.evm.rpc.BlockId;
import dev.cairn.evm.rpc.Hash32;
import dev.cairn.evm.rpc.Log;
import dev.cairn.evm.rpc.Receipt;
import dev.cairn.evm.rpc.RpcTransaction;
import dev.cairn.testing.node.Anvil;
import dev.cairn.testing.node.AnvilExtension;
import dev.cairn.evm.testing.TestContracts;
import dev.cairn.evm.trie.AccountState;
import dev.cairn.evm.trie.StateProofs;
import dev.cairn.evm.trie.TrieProofException;
import dev.cairn.evm.tx.Authorization;
import dev.cairn.evm.tx.Transaction;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** EvmChainAdapter against a real node: deploy, transfer, read, revert decoding, proofs, 1559 and 7702. */
@ExtendWith(AnvilExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvmChainAdapterIT {
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final BigInteger SUPPLY = BigInteger.TEN.pow(24);

  Anvil anvil;
  EvmChainAdapter adapter;
  ContractAbi abi;
  Address token;
  SoftwareSigner owner;

  @BeforeAll
  void deploy(Anvil anvil) throws Exception {
    this.anvil = anvil;
    adapter = TestContracts.adapter(anvil);
    abi = TestContracts.tokenAbi();
    owner = devSigner(0);
    Receipt r = adapter.deploy(owner, TestContracts.tokenInitCode("Cairn Test", "CTT", 18, SUPPLY), TIMEOUT).get();
    token = r.contractAddress().orElseThrow();
    adapter.registerAbi(token, abi);
  }

  @AfterAll
  void close() {
    adapter.close();
  }

  private byte[] encode(String fn, Object... args) {
    return abi.function(fn).orElseThrow().encodeCall(args);
  }

  private BigInteger tokenBalance(Address who) throws Exception {
    byte[] ret = adapter.call(token, encode("balanceOf", who)).get();
    return abi.function("balanceOf").orElseThrow().decodeReturn(ret).getBigInteger(0);
  }

  private static ChainException chainFailure(Throwable t) {
    while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return assertInstanceOf(ChainException.class, t);
  }

  @Test
  void identity() {
    assertEquals("eip155:31337", adapter.chainId().toString());
    AccountId me = adapter.accountOf(owner);
    assertEquals(devAddress(0).toChecksumString(), me.address());
    assertEquals(Denomination.ETH, adapter.nativeDenomination());
  }

  @Test
  void nativeTransferThroughTheChainNeutralFlow() throws Exception {
    SoftwareSigner alice = devSigner(1);
    AccountId from = adapter.accountOf(alice);
    AccountId to = adapter.accountOf(Address.parse("0x000000000000000000000000000000000000c0de"));
    Amount before = adapter.balance(to).get();
    Amount value = Amount.of(BigInteger.valueOf(1_234_567_890_000L), Denomination.ETH);
    TransactionRequest req = TransactionRequest.transfer(from, to, value);
    FeeEstimate fees = adapter.estimateFee(req).get();
    assertEquals(21_000 * 120 / 100, fees.normal().limit()); // estimate + 20% margin
    long nonce = adapter.nextNonce(from).get();
    UnsignedTransaction u = adapter.build(req).get();
    assertEquals(nonce, ((EvmUnsignedTransaction) u).transaction().nonce());
    PendingTransaction pending = adapter.send(adapter.sign(u, alice).get()).get();
    assertTrue(pending.validity().isUnbounded());
    TxReceipt receipt = adapter.waitFor(pending, Finality.included(), TIMEOUT).get();
    assertTrue(receipt.isSuccess(), receipt.toString());
    assertEquals(21_000, receipt.gasUsed());
    assertTrue(receipt.feePaid().units().signum() > 0);
    assertEquals(before.units().add(value.units()), adapter.balance(to).get().units());
    assertEquals(nonce + 1, adapter.nextNonce(from).get());
    // a 1559 transaction: type 2 with the suggested fees
    Receipt raw = adapter.rpc().getTransactionReceipt(Hash32.parse(pending.transactionId())).send().orElseThrow();
    assertEquals(2, raw.type());
  }

  @Test
  void erc20TransferThroughVmDispatcherWithDecodedLogs() throws Exception {
    VmDispatcher vm = VmDispatcher.over(ChainRegistry.create().register(adapter));
    Address bob = devAddress(2);
    BigInteger amount = BigInteger.valueOf(5_000);
    BigInteger ownerBefore = tokenBalance(devAddress(0));
    ContractCall transfer = ContractCall.of(adapter.accountOf(token), CallPayload.evm(encode("transfer", bob, amount)));
    CallResult<Object> result = vm.invoke(transfer, owner, null).get();
    assertTrue(result.isSuccess(), String.valueOf(result));
    TxReceipt receipt = result.receipt().orElseThrow();
    // the logs: Transfer(owner, bob, amount)
    Receipt raw = adapter.rpc().getTransactionReceipt(Hash32.parse(receipt.transactionId())).send().orElseThrow();
    assertEquals(1, raw.logs().size());
    Log log = raw.logs().get(0);
    List<byte[]> topics = new ArrayList<>();
    for (Hash32 h : log.topics()) {
      topics.add(h.bytes());
    }
    DecodedLog decoded = abi.decodeLog(topics, log.data());
    assertEquals("Transfer", decoded.event().name());
    assertEquals(devAddress(0), decoded.get("from"));
    assertEquals(bob, decoded.get("to"));
    assertEquals(amount, decoded.get("value"));
    // reads through the dispatcher
    ContractCall balanceOf = ContractCall.of(adapter.accountOf(token), CallPayload.evm(encode("balanceOf", bob)));
    CallResult<BigInteger> bal = vm.query(balanceOf,
        raw2 -> abi.function("balanceOf").orElseThrow().decodeReturn(raw2).getBigInteger(0)).get();
    assertTrue(bal.valueOrThrow().compareTo(amount) >= 0);
    assertEquals(ownerBefore.subtract(amount), tokenBalance(devAddress(0)));
    // decimals/name/symbol
    assertEquals(18L, ((Number) abi.function("decimals").orElseThrow().decodeReturn(adapter.call(token, encode("decimals")).get()).get(0)).longValue());
    assertEquals("CTT", abi.function("symbol").orElseThrow().decodeReturn(adapter.call(token, encode("symbol")).get()).getString(0));
  }

  @Test
  void revertsAreDecoded() throws Exception {
    Address stranger = devAddress(7);
    // require message
    ChainException e = chainFailure(assertThrows(ExecutionException.class, () -> adapter.call(
        dev.cairn.evm.rpc.CallRequest.builder().from(stranger).to(token)
            .data(encode("transferFrom", devAddress(0), stranger, BigInteger.ONE)).build(), BlockId.LATEST, token).get()));
    assertEquals(ErrorKind.REVERTED, e.kind());
    assertEquals("TestToken: insufficient allowance", e.error().revertReason().orElseThrow());
    // custom error with arguments
    e = chainFailure(assertThrows(ExecutionException.class, () -> adapter.call(
        dev.cairn.evm.rpc.CallRequest.builder().from(stranger).to(token)
            .data(encode("transfer", devAddress(0), BigInteger.TEN)).build(), BlockId.LATEST, token).get()));
    assertEquals(ErrorKind.REVERTED, e.kind());
    assertEquals("InsufficientBalance(account=" + stranger.toChecksumString() + ", balance=0, needed=10)", e.error().revertReason().orElseThrow());
    // custom error from estimateGas (the same decoding), with no ABI registered it is named by selector
    e = chainFailure(assertThrows(ExecutionException.class, () -> adapter.estimateGas(
        dev.cairn.evm.rpc.CallRequest.builder().from(stranger).to(token).data(encode("mint", stranger, BigInteger.ONE)).build(),
        token).get()));
    assertEquals("Unauthorized(caller=" + stranger.toChecksumString() + ")", e.error().revertReason().orElseThrow());
    e = chainFailure(assertThrows(ExecutionException.class, () -> adapter.estimateGas(
        dev.cairn.evm.rpc.CallRequest.builder().from(stranger).to(token).data(encode("mint", stranger, BigInteger.ONE)).build(),
        null).get()));
    assertEquals("custom error 0x" + Hex.encode(abi.error("Unauthorized").orElseThrow().selector()),
        e.error().revertReason().orElseThrow());
    // panics
    String[][] panics = {{"divide", "panic 0x12: division or modulo by zero"}, {"checked", "panic 0x1: assertion failed"},
        {"slotAt", "panic 0x32: array index out of bounds"}};
    Object[][] args = {{BigInteger.ONE, BigInteger.ZERO}, {false}, {BigInteger.valueOf(5)}};
    for (int i = 0; i < panics.length; i++) {
      byte[] data = encode(panics[i][0], args[i]);
      CallResultHolder h = new CallResultHolder(adapter.query(ContractCall.of(adapter.accountOf(token), CallPayload.evm(data))).get().error());
      assertEquals(ErrorKind.REVERTED, h.error.kind(), panics[i][0]);
      assertEquals(panics[i][1], h.error.revertReason().orElseThrow(), panics[i][0]);
    }
    // estimateFee of a reverting request
    TransactionRequest bad = TransactionRequest.contractCall(adapter.accountOf(stranger),
        ContractCall.of(adapter.accountOf(token), CallPayload.evm(encode("transfer", devAddress(0), BigInteger.TEN))));
    e = chainFailure(assertThrows(ExecutionException.class, () -> adapter.estimateFee(bad).get()));
    assertEquals(ErrorKind.REVERTED, e.kind());
    assertTrue(e.error().revertReason().orElseThrow().startsWith("InsufficientBalance("));
  }

  private static final class CallResultHolder {
    final ChainError error;

    CallResultHolder(Optional<ChainError> e) {
      this.error = e.orElseThrow(() -> new AssertionError("expected a failure"));
    }
  }

  @Test
  void minedRevertCarriesTheReason() throws Exception {
    SoftwareSigner poor = devSigner(8);
    AccountId from = adapter.accountOf(poor);
    TransactionRequest req = TransactionRequest.contractCall(from,
        ContractCall.of(adapter.accountOf(token), CallPayload.evm(encode("transfer", devAddress(0), BigInteger.TEN))))
        .withFee(Fee.of(Denomination.ETH, 100_000, new BigDecimal("30000000000"), new BigDecimal("1000000000"), BigInteger.ZERO));
    UnsignedTransaction u = adapter.build(req).get();
    PendingTransaction pending = adapter.send(adapter.sign(u, poor).get()).get();
    String id = pending.transactionId();
    TxReceipt r = adapter.waitFor(pending, Finality.confirmations(1), TIMEOUT).get();
    assertFalse(r.isSuccess());
    ChainError err = r.error().orElseThrow();
    assertEquals(ErrorKind.REVERTED, err.kind());
    assertEquals("InsufficientBalance(account=" + devAddress(8).toChecksumString() + ", balance=0, needed=10)", err.revertReason().orElseThrow());
    assertEquals(id, err.transactionId().orElseThrow());
  }

  @Test
  void proofsVerifyAgainstTheStateRoot() throws Exception {
    Address me = devAddress(0);
    AccountState acct = adapter.verifiedAccount(me, BlockId.LATEST).get().orElseThrow();
    assertEquals(adapter.rpc().getBalance(me, BlockId.LATEST).send(), acct.balance());
    assertFalse(acct.hasCode());
    AccountState tokenState = adapter.verifiedAccount(token, BlockId.LATEST).get().orElseThrow();
    assertTrue(tokenState.hasCode());
    // balanceOf[me] lives at keccak(pad(me) ++ pad(3)) (slot 3 in TestToken's layout)
    byte[] key = new byte[64];
    System.arraycopy(me.bytes(), 0, key, 12, 20);
    key[63] = 3;
    Hash32 slot = Hash32.of(Keccak256.hash(key));
    assertEquals(tokenBalance(me), adapter.verifiedStorage(token, slot, BlockId.LATEST).get());
    // an empty slot and an absent account prove zero / absence
    assertEquals(BigInteger.ZERO, adapter.verifiedStorage(token, Hash32.of(Keccak256.hash(new byte[] {1})), BlockId.LATEST).get());
    Address nobody = Address.parse("0x00000000000000000000000000000000deadbeef");
    assertTrue(adapter.verifiedAccount(nobody, BlockId.LATEST).get().isEmpty());

    // tampering with the node's answer is caught
    long head = adapter.rpc().blockNumber().send();
    byte[] root = adapter.rpc().getHeaderByNumber(BlockId.number(head)).send().orElseThrow().stateRoot().bytes();
    AccountProof p = adapter.rpc().getProof(me, List.of(), BlockId.number(head)).send();
    AccountState claimed = AccountState.of(p.nonce(), p.balance(), p.storageHash().bytes(), p.codeHash().bytes());
    StateProofs.checkAccount(root, me.bytes(), claimed, p.accountProof());
    AccountState richer = AccountState.of(p.nonce(), p.balance().add(BigInteger.ONE), p.storageHash().bytes(), p.codeHash().bytes());
    assertEquals(TrieProofException.Reason.VALUE_MISMATCH, assertThrows(TrieProofException.class,
        () -> StateProofs.checkAccount(root, me.bytes(), richer, p.accountProof())).reason());
    List<byte[]> bad = new ArrayList<>(p.accountProof());
    byte[] last = bad.get(bad.size() - 1).clone();
    last[last.length - 1] ^= 1;
    bad.set(bad.size() - 1, last);
    assertThrows(TrieProofException.class, () -> StateProofs.checkAccount(root, me.bytes(), claimed, bad));
    byte[] otherRoot = root.clone();
    otherRoot[5] ^= 1;
    assertEquals(TrieProofException.Reason.HASH_MISMATCH, assertThrows(TrieProofException.class,
        () -> StateProofs.checkAccount(otherRoot, me.bytes(), claimed, p.accountProof())).reason());
  }

  @Test
  void eip7702DelegationIsMined() throws Exception {
    Receipt d = adapter.deploy(devSigner(3), TestContracts.delegateInitCode(), TIMEOUT).get();
    Address delegate = d.contractAddress().orElseThrow();
    SoftwareSigner authoritySigner = devSigner(5);
    Address authority = devAddress(5);
    long authNonce = adapter.rpc().getTransactionCount(authority, BlockId.PENDING).send();
    Authorization auth = Authorization.sign(BigInteger.valueOf(adapter.chainIdNumber()), delegate, authNonce, authoritySigner);
    assertEquals(authority, auth.authority());
    ContractAbi dabi = TestContracts.delegateAbi();
    Submission s = adapter.submit(Transaction.eip7702()
        .gasLimit(200_000)
        .maxFeePerGas(BigInteger.valueOf(30_000_000_000L))
        .maxPriorityFeePerGas(BigInteger.valueOf(1_000_000_000L))
        .to(authority)
        .data(dabi.function("ping").orElseThrow().encodeCall())
        .authorizationList(List.of(auth)), devSigner(4)).get();
    Receipt r = adapter.awaitReceipt(s.hash(), 1, TIMEOUT).get().receipt();
    assertTrue(r.isSuccess(), r.toString());
    assertEquals(4, r.type());
    // the EOA now carries the delegation designator 0xef0100 || delegate
    byte[] code = adapter.rpc().getCode(authority, BlockId.LATEST).send();
    assertArrayEquals(Hex.decode("ef0100" + delegate.toHexLowercase().substring(2)), code);
    // and the call ran the delegate's code with address(this) == the EOA
    Log log = r.logs().get(0);
    assertEquals(authority, log.address());
    List<byte[]> topics = new ArrayList<>();
    for (Hash32 h : log.topics()) {
      topics.add(h.bytes());
    }
    DecodedLog pinged = dabi.decodeLog(topics, log.data());
    assertEquals(authority, pinged.get("self"));
    assertEquals(devAddress(4), pinged.get("caller"));

    // the node reports the transaction with the authorization list exactly as signed
    RpcTransaction tx = adapter.rpc().getTransactionByHash(Hash32.parse(s.hash())).send().orElseThrow();
    assertEquals(4, tx.type());
    assertEquals(adapter.chainIdNumber(), tx.chainId().orElseThrow());
    assertEquals(devAddress(4), tx.from());
    assertEquals(authority, tx.to().orElseThrow());
    assertEquals(List.of(auth), tx.authorizationList());
    assertEquals(authority, tx.authorizationList().get(0).authority());
    assertTrue(tx.yParity().isPresent());
    assertEquals(r.blockHash(), tx.blockHash().orElseThrow());

    // its block (Prague or later on anvil): withdrawals present (none on a dev chain), blob gas fields decoded
    Block block = adapter.rpc().getBlockByHash(r.blockHash(), true).send().orElseThrow();
    assertEquals(r.blockNumber(), block.number());
    assertEquals(List.of(), block.withdrawals().orElseThrow());
    BlockHeader h = block.header();
    assertTrue(h.withdrawalsRoot().isPresent());
    assertEquals(0L, h.blobGasUsed().orElseThrow()); // no blob transactions in this block
    assertTrue(h.excessBlobGas().isPresent());
    assertTrue(h.parentBeaconBlockRoot().isPresent());
    assertTrue(h.requestsHash().isPresent());
    RpcTransaction inBlock = block.transactions().get(r.transactionIndex());
    assertEquals(tx.hash(), inBlock.hash());
    assertEquals(List.of(auth), inBlock.authorizationList());
  }

  @Test
  void multicallBatchesReads() throws Exception {
    TestContracts.ensureMulticall3(anvil, adapter.rpc());
    Function balanceOf = abi.function("balanceOf").orElseThrow();
    List<Multicall3.Call> calls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      calls.add(Multicall3.Call.of(token, balanceOf.encodeCall(devAddress(i)), false));
    }
    calls.add(Multicall3.Call.of(token, encode("divide", BigInteger.ONE, BigInteger.ZERO), true));
    List<Multicall3.Result> results = adapter.multicall(calls).get();
    for (int i = 0; i < 4; i++) {
      assertTrue(results.get(i).success());
      assertEquals(tokenBalance(devAddress(i)), balanceOf.decodeReturn(results.get(i).returnData()).getBigInteger(0));
    }
    assertFalse(results.get(4).success());
    assertEquals("panic 0x12: division or modulo by zero",
        dev.cairn.evm.contract.RevertDecoder.reason(results.get(4).returnData(), abi).orElseThrow());
    // a failing call that may not fail reverts the batch with Multicall3's own message
    List<Multicall3.Call> strict = List.of(Multicall3.Call.of(token, encode("divide", BigInteger.ONE, BigInteger.ZERO), false));
    ChainException e = chainFailure(assertThrows(ExecutionException.class, () -> adapter.multicall(strict).get()));
    assertEquals("Multicall3: call failed", e.error().revertReason().orElseThrow());
  }

  @Test
  void erc20Helper() throws Exception {
    TestContracts.ensureMulticall3(anvil, adapter.rpc());
    dev.cairn.evm.contract.Erc20Token erc20 = dev.cairn.evm.contract.Erc20Token.at(adapter, token);
    assertEquals("Cairn Test", erc20.name().get());
    assertEquals("CTT", erc20.symbol().get());
    assertEquals(18, erc20.decimals().get());
    assertEquals(SUPPLY, erc20.totalSupply().get());
    Address carol = devAddress(9);
    BigInteger before = erc20.balanceOf(carol).get();
    Submission s = erc20.transfer(owner, carol, BigInteger.valueOf(42)).get();
    Receipt r = adapter.awaitReceipt(s.hash(), 1, TIMEOUT).get().receipt();
    assertTrue(r.isSuccess());
    List<byte[]> topics = new ArrayList<>();
    r.logs().get(0).topics().forEach(t -> topics.add(t.bytes()));
    assertEquals(carol, dev.cairn.evm.contract.Erc20Token.decodeTransfer(topics, r.logs().get(0).data()).to());
    assertEquals(before.add(BigInteger.valueOf(42)), erc20.balanceOf(carol).get());
    assertEquals(List.of(erc20.balanceOf(devAddress(0)).get(), before.add(BigInteger.valueOf(42))),
        erc20.balancesOf(List.of(devAddress(0), carol)).get());
    Submission a = erc20.approve(owner, carol, BigInteger.TEN).get();
    adapter.awaitReceipt(a.hash(), 1, TIMEOUT).get();
    assertEquals(BigInteger.TEN, erc20.allowance(devAddress(0), carol).get());
    // a transfer beyond the balance fails before sending, with the token's custom error
    ChainException e = chainFailure(assertThrows(ExecutionException.class,
        () -> erc20.transfer(devSigner(9), devAddress(0), BigInteger.TEN.pow(30)).get()));
    assertEquals(ErrorKind.REVERTED, e.kind());
    assertTrue(e.error().revertReason().orElseThrow().startsWith("InsufficientBalance(account=" + carol.toChecksumString()));
  }

  @Test
  void badInputIsTyped() {
    assertThrows(ChainException.class, () -> adapter.addressOf(AccountId.parse("eip155:1:0x000000000000000000000000000000000000c0de")));
    ChainException e = chainFailure(assertThrows(ExecutionException.class,
        () -> adapter.waitFor(PendingTransaction.of(adapter.chainId(), "0x12", null, ValidityWindow.none()), Finality.included(), TIMEOUT).get()));
    assertEquals(ErrorKind.INVALID_INPUT, e.kind());
    e = chainFailure(assertThrows(ExecutionException.class,
        () -> adapter.waitFor(PendingTransaction.of(adapter.chainId(), "0x" + "00".repeat(32), null, ValidityWindow.none()),
            Finality.included(), Duration.ofMillis(300)).get()));
    assertEquals(ErrorKind.TIMEOUT, e.kind());
    e = chainFailure(assertThrows(ExecutionException.class,
        () -> adapter.waitFor(PendingTransaction.of(adapter.chainId(), "0x" + "00".repeat(32), null, ValidityWindow.none()),
            Finality.finalized(), Duration.ofMillis(300)).get()));
    assertEquals(ErrorKind.UNSUPPORTED, e.kind());
  }
}
