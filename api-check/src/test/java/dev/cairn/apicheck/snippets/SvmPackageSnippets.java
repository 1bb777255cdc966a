package dev.cairn.apicheck.snippets;

import dev.cairn.svm.Keypair;
import dev.cairn.svm.ProgramAddress;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.programs.AssociatedTokenProgram;
import dev.cairn.svm.programs.ComputeBudgetProgram;
import dev.cairn.svm.programs.MemoProgram;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.programs.TokenProgram;
import dev.cairn.svm.tx.AddressLookupTable;
import dev.cairn.svm.tx.Blockhash;
import dev.cairn.svm.tx.Instruction;
import dev.cairn.svm.tx.Message;
import dev.cairn.svm.tx.Transaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The package-info examples of sdk-svm (a file of their own: its Transaction and Message would
 * clash with sdk-evm's in PackageSnippets), compiled against the real module.
 */
@SuppressWarnings({"unused", "UnusedVariable"})
final class SvmPackageSnippets {
  private SvmPackageSnippets() {}

  static void svm() throws Exception {
    // region:dev.cairn.svm
    Keypair wallet = Keypair.fromJson(Files.readString(Path.of(System.getProperty("user.home"), ".config/solana/id.json")));
    Pubkey program = Pubkey.fromBase58("Stake11111111111111111111111111111111111111");
    ProgramAddress vault = Pubkey.findProgramAddress(
        List.of("vault".getBytes(StandardCharsets.UTF_8), wallet.publicKey().bytes()), program);
    System.out.println(vault.address() + " bump " + vault.bump());
    // endregion
  }

  static void programs(Pubkey mint, Pubkey owner, Pubkey recipient) {
    // region:dev.cairn.svm.programs
    Pubkey from = AssociatedTokenProgram.address(owner, mint, TokenProgram.TOKEN_2022_PROGRAM_ID);
    Pubkey to = AssociatedTokenProgram.address(recipient, mint, TokenProgram.TOKEN_2022_PROGRAM_ID);
    List<Instruction> ixs = List.of(
        AssociatedTokenProgram.createIdempotent(owner, to, recipient, mint, TokenProgram.TOKEN_2022_PROGRAM_ID),
        TokenProgram.TOKEN_2022.transferChecked(from, mint, to, owner, 2_500_000L, 6),
        MemoProgram.memo("invoice 42", List.of(owner)));
    // endregion
  }

  static void tx(Keypair payer, Keypair sender, Pubkey recipient, String latestBlockhash,
      AddressLookupTable lookupTable) {
    // region:dev.cairn.svm.tx
    Message message = Message.compileV0(
        payer.publicKey(),
        List.of(ComputeBudgetProgram.setComputeUnitPrice(1_000),
                SystemProgram.transfer(sender.publicKey(), recipient, 5_000_000L)),
        Blockhash.fromBase58(latestBlockhash),
        List.of(lookupTable));
    Transaction partial = Transaction.unsigned(message).sign(sender);  // fee payer signs elsewhere
    byte[] wire = partial.serialize();                                  // zeros in the payer's slot
    Transaction done = Transaction.deserialize(wire).sign(payer);
    String base64 = done.requireFullySigned().serializeBase64();        // for sendTransaction
    // endregion
  }
}
