package dev.cairn.hsm.ledger.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.abi.Address;
import dev.cairn.evm.EvmChainAdapter;
import dev.cairn.evm.fill.TxFiller;
import dev.cairn.evm.rpc.BlockId;
import dev.cairn.evm.rpc.EvmRpcClient;
import dev.cairn.evm.rpc.Hash32;
import dev.cairn.evm.rpc.Receipt;
import dev.cairn.evm.tx.SignedTransaction;
import dev.cairn.evm.tx.Transaction;
import dev.cairn.evm.tx.TxType;
import dev.cairn.hsm.emulator.EthereumEmulatorApp;
import dev.cairn.hsm.emulator.LedgerEmulator;
import dev.cairn.hsm.ledger.hid.HidTransport;
import dev.cairn.testing.node.Anvil;
import dev.cairn.testing.node.AnvilExtension;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * sdk-evm signs with the emulated Ledger (EthLedgerSigner over the in-memory HID pipe) exactly as
 * with a software key, and anvil mines the transactions: EIP-1559, EIP-2930 and legacy EIP-155.
 */
@ExtendWith(AnvilExtension.class)
class LedgerAnvilIT {
  static final Address RECIPIENT = Address.parse("0x000000000000000000000000000000000000f222");

  @Test
  void transactionsSignedByTheEmulatedLedgerAreMined(Anvil anvil) throws Exception {
    try (LedgerEmulator emu = LedgerEmulator.builder().app(EthereumEmulatorApp.create()).build();
        EvmChainAdapter adapter = EvmChainAdapter.builder(EvmRpcClient.create(anvil.url()))
            .receiptPollInterval(Duration.ofMillis(50)).closeRpcOnClose(true).build()) {
      EthLedgerSigner signer = EthLedgerSigner.open(EthApp.on(HidTransport.open(emu.hidDevice())), "m/44'/60'/0'/0/3");
      Address from = Address.parse(signer.address());
      anvil.rpc("anvil_setBalance", signer.address(), "0x8ac7230489e80000"); // 10 ETH
      EvmRpcClient rpc = adapter.rpc();
      TxFiller filler = TxFiller.create(rpc);
      BigInteger before = rpc.getBalance(RECIPIENT, BlockId.LATEST).send();
      long sent = 0;
      for (TxType type : new TxType[] {TxType.DYNAMIC_FEE, TxType.ACCESS_LIST, TxType.LEGACY}) {
        long value = 1000 + type.ordinal();
        Transaction tx = filler.fillBlocking(from, Transaction.builder().type(type).to(RECIPIENT).value(value)).build();
        assertEquals(type, tx.type());
        SignedTransaction st = tx.sign(signer);
        Hash32 h = rpc.sendRawTransaction(st.encoded()).send();
        Receipt r = adapter.awaitReceipt(h.toHex(), 1, Duration.ofSeconds(30)).get().receipt();
        assertTrue(r.isSuccess(), r.toString());
        sent += value;
      }
      assertEquals(before.add(BigInteger.valueOf(sent)), rpc.getBalance(RECIPIENT, BlockId.LATEST).send());
      assertEquals(3, emu.user().prompts().size());
      signer.close();
    }
  }
}
