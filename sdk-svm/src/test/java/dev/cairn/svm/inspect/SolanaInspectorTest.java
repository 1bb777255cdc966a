package dev.cairn.svm.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.chain.AccountId;
import dev.cairn.core.chain.Amount;
import dev.cairn.core.chain.ChainException;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.chain.Denomination;
import dev.cairn.core.chain.ErrorKind;
import dev.cairn.core.chain.Inspectors;
import dev.cairn.core.chain.TransactionSummary;
import dev.cairn.core.chain.TransactionSummary.Action;
import dev.cairn.core.signer.SignRequest;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.programs.ComputeBudgetProgram;
import dev.cairn.svm.programs.MemoProgram;
import dev.cairn.svm.programs.SystemProgram;
import dev.cairn.svm.programs.TokenProgram;
import dev.cairn.svm.tx.AccountMeta;
import dev.cairn.svm.tx.AddressLookupTable;
import dev.cairn.svm.tx.Blockhash;
import dev.cairn.svm.tx.Instruction;
import dev.cairn.svm.tx.Message;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SolanaInspectorTest {
  static final ChainId CHAIN = ChainId.SOLANA_DEVNET;
  final SplittableRandom r = new SplittableRandom(7);
  final Pubkey payer = key();
  final Pubkey alice = key();
  final Pubkey bob = key();
  final Pubkey mint = key();
  final Blockhash hash = Blockhash.of(new byte[32]);

  Pubkey key() {
    byte[] b = new byte[32];
    r.nextBytes(b);
    return Pubkey.of(b);
  }

  AccountId id(Pubkey k) {
    return AccountId.of(CHAIN, k.toBase58());
  }

  SignRequest request(Message m, Pubkey signer) {
    return SignRequest.of(SignRequest.Kind.SOLANA_MESSAGE, id(signer), m.serialize());
  }

  @Test
  void transfersTokensComputeBudgetAndUnknownInstructions() {
    Pubkey src = key(), dst = key(), program = key();
    Message m = Message.compileLegacy(payer, List.of(
        ComputeBudgetProgram.setComputeUnitLimit(300_000),
        ComputeBudgetProgram.setComputeUnitPrice(10_000),
        SystemProgram.transfer(payer, bob, 1_500_000_000L),
        TokenProgram.TOKEN_2022.transferChecked(src, mint, dst, alice, -1L, 6),
        TokenProgram.TOKEN.transfer(src, dst, alice, 5),
        TokenProgram.TOKEN.approveChecked(src, mint, bob, alice, 7, 6, List.of()),
        MemoProgram.memo("hi", List.of()),
        Instruction.of(program, List.of(AccountMeta.writable(bob)), new byte[] {9, 8, 7, 6, 5, 4, 3, 2, 1})), hash);
    TransactionSummary s = Inspectors.inspect(request(m, payer));
    assertEquals(id(payer), s.feePayer().orElseThrow());
    // 2 signatures (payer, alice) + ceil(300000 * 10000 / 1e6) = 3000 lamports priority
    assertEquals(Amount.of(2 * 5_000 + 3_000, Denomination.SOL), s.feeLimit().orElseThrow());
    List<Action> a = s.actions();
    assertEquals(Action.nativeTransfer(id(payer), id(bob), Amount.of(1_500_000_000L, Denomination.SOL)), a.get(0));
    assertEquals(Action.tokenTransfer(id(mint), id(alice), id(dst), new BigInteger("18446744073709551615")), a.get(1));
    assertEquals(Action.call(id(alice), id(TokenProgram.TOKEN_PROGRAM_ID), "transfer", List.of()), a.get(2));
    assertEquals(Action.tokenApproval(id(mint), id(alice), id(bob), BigInteger.valueOf(7)), a.get(3));
    assertEquals(Action.call(id(payer), id(MemoProgram.PROGRAM_ID), "memo", List.of()), a.get(4));
    assertEquals(Action.call(id(payer), id(program), "090807060504030201".substring(0, 16), List.of()), a.get(5));
    assertEquals(6, a.size());

    MessageSummary ms = SolanaInspector.inspect(m, List.of());
    assertEquals(300_000, ms.computeUnitLimit().getAsLong());
    assertEquals(10_000, ms.computeUnitPriceMicroLamports().getAsLong());
    assertEquals(InspectedInstruction.Kind.UNKNOWN, ms.instructions().get(7).kind());
    assertEquals(Optional.of(mint), ms.instructions().get(3).mint());
    assertEquals(6, ms.instructions().get(3).decimals().getAsInt());
    assertEquals(Optional.of(src), ms.instructions().get(4).from());
    assertTrue(ms.programs().contains(TokenProgram.TOKEN_2022_PROGRAM_ID));
    assertFalse(ms.isDurableNonce());
  }

  @Test
  void registeredAndNamesIdlInstructions() {
    assertTrue(Inspectors.available().stream().anyMatch(i -> i instanceof SolanaInspector));
    dev.cairn.svm.idl.Idl idl = dev.cairn.svm.idl.Idl.parse(new String(readFixture(), java.nio.charset.StandardCharsets.UTF_8));
    Instruction init = idl.encodeInstruction("initialize", java.util.Map.of("fee_bps", 1, "label", "a"), java.util.Map.of("authority", payer));
    Message m = Message.compileLegacy(payer, List.of(init), hash);
    assertEquals(InspectedInstruction.Kind.UNKNOWN, SolanaInspector.inspect(m, List.of()).instructions().get(0).kind());
    InspectedInstruction named = SolanaInspector.inspect(m, List.of(), List.of(idl)).instructions().get(0);
    assertEquals(InspectedInstruction.Kind.CALL, named.kind());
    assertEquals("initialize", named.name());
    assertEquals("vault", named.program());
  }

  static byte[] readFixture() {
    try (java.io.InputStream in = SolanaInspectorTest.class.getResourceAsStream("/idl/vault-0.30.json")) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void durableNonceAndDefaultComputeLimit() {
    Pubkey nonce = key();
    Message m = Message.compileLegacy(payer, List.of(
        SystemProgram.advanceNonceAccount(nonce, payer),
        ComputeBudgetProgram.setComputeUnitPrice(1),
        SystemProgram.transferWithSeed(alice, payer, "s", key(), bob, 10),
        SystemProgram.createAccount(payer, bob, 2_039_280, 165, TokenProgram.TOKEN_PROGRAM_ID)), hash);
    MessageSummary s = SolanaInspector.inspect(m, List.of());
    assertTrue(s.isDurableNonce());
    assertEquals(Optional.of(nonce), s.nonceAccount());
    assertEquals(Optional.of(payer), s.nonceAuthority());
    assertEquals(600_000, s.effectiveComputeUnitLimit()); // 3 instructions other than the budget one
    assertEquals(BigInteger.ONE, s.maxPriorityFeeLamports()); // ceil(600000 * 1 / 1e6)
    TransactionSummary t = Inspectors.inspect(request(m, payer));
    assertEquals(Action.Type.CALL, t.actions().get(0).type());
    assertEquals(Action.nativeTransfer(id(alice), id(bob), Amount.of(10, Denomination.SOL)), t.actions().get(1));
    assertEquals(Action.nativeTransfer(id(payer), id(bob), Amount.of(2_039_280, Denomination.SOL)), t.actions().get(2));
  }

  @Test
  void v0AccountsFromTablesAreUnknownUnlessSupplied() {
    Pubkey tableKey = key();
    AddressLookupTable table = AddressLookupTable.of(tableKey, List.of(key(), bob, key()));
    Message m = Message.compileV0(payer, List.of(SystemProgram.transfer(payer, bob, 42)), hash, List.of(table));
    assertEquals(1, m.addressTableLookups().size());
    MessageSummary without = SolanaInspector.inspect(m, List.of());
    assertTrue(without.hasUnresolvedLookups());
    assertEquals(Optional.empty(), without.instructions().get(0).to());
    TransactionSummary t = Inspectors.inspect(request(m, payer));
    assertEquals(Action.call(id(payer), id(SystemProgram.PROGRAM_ID), "transfer", List.of()), t.actions().get(0));
    MessageSummary with = SolanaInspector.inspect(m, List.of(table));
    assertFalse(with.hasUnresolvedLookups());
    assertEquals(Optional.of(bob), with.instructions().get(0).to());
    assertEquals(BigInteger.valueOf(42), with.instructions().get(0).amount().orElseThrow());
  }

  @Test
  void malformedPayloadsAndForeignSigners() {
    Message m = Message.compileLegacy(payer, List.of(SystemProgram.transfer(payer, bob, 1)), hash);
    byte[] bytes = m.serialize();
    ChainException e = assertThrows(ChainException.class, () -> Inspectors.inspect(
        SignRequest.of(SignRequest.Kind.SOLANA_MESSAGE, id(payer), Arrays.copyOf(bytes, bytes.length - 3))));
    assertEquals(ErrorKind.INVALID_INPUT, e.kind());
    assertTrue(e.getMessage().contains("payload"), e.getMessage());
    e = assertThrows(ChainException.class, () -> Inspectors.inspect(request(m, bob)));
    assertTrue(e.getMessage().contains("not a required signer"), e.getMessage());
    // a known program's instruction with bad data is an unknown entry, not a failure
    Message bad = Message.compileLegacy(payer, List.of(Instruction.of(SystemProgram.PROGRAM_ID,
        List.of(AccountMeta.writableSigner(payer)), new byte[] {2, 0, 0, 0, 1})), hash);
    MessageSummary s = SolanaInspector.inspect(bad, List.of());
    assertEquals(InspectedInstruction.Kind.UNKNOWN, s.instructions().get(0).kind());
    assertEquals("0200000001", s.instructions().get(0).name());
  }

  @Test
  void randomMessagesNeverFailUntyped() {
    for (int i = 0; i < 500; i++) {
      byte[] junk = new byte[1 + r.nextInt(300)];
      r.nextBytes(junk);
      if (junk.length > 0) {
        junk[0] = (byte) (1 + r.nextInt(3));
      }
      try {
        Inspectors.inspect(SignRequest.of(SignRequest.Kind.SOLANA_MESSAGE, id(payer), junk));
      } catch (ChainException e) {
        assertEquals(ErrorKind.INVALID_INPUT, e.kind(), e.getMessage());
      }
    }
  }
}
