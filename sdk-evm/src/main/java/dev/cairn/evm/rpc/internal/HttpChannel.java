package dev.cairn.evm.rpc.internal;

import java.io.IOException;

/**
 * Posts JSON-RPC request bodies to one endpoint and hands back the HTTP reply. Two implementations:
 * {@link OkHttpChannel} (the default: OkHttp, HTTP/2 or HTTP/1.1, TLS, proxies, interceptors) and
 * {@link Http1Channel} (Cairn's own pipelined HTTP/1.1 client for nearby nodes). Thread-safe.
 */
public interface HttpChannel {

  /**
   * Sends {@code body} and waits for the reply.
   *
   * @param timeoutNanos how long to wait at most (connecting included)
   * @throws java.io.InterruptedIOException when the time is up or the thread was interrupted
   * @throws IOException when the exchange failed
   */
  HttpReply post(byte[] body, long timeoutNanos) throws IOException;

  /**
   * Sends {@code body} and calls {@code callback} exactly once with the reply or the failure,
   * normally on a thread of the channel's or of its HTTP client (never on a connection's reader
   * while the channel is open); a request that cannot even be created fails on the caller's
   * thread, and after {@link #close()} callbacks run on the thread that fails them.
   */
  void postAsync(byte[] body, long timeoutNanos, Callback callback);

  /** Closes connections and stops threads the channel owns; pending exchanges fail. */
  void close();

  /** The outcome of an asynchronous post. */
  interface Callback {
    /** Exactly one of {@code reply} and {@code failure} is non-null. */
    void done(HttpReply reply, IOException failure);
  }
}
