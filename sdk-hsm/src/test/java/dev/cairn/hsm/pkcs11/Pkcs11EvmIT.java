package dev.cairn.hsm.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.abi.Address;
import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.Denomination;
import dev.cairn.core.chain.Finality;
import dev.cairn.core.chain.PendingTransaction;
import dev.cairn.core.chain.TransactionRequest;
import dev.cairn.core.chain.TxReceipt;
import dev.cairn.core.chain.UnsignedTransaction;
import dev.cairn.core.crypto.Secp256k1PrivateKey;
import dev.cairn.core.signer.KeyType;
import dev.cairn.core.signer.Signers;
import dev.cairn.core.signer.SoftwareSigner;
import dev.cairn.evm.EvmChainAdapter;
import dev.cairn.evm.rpc.EvmRpcClient;
import dev.cairn.testing.node.Anvil;
import dev.cairn.testing.node.AnvilExtension;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An EVM transaction signed by a secp256k1 key generated in SoftHSM2, mined by anvil. */
@ExtendWith(AnvilExtension.class)
class Pkcs11EvmIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void aTransferSignedInSoftHsmIsMinedFromTheHsmAddress(Anvil anvil) throws Exception {
    try (EvmChainAdapter adapter = EvmChainAdapter.builder(EvmRpcClient.create(anvil.url()))
        .receiptPollInterval(Duration.ofMillis(50)).closeRpcOnClose(true).build();
        Pkcs11Signer hsm = Pkcs11Signer.open(SoftHsm.config(), Pkcs11Key.generate(KeyType.SECP256K1,
            SoftHsm.uniqueLabel("evm")), SoftHsm.pin())) {
      AccountId hsmAccount = adapter.accountOf(hsm);
      // fund the HSM's address from a dev account
      SoftwareSigner dev = Signers.software(Secp256k1PrivateKey.of(Anvil.devKey(3)));
      Amount funding = Amount.of(BigInteger.TEN.pow(18), Denomination.ETH);
      PendingTransaction fund = adapter.send(adapter.sign(adapter.build(
          TransactionRequest.transfer(adapter.accountOf(dev), hsmAccount, funding)).get(), dev).get()).get();
      assertTrue(adapter.waitFor(fund, Finality.included(), TIMEOUT).get().isSuccess());
      // ten transfers signed in the token: about half need recovery id 1, all must come from the HSM address
      AccountId to = adapter.accountOf(Address.parse("0x000000000000000000000000000000000000beef"));
      Amount before = adapter.balance(to).get();
      Amount value = Amount.of(BigInteger.valueOf(1_000_000_007L), Denomination.ETH);
      for (int i = 0; i < 10; i++) {
        UnsignedTransaction u = adapter.build(TransactionRequest.transfer(hsmAccount, to, value)).get();
        PendingTransaction p = adapter.send(adapter.sign(u, hsm).get()).get();
        TxReceipt receipt = adapter.waitFor(p, Finality.included(), TIMEOUT).get();
        assertTrue(receipt.isSuccess(), receipt.toString());
      }
      assertEquals(before.units().add(value.units().multiply(BigInteger.TEN)), adapter.balance(to).get().units());
      assertEquals(10, adapter.nextNonce(hsmAccount).get());
    }
  }
}
