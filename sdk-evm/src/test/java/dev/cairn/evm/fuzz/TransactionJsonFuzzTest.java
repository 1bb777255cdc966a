package dev.cairn.evm.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.abi.AbiException;
import dev.cairn.core.crypto.CryptoException;
import dev.cairn.evm.tx.EvmTxException;
import dev.cairn.evm.tx.SignedTransaction;
import dev.cairn.evm.tx.Transaction;
import dev.cairn.evm.tx.TransactionJson;
import dev.cairn.evm.tx.TransactionJsonException;
import java.nio.charset.StandardCharsets;

/**
 * Transactions in JSON (as nodes and wallets send them). Lenient by design (hex or decimal
 * quantities, optional fields), so the check is: toJson of the parsed value reads back equal and
 * writes the same JSON again. The reader's documented exceptions (class Javadoc): its own
 * TransactionJsonException, and for values that reach the transaction's checks EvmTxException
 * (range), AbiException (address, e.g. a bad EIP-55 checksum) and CryptoException (signature).
 */
class TransactionJsonFuzzTest {

  @FuzzTest
  void fromJson(byte[] input) {
    String json = new String(input, StandardCharsets.UTF_8);
    Transaction tx;
    try {
      tx = TransactionJson.fromJson(json);
    } catch (TransactionJsonException | EvmTxException | AbiException expected) {
      return;
    }
    String out = TransactionJson.toJson(tx);
    Transaction again = TransactionJson.fromJson(out);
    assertEquals(tx, again);
    assertEquals(out, TransactionJson.toJson(again));
    assertEquals(tx, Transaction.decodeSigningPayload(tx.signingPayload()));
  }

  @FuzzTest
  void signedFromJson(byte[] input) {
    String json = new String(input, StandardCharsets.UTF_8);
    SignedTransaction st;
    try {
      st = TransactionJson.signedFromJson(json);
    } catch (TransactionJsonException | EvmTxException | AbiException | CryptoException expected) {
      return;
    }
    String out;
    try {
      out = TransactionJson.toJson(st);
    } catch (CryptoException expected) {
      return; // the JSON form names the sender, which a fuzzed signature may not yield
    }
    SignedTransaction again = TransactionJson.signedFromJson(out);
    assertEquals(st, again);
    assertArrayEquals(st.encoded(), again.encoded());
    assertEquals(st, SignedTransaction.decode(st.encoded()));
  }
}
