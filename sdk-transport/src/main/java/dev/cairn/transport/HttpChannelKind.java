package dev.cairn.transport;

/** Which HTTP channel a client sends its requests over. */
public enum HttpChannelKind {
  /** OkHttp: HTTP/2 where the server offers it (ALPN), TLS, proxies, interceptors. */
  OKHTTP,
  /** Cairn's own pipelined HTTP/1.1 channel over plain {@code http://}, for nodes close by. */
  PIPELINED_HTTP1
}
