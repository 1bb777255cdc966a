package dev.cairn.svm;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.encoding.DecodingException;
import dev.cairn.svm.borsh.BorshType;
import dev.cairn.svm.programs.MemoProgram;
import dev.cairn.svm.tx.Blockhash;
import dev.cairn.svm.tx.Message;
import dev.cairn.svm.tx.Transaction;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bounded resources (issue 13): sdk-svm's limits at the limit and one past it: the 1232-byte packet
 * (serialize and deserialize), Borsh type nesting. See docs/reliability.md.
 */
class SvmLimitsTest {
  static final int BORSH_DEPTH = 64; // borsh.TypeParser.MAX_DEPTH (package-private)

  /** A signed memo transaction whose wire form is exactly {@code size} bytes. */
  static Transaction ofSize(Keypair payer, int size) {
    Blockhash bh = Blockhash.of(new byte[32]);
    int text = 1;
    Transaction t = null;
    for (int i = 0; i < 2; i++) {
      Message m = Message.compileLegacy(payer.publicKey(), List.of(MemoProgram.memo("x".repeat(text), List.of())), bh);
      t = Transaction.unsigned(m);
      text += size - t.serializedLength();
    }
    Message m = Message.compileLegacy(payer.publicKey(), List.of(MemoProgram.memo("x".repeat(text), List.of())), bh);
    return Transaction.unsigned(m);
  }

  @Test
  void packetSizeAtTheLimitAndOnePast() {
    Keypair payer = Keypair.fromSeed(new byte[32]);
    Transaction at = ofSize(payer, TransactionTooLargeException.PACKET_DATA_SIZE).sign(payer);
    byte[] wire = at.serialize();
    assertEquals(TransactionTooLargeException.PACKET_DATA_SIZE, wire.length);
    assertEquals(at, Transaction.deserialize(wire));
    Transaction past = ofSize(payer, TransactionTooLargeException.PACKET_DATA_SIZE + 1);
    assertEquals(TransactionTooLargeException.PACKET_DATA_SIZE + 1, past.serializedLength());
    TransactionTooLargeException e = assertThrows(TransactionTooLargeException.class, () -> past.sign(payer).serialize());
    assertTrue(e.getMessage().contains("1232"), e.getMessage());
    byte[] longer = Arrays.copyOf(wire, wire.length + 1);
    assertThrows(TransactionTooLargeException.class, () -> Transaction.deserialize(longer));
    payer.destroy();
  }

  @Test
  void borshTypeNesting() {
    // n Vec wrappers around u8 are n + 1 levels
    int n = BORSH_DEPTH - 1;
    assertDoesNotThrow(() -> BorshType.parse("Vec<".repeat(n) + "u8" + ">".repeat(n)));
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> BorshType.parse("Vec<".repeat(n + 1) + "u8" + ">".repeat(n + 1)));
    assertTrue(e instanceof SvmException || e instanceof DecodingException, e.toString());
    assertTrue(e.getMessage().contains("deeper than " + BORSH_DEPTH), e.getMessage());
  }

  @Test
  void lookupTableAddressesAndProgramAddressSeeds() {
    Pubkey key = Keypair.fromSeed(new byte[32]).publicKey();
    java.util.List<Pubkey> addrs = new java.util.ArrayList<>();
    for (int i = 0; i < dev.cairn.svm.tx.AddressLookupTable.MAX_ADDRESSES + 1; i++) {
      byte[] b = new byte[32];
      b[0] = (byte) i;
      b[1] = (byte) (i >> 8);
      addrs.add(Pubkey.of(b));
    }
    assertEquals(256, dev.cairn.svm.tx.AddressLookupTable.of(key, addrs.subList(0, 256)).addresses().size());
    SvmException e = assertThrows(SvmException.class, () -> dev.cairn.svm.tx.AddressLookupTable.of(key, addrs));
    assertTrue(e.getMessage().contains("256"), e.getMessage());
    // seeds: 16 of at most 32 bytes each (createProgramAddress)
    java.util.List<byte[]> seeds = new java.util.ArrayList<>();
    for (int i = 0; i < Pubkey.MAX_SEEDS; i++) {
      seeds.add(new byte[Pubkey.MAX_SEED_LENGTH]);
    }
    Pubkey program = dev.cairn.svm.programs.SystemProgram.PROGRAM_ID;
    try {
      Pubkey.createProgramAddress(seeds, program); // may be on the curve: that is the only other failure
    } catch (SvmException onCurve) {
      assertTrue(!onCurve.getMessage().contains("at most"), onCurve.getMessage());
    }
    seeds.add(new byte[1]);
    SvmException many = assertThrows(SvmException.class, () -> Pubkey.createProgramAddress(seeds, program));
    assertTrue(many.getMessage().contains(String.valueOf(Pubkey.MAX_SEEDS)), many.getMessage());
    SvmException longSeed = assertThrows(SvmException.class,
        () -> Pubkey.createProgramAddress(java.util.List.of(new byte[Pubkey.MAX_SEED_LENGTH + 1]), program));
    assertTrue(longSeed.getMessage().contains(String.valueOf(Pubkey.MAX_SEED_LENGTH)), longSeed.getMessage());
  }
}
