package dev.cairn.svm.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cairn.core.encoding.DecodingException;
import dev.cairn.svm.SvmException;
import dev.cairn.svm.tx.CompactU16;
import dev.cairn.svm.tx.Message;
import dev.cairn.svm.tx.Transaction;
import java.util.Arrays;
import java.util.Base64;

/**
 * Solana wire formats from outside: transactions (legacy and v0), messages and compact-u16
 * ("shortvec"). Each decoder returns a value or throws {@link DecodingException} (or {@link
 * SvmException} for an oversized transaction) and nothing else; the wire format is strict, so a
 * decoded value re-encodes to exactly the input bytes (canonical) and decodes back equal.
 */
class SvmWireFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void transaction(byte[] data) {
    Transaction t;
    try {
      t = Transaction.deserialize(data);
    } catch (DecodingException | SvmException e) {
      return;
    }
    byte[] again = t.serialize();
    assertArrayEquals(data, again, "a decoded transaction re-encodes to its input");
    assertEquals(t, Transaction.deserialize(again));
    assertEquals(t, Transaction.deserializeBase64(t.serializeBase64()));
    assertEquals(t.message().numRequiredSignatures(), t.signatures().size());
    t.toString();
  }

  @FuzzTest(maxDuration = "10m")
  void message(byte[] data) {
    Message m;
    try {
      m = Message.deserialize(data);
    } catch (DecodingException | SvmException e) {
      return;
    }
    byte[] again = m.serialize();
    assertArrayEquals(data, again, "a decoded message re-encodes to its input");
    assertEquals(m, Message.deserialize(again));
    assertEquals(data.length, m.serializedLength());
    m.toString();
  }

  /** A base64 transaction as RPC returns it (the text decoder in front of the wire decoder). */
  @FuzzTest(maxDuration = "10m")
  void transactionBase64(byte[] data) {
    String text = new String(data, java.nio.charset.StandardCharsets.ISO_8859_1);
    Transaction t;
    try {
      t = Transaction.deserializeBase64(text);
    } catch (DecodingException | SvmException e) {
      return;
    }
    assertArrayEquals(Base64.getDecoder().decode(text), t.serialize());
  }

  @FuzzTest(maxDuration = "10m")
  void shortvec(byte[] data) {
    int v;
    try {
      v = CompactU16.decode(data, 0);
    } catch (DecodingException e) {
      return;
    }
    byte[] enc = CompactU16.encode(v);
    assertEquals(CompactU16.encodedLength(v), enc.length);
    assertArrayEquals(Arrays.copyOf(data, enc.length), enc, "compact-u16 is canonical");
  }
}
