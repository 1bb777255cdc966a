package dev.cairn.evm.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.core.crypto.CryptoException;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.evm.tx.EvmTxException;
import dev.cairn.evm.tx.Fork;
import dev.cairn.evm.tx.SignedTransaction;
import dev.cairn.evm.tx.Transaction;
import dev.cairn.evm.tx.TransactionJson;

/**
 * Raw EVM transactions of every type the SDK supports (legacy with and without EIP-155, 2930, 1559,
 * 4844, 7702). The decoder is strict (canonical RLP, no leading zeros), so an accepted transaction
 * re-encodes to exactly its input; its signing payload decodes back to the same transaction; its
 * JSON form reads back equal.
 */
class EvmTxFuzzTest {

  @FuzzTest
  void decodeRaw(byte[] raw) {
    SignedTransaction st;
    try {
      st = SignedTransaction.decode(raw);
    } catch (DecodingException expected) {
      return;
    }
    assertArrayEquals(raw, st.encoded());
    Transaction tx = st.transaction();
    byte[] payload = tx.signingPayload();
    Transaction again = Transaction.decodeSigningPayload(payload);
    assertEquals(tx, again);
    assertArrayEquals(payload, again.signingPayload());
    assertEquals(tx, TransactionJson.fromJson(TransactionJson.toJson(tx)));
    assertEquals(st, SignedTransaction.decode(st.encoded()));
    try {
      st.from(); // recovery may fail on a fuzzed signature, with the typed exception only
    } catch (CryptoException expected) {
      // r or s out of range, or no key recovers
    }
    try {
      st.signature();
    } catch (CryptoException expected) {
      // r or s out of range
    }
  }

  @FuzzTest
  void decodeSigningPayload(byte[] payload) {
    Transaction tx;
    try {
      tx = Transaction.decodeSigningPayload(payload);
    } catch (DecodingException expected) {
      return;
    }
    assertArrayEquals(payload, tx.signingPayload());
    assertEquals(tx, Transaction.decodeSigningPayload(tx.signingPayload()));
    try {
      tx.validate(Fork.PRAGUE);
    } catch (EvmTxException expected) {
      // a rule violation, reported with the typed exception
    }
  }
}
