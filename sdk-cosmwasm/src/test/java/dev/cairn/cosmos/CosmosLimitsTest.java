package dev.cairn.cosmos;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.encoding.DecodingException;
import dev.cairn.cosmos.internal.ProtoReader;
import dev.cairn.cosmos.tx.TxRaw;
import org.junit.jupiter.api.Test;

/**
 * Bounded resources (issue 13): sdk-cosmwasm's protobuf limits at the limit and one past it:
 * embedded message nesting and the transaction size. See docs/reliability.md.
 */
class CosmosLimitsTest {

  @Test
  void protobufNestingDepth() {
    ProtoReader r = ProtoReader.of(new byte[0], "TxRaw");
    for (int i = 0; i < ProtoReader.MAX_DEPTH; i++) {
      ProtoReader parent = r;
      r = assertDoesNotThrow(() -> parent.nested(new byte[0], "Any", 0));
    }
    ProtoReader deepest = r;
    DecodingException e = assertThrows(DecodingException.class, () -> deepest.nested(new byte[0], "Any", 0));
    assertTrue(e.getMessage().contains("deeper than " + ProtoReader.MAX_DEPTH), e.getMessage());
  }

  @Test
  void txRawSize() {
    // at the limit the size check passes and decoding goes on to the (empty) content
    DecodingException at = assertThrows(DecodingException.class, () -> TxRaw.decode(new byte[TxRaw.MAX_TX_BYTES]));
    assertTrue(!at.getMessage().contains(String.valueOf(TxRaw.MAX_TX_BYTES)), at.getMessage());
    DecodingException past = assertThrows(DecodingException.class, () -> TxRaw.decode(new byte[TxRaw.MAX_TX_BYTES + 1]));
    assertTrue(past.getMessage().contains(String.valueOf(TxRaw.MAX_TX_BYTES)), past.getMessage());
  }
}
