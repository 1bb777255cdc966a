package dev.cairn.hsm.ledger.solana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.crypto.Ed25519PublicKey;
import dev.cairn.hsm.emulator.LedgerEmulator;
import dev.cairn.hsm.emulator.SolanaEmulatorApp;
import dev.cairn.hsm.ledger.LedgerException;
import dev.cairn.svm.Keypair;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.programs.ComputeBudgetProgram;
import dev.cairn.svm.programs.MemoProgram;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.tx.AddressLookupTable;
import dev.cairn.svm.tx.Blockhash;
import dev.cairn.svm.tx.Message;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The emulated Solana app, blind signing disabled, reads the messages sdk-svm compiles (legacy and
 * v0 with lookup tables, several instructions) and signs them; a truncated or extended message does
 * not parse and needs blind signing (0x6808), as on the device.
 */
class SolanaEmulatorMessagesTest {
  @Test
  void compiledMessagesParseAndCorruptedOnesNeedBlindSigning() {
    SecureRandom random = new SecureRandom();
    try (LedgerEmulator emu = LedgerEmulator.builder().app(SolanaEmulatorApp.create()).build()) {
      SolanaApp app = SolanaApp.over(emu.transport());
      var path = SolanaApp.path("44'/501'/0'/0'");
      Pubkey payer = Pubkey.of(app.getPubkey(path, false));
      for (int i = 0; i < 10; i++) {
        Pubkey to = Keypair.generate(random).publicKey();
        byte[] hash = new byte[32];
        random.nextBytes(hash);
        List<dev.cairn.svm.tx.Instruction> ixs = List.of(
            ComputeBudgetProgram.setComputeUnitPrice(1 + i),
            SystemProgram.transfer(payer, to, 1_000L * (i + 1)),
            MemoProgram.memo("ledger " + i, List.of(payer)));
        Message m = i % 2 == 0
            ? Message.compileLegacy(payer, ixs, Blockhash.of(hash))
            : Message.compileV0(payer, ixs, Blockhash.of(hash),
                List.of(AddressLookupTable.of(Keypair.generate(random).publicKey(), List.of(to))));
        byte[] bytes = m.serialize();
        byte[] sig = app.signTransaction(path, bytes);
        assertTrue(Ed25519PublicKey.of(payer.bytes()).verify(bytes, sig));
        String prompt = emu.user().prompts().get(emu.user().prompts().size() - 1);
        assertTrue(prompt.contains("3 instructions"), prompt);

        for (byte[] bad : new byte[][] {Arrays.copyOf(bytes, bytes.length - 1), Arrays.copyOf(bytes, bytes.length + 1)}) {
          LedgerException e = assertThrows(LedgerException.class, () -> app.signTransaction(path, bad));
          assertEquals(LedgerException.Kind.BLIND_SIGNING_DISABLED, e.kind());
        }
      }
    }
  }
}
