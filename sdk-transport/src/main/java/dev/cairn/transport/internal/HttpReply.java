package dev.cairn.transport.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An HTTP reply as the JSON-RPC layer needs it: the status, the {@code Retry-After} header and the
 * body, either already in memory ({@link #bodyBytes()}) or as a stream that the reader must bound.
 */
public abstract class HttpReply implements AutoCloseable {
  private final int code;
  private final String retryAfter;

  protected HttpReply(int code, String retryAfter) {
    this.code = code;
    this.retryAfter = retryAfter;
  }

  /** The HTTP status code. */
  public final int code() {
    return code;
  }

  /** The {@code Retry-After} header's value, or null. */
  public final String retryAfter() {
    return retryAfter;
  }

  /** The declared body length, -1 if unknown. */
  public abstract long contentLength();

  /** The whole body if it is in memory already, else null (then use {@link #bodyStream()}). */
  public abstract byte[] bodyBytes();

  /** The body as a stream (not bounded: the caller counts). */
  public abstract InputStream bodyStream() throws IOException;

  /** Up to {@code max} bytes from the start of the body, for error messages; empty if unavailable. */
  public abstract byte[] peek(int max);

  @Override
  public void close() {
  }

  /** A reply whose body is in memory. */
  public static HttpReply inMemory(int code, String retryAfter, byte[] body) {
    return new HttpReply(code, retryAfter) {
      @Override
      public long contentLength() {
        return body.length;
      }

      @Override
      public byte[] bodyBytes() {
        return body;
      }

      @Override
      public InputStream bodyStream() {
        return new ByteArrayInputStream(body);
      }

      @Override
      public byte[] peek(int max) {
        return java.util.Arrays.copyOf(body, Math.min(max, body.length));
      }
    };
  }
}
