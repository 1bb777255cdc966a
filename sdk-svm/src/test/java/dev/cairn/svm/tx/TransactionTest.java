package dev.cairn.svm.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.encoding.DecodingException;
import dev.cairn.core.encoding.Hex;
import dev.cairn.core.chain.ChainId;
import dev.cairn.core.signer.Signers;
import dev.cairn.svm.Keypair;
import dev.cairn.svm.Pubkey;
import dev.cairn.svm.SvmException;
import dev.cairn.svm.TransactionTooLargeException;
import dev.cairn.svm.programs.ComputeBudgetProgram;
import dev.cairn.svm.programs.MemoProgram;
import dev.cairn.svm.programs.SystemProgram;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionTest {
  private static final Blockhash BH = Blockhash.of(new byte[32]);

  private static Keypair kp(int i) {
    byte[] s = new byte[32];
    s[0] = (byte) i;
    return Keypair.fromSeed(s);
  }

  private static Pubkey key(int i) {
    byte[] b = new byte[32];
    b[0] = (byte) i;
    b[31] = 7;
    return Pubkey.of(b);
  }

  @Test
  void compactU16KnownEncodingsAndRejections() {
    int[] values = {0, 0x7f, 0x80, 0x3fff, 0x4000, 0xffff};
    String[] hex = {"00", "7f", "8001", "ff7f", "808001", "ffff03"};
    for (int i = 0; i < values.length; i++) {
      assertEquals(hex[i], Hex.encode(CompactU16.encode(values[i])));
      assertEquals(values[i], CompactU16.decode(Hex.decode(hex[i]), 0));
    }
    for (int v = 0; v <= 0xffff; v++) {
      byte[] e = CompactU16.encode(v);
      assertEquals(CompactU16.encodedLength(v), e.length);
      assertEquals(v, CompactU16.decode(e, 0));
    }
    for (String bad : new String[] {"", "80", "8000", "ff8000", "ffff04", "ffff83", "80808001", "ff80"}) {
      assertThrows(DecodingException.class, () -> CompactU16.decode(Hex.decode(bad), 0), bad);
    }
    assertThrows(SvmException.class, () -> CompactU16.encode(65536));
    assertThrows(SvmException.class, () -> CompactU16.encode(-1));
  }

  @Test
  void accountsAreDeduplicatedMergedAndOrdered() {
    Keypair payer = kp(1);
    Pubkey ro = key(10), w = key(11), roSigner = kp(12).publicKey(), prog = key(20);
    Instruction a = Instruction.of(prog, List.of(AccountMeta.readonly(ro), AccountMeta.readonlySigner(roSigner), AccountMeta.readonly(w)), new byte[] {1});
    Instruction b = Instruction.of(prog, List.of(AccountMeta.writable(w), AccountMeta.readonly(payer.publicKey())), new byte[] {2});
    Message m = Message.compileLegacy(payer.publicKey(), List.of(a, b), BH);
    // payer (writable signer), roSigner (readonly signer), w (writable, merged), then prog and ro (readonly, first use)
    assertEquals(List.of(payer.publicKey(), roSigner, w, prog, ro), m.staticAccountKeys());
    assertEquals(2, m.numRequiredSignatures());
    assertEquals(1, m.numReadonlySignedAccounts());
    assertEquals(2, m.numReadonlyUnsignedAccounts());
    assertTrue(m.isWritable(0) && !m.isWritable(1) && m.isWritable(2) && !m.isWritable(3) && !m.isWritable(4));
    assertArrayEquals(new int[] {4, 1, 2}, m.instructions().get(0).accountIndexes());
    assertEquals(3, m.instructions().get(0).programIdIndex());
  }

  @Test
  void feePayerOtherThanTheSenderAndSeveralSigners() {
    Keypair payer = kp(1), sender = kp(2);
    Message m = Message.compileLegacy(payer.publicKey(), List.of(SystemProgram.transfer(sender.publicKey(), key(3), 5)), BH);
    assertEquals(List.of(payer.publicKey(), sender.publicKey()), m.signers());
    Transaction partial = Transaction.unsigned(m).sign(sender);
    assertFalse(partial.isFullySigned());
    assertEquals(List.of(payer.publicKey()), partial.missingSigners());
    assertThrows(SvmException.class, partial::id);
    SvmException e = assertThrows(SvmException.class, partial::requireFullySigned);
    assertEquals(SvmException.Reason.MISSING_SIGNATURE, e.reason());
    Transaction elsewhere = Transaction.deserialize(partial.serialize());
    assertEquals(partial, elsewhere);
    Transaction done = elsewhere.addSignature(payer.publicKey(), payer.sign(m.serialize()));
    assertTrue(done.verifySignatures());
    done.requireFullySigned();
    assertEquals(done, Transaction.unsigned(m).sign(payer, sender));
    assertEquals(SvmException.Reason.INVALID_SIGNATURE, assertThrows(SvmException.class, () -> done.sign(kp(9))).reason());
    assertThrows(SvmException.class, () -> partial.addSignature(payer.publicKey(), sender.sign(m.serialize())));
  }

  @Test
  void signsThroughTheSignerSpi() throws Exception {
    Keypair payer = kp(1);
    Message m = Message.compileV0(payer.publicKey(), List.of(MemoProgram.memo("hi", List.of(payer.publicKey()))), BH, List.of());
    Transaction viaSpi = Transaction.unsigned(m).sign(Signers.software(payer.privateKey()), ChainId.SOLANA_DEVNET);
    assertEquals(Transaction.unsigned(m).sign(payer), viaSpi);
    assertEquals(viaSpi, Transaction.unsigned(m).signAsync(Signers.software(payer.privateKey()), ChainId.SOLANA_DEVNET).get());
    assertThrows(SvmException.class, () -> Transaction.unsigned(m).sign(Signers.software(kp(5).privateKey()), ChainId.SOLANA_DEVNET));
  }

  @Test
  void durableNonceTransactionsAdvanceTheNonceFirst() {
    Keypair payer = kp(1);
    Pubkey nonce = key(40);
    Blockhash nonceValue = Blockhash.of(key(41).bytes());
    Message m = Message.builder()
        .feePayer(payer.publicKey())
        .durableNonce(nonce, payer.publicKey(), nonceValue)
        .add(ComputeBudgetProgram.setComputeUnitPrice(10))
        .add(SystemProgram.transfer(payer.publicKey(), key(3), 1))
        .buildLegacy();
    assertEquals(nonceValue, m.recentBlockhash());
    List<Instruction> ixs = m.decompileInstructions(List.of());
    assertEquals(SystemProgram.PROGRAM_ID, ixs.get(0).programId());
    assertArrayEquals(new byte[] {4, 0, 0, 0}, ixs.get(0).data());
    assertEquals(nonce, ixs.get(0).accounts().get(0).pubkey());
    assertEquals(SystemProgram.SYSVAR_RECENT_BLOCKHASHES, ixs.get(0).accounts().get(1).pubkey());
    assertEquals(3, ixs.size());
  }

  @Test
  void v0TablesNeverLoadSignersOrPrograms() {
    Keypair payer = kp(1);
    Pubkey prog = key(20), a = key(21), b = key(22);
    AddressLookupTable t = AddressLookupTable.of(key(30), List.of(payer.publicKey(), prog, b, a));
    Instruction ix = Instruction.of(prog, List.of(AccountMeta.writable(a), AccountMeta.readonly(b), AccountMeta.readonly(prog)), new byte[0]);
    Message m = Message.compileV0(payer.publicKey(), List.of(ix), BH, List.of(t, AddressLookupTable.of(key(31), List.of(a))));
    assertEquals(List.of(payer.publicKey(), prog), m.staticAccountKeys());
    assertEquals(1, m.addressTableLookups().size()); // the second table is unused
    assertArrayEquals(new int[] {3}, m.addressTableLookups().get(0).writableIndexes());
    assertArrayEquals(new int[] {2}, m.addressTableLookups().get(0).readonlyIndexes());
    assertEquals(List.of(payer.publicKey(), prog, a, b), m.accountKeys(List.of(t)));
    assertTrue(m.isWritable(2));
    assertFalse(m.isWritable(3));
    assertEquals(m, Message.deserialize(m.serialize()));
    assertThrows(SvmException.class, () -> m.accountKeys(List.of()));
  }

  @Test
  void packetLimitIsEnforcedWithTheSize() {
    Keypair payer = kp(1);
    Message m = Message.compileLegacy(payer.publicKey(), List.of(MemoProgram.memo("x".repeat(1200), List.of())), BH);
    Transaction tx = Transaction.unsigned(m).sign(payer);
    TransactionTooLargeException e = assertThrows(TransactionTooLargeException.class, tx::serialize);
    assertEquals(tx.serializedLength(), e.size());
    assertTrue(e.getMessage().contains(Integer.toString(e.size())));
    assertThrows(TransactionTooLargeException.class, () -> Transaction.deserialize(new byte[1233]));
  }

  @Test
  void tooManyAccountsIsAnError() {
    Keypair payer = kp(1);
    List<AccountMeta> metas = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      byte[] b = new byte[32];
      b[0] = (byte) i;
      b[1] = (byte) (i >> 8);
      b[2] = 1;
      metas.add(AccountMeta.readonly(Pubkey.of(b)));
    }
    assertThrows(SvmException.class, () -> Message.compileLegacy(payer.publicKey(), List.of(Instruction.of(key(2), metas, new byte[0])), BH));
  }

  @Test
  void strictDecoding() {
    Keypair payer = kp(1);
    Transaction tx = Transaction.unsigned(Message.compileLegacy(payer.publicKey(), List.of(SystemProgram.transfer(payer.publicKey(), key(3), 1)), BH)).sign(payer);
    byte[] wire = tx.serialize();
    byte[] trailing = Arrays.copyOf(wire, wire.length + 1);
    assertThrows(DecodingException.class, () -> Transaction.deserialize(trailing));
    byte[] noSig = Arrays.copyOfRange(wire, 65, wire.length);
    byte[] zeroSigs = new byte[noSig.length + 1];
    System.arraycopy(noSig, 0, zeroSigs, 1, noSig.length);
    DecodingException e = assertThrows(DecodingException.class, () -> Transaction.deserialize(zeroSigs));
    assertTrue(e.field().startsWith("transaction"), e.getMessage());
    byte[] v1 = Message.compileV0(payer.publicKey(), List.of(), BH, List.of()).serialize();
    v1[0] = (byte) 0x81;
    assertThrows(DecodingException.class, () -> Message.deserialize(v1));
    // the transfer's program id index is the byte after the instruction count
    byte[] msg = tx.message().serialize();
    int ixStart = msg.length - (1 + 1 + 2 + 1 + 12);
    assertEquals(2, msg[ixStart]); // system program at index 2
    msg[ixStart] = 0; // -> the fee payer
    assertThrows(DecodingException.class, () -> Message.deserialize(msg));
    assertEquals(tx, Transaction.deserializeBase64(tx.serializeBase64()));
    assertThrows(DecodingException.class, () -> Transaction.deserializeBase64("***"));
  }

  @Test
  void messageFromPartsIsSanitized() {
    Pubkey payer = kp(1).publicKey(), prog = key(2);
    CompiledInstruction ix = CompiledInstruction.of(1, new int[] {0}, new byte[] {9});
    Message ok = Message.of(Message.Version.LEGACY, 1, 0, 1, List.of(payer, prog), BH, List.of(ix), List.of());
    assertEquals(ok, Message.deserialize(ok.serialize()));
    assertEquals(SvmException.Reason.INVALID_INPUT, assertThrows(SvmException.class,
        () -> Message.of(Message.Version.LEGACY, 0, 0, 1, List.of(payer, prog), BH, List.of(ix), List.of())).reason());
    assertThrows(SvmException.class, () -> Message.of(Message.Version.LEGACY, 1, 1, 0, List.of(payer, prog), BH, List.of(ix), List.of()));
    assertThrows(SvmException.class, () -> Message.of(Message.Version.LEGACY, 1, 0, 1, List.of(payer, payer), BH, List.of(ix), List.of()));
    assertThrows(SvmException.class, () -> Message.of(Message.Version.LEGACY, 1, 0, 2, List.of(payer, prog), BH, List.of(ix), List.of()));
    assertThrows(SvmException.class, () -> Message.of(Message.Version.LEGACY, 1, 0, 1, List.of(payer, prog), BH,
        List.of(CompiledInstruction.of(1, new int[] {2}, new byte[0])), List.of()));
    AddressTableLookup l = AddressTableLookup.of(key(5), new int[] {0}, new int[0]);
    assertThrows(SvmException.class, () -> Message.of(Message.Version.LEGACY, 1, 0, 1, List.of(payer, prog), BH, List.of(ix), List.of(l)));
    Message v0 = Message.of(Message.Version.V0, 1, 0, 1, List.of(payer, prog), BH,
        List.of(CompiledInstruction.of(1, new int[] {0, 2}, new byte[0])), List.of(l));
    assertEquals(3, v0.accountCount());
    assertTrue(v0.isWritable(2));
    assertEquals(v0, Message.deserialize(v0.serialize()));
    assertThrows(SvmException.class, () -> AddressTableLookup.of(key(5), new int[0], new int[0]));
    assertThrows(SvmException.class, () -> CompiledInstruction.of(256, new int[0], new byte[0]));
  }
}
