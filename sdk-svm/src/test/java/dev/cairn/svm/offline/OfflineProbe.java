package dev.cairn.svm.offline;

import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainId;
import dev.cairn.svm.Keypair;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.errors.SvmErrors;
import dev.cairn.svm.errors.TransactionError;
import dev.cairn.svm.programs.ComputeBudgetProgram;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.programs.TokenProgram;
import dev.cairn.svm.tx.AddressLookupTable;
import dev.cairn.svm.tx.Blockhash;
import dev.cairn.svm.tx.Message;
import dev.cairn.svm.tx.Transaction;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** Offline work (keys, a signed v0 transaction through a lookup table, error mapping), run in an isolated class loader. */
public final class OfflineProbe implements Supplier<String> {
  @Override
  public String get() {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) 5);
    Keypair payer = Keypair.fromSeed(seed);
    seed[0] = 6;
    Pubkey to = Keypair.fromSeed(seed).publicKey();
    AddressLookupTable table = AddressLookupTable.of(Keypair.fromSeed(new byte[32]).publicKey(), List.of(to));
    Message m = Message.compileV0(payer.publicKey(), List.of(ComputeBudgetProgram.setComputeUnitPrice(5),
        SystemProgram.transfer(payer.publicKey(), to, 1_000_000L), TokenProgram.TOKEN.transfer(to, to, payer.publicKey(), 1)),
        Blockhash.of(new byte[32]), List.of(table));
    Transaction tx = Transaction.unsigned(m).sign(payer);
    ChainError e = SvmErrors.standard().toChainError(ChainId.SOLANA_DEVNET,
        TransactionError.parse("{\"InstructionError\":[2,{\"Custom\":1}]}"), m, List.of(), tx.id());
    return tx.serializeBase64() + "|" + e.kind() + "|" + e.revertReason().orElse("");
  }
}
