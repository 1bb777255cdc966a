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
 * (serialize and deserialize), Borsh type nesting. See docs/limits-notes.md.
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
}
