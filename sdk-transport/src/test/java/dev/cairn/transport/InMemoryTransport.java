package dev.cairn.transport;

import dev.cairn.transport.internal.HttpChannel;
import dev.cairn.transport.internal.HttpReply;
import java.time.Duration;
import okhttp3.HttpUrl;

/** A {@link Transport} whose every exchange answers 200 with one fixed body, without a socket (tests, fuzz targets). */
final class InMemoryTransport {
  private InMemoryTransport() {}

  static Transport answering(byte[] body) {
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
    return new Transport(null, false, HttpUrl.get("http://in-memory.invalid/"), channel, HttpChannelKind.OKHTTP,
        RetryPolicy.NONE, Duration.ofSeconds(10), 1 << 20);
  }
}
