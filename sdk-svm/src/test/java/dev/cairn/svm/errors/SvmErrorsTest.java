package dev.cairn.svm.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.ChainError;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.svm.Keypair;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.programs.TokenProgram;
import dev.cairn.svm.tx.Blockhash;
import dev.cairn.svm.tx.Message;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SvmErrorsTest {
  private static final ChainId CLUSTER = ChainId.SOLANA_DEVNET;
  private static final Keypair A = Keypair.fromSeed(new byte[32]);
  private static final Pubkey B = Keypair.fromSeed(filled(7)).publicKey();
  private static final Pubkey MINT = Keypair.fromSeed(filled(9)).publicKey();
  private static final Message MESSAGE = Message.compileLegacy(A.publicKey(), List.of(
      SystemProgram.transfer(A.publicKey(), B, 1),
      TokenProgram.TOKEN.transferChecked(B, MINT, B, A.publicKey(), 5, 6),
      TokenProgram.TOKEN_2022.transfer(B, B, A.publicKey(), 5)), Blockhash.of(filled(1)));

  private static byte[] filled(int v) {
    byte[] b = new byte[32];
    java.util.Arrays.fill(b, (byte) v);
    return b;
  }

  private static ChainError map(String json, List<String> logs) {
    return SvmErrors.standard().toChainError(CLUSTER, TransactionError.parse(json), MESSAGE, logs, "sig");
  }

  @Test
  void topLevelVariants() {
    assertEquals(ErrorKind.EXPIRED, map("\"BlockhashNotFound\"", null).kind());
    assertEquals(ErrorKind.REJECTED_BY_NODE, map("\"AlreadyProcessed\"", null).kind());
    assertEquals(ErrorKind.INSUFFICIENT_FUNDS, map("\"InsufficientFundsForFee\"", null).kind());
    ChainError rent = map("{\"InsufficientFundsForRent\":{\"account_index\":1}}", null);
    assertEquals(ErrorKind.INSUFFICIENT_FUNDS, rent.kind());
    assertEquals(Optional.of("InsufficientFundsForRent:account_index=1"), rent.nativeCode());
    assertTrue(rent.message().contains(MESSAGE.staticAccountKeys().get(1).toBase58()), rent.message());
    assertEquals(Optional.of("sig"), rent.transactionId());
    assertEquals(ErrorKind.UNKNOWN, map("\"SomethingNew\"", null).kind());
  }

  @Test
  void computeBudget() {
    assertEquals(ErrorKind.OUT_OF_GAS, map("{\"InstructionError\":[0,\"ComputationalBudgetExceeded\"]}", null).kind());
    List<String> logs = List.of("Program X invoke [1]", "Program X consumed 200000 of 200000 compute units",
        "Program X failed: exceeded CUs meter at BPF instruction #1234");
    ChainError e = map("{\"InstructionError\":[0,\"ProgramFailedToComplete\"]}", logs);
    assertEquals(ErrorKind.OUT_OF_GAS, e.kind());
    assertEquals(Optional.of(String.join("\n", logs)), e.nativeMessage());
    assertEquals(ErrorKind.REVERTED, map("{\"InstructionError\":[0,\"ProgramFailedToComplete\"]}", List.of("panicked")).kind());
  }

  @Test
  void knownProgramCodesByInstructionIndex() {
    ChainError system = map("{\"InstructionError\":[0,{\"Custom\":1}]}", null);
    assertEquals(ErrorKind.INSUFFICIENT_FUNDS, system.kind());
    assertEquals(Optional.of("ResultWithNegativeLamports"), system.revertReason());
    ChainError token = map("{\"InstructionError\":[1,{\"Custom\":1}]}", null);
    assertEquals(ErrorKind.INSUFFICIENT_FUNDS, token.kind());
    assertEquals(Optional.of("InsufficientFunds"), token.revertReason());
    assertEquals(Optional.of("InstructionError:1:Custom:1"), token.nativeCode());
    ChainError mismatch = map("{\"InstructionError\":[1,{\"Custom\":18}]}", null);
    assertEquals(ErrorKind.REVERTED, mismatch.kind());
    assertEquals(Optional.of("MintDecimalsMismatch"), mismatch.revertReason());
    ChainError t22 = map("{\"InstructionError\":[2,{\"Custom\":37}]}", null);
    assertEquals(Optional.of("NonTransferable"), t22.revertReason());
    // Token's table has no code 37
    assertEquals(Optional.of("custom program error: 0x25"), map("{\"InstructionError\":[1,{\"Custom\":37}]}", null).revertReason());
  }

  @Test
  void failingProgramFromLogsWinsOverTheInstruction() {
    // instruction 0 is a System transfer, but the logs say the Token program raised code 1 (a CPI)
    List<String> logs = List.of("Program " + TokenProgram.TOKEN_PROGRAM_ID + " failed: custom program error: 0x1");
    ChainError e = map("{\"InstructionError\":[0,{\"Custom\":1}]}", logs);
    assertEquals(Optional.of("InsufficientFunds"), e.revertReason());
  }

  @Test
  void unknownProgramAndPluggedDecoder() {
    Pubkey program = Keypair.fromSeed(filled(3)).publicKey();
    Message m = Message.compileLegacy(A.publicKey(), List.of(dev.cairn.svm.tx.Instruction.of(program, List.of(), new byte[] {1})),
        Blockhash.of(filled(1)));
    TransactionError err = TransactionError.custom(0, 6000);
    ChainError plain = SvmErrors.standard().toChainError(CLUSTER, err, m, null, null);
    assertEquals(ErrorKind.REVERTED, plain.kind());
    assertEquals(Optional.of("custom program error: 0x1770"), plain.revertReason());

    SvmErrors withIdl = SvmErrors.standard().with(ProgramErrorDecoder.forProgram(program,
        (p, code) -> code == 6000 ? Optional.of(ProgramError.of("NotEnoughCollateral", "collateral too low", ErrorKind.INSUFFICIENT_FUNDS))
            : Optional.empty()));
    ChainError decoded = withIdl.toChainError(CLUSTER, err, m, null, null);
    assertEquals(ErrorKind.INSUFFICIENT_FUNDS, decoded.kind());
    assertEquals(Optional.of("NotEnoughCollateral"), decoded.revertReason());
    assertTrue(decoded.message().contains("collateral too low"), decoded.message());
    // a decoder for another program does not apply, and a throwing decoder is skipped
    SvmErrors broken = SvmErrors.standard().with((p, c) -> {
      throw new IllegalStateException("boom");
    });
    assertEquals(ErrorKind.REVERTED, broken.toChainError(CLUSTER, err, m, null, null).kind());
    assertEquals(ErrorKind.INSUFFICIENT_FUNDS, broken.toChainError(CLUSTER, TransactionError.custom(1, 1), MESSAGE, null, null).kind());
  }

  @Test
  void withoutMessageOrTables() {
    ChainError e = SvmErrors.none().toChainError(CLUSTER, TransactionError.custom(1, 1), null, null, null);
    assertEquals(ErrorKind.REVERTED, e.kind());
    assertEquals(ErrorKind.INSUFFICIENT_FUNDS, SvmErrors.classify(CLUSTER, TransactionError.custom(1, 1), MESSAGE, null, null).kind());
    assertEquals(ErrorKind.INSUFFICIENT_FUNDS, SvmErrors.standard().asProgramErrorMapping()
        .classify(TokenProgram.TOKEN_PROGRAM_ID.toBase58(), 1));
    assertEquals(null, SvmErrors.standard().asProgramErrorMapping().classify("not base58 0OIl", 1));
  }
}
