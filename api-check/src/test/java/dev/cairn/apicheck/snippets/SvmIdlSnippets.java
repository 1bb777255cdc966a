package dev.cairn.apicheck.snippets;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.Inspectors;
import dev.cairn.core.chain.TransactionSummary;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.borsh.BorshType;
import dev.cairn.svm.idl.Decoded;
import dev.cairn.svm.idl.Idl;
import dev.cairn.svm.idl.IdlError;
import dev.cairn.svm.inspect.MessageSummary;
import dev.cairn.svm.inspect.SolanaInspector;
import dev.cairn.svm.tx.AddressLookupTable;
import dev.cairn.svm.tx.Instruction;
import dev.cairn.svm.tx.Message;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The package-info examples of sdk-svm's borsh, idl and inspect packages, compiled against the real module. */
@SuppressWarnings({"unused", "UnusedVariable"})
final class SvmIdlSnippets {
  private SvmIdlSnippets() {}

  static void borsh() {
    // region:dev.cairn.svm.borsh
    BorshType order = BorshType.parse("(u64, Vec<String>, Option<Pubkey>)");
    byte[] bytes = order.encode(List.of(BigInteger.ONE, List.of("a", "b"), Optional.empty()));
    List<?> back = (List<?>) order.decode(bytes);
    // endregion
  }

  static void idl(Pubkey user) throws Exception {
    // region:dev.cairn.svm.idl
    Idl idl = Idl.parse(Files.readString(Path.of("target/idl/vault.json")));
    Instruction deposit = idl.encodeInstruction("deposit",
        Map.of("amount", BigInteger.valueOf(1_000_000)),
        Map.of("user", user));
    Decoded call = idl.decodeInstruction(deposit.data());
    String reason = idl.decodeError(6001).map(IdlError::toString).orElse("unknown error");
    // endregion
  }

  static void inspect(AccountId account, Message message, AddressLookupTable lookupTable) {
    // region:dev.cairn.svm.inspect
    TransactionSummary summary = Inspectors.inspect(
        SignRequest.of(SignRequest.Kind.SOLANA_MESSAGE, account, message.serialize()));
    MessageSummary details = SolanaInspector.inspect(message, List.of(lookupTable));
    BigInteger maxFee = details.maxFeeLamports();
    // endregion
  }
}
