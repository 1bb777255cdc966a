package dev.cairn.hsm.ledger.solana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.ChainId;
import dev.cairn.core.hd.DerivationPath;
import dev.cairn.core.signer.SignerException;
import dev.cairn.hsm.emulator.LedgerEmulator;
import dev.cairn.hsm.emulator.ScriptedUser;
import dev.cairn.hsm.emulator.SolanaEmulatorApp;
import dev.cairn.hsm.ledger.hid.HidTransport;
import dev.cairn.svm.Keypair;
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
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * End to end: a Solana transfer signed by the emulated Ledger (sdk-svm's {@code Transaction.sign(Signer,
 * cluster)} through {@link SolanaLedgerSigner}, app client, HID framing, in-memory HID pipe,
 * emulator with blind signing disabled: the app must parse the message) is executed by LiteSVM.
 */
@ExtendWith(LiteSvmExtension.class)
class SolanaLedgerLiteSvmIT {
  private static final ChainId CLUSTER = ChainId.SOLANA_DEVNET;
  private static SvmRpcClient rpc;
  private static LiteSvm node;

  @BeforeAll
  static void connect(LiteSvm svm) {
    node = svm;
    rpc = SvmRpcClient.builder(svm.url()).commitment(Commitment.CONFIRMED).build();
  }

  @AfterAll
  static void close() {
    rpc.close();
  }

  @Test
  void transferSignedByTheEmulatedLedgerIsExecuted() {
    try (LedgerEmulator emu = LedgerEmulator.builder().app(SolanaEmulatorApp.create()).build();
        SolanaLedgerSigner ledger = SolanaLedgerSigner.open(SolanaApp.over(HidTransport.open(emu.hidDevice())),
            DerivationPath.parse("m/44'/501'/0'/0'"))) {
      Pubkey from = Pubkey.of(ledger.publicKey());
      Pubkey to = Keypair.generate(new SecureRandom()).publicKey();
      rpc.requestAirdrop(from, 2_000_000_000L).send();
      LatestBlockhash bh = rpc.getLatestBlockhash().send();
      Transaction tx = Transaction.unsigned(Message.compileLegacy(from,
          List.of(SystemProgram.transfer(from, to, 123_456_789L)), bh.blockhash()));
      Transaction signed = tx.sign(ledger, CLUSTER);
      String sig = rpc.sendTransaction(signed).send();
      SignatureStatus st = rpc.getSignatureStatuses(List.of(sig)).send().get(0)
          .orElseThrow(() -> new AssertionError("did not land: " + node.log()));
      assertTrue(st.isSuccess(), () -> "failed: " + st);
      assertEquals(123_456_789L, rpc.getBalance(to).send());
      assertEquals(2_000_000_000L - 123_456_789L - 5_000L, rpc.getBalance(from).send());
      assertEquals(1, emu.user().prompts().size());
      assertTrue(emu.user().prompts().get(0).contains("System transfer of 123456789 lamports to " + to.toBase58()),
          emu.user().prompts().toString());

      emu.user().script(ScriptedUser.Decision.REJECT);
      Transaction again = Transaction.unsigned(Message.compileLegacy(from,
          List.of(SystemProgram.transfer(from, to, 1L)), rpc.getLatestBlockhash().send().blockhash()));
      SignerException e = assertThrows(SignerException.class, () -> again.sign(ledger, CLUSTER));
      assertEquals(SignerException.Reason.REJECTED_BY_USER, e.reason());
      assertEquals(dev.cairn.core.chain.ErrorKind.SIGNER_REJECTED,
          dev.cairn.core.chain.ChainErrors.fromThrowable(CLUSTER, e).kind());
    }
  }
}
