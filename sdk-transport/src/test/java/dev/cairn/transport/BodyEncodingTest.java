package dev.cairn.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A body Jackson cannot decode as text is a malformed response, not a network failure to retry. */
class BodyEncodingTest {

  @Test
  void aBodyThatLooksLikeBrokenUtf32IsMalformedNotAnIoFailure() {
    byte[] body = {0, 0, 0, '{', 0, 0, 0, '"', (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
    Transport t = InMemoryTransport.answering(body);
    try (JsonRpcClient client = JsonRpcClient.builder("http://example.invalid/").build()) {
      RpcCall<String> call = client.call("eth_chainId", null, JsonValues::string, true);
      TransportException e = assertThrows(TransportException.class, () -> t.execute(call));
      assertEquals(TransportException.Kind.MALFORMED_RESPONSE, e.kind(), e.getMessage());
      assertFalse(e.isTransportFailure(), "a transport failure would be retried");
    } finally {
      t.close();
    }
  }
}
