package dev.cairn.hsm.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.ChainId;
import dev.cairn.core.signer.KeyType;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.rpc.Commitment;
import dev.cairn.svm.rpc.LatestBlockhash;
import dev.cairn.svm.rpc.SignatureStatus;
import dev.cairn.svm.rpc.SvmRpcClient;
import dev.cairn.svm.tx.Message;
import dev.cairn.svm.tx.Transaction;
import dev.cairn.testing.node.LiteSvm;
import dev.cairn.testing.node.LiteSvmExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A Solana transfer signed by an Ed25519 key generated in SoftHSM2, executed by LiteSVM. */
@ExtendWith(LiteSvmExtension.class)
class Pkcs11SolanaIT {

  @Test
  void aTransferSignedInSoftHsmIsExecuted(LiteSvm svm) {
    try (SvmRpcClient rpc = SvmRpcClient.builder(svm.url()).commitment(Commitment.CONFIRMED).build();
        Pkcs11Signer hsm = Pkcs11Signer.open(SoftHsm.config(), Pkcs11Key.generate(KeyType.ED25519,
            SoftHsm.uniqueLabel("sol")), SoftHsm.pin())) {
      Pubkey payer = Pubkey.of(hsm.publicKey());
      rpc.requestAirdrop(payer, 1_000_000_000L).send();
      Pubkey to = Pubkey.of(new byte[] {
          7, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31});
      LatestBlockhash bh = rpc.getLatestBlockhash().send();
      Transaction tx = Transaction.unsigned(Message.compileLegacy(payer,
          List.of(SystemProgram.transfer(payer, to, 123_456_789L)), bh.blockhash())).sign(hsm, ChainId.SOLANA_DEVNET);
      assertTrue(tx.isFullySigned());
      assertTrue(tx.verifySignatures());
      String sig = rpc.sendTransaction(tx).send();
      SignatureStatus st = rpc.getSignatureStatuses(List.of(sig)).send().get(0)
          .orElseThrow(() -> new AssertionError("did not land: " + svm.log()));
      assertTrue(st.isSuccess(), () -> "failed: " + st);
      assertEquals(123_456_789L, rpc.getBalance(to).send());
      assertEquals(1_000_000_000L - 123_456_789L - 5_000L, rpc.getBalance(payer).send());
    }
  }
}
