package dev.cairn.transport.internal;

import java.io.IOException;

/**
 * Posts JSON-RPC request bodies to one endpoint (or sends REST requests below its base URL) and
 * hands back the HTTP reply. Failures that provably happened before anything was sent are {@link
 * NotSentException}s (or {@link java.net.ConnectException}s), a closed channel's are {@link
 * ChannelClosedException}s. Two implementations:
 * {@link OkHttpChannel} (the default: OkHttp, HTTP/2 or HTTP/1.1, TLS, proxies, interceptors) and
 * {@link Http1Channel} (Cairn's own pipelined HTTP/1.1 client for nearby nodes). Thread-safe.
 */
public interface HttpChannel {

  /**
   * Sends {@code body} and waits for the reply.
   *
   * @param idempotent whether the request may be repeated; if not, the channel never resends it
   *     once it may have reached the server (OkHttp's silent retry included)
   * @param timeoutNanos how long to wait at most (connecting included)
   * @throws java.io.InterruptedIOException when the time is up or the thread was interrupted
   * @throws IOException when the exchange failed
   */
  HttpReply post(byte[] body, long timeoutNanos, boolean idempotent) throws IOException;

  /**
   * Sends a request to {@code target} (a path and query relative to the channel's base URL,
   * starting with {@code /}), with {@code body} (JSON) or none, and waits for the reply.
   *
   * @param method {@code GET} or {@code POST}
   */
  HttpReply request(String method, String target, byte[] body, long timeoutNanos, boolean idempotent)
      throws IOException;

  /** {@link #request} without blocking; the callback contract of {@link #postAsync} applies. */
  void requestAsync(String method, String target, byte[] body, long timeoutNanos, boolean idempotent,
      Callback callback);

  /**
   * Sends {@code body} and calls {@code callback} exactly once with the reply or the failure,
   * normally on a thread of the channel's or of its HTTP client (never on a connection's reader
   * while the channel is open); a request that cannot even be created fails on the caller's
   * thread, and after {@link #close()} callbacks run on the thread that fails them.
   */
  void postAsync(byte[] body, long timeoutNanos, boolean idempotent, Callback callback);

  /** Closes connections and stops threads the channel owns; pending exchanges fail. */
  void close();

  /** The outcome of an asynchronous post. */
  interface Callback {
    /** Exactly one of {@code reply} and {@code failure} is non-null. */
    void done(HttpReply reply, IOException failure);
  }
}
