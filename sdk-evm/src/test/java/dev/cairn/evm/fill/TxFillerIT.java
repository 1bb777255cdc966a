package dev.cairn.evm.fill;

import static dev.cairn.evm.testing.TestContracts.devAddress;
import static dev.cairn.evm.testing.TestContracts.devSigner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.abi.Address;
import dev.cairn.abi.ContractAbi;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.evm.EvmChainAdapter;
import dev.cairn.evm.rpc.BlockId;
import dev.cairn.evm.rpc.EvmRpcClient;
import dev.cairn.evm.rpc.Hash32;
import dev.cairn.evm.rpc.Receipt;
import dev.cairn.testing.node.Anvil;
import dev.cairn.testing.node.AnvilExtension;
import dev.cairn.evm.testing.TestContracts;
import dev.cairn.evm.tx.SignedTransaction;
import dev.cairn.evm.tx.Transaction;
import dev.cairn.evm.tx.TxType;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The filler against anvil: filled transfers and contract calls that the node accepts and mines. */
@ExtendWith(AnvilExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TxFillerIT {
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final Address RECIPIENT = Address.parse("0x000000000000000000000000000000000000f111");

  EvmChainAdapter adapter;
  EvmRpcClient rpc;

  @BeforeAll
  void start(Anvil anvil) {
    adapter = TestContracts.adapter(anvil);
    rpc = adapter.rpc();
  }

  @AfterAll
  void close() {
    adapter.close();
  }

  private Receipt sendAndWait(Transaction tx, SoftwareSigner signer) throws Exception {
    SignedTransaction st = tx.sign(signer);
    Hash32 h = rpc.sendRawTransaction(st.encoded()).send();
    Receipt r = adapter.awaitReceipt(h.toHex(), 1, TIMEOUT).get().receipt();
    assertTrue(r.isSuccess(), r.toString());
    return r;
  }

  @Test
  void fillsAndSendsATransfer() throws Exception {
    SoftwareSigner signer = devSigner(7);
    Address from = devAddress(7);
    TxFiller filler = TxFiller.create(rpc); // asks the node for everything, chain id included
    BigInteger before = rpc.getBalance(RECIPIENT, BlockId.LATEST).send();
    long nonce = rpc.getTransactionCount(from, BlockId.PENDING).send();
    Transaction tx = filler.fill(from, Transaction.builder().to(RECIPIENT).value(12_345)).get().build();
    assertEquals(TxType.DYNAMIC_FEE, tx.type()); // anvil has a base fee
    assertEquals(Anvil.CHAIN_ID, tx.chainId());
    assertEquals(nonce, tx.nonce());
    assertEquals(25_200, tx.gasLimit()); // 21000 + 20%
    BigInteger base = rpc.getHeaderByNumber(BlockId.LATEST).send().orElseThrow().baseFeePerGas().orElseThrow();
    assertTrue(tx.maxFeePerGas().compareTo(base.add(tx.maxPriorityFeePerGas())) >= 0, tx.toString());
    Receipt r = sendAndWait(tx, signer);
    assertEquals(21_000, r.gasUsed());
    assertEquals(before.add(BigInteger.valueOf(12_345)), rpc.getBalance(RECIPIENT, BlockId.LATEST).send());

    // the blocking path fills the next one on this thread, with the next nonce
    Transaction next = filler.fillBlocking(from, Transaction.builder().to(RECIPIENT).value(1)).build();
    assertEquals(nonce + 1, next.nonce());
    sendAndWait(next, signer);
  }

  @Test
  void fillsAndSendsAContractCall() throws Exception {
    SoftwareSigner owner = devSigner(8);
    Address from = devAddress(8);
    // the deploy goes through the adapter's filler too (creation: no recipient)
    Receipt d = adapter.deploy(owner, TestContracts.tokenInitCode("Fill", "FIL", 18, BigInteger.TEN.pow(21)), TIMEOUT).get();
    Address token = d.contractAddress().orElseThrow();
    ContractAbi abi = TestContracts.tokenAbi();
    byte[] data = abi.function("transfer").orElseThrow().encodeCall(RECIPIENT, BigInteger.valueOf(777));
    TxFiller filler = TxFiller.builder(rpc).chainId(Anvil.CHAIN_ID).gasMarginPercent(10).build();
    Transaction tx = filler.fillBlocking(from, Transaction.builder().to(token).data(data)).build();
    assertTrue(tx.gasLimit() > 21_000, tx.toString());
    Receipt r = sendAndWait(tx, owner);
    assertTrue(r.gasUsed() <= tx.gasLimit() && r.gasUsed() * 11 / 10 <= tx.gasLimit() + 1, r.gasUsed() + " vs " + tx.gasLimit());
    byte[] ret = adapter.call(token, abi.function("balanceOf").orElseThrow().encodeCall(RECIPIENT)).get();
    assertEquals(BigInteger.valueOf(777), abi.function("balanceOf").orElseThrow().decodeReturn(ret).getBigInteger(0));
  }

  @Test
  void fillsALegacyTransactionOnAChainWithoutBaseFee() throws Exception {
    try (Anvil berlin = Anvil.start("--hardfork", "berlin");
        EvmChainAdapter legacyChain = TestContracts.adapter(berlin)) {
      TxFiller filler = legacyChain.filler();
      Transaction.Builder b = Transaction.builder().to(RECIPIENT).value(5);
      dev.cairn.evm.nonce.Submission sent = legacyChain.submitBlocking(b, devSigner(1));
      // accepted is not yet mined: wait (bounded) for the receipt before reading the balance
      Hash32 hash = Hash32.parse(sent.hash());
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (legacyChain.rpc().getTransactionReceipt(hash).send().isEmpty()) {
        assertTrue(System.nanoTime() < deadline, "no receipt for " + hash + " within " + TIMEOUT);
        Thread.sleep(20);
      }
      Transaction tx = b.build();
      assertEquals(TxType.LEGACY, tx.type());
      assertTrue(tx.isEip155());
      assertEquals(legacyChain.rpc().gasPrice().send(), tx.gasPrice());
      assertEquals(25_200, tx.gasLimit());
      assertEquals(BigInteger.valueOf(5), legacyChain.rpc().getBalance(RECIPIENT, BlockId.LATEST).send());
      assertTrue(filler.toString().contains("31337"), filler.toString());
    }
  }
}
