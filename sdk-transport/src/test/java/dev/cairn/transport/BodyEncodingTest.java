package dev.cairn.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.transport.internal.HttpChannel;
import dev.cairn.transport.internal.HttpReply;
import java.time.Duration;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** A body Jackson cannot decode as text is a malformed response, not a network failure to retry. */
class BodyEncodingTest {

  @Test
  void aBodyThatLooksLikeBrokenUtf32IsMalformedNotAnIoFailure() {
    byte[] body = {0, 0, 0, '{', 0, 0, 0, '"', (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
    HttpChannel channel = new HttpChannel() {
      @Override
      public HttpReply post(byte[] req, long timeoutNanos, boolean idempotent) {
        return HttpReply.inMemory(200, null, body);
      }

      @Override
      public HttpReply request(String method, String target, byte[] req, long timeoutNanos, boolean idempotent) {
        return HttpReply.inMemory(200, null, body);
      }

      @Override
      public void requestAsync(String method, String target, byte[] req, long timeoutNanos, boolean idempotent,
          Callback callback) {
        callback.done(HttpReply.inMemory(200, null, body), null);
      }

      @Override
      public void postAsync(byte[] req, long timeoutNanos, boolean idempotent, Callback callback) {
        callback.done(HttpReply.inMemory(200, null, body), null);
      }

      @Override
      public void close() {
      }
    };
    Transport t = new Transport(null, false, HttpUrl.get("http://example.invalid/"), channel, HttpChannelKind.OKHTTP,
        RetryPolicy.NONE, Duration.ofSeconds(10), 1 << 20);
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
